/**
 * Indicator data as public sources publish it (docs/methods.md#benchmark-rows): a series is
 * identified by every dimension present, benchmark rows (England by default) give other rows their
 * benchmark, aggregate rows are context, polarity clues from Fingertips' "Compared to England" and
 * Oflog's `rank_order`, and information-only rows. Pure: rows in, answers out.
 */
import type { Polarity } from "./polarity";

/** The dimensions that, with the period, tell one row of a public table from another. */
export interface SeriesDimensions {
  readonly indicator: string;
  readonly area?: string;
  readonly sex?: string;
  readonly age?: string;
  readonly categoryType?: string;
  readonly category?: string;
}

const norm = (s: string | undefined): string => (s ?? "").replace(/\s+/g, " ").trim().toLowerCase();

/** A key equal for two rows only when every dimension agrees (blank counts as its own value). */
export function seriesKey(d: SeriesDimensions): string {
  return [d.indicator, d.area, d.sex, d.age, d.categoryType, d.category].map(norm).join("\u001f");
}

/** The key of a series without its area: rows of different areas with this key compare with each other. */
export function comparatorKey(d: SeriesDimensions): string {
  return seriesKey({ ...d, area: "" });
}

/** Area code and name of England as Fingertips and ONS publish them. */
export const ENGLAND_CODE = "E92000001";

/** True when the area is the chosen benchmark area (England by default: its code or the name "England"). */
export function isBenchmarkArea(areaCode: string | undefined, areaName: string | undefined, benchmark?: string): boolean {
  const target = norm(benchmark ?? "");
  if (target === "" || target === "england" || target === norm(ENGLAND_CODE)) {
    return norm(areaCode) === norm(ENGLAND_CODE) || norm(areaName) === "england";
  }
  return norm(areaCode) === target || norm(areaName) === target;
}

/**
 * The benchmark area chosen (docs/methods.md#benchmark-area) in words, for notes and the Rules tab.
 * @example benchmarkAreaWords("region") // => "each area's region (the row of its Parent Code)"
 * @example benchmarkAreaWords("E12000007") // => "E12000007"
 */
export function benchmarkAreaWords(benchmark: string | undefined): string {
  const mode = norm(benchmark);
  if (mode === "" || mode === "england" || mode === norm(ENGLAND_CODE)) return "England";
  if (mode === "region") return "each area's region (the row of its Parent Code)";
  return (benchmark ?? "").trim();
}

/** A row of a public table as far as these rules need it. */
export interface PublicRow extends SeriesDimensions {
  readonly areaCode?: string;
  readonly areaName?: string;
  readonly parentCode?: string;
  readonly period: string;
  readonly value: number | undefined;
}

/**
 * Benchmark values per row from the benchmark area's row with the same indicator, period and other
 * dimensions. `benchmark` is "england" (default), "region" (the row's Parent Code) or an area code or
 * name. Rows without a matching benchmark row get undefined; the benchmark row itself gets undefined.
 */
export function benchmarkFromRows(rows: readonly PublicRow[], benchmark = "england"): (number | undefined)[] {
  const byAreaKey = new Map<string, number>();
  const key = (area: string, r: PublicRow): string => `${norm(area)}\u001e${comparatorKey(r)}\u001e${norm(r.period)}`;
  for (const r of rows) {
    if (r.value === undefined || !Number.isFinite(r.value)) continue;
    for (const a of [r.areaCode, r.areaName]) if (a) byAreaKey.set(key(a, r), r.value);
  }
  const mode = norm(benchmark);
  return rows.map((r) => {
    const area = mode === "region" ? r.parentCode : mode === "england" || mode === "" ? ENGLAND_CODE : benchmark;
    if (!area) return undefined;
    if (norm(area) === norm(r.areaCode) || norm(area) === norm(r.areaName)) return undefined;
    const v = byAreaKey.get(key(area, r));
    if (v === undefined && mode !== "region" && (mode === "england" || mode === "")) return byAreaKey.get(key("England", r));
    return v;
  });
}

/**
 * True when a row is context rather than an area to rate: the benchmark area itself, or an
 * aggregate row (a row with a category, e.g. a deprivation decile, or a region when the benchmark is
 * England and the row's area is a parent of others).
 */
export function isContextRow(r: PublicRow, parentCodes: ReadonlySet<string>, benchmark = "england"): boolean {
  if (norm(r.category) !== "") return true;
  if (isBenchmarkArea(r.areaCode, r.areaName, benchmark === "region" ? undefined : benchmark)) return true;
  return r.areaCode !== undefined && parentCodes.has(norm(r.areaCode));
}

/** A polarity inferred from a clue, with the reason to show. */
export interface PolarityClue {
  readonly polarity: Polarity;
  readonly reason: string;
}

/**
 * Polarity from Fingertips' "Compared to England value or percentiles" verdicts of one series:
 * `Better` above the benchmark or `Worse` below means higher is better, and the reverse lower;
 * `Higher`/`Lower` means no judgement. Undefined when no row gives a clue; a problem sentence when
 * rows disagree.
 */
export function polarityFromComparison(
  rows: readonly { readonly verdict: string | undefined; readonly value: number | undefined; readonly benchmark: number | undefined }[],
): PolarityClue | { readonly problem: string } | undefined {
  const seen = new Set<Polarity>();
  for (const r of rows) {
    const v = norm(r.verdict);
    if (v === "higher" || v === "lower") { seen.add("none"); continue; }
    if (v !== "better" && v !== "worse") continue;
    if (r.value === undefined || r.benchmark === undefined || r.value === r.benchmark) continue;
    const above = r.value > r.benchmark;
    seen.add((v === "better") === above ? "higher" : "lower");
  }
  if (seen.size === 0) return undefined;
  if (seen.size > 1) return { problem: `The "Compared to England" verdicts of this indicator disagree about which direction is good (${[...seen].join(", ")}).` };
  const polarity = [...seen][0];
  return { polarity, reason: `polarity inferred from "Compared to England"` };
}

/** Polarity from a rank-order cell: `desc` higher is better, `asc` lower, `None` none. */
export function polarityFromRankOrder(raw: unknown): PolarityClue | undefined {
  const v = norm(raw === null || raw === undefined ? "" : String(raw));
  const polarity: Polarity | undefined = v === "desc" ? "higher" : v === "asc" ? "lower" : v === "none" ? "none" : undefined;
  return polarity ? { polarity, reason: `polarity inferred from "rank_order" (${v === "none" ? "None" : v})` } : undefined;
}

const INFO_WORDS = new Set(["info", "information", "for information", "data only", "information only", "info only"]);

/**
 * True for an information-only row: a Status/RAG cell saying Info, For information or Data only,
 * or a target of 0 with a figure of 0 or more (council KPI lists put 0 in the target of counts and
 * times they only report; a negative figure, e.g. days behind a timetable, is measured against 0).
 */
export function isInformationOnly(statusCell: unknown, target: number | undefined, actual: number | undefined): boolean {
  if (typeof statusCell === "string" && INFO_WORDS.has(norm(statusCell))) return true;
  return target === 0 && (actual === undefined || actual >= 0);
}
