/**
 * Rate RAG writing the outputs of the rows it has read in the syncs that read the next rows
 * (src/excel/rate-stream.ts), through the emulator. A small payload budget makes a table of a few
 * thousand rows take many syncs, as 100,000 rows do under Excel on the web's 5 MB limit
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The expected workbook in every test is the same workbook rated with the limits lifted and one
 * sync to read and one to write (nothing to stream), so what the user sees must be the same cell
 * for cell, with the same status fills, column widths, record and report.
 */
import { createExcelApi, type ExcelApi, type WorkbookModel } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { RequestContextImpl } from "../../src/emulator/runtime";
import { rateRag } from "../../src/excel/rate-rag";
import { SAMPLES, wideWorkbook } from "./fixtures";
import * as path from "node:path";

const UNLIMITED = { limits: { payloadBytes: Number.POSITIVE_INFINITY, cellsPerRead: Number.POSITIVE_INFINITY } };
/** A budget that reads everything in the first sync and writes it in one more. */
const WHOLE = 1e12;

/** Everything Rate RAG can change, as plain data: cells, widths, status rules, tables, settings. */
function state(wb: WorkbookModel): unknown {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      cells: s.rows.map((row) => (row ?? []).map((c) => (c ? { ...c } : null))),
      widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rules: s.conditionalFormats.map(({ id: _id, ...cf }) => cf),
    })),
    tables: wb.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect, columns: t.columnIds.length })),
    settings: [...wb.settings.entries()],
  };
}

/** Request and response bytes of each sync of a run (the emulator's counters, read around each sync). */
async function rateCounted(api: ExcelApi, budgetBytes: number, cell = "B2", sheet = "Indicators") {
  await api.run(async (context) => { const ws = context.workbook.worksheets.getItem(sheet); ws.activate(); ws.getRange(cell).select(); await context.sync(); });
  const syncs: { request: number; response: number }[] = [];
  const original = RequestContextImpl.prototype.sync;
  const spy = jest.spyOn(RequestContextImpl.prototype, "sync").mockImplementation(async function (this: RequestContextImpl, ...args: unknown[]) {
    const before = { request: this.counters.requestBytes, response: this.counters.responseBytes, syncs: this.counters.syncs };
    const result = await original.apply(this, args as []);
    if (this.counters.syncs > before.syncs) syncs.push({ request: this.counters.requestBytes - before.request, response: this.counters.responseBytes - before.response });
    return result;
  });
  try {
    const { result, counters } = await api.runWithCounters((context) => rateRag(context, { budgetBytes }));
    return { report: result, counters, syncs };
  } finally {
    spy.mockRestore();
  }
}

/**
 * Rates the workbook `open` gives twice, streamed under `budgetBytes` and whole with the limits
 * lifted, and checks the user sees the same: the same report, and every cell, width, status rule,
 * table and setting the same. Gives both runs and both emulators.
 */
async function rateBothWays(open: (options?: typeof UNLIMITED) => ExcelApi | Promise<ExcelApi>, budgetBytes: number, cell?: string, sheet?: string) {
  const streamed = await open();
  const whole = await open(UNLIMITED);
  const mine = await rateCounted(streamed, budgetBytes, cell, sheet);
  const theirs = await rateCounted(whole, WHOLE, cell, sheet);
  expect(mine.report).toEqual(theirs.report);
  expect(state(streamed.workbook)).toEqual(state(whole.workbook));
  return { mine, theirs, streamed };
}

/** Syncs that carry a block of writes one way and a block of reads the other. */
const pipelined = (syncs: readonly { request: number; response: number }[], bytes: number) => syncs.filter((s) => s.request > bytes && s.response > bytes).length;

/** A wide table of n rows with the rows a rating must get right across blocks: a repeat, a hidden row, an unknown code. */
function trickyWorkbook(n: number): WorkbookModel {
  const wb = wideWorkbook(n);
  const sheet = wb.sheets[0];
  sheet.ensureCell(n - 10, 0).value = "PI 7"; // PI 7 again near the end: only the first is rated
  sheet.ensureCell(n - 20, 0).value = "NI 300"; // not a National Indicator code
  sheet.ensureCell(n - 30, 3).value = null; // a blank polarity: assumed higher is better
  sheet.hiddenRows.add(n - 40);
  return wb;
}

