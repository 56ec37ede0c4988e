/**
 * Rate RAG's planner: pure functions from what the reader read (rate-rag.ts) to the source, the
 * ratings, the writes and the report. No Office here, so every decision (which table, which header
 * row, where the outputs go, whether a cell in the way is the user's) is tested without Excel or the
 * emulator (test/excel/rate-plan.test.ts). Domain rules are the core's (computeRatings, rulesForTable).
 */
import { boxAddress, cellAddress, columnLetters, parseAddress, qualify, SHEET_COLUMNS, SHEET_ROWS, splitAreas, type A1Box } from "../core/a1";
import { rulesForTable } from "../core/rules/table-rules";
import { benchmarkAreaWords } from "../core/public-sources";
import { publicSourceHook } from "./public-source-rating";
import { applyOverrides, detectHeaderRow, mapColumns, normaliseHeader, type ColumnMapping } from "./mapping";
import type { WriteOp } from "./plan";
import { computeRatings, LEGACY_OUTPUT_COLUMNS, OUTPUT_COLUMNS, OUTPUT_FORMATS, SERIES_COLUMNS, type OutputRow, type RateComputation } from "./rate-compute";
import { DISTINCT_PREFIX } from "./output-columns";
import { rateMessages as m } from "./rate-messages";
import { currentRegion, isBlank } from "./region";
import { staleRowsToClear } from "./stale-rows";
import type { DataSourceInfo, RateReport, WorkbookSettings } from "./types";

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
  /** Output columns written; absent in records of the earlier 7-column layout (LEGACY_OUTPUT_COLUMNS). */
  readonly columns?: number;
  /** The headers written, when they are not OUTPUT_COLUMNS (the table has a column of its own with one of those names). */
  readonly names?: readonly string[];
}

/**
 * How many output columns a record's block has: its own count, else the earlier layout's 7.
 * @example recordedColumns({ sheet: "Data", table: null, headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 3 }) // => 7
 */
export function recordedColumns(record: OutputRecord): number {
  return Number.isInteger(record.columns) && (record.columns as number) > 0 ? (record.columns as number) : LEGACY_OUTPUT_COLUMNS.length;
}

/**
 * A failure the user can act on. The task pane shows `userMessage` and `nextStep` as they are
 * (src/shared/failures.ts); the headless runner prints them.
 */
export class RateRagError extends Error {
  readonly userMessage: string;
  constructor(message: string, readonly nextStep: string) {
    super(message);
    this.name = "RateRagError";
    this.userMessage = message;
  }
}

/**
 * The output records stored in the workbook's settings; anything that is not a well-formed record
 * (a settings value edited by hand or by another tool) is left out, never trusted.
 * @example parseRecords([{ sheet: "Data", table: null, headerRow: 4, sourceColumn: 1, firstColumn: 8, rows: 43 }, "junk"]).length // => 1
 */
export function parseRecords(raw: unknown): OutputRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is OutputRecord =>
      r !== null && typeof r === "object" && typeof r.sheet === "string" && Number.isInteger(r.headerRow) && Number.isInteger(r.firstColumn) && Number.isInteger(r.sourceColumn)
      && (r.table === null || r.table === undefined || typeof r.table === "string")
      && (r.columns === undefined || (Number.isInteger(r.columns) && r.columns > 0))
      && (r.names === undefined || (Array.isArray(r.names) && r.names.every((n: unknown) => typeof n === "string"))),
  );
}

/** Everything the reader read, as plain data. */
export interface RateSnapshot {
  readonly sheet: string;
  readonly selection: A1Box;
  readonly used: A1Box | null;
  /** The used range's values (all of them, read in blocks). */
  readonly values: unknown[][];
  /** 0-based sheet rows of the used range that are hidden. */
  readonly hiddenRows: ReadonlySet<number>;
  readonly tableName: string | null;
  /** The table's range, when the selection is in a table. */
  readonly tableBox: A1Box | null;
  readonly named: { readonly address: string } | null;
  readonly settings: WorkbookSettings;
  readonly warnings: readonly string[];
  readonly records: readonly OutputRecord[];
}

/**
 * The rows of the used range that are not in any visible area (Range.getSpecialCells("Visible")).
 * @example [...hiddenRowsOf({ top: 0, left: 0, bottom: 3, right: 1 }, "A1:B2,A4:B4")] // => [2]
 */
