import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/emulator/xlsx";
import JSZip from "jszip";
import { isDateFormat, plainStrings, splitSheet } from "../../src/emulator/xlsx-read-cells";
import type { WorkbookModel } from "../../src/emulator/model";

/** What a sheet holds once opened: every cell with its value and look, hidden rows, row heights. */
function contents(wb: WorkbookModel) {
  return wb.sheets.map((s) => ({ name: s.name, cells: JSON.stringify(s.rows), hidden: [...s.hiddenRows].sort((a, b) => a - b), heights: [...s.rowHeights].sort((a, b) => a[0] - b[0]) }));
}

/** A workbook with every kind of cell a large sheet may hold, the awkward ones included. */
async function awkward(): Promise<Uint8Array> {
  const x = new ExcelJS.Workbook();
  const ws = x.addWorksheet("Data");
  ws.addRow(["Code", "Title", "Date", "Actual", "Met", "Note"]);
  for (let i = 0; i < 60; i++) {
    ws.addRow([`NI ${i}`, i % 5 === 0 ? 'Crime & "disorder" <2008>\r\nline two' : `Indicator ${i}`, new Date(Date.UTC(2009, 2, 31 + i)), i / 3, i % 2 === 0, i % 7 === 0 ? { error: "#N/A" } : null]);
  }
  ws.getColumn(3).numFmt = "dd/mm/yyyy";
  ws.getColumn(4).numFmt = "0.0";
  for (let r = 2; r <= 61; r += 4) ws.getCell(`D${r}`).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } };
  ws.getCell("F3").value = { formula: "D3*2", result: 0.6666666666666666 } as ExcelJS.CellFormulaValue;
  ws.getCell("F4").value = { richText: [{ text: "Rich ", font: { bold: true } }, { text: "text" }] };
  ws.getCell("F5").value = { text: "Fingertips", hyperlink: "https://fingertips.phe.org.uk/" };
  ws.getCell("F6").value = "Carriage_x000D_return escaped";
  ws.mergeCells("A63:C63");
  ws.getCell("A63").value = "Merged heading";
  ws.getCell("E70").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
  ws.getRow(8).hidden = true;
  ws.getRow(9).height = 30;
  return new Uint8Array(await x.xlsx.writeBuffer());
}

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");

// A large sheet's plain cells are read without ExcelJS (src/emulator/xlsx-read-cells.ts); the workbook
// opened must be the same as ExcelJS's full reading of it, cell by cell.
describe("reading a large sheet's plain cells without ExcelJS", () => {
  it("opens the same workbook as ExcelJS alone, for dates, formulas, rich text, links, merges, errors and hidden rows", async () => {
    const bytes = await awkward();
    const full = await loadXlsx(bytes, undefined, { ownCellsFrom: Infinity });
    const split = await loadXlsx(bytes, undefined, { ownCellsFrom: 0 });
    expect(contents(split)).toEqual(contents(full));
    // The check compares real content: the dates came through as serials, 31 March 2009 = 39903.
    expect(split.sheetByName("Data")!.cell(1, 2)?.value).toBe(39903);
    expect(split.sheetByName("Data")!.cell(2, 1)?.value).toBe("Indicator 1");
    // And the sheet really was split: most of its 366 cells were read here, the awkward ones by ExcelJS.
    const zip = await JSZip.loadAsync(bytes);
    const parts = splitSheet(await zip.file("xl/worksheets/sheet1.xml")!.async("string"), plainStrings(await zip.file("xl/sharedStrings.xml")!.async("string")));
    expect(parts!.own.rows.length).toBeGreaterThan(300);
    expect(parts!.forExcelJs).toContain("<f>D3*2</f>");
  });

  it.each(readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")))("opens the sample %s the same as ExcelJS alone", async (file) => {
    const bytes = readFileSync(path.join(SAMPLES, file));
    expect(contents(await loadXlsx(bytes, undefined, { ownCellsFrom: 0 }))).toEqual(contents(await loadXlsx(bytes, undefined, { ownCellsFrom: Infinity })));
  });

  it("reads plain shared strings as ExcelJS does and leaves rich text to it", () => {
    const strings = plainStrings(`<sst count="3" uniqueCount="3"><si><t>A &amp; B</t></si><si><r><t>rich</t></r></si><si><t xml:space="preserve"> x_x000D_</t></si></sst>`);
    expect(strings).toEqual(["A & B", undefined, " x\r"]);
  });

  it("tells date formats as ExcelJS does", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat('0.0"%"')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
});
