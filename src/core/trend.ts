import { fail, ok, type Result } from "./result";
import { messages } from "./messages";
import { atMost, isFiniteNumber } from "./numbers";
import type { Polarity } from "./polarity";

/** A least-squares line `y = intercept + slope x` and the points it was fitted to. */
export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  readonly meanX: number;
  readonly meanY: number;
  /** Number of (x, y) pairs used. */
  readonly n: number;
}

/**
 * Least-squares line through the pairs where both x and y are finite numbers (docs/methods.md#trend-and-forecast),
 * as Excel's SLOPE and INTERCEPT compute it: `slope = sum((x-mx)(y-my)) / sum((x-mx)^2)`, with the
 * means taken first (two passes) as Excel does for accuracy. `xs` defaults to 1..n (the position of
 * each value, counting missing ones). Fewer than two pairs is `na` (#N/A), all x equal is `div0`
 * (#DIV/0!), lists of different lengths `na` (as SLOPE gives #N/A). Never throws.
 *
 * Written by hand rather than with simple-statistics' linearRegression: that takes complete pairs
 * only and returns NaN/0 rather than Excel's #N/A and #DIV/0!, which are part of the contract here.
 *
 * @example fitLine([3, 5, 7]) // => { ok: true, value: { slope: 2, intercept: 1, meanX: 2, meanY: 5, n: 3 } }
 */
export function fitLine(ys: readonly unknown[], xs?: readonly unknown[]): Result<LinearFit> {
  const len = ys.length;
  if (xs !== undefined && xs.length !== len) return fail("na", messages.trendLengths(len, xs.length));
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; i++) {
    const y = ys[i];
    const x = xs === undefined ? i + 1 : xs[i];
    if (isFiniteNumber(x) && isFiniteNumber(y)) {
      n++;
      sx += x;
      sy += y;
    }
  }
  if (n < 2) return fail("na", messages.trendTooFewPoints(n));
  const meanX = sx / n;
  const meanY = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < len; i++) {
    const y = ys[i];
    const x = xs === undefined ? i + 1 : xs[i];
    if (isFiniteNumber(x) && isFiniteNumber(y)) {
      const dx = x - meanX;
      sxx += dx * dx;
      sxy += dx * (y - meanY);
    }
  }
  if (sxx === 0) return fail("div0", messages.trendSamePeriods);
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  if (!Number.isFinite(slope) || !Number.isFinite(intercept) || !Number.isFinite(meanX) || !Number.isFinite(meanY)) {
    return fail("value", messages.notFinite("Trend"));
  }
  return ok({ slope, intercept, meanX, meanY, n });
}

/**
 * Slope of the least-squares line (docs/methods.md#trend-and-forecast), matching Excel `SLOPE(values, periods)`.
 * @example slope([10, 12, 15, 15]) // => { ok: true, value: 1.8 } (Excel: =SLOPE({10,12,15,15},{1,2,3,4}) = 1.8)
 */
export function slope(values: readonly unknown[], periods?: readonly unknown[]): Result<number> {
  const fit = fitLine(values, periods);
  return fit.ok ? ok(fit.value.slope) : fit;
}

/**
 * Intercept of the least-squares line, matching Excel `INTERCEPT(values, periods)`.
 * @example intercept([10, 12, 15, 15]) // => { ok: true, value: 8.5 }
 */
export function intercept(values: readonly unknown[], periods?: readonly unknown[]): Result<number> {
  const fit = fitLine(values, periods);
  return fit.ok ? ok(fit.value.intercept) : fit;
}

/**
 * The line's value at `at`, matching Excel `FORECAST.LINEAR(at, values, periods)` (argument order
 * as `LAAFORECAST(values, at, [periods])`): `meanY + slope (at - meanX)`.
 *
 * @example forecast([10, 12, 15, 15], 6) // => { ok: true, value: 19.3 }
 */
export function forecast(values: readonly unknown[], at: number, periods?: readonly unknown[]): Result<number> {
  if (!isFiniteNumber(at)) return fail("value", messages.notFinite("Forecast"));
  const fit = fitLine(values, periods);
  if (!fit.ok) return fit;
  const value = fit.value.meanY + fit.value.slope * (at - fit.value.meanX);
  return Number.isFinite(value) ? ok(value) : fail("value", messages.notFinite("Forecast"));
}

/**
 * "Likely to achieve" (docs/methods.md#trend-and-forecast): the forecast at the target date meets the target, by
 * polarity (`>=` when higher is better, `<=` when lower is better). Polarity `none` is `na`.
 * The comparison allows the relative slack of numbers.ts (docs/methods.md#rag-rules reads "exactly
 * at the target" in decimal), so a forecast at the target is likely whichever way binary rounding
 * lands; the rating engine uses this same function, so a rating and LAALIKELY never disagree.
 *
 * @example likelyToAchieve([60, 64, 68], [1, 2, 3], 5, 75, "higher") // => { ok: true, value: true } (forecast 76)
 */
export function likelyToAchieve(
  values: readonly unknown[],
  periods: readonly unknown[] | undefined,
  targetAt: number,
  target: number,
  polarity: Polarity,
): Result<boolean> {
  if (polarity === "none") return fail("na", messages.noShortfallWithoutPolarity);
  if (!isFiniteNumber(target)) return fail("value", messages.notFinite("Target"));
  const f = forecast(values, targetAt, periods);
  if (!f.ok) return f;
  const shortfall = polarity === "higher" ? target - f.value : f.value - target;
  return ok(atMost(shortfall, 0, Math.max(Math.abs(f.value), Math.abs(target))));
}
