/**
 * The benchmark comparison at the rule settings' level (docs/methods.md#benchmark-level) and red-reds
 * (docs/methods.md#recent-trend): worse than the benchmark and getting worse. Pure.
 */
import { compareWithBenchmark, type Comparison } from "./compare";
import type { Indicator, Observation } from "./indicator";
import { isRedRed, recentTrend, type TrendPoint } from "./methods/recent-trend";
import type { BenchmarkLevel } from "./rules/types";
import { rateInterval, wilsonInterval } from "./stats/intervals";

/** The normal quantile at 97.5% (R `qnorm(0.975)`): a 95% limit is this many standard errors away. */
export const Z95 = 1.959963984540054;
/** The normal quantile at 99.9% (R `qnorm(0.999)`): a 99.8% limit is this many standard errors away. */
export const Z998 = 3.090232306167813;

/**
 * Where limits at the chosen level came from: the table's 95% limits as given, the 95% limits
 * widened by the same standard error, or the count and denominator (Wilson for a proportion, the
 * rate method for a rate).
 */
export type LimitsSource = "given" | "standardError" | "proportion" | "rate";

/** Confidence limits at the chosen level and where they came from. */
export interface LevelLimits {
  readonly lower: number;
  readonly upper: number;
  readonly source: LimitsSource;
}

const has = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/**
 * The multiplier a value is written with when it is count / denominator x multiplier: a power of ten
 * from 1 to 1,000,000 that gives the value to 1 part in a million; null when none does.
 * @example impliedMultiplier(94.7261896202678, 51897, 54786327) // => 100000
 * @example impliedMultiplier(65, 65, 100) // => 100
 * @example impliedMultiplier(12, 65, 100) // => null
 */
export function impliedMultiplier(value: number, count: number, denominator: number): number | null {
  if (!has(value) || !has(count) || !has(denominator) || denominator <= 0 || count < 0) return null;
  for (let m = 1; m <= 1e6; m *= 10) {
    const v = (count / denominator) * m;
    if (Math.abs(v - value) <= 1e-6 * Math.max(Math.abs(value), 1e-12)) return m;
  }
  return null;
}

/**
 * Whether an observation's count and denominator make it a proportion (a share or a percentage of
 * the denominator): the chi-squared test for trend and Wilson's limits apply to it.
 * @example isProportion({ value: 65, count: 65, denominator: 100 }) // => true
 * @example isProportion({ value: 94.7261896202678, count: 51897, denominator: 54786327 }) // => false (a rate per 100,000)
 */
export function isProportion(o: Pick<Observation, "value" | "count" | "denominator">): boolean {
  if (!has(o.value) || !has(o.count) || !has(o.denominator) || o.count > o.denominator) return false;
  const m = impliedMultiplier(o.value, o.count, o.denominator);
  return m === 1 || m === 100;
}

/**
 * Confidence limits of a value at the level (docs/methods.md#benchmark-level). At 95 the table's
 * limits as given. At 99.8, from the count and denominator when the table has them (Wilson's score
 * interval for a proportion, PHE's rate method for a rate: exact below 10 events, Byars from 10),
 * else from the 95% limits with the same standard error: each side's 95% half-width is 1.96
 * standard errors, so the 99.8% half-width is that times 3.0902 / 1.96. Null when the limits are the
 * wrong way round or do not contain the value.
 * @example limitsAtLevel(25, 22, 28, 99.8) // => { lower: 20.269..., upper: 29.730..., source: "standardError" } (half-width 3 x 3.0902 / 1.96 = 4.7300)
 * @example limitsAtLevel(25, 22, 28, 95) // => { lower: 22, upper: 28, source: "given" }
 */
export function limitsAtLevel(value: number, lower: number, upper: number, level: BenchmarkLevel, count?: number | null, denominator?: number | null): LevelLimits | null {
  if (!has(value) || !has(lower) || !has(upper) || lower > upper) return null;
  if (level === 95) return { lower, upper, source: "given" };
  if (has(count) && has(denominator)) {
    const m = impliedMultiplier(value, count, denominator);
    if (m !== null) {
      const proportion = (m === 1 || m === 100) && count <= denominator;
      const ci = proportion ? wilsonInterval(count, denominator, { level: 99.8, multiplier: m }) : rateInterval(count, denominator, { level: 99.8, multiplier: m });
      if (ci.ok) return { lower: ci.value.lower, upper: ci.value.upper, source: proportion ? "proportion" : "rate" };
    }
  }
  if (value < lower || value > upper) return null;
  const widen = Z998 / Z95;
  return { lower: value - (value - lower) * widen, upper: value + (upper - value) * widen, source: "standardError" };
}

