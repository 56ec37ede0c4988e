/**
 * Rate RAG: find the indicator table, rate every row with the core, write the add-in's own
 * output columns beside it, and report. Round trips: one sync to locate (with a sample of the data to
 * size the reads), reads in row blocks under the payload budget, writes in row blocks under it; so a
 * 10,000-row table takes 3 syncs, and more only when the data's size exceeds the 4 MB budget.
 *
 * Only the add-in's own output columns are written; they are recorded in the workbook's settings
 * (OUTPUTS_KEY) and recognised by that record on the next run, not only by their header text.
 */
import { STATUSES } from "../core/rules/types";
import { boxAddress, cellAddress, columnLetters, parseAddress, qualify, SHEET_COLUMNS, SHEET_ROWS, splitAreas, type A1Box } from "../core/a1";
import { applyOverrides, detectHeaderRow, mapColumns, normaliseHeader, type ColumnMapping } from "./mapping";
import { estimateBytes, PAYLOAD_BUDGET_BYTES, rowBlocks } from "./payload";
import { computeRatings, OUTPUT_COLUMNS, OUTPUT_FORMATS, type OutputRow, type RateComputation } from "./rate-compute";
import { currentRegion, isBlank } from "./region";
import { parseWorkbookSettings } from "./settings-schema";
import { SETTINGS_KEY } from "./settings";
import { STATUS_STYLES } from "./status-style";
import type { DataSourceInfo, ProgressListener, RateReport, WorkbookSettings } from "./types";
import { staleRowsToClear } from "./stale-rows";

/** The settings key recording where the add-in wrote its output columns. */
export const OUTPUTS_KEY = "laa-scorecard.outputs";

/** Where the add-in wrote its output columns for one source (stored in settings). */
export interface OutputRecord {
  readonly sheet: string;
  /** Table name when the source is an Excel table (outputs are then table columns). */
  readonly table: string | null;
  /** 0-based sheet row of the header row. */
  readonly headerRow: number;
  /** 0-based sheet column of the source's first column (identifies the source). */
  readonly sourceColumn: number;
  /** 0-based sheet column of the first output column. */
  readonly firstColumn: number;
  /** Data rows written below the header. */
  readonly rows: number;
}

/**
 * A failure the user can act on. The task pane shows `userMessage` and `nextStep` as they are
 * (src/taskpane/components/failures.ts); the headless runner prints them.
 */
export class RateRagError extends Error {
  readonly userMessage: string;
  constructor(message: string, readonly nextStep: string) {
    super(message);
    this.name = "RateRagError";
    this.userMessage = message;
  }
}

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

/** Column widths in points for Status, Gap, Gap %, Progress, Direction, Reason, Rated at. */
const OUTPUT_WIDTHS: readonly number[] = [60, 70, 60, 65, 140, 520, 75];

/** Everything read in the first round trip. */
interface Located {
  readonly sheet: string;
  readonly selection: A1Box;
  readonly used: A1Box | null;
  readonly sample: unknown[][];
  /** 0-based sheet rows of the used range that are hidden. */
  readonly hiddenRows: ReadonlySet<number>;
  readonly tableName: string | null;
  readonly named: { address: string } | null;
  readonly settings: WorkbookSettings;
  readonly warnings: string[];
  readonly records: OutputRecord[];
}

function parseRecords(raw: unknown): OutputRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is OutputRecord =>
      r !== null && typeof r === "object" && typeof r.sheet === "string" && Number.isInteger(r.headerRow) && Number.isInteger(r.firstColumn) && Number.isInteger(r.sourceColumn),
  );
}

/** Round trip 1: the selection, the table under it, the settings, the used range and a sample of its rows. */
async function locate(context: Excel.RequestContext, options: RateRagOptions): Promise<Located> {
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
    hiddenRows: used.isNullObject ? new Set() : hiddenRowsOf(usedBox, visible.isNullObject ? "" : visible.address),
    tableName: tables.items.length > 0 ? tables.items[0].name : null,
    named: named && !named.isNullObject ? { address: named.address } : null,
    settings: parsed.settings,
    warnings: parsed.warnings,
    records: parseRecords(outputsItem.isNullObject ? null : outputsItem.value),
  };
}

