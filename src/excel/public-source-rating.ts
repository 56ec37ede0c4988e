/**
 * What a public-source long table adds to rating (docs/methods.md#benchmark-rows), worked out
 * once per table from its rows and mapping: each row's benchmark from the benchmark area's row,
 * which rows are context (England, regions, category rows), a polarity from the table's clues for
 * series whose polarity is blank, and the Median comparison for tables with a median and no target.
 * The rules are the core's (core/public-sources, core/median-distance); this only lines cells up.
 */
import { readNumber } from "../core/cells";
import { funnelBenchmark, funnelRag, funnelRagMessages, type FunnelBenchmark } from "../core/funnel-rating";
import { medianDistance } from "../core/median-distance";
import type { Polarity } from "../core/polarity";
import {
  benchmarkFromRows, comparatorKey, isContextRow, polarityFromComparison, polarityFromRankOrder, type PolarityClue, type PublicRow,
} from "../core/public-sources";
import type { Rating } from "../core/rules/engine";
import type { BenchmarkMethod } from "../core/rules/types";
import type { ColumnMapping } from "./mapping";
import type { ColumnRole } from "./types";

export interface PublicSourceHook {
  /** The benchmark of a data row from the benchmark area's row; undefined when none. */
  benchmark(row: number): number | undefined;
  /** True when some row takes its benchmark from a benchmark area's row (the table has benchmark rows). */
  readonly hasBenchmarkRows: boolean;
  /** Why a row is context and not rated as an area; undefined for a row to rate. */
  contextReason(row: number): string | undefined;
  /** A polarity clue for the series of these rows, or a problem sentence. */
  polarity(rows: readonly number[]): PolarityClue | { problem: string } | undefined;
  /** The Median preset's rating of a row (table with a median column, no target); undefined otherwise. */
  median(row: number, polarity: Polarity, base: Rating): Rating | undefined;
  /**
   * The Benchmark preset's funnel method (docs/methods.md#funnel-rag) for a row the Benchmark preset
   * rated: its rating on the funnel of its indicator and period, or the interval rating with the
   * reason the funnel was not used; undefined when the method is "interval" or another preset rated it.
   */
  funnel(row: number, polarity: Polarity, base: Rating): Rating | undefined;
}

const num = (v: unknown): number | undefined => {
  const n = readNumber(v);
  return n.kind === "number" ? n.value : undefined;
};

