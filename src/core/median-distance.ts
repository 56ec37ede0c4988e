/**
 * Comparison with a median, the way Oflog compares councils where there is no target and no
 * interval (docs/methods.md#median-distance): the distance of a value from the median of its
 * comparator group, in raw median absolute deviations, `(value - median) / MAD`, with words by the
 * absolute distance and a status (the Median preset).
 *
 * A small self-contained version for the Median preset; the statistics module's MAD function is
 * expected to replace `medianAbsoluteDeviation` here when both are merged.
 */
import type { Polarity } from "./polarity";
import type { Status } from "./rules/types";
import { fail, ok, type Result } from "./result";

/** The median of finite numbers (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** The raw (unscaled) median absolute deviation: median of |x - median|; NaN when empty. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v));
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** How far a value is from the median and what that means. */
export interface MedianDistance {
  readonly median: number;
  readonly mad: number;
  /** Signed `(value - median) / MAD`. */
  readonly distance: number;
  /** e.g. "slightly better", "much worse", "broadly similar", "higher" (for polarity none). */
  readonly words: string;
  /** The Median preset's status: Green better by 0.5 MAD or more, Red worse by 0.5 or more, else Amber; Grey for polarity none. */
  readonly status: Status;
}

/** The size word for an absolute distance in MADs: <0.5 broadly similar, 0.5-1.5 slightly, 1.5-3 plain, 3-7.5 much, >7.5 very much. */
export function distanceSize(absDistance: number): "broadly similar" | "slightly" | "" | "much" | "very much" {
  if (absDistance < 0.5) return "broadly similar";
  if (absDistance < 1.5) return "slightly";
  if (absDistance <= 3) return "";
  if (absDistance <= 7.5) return "much";
  return "very much";
}

/**
 * Distance of `value` from the median of `values` (the comparator group for the same measure and
 * period), with words and the Median preset's status.
 * A MAD of 0 (half or more of the group share one value) cannot scale a distance: a value equal to
 * the median is broadly similar, any other is a #DIV/0! problem.
 */
export function medianDistance(value: number, values: readonly number[], polarity: Polarity): Result<MedianDistance> {
  if (!Number.isFinite(value)) return fail("value", "The value is not a number.");
  const group = values.filter((v) => Number.isFinite(v));
  if (group.length === 0) return fail("na", "No values to take a median from.");
  const m = median(group);
  const mad = medianAbsoluteDeviation(group);
  const diff = value - m;
  if (mad === 0 && diff !== 0) return fail("div0", "Half or more of the values are equal, so the median absolute deviation is 0 and a distance cannot be measured.");
  const distance = mad === 0 ? 0 : diff / mad;
  const size = distanceSize(Math.abs(distance));
  if (size === "broadly similar") return ok({ median: m, mad, distance, words: "broadly similar", status: polarity === "none" ? "Grey" : "Amber" });
  const above = distance > 0;
  const direction = polarity === "none" ? (above ? "higher" : "lower") : (above === (polarity === "higher") ? "better" : "worse");
  const words = size === "" ? direction : `${size} ${direction}`;
  const status: Status = polarity === "none" ? "Grey" : direction === "better" ? "Green" : "Red";
  return ok({ median: m, mad, distance, words, status });
}