/** The rows of the used range that are not in any visible area. */
function hiddenRowsOf(used: A1Box | null, visibleAddress: string): Set<number> {
  const hidden = new Set<number>();
  if (!used) return hidden;
  const visibleRows = new Set<number>();
  for (const area of splitAreas(visibleAddress)) {
    const box = parseAddress(area);
    for (let r = box.top; r <= box.bottom; r++) visibleRows.add(r);
  }
  for (let r = used.top; r <= used.bottom; r++) if (!visibleRows.has(r)) hidden.add(r);
  return hidden;
}

/** Reads the used range's values below the sample in row blocks under the budget (plus a table's address). */
async function readRest(
  context: Excel.RequestContext,
  located: Located,
  budget: number,
): Promise<{ values: unknown[][]; tableBox: A1Box | null }> {
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

/** The source's box on the sheet (0-based, inclusive), how it was found, and its name. */
function chooseSource(located: Located, values: unknown[][], tableBox: A1Box | null): { box: A1Box; kind: DataSourceInfo["kind"]; name?: string } {
  const used = located.used;
  if (located.named) {
    const box = parseAddress(located.named.address);
    return { box, kind: "name", name: located.named.address };
  }
  if (tableBox && located.tableName) return { box: tableBox, kind: "table", name: located.tableName };
  if (!used) {
    throw new RateRagError(`Sheet ${located.sheet} is empty, so there is no indicator table to rate.`, "Select a cell inside your indicator table and try again.");
  }
  let sel = located.selection;
  // Whole rows (1:20) or whole columns (A:E) selected: beyond the used range every cell is blank.
  const whole = (sel.top === 0 && sel.bottom === SHEET_ROWS - 1) || (sel.left === 0 && sel.right === SHEET_COLUMNS - 1);
  if (whole) {
    const clipped = { top: Math.max(sel.top, used.top), left: Math.max(sel.left, used.left), bottom: Math.min(sel.bottom, used.bottom), right: Math.min(sel.right, used.right) };
    if (clipped.top > clipped.bottom || clipped.left > clipped.right) {
      throw new RateRagError(`The selected cells ${boxAddress(sel.top, sel.left, sel.bottom, sel.right)} on ${located.sheet} are all empty, so there is no indicator table to rate.`, "Select a cell inside your indicator table (or name the range) and try again.");
    }
    sel = clipped;
  }
  if (sel.bottom > sel.top && sel.right >= sel.left) return { box: sel, kind: "range" };
  const r = sel.top - used.top;
  const c = sel.left - used.left;
  const inside = r >= 0 && c >= 0 && r < values.length && c <= used.right - used.left;
  if (!inside || isBlank(values[r]?.[c])) {
    throw new RateRagError(`The selected cell ${cellAddress(sel.top, sel.left)} on ${located.sheet} is not inside a table of indicators.`, "Select a cell inside your indicator table (or name the range) and try again.");
  }
  const region = currentRegion(values, r, c);
  return { box: { top: used.top + region.top, left: used.left + region.left, bottom: used.top + region.bottom, right: used.left + region.right }, kind: "range" };
}

/** The value of a sheet cell from the used-range values (blank outside them). */
function at(values: unknown[][], used: A1Box | null, row: number, col: number): unknown {
  if (!used) return null;
  return values[row - used.top]?.[col - used.left] ?? null;
}

/** An indicator table found, read and rated in memory (nothing written yet). */
export interface RatedSource {
  readonly sheet: string;
  /** The source's box on the sheet, 0-based and inclusive, header row included (outputs excluded). */
  readonly box: A1Box;
  readonly kind: DataSourceInfo["kind"];
  readonly name?: string;
  /** 0-based sheet row of the header row. */
  readonly headerRow: number;
  readonly headers: readonly unknown[];
  readonly mapping: ColumnMapping;
  readonly dataRows: readonly (readonly unknown[])[];
  readonly computed: RateComputation;
  /** Where an earlier run wrote outputs for this source, if it did. */
  readonly record: OutputRecord | undefined;
  readonly settings: WorkbookSettings;
  readonly warnings: readonly string[];
  /** The used range's values and box, for checks of cells around the source. */
  readonly used: A1Box | null;
  readonly usedValues: unknown[][];
  readonly records: readonly OutputRecord[];
}

/**
 * Finds the indicator table under the selection (or the named source), reads it in budgeted round
 * trips and rates every indicator in memory. Rate RAG and the scorecard sheets both start here.
 * @throws RateRagError when there is nothing to rate, with the next step to take
 */
export async function readAndRate(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RatedSource> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, "Finding the indicator table");
  const located = await locate(context, options);
  progress(0.2, "Reading the indicators");
  const { values, tableBox } = await readRest(context, located, budget);
  const source = chooseSource(located, values, tableBox);
  const sheetName = source.kind === "name" && source.box.sheet ? source.box.sheet : located.sheet;
  if (source.kind === "name" && sheetName !== located.sheet) {
    throw new RateRagError(`The named range ${options.sourceName} is on sheet ${sheetName}; open that sheet first.`, `Go to ${sheetName}, then click Rate RAG again.`);
  }

  // An earlier run's outputs beside a plain range belong to us, not to the source.
  const record = located.records.find((r) => r.sheet === sheetName && (source.kind === "table" ? r.table === source.name : r.table === null && r.sourceColumn === source.box.left && r.headerRow >= source.box.top && r.headerRow <= source.box.bottom));
  let box = source.box;
  if (record && source.kind !== "table" && box.right >= record.firstColumn) box = { ...box, right: record.firstColumn - 1 };

  const boxRows: unknown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: unknown[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(at(values, located.used, r, c));
    boxRows.push(row);
  }
  const headerIndex = source.kind === "table" ? 0 : detectHeaderRow(boxRows);
  if (headerIndex === undefined) {
    throw new RateRagError(
      `No header row was found in ${qualify(sheetName, boxAddress(box.top, box.left, box.bottom, box.right))}: the add-in looks for headers such as Code, Indicator, Polarity, Target and Actual.`,
      "Check the table has a header row with words like Indicator, Target and Actual, then try again.",
    );
  }
  // A range that runs to the sheet's last columns (the used range of a sheet with one value out in
  // column XFD) leaves no room for the outputs beside it: the table ends at its last header.
  if (source.kind === "range" && box.right + OUTPUT_COLUMNS.length >= SHEET_COLUMNS) {
    const header = boxRows[headerIndex];
    let last = header.length - 1;
    while (last > 0 && isBlank(header[last])) last--;
    if (box.left + last < box.right) {
      box = { ...box, right: box.left + last };
      for (let i = 0; i < boxRows.length; i++) boxRows[i] = boxRows[i].slice(0, last + 1);
    }
  }
  const headerRow = box.top + headerIndex;
  // Outputs the add-in wrote inside a table are its own columns: leave them out of the input.
  const headers = boxRows[headerIndex];
  let inputRight = box.right;
  if (record && source.kind === "table") inputRight = Math.min(inputRight, record.firstColumn - 1);
  const inputHeaders = headers.slice(0, inputRight - box.left + 1);
  const mapping: ColumnMapping = applyOverrides(mapColumns(inputHeaders), located.settings.mapping);
  const hasActual = mapping.entries.some((e) => e.role === "actual" || e.role === "value");
  if (!hasActual) {
    throw new RateRagError(
      `No actual or value column was found in the header row (row ${headerRow + 1}) of ${sheetName}.`,
      "Name a column Actual, Outturn or Value, or label period columns like 2009/10, then try again (or correct the column mapping in the panel).",
    );
  }
  const dataRows = boxRows.slice(headerIndex + 1).map((row) => row.slice(0, inputHeaders.length));
  progress(0.45, `Rating ${dataRows.length} rows`);
  const hiddenDataRows = new Set<number>();
  for (const r of located.hiddenRows) if (r > headerRow && r <= box.bottom) hiddenDataRows.add(r - headerRow - 1);
  // A table of values with confidence limits and a benchmark but no targets (the Fingertips
  // download) has nothing for the Tolerance preset to compare with: rate it against the benchmark.
  let rules = located.settings.rules;
  const warnings = located.warnings.slice();
  const has = (role: string) => mapping.entries.some((e) => e.role === role);
  if (rules.preset === "tolerance" && !has("target") && has("benchmark") && has("lowerCi") && has("upperCi")) {
    rules = { ...rules, preset: "benchmark" };
    const bench = mapping.entries.find((e) => e.role === "benchmark")?.header ?? "the benchmark";
    warnings.push(`This table has no targets but has confidence limits and ${bench}, so each value is rated against ${bench} (the Benchmark rules). Choose other rules in the panel to change this.`);
  }
  const computed = options.rate === false
    ? computeRatings([], mapping, { headerRow, firstColumn: box.left }, sheetName, rules, hiddenDataRows)
    : computeRatings(dataRows, mapping, { headerRow, firstColumn: box.left }, sheetName, rules, hiddenDataRows);
  return {
    sheet: sheetName, box, kind: source.kind, ...(source.kind === "name" ? { name: options.sourceName } : source.name ? { name: source.name } : {}),
    headerRow, headers, mapping, dataRows, computed, record, settings: { ...located.settings, rules }, warnings,
    used: located.used, usedValues: values, records: located.records,
  };
}

