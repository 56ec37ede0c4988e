/**
 * Which column of an indicator table means what: header words analysts actually use,
 * in both layouts. Pure: takes header text, returns a mapping; the Excel layer reads and writes.
 *
 * Wide layout: one row per indicator, periods as columns ("Target 2009/10", "Actual 2009/10", or a
 * bare "2009/10" / "Q1 2010/11" meaning the actual for that period; period headers are recognised by
 * the core's isPeriodHeader).
 * Long layout: one row per indicator and period (or per area, indicator and period), with a period
 * column ("Time period") and a value column ("Value"), as in the public health Fingertips download.
 */
import { isPeriodHeader } from "../core/periods";
import { DISTINCT_PREFIX, LEGACY_OUTPUT_COLUMNS, OUTPUT_COLUMNS } from "./output-columns";
import type { ColumnMappingEntry, ColumnRole } from "./types";

/** Lower case, single spaces, no surrounding punctuation, so "Lead Officer:" matches "lead officer". */
export function normaliseHeader(text: unknown): string {
  if (text === null || text === undefined) return "";
  return String(text).replace(/\s+/g, " ").trim().toLowerCase().replace(/^[*#:\s]+|[*:\s]+$/g, "");
}

// Exact header words for each role, most specific first; checked before the period-bearing forms.
const EXACT: readonly (readonly [ColumnRole, readonly string[]])[] = [
  ["lowerCi", ["lower ci 95.0 limit", "lower ci 99.8 limit", "lower ci", "lower ci limit", "lower confidence limit", "lower limit", "lcl", "lower 95% ci", "lower cl", "ci lower", "lower"]],
  ["upperCi", ["upper ci 95.0 limit", "upper ci 99.8 limit", "upper ci", "upper ci limit", "upper confidence limit", "upper limit", "ucl", "upper 95% ci", "upper cl", "ci upper", "upper"]],
  ["areaCode", ["area code", "ons code", "la code", "local authority code", "gss code", "authority code", "la_code", "area_code"]],
  ["area", ["area name", "area", "local authority", "local authority name", "la name", "authority name", "la", "authority", "district", "csp", "partnership", "la_name", "area_name"]],
  ["parentCode", ["parent code", "parent area code", "region code"]],
  ["parentName", ["parent name", "parent area name", "region", "region name"]],
  ["sex", ["sex", "gender"]],
  ["age", ["age", "age group", "age band"]],
  ["categoryType", ["category type"]],
  ["category", ["category"]],
  ["median", ["median", "council median", "median value", "england median"]],
  ["rankOrder", ["rank_order", "rank order", "ranking order"]],
  ["comparison", ["compared to england value or percentiles", "compared to england", "compared to region value or percentiles", "compared to goal"]],
  ["valueNote", ["value note", "value notes", "data note"]],
  ["userStatus", ["rag", "rag status", "current status", "council status", "performance status"]],
  ["id", ["indicator id", "code", "ref", "ref.", "reference", "ni", "ni ref", "ni code", "ni no", "ni number", "pi", "pi code", "pi ref", "indicator code", "indicator ref", "id", "no", "no."]],
  ["title", ["indicator name", "indicator", "indicator title", "title", "measure", "measure name", "measure_name", "measure title", "description", "indicator description", "performance indicator"]],
  ["perspective", ["theme", "block", "laa block", "perspective", "outcome area", "priority", "priority area", "theme/block", "block/theme", "domain", "service", "service area", "directorate", "portfolio", "department"]],
  ["objective", ["objective", "outcome", "corporate objective", "strategic objective", "outcome/objective"]],
  ["polarity", ["polarity", "good is", "good performance is", "direction", "good direction", "direction of good performance", "higher or lower is better", "is higher better"]],
  ["unit", ["unit", "units", "unit of measure", "measure unit"]],
  ["baselinePeriod", ["baseline year", "baseline period", "baseline date"]],
  ["floor", ["floor", "floor target", "floor standard", "minimum standard"]],
  ["period", ["time period", "period", "year", "quarter", "financial year", "financial_year", "month", "reporting period"]],
  ["value", ["value", "outturn value"]],
  ["weight", ["weight", "weighting"]],
  ["owner", ["owner", "lead", "lead officer", "responsible officer", "accountable officer", "officer", "indicator owner", "theme lead"]],
  ["tolerance", ["tolerance", "amber tolerance", "tolerance %", "amber band", "tolerance (%)"]],
  ["rule", ["rule", "rag rule", "rating rule", "rag method", "preset"]],
  ["benchmark", ["benchmark", "england", "england value", "national", "national average", "comparator", "england average", "benchmark value"]],
  ["commentary", ["commentary", "comment", "comments", "notes", "narrative", "note"]],
  ["count", ["count", "numerator", "events"]],
  ["denominator", ["denominator", "population"]],
];
const EXACT_LOOKUP = new Map<string, ColumnRole>();
for (const [role, words] of EXACT) for (const w of words) if (!EXACT_LOOKUP.has(w)) EXACT_LOOKUP.set(w, role);

// The add-in's own output headers (output-columns.ts) that are never input words on their own ("Direction" also means polarity, so it is
// left out here and only ignored inside a whole block of the add-in's headers: see mapColumns), with
// their distinct forms ("LAA Status", written beside a table's own Status).
const OUTPUT_SET = new Set(OUTPUT_COLUMNS.filter((h) => h !== "Direction").flatMap((h) => [h, `${DISTINCT_PREFIX}${h}`]).map(normaliseHeader));

/**
 * What one header means, or undefined when it is not recognised.
 * @example classifyHeader("Target 2009/10") // => { role: "target", period: "2009/10" }
 * @example classifyHeader("Q1 2010/11") // => { role: "actual", period: "Q1 2010/11" }
 * @example classifyHeader("Lead officer") // => { role: "owner" }
 */
export function classifyHeader(header: unknown): { role: ColumnRole; period?: string } | undefined {
  const text = normaliseHeader(header);
  if (text === "" || OUTPUT_SET.has(text)) return undefined;
  const exact = EXACT_LOOKUP.get(text);
  if (exact) return { role: exact };
  if (/^(baseline|target|actual|latest|outturn|performance)$/.test(text)) {
    return { role: text === "baseline" ? "baseline" : text === "target" ? "target" : "actual" };
  }
  const periodHeader = isPeriodHeader(typeof header === "number" ? header : text);
  if (periodHeader) {
    const role: ColumnRole = periodHeader.role === "period" ? "actual" : periodHeader.role;
    return { role, period: periodHeader.period.label };
  }
  return undefined;
}

/** The result of mapping a header row. */
export interface ColumnMapping {
  readonly layout: "wide" | "long";
  readonly entries: readonly ColumnMappingEntry[];
}

/**
 * Maps every column of a header row. Unrecognised columns get the role "ignore"; when a role that
 * takes one column appears twice, the first wins and later ones are ignored.
 */
export function mapColumns(headers: readonly unknown[]): ColumnMapping {
  const entries: ColumnMappingEntry[] = [];
  const single = new Set<ColumnRole>();
  const outputBlock = new Set<number>();
  const norm = headers.map(normaliseHeader);
  // A block of the add-in's headers in either layout; any of its names may have the distinct prefix
  // (only the names a table already had get it: "LAA Status", then Gap ... Rated at as they are).
  for (const block of [OUTPUT_COLUMNS, LEGACY_OUTPUT_COLUMNS].map((b) => b.map((h) => [normaliseHeader(h), normaliseHeader(`${DISTINCT_PREFIX}${h}`)]))) {
    for (let start = 0; start + block.length <= norm.length; start++) {
      if (block.every((names, i) => names.includes(norm[start + i]))) for (let i = 0; i < block.length; i++) outputBlock.add(start + i);
    }
  }
  for (let column = 0; column < headers.length; column++) {
    const header = headers[column] === null || headers[column] === undefined ? "" : String(headers[column]);
    const found = outputBlock.has(column) ? undefined : classifyHeader(header);
    let role: ColumnRole = found?.role ?? "ignore";
    const period = found?.period;
    if (role !== "ignore" && period === undefined) {
      if (single.has(role)) role = "ignore";
      else single.add(role);
    }
    entries.push(period === undefined ? { column, header, role } : { column, header, role, period });
  }
  return { layout: layoutOf(entries), entries };
}

/** Long when there is a period column and a value or period-less actual column; wide otherwise. */
export function layoutOf(entries: readonly ColumnMappingEntry[]): "wide" | "long" {
  const hasPeriodColumn = entries.some((e) => e.role === "period");
  const hasValue = entries.some((e) => (e.role === "value" || e.role === "actual") && e.period === undefined);
  return hasPeriodColumn && hasValue ? "long" : "wide";
}

/**
 * Applies stored overrides (from the workbook's settings) on top of a detected mapping: an override
 * whose header text matches a column replaces that column's role and period.
 */
export function applyOverrides(mapping: ColumnMapping, overrides: readonly ColumnMappingEntry[] | null): ColumnMapping {
  if (!overrides || overrides.length === 0) return mapping;
  const byHeader = new Map(overrides.map((o) => [normaliseHeader(o.header), o]));
  const entries = mapping.entries.map((e) => {
    const o = byHeader.get(normaliseHeader(e.header));
    if (!o) return e;
    return o.period === undefined ? { column: e.column, header: e.header, role: o.role } : { column: e.column, header: e.header, role: o.role, period: o.period };
  });
  return { layout: layoutOf(entries), entries };
}

/** How many cells of a row look like headers; used to find the header row below titles. */
export function headerScore(row: readonly unknown[]): number {
  let score = 0;
  for (const cell of row) {
    if (typeof cell !== "string") continue;
    const found = classifyHeader(cell);
    if (found) score += found.role === "id" || found.role === "title" ? 2 : 1;
  }
  return score;
}

/**
 * The index of the header row among the first rows of a region: the row that looks most like
 * headers (ties go to the earliest), needing at least an indicator column and one other; title rows
 * and merged title cells above the table score 0 or 1. Undefined when no row qualifies.
 */
export function detectHeaderRow(rows: readonly (readonly unknown[])[], scan = 20): number | undefined {
  let best: number | undefined;
  let bestScore = 2;
  for (let i = 0; i < Math.min(scan, rows.length); i++) {
    const score = headerScore(rows[i]);
    const hasIndicator = rows[i].some((c) => {
      const role = typeof c === "string" ? classifyHeader(c)?.role : undefined;
      return role === "id" || role === "title";
    });
    if (hasIndicator && score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
