/**
 * Insert sample data: Anycity's LAA as an Excel table on a new sheet, so a first-time user
 * can click Rate RAG straight away. Names never clash: an existing sheet or table of the same name
 * is left alone and the sample takes the next free name.
 */
import type { SampleSheetPlan } from "../shared/sample-sheet";
import { navigateLast } from "./navigate";
import type { WriteOp } from "./plan";
import { applyPlan } from "./writer";

export type { SampleSheetPlan };

/** The first of `wanted`, `wanted 2`, `wanted 3` ... that is not taken (case-insensitive, like Excel). */
export function freeName(wanted: string, taken: readonly string[], join = " "): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let name = wanted;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${wanted}${join}${k}`;
  return name;
}

/**
 * The writes that add a sample: a new sheet under a free name, its values with their number formats
 * (text formats first, so a title starting with = stays text), an Excel table over them under a free
 * name, column widths and the header row frozen.
 * @example planSample(plan, ["Sheet1"], []).sheet // => "LAA indicators"
 */
export function planSample(plan: SampleSheetPlan, sheetNames: readonly string[], tableNames: readonly string[]): { readonly ops: WriteOp[]; readonly sheet: string } {
  const sheet = freeName(plan.sheetName, sheetNames);
  const rect = { row: 0, col: 0, rows: plan.values.length, cols: plan.values[0].length };
  const ops: WriteOp[] = [
    // Widths are given in characters; a character is about 6 points.
    { op: "prepareSheet", target: { name: sheet, existing: false, usedAddress: null, charts: [] }, columnWidths: plan.columnWidths.map((chars) => chars * 6), freezeRows: 1, landscape: null, printTitleRows: null, pageBreaks: [] },
    { op: "cells", sheet, block: { row: 0, col: 0, values: plan.values, formats: plan.numberFormats } },
    { op: "addTable", sheet, rect, name: freeName(plan.tableName, tableNames, "") },
  ];
  return { ops, sheet };
}

/** Adds the Anycity sample on a new sheet, selects its first indicator and returns the sheet's name. */
export async function insertSampleData(context: Excel.RequestContext, plan: SampleSheetPlan): Promise<{ readonly sheet: string }> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  await context.sync();
  const { ops, sheet } = planSample(plan, sheets.items.map((s) => s.name), tables.items.map((t) => t.name));
  await applyPlan(context, ops);
  await navigateLast(context, () => {
    const ws = sheets.getItem(sheet);
    ws.activate();
    ws.getRange("B2").select();
  });
  return { sheet };
}