/**
 * Rate RAG: rates the indicator table under the selection (or the named source) and writes the
 * add-in's output columns beside it.
 * @throws RateRagError when there is nothing to rate or nowhere to write, with the next step to take
 */
export async function rateRag(context: Excel.RequestContext, options: RateRagOptions = {}): Promise<RateReport> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const progress = options.onProgress ?? (() => undefined);
  const rated = await readAndRate(context, options);
  const { sheet: sheetName, box, record, headerRow, headers, computed, mapping, dataRows } = rated;
  const values = rated.usedValues;
  const located = { used: rated.used, records: rated.records, warnings: rated.warnings };
  const source = { kind: rated.kind, name: rated.name };

  // Where the outputs go: the recorded columns, else the columns just right of the source.
  const firstColumn = record ? record.firstColumn : box.right + 1;
  if (firstColumn + OUTPUT_COLUMNS.length > SHEET_COLUMNS) {
    throw new RateRagError(
      `Rate RAG writes ${OUTPUT_COLUMNS.length} columns beside the table, but ${qualify(sheetName, boxAddress(box.top, box.left, box.bottom, box.right))} reaches column ${columnLetters(box.right)}, too near the sheet's last column (XFD) to leave room.`,
      "Select only the cells of your indicator table (or name the range), then try again.",
    );
  }
  if (!record) {
    for (let r = headerRow; r <= box.bottom; r++) {
      for (let c = firstColumn; c < firstColumn + OUTPUT_COLUMNS.length; c++) {
        if (!isBlank(at(values, located.used, r, c))) {
          throw new RateRagError(
            `Rate RAG writes ${OUTPUT_COLUMNS.length} columns (${columnLetters(firstColumn)} to ${columnLetters(firstColumn + OUTPUT_COLUMNS.length - 1)}) beside the table, but ${qualify(sheetName, cellAddress(r, c))} already holds data, and the add-in never overwrites your cells.`,
            `Move what is in columns ${columnLetters(firstColumn)} to ${columnLetters(firstColumn + OUTPUT_COLUMNS.length - 1)} (or insert empty columns after the table), then try again.`,
          );
        }
      }
    }
    if (source.kind === "table") {
      const clash = headers.map((h) => normaliseHeader(h)).find((h) => OUTPUT_COLUMNS.some((o) => normaliseHeader(o) === h));
      if (clash) {
        throw new RateRagError(`The table ${source.name} already has a column called "${clash}" that the add-in did not write.`, "Rename that column, then try again.");
      }
    }
  } else {
    const expected = OUTPUT_COLUMNS.map(normaliseHeader);
    const found = expected.map((_, i) => normaliseHeader(at(values, located.used, record.headerRow, record.firstColumn + i)));
    if (found.some((h, i) => h !== expected[i])) {
      throw new RateRagError(
        `The add-in's columns beside this table (from ${qualify(sheetName, cellAddress(record.headerRow, record.firstColumn))}) have been changed, so it will not write over them.`,
        "Remove ratings from the panel (or restore the Status ... Rated at headers), then try again.",
      );
    }
  }

  progress(0.6, "Writing the ratings");
  await writeOutputs(context, {
    sheet: sheetName,
    table: source.kind === "table" ? source.name ?? null : null,
    headerRow,
    firstColumn,
    outputs: computed.outputs,
    addTableColumns: source.kind === "table" && !record,
    budget,
    records: located.records,
    record: { sheet: sheetName, table: source.kind === "table" ? source.name ?? null : null, headerRow, sourceColumn: box.left, firstColumn, rows: computed.outputs.length },
    // Only rows the cells still prove are the add-in's (src/excel/stale-rows.ts).
    previousRows: record && Number.isInteger(record.rows) && record.rows > computed.outputs.length
      ? computed.outputs.length + staleRowsToClear(computed.outputs.length, record.rows, (located.used ? located.used.bottom : headerRow) - headerRow - 1, OUTPUT_COLUMNS.length, (r, c) => at(values, located.used, headerRow + 1 + r, firstColumn + c))
      : 0,
  });
  progress(1, "Done");

  return {
    source: {
      sheet: sheetName,
      address: boxAddress(box.top, box.left, box.bottom, source.kind === "table" ? box.right : box.right),
      kind: source.kind,
      ...(source.name && source.kind !== "name" ? { name: source.name } : source.kind === "name" ? { name: options.sourceName } : {}),
      layout: mapping.layout,
      rows: dataRows.length,
    },
    asAt: computed.asAt,
    rated: computed.rated.length,
    counts: computed.counts,
    problems: computed.problems.map((p) => ({ ...p, sheet: p.sheet || sheetName })),
    warnings: located.warnings,
    ...(computed.nothingRated ? { nothingRated: computed.nothingRated } : {}),
  };
}

