/**
 * "No data loss": everything in the input that the add-in does not own survives the round
 * trip through the runner: other sheets, values, formulas, styles, merged cells, row heights, hidden
 * rows and column widths. Checked with ExcelJS (an independent reader): every cell of the input
 * outside the add-in's own output columns must read back with the same value and the same style.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { cli, readReport, readWithExcelJs, sampleDir, SAMPLES } from "./helpers";

jest.setTimeout(60_000);

/** 0-based column index of A1 letters. */
function col(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/**
 * Anycity (its table sheet as generated) plus what a user adds: a notes sheet with formulas, number
 * formats, fonts (underline, strike, theme colour), fills, borders, indent, rotation, merged cells,
 * a tall row, a hidden row, column widths, a hidden column and a formatted blank cell; and a note
 * below the table.
 */
async function userWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, "anycity-laa.xlsx"));
  const notes = wb.addWorksheet("Board notes");
  notes.getCell("A1").value = "Board meeting, 21 October 2010";
  notes.mergeCells("A1:D1");
  notes.getCell("A1").font = { bold: true, size: 16, underline: true, color: { theme: 4 } };
  notes.getCell("A1").alignment = { horizontal: "center" };
  notes.getRow(1).height = 28;
  notes.getCell("A3").value = "Budget";
  notes.getCell("B3").value = 125000.5;
  notes.getCell("B3").numFmt = "£#,##0.00";
  notes.getCell("B4").value = 98000;
  notes.getCell("B4").numFmt = "£#,##0.00";
  notes.getCell("B5").value = { formula: "B3-B4", result: 27000.5 };
  notes.getCell("B5").numFmt = "£#,##0.00";
  notes.getCell("B5").border = { top: { style: "double", color: { argb: "FF1F4E79" } }, bottom: { style: "thin" } };
  notes.getCell("A6").value = "Struck item";
  notes.getCell("A6").font = { strike: true, italic: true, name: "Arial", size: 10 };
  notes.getCell("A7").value = "Indented";
  notes.getCell("A7").alignment = { indent: 2, wrapText: true };
  notes.getCell("A8").value = "Rotated";
  notes.getCell("A8").alignment = { textRotation: 45 };
  notes.getCell("C9").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 5, tint: 0.4 } as Partial<ExcelJS.Color> };
  notes.getCell("A10").value = new Date(Date.UTC(2010, 9, 21));
  notes.getCell("A10").numFmt = "dd mmm yyyy";
  notes.getCell("A11").value = "Hidden working";
  notes.getRow(11).hidden = true;
  notes.getCell("A12").value = { formula: 'COUNTIF(\'LAA indicators\'!D2:D44,"Higher")', result: 30 };
  notes.getColumn(1).width = 30;
  notes.getColumn(3).width = 5;
  notes.getCell("E3").value = "Working figure";
  notes.getColumn(5).hidden = true;
  notes.getCell("D3").fill = { type: "pattern", pattern: "lightGrid", fgColor: { argb: "FFFF0000" }, bgColor: { argb: "FFFFFFFF" } };
  notes.getCell("D3").protection = { locked: false };
  const table = wb.getWorksheet("LAA indicators")!;
  table.getCell("B47").value = "Source: Anycity performance team";
  table.getCell("B47").font = { italic: true, color: { argb: "FF7F7F7F" } };
  await wb.xlsx.writeFile(file);
}

function owned(sheet: string, ownedSheet: string, firstColumn: number, lastRow: number, r: number, c: number): boolean {
  return sheet === ownedSheet && c >= firstColumn && c < firstColumn + OUTPUT_COLUMNS.length && r <= lastRow;
}

describe("laa-scorecard keeps what the add-in does not own", () => {
  it("every value, formula and style outside the add-in's columns survives rate, cell by cell", async () => {
    const dir = await sampleDir();
    await userWorkbook(path.join(dir, "board.xlsx"));
    const run = await cli(dir, ["rate", "board.xlsx", "--out", "out", "--report", "r.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [entry] = (await readReport(path.join(dir, "r.json"))).files;
    // The add-in owns the columns right of its source (rate-rag.ts writeOutputs), header row to last data row.
    const source = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(entry.source!.address)!;
    const firstOwned = col(source[3]) + 1;
    const lastRow = Number(source[4]);

    const input = await readWithExcelJs(path.join(dir, "board.xlsx"));
    const output = await readWithExcelJs(path.join(dir, "out", "board.xlsx"));
    expect(output.worksheets.map((w) => w.name)).toEqual(input.worksheets.map((w) => w.name));
    let compared = 0;
    for (const wsIn of input.worksheets) {
      const wsOut = output.getWorksheet(wsIn.name)!;
      wsIn.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          if (owned(wsIn.name, entry.source!.sheet, firstOwned + 1, lastRow, r, c)) return;
          const out = wsOut.getCell(r, c);
          expect({ at: `${wsIn.name}!${cell.address}`, value: out.value, style: out.style }).toEqual({ at: `${wsIn.name}!${cell.address}`, value: cell.value, style: cell.style });
          compared += 1;
        });
        expect({ row: r, height: wsOut.getRow(r).height, hidden: wsOut.getRow(r).hidden }).toEqual({ row: r, height: row.height, hidden: row.hidden });
      });
      expect([...((wsOut.model as { merges?: string[] }).merges ?? [])].sort()).toEqual([...((wsIn.model as { merges?: string[] }).merges ?? [])].sort());
      for (let c = 1; c <= wsIn.columnCount; c++) {
        if (wsIn.name === entry.source!.sheet && c > firstOwned && c <= firstOwned + OUTPUT_COLUMNS.length) continue;
        expect({ column: c, width: wsOut.getColumn(c).width, hidden: wsOut.getColumn(c).hidden }).toEqual({ column: c, width: wsIn.getColumn(c).width, hidden: wsIn.getColumn(c).hidden });
      }
    }
    // Anycity alone has 44 rows x 17 columns in its table; the notes add more.
    expect(compared).toBeGreaterThan(44 * 17);
    // And the add-in's own columns were written.
    expect(output.getWorksheet("LAA indicators")!.getCell(1, firstOwned + 1).value).toBe("Status");
  });

  it("keeps a cell's rich text runs (formatting inside the text) as they were", async () => {
    const dir = await sampleDir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "anycity-laa.xlsx"));
    const runs = [{ text: "Red ", font: { color: { argb: "FFFF0000" } } }, { text: "and plain" }];
    wb.addWorksheet("Notes").getCell("B2").value = { richText: runs };
    await wb.xlsx.writeFile(path.join(dir, "rich.xlsx"));
    const run = await cli(dir, ["rate", "rich.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "out", "rich.xlsx"));
    expect(out.getWorksheet("Notes")!.getCell("B2").value).toEqual({ richText: runs });
  });
});