/** The hook for a long table with area rows; null for tables that are not of this shape. */
export function publicSourceHook(rows: readonly (readonly unknown[])[], mapping: ColumnMapping, benchmarkChoice = "england", benchmarkMethod: BenchmarkMethod = "interval"): PublicSourceHook | null {
  const col = (role: ColumnRole) => mapping.entries.find((e) => e.role === role && e.period === undefined);
  const areaCode = col("areaCode");
  const areaName = col("area");
  if (mapping.layout !== "long" || (!areaCode && !areaName)) return null;
  const hasBenchmarkColumn = col("benchmark") !== undefined;
  const hasTarget = mapping.entries.some((e) => e.role === "target");
  const text = (r: number, role: ColumnRole): string | undefined => {
    const e = col(role);
    const v = e ? rows[r][e.column] : undefined;
    return v === null || v === undefined || v === "" ? undefined : String(v);
  };
  const valueCol = mapping.entries.find((e) => (e.role === "value" || e.role === "actual") && e.period === undefined);
  const publicRows: PublicRow[] = rows.map((_, r) => ({
    indicator: text(r, "id") ?? text(r, "title") ?? "",
    areaCode: text(r, "areaCode"), areaName: text(r, "area"), area: text(r, "areaCode") ?? text(r, "area"),
    parentCode: text(r, "parentCode"),
    sex: text(r, "sex"), age: text(r, "age"), categoryType: text(r, "categoryType"), category: text(r, "category"),
    period: text(r, "period") ?? "",
    value: valueCol ? num(rows[r][valueCol.column]) : undefined,
  }));
  const benchmarks = hasBenchmarkColumn ? [] : benchmarkFromRows(publicRows, benchmarkChoice);
  // The "Compared to England" verdicts are England's: their polarity clue is read against England's
  // rows whichever benchmark area rates the rows (docs/methods.md#benchmark-area).
  const english = (benchmarkChoice.trim().toLowerCase() || "england") === "england";
  const englandBenchmarks = hasBenchmarkColumn || english ? benchmarks : benchmarkFromRows(publicRows, "england");
  const parents = new Set(publicRows.map((r) => (r.parentCode ?? "").trim().toLowerCase()).filter((c) => c !== ""));
  // Comparator groups for the median: area rows (not context) of the same series and period.
  const groups = new Map<string, number[]>();
  // The same groups as rows, for the funnel method (areas without a value too: they are named as not on it).
  const rowGroups = new Map<string, number[]>();
  const groupKey = (r: PublicRow) => `${comparatorKey(r)}\u001e${r.period.trim().toLowerCase()}`;
  publicRows.forEach((r, i) => {
    if (isContextRow(r, parents, benchmarkChoice)) return;
    const k = groupKey(r);
    const rg = rowGroups.get(k);
    if (rg) rg.push(i);
    else rowGroups.set(k, [i]);
    if (r.value === undefined) return;
    const g = groups.get(k);
    if (g) g.push(r.value);
    else groups.set(k, [r.value]);
  });
  const countCol = col("count"), denominatorCol = col("denominator");
  const funnels = new Map<string, FunnelBenchmark>();
  const funnelOf = (k: string, members: readonly number[]): FunnelBenchmark => {
    let f = funnels.get(k);
    if (!f) {
      f = funnelBenchmark(members.map((r) => ({
        count: countCol ? num(rows[r][countCol.column]) ?? null : null,
        denominator: denominatorCol ? num(rows[r][denominatorCol.column]) ?? null : null,
        value: publicRows[r].value ?? null,
      })));
      funnels.set(k, f);
    }
    return f;
  };
  const hasMedian = col("median") !== undefined && !hasTarget;
  return {
    funnel: (r, polarity, base) => {
      if (benchmarkMethod !== "funnel" || base.preset !== "benchmark") return undefined;
      const keep = (why: string): Rating => ({ ...base, reason: `${base.reason}; ${why}` });
      if (!countCol || !denominatorCol) return keep(funnelRagMessages.noColumns);
      const k = groupKey(publicRows[r]);
      const members = rowGroups.get(k);
      const value = publicRows[r].value;
      if (!members || value === undefined) return keep(funnelRagMessages.notOnFunnel);
      const rated = funnelRag(funnelOf(k, members), members.indexOf(r), value, polarity);
      return "keep" in rated ? keep(rated.keep) : { ...base, status: rated.status, reason: rated.reason };
    },
    benchmark: (r) => benchmarks[r],
    hasBenchmarkRows: benchmarks.some((b) => b !== undefined),
    contextReason: (r) => {
      const p = publicRows[r];
      if (!isContextRow(p, parents, benchmarkChoice)) return undefined;
      const name = p.areaName ?? p.areaCode ?? "";
      return p.category ? `${name} ${p.category}: a comparison group, shown as context and not rated` : `${name}: a benchmark or parent area, shown as context and not rated`;
    },
    polarity: (members) => {
      const rankOrder = col("rankOrder");
      if (rankOrder) for (const r of members) {
        const clue = polarityFromRankOrder(rows[r][rankOrder.column]);
        if (clue) return clue;
      }
      const comparison = col("comparison");
      if (!comparison) return undefined;
      return polarityFromComparison(members.map((r) => ({ verdict: text(r, "comparison"), value: publicRows[r].value, benchmark: englandBenchmarks[r] })));
    },
    median: (r, polarity, base) => {
      if (!hasMedian) return undefined;
      const p = publicRows[r];
      if (p.value === undefined) return undefined;
      const group = groups.get(`${comparatorKey(p)}\u001e${p.period.trim().toLowerCase()}`) ?? [];
      const d = medianDistance(p.value, group, polarity);
      if (!d.ok) return { ...base, status: "Grey", reason: d.problem.message };
      const mads = Math.abs(d.value.distance).toFixed(1);
      const reason = `${d.value.words} than the median of ${group.length} councils (${d.value.mad === 0 ? "at the median" : `${mads} median absolute deviations ${d.value.distance >= 0 ? "above" : "below"}`}; median ${d.value.median}, Median preset)`;
      return { ...base, status: d.value.status, reason: d.value.words === "broadly similar" ? `broadly similar to the median of ${group.length} councils (${mads} median absolute deviations; median ${d.value.median}, Median preset)` : reason };
    },
  };
}
