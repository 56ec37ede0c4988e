/**
 * Rate RAG and Remove ratings as read -> pure plan -> apply (docs/architecture.md, Data flow). The
 * reader here makes the Excel calls: one sync to locate (the selection, the table under it, the
 * settings, the used range and its first rows, the budget's worth: for most tables all of them), then
 * reads the rest in row blocks under the payload budget (payload.ts). The planner (rate-plan.ts)
 * chooses the source, rates it with the core and returns the writes; the one writer (writer.ts)
 * applies them in row blocks under the budget. So a 10,000-row table takes 2 syncs (3 for an Excel
 * table, whose address is one more round trip), and more only when the data's size exceeds the budget;
 * then, when the rows read settle the writes, their outputs go in the syncs that read the next rows
 * (rate-stream.ts): 100,000 rows take 6 syncs.
 *
 * Only the add-in's own output columns are written; they are recorded in the workbook's settings
 * (OUTPUTS_KEY) and recognised by that record on the next run, not only by their header text.
 */
import { parseAddress, SHEET_COLUMNS, SHEET_ROWS, type A1Box } from "../core/a1";
import { blockRows, estimateBytes, FIRST_BLOCK_ROW_BYTES, PAYLOAD_BUDGET_BYTES, READ_HEADROOM } from "./payload";
import { hiddenRowsOf, OUTPUTS_KEY, parseRecords, planRateRag, planRemoval, planSource, type RateSnapshot, type RatedSource } from "./rate-plan";
import { rateMessages as m } from "./rate-messages";
import { parseWorkbookSettings } from "./settings-schema";
import { SETTINGS_KEY } from "./settings";
import type { ProgressListener, RateReport, WorkbookSettings } from "./types";
import { startStream } from "./rate-stream";
import { applyPlan, queueBatch } from "./writer";

export { OUTPUTS_KEY, parseRecords, RateRagError, type OutputRecord, type RatedSource } from "./rate-plan";

export interface RateRagOptions {
  /** A named range or table to rate instead of the table under the selection. */
  readonly sourceName?: string;
  /** Settings to use instead of the workbook's (the headless runner's --rules). */
  readonly settings?: WorkbookSettings;
  readonly onProgress?: ProgressListener;
  /** Payload budget per request/response in bytes (default PAYLOAD_BUDGET_BYTES, payload.ts). */
  readonly budgetBytes?: number;
  /**
   * False: find and read the table and check it can be rated, but rate nothing (computed has no
   * ratings). The headless runner chooses its source this way, so the table is rated once, by Rate RAG.
   */
  readonly rate?: boolean;
}

const SAMPLE_ROWS = 50;
/** Request bytes of one block's read (its range and load), left out of the writes sent with it. */
const READ_REQUEST_BYTES = 1024;

/**
 * Excel's codes for a sync whose response, or one read, is too large: the whole sync fails and nothing
 * is read (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
 */
