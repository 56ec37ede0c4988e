import * as path from "node:path";
import ExcelJS from "exceljs";
import { createExcelApi, createWorkbook, PAYLOAD_LIMIT_BYTES } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { readUsedRange, readUsedRangeInBlocks } from "../../src/excel/read-used-range";

// The first adapter, run against the emulator (src/emulator) exactly as it runs in Excel.
// Used range semantics: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)
describe("readUsedRange", () => {
  function workbook() {
    const wb = createWorkbook(["Indicators", "Blank"]);
    return { wb, Excel: createExcelApi(wb) };
  }

  it("reads the used cells of a sheet into plain rows in one sync, with where they start", async () => {
    const { Excel } = workbook();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Indicators").getRange("B3:D5").values = [["Id", "Actual", "Target"], ["NI 16", 12.5, 10], ["NI 20", "n/a", 8]];
      await context.sync();
    });
    const { result, counters } = await Excel.runWithCounters((context) => readUsedRange(context, "Indicators"));
    expect(result).toEqual({
      sheet: "Indicators", address: "B3:D5", firstRow: 2, firstColumn: 1, rowCount: 3, columnCount: 3,
      values: [["Id", "Actual", "Target"], ["NI 16", 12.5, 10], ["NI 20", "n/a", 8]], syncs: 1,
    });
    expect(counters.syncs).toBe(1);
    expect(counters.cellsRead).toBe(9);
  });

  it("ignores cells that only carry formatting (valuesOnly), so a coloured empty column does not widen the rows", async () => {
    const { Excel } = workbook();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Indicators");
      sheet.getRange("A1:B2").values = [["Id", "Actual"], ["NI 1", 3]];
      sheet.getRange("F1:F50").format.fill.color = "yellow";
      await context.sync();
    });
    const result = await Excel.run((context) => readUsedRange(context, "Indicators"));
    expect(result.address).toBe("A1:B2");
  });

  it("gives zero rows for a blank sheet, still in one sync", async () => {
    const { Excel } = workbook();
    const { result, counters } = await Excel.runWithCounters((context) => readUsedRange(context, "Blank"));
    expect(result).toMatchObject({ address: "", rowCount: 0, values: [] });
    expect(counters.syncs).toBe(1);
  });

  it("rejects a missing sheet with Excel's ItemNotFound rather than hiding it", async () => {
    const { Excel } = workbook();
    await expect(Excel.run((context) => readUsedRange(context, "Nope"))).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("reads error values as Excel's error text and number formats when asked", async () => {
    const { Excel } = workbook();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Indicators").getRange("A1:B1");
      r.values = [["#DIV/0!", 0.25]];
      r.numberFormat = [["General", "0%"]];
      await context.sync();
    });
    const result = await Excel.run((context) => readUsedRange(context, "Indicators", { withNumberFormats: true }));
    expect(result.values).toEqual([["#DIV/0!", 0.25]]);
    expect(result.numberFormats).toEqual([["General", "0%"]]);
  });
});

describe("readUsedRangeInBlocks", () => {
  function bigSheet(rows: number) {
    const wb = createWorkbook(["Big"]);
    const sheet = wb.sheets[0];
    for (let r = 0; r < rows; r++) {
      const row = sheet.ensureCell(r, 0);
      row.value = `Indicator ${r} with a longish title`;
      for (let c = 1; c < 8; c++) sheet.ensureCell(r, c).value = r * 8 + c + 0.123456789;
    }
    return { wb, Excel: createExcelApi(wb) };
  }

  it("is needed: reading 100,000 rows in one sync fails on Excel on the web's 5 MB response limit", async () => {
    const { Excel } = bigSheet(100_000);
    await expect(Excel.run((context) => readUsedRange(context, "Big"))).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("reads 100,000 rows in blocks, every response under 5 MB, with the same rows", async () => {
    const { wb, Excel } = bigSheet(100_000);
    const { result, counters } = await Excel.runWithCounters((context) => readUsedRangeInBlocks(context, "Big"));
    expect(result.rowCount).toBe(100_000);
    expect(result.values).toHaveLength(100_000);
    expect(result.values[99_999][0]).toBe("Indicator 99999 with a longish title");
    expect(result.values[12_345][3]).toBe(wb.sheets[0].cell(12_345, 3)!.value);
    expect(counters.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(counters.syncs).toBe(result.syncs);
    expect(result.syncs).toBeGreaterThan(2);
    expect(counters.cellsRead).toBe(800_000);
  });

  it("reads a small sheet in one block after finding its used range", async () => {
    const { Excel } = bigSheet(10);
    const result = await Excel.run((context) => readUsedRangeInBlocks(context, "Big"));
    expect(result.syncs).toBe(2);
    expect(result.values).toEqual(await Excel.run(async (context) => (await readUsedRange(context, "Big")).values));
  });
});

// A workbook file in the repository (the regional sample in assets/samples, written by ExcelJS through
// npm run samples): the emulator's used range must match what ExcelJS itself reads from the file.
const SAMPLE = path.resolve(__dirname, "../../assets/samples/region-community-safety.xlsx");
describe("readUsedRange on a saved workbook", () => {
  it("reads the same cells as ExcelJS does from region-community-safety.xlsx", async () => {
    const wb = await loadXlsxFile(SAMPLE);
    const result = await createExcelApi(wb).run((context) => readUsedRange(context, "Data"));
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(SAMPLE);
    const ws = x.getWorksheet("Data")!;
    expect(result.address).toBe(`A1:${ws.getColumn(ws.columnCount).letter}${ws.rowCount}`);
    expect(result.rowCount).toBe(217);
    expect(result.values[0][0]).toBe(ws.getCell("A1").value);
    expect(result.values[100][10]).toBe(ws.getCell("K101").value ?? "");
  });
});
