/**
 * Comparison with the median in median absolute deviations (MADs), as Oflog publishes it
 * (docs/methods.md#median-mads): `(value - median) / MAD`, the raw MAD of the comparator group
 * (the median of the absolute deviations from the median, not scaled by 1.4826), signed so that a
 * positive distance is better by polarity (for polarity `none`, positive is higher).
 */
import type { Polarity } from "../polarity";
import { fail, ok, type Result } from "../result";
import { methodMessages } from "./messages";

/**
 * Median of finite numbers (at least one).
 * @example median([3, 1, 2, 10]) // => 2.5
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Distance of a value from the median of the comparator values, in raw MADs, positive = better.
 * Missing comparator values (null) are ignored.
 * @example madsFromMedian(14, [10, 11, 12, 13, 14]) // => { ok: true, value: 2 } (median 12, MAD 1)
 * @example madsFromMedian(13, [10, 11, 12, 13, 14], "lower") // => { ok: true, value: -1 }
 */
export function madsFromMedian(value: number | null, values: readonly (number | null)[], polarity: Polarity = "higher"): Result<number> {
  if (value === null || !Number.isFinite(value)) return fail("na", methodMessages.madsNoValue);
  const group = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (group.length === 0) return fail("na", methodMessages.madsNoComparators);
  const mid = median(group);
  const mad = median(group.map((v) => Math.abs(v - mid)));
  if (mad === 0) return fail("div0", methodMessages.madsZeroSpread);
  const raw = (value - mid) / mad;
  return ok(polarity === "lower" ? -raw : raw);
}

/**
 * The words for a distance in MADs (positive = better, or higher for polarity `none`), by its size:
 * below 0.5 broadly similar, 0.5 to 1.5 slightly, 1.5 to 3 plain, 3 to 7.5 much, above 7.5 very much.
 * @example madsWords(0.2) // => "Broadly similar"
 * @example madsWords(-2) // => "Worse"
 * @example madsWords(4, "none") // => "Much higher"
 * @example madsWords(-0.5) // => "Slightly worse"
 * @example madsWords(8) // => "Very much better"
 */
export function madsWords(distance: number, polarity: Polarity = "higher"): string {
  const size = Math.abs(distance);
  if (size < 0.5) return "Broadly similar";
  const side = polarity === "none" ? (distance > 0 ? "higher" : "lower") : distance > 0 ? "better" : "worse";
  const degree = size < 1.5 ? "slightly " : size < 3 ? "" : size <= 7.5 ? "much " : "very much ";
  const words = `${degree}${side}`;
  return words[0].toUpperCase() + words.slice(1);
}