describe("Rate RAG writes while it reads", () => {
  it("writes the outputs of the rows read in the syncs that read the next rows, with the same result", async () => {
    const { mine, theirs, streamed } = await rateBothWays((options) => createExcelApi(trickyWorkbook(3_000), options), 60_000);
    expect(theirs.counters.syncs).toBe(2);
    // At least half the syncs carry writes of 10 KB or more and reads of 10 KB or more.
    expect(pipelined(mine.syncs, 10_000)).toBeGreaterThanOrEqual(mine.syncs.length / 2);
    expect(mine.syncs.every((s) => s.request <= 60_000 + 2_000)).toBe(true);
    // The repeat, the unknown code and the hidden row, each with its cell; the blank polarity is assumed.
    expect(mine.report.problems.map((p) => p.address)).toEqual(expect.arrayContaining(["A2991", "A2981", "A2961"]));
    expect(mine.report.polarityAssumed?.count).toBe(1);
    // Numbers stay numbers at full precision: PI 2's gap is 60 - 58.2 in double precision
    // (1.7999999999999972), in N3 (the Gap column, right of Status in M).
    expect(streamed.workbook.sheets[0].cell(2, 13)?.value).toBe(60 - 58.2);
  }, 60_000);

  it("rates again over its own columns the same way (the record's block)", async () => {
    const streamed = createExcelApi(trickyWorkbook(2_000));
    const whole = createExcelApi(trickyWorkbook(2_000), UNLIMITED);
    await rateCounted(streamed, 60_000);
    await rateCounted(whole, WHOLE);
    // A changed actual, then Rate RAG again.
    for (const api of [streamed, whole]) api.workbook.sheets[0].ensureCell(1500, 9).value = 10;
    const mine = await rateCounted(streamed, 60_000);
    const theirs = await rateCounted(whole, WHOLE);
    expect(pipelined(mine.syncs, 10_000)).toBeGreaterThan(0);
    expect(mine.report).toEqual(theirs.report);
    expect(state(streamed.workbook)).toEqual(state(whole.workbook));
  }, 60_000);

  it("streams an Excel table once its address is read", async () => {
    const make = async (options = {}) => {
      const api = createExcelApi(trickyWorkbook(2_000), options);
      await api.run(async (context) => {
        context.workbook.worksheets.getItem("Indicators").tables.add("A1:L2001", true).name = "KPIs";
        await context.sync();
      });
      return api;
    };
    const { mine } = await rateBothWays(make, 60_000);
    expect(mine.report.source).toMatchObject({ kind: "table", name: "KPIs" });
    expect(pipelined(mine.syncs, 10_000)).toBeGreaterThan(0);
  }, 60_000);

  it("stops at the blank row that ends the table, as when it reads everything first", async () => {
    // Rows 2 to 1,001 are the table; row 1,002 is blank; another table of the same columns follows.
    const make = (options = {}) => {
      const wb = wideWorkbook(2_000);
      const sheet = wb.sheets[0];
      for (let c = 0; c < 12; c++) sheet.ensureCell(1_001, c).value = null;
      return createExcelApi(wb, options);
    };
    const { mine } = await rateBothWays(make, 60_000);
    expect(mine.report.source).toMatchObject({ address: "A1:L1001", rows: 1_000 });
    expect(pipelined(mine.syncs, 10_000)).toBeGreaterThan(0);
  }, 60_000);
});

describe("Rate RAG reads everything before it writes when the rows to come could change the writes", () => {
  it("a cell of the user's far down where the outputs would go: refused, nothing written", async () => {
    const wb = wideWorkbook(3_000);
    wb.sheets[0].ensureCell(2_900, 13).value = "mine";
    const api = createExcelApi(wb);
    const before = state(wb);
    await api.run(async (context) => { context.workbook.worksheets.getItem("Indicators").getRange("B2").select(); await context.sync(); });
    await expect(api.run((context) => rateRag(context, { budgetBytes: 60_000 }))).rejects.toMatchObject({ userMessage: expect.stringContaining("N2901") });
    expect(state(wb)).toEqual(before);
  }, 60_000);

  it("a long table (each series spans the table): every row is read before the first write", async () => {
    const open = async (options = {}) => createExcelApi(await loadXlsxFile(path.join(SAMPLES, "region-community-safety.xlsx")), options);
    const { mine } = await rateBothWays(open, 8_000, "A2", "Data");
    expect(mine.report.source.layout).toBe("long");
    expect(mine.syncs.length).toBeGreaterThan(4);
    expect(pipelined(mine.syncs, 2_000)).toBe(0);
  }, 60_000);

  it("a table beside other data in the used range (its region could still widen): every row first", async () => {
    const make = (options = {}) => {
      const wb = wideWorkbook(2_000);
      // Notes two columns right of the table, from row 1,500: the used range is wider than the table.
      for (let r = 1_499; r < 1_600; r++) wb.sheets[0].ensureCell(r, 25).value = `note ${r}`;
      return createExcelApi(wb, options);
    };
    const { mine } = await rateBothWays(make, 60_000);
    expect(pipelined(mine.syncs, 2_000)).toBe(0);
  }, 60_000);
});
