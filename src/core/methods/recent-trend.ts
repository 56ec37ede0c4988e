/**
 * Recent trend, the public health profiles' method (docs/methods.md#recent-trend): over the 5 latest
 * periods with a value and both 95% limits, a weighted slope (values with intervals) or the
 * chi-squared test for trend (proportions with counts and denominators), significant at 99.8% when
 * the slope also keeps its sign with each point left out in turn.
 */
import type { Polarity } from "../polarity";
import { fail, ok, type Result } from "../result";
import { methodMessages } from "./messages";

/** Chi-square with 1 degree of freedom at 99.8% (R `qchisq(0.998, 1)`). */
export const TREND_CHI2_998 = 9.549535706;

/** Periods the recent trend uses. */
export const TREND_PERIODS = 5;

/** One period of a series; counts and denominators only for proportions. */
export interface TrendPoint {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly count?: number | null;
  readonly denominator?: number | null;
}

/** The test result: the statistic, the slope's direction and whether it is significant. */
export interface RecentTrend {
  readonly chi2: number;
  readonly slope: number;
  readonly significant: boolean;
  readonly words: string;
}

const has = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/**
 * Weighted least-squares slope of y on t with weights w, and its standard error.
 * @example weightedSlope([1, 2, 3], [2, 4, 6], [1, 1, 1]) // => { slope: 2, se: 0.7071067811865476 }
 */
export function weightedSlope(t: readonly number[], y: readonly number[], w: readonly number[]): { slope: number; se: number } {
  let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
  for (let i = 0; i < t.length; i++) {
    s1 += w[i];
    s2 += w[i] * y[i] * t[i];
    s3 += w[i] * t[i];
    s4 += w[i] * y[i];
    s5 += w[i] * t[i] * t[i];
  }
  const d = s1 * s5 - s3 * s3;
  return { slope: (s1 * s2 - s3 * s4) / d, se: Math.sqrt(s1 / d) };
}

/**
 * Chi-squared test for trend in proportions x/n over periods t.
 * @example chi2ForTrend([1, 2, 3], [10, 20, 30], [100, 100, 100]) // => 12.5 (N 300, X 60, A 140, B 600, C 1400: 300 x 6000^2 / (60 x 240 x 60000))
 */
export function chi2ForTrend(t: readonly number[], x: readonly number[], n: readonly number[]): number {
  let bigN = 0, bigX = 0, a = 0, b = 0, c = 0;
  for (let i = 0; i < t.length; i++) {
    bigN += n[i];
    bigX += x[i];
    a += x[i] * t[i];
    b += n[i] * t[i];
    c += n[i] * t[i] * t[i];
  }
  return (bigN * (bigN * a - bigX * b) ** 2) / (bigX * (bigN - bigX) * (bigN * c - b * b));
}

function olsSlope(t: readonly number[], y: readonly number[]): number {
  return weightedSlope(t, y, t.map(() => 1)).slope;
}

/**
 * The words for a trend: `No significant change`, or `Increasing`/`Decreasing`, with polarity
 * `and getting better`/`and getting worse`.
 * @example trendWords(true, 1, "lower") // => "Increasing and getting worse"
 * @example trendWords(true, -1, "none") // => "Decreasing"
 * @example trendWords(false, 1) // => "No significant change"
 */
export function trendWords(significant: boolean, slope: number, polarity: Polarity = "higher"): string {
  if (!significant) return "No significant change";
  const up = slope >= 0;
  const dir = up ? "Increasing" : "Decreasing";
  if (polarity === "none") return dir;
  return `${dir} and getting ${up === (polarity === "higher") ? "better" : "worse"}`;
}

/**
 * Recent trend of a series in time order. Proportions are tested when every used point has a count
 * and denominator; otherwise the weighted slope of values with 95% limits.
 * @example recentTrend([10, 12, 14, 16, 18].map((v) => ({ value: v, lower: v - 0.98, upper: v + 0.98 }))).value.words // => "Increasing and getting better" (SE 0.5 each)
 */
export function recentTrend(points: readonly TrendPoint[], polarity: Polarity = "higher"): Result<RecentTrend> {
  const usable = points.filter((p) => has(p.value) && has(p.lower) && has(p.upper));
  if (usable.length < TREND_PERIODS) return fail("na", methodMessages.trendTooFewPoints(usable.length));
  const last = usable.slice(-TREND_PERIODS);
  const t = last.map((_, i) => i + 1);
  const proportions = last.every((p) => has(p.count) && has(p.denominator));
  let chi2: number;
  let slopeOf: (idx: readonly number[]) => number;
  if (proportions) {
    const x = last.map((p) => p.count as number);
    const n = last.map((p) => p.denominator as number);
    const bad = x.findIndex((xi, i) => xi <= 0 || xi >= n[i]);
    if (bad >= 0) return fail("na", methodMessages.trendCountOutOfRange(bad + 1));
    chi2 = chi2ForTrend(t, x, n);
    const logit = x.map((xi, i) => Math.log(xi / (n[i] - xi)));
    slopeOf = (idx) => olsSlope(idx.map((i) => t[i]), idx.map((i) => logit[i]));
  } else {
    const y = last.map((p) => p.value as number);
    const bad = last.findIndex((p) => (p.lower as number) > (p.upper as number));
    if (bad >= 0) return fail("value", methodMessages.trendLimitsReversed(bad + 1));
    // Equal limits give SE 0 and an infinite weight: no slope can be fitted (docs/methods.md#recent-trend).
    const flat = last.findIndex((p) => p.lower === p.upper);
    if (flat >= 0) return fail("na", methodMessages.trendLimitsEqual(flat + 1));
    const w = last.map((p) => ((p.upper as number) - (p.lower as number)) / 3.92).map((se) => 1 / (se * se));
    const fit = weightedSlope(t, y, w);
    chi2 = (fit.slope / fit.se) ** 2;
    slopeOf = (idx) => weightedSlope(idx.map((i) => t[i]), idx.map((i) => y[i]), idx.map((i) => w[i])).slope;
  }
  const all = [0, 1, 2, 3, 4];
  const slope = slopeOf(all);
  const up = slope >= 0;
  const robust = all.every((out) => slopeOf(all.filter((i) => i !== out)) >= 0 === up);
  const significant = chi2 > TREND_CHI2_998 && robust;
  return ok({ chi2, slope, significant, words: trendWords(significant, slope, polarity) });
}

/**
 * "Red-red": significantly worse than the benchmark AND getting worse.
 * @example isRedRed("Worse", "Increasing and getting worse") // => true
 * @example isRedRed("Similar", "Increasing and getting worse") // => false
 */
export function isRedRed(comparison: string, trend: string): boolean {
  return comparison === "Worse" && trend.endsWith("getting worse");
}