interface WritePlan {
  readonly sheet: string;
  readonly table: string | null;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly outputs: OutputRow[];
  readonly addTableColumns: boolean;
  readonly budget: number;
  readonly records: readonly OutputRecord[];
  readonly record: OutputRecord;
  readonly previousRows: number;
}

/** Writes header, values, number formats and status formatting in row blocks under the budget. */
async function writeOutputs(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  const app = context.workbook.application;
  const width = OUTPUT_COLUMNS.length;
  const rows = plan.outputs.length;
  // Text columns are formatted as text before values are written, so a reason can never become a formula.
  const formatsRow = OUTPUT_FORMATS.slice();
  const perRow = Math.max(1, Math.ceil(estimateBytes(plan.outputs.slice(0, 200)) / Math.max(1, Math.min(rows, 200)))) + estimateBytes([formatsRow]);
  const blocks = rowBlocks(rows, perRow, plan.budget, width * 2);
  if (blocks.length === 0) blocks.push([0, 0]);
  for (let b = 0; b < blocks.length; b++) {
    const [start, count] = blocks[b];
    suspend(app, b === 0);
    if (b === 0) {
      if (plan.addTableColumns && plan.table) {
        const table = context.workbook.tables.getItem(plan.table);
        for (const name of OUTPUT_COLUMNS) table.columns.add(undefined, undefined, name);
      } else {
        const header = sheet.getRangeByIndexes(plan.headerRow, plan.firstColumn, 1, width);
        header.numberFormat = [OUTPUT_COLUMNS.map(() => "@")];
        header.values = [OUTPUT_COLUMNS.slice()];
        header.format.font.bold = true;
      }
      // Rows a previous run wrote below today's rows are cleared (the table has shrunk).
      if (plan.previousRows > rows) {
        sheet.getRangeByIndexes(plan.headerRow + 1 + rows, plan.firstColumn, plan.previousRows - rows, width).clear("Contents");
      }
    }
    if (count > 0) {
      const block = sheet.getRangeByIndexes(plan.headerRow + 1 + start, plan.firstColumn, count, width);
      block.numberFormat = Array.from({ length: count }, () => formatsRow.slice());
      block.values = plan.outputs.slice(start, start + count);
    }
    if (b === blocks.length - 1) {
      if (rows > 0) {
        const status = sheet.getRangeByIndexes(plan.headerRow + 1, plan.firstColumn, rows, 1);
        status.conditionalFormats.clearAll();
        for (const s of STATUSES) {
          const cf = status.conditionalFormats.add("ContainsText");
          cf.textComparison.format.fill.color = STATUS_STYLES[s].fill;
          cf.textComparison.format.font.color = STATUS_STYLES[s].font;
          cf.textComparison.rule = { operator: "BeginsWith", text: s };
        }
        // Widths in points to fit each column's words; reasons are a sentence each, so that column is
        // wide (no wrapping, which would change the height of the user's rows).
        OUTPUT_WIDTHS.forEach((width, i) => (sheet.getRangeByIndexes(plan.headerRow, plan.firstColumn + i, 1, 1).format.columnWidth = width));
      }
      const records = plan.records.filter((r) => !(r.sheet === plan.record.sheet && r.headerRow === plan.record.headerRow && r.sourceColumn === plan.record.sourceColumn));
      records.push(plan.record);
      context.workbook.settings.add(OUTPUTS_KEY, records);
    }
    await context.sync();
  }
}

