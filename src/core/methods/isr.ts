/**
 * Indirectly standardised ratio (standardised mortality ratio) and indirectly standardised rate, with
 * exact Poisson limits below 10 events and Byars' limits from 10, as PHEindicatormethods calculates
 * them (docs/methods.md#isr).
 */
import { fail, ok, type Result } from "../result";
import { byarsLower, byarsUpper, EXACT_BELOW_EVENTS, exactPoissonLower, exactPoissonUpper } from "../stats/intervals";
import { parseConfidenceLevel } from "../stats/level";
import { isrMessages } from "./messages";

type Column = readonly (number | null)[];

/**
 * The reference population the area is compared with, band by band in the same order as the counts:
 * its counts and populations (the reference rate of a band is count / population), or the rates
 * themselves as fractions (events per person, e.g. 0.0204 for 2,040 per 100,000).
 */
export type IsrReference =
  | { readonly counts: Column; readonly populations: Column }
  | { readonly rates: Column };

/** Options of an indirectly standardised ratio or rate. */
export interface IsrOptions {
  /** Confidence level, 0.95 or 95 (default); 99.8 for the outer funnel-style limits. */
  readonly level?: number | null;
  /**
   * Scales the value and limits: for the ratio 1 (default) or 100 (a standardised mortality ratio);
   * for the rate, per this many people (default 100,000).
   */
  readonly multiplier?: number | null;
}

/** An indirectly standardised ratio or rate with its limits, and what it was built from. */
export interface IsrResult {
  /** O: the observed events, the sum of the counts. */
  readonly observed: number;
  /** E: the expected events, the sum of population x reference rate over the bands. */
  readonly expected: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  /** How the limits of O were found: `exact` (Poisson) below 10 events, `byars` from 10. */
  readonly method: "exact" | "byars";
}

/** An indirectly standardised rate also carries the reference crude rate it is scaled by. */
export interface IsRateResult extends IsrResult {
  /** Reference crude rate: sum of reference counts / sum of reference populations x multiplier. */
  readonly referenceRate: number;
}

/** Reads one band's figure: blank is `na`, not a number or negative is `value`. */
function bandValue(column: Column, i: number, what: string): Result<number> {
  const v = column[i];
  if (v === null || v === undefined) return fail("na", isrMessages.bandMissing(what, i + 1));
  if (!Number.isFinite(v)) return fail("value", isrMessages.bandNotANumber(what, i + 1));
  if (v < 0) return fail("value", isrMessages.bandNegative(what, i + 1));
  return ok(v);
}

function checkLength(column: Column, what: string, bands: number): Result<true> {
  return column.length === bands ? ok(true) : fail("value", isrMessages.bandCount(what, column.length, bands));
}

function readMultiplier(raw: number | null | undefined, fallback: number): Result<number> {
  if (raw === null || raw === undefined) return ok(fallback);
  if (!Number.isFinite(raw) || raw <= 0) return fail("value", isrMessages.multiplierNotPositive(raw));
  return ok(raw);
}

/** O, E and the limits of O at the level, before any scaling. */
interface Observed {
  readonly observed: number;
  readonly expected: number;
  readonly lowO: number;
  readonly highO: number;
  readonly method: "exact" | "byars";
}

