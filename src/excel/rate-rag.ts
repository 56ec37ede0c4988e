/**
 * Rate RAG and Remove ratings as read -> pure plan -> apply (docs/architecture.md, Data flow). The
 * reader here makes the Excel calls: one sync to locate (the selection, the table under it, the
 * settings, the used range and a sample of its rows to size the reads), then reads in row blocks under
 * the payload budget. The planner (rate-plan.ts) chooses the source, rates it with the core and
 * returns the writes; the one writer (writer.ts) applies them in row blocks under the budget. So a
 * 10,000-row table takes 3 syncs, and more only when the data's size exceeds the 4 MB budget.
 *
 * Only the add-in's own output columns are written; they are recorded in the workbook's settings
 * (OUTPUTS_KEY) and recognised by that record on the next run, not only by their header text.
 */
import { parseAddress, type A1Box } from "../core/a1";
import { estimateBytes, PAYLOAD_BUDGET_BYTES, rowBlocks } from "./payload";
import { hiddenRowsOf, OUTPUTS_KEY, parseRecords, planRateRag, planRemoval, planSource, type RateSnapshot, type RatedSource } from "./rate-plan";
import { rateMessages as m } from "./rate-messages";
import { parseWorkbookSettings } from "./settings-schema";
import { SETTINGS_KEY } from "./settings";
import type { ProgressListener, RateReport, WorkbookSettings } from "./types";
import { applyPlan } from "./writer";

export { OUTPUTS_KEY, parseRecords, RateRagError, type OutputRecord, type RatedSource } from "./rate-plan";

export interface RateRagOptions {
  /** A named range or table to rate instead of the table under the selection. */
  readonly sourceName?: string;
  /** Settings to use instead of the workbook's (the headless runner's --rules). */
  readonly settings?: WorkbookSettings;
  readonly onProgress?: ProgressListener;
  /** Payload budget per request/response in bytes (default 4 MB). */
  readonly budgetBytes?: number;
  /**
   * False: find and read the table and check it can be rated, but rate nothing (computed has no
   * ratings). The headless runner chooses its source this way, so the table is rated once, by Rate RAG.
   */
  readonly rate?: boolean;
}

const SAMPLE_ROWS = 50;

/** Round trip 1: the selection, the table under it, the settings, the used range and a sample of its rows. */
async function locate(context: Excel.RequestContext, options: RateRagOptions) {
  const workbook = context.workbook;
  const selection = workbook.getSelectedRange();
  selection.load("address");
  const worksheet = selection.worksheet;
  worksheet.load("name");
  const tables = selection.getTables(false);
  tables.load("items/name");
  const settingsItem = workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  settingsItem.load("value");
  const outputsItem = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  outputsItem.load("value");
  const used = worksheet.getUsedRangeOrNullObject();
  used.load("address");
  const sample = used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
  sample.load("values");
  // Hidden rows (e.g. indicators dropped from the agreement) are not rated: Excel reports the
  // visible cells as areas (Range.getSpecialCells, ExcelApi 1.9), a few bytes however long the table.
  const visible = used.getSpecialCellsOrNullObject("Visible");
  visible.load("address");
  let named: Excel.Range | null = null;
  if (options.sourceName) {
    named = workbook.names.getItemOrNullObject(options.sourceName).getRangeOrNullObject();
    named.load("address");
  }
  await context.sync();

  const parsed = options.settings ? { settings: options.settings, warnings: [] } : parseWorkbookSettings(settingsItem.isNullObject ? null : settingsItem.value);
  const usedBox = used.isNullObject ? null : parseAddress(used.address);
  return {
    sheet: worksheet.name,
    selection: parseAddress(selection.address),
    used: usedBox,
    sample: used.isNullObject ? [] : (sample.values as unknown[][]),
    hiddenRows: used.isNullObject ? new Set<number>() : hiddenRowsOf(usedBox, visible.isNullObject ? "" : visible.address),
    tableName: tables.items.length > 0 ? tables.items[0].name : null,
    named: named && !named.isNullObject ? { address: named.address } : null,
    settings: parsed.settings,
    warnings: parsed.warnings,
    records: parseRecords(outputsItem.isNullObject ? null : outputsItem.value),
  };
}

