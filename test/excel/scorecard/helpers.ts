/** Helpers for the scorecard tests: open a sample with a cell selected, read a sheet's cells. */
import type { ExcelApi } from "../../../src/emulator";
import { readAndRate, type RatedSource } from "../../../src/excel/rate-rag";
import { openSample } from "../fixtures";

export { openSample, SAMPLES as samples } from "../fixtures";


export const anycity = (): Promise<ExcelApi> => openSample("anycity-laa.xlsx", "LAA indicators", "B5");
/** The regional sample rated by the Benchmark preset (it has no targets: every rating would be Grey otherwise). */
export const region = (): Promise<ExcelApi> => openSample("region-community-safety.xlsx", "Data", "B5", "benchmark");

/** The core's ratings of the selected table, read before any scorecard is built (the expected values). */
export function rated(api: ExcelApi): Promise<RatedSource> {
  return api.run((context) => readAndRate(context));
}

/** A sheet's cell values (from A1 to the last used cell), as the emulator holds them. */
export function cells(api: ExcelApi, sheet: string): unknown[][] {
  const s = api.workbook.sheetByName(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const used = s.usedRect(true);
  if (!used) return [];
  return Array.from({ length: used.row + used.rowCount }, (_, r) => Array.from({ length: used.col + used.colCount }, (_, c) => s.cell(r, c)?.value ?? null));
}

/** The row (0-based) whose first cell is `first`, at or after `from`. */
export function rowOf(values: unknown[][], first: string, from = 0): number {
  const i = values.findIndex((r, k) => k >= from && r[0] === first);
  if (i < 0) throw new Error(`no row starting ${first}`);
  return i;
}

/** The header row holding all of the given headers, and a column lookup. */
export function header(values: unknown[][], ...names: string[]): { row: number; col: (name: string) => number } {
  const row = values.findIndex((r) => names.every((n) => r.includes(n)));
  if (row < 0) throw new Error(`no header row with ${names.join(", ")}`);
  return { row, col: (name: string) => values[row].indexOf(name) };
}

/** Sets one cell's value through the API (as a user typing). */
export async function type(api: ExcelApi, sheet: string, row: number, col: number, value: string | number): Promise<void> {
  await api.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getCell(row, col).values = [[value]];
    await context.sync();
  });
}
