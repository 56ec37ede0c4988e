import { fail, ok, type Result } from "./result";
import { messages } from "./messages";
import { isFiniteNumber } from "./numbers";
import type { Polarity } from "./polarity";
import { fitLine } from "./trend";
import type { Observation } from "./indicator";
import { sameTimeYearEarlier, type Period } from "./periods";
import type { DirectionSettings } from "./rules/types";
import { recentTrend } from "./methods/recent-trend";
import { trendPoints } from "./benchmark";

/** Direction of travel (docs/methods.md#direction-of-travel). */
export type Direction =
  | "Improving"
  | "Worsening"
  | "No change"
  | "Increasing"
  | "Decreasing"
  | "No significant change"
  | "Increasing and getting better"
  | "Increasing and getting worse"
  | "Decreasing and getting better"
  | "Decreasing and getting worse"
  | "Not compared";

/** A confidence interval `[lower, upper]` (not exported: the statistics module owns interval types). */
type Interval = readonly [number, number];

/** Confidence intervals of the two values compared by {@link directionOfTravel}. */
export interface DirectionIntervals {
  /** Confidence interval of the previous value. */
  readonly previousInterval?: Interval | null;
  /** Confidence interval of the current value. */
  readonly currentInterval?: Interval | null;
}

function validInterval(i: Interval | null | undefined): i is Interval {
  return i !== null && i !== undefined && isFiniteNumber(i[0]) && isFiniteNumber(i[1]) && i[0] <= i[1];
}

function checkThreshold(threshold: number): Result<number> {
  return isFiniteNumber(threshold) && threshold >= 0 ? ok(threshold) : fail("value", messages.badDotThreshold(threshold));
}

function bySign(sign: number, polarity: Polarity): Direction {
  if (sign === 0) return "No change";
  if (polarity === "none") return sign > 0 ? "Increasing" : "Decreasing";
  return (sign > 0) === (polarity === "higher") ? "Improving" : "Worsening";
}

/**
 * Direction of travel from `previous` to `current` (docs/methods.md#direction-of-travel): `No change` when
 * `abs(change) <= threshold x abs(previous)` (default threshold 0), otherwise `Improving` or
 * `Worsening` by polarity (`Increasing`/`Decreasing` for polarity `none`). Missing values (null,
 * undefined, not a finite number) give `Not compared`. When both values carry confidence intervals,
 * overlapping intervals give `No significant change` (checked first: with intervals, significance
 * decides). A negative or non-finite threshold is a `value` problem.
 *
 * @example directionOfTravel(70, 72, "higher") // => { ok: true, value: "Improving" }
 * @example directionOfTravel(70, 72, "lower") // => { ok: true, value: "Worsening" }
 * @example directionOfTravel(100, 101, "higher", 0.02) // => { ok: true, value: "No change" }
 * @example directionOfTravel(null, 72, "higher") // => { ok: true, value: "Not compared" }
 */
export function directionOfTravel(
  previous: unknown,
  current: unknown,
  polarity: Polarity,
  threshold = 0,
  intervals?: DirectionIntervals,
): Result<Direction> {
  const t = checkThreshold(threshold);
  if (!t.ok) return t;
  if (!isFiniteNumber(previous) || !isFiniteNumber(current)) return ok("Not compared");
  const pi = intervals?.previousInterval;
  const ci = intervals?.currentInterval;
  if (validInterval(pi) && validInterval(ci) && pi[0] <= ci[1] && ci[0] <= pi[1]) return ok("No significant change");
  const change = current - previous;
  if (!Number.isFinite(change)) return ok(bySign(current > previous ? 1 : -1, polarity));
  if (Math.abs(change) <= t.value * Math.abs(previous)) return ok("No change");
  return ok(bySign(change, polarity));
}

/**
 * Direction of travel by the sign of the least-squares slope over the last `k` points (docs/methods.md
 * section 6, "slope" method). Points missing a value are skipped before the last `k` are taken;
 * fewer than two gives `Not compared`. `No change` when the fitted change across the window,
 * `abs(slope x (last x - first x))`, is at most `threshold x abs(first value in the window)`
 * (decision: the same threshold rule as the previous-period method, applied to the fitted line).
 *
 * @example directionBySlope([10, 12, 11, 14], undefined, 3, "higher") // => { ok: true, value: "Improving" }
 */
