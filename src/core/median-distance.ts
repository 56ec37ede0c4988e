/**
 * The Median preset (docs/methods.md#median-mads): the status and words of a value's distance from the
 * median of its comparator group, the way Oflog compares councils where there is no target and no
 * interval. The distance and its words are the methods module's (`madsFromMedian`, `madsWords`); this
 * adds the raw distance for the reason, the status, and the one case a preset must still rate: a
 * value equal to the median of a group with no spread.
 */
import { madsFromMedian, madsWords, median } from "./methods/median-mads";
import type { Polarity } from "./polarity";
import type { Status } from "./rules/types";
import { ok, type Result } from "./result";

export { median };

/** The raw (unscaled) median absolute deviation: median of |x - median|; NaN when empty. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return Number.NaN;
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** How far a value is from the median and what that means. */
export interface MedianDistance {
  readonly median: number;
  readonly mad: number;
  /** Unsigned by polarity: `(value - median) / MAD` (positive = above the median). */
  readonly distance: number;
  /** e.g. "slightly better", "much worse", "broadly similar", "higher" (for polarity none). */
  readonly words: string;
  /** Green better by 0.5 MAD or more, Red worse by 0.5 or more, else Amber; Grey for polarity none. */
  readonly status: Status;
}

/**
 * Distance of `value` from the median of `values` (the comparator group for the same measure and
 * period), with words and the Median preset's status. A MAD of 0 (half or more of the group share
 * one value) cannot scale a distance: a value equal to the median is broadly similar, any other is
 * the methods module's #DIV/0! problem.
 * @example medianDistance(18, [10, 12, 14, 16, 18, 20, 40], "higher") // => { ok: true, value: { median: 16, mad: 4, distance: 0.5, words: "slightly better", status: "Green" } }
 */
export function medianDistance(value: number, values: readonly number[], polarity: Polarity): Result<MedianDistance> {
  const group = values.filter((v) => Number.isFinite(v));
  const m = group.length > 0 ? median(group) : Number.NaN;
  const mad = medianAbsoluteDeviation(group);
  if (mad === 0 && value === m) {
    return ok({ median: m, mad, distance: 0, words: "broadly similar", status: polarity === "none" ? "Grey" : "Amber" });
  }
  const signed = madsFromMedian(value, group, polarity);
  if (!signed.ok) return signed;
  const better = signed.value; // positive = better (higher for polarity none)
  const text = madsWords(better, polarity);
  const words = text[0].toLowerCase() + text.slice(1);
  const status: Status = polarity === "none" || Math.abs(better) < 0.5 ? (polarity === "none" ? "Grey" : "Amber") : better > 0 ? "Green" : "Red";
  return ok({ median: m, mad, distance: (value - m) / mad, words, status });
}