/** Reads the used range's values below the sample in row blocks under the budget (plus a table's address). */
async function readRest(context: Excel.RequestContext, located: Awaited<ReturnType<typeof locate>>, budget: number): Promise<{ values: unknown[][]; tableBox: A1Box | null }> {
  const values = located.sample.slice();
  const used = located.used;
  let tableBox: A1Box | null = null;
  const sheet = context.workbook.worksheets.getItem(located.sheet);
  const tableRange = located.tableName ? context.workbook.tables.getItem(located.tableName).getRange() : null;
  tableRange?.load("address");
  if (!used) {
    if (tableRange) {
      await context.sync();
      tableBox = parseAddress(tableRange.address);
    }
    return { values, tableBox };
  }
  const height = used.bottom - used.top + 1;
  const width = used.right - used.left + 1;
  values.length = Math.min(values.length, height);
  const remaining = height - values.length;
  if (remaining > 0) {
    const sampleBytes = estimateBytes(located.sample.slice(0, Math.min(located.sample.length, height)));
    const perRow = Math.max(8 * width, Math.ceil((sampleBytes / Math.max(1, Math.min(located.sample.length, height))) * 1.5));
    const blocks = rowBlocks(remaining, perRow, budget, width);
    const firstUnread = used.top + values.length;
    for (let b = 0; b < blocks.length; b++) {
      const [start, count] = blocks[b];
      const block = sheet.getRangeByIndexes(firstUnread + start, used.left, count, width);
      block.load("values");
      await context.sync();
      for (const row of block.values as unknown[][]) values.push(row);
    }
    if (tableRange) tableBox = parseAddress(tableRange.address);
  } else if (tableRange) {
    await context.sync();
    tableBox = parseAddress(tableRange.address);
  }
  return { values, tableBox };
}

/**
 * Reads what Rate RAG needs as plain data: the selection, the used range's values, the table under
 * the selection, the settings and the output records.
 */
export async function readRateSnapshot(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RateSnapshot> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, m.progressFinding);
  const located = await locate(context, options);
  progress(0.2, m.progressReading);
  const { values, tableBox } = await readRest(context, located, options.budgetBytes ?? PAYLOAD_BUDGET_BYTES);
  const { sample: _sample, ...rest } = located;
  return { ...rest, values, tableBox };
}

/**
 * Finds the indicator table under the selection (or the named source), reads it in budgeted round
 * trips and rates every indicator in memory. Rate RAG and the scorecard sheets both start here.
 * @throws RateRagError when there is nothing to rate, with the next step to take
 */
export async function readAndRate(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RatedSource> {
  const snapshot = await readRateSnapshot(context, options);
  (options.onProgress ?? (() => undefined))(0.45, m.progressRating);
  return planSource(snapshot, options);
}

/**
 * Rate RAG: rates the indicator table under the selection (or the named source) and writes the
 * add-in's output columns beside it.
 * @throws RateRagError when there is nothing to rate or nowhere to write, with the next step to take
 */
export async function rateRag(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RateReport> {
  const progress = options.onProgress ?? (() => undefined);
  const rated = await readAndRate(context, options);
  const { ops, report } = planRateRag(rated, options);
  progress(0.6, m.progressWriting);
  await applyPlan(context, ops, { budgetBytes: options.budgetBytes });
  progress(1, m.progressDone);
  return report;
}

/**
 * Remove ratings: deletes the add-in's output columns for every source it rated (table columns are
 * deleted; beside a plain range the cells are cleared of values, formats and the status formatting)
 * and forgets them. Cells the add-in did not write are untouched.
 */
export async function removeRatings(context: Excel.RequestContext): Promise<{ removedColumns: number }> {
  const outputsItem = context.workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  outputsItem.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const records = parseRecords(outputsItem.isNullObject ? null : outputsItem.value);
  const { ops, removedColumns } = planRemoval(records, {
    sheets: new Set(sheets.items.map((s) => s.name)), tables: new Set(tables.items.map((t) => t.name)), recorded: !outputsItem.isNullObject,
  });
  await applyPlan(context, ops);
  return { removedColumns };
}
