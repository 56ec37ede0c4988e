import { createExcelApi, createWorkbook } from "../../src/emulator";
import { createLaaActions } from "../../src/excel/actions";
import { anycityInsertPlan } from "../../src/samples/anycity";
import { buildScorecard, saveSnapshot } from "../../src/excel/scorecard";
import { anycity, cells } from "./scorecard/helpers";

/**
 * Makes Worksheet.activate throw as Excel does when the user has switched workbook, from the call after
 * the first `allowed` ones (the user switches while the command runs).
 */
async function refuseActivate(api: Awaited<ReturnType<typeof anycity>>, allowed = 0): Promise<jest.SpyInstance> {
  const sheetProto = await api.run(async (context) => Object.getPrototypeOf(context.workbook.worksheets.getItem("LAA indicators")) as Excel.Worksheet);
  const original = sheetProto.activate;
  let calls = 0;
  return jest.spyOn(sheetProto, "activate").mockImplementation(function (this: Excel.Worksheet) {
    if (calls++ < allowed) return original.call(this);
    throw Object.assign(new Error("This workbook is not active."), { code: "InvalidOperation" });
  });
}

// Insert sample data when Excel refuses to select (the user switched to another workbook while the
// command ran): the sheet and table are made and reported, not left half-done behind an error.
describe("commands move the user's view last and tolerate a refused move", () => {
  it("Insert sample data reports the new sheet when selecting fails", async () => {
    const wb = createWorkbook(["Sheet1"]);
    const api = createExcelApi(wb);
    const actions = createLaaActions(api.run, undefined, anycityInsertPlan);
    const rangeProto = await api.run(async (context) => Object.getPrototypeOf(context.workbook.worksheets.getItem("Sheet1").getRange("A1")) as Excel.Range);
    const select = jest.spyOn(rangeProto, "select").mockImplementation(() => {
      throw Object.assign(new Error("This workbook is not active."), { code: "InvalidOperation" });
    });
    try {
      const inserted = await actions.insertSampleData();
      expect(inserted.sheet).toBe("LAA indicators");
    } finally {
      select.mockRestore();
    }
    const state = await api.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      const title = context.workbook.worksheets.getItem("LAA indicators").getRange("A1");
      title.load("values");
      await context.sync();
      return { tables: tables.items.map((t) => t.name), a1: title.values[0][0] };
    });
    // The sample's header starts with "Ref" (src/samples/anycity.ts anycityInsertPlan's example).
    expect(state).toEqual({ tables: ["AnycityLAA"], a1: "Ref" });
  });

  it("Build scorecard builds and reports every sheet when Excel refuses to show the Scorecard", async () => {
    const api = await anycity();
    const activate = await refuseActivate(api);
    try {
      const built = await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
      expect(built.sheets).toEqual(["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts"]);
      expect(activate).toHaveBeenCalled();
    } finally {
      activate.mockRestore();
    }
    // The sheets hold their content: the Scorecard's perspective table has the Overall row.
    expect(cells(api, "Scorecard").some((row) => row.includes("Overall"))).toBe(true);
  });

  it("Save snapshot saves its rows when Excel refuses to go back to the sheet the user was on", async () => {
    const api = await anycity();
    await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
    // Standing on an add-in sheet makes Save snapshot read the source and then return there.
    await api.run(async (context) => {
      context.workbook.worksheets.getItem("Scorecard").activate();
      await context.sync();
    });
    // The first move (to the indicator table, before anything is read) is made; the user then switches.
    const activate = await refuseActivate(api, 1);
    let saved: Awaited<ReturnType<typeof saveSnapshot>>;
    try {
      saved = await api.run((context) => saveSnapshot(context, { today: "2010-10-20" }));
    } finally {
      activate.mockRestore();
    }
    // 43 indicators in the Anycity sample (19 Green, 10 Amber, 8 Red, 6 Grey: test/samples/anycity-mix.test.ts).
    expect(saved.saved).toBe(43);
    expect(cells(api, saved.sheet).length).toBeGreaterThan(43);
  });
});