/**
 * Calculation is suspended for every write block; screen updating only once per command, because
 * Microsoft warns that repeated suspendScreenUpdatingUntilNextSync calls make the window flicker
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating).
 * Both are ExcelApi 1.8/1.9; the add-in requires 1.9.
 */
function suspend(app: Excel.Application, screen: boolean): void {
  app.suspendApiCalculationUntilNextSync();
  if (screen) app.suspendScreenUpdatingUntilNextSync();
}

/**
 * Remove ratings: deletes the add-in's output columns for every source it rated (table columns are
 * deleted; beside a plain range the cells are cleared of values, formats and the status formatting)
 * and forgets them. Cells the add-in did not write are untouched.
 */
export async function removeRatings(context: Excel.RequestContext): Promise<{ removedColumns: number }> {
  const outputsItem = context.workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  outputsItem.load("value");
  await context.sync();
  const records = parseRecords(outputsItem.isNullObject ? null : outputsItem.value);
  let removed = 0;
  for (const record of records) {
    if (record.table) {
      const table = context.workbook.tables.getItemOrNullObject(record.table);
      for (const name of OUTPUT_COLUMNS) table.columns.getItemOrNullObject(name).delete();
    } else {
      const sheet = context.workbook.worksheets.getItemOrNullObject(record.sheet);
      const range = sheet.getRangeByIndexes(record.headerRow, record.firstColumn, record.rows + 1, OUTPUT_COLUMNS.length);
      range.conditionalFormats.clearAll();
      range.clear("All");
    }
    removed += OUTPUT_COLUMNS.length;
  }
  if (!outputsItem.isNullObject) outputsItem.delete();
  await context.sync();
  return { removedColumns: removed };
}
