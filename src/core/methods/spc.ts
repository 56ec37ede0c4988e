/**
 * Statistical process control, the Making Data Count XmR chart (docs/methods.md#spc): mean and
 * process limits from the mean moving range of a baseline, screened once for large moving ranges;
 * the four special-cause tests in precedence; point words, variation and assurance.
 */
import type { Polarity } from "../polarity";
import { fail, ok, type Result } from "../result";
import { spcMessages } from "./messages";

/** Process limits are the mean +/- this times the mean moving range (3 sigma, sigma = AMR / 1.128). */
export const SPC_LIMIT_FACTOR = 2.66;
/** Moving ranges at or above this times the mean moving range are screened out. */
export const SPC_SCREEN_FACTOR = 3.267;
/** Runs (trend, shift) are this many points long. */
export const SPC_RUN = 7;
/** An XmR chart needs at least this many values (one moving range). */
export const SPC_MIN_POINTS = 2;
/** Below this many points the chart is provisional. */
export const SPC_PROVISIONAL_BELOW = 15;

/** The side a special cause flags a point on. */
export type SpcSide = "high" | "low";

/** The XmR chart of a series. `points` has one entry per value given (null for a blank). */
export interface SpcChart {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly nearLower: number;
  readonly nearUpper: number;
  readonly meanMovingRange: number;
  readonly points: readonly (string | null)[];
  readonly variation: string;
  readonly assurance: string;
  readonly provisional: boolean;
}

/**
 * Mean moving range of consecutive values, screened once: ranges at or above 3.267 x the mean are
 * dropped and the mean taken again (unless `screen` is false).
 * @example meanMovingRange([10, 12, 11, 13]) // => 1.6666666666666667 (ranges 2, 1, 2)
 * @example meanMovingRange([1, 1, 2, 2, 3, 3, 40]) // => 0.4 (ranges 0, 1, 0, 1, 0, 37: 37 >= 3.267 x 6.5 is dropped, 2 / 5 left)
 */
export function meanMovingRange(values: readonly number[], screen = true): number {
  const ranges = values.slice(1).map((y, i) => Math.abs(y - values[i]));
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(ranges);
  if (!screen) return first;
  const kept = ranges.filter((r) => r < SPC_SCREEN_FACTOR * first);
  return kept.length > 0 ? mean(kept) : first;
}

/**
 * The special-cause side of every point, tests in precedence: outside the limits; a trend of 7
 * rising or falling; 2 of 3 beyond the near limits on one side; a shift of 7 on one side of the mean.
 * @example specialCauses([1, 2, 3, 4, 5, 6, 7, 5], 4, 0, 8, 1.5, 6.5) // => ["high", "high", "high", "high", "high", "high", "high", null]
 */
export function specialCauses(
  ys: readonly number[], mean: number, lower: number, upper: number, nearLower: number, nearUpper: number,
): (SpcSide | null)[] {
  const n = ys.length;
  const outside: (SpcSide | null)[] = ys.map((y) => (y > upper ? "high" : y < lower ? "low" : null));
  const trend: (SpcSide | null)[] = new Array(n).fill(null);
  for (let end = SPC_RUN - 1; end < n; end++) {
    let up = true, down = true;
    for (let i = end - SPC_RUN + 2; i <= end; i++) {
      if (!(ys[i] > ys[i - 1])) up = false;
      if (!(ys[i] < ys[i - 1])) down = false;
    }
    if (up || down) for (let i = end - SPC_RUN + 1; i <= end; i++) trend[i] ??= up ? "high" : "low";
  }
  const twoOfThree: (SpcSide | null)[] = new Array(n).fill(null);
  for (let s = 0; s + 3 <= n; s++) {
    const w = [s, s + 1, s + 2];
    for (const side of ["high", "low"] as const) {
      const onSide = (y: number) => (side === "high" ? y > mean : y < mean);
      const beyond = (y: number) => (side === "high" ? y > nearUpper && y <= upper : y < nearLower && y >= lower);
      if (!w.every((i) => onSide(ys[i]))) continue;
      const far = w.filter((i) => beyond(ys[i]));
      if (far.length >= 2) for (const i of far) twoOfThree[i] ??= side;
    }
  }
  const shift: (SpcSide | null)[] = new Array(n).fill(null);
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const side = (k: number) => (ys[k] > mean ? 1 : ys[k] < mean ? -1 : 0);
    if (i === n || side(i) === 0 || side(i) !== side(start)) {
      if (i - start >= SPC_RUN && side(start) !== 0) for (let k = start; k < i; k++) shift[k] = side(start) > 0 ? "high" : "low";
      start = i;
    }
  }
  return ys.map((_, i) => outside[i] ?? trend[i] ?? twoOfThree[i] ?? shift[i]);
}