function observeAndExpect(counts: Column, populations: Column, reference: IsrReference, rawLevel: unknown): Result<Observed> {
  const level = parseConfidenceLevel(rawLevel ?? null);
  if (!level.ok) return level;
  if (level.value === 1) return fail("value", isrMessages.fullConfidence);
  const bands = counts.length;
  if (bands === 0) return fail("value", isrMessages.noBands);
  const lengths = [checkLength(populations, "populations", bands)];
  if ("rates" in reference) lengths.push(checkLength(reference.rates, "reference rates", bands));
  else lengths.push(checkLength(reference.counts, "reference counts", bands), checkLength(reference.populations, "reference populations", bands));
  for (const l of lengths) if (!l.ok) return l;
  let observed = 0, expected = 0;
  for (let i = 0; i < bands; i++) {
    const x = bandValue(counts, i, "count");
    if (!x.ok) return x;
    const n = bandValue(populations, i, "population");
    if (!n.ok) return n;
    let rate: number;
    if ("rates" in reference) {
      const r = bandValue(reference.rates, i, "reference rate");
      if (!r.ok) return r;
      rate = r.value;
    } else {
      const refX = bandValue(reference.counts, i, "reference count");
      if (!refX.ok) return refX;
      const refN = bandValue(reference.populations, i, "reference population");
      if (!refN.ok) return refN;
      if (refN.value === 0) return fail("div0", isrMessages.zeroReferencePopulation(i + 1));
      rate = refX.value / refN.value;
    }
    // A band with population 0 expects no events, whatever its count (PHEindicatormethods accepts it).
    observed += x.value;
    expected += rate * n.value;
  }
  if (expected === 0) return fail("div0", isrMessages.zeroExpected);
  const exact = observed < EXACT_BELOW_EVENTS;
  // From 10 events Byars' lower bracket is positive at any level parseConfidenceLevel accepts below 1.
  const lowO = exact ? exactPoissonLower(observed, level.value) : (byarsLower(observed, level.value) ?? 0);
  const highO = exact ? exactPoissonUpper(observed, level.value) : byarsUpper(observed, level.value);
  return ok({ observed, expected, lowO, highO, method: exact ? "exact" : "byars" });
}

/**
 * Indirectly standardised ratio O / E x multiplier, where O = sum of the counts and
 * E = sum over bands of population x reference rate; its limits are the limits of O (exact Poisson
 * below 10 events, Byars from 10) divided by E, times the multiplier.
 * @example isRatio([10, 20], [1000, 2000], { rates: [0.01, 0.005] }).value.value // => 1.5 (O 30, E 1000 x 0.01 + 2000 x 0.005 = 20)
 */
export function isRatio(counts: Column, populations: Column, reference: IsrReference, options: IsrOptions = {}): Result<IsrResult> {
  const m = readMultiplier(options.multiplier, 1);
  if (!m.ok) return m;
  const o = observeAndExpect(counts, populations, reference, options.level);
  if (!o.ok) return o;
  const { observed, expected, lowO, highO, method } = o.value;
  const k = m.value;
  return ok({ observed, expected, value: (observed / expected) * k, lower: (lowO / expected) * k, upper: (highO / expected) * k, method });
}

/**
 * Standardised mortality ratio: the indirectly standardised ratio x 100 (100 = as many events as the
 * reference rates predict).
 * @example smr([10, 20], [1000, 2000], { rates: [0.01, 0.005] }).value.value // => 150
 */
export function smr(counts: Column, populations: Column, reference: IsrReference, level?: number | null): Result<IsrResult> {
  return isRatio(counts, populations, reference, { level, multiplier: 100 });
}

/**
 * Indirectly standardised rate: the ratio O / E times the reference crude rate
 * (sum of reference counts / sum of reference populations x multiplier), limits likewise. It needs
 * the reference counts and populations, not rates alone.
 * @example isRate([10, 20], [1000, 2000], { counts: [100, 50], populations: [10000, 10000] }).value.value // => 1125 (ratio 1.5 x 750 per 100,000)
 */
export function isRate(counts: Column, populations: Column, reference: IsrReference, options: IsrOptions = {}): Result<IsRateResult> {
  if ("rates" in reference) return fail("value", isrMessages.rateNeedsReferencePopulations);
  const m = readMultiplier(options.multiplier, 100000);
  if (!m.ok) return m;
  const o = observeAndExpect(counts, populations, reference, options.level);
  if (!o.ok) return o;
  let refX = 0, refN = 0;
  for (let i = 0; i < counts.length; i++) {
    // Every band was read and checked by observeAndExpect (each reference population is above 0).
    refX += reference.counts[i] as number;
    refN += reference.populations[i] as number;
  }
  const referenceRate = (refX / refN) * m.value;
  const { observed, expected, lowO, highO, method } = o.value;
  const k = referenceRate;
  return ok({
    observed, expected, value: (observed / expected) * k, lower: (lowO / expected) * k, upper: (highO / expected) * k, method, referenceRate,
  });
}
