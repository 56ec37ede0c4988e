import { createExcelApi, createWorkbook } from "../../src/emulator";
import { createLaaActions } from "../../src/excel/actions";
import { scorecardCommands } from "../../src/excel/scorecard";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { anycityInsertPlan } from "../../src/samples/anycity";

// The task pane's actions over the emulator's Excel.run (src/excel/actions.ts): what a user clicking
// through the pane on a new workbook would see. Counts follow the Anycity sample's own check.
describe("LaaActions over the emulator", () => {
  it("inserts Anycity's sample, finds it, rates it, builds scorecards and adds the checklist", async () => {
    const api = createExcelApi(createWorkbook(["Sheet1"]));
    const actions = createLaaActions(api.run, scorecardCommands, anycityInsertPlan);
    const inserted = await actions.insertSampleData();
    expect(inserted.sheet).toBe("LAA indicators");
    const detected = await actions.detect();
    expect(detected.source).toMatchObject({ sheet: "LAA indicators", kind: "table", layout: "wide", rows: 43 });
    expect(detected.mapping.find((m) => m.header === "Polarity")?.role).toBe("polarity");
    const report = await actions.rateRag();
    expect(report.counts).toEqual({ Blue: 0, Green: 19, Amber: 10, Red: 8, Grey: 6 });
    const built = await actions.buildScorecard();
    expect(built.sheets).toContain("Scorecard");
    const checklist = await actions.insertReviewChecklist();
    expect(checklist.created).toBe(true);
    const again = await actions.insertReviewChecklist();
    expect(again).toEqual({ sheet: checklist.sheet, created: false, renamed: [] });
  });

  it("a second Insert sample data takes a free sheet name and leaves the first alone", async () => {
    const api = createExcelApi(createWorkbook(["Sheet1"]));
    const actions = createLaaActions(api.run, scorecardCommands, anycityInsertPlan);
    await actions.insertSampleData();
    expect((await actions.insertSampleData()).sheet).toBe("LAA indicators 2");
  });

  it("saves settings in the workbook and reads them back", async () => {
    const api = createExcelApi(createWorkbook(["Sheet1"]));
    const actions = createLaaActions(api.run, scorecardCommands, anycityInsertPlan);
    const rules = { ...DEFAULT_RULE_SETTINGS, preset: "stretch" as const, tolerance: 0.1 };
    await actions.saveSettings({ rules, mapping: [{ column: 2, header: "Score", role: "target" }] });
    expect(await actions.loadSettings()).toEqual({ settings: { rules, mapping: [{ column: 2, header: "Score", role: "target" }] }, warnings: [] });
  });

  it("says honestly that scorecards are not available when the build has no scorecard module", async () => {
    const actions = createLaaActions(createExcelApi(createWorkbook(["Sheet1"])).run);
    await expect(actions.buildScorecard()).rejects.toMatchObject({ userMessage: expect.stringMatching(/not available/) });
  });
});