/**
 * The word for a point.
 * @example pointWord("high", "lower") // => "Special cause concern"
 * @example pointWord("low", "none") // => "Special cause low"
 * @example pointWord(null, "higher") // => "Common cause"
 */
export function pointWord(side: SpcSide | null, polarity: Polarity): string {
  if (side === null) return "Common cause";
  if (polarity === "none") return side === "high" ? "Special cause high" : "Special cause low";
  return (side === "high") === (polarity === "higher") ? "Special cause improvement" : "Special cause concern";
}

/**
 * Assurance of meeting a target: consistently passing when the whole process range is on the good
 * side of the target, consistently failing when it is on the bad side, otherwise hit and miss.
 * @example assurance(120, 90, 110, "higher") // => "Consistently failing"
 * @example assurance(95, 90, 110, "lower") // => "Hit and miss"
 * @example assurance(null, 90, 110, "higher") // => "No target"
 */
export function assurance(target: number | null, lower: number, upper: number, polarity: Polarity): string {
  if (target === null || polarity === "none") return "No target";
  const pass = polarity === "higher" ? target < lower : target > upper;
  const failing = polarity === "higher" ? target > upper : target < lower;
  return pass ? "Consistently passing" : failing ? "Consistently failing" : "Hit and miss";
}

/** Options of an XmR chart. */
export interface SpcOptions {
  readonly polarity?: Polarity;
  readonly target?: number | null;
  /** Use only the first k points (blanks skipped) for the mean and limits; default all. */
  readonly baselinePoints?: number | null;
  /** Screen out moving ranges of 3.267 x AMR or more before the limits (default true, Making Data Count). */
  readonly screenMovingRanges?: boolean;
}

/**
 * The XmR chart of values in time order (blanks skipped, their points null).
 * @example xmrChart([10, 12, 11, 13, 12]).value.upper // => 15.59 (mean 11.6, AMR 1.5: 11.6 + 2.66 x 1.5)
 */
export function xmrChart(values: readonly (number | null)[], options: SpcOptions = {}): Result<SpcChart> {
  const polarity = options.polarity ?? "higher";
  const ys = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (ys.length < SPC_MIN_POINTS) return fail("na", spcMessages.tooFewPoints(ys.length));
  const k = options.baselinePoints;
  if (k !== null && k !== undefined && (!Number.isInteger(k) || k < 2)) return fail("value", spcMessages.baselineInvalid(k));
  const base = ys.slice(0, Math.min(k ?? ys.length, ys.length));
  const mean = base.reduce((a, b) => a + b, 0) / base.length;
  const amr = meanMovingRange(base, options.screenMovingRanges ?? true);
  const half = SPC_LIMIT_FACTOR * amr;
  const lower = mean - half;
  const upper = mean + half;
  const nearLower = mean - (2 / 3) * half;
  const nearUpper = mean + (2 / 3) * half;
  const sides = specialCauses(ys, mean, lower, upper, nearLower, nearUpper);
  const words = sides.map((s) => pointWord(s, polarity));
  let next = 0;
  const points = values.map((v) => (v !== null && Number.isFinite(v) ? words[next++] : null));
  // One literal, not { ...limits, more }: Node 20's V8 builds a spread followed by more properties
  // slowly, about 2 KB per chart, much of it kept past the young generation (BENCHMARKS.md, latest run).
  return ok({
    mean,
    lower,
    upper,
    nearLower,
    nearUpper,
    meanMovingRange: amr,
    points,
    variation: words[words.length - 1],
    assurance: assurance(options.target ?? null, lower, upper, polarity),
    provisional: ys.length < SPC_PROVISIONAL_BELOW,
  });
}
