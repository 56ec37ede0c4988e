/**
 * Insert sample data: Anycity's LAA as an Excel table on a new sheet, so a first-time user
 * can click Rate RAG straight away. Names never clash: an existing sheet or table of the same name
 * is left alone and the sample takes the next free name.
 */
import type { SampleSheetPlan } from "../shared/sample-sheet";
import { navigateLast } from "./navigate";

export type { SampleSheetPlan };

/** The first of `wanted`, `wanted 2`, `wanted 3` ... that is not taken (case-insensitive, like Excel). */
export function freeName(wanted: string, taken: readonly string[], join = " "): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let name = wanted;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${wanted}${join}${k}`;
  return name;
}

/** Adds the Anycity sample on a new sheet, selects its first indicator and returns the sheet's name. */
export async function insertSampleData(context: Excel.RequestContext, plan: SampleSheetPlan): Promise<{ readonly sheet: string }> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  await context.sync();
  const sheetName = freeName(plan.sheetName, sheets.items.map((s) => s.name));
  const ws = sheets.add(sheetName);
  const range = ws.getRangeByIndexes(0, 0, plan.values.length, plan.values[0].length);
  range.numberFormat = plan.numberFormats; // text format before values: a title starting with = stays text
  range.values = plan.values;
  const table = ws.tables.add(range, true);
  table.name = freeName(plan.tableName, tables.items.map((t) => t.name), "");
  plan.columnWidths.forEach((chars, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * 6));
  ws.freezePanes.freezeRows(1);
  await context.sync();
  await navigateLast(context, () => {
    ws.activate();
    ws.getRange("B2").select();
  });
  return { sheet: sheetName };
}