export function directionBySlope(
  values: readonly unknown[],
  periods: readonly unknown[] | undefined,
  k: number,
  polarity: Polarity,
  threshold = 0,
): Result<Direction> {
  const t = checkThreshold(threshold);
  if (!t.ok) return t;
  if (!Number.isInteger(k) || k < 2) return fail("value", messages.badSlopePeriods(k));
  if (periods !== undefined && periods.length !== values.length) return fail("na", messages.trendLengths(values.length, periods.length));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = values.length - 1; i >= 0 && ys.length < k; i--) {
    const x = periods === undefined ? i + 1 : periods[i];
    const y = values[i];
    if (isFiniteNumber(x) && isFiniteNumber(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  if (ys.length < 2) return ok("Not compared");
  const fit = fitLine(ys, xs);
  if (!fit.ok) return fit.problem.kind === "div0" ? ok("Not compared") : fit;
  const span = Math.abs(xs[0] - xs[xs.length - 1]);
  const firstValue = ys[ys.length - 1];
  const fitted = Math.abs(fit.value.slope * span);
  if (fitted <= t.value * Math.abs(firstValue)) return ok("No change");
  return ok(bySign(fit.value.slope, polarity));
}

/** The observation for the same period a year earlier (same kind first, else the same end day). */
function yearEarlierIndex(series: readonly Observation[], period: Period): number {
  const earlier = sameTimeYearEarlier(period);
  let sameEnd = -1;
  for (let i = 0; i < series.length; i++) {
    const p = series[i].period;
    if (p !== null && p.end === earlier.end) {
      if (p.kind === earlier.kind) return i;
      if (sameEnd < 0) sameEnd = i;
    }
  }
  return sameEnd;
}

/**
 * Direction of travel of a dated series at position `index` by the configured method (docs/methods.md
 * section 6): `previous` compares with the period listed just before (a missing value there is
 * `Not compared`), `yearEarlier` with the same period a year earlier, `slope` takes the sign of the
 * least-squares slope over the last `slopePeriods` values up to `index` (x = period end dates),
 * `recentTrend` gives the recent trend's words over the 5 latest periods up to `index` with a value and
 * both 95% limits (docs/methods.md#recent-trend; fewer is `Not compared`).
 * Confidence limits on both observations give `No significant change` when they overlap. An index
 * outside the series, a missing current value or an undated one gives `Not compared`.
 *
 * @example directionByMethod(makeIndicator({ actuals: [["2008/09", 70], ["2009/10", 72]] }).actuals, 1, "higher", { method: "previous", threshold: 0, slopePeriods: 3 }) // => "Improving"
 */
export function directionByMethod(series: readonly Observation[], index: number, polarity: Polarity, settings: DirectionSettings): Direction {
  if (!Number.isInteger(index) || index < 0 || index >= series.length) return "Not compared";
  const current = series[index];
  if (current.value === null || current.period === null) return "Not compared";
  const { method, threshold, slopePeriods } = settings;
  if (method === "recentTrend") {
    const r = recentTrend(trendPoints(series.slice(0, index + 1)), polarity);
    return r.ok ? (r.value.words as Direction) : "Not compared";
  }
  if (method === "slope") {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = index; i >= 0 && ys.length < slopePeriods; i--) {
      const o = series[i];
      if (o.value !== null && o.period !== null) {
        xs.push(o.period.end);
        ys.push(o.value);
      }
    }
    xs.reverse();
    ys.reverse();
    const r = directionBySlope(ys, xs, slopePeriods, polarity, threshold);
    return r.ok ? r.value : "Not compared";
  }
  let previous: Observation | undefined;
  if (method === "previous") previous = index > 0 ? series[index - 1] : undefined;
  else {
    const j = yearEarlierIndex(series, current.period);
    previous = j >= 0 ? series[j] : undefined;
  }
  if (previous === undefined || previous.value === null) return "Not compared";
  return directionBetween(previous, current, polarity, threshold);
}

/** Both confidence limits of an observation, finite and in order. */
function hasInterval(o: Observation): boolean {
  const { lower, upper } = o;
  return lower !== null && upper !== null && Number.isFinite(lower) && Number.isFinite(upper) && lower <= upper;
}

/**
 * {@link directionOfTravel} from one observation to the next, with their limits as the intervals:
 * the same rules in the same order, without building the intervals (it runs for every rating).
 * A negative or non-finite threshold (directionOfTravel's value problem) gives `Not compared`.
 */
function directionBetween(previous: Observation, current: Observation, polarity: Polarity, threshold: number): Direction {
  if (!Number.isFinite(threshold) || threshold < 0) return "Not compared";
  const p = previous.value;
  const c = current.value;
  if (p === null || c === null || !Number.isFinite(p) || !Number.isFinite(c)) return "Not compared";
  if (hasInterval(previous) && hasInterval(current) && (previous.lower as number) <= (current.upper as number) && (current.lower as number) <= (previous.upper as number)) {
    return "No significant change";
  }
  const change = c - p;
  if (!Number.isFinite(change)) return bySign(c > p ? 1 : -1, polarity);
  if (Math.abs(change) <= threshold * Math.abs(p)) return "No change";
  return bySign(change, polarity);
}
