import { createExcelApi, createWorkbook, type ExcelApi } from "../../src/emulator";
import { lastRibbonOutcome, publishRibbonOutcome, subscribeRibbonOutcome } from "../../src/shared/ribbon-outcome";
import { rateFromRibbon } from "../../src/commands/rate-from-ribbon";
import { rateRag } from "../../src/excel/rate-rag";
import { saveSettings } from "../../src/excel/settings";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { openSample } from "../excel/fixtures";

// The ribbon's Rate RAG through the emulator. Expected counts are whatever the Excel layer's
// own Rate RAG reports on the same workbook (test/excel/rate-rag.test.ts pins them for Anycity), so
// these tests check the command's behaviour, not the ratings again.
/** Row and column (0-based) of the first cell whose value is `text`. */
function find(api: ExcelApi, sheetName: string, text: string): { row: number; col: number } {
  const sheet = api.workbook.sheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  for (let r = 0; r < sheet.rows.length; r++) {
    const c = (sheet.rows[r] ?? []).findIndex((cell) => cell?.value === text);
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`no cell with ${text}`);
}

afterEach(() => publishRibbonOutcome(null));

describe("Rate RAG from the ribbon", () => {
  it("rates the table under the selection without opening the pane and reports the same counts as the pane's Rate RAG", async () => {
    const expected = await (await openSample("anycity-laa.xlsx", "LAA indicators", "B5")).run((context) => rateRag(context));
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const showPane = jest.fn(async () => undefined);
    const outcome = await rateFromRibbon({ run: api.run, showPane });
    expect(outcome.kind).toBe("rated");
    if (outcome.kind !== "rated") return;
    expect(outcome.report.counts).toEqual(expected.counts);
    expect(outcome.report.rated).toBe(expected.rated);
    expect(showPane).not.toHaveBeenCalled();
  });

  it("uses the rules saved in the workbook: a wider tolerance saved there gives the counts of that tolerance", async () => {
    // docs/methods.md#rag-rules (Tolerance preset): the Amber band is the saved tolerance, here 50% instead of 5%.
    const wide = { rules: { ...DEFAULT_RULE_SETTINGS, tolerance: 0.5 }, mapping: null };
    const reference = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const expected = await reference.run((context) => rateRag(context, { settings: wide }));
    const byDefault = await (await openSample("anycity-laa.xlsx", "LAA indicators", "B5")).run((context) => rateRag(context));
    expect(expected.counts).not.toEqual(byDefault.counts);
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    await api.run((context) => saveSettings(context, wide));
    const outcome = await rateFromRibbon({ run: api.run, showPane: async () => undefined });
    expect(outcome.kind === "rated" && outcome.report.counts).toEqual(expected.counts);
  });

  it("selects the Status column's rated cells so the analyst sees them", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const outcome = await rateFromRibbon({ run: api.run, showPane: async () => undefined });
    if (outcome.kind !== "rated") throw new Error("expected a rated outcome");
    const status = find(api, "LAA indicators", "Status");
    const sheet = api.workbook.sheetByName("LAA indicators");
    expect(api.workbook.selection).toEqual({ sheetId: sheet?.id, rect: { row: status.row + 1, col: status.col, rowCount: outcome.report.rated, colCount: 1 } });
  });

  it("keeps the outcome for the task pane and tells a pane that is already listening", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const heard: unknown[] = [];
    const stop = subscribeRibbonOutcome((o) => heard.push(o));
    const outcome = await rateFromRibbon({ run: api.run, showPane: async () => undefined });
    stop();
    expect(lastRibbonOutcome()).toBe(outcome);
    expect(heard).toEqual([outcome]);
  });

  it("opens the pane with the failure's words when there is no indicator table to rate", async () => {
    const api = createExcelApi(createWorkbook(["Empty"]));
    const showPane = jest.fn(async () => undefined);
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const outcome = await rateFromRibbon({ run: api.run, showPane });
    spy.mockRestore();
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ kind: "failed", title: "Rate RAG did not finish" });
    if (outcome.kind !== "failed") return;
    expect(outcome.detail.length).toBeGreaterThan(10);
    expect(lastRibbonOutcome()).toBe(outcome);
  });

  it("still reports the failure when the pane cannot be opened", async () => {
    const api = createExcelApi(createWorkbook(["Empty"]));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const outcome = await rateFromRibbon({ run: api.run, showPane: async () => Promise.reject(new Error("no pane")) });
    spy.mockRestore();
    expect(outcome.kind).toBe("failed");
  });
});