export function hiddenRowsOf(used: A1Box | null, visibleAddress: string): Set<number> {
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

/** The source's box on the sheet (0-based, inclusive), how it was found, and its name; `region` when it is the current region of the selected cell. */
function chooseSource(s: RateSnapshot): { box: A1Box; kind: DataSourceInfo["kind"]; name?: string; region?: true } {
  const used = s.used;
  if (s.named) return { box: parseAddress(s.named.address), kind: "name", name: s.named.address };
  if (s.tableBox && s.tableName) return { box: s.tableBox, kind: "table", name: s.tableName };
  if (!used) throw new RateRagError(m.emptySheet(s.sheet), m.selectTable);
  let sel = s.selection;
  // Whole rows (1:20) or whole columns (A:E) selected: beyond the used range every cell is blank.
  const whole = (sel.top === 0 && sel.bottom === SHEET_ROWS - 1) || (sel.left === 0 && sel.right === SHEET_COLUMNS - 1);
  if (whole) {
    const clipped = { top: Math.max(sel.top, used.top), left: Math.max(sel.left, used.left), bottom: Math.min(sel.bottom, used.bottom), right: Math.min(sel.right, used.right) };
    if (clipped.top > clipped.bottom || clipped.left > clipped.right) throw new RateRagError(m.emptySelection(boxAddress(sel.top, sel.left, sel.bottom, sel.right), s.sheet), m.selectTableOrName);
    sel = clipped;
  }
  if (sel.bottom > sel.top && sel.right >= sel.left) return { box: sel, kind: "range" };
  const r = sel.top - used.top;
  const c = sel.left - used.left;
  const inside = r >= 0 && c >= 0 && r < s.values.length && c <= used.right - used.left;
  if (!inside || isBlank(s.values[r]?.[c])) throw new RateRagError(m.notInTable(cellAddress(sel.top, sel.left), s.sheet), m.selectTableOrName);
  const region = currentRegion(s.values, r, c);
  return { box: { top: used.top + region.top, left: used.left + region.left, bottom: used.top + region.bottom, right: used.left + region.right }, kind: "range", region: true };
}

/** The value of a sheet cell from the used-range values (blank outside them). */
function at(values: readonly (readonly unknown[])[], used: A1Box | null, row: number, col: number): unknown {
  if (!used) return null;
  return values[row - used.top]?.[col - used.left] ?? null;
}

/**
 * The cells of sheet row `r` from column `left`, `width` of them: the row read itself when it is
 * exactly those cells (a source spanning the used range's columns, the usual case, so no copy of
 * 100,000 rows is kept beside the rows read), else a copy (blank outside the used range).
 */
export function inputRow(values: readonly (readonly unknown[])[], used: A1Box | null, r: number, left: number, width: number): readonly unknown[] {
  const read = used ? values[r - used.top] : undefined;
  if (read !== undefined && left === used?.left && read.length === width) return read;
  const row: unknown[] = new Array(width);
  for (let c = 0; c < width; c++) row[c] = at(values, used, r, left + c);
  return row;
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

/** What a planner needs beyond the snapshot. */
export interface PlanOptions {
  /** The named range or table the user asked for, as typed. */
  readonly sourceName?: string;
  /** False: find the table and check it can be rated, but rate nothing. */
  readonly rate?: boolean;
}

/** A source found and its columns mapped, not rated yet: a RatedSource without `computed`. */
export interface SourceHead extends Omit<RatedSource, "computed"> {
  /** Data rows (0-based below the header) that are hidden. */
  readonly hiddenDataRows: ReadonlySet<number>;
  /** The box as chosen (before an earlier run's outputs and rows below `knownBottom` were left out: sourceHead). */
  readonly chosen: A1Box;
  /** Columns of the data rows: the source's own, without the add-in's outputs inside a table. */
  readonly inputWidth: number;
  /** True when the box is the current region of the selected cell. */
  readonly region: boolean;
  /** True when the box was cut back to its last header because it ran to the sheet's last columns. */
  readonly trimmed: boolean;
}

/**
 * Finds the source in the snapshot, its header row and columns, without rating. `knownBottom`: the
 * last sheet row read so far (rows below it are left out of the box's rows; rate-stream.ts).
 * @throws RateRagError when there is nothing to rate, with the next step to take
 */
export function sourceHead(s: RateSnapshot, options: PlanOptions = {}, knownBottom = SHEET_ROWS): SourceHead {
  const source = chooseSource(s);
  const sheetName = source.kind === "name" && source.box.sheet ? source.box.sheet : s.sheet;
  if (source.kind === "name" && sheetName !== s.sheet) throw new RateRagError(m.namedElsewhere(options.sourceName, sheetName), m.namedElsewhereNext(sheetName));

  // An earlier run's outputs beside a plain range belong to us, not to the source.
  const record = s.records.find((r) => r.sheet === sheetName && (source.kind === "table" ? r.table === source.name : r.table === null && r.sourceColumn === source.box.left && r.headerRow >= source.box.top && r.headerRow <= source.box.bottom));
  let box = source.box;
  if (record && source.kind !== "table" && box.right >= record.firstColumn) box = { ...box, right: record.firstColumn - 1 };
  if (box.bottom > knownBottom) box = { ...box, bottom: Math.max(box.top, knownBottom) };

  const boxRows: (readonly unknown[])[] = [];
  for (let r = box.top; r <= box.bottom; r++) boxRows.push(inputRow(s.values, s.used, r, box.left, box.right - box.left + 1));
  const headerIndex = source.kind === "table" ? 0 : detectHeaderRow(boxRows);
  if (headerIndex === undefined) throw new RateRagError(m.noHeader(qualify(sheetName, boxAddress(box.top, box.left, box.bottom, box.right))), m.noHeaderNext);
  // A range that runs to the sheet's last columns (the used range of a sheet with one value out in
  // column XFD) leaves no room for the outputs beside it: the table ends at its last header.
  let trimmed = false;
  if (source.kind === "range" && box.right + OUTPUT_COLUMNS.length >= SHEET_COLUMNS) {
    const header = boxRows[headerIndex];
    let last = header.length - 1;
    while (last > 0 && isBlank(header[last])) last--;
    if (box.left + last < box.right) {
      trimmed = true;
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
  const mapping: ColumnMapping = applyOverrides(mapColumns(inputHeaders), s.settings.mapping);
  const has = (role: string) => mapping.entries.some((e) => e.role === role);
  if (!has("actual") && !has("value")) throw new RateRagError(m.noActual(headerRow + 1, sheetName), m.noActualNext);
  const dataRows = boxRows.slice(headerIndex + 1).map((row) => (row.length === inputHeaders.length ? row : row.slice(0, inputHeaders.length)));
  const hiddenDataRows = new Set<number>();
  for (const r of s.hiddenRows) if (r > headerRow && r <= box.bottom) hiddenDataRows.add(r - headerRow - 1);
  const benchmarkRows = !has("benchmark") && publicSourceHook(dataRows, mapping, s.settings.rules.benchmarkArea)?.hasBenchmarkRows === true;
  const chosenRules = rulesForTable(s.settings.rules, {
    target: has("target"), lowerCi: has("lowerCi"), upperCi: has("upperCi"),
    benchmark: has("benchmark") ? String(mapping.entries.find((e) => e.role === "benchmark")?.header ?? "the benchmark") : null,
    benchmarkRows: benchmarkRows ? benchmarkAreaWords(s.settings.rules.benchmarkArea) : null,
  });
  const warnings = chosenRules.note ? [...s.warnings, chosenRules.note] : s.warnings.slice();
  return {
    sheet: sheetName, box,
    kind: source.kind, ...(source.kind === "name" ? { name: options.sourceName } : source.name ? { name: source.name } : {}),
    headerRow, headers, mapping, dataRows, record, settings: { ...s.settings, rules: chosenRules.rules }, warnings,
    used: s.used, usedValues: s.values, records: s.records, hiddenDataRows, chosen: source.box, inputWidth: inputHeaders.length, region: source.region === true, trimmed,
  };
}

/**
 * Finds the source in the snapshot, its header row and columns, and rates every row in memory.
 * @throws RateRagError when there is nothing to rate, with the next step to take
 */
export function planSource(s: RateSnapshot, options: PlanOptions = {}): RatedSource {
  const { hiddenDataRows, chosen: _chosen, inputWidth: _width, region: _region, trimmed: _trimmed, ...head } = sourceHead(s, options);
  const computed = computeRatings(options.rate === false ? [] : head.dataRows, head.mapping, { headerRow: head.headerRow, firstColumn: head.box.left }, head.sheet, head.settings.rules, hiddenDataRows);
  return { ...head, computed };
}

export { DISTINCT_PREFIX };

/**
 * The headers the add-in writes beside (or into) a table: OUTPUT_COLUMNS, except that a name the table
 * already has for a column of its own (a council's Status, a Fingertips export's Recent Trend) gets
 * DISTINCT_PREFIX ("LAA Status"), so the user's column is kept as it is and the two are never confused.
 * Null when even the prefixed name is taken.
 * @example outputNames(["Code", "Status"])[0] // => "LAA Status"
 */
export function outputNames(headers: readonly unknown[]): readonly string[] | null {
  const taken = new Set(headers.map((h) => normaliseHeader(h)));
  if (OUTPUT_COLUMNS.every((n) => !taken.has(normaliseHeader(n)))) return OUTPUT_COLUMNS;
  // Only the names the table already has change, so Status stays Status beside a table's own Recent Trend.
  const names = OUTPUT_COLUMNS.map((n) => (taken.has(normaliseHeader(n)) ? `${DISTINCT_PREFIX}${n}` : n));
  return names.every((n) => n.startsWith(DISTINCT_PREFIX) ? !taken.has(normaliseHeader(n)) : true) ? names : null;
}

/** The headers a record's block has: its own names, else today's or the earlier layout's. */
function recordedNames(record: OutputRecord): readonly string[] {
  if (record.names && record.names.length === recordedColumns(record)) return record.names;
  return recordedColumns(record) === LEGACY_OUTPUT_COLUMNS.length ? LEGACY_OUTPUT_COLUMNS : OUTPUT_COLUMNS;
}

/** Column widths in points for Status, Gap, Gap %, Progress, Direction, Recent trend, Variation, Assurance, Reason, Rated at. */
const OUTPUT_WIDTHS: readonly number[] = [60, 70, 60, 65, 140, 175, 150, 130, 600, 75];

/** What an earlier part of the same run has written already (rate-stream.ts): the first `lead` lead operations and the first `rows` output rows. */
export interface Written {
  readonly lead: number;
  readonly rows: number;
}

/** Where Rate RAG's outputs go, and the writes that must come before any output row. */
export interface OutputPlace {
  readonly firstColumn: number;
  readonly headerNames: readonly string[];
  /** True when the recorded block is the earlier 7-column layout, rewritten in today's. */
  readonly legacy: boolean;
  /** The Excel table the outputs are columns of, or null beside a plain range. */
  readonly table: string | null;
  /** The new table columns and the header row, in that order. */
  readonly lead: readonly WriteOp[];
}

/**
 * Where the outputs of a found source go, after the checks that the add-in may write there, and
 * the writes that come first: new table columns, then the header row.
 * @throws RateRagError when there is nowhere to write
 */
export function planLead(rated: Omit<RatedSource, "computed">): OutputPlace {
  const { sheet, box, record, headerRow, headers, used, usedValues: values } = rated;
  const width = OUTPUT_COLUMNS.length;
  // Where the outputs go: the recorded columns, else the columns just right of the source.
  const firstColumn = record ? record.firstColumn : box.right + 1;
  // The headers: the recorded ones, else today's, made distinct from the table's own (a council's Status column).
  const names = record ? (record.names && record.names.length === width ? record.names : OUTPUT_COLUMNS) : outputNames(headers);
  const headerNames: readonly string[] = names ?? OUTPUT_COLUMNS;
  let legacy = false;
  if (firstColumn + width > SHEET_COLUMNS) throw new RateRagError(m.noRoom(width, qualify(sheet, boxAddress(box.top, box.left, box.bottom, box.right)), columnLetters(box.right)), m.noRoomNext);
  const first = columnLetters(firstColumn);
  const last = columnLetters(firstColumn + width - 1);
  if (!record) {
    for (let r = headerRow; r <= box.bottom; r++) {
      for (let c = firstColumn; c < firstColumn + width; c++) {
        if (!isBlank(at(values, used, r, c))) throw new RateRagError(m.occupied(width, first, last, qualify(sheet, cellAddress(r, c))), m.occupiedNext(first, last));
      }
    }
    if (names === null) {
      const clash = headers.map((h) => normaliseHeader(h)).find((h) => OUTPUT_COLUMNS.some((o) => normaliseHeader(o) === h)) ?? "";
      throw new RateRagError(m.columnClash(rated.name ?? qualify(sheet, boxAddress(box.top, box.left, box.bottom, box.right)), clash), m.columnClashNext);
    }
  } else {
    const found = (n: number) => Array.from({ length: n }, (_, i) => normaliseHeader(at(values, used, record.headerRow, record.firstColumn + i)));
    const same = (list: readonly string[]) => found(list.length).every((h, i) => h === normaliseHeader(list[i]));
    // The earlier 7-column block is the add-in's own too: it is rewritten in today's layout.
    legacy = !same(headerNames);
    if (legacy && !same(LEGACY_OUTPUT_COLUMNS)) throw new RateRagError(m.outputsChanged(qualify(sheet, cellAddress(record.headerRow, record.firstColumn))), m.outputsChangedNext);
    if (legacy) checkUpgrade(rated, record);
  }
  const table = rated.kind === "table" ? rated.name ?? null : null;
  const lead: WriteOp[] = [];
  if (table !== null && !record) lead.push({ op: "addTableColumns", table, names: headerNames });
  else if (table !== null && legacy) {
    // The earlier table columns stay; the series columns go in after Direction, shifting Reason and Rated at right.
    lead.push({ op: "addTableColumns", table, names: SERIES_COLUMNS, index: firstColumn + OUTPUT_COLUMNS.indexOf("Direction") + 1 - box.left });
  }
  if (table === null || record) lead.push({ op: "cells", sheet, block: { row: headerRow, col: firstColumn, values: [headerNames.slice()], formats: [headerNames.map(() => "@")], style: { bold: true } } });
  return { firstColumn, headerNames, legacy, table, lead };
}

/**
 * The output rows from `from` on, below the header. Text columns are formatted as text before values
 * are written, so a reason can never become a formula.
 */
export function outputCells(sheet: string, headerRow: number, firstColumn: number, outputs: readonly OutputRow[], from = 0): WriteOp {
  const values = from === 0 ? outputs : outputs.slice(from);
  return { op: "cells", sheet, block: { row: headerRow + 1 + from, col: firstColumn, values: values as OutputRow[], formats: values.map(() => OUTPUT_FORMATS.slice()) } };
}

/**
 * Rate RAG's writes for a rated source, and its report: the output columns beside the table (or as
 * table columns), the status fills, the rows an earlier, longer run left below, and the output
 * record. Refuses, with the next step, when writing would overwrite a cell the add-in does not own.
 * `written`: what an earlier part of the same run wrote, left out of the writes.
 * @throws RateRagError when there is nowhere to write
 */
export function planRateRag(rated: RatedSource, options: PlanOptions = {}, written: Written = { lead: 0, rows: 0 }): { readonly ops: WriteOp[]; readonly report: RateReport } {
  const { sheet, box, record, headerRow, computed, mapping, dataRows, used, usedValues: values } = rated;
  const width = OUTPUT_COLUMNS.length;
  const { firstColumn, headerNames, table, lead } = planLead(rated);
  const outputs = computed.outputs;
  const rows = outputs.length;
  const ops: WriteOp[] = lead.slice(written.lead);
  // Rows an earlier, longer run wrote below today's rows: only those the cells still prove are the
  // add-in's (stale-rows.ts), never by the record alone.
  // Only the columns the earlier run wrote (7 for the earlier layout): the cells beside them are not ours.
  const staleWidth = record ? Math.min(width, recordedColumns(record)) : width;
  const previousRows = record && Number.isInteger(record.rows) && record.rows > rows
    ? rows + staleRowsToClear(rows, record.rows, (used ? used.bottom : headerRow) - headerRow - 1, staleWidth, (r, c) => at(values, used, headerRow + 1 + r, firstColumn + c))
    : 0;
  if (previousRows > rows) ops.push({ op: "clear", sheet, rect: { row: headerRow + 1 + rows, col: firstColumn, rows: previousRows - rows, cols: staleWidth }, what: "Contents" });
  if (rows > 0) {
    if (written.rows < rows) ops.push(outputCells(sheet, headerRow, firstColumn, outputs, written.rows));
    ops.push({ op: "statusRules", sheet, rect: { row: headerRow + 1, col: firstColumn, rows, cols: 1 } });
    // Widths in points to fit each column's words; reasons are a sentence each, so that column is
    // wide (no wrapping, which would change the height of the user's rows).
    ops.push({ op: "columnWidths", sheet, row: headerRow, col: firstColumn, widths: OUTPUT_WIDTHS });
  }
  const newRecord: OutputRecord = { sheet, table, headerRow, sourceColumn: box.left, firstColumn, rows, columns: width, ...(headerNames !== OUTPUT_COLUMNS ? { names: headerNames } : {}) };
  const records = rated.records.filter((r) => !(r.sheet === sheet && r.headerRow === headerRow && r.sourceColumn === box.left));
  ops.push({ op: "setting", key: OUTPUTS_KEY, value: [...records, newRecord] });

  const report: RateReport = {
    source: {
      sheet,
      address: boxAddress(box.top, box.left, box.bottom, box.right),
      kind: rated.kind,
      ...(rated.kind === "name" ? { name: options.sourceName } : rated.name ? { name: rated.name } : {}),
      layout: mapping.layout,
      rows: dataRows.length,
    },
    asAt: computed.asAt,
    rated: computed.ratedCount,
    counts: computed.counts,
    problems: computed.problems.map((p) => ({ ...p, sheet: p.sheet || sheet })),
    warnings: rated.warnings,
    ...(computed.nothingRated ? { nothingRated: computed.nothingRated } : {}),
    ...(computed.polarityAssumed > 0
      ? { polarityAssumed: { count: computed.polarityAssumed, hasPolarityColumn: computed.hasPolarityColumn, indicators: computed.assumedPolarities.map((a) => ({ sheet, address: a.address, message: m.polarityAssumedAt(computed.hasPolarityColumn), indicatorId: a.indicatorId })) } }
      : {}),
  };
  return { ops, report };
}

/**
 * Before an earlier 7-column block is rewritten in today's layout: the three columns it gains must not
 * be the user's. Beside a plain range they are the three cells right of the block, on every row
 * written; in a table, the cells the new table columns shift right (beside the table), and no column
 * of the table may already have a new column's name.
 * @throws RateRagError naming the first cell in the way
 */
function checkUpgrade(rated: Omit<RatedSource, "computed">, record: OutputRecord): void {
  const { sheet, box, headerRow, used, usedValues: values } = rated;
  const extra = OUTPUT_COLUMNS.length - LEGACY_OUTPUT_COLUMNS.length;
  // The plain range's block ends at its last column; a table's at the table's right edge.
  const from = (rated.kind === "table" ? box.right : record.firstColumn + LEGACY_OUTPUT_COLUMNS.length - 1) + 1;
  if (from + extra > SHEET_COLUMNS) throw new RateRagError(m.noRoom(OUTPUT_COLUMNS.length, qualify(sheet, boxAddress(box.top, box.left, box.bottom, box.right)), columnLetters(from - 1)), m.noRoomNext);
  const first = columnLetters(from);
  const last = columnLetters(from + extra - 1);
  const top = rated.kind === "table" ? box.top : headerRow;
  for (let r = top; r <= box.bottom; r++) {
    for (let c = from; c < from + extra; c++) {
      if (!isBlank(at(values, used, r, c))) throw new RateRagError(m.upgradeOccupied(SERIES_COLUMNS, first, last, qualify(sheet, cellAddress(r, c))), m.occupiedNext(first, last));
    }
  }
  if (rated.kind === "table") {
    const taken = new Set(rated.headers.map((h) => normaliseHeader(h)));
    const clash = SERIES_COLUMNS.find((name) => taken.has(normaliseHeader(name)));
    if (clash) throw new RateRagError(m.columnClash(rated.name, clash), m.columnClashNext);
  }
}

/**
 * Remove ratings' writes: the add-in's output table columns deleted, its columns beside a plain range
 * cleared of values, formats and status fills, and the record forgotten. Sources whose sheet or table
 * is gone are skipped. Cells the add-in did not write are untouched.
 * @example planRemoval([], { sheets: new Set(), tables: new Set(), recorded: false }).removedColumns // => 0
 */
export function planRemoval(
  records: readonly OutputRecord[],
  existing: { readonly sheets: ReadonlySet<string>; readonly tables: ReadonlySet<string>; readonly recorded: boolean },
): { readonly ops: WriteOp[]; readonly removedColumns: number } {
  const ops: WriteOp[] = [];
  let removed = 0;
  for (const record of records) {
    if (record.table) {
      if (!existing.tables.has(record.table)) continue;
      // The names the record's block has; a column that is not there is skipped by the writer.
      for (const name of recordedNames(record)) ops.push({ op: "deleteTableColumn", table: record.table, name });
    } else {
      if (!existing.sheets.has(record.sheet)) continue;
      const rect = { row: record.headerRow, col: record.firstColumn, rows: (Number.isInteger(record.rows) ? record.rows : 0) + 1, cols: recordedColumns(record) };
      ops.push({ op: "clearRules", sheet: record.sheet, rect }, { op: "clear", sheet: record.sheet, rect, what: "All" });
    }
    removed += recordedColumns(record);
  }
  if (existing.recorded) ops.push({ op: "removeSetting", key: OUTPUTS_KEY });
  return { ops, removedColumns: removed };
}