/**
 * A series as the recent trend takes it: values with their 95% limits, and the counts and
 * denominators only when every value is a proportion (the chi-squared test for trend is for
 * proportions; rates use the weighted slope).
 * @example trendPoints([{ period: null, value: 1, lower: 0, upper: 2, missingReason: null, ref: null }])[0].count // => undefined
 */
export function trendPoints(series: readonly Observation[]): TrendPoint[] {
  const usable = series.filter((o) => has(o.value) && has(o.lower) && has(o.upper));
  const proportions = usable.length > 0 && usable.every(isProportion);
  return usable.map((o) => (proportions ? { value: o.value, lower: o.lower, upper: o.upper, count: o.count, denominator: o.denominator } : { value: o.value, lower: o.lower, upper: o.upper }));
}

/** An indicator's comparison with the benchmark, its recent trend and whether it is a red-red. */
export interface BenchmarkTrend {
  readonly comparison: Comparison;
  /** The recent trend's words ("Increasing and getting worse", "No significant change" ...). */
  readonly trend: string;
  readonly redRed: boolean;
}

/**
 * The comparison with the benchmark at the level (docs/methods.md#benchmark-level) of the actual at
 * `asAt` (its label; null for the latest with a value) and the recent trend of the actuals up to it
 * (docs/methods.md#recent-trend); a red-red when worse and getting worse. Null when the indicator has
 * no benchmark, the actual has no usable limits, or the series is too short for a recent trend.
 * @example benchmarkTrend(makeIndicator({ polarity: "lower", benchmark: 10, actuals: [10, 11, 12, 13, 14].map((v, i) => [String(2011 + i), v]) }), null, 95) // => null (no limits)
 */
export function benchmarkTrend(indicator: Indicator, asAt: string | null, level: BenchmarkLevel): BenchmarkTrend | null {
  const actuals = indicator.actuals;
  let index = -1;
  for (let i = actuals.length - 1; i >= 0; i--) {
    const o = actuals[i];
    if (o.value !== null && (asAt === null || o.period?.label === asAt)) { index = i; break; }
  }
  if (index < 0 || indicator.benchmark === null) return null;
  const comparison = comparisonAtLevel(indicator, index, level);
  if (comparison === null || comparison.comparison === "Not compared") return null;
  const trend = recentTrend(trendPoints(actuals.slice(0, index + 1)), indicator.polarity);
  if (!trend.ok) return null;
  return { comparison: comparison.comparison, trend: trend.value.words, redRed: isRedRed(comparison.comparison, trend.value.words) };
}

/**
 * The actual at `index` compared with the indicator's benchmark at the level: its own limits, else
 * the indicator's when it is the latest actual with a value (the Benchmark preset's rule). Null when
 * there is no benchmark or no limits; `Not compared` when the limits are unusable.
 */
export function comparisonAtLevel(indicator: Indicator, index: number, level: BenchmarkLevel): { comparison: Comparison; limits: LevelLimits | null } | null {
  const o = indicator.actuals[index];
  if (o === undefined || o.value === null || indicator.benchmark === null) return null;
  let lower = o.lower;
  let upper = o.upper;
  if (lower === null || upper === null) {
    let last = -1;
    for (let i = indicator.actuals.length - 1; i >= 0 && last < 0; i--) if (indicator.actuals[i].value !== null) last = i;
    if (last !== index) return null;
    lower = indicator.lowerCi;
    upper = indicator.upperCi;
  }
  if (lower === null || upper === null) return null;
  const limits = limitsAtLevel(o.value, lower, upper, level, o.count, o.denominator);
  if (limits === null) return { comparison: "Not compared", limits: null };
  return { comparison: compareWithBenchmark(o.value, limits.lower, limits.upper, indicator.benchmark, indicator.polarity), limits };
}
