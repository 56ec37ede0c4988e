/**
 * Directly standardised rate with Dobson confidence limits, as PHEindicatormethods calculates it
 * (docs/methods.md#dsr).
 */
import { fail, ok, type Result } from "../result";
import { byarsLower, byarsUpper } from "../stats/intervals";
import { parseConfidenceLevel } from "../stats/level";
import { dsrMessages } from "./messages";

/**
 * The 2013 European Standard Population in 19 five-year age bands (0-4, 5-9, ..., 85-89, 90+),
 * per 100,000. Source: Eurostat, "Revision of the European Standard Population: report of
 * Eurostat's task force", 2013 edition (KS-RA-13-028), table of the ESP 2013, with the 0 and 1-4
 * bands added together as PHEindicatormethods' esp2013 does.
 */
export const ESP_2013: readonly number[] = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
];

/** Fewer events than this in total give no DSR. */
export const DSR_MIN_EVENTS = 10;

/** Options of a DSR. */
export interface DsrOptions {
  /** Standard population weights by band; default ESP 2013. */
  readonly standard?: readonly number[];
  /** Confidence level, 0.95 or 95 (default). */
  readonly level?: number | null;
  /** Rate per this many people; default 100,000. */
  readonly multiplier?: number;
}

/**
 * DSR = m x sum(w x / n) / sum(w), with Dobson limits DSR + sqrt(V / O) x (O_limit - O) where
 * O = sum x, V = m^2 sum(w^2 x / n^2) / (sum w)^2 and O_limit Byars' limits of O.
 * @example dsr([10, 20], [1000, 2000], { standard: [1, 1], multiplier: 1000 }).value.value // => 10 (both bands 10 per 1,000)
 */
export function dsr(
  counts: readonly (number | null)[], populations: readonly (number | null)[], options: DsrOptions = {},
): Result<{ value: number; lower: number; upper: number }> {
  const w = options.standard ?? ESP_2013;
  const m = options.multiplier ?? 100000;
  const level = parseConfidenceLevel(options.level ?? null);
  if (!level.ok) return level;
  if (counts.length !== w.length) return fail("value", dsrMessages.bandCount("counts", counts.length, w.length));
  if (populations.length !== w.length) return fail("value", dsrMessages.bandCount("populations", populations.length, w.length));
  let sumW = 0, rate = 0, variance = 0, total = 0;
  for (let i = 0; i < w.length; i++) {
    const x = counts[i], n = populations[i];
    if (x === null || !Number.isFinite(x)) return fail("na", dsrMessages.bandMissing("count", i + 1));
    if (n === null || !Number.isFinite(n)) return fail("na", dsrMessages.bandMissing("population", i + 1));
    if (x < 0) return fail("value", dsrMessages.bandNegative("count", i + 1));
    if (n < 0) return fail("value", dsrMessages.bandNegative("population", i + 1));
    if (n === 0) return fail("div0", dsrMessages.zeroPopulation(i + 1));
    sumW += w[i];
    rate += (w[i] * x) / n;
    variance += (w[i] * w[i] * x) / (n * n);
    total += x;
  }
  if (total < DSR_MIN_EVENTS) return fail("na", dsrMessages.tooFewEvents(total));
  const value = (m * rate) / sumW;
  const v = (m * m * variance) / (sumW * sumW);
  const spread = Math.sqrt(v / total);
  const lowO = byarsLower(total, level.value) ?? 0;
  return ok({ value, lower: value + spread * (lowO - total), upper: value + spread * (byarsUpper(total, level.value) - total) });
}
