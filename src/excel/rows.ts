/**
 * From the values of an indicator table to raw indicators for the core (pure): one per row in the
 * wide layout, one per (area, indicator) in the long layout. Every raw cell carries its A1 address so
 * that problems name their cell. The core reads and rates; this only lines cells up by column role.
 */
import type { RawCell, RawIndicator, RawPeriodValue } from "../core/indicator";
import { cellAddress } from "../core/a1";
import { isBlank } from "./region";
import type { ColumnMappingEntry, ColumnRole } from "./types";
import type { ColumnMapping } from "./mapping";
import { seriesKeyOfRow } from "./series-columns";

/** Where the table's cells are on the sheet: the header row and first column, 0-based. */
export interface TableOrigin {
  readonly headerRow: number;
  readonly firstColumn: number;
}

/** One indicator to rate, with the data rows it came from. */
export interface SourceIndicator {
  readonly raw: RawIndicator;
  /** Data-row indexes (0-based, below the header) it was read from, in sheet order. */
  readonly rows: readonly number[];
  /** Long layout: the period label of each of those rows (null for a row without a period). */
  readonly rowPeriods?: readonly (unknown | null)[];
  /** Long layout: each row's own benchmark cell (e.g. the England value for that period). */
  readonly rowBenchmarks?: readonly RawCell[];
  /** A label for messages: the code, else the title, else "row N". */
  readonly label: string;
}

/** A row that was skipped on purpose, with the reason. */
export interface SkippedRow {
  readonly row: number;
  /** The 0-based column (within the rows) of the cell that shows why. */
  readonly column: number;
  readonly reason: string;
}

const SINGLE_FIELDS: readonly ColumnRole[] = [
  "id", "title", "perspective", "objective", "polarity", "unit", "baseline", "baselinePeriod", "floor", "tolerance", "rule",
  "weight", "owner", "commentary", "area", "areaCode", "benchmark", "lowerCi", "upperCi",
];

const TOTAL_ROW = /^(grand\s+)?totals?\b|^sum\b|^all indicators$/i;

function rowIsBlank(row: readonly unknown[]): boolean {
  return row.every(isBlank);
}

function firstOf(mapping: ColumnMapping, role: ColumnRole): ColumnMappingEntry | undefined {
  return mapping.entries.find((e) => e.role === role && e.period === undefined);
}

/**
 * Lines the data rows up into raw indicators.
 * @param rows the data rows (below the header), as values
 * @param mapping the column mapping of the header row
 * @param origin where row 0, column 0 of `rows`' header is on the sheet (for cell addresses)
 * @param from the first row to line up (the rows above were lined up earlier: wide layout only)
 * @param to the row after the last to line up (the rows below are lined up later: wide layout only)
 */
