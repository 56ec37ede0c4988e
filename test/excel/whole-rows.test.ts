import { createExcelApi, createWorkbook, type ExcelApi } from "../../src/emulator";
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { rateRag } from "../../src/excel/rate-rag";

// A sheet whose used range comes back in whole-row form: an indicator table in A1:E20 and one note
// out in column XFD (Excel's last column, 16,384th), so the used range spans every column and
// Range.address is "'Q3 data'!1:20" (the form of "Get a range using an address",
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get).
//
// Expected statuses, by hand with the Tolerance preset (docs/methods.md#tolerance, 5% band), target
// 50, higher is better: actual 50 meets it (Green); 48.5 is 1.5 = 3% short (Amber); 40 is 10 = 20%
// short (Red). Rows 1..19 cycle Green, Amber, Red: 7 Green, 6 Amber, 6 Red.
const SHEET = "Q3 data";
const ACTUALS = [50, 48.5, 40];

function tableWithFarNote(): ExcelApi {
  const wb = createWorkbook([SHEET]);
  const sheet = wb.sheets[0];
  ["Code", "Indicator", "Polarity", "Target", "Actual"].forEach((h, c) => { sheet.ensureCell(0, c).value = h; });
  for (let r = 1; r < 20; r++) {
    [`NI ${r}`, `Indicator ${r}`, "Higher is better", 50, ACTUALS[(r - 1) % 3]].forEach((v, c) => { sheet.ensureCell(r, c).value = v; });
  }
  sheet.ensureCell(4, 16383).value = "Checked by PS";
  return createExcelApi(wb);
}

async function select(api: ExcelApi, address: string): Promise<string> {
  return api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET);
    ws.getRange(address).select();
    const used = ws.getUsedRange();
    used.load("address");
    await context.sync();
    return used.address;
  });
}

async function cells(api: ExcelApi, address: string): Promise<unknown[][]> {
  return api.run(async (context) => {
    const r = context.workbook.worksheets.getItem(SHEET).getRange(address);
    r.load("values");
    await context.sync();
    return r.values as unknown[][];
  });
}

describe("Rate RAG on a sheet with a value in column XFD (used range in whole-row form)", () => {
  it("the emulator gives the used range as whole rows, as Excel does", async () => {
    expect(await select(tableWithFarNote(), "B3")).toBe("'Q3 data'!1:20");
  });

  it.each([
    ["a cell of the table", "B3"],
    ["the whole rows 1:20", "1:20"],
    ["the whole columns A:E", "A:E"],
  ])("with %s selected, rates every row into F:O (ten output columns) and keeps the note in XFD5", async (_what, selection) => {
    const api = tableWithFarNote();
    await select(api, selection);
    const report = await api.run((context) => rateRag(context));
    expect(report.source).toMatchObject({ sheet: SHEET, address: "A1:E20", kind: "range", rows: 19 });
    expect(report.rated).toBe(19);
    expect(report.counts).toMatchObject({ Green: 7, Amber: 6, Red: 6, Grey: 0 });
    const out = await cells(api, "F1:O20");
    expect(out[0]).toEqual([...OUTPUT_COLUMNS]);
    expect(out.slice(1, 4).map((row) => row[0])).toEqual(["Green", "Amber", "Red"]);
    expect(await cells(api, "XFD5")).toEqual([["Checked by PS"]]);
    // A second run finds its own columns and changes nothing.
    const before = await cells(api, "A1:O20");
    await select(api, selection);
    await api.run((context) => rateRag(context));
    expect(await cells(api, "A1:O20")).toEqual(before);
    expect(await cells(api, "XFD5")).toEqual([["Checked by PS"]]);
  });

  it("whole rows with nothing in them are reported as empty, not rated", async () => {
    const api = tableWithFarNote();
    await select(api, "30:40");
    await expect(api.run((context) => rateRag(context))).rejects.toThrow("The selected cells 30:40 on Q3 data are all empty");
  });
});

describe("Rate RAG when there is no room beside the table", () => {
  it("says so in words when the header row itself runs to column XFD", async () => {
    const wb = createWorkbook([SHEET]);
    const sheet = wb.sheets[0];
    ["Code", "Indicator", "Polarity", "Target", "Actual"].forEach((h, c) => { sheet.ensureCell(0, c).value = h; });
    ["NI 1", "Indicator 1", "Higher is better", 50, 50].forEach((v, c) => { sheet.ensureCell(1, c).value = v; });
    sheet.ensureCell(0, 16383).value = "Notes";
    const api = createExcelApi(wb);
    await select(api, "1:2");
    await expect(api.run((context) => rateRag(context))).rejects.toThrow("'Q3 data'!1:2 reaches column XFD, too near the sheet's last column (XFD) to leave room");
  });
});