const TOO_LARGE = new Set(["ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

/**
 * Round trip 1: the selection, the table under it, the settings, the used range, a sample of its rows
 * and, when `firstRows` > 0, the used range's rows within the sheet's first `firstRows` rows: for most
 * tables the whole table, for a long one the rows the first writes need (docs/architecture.md,
 * Performance).
 */
async function locate(context: Excel.RequestContext, options: RateRagOptions, firstRows: number) {
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
  // Range.getIntersectionOrNullObject (ExcelApi 1.4): null when the used range starts below those rows.
  const first = firstRows > SAMPLE_ROWS ? used.getIntersectionOrNullObject(worksheet.getRangeByIndexes(0, 0, firstRows, SHEET_COLUMNS)) : null;
  first?.load("values");
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
  const height = usedBox ? usedBox.bottom - usedBox.top + 1 : 0;
  const firstValues = first && !first.isNullObject ? (first.values as unknown[][]) : [];
  const sampleValues = used.isNullObject ? [] : (sample.values as unknown[][]).slice(0, height);
  return {
    sheet: worksheet.name,
    selection: parseAddress(selection.address),
    used: usedBox,
    /** The used range's first rows, read so far. */
    values: firstValues.length > sampleValues.length ? firstValues : sampleValues,
    hiddenRows: used.isNullObject ? new Set<number>() : hiddenRowsOf(usedBox, visible.isNullObject ? "" : visible.address),
    tableName: tables.items.length > 0 ? tables.items[0].name : null,
    named: named && !named.isNullObject ? { address: named.address } : null,
    settings: parsed.settings,
    warnings: parsed.warnings,
    records: parseRecords(outputsItem.isNullObject ? null : outputsItem.value),
  };
}

type Located = Awaited<ReturnType<typeof locate>>;

/**
 * Round trip 1 with the budget's worth of rows (payload.ts FIRST_BLOCK_ROW_BYTES); when those rows
 * weigh more than Excel returns in one response, the round trip is made again with the sample alone.
 */
async function locateFirstRows(context: Excel.RequestContext, options: RateRagOptions, budget: number): Promise<Located> {
  const firstRows = Math.min(SHEET_ROWS, Math.floor(budget / FIRST_BLOCK_ROW_BYTES));
  if (firstRows <= SAMPLE_ROWS) return locate(context, options, 0);
  try {
    return await locate(context, options, firstRows);
  } catch (e) {
    if (!TOO_LARGE.has(String((e as { code?: unknown }).code))) throw e;
    return locate(context, options, 0);
  }
}

/**
 * Reads the used range's rows below those read, one block per sync, each sized for the budget from
 * what the rows read so far weigh (with READ_HEADROOM), and the table's address with the first.
 * Other work may be queued into the same syncs (rateRag's writes).
 */
class RowReader {
  readonly values: unknown[][];
  tableBox: A1Box | null = null;
  private bytes: number;
  private pending: { block: Excel.Range | null; table: Excel.Range | null } | null = null;
  private tableQueued = false;

  constructor(private readonly context: Excel.RequestContext, private readonly located: Located, private readonly budget: number) {
    this.values = located.values.slice();
    this.bytes = estimateBytes(this.values);
  }

  /** Rows of the used range (0 for a blank sheet). */
  get height(): number {
    const used = this.located.used;
    return used ? used.bottom - used.top + 1 : 0;
  }

  /** True when every row is read and the table's address is known. */
  get done(): boolean {
    return this.values.length >= this.height && (this.located.tableName === null || this.tableQueued);
  }

  /** Queues the next block's read (and the table's address, the first time); no sync. */
  queueNext(): void {
    const used = this.located.used;
    let table: Excel.Range | null = null;
    if (this.located.tableName && !this.tableQueued) {
      table = this.context.workbook.tables.getItem(this.located.tableName).getRange();
      table.load("address");
      this.tableQueued = true;
    }
    let block: Excel.Range | null = null;
    if (used && this.values.length < this.height) {
      const width = used.right - used.left + 1;
      const perRow = this.values.length > 0 ? (this.bytes / this.values.length) * READ_HEADROOM : 8 * width;
      const count = Math.min(blockRows(Math.max(8 * width, perRow), this.budget, width), this.height - this.values.length);
      block = this.context.workbook.worksheets.getItem(this.located.sheet).getRangeByIndexes(used.top + this.values.length, used.left, count, width);
      block.load("values");
    }
    this.pending = { block, table };
  }

  /** After the sync: takes in what queueNext asked for; gives the number of rows it added. */
  collect(): number {
    const p = this.pending;
    this.pending = null;
    if (!p) return 0;
    if (p.table) this.tableBox = parseAddress(p.table.address);
    if (!p.block) return 0;
    const rows = p.block.values as unknown[][];
    for (const row of rows) this.values.push(row);
    this.bytes += estimateBytes(rows);
    return rows.length;
  }
}

/** Reads every row not read yet, one sync per block. */
async function readRest(context: Excel.RequestContext, located: Located, budget: number): Promise<{ values: unknown[][]; tableBox: A1Box | null }> {
  const reader = new RowReader(context, located, budget);
  while (!reader.done) {
    reader.queueNext();
    await context.sync();
    reader.collect();
  }
  return { values: reader.values, tableBox: reader.tableBox };
}

/**
 * Reads what Rate RAG needs as plain data: the selection, the used range's values, the table under
 * the selection, the settings and the output records.
 */
export async function readRateSnapshot(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RateSnapshot> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, m.progressFinding);
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const located = await locateFirstRows(context, options, budget);
  progress(0.2, m.progressReading);
  const { values, tableBox } = await readRest(context, located, budget);
  return { ...located, values, tableBox };
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
 * add-in's output columns beside it. A table read in several syncs has the outputs of the rows read
 * written in the syncs that read the next rows, when those rows settle them (rate-stream.ts); the
 * rest is written after the last read, in syncs filled to the budget.
 * @throws RateRagError when there is nothing to rate or nowhere to write, with the next step to take
 */
export async function rateRag(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RateReport> {
  const progress = options.onProgress ?? (() => undefined);
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  progress(0.05, m.progressFinding);
  const located = await locateFirstRows(context, options, budget);
  progress(0.2, m.progressReading);
  const reader = new RowReader(context, located, budget);
  const snapshot = (): RateSnapshot => ({ ...located, values: reader.values, tableBox: reader.tableBox });
  let stream = startStream(snapshot(), options);
  let tries = 1;
  let wrote = false;
  while (!reader.done) {
    reader.queueNext();
    // The read's own request is a few hundred bytes; the writes take the rest of the budget.
    const batch = stream ? stream.nextBatch(budget - READ_REQUEST_BYTES) : [];
    if (batch.length > 0) {
      queueBatch(context, batch, !wrote);
      wrote = true;
    }
    await context.sync();
    reader.collect();
    if (stream) stream.read(reader.values);
    // Once more when the table's address has come (a table's place is only known then).
    else if (tries < 2 && located.tableName !== null) {
      tries++;
      stream = startStream(snapshot(), options);
    }
  }
  progress(0.45, m.progressRating);
  const { ops, report } = stream ? stream.finish(snapshot()) : planRateRag(planSource(snapshot(), options), options);
  progress(0.6, m.progressWriting);
  await applyPlan(context, ops, { budgetBytes: budget, continued: wrote });
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
