/** Reading the sample workbooks back in tests: cell values as plain data, the way a reader sees them. */
import * as path from "node:path";
import ExcelJS from "exceljs";

/** The committed samples folder. */
export const SAMPLES_DIR = path.join(__dirname, "..", "..", "assets", "samples");

/** Opens an .xlsx with ExcelJS. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell value reduced to plain JSON (numbers, text, { error }, { formula, result }, null). */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    if ("error" in value) return { error: value.error };
    if ("formula" in value) return { formula: value.formula, result: value.result ?? null };
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return value;
}

/** Every non-empty cell of every sheet, keyed "Sheet!A1", with hidden rows and merges. */
export function snapshot(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    out[`${ws.name}!#rows`] = ws.rowCount;
    out[`${ws.name}!#merges`] = [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) out[`${ws.name}!#hidden${r}`] = true;
      row.eachCell({ includeEmpty: false }, (cell) => {
        out[`${ws.name}!${cell.address}`] = plainValue(cell.value);
      });
    });
  });
  return out;
}

/** The rows of a sheet as arrays of plain values (1-based columns shifted to 0-based). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(plainValue(ws.getCell(r, c).value));
    rows.push(row);
  }
  return rows;
}