export function rawIndicators(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  origin: TableOrigin,
  skip: ReadonlySet<number> = new Set(),
  from = 0,
  to = rows.length,
): { indicators: SourceIndicator[]; skipped: SkippedRow[] } {
  const ref = (r: number, c: number) => cellAddress(origin.headerRow + 1 + r, origin.firstColumn + c);
  const cell = (r: number, e: ColumnMappingEntry | undefined): RawCell | undefined =>
    e === undefined ? undefined : { value: rows[r][e.column] ?? null, ref: ref(r, e.column) };
  const skipped: SkippedRow[] = [];
  const idCol = firstOf(mapping, "id");
  const titleCol = firstOf(mapping, "title");

  const usable: number[] = [];
  for (let r = from; r < to; r++) {
    const row = rows[r];
    if (skip.has(r) || rowIsBlank(row)) continue;
    const idText = idCol ? String(row[idCol.column] ?? "").trim() : "";
    const titleText = titleCol ? String(row[titleCol.column] ?? "").trim() : "";
    if (TOTAL_ROW.test(idText) || (idText === "" && TOTAL_ROW.test(titleText))) {
      const column = TOTAL_ROW.test(idText) ? idCol?.column ?? 0 : titleCol?.column ?? 0;
      skipped.push({ row: r, column, reason: `Skipped row ${origin.headerRow + 2 + r}: it is a total row ("${idText || titleText}"), not an indicator` });
      continue;
    }
    usable.push(r);
  }

  const singles = new Map<ColumnRole, ColumnMappingEntry>();
  for (const role of SINGLE_FIELDS) {
    const e = firstOf(mapping, role);
    if (e) singles.set(role, e);
  }
  const targetCols = mapping.entries.filter((e) => e.role === "target");
  const actualCols = mapping.entries.filter((e) => e.role === "actual" || e.role === "value");

  if (mapping.layout === "wide") {
    const indicators = usable.map((r): SourceIndicator => {
      const fields: Record<string, RawCell | undefined> = {};
      for (const [role, e] of singles) fields[role] = cell(r, e);
      const baselineWithPeriod = mapping.entries.find((e) => e.role === "baseline" && e.period !== undefined);
      if (!fields.baseline && baselineWithPeriod) {
        fields.baseline = cell(r, baselineWithPeriod);
        if (!fields.baselinePeriod) fields.baselinePeriod = { value: baselineWithPeriod.period };
      }
      const periodValues = (cols: readonly ColumnMappingEntry[]): RawPeriodValue[] =>
        cols.map((e) => ({ period: e.period ?? null, value: cell(r, e) as RawCell }));
      // Added to `fields`, not spread into a new object: Node 20's V8 builds { ...fields, more } slowly (spc.ts xmrChart).
      const raw = Object.assign(fields, { targets: periodValues(targetCols), actuals: periodValues(actualCols) }) as RawIndicator;
      return { raw, rows: [r], label: labelOf(rows[r], idCol, titleCol, origin.headerRow + 2 + r) };
    });
    return { indicators, skipped };
  }

  // Long layout: group rows by area and indicator, keeping first-seen order.
  const periodCol = firstOf(mapping, "period");
  const areaKeyCol = singles.get("areaCode") ?? singles.get("area");
  const groups = new Map<string, number[]>();
  for (const r of usable) {
    // A series is identified by every dimension present (docs/methods.md#benchmark-rows).
    const key = seriesKeyOfRow(rows[r], mapping, areaKeyCol, idCol, titleCol);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const lower = singles.get("lowerCi");
  const upper = singles.get("upperCi");
  const count = firstOf(mapping, "count");
  const denominator = firstOf(mapping, "denominator");
  const indicators: SourceIndicator[] = [];
  for (const members of groups.values()) {
    const first = members[0];
    const fields: Record<string, RawCell | undefined> = {};
    for (const [role, e] of singles) {
      if (role === "lowerCi" || role === "upperCi" || role === "benchmark") continue;
      // The first non-blank cell of the group gives the indicator's value for a field.
      const r = members.find((m) => !isBlank(rows[m][e.column])) ?? first;
      fields[role] = cell(r, e);
    }
    const periodOf = (r: number) => (periodCol ? rows[r][periodCol.column] ?? null : null);
    const actuals: RawPeriodValue[] = [];
    const targets: RawPeriodValue[] = [];
    for (const r of members) {
      for (const e of actualCols) {
        actuals.push({ period: e.period ?? periodOf(r), value: cell(r, e) as RawCell, ...(lower ? { lower: cell(r, lower) } : {}), ...(upper ? { upper: cell(r, upper) } : {}), ...(count ? { count: cell(r, count) } : {}), ...(denominator ? { denominator: cell(r, denominator) } : {}) });
      }
      for (const e of targetCols) targets.push({ period: e.period ?? periodOf(r), value: cell(r, e) as RawCell });
    }
    // The benchmark of the latest row stands for the indicator; each row is rated with its own below.
    const bench = singles.get("benchmark");
    if (bench) fields.benchmark = cell(members[members.length - 1], bench);
    indicators.push({
      raw: { ...fields, targets, actuals },
      rows: members,
      rowPeriods: members.map(periodOf),
      ...(bench ? { rowBenchmarks: members.map((r) => cell(r, bench) as RawCell) } : {}),
      label: labelOf(rows[first], idCol, titleCol, origin.headerRow + 2 + first),
    });
  }
  return { indicators, skipped };
}

function labelOf(row: readonly unknown[], idCol: ColumnMappingEntry | undefined, titleCol: ColumnMappingEntry | undefined, sheetRow: number): string {
  const id = idCol ? String(row[idCol.column] ?? "").trim() : "";
  if (id) return id;
  const title = titleCol ? String(row[titleCol.column] ?? "").trim() : "";
  return title || `row ${sheetRow}`;
}
