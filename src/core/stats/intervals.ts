/**
 * Confidence intervals by the public health methods (docs/methods.md#confidence-intervals), as implemented in
 * PHEindicatormethods: Wilson score limits for proportions, exact Poisson limits below 10 events and
 * Byars' approximation from 10 events for counts and rates, and Student's t limits for means.
 * The PHE test workbooks in test/fixtures/phe are the authority for the numbers.
 */
import { fail, ok, type Result } from "../result";
import { chisquareQuantile, tQuantile, zForLevel } from "./distributions";
import { parseConfidenceLevel } from "./level";
import { statsMessages } from "./messages";

/** A value with its lower and upper confidence limits, all on the same scale (multiplier applied). */
export interface ConfidenceInterval {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** A number read from a worksheet: missing when null or undefined. */
export type MaybeNumber = number | null | undefined;

/** Options shared by the interval functions. */
export interface IntervalOptions {
  /** Confidence level as 0.95 or 95 (0.9 to 1 or 90 to 100); default 95%. */
  readonly level?: number | null;
  /** Scales the value and both limits (100 = percentage, 100000 = per 100,000); default 1. */
  readonly multiplier?: number | null;
}

/** How a count or rate gets its limits: `rate` = exact below 10 events and Byars from 10 (PHE's phe_rate). */
export type RateMethod = "rate" | "exact" | "byars";

/** Every method LAACI accepts: `wilson` for proportions, the rest for counts and rates. */
export type IntervalMethod = "wilson" | RateMethod;

/** Events below this count get exact Poisson limits under the `rate` method; from it, Byars. */
export const EXACT_BELOW_EVENTS = 10;

// ---------------------------------------------------------------------------------------------
// Input checks shared by the interval functions: data problems are values (result.ts).

function readInput(raw: MaybeNumber, what: string): Result<number> {
  if (raw === null || raw === undefined) return fail("na", statsMessages.missing(what));
  if (!Number.isFinite(raw)) return fail("value", statsMessages.notFinite(what, raw));
  return ok(raw);
}

function readCount(raw: MaybeNumber, what: string): Result<number> {
  const read = readInput(raw, what);
  if (read.ok && read.value < 0) return fail("value", statsMessages.negative(what, raw));
  return read;
}

/**
 * A denominator: a zero is a division by zero (#DIV/0! in a worksheet, docs/methods.md#functions: the
 * proportion x/n and the rate x/denominator divide by it); a negative one is bad input.
 */
function readPositive(raw: MaybeNumber, what: string): Result<number> {
  const read = readInput(raw, what);
  if (read.ok && read.value === 0) return fail("div0", statsMessages.zeroDenominator(what));
  if (read.ok && read.value < 0) return fail("value", statsMessages.notPositive(what, raw));
  return read;
}

function readMultiplier(raw: MaybeNumber): Result<number> {
  if (raw === null || raw === undefined) return ok(1);
  if (!Number.isFinite(raw) || raw <= 0) return fail("value", statsMessages.multiplierNotPositive(raw));
  return ok(raw);
}

// ---------------------------------------------------------------------------------------------
// Proportions

/**
 * Wilson score interval for a proportion of x events out of n (docs/methods.md#confidence-intervals; PHE
 * `wilson_lower`/`wilson_upper`, `phe_proportion`):
 * `(2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2))` with `z` the normal quantile at
 * `(1 + level) / 2`. Level 1 (100%) gives [0, 1]. The multiplier scales value and limits alike
 * (100 for a percentage). x need not be whole (PHE's own test uses 0.445 of 1).
 *
 * Problems: missing x or n is `na`; x < 0, n <= 0, x > n, a bad level or multiplier is `value`.
 *
 * @example wilsonInterval(65, 100) // => ok({ value: 0.65, lower: 0.55254443..., upper: 0.73635751... })
 * @example wilsonInterval(65, 100, { level: 99.8, multiplier: 100 }) // => ok({ value: 65, lower: 49.549..., upper: 77.835... })
 */
export function wilsonInterval(x: MaybeNumber, n: MaybeNumber, options: IntervalOptions = {}): Result<ConfidenceInterval> {
  const events = readCount(x, "numerator");
  if (!events.ok) return events;
  const size = readPositive(n, "denominator");
  if (!size.ok) return size;
  if (events.value > size.value) return fail("value", statsMessages.numeratorAboveDenominator(events.value, size.value));
  const level = parseConfidenceLevel(options.level);
  if (!level.ok) return level;
  const multiplier = readMultiplier(options.multiplier);
  if (!multiplier.ok) return multiplier;
  return ok(wilsonLimits(events.value, size.value, level.value, multiplier.value));
}

function wilsonLimits(x: number, n: number, level: number, multiplier: number): ConfidenceInterval {
  const value = (x / n) * multiplier;
  if (level === 1) return { value, lower: 0, upper: multiplier };
  const z = zForLevel(level);
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denominator = 2 * (n + z2);
  // The Wilson limits lie in [0, 1], with lower = 0 exactly at x = 0 and upper = 1 exactly at x = n.
  // Setting those ends and clamping removes rounding noise there (e.g. 1.0000000000000002 or
  // 0.9999999999999998 for 1), far inside PHE's 1e-9 agreement.
  const lower = x === 0 ? 0 : Math.max(0, (2 * x + z2 - spread) / denominator);
  const upper = x === n ? 1 : Math.min(1, (2 * x + z2 + spread) / denominator);
  return { value, lower: lower * multiplier, upper: upper * multiplier };
}

// ---------------------------------------------------------------------------------------------
// Counts: exact Poisson and Byars

/**
 * Exact Poisson lower limit for x events (PHE `phe_rate` below 10 events):
 * `chisq_quantile((1 - level)/2, 2x) / 2`, which is 0 for no events. `level` is a fraction
 * below 1 and x >= 0 (checked by the callers).
 * @example exactPoissonLower(5, 0.95) // => 1.6234863901184...
 */
export function exactPoissonLower(x: number, level: number): number {
  return x === 0 ? 0 : chisquareQuantile((1 - level) / 2, 2 * x) / 2;
}

/**
 * Exact Poisson upper limit for x events: `chisq_quantile((1 + level)/2, 2x + 2) / 2`.
 * @example exactPoissonUpper(5, 0.95) // => 11.668332079322...
 */
export function exactPoissonUpper(x: number, level: number): number {
  return chisquareQuantile((1 + level) / 2, 2 * x + 2) / 2;
}

/**
 * Byars' lower limit for x events (PHE `byars_lower`): `x(1 - 1/(9x) - z/(3 sqrt x))^3`. Returns
 * undefined when the bracket is negative (few events at a high level, e.g. 1 event at 99.8%): the
 * approximation then gives a negative count, which PHE's test workbook leaves blank
 * (testdata_Byars_Wilson.xlsx row 14). No events give 0, as the exact method does. `level` is a
 * fraction below 1 (as parseConfidenceLevel returns) and x >= 0 (checked by the callers).
 * @example byarsLower(65, 0.95) // => 50.163187710459454
 * @example byarsLower(1, 0.998) // => undefined
 */
export function byarsLower(x: number, level: number): number | undefined {
  if (x === 0) return 0;
  const bracket = 1 - 1 / (9 * x) - zForLevel(level) / (3 * Math.sqrt(x));
  return bracket < 0 ? undefined : x * bracket ** 3;
}

/**
 * Byars' upper limit for x events (PHE `byars_upper`): `(x+1)(1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3`,
 * with `level` a fraction below 1.
 * @example byarsUpper(65, 0.95) // => 82.84913854593984
 */
export function byarsUpper(x: number, level: number): number {
  const next = x + 1;
  return next * (1 - 1 / (9 * next) + zForLevel(level) / (3 * Math.sqrt(next))) ** 3;
}

/** Count limits (no denominator) by the chosen method, or the problem that prevents them. */
function countLimits(x: number, level: number, method: RateMethod): Result<{ lower: number; upper: number }> {
  if (level === 1) return fail("value", statsMessages.unboundedAtFullConfidence("count or rate"));
  const exact = method === "exact" || (method === "rate" && x < EXACT_BELOW_EVENTS);
  if (exact) return ok({ lower: exactPoissonLower(x, level), upper: exactPoissonUpper(x, level) });
  const lower = byarsLower(x, level);
  if (lower === undefined) return fail("value", statsMessages.byarsNoLowerLimit(x, level));
  return ok({ lower, upper: byarsUpper(x, level) });
}

/**
 * Exact Poisson interval for a count of x events (docs/methods.md#confidence-intervals):
 * `[chisq_quantile((1-level)/2, 2x)/2, chisq_quantile((1+level)/2, 2x+2)/2]`, value x.
 * Level 1 has no upper limit (a `value` problem); missing x is `na`; negative x is `value`.
 * @example exactPoissonInterval(5) // => ok({ value: 5, lower: 1.6234863901..., upper: 11.668332079... })
 */
export function exactPoissonInterval(x: MaybeNumber, level?: number | null): Result<ConfidenceInterval> {
  return rateInterval(x, 1, { level, method: "exact" });
}

/**
 * Byars' interval for a count of x events (docs/methods.md#confidence-intervals), value x. Below about 10 events
 * the exact method is better (and at 1 event and 99.8% Byars gives no lower limit: a `value` problem).
 * @example byarsInterval(65) // => ok({ value: 65, lower: 50.163187710459..., upper: 82.849138545939... })
 */
export function byarsInterval(x: MaybeNumber, level?: number | null): Result<ConfidenceInterval> {
  return rateInterval(x, 1, { level, method: "byars" });
}

/** Options for a rate interval: level, multiplier and method. */
export interface RateIntervalOptions extends IntervalOptions {
  /** `rate` (default): exact below 10 events, Byars from 10; or always `exact` or always `byars`. */
  readonly method?: RateMethod;
}

/**
 * ConfidenceInterval for a rate of x events over a denominator (docs/methods.md#confidence-intervals; PHE `phe_rate`): the count
 * limits (exact below 10 events, Byars from 10 under the default method `rate`) divided by the
 * denominator and times the multiplier, like the value `x / denominator * multiplier`. The numerator
 * may exceed the denominator (a rate, not a proportion).
 *
 * Problems: missing numerator or denominator is `na`; a negative numerator, a denominator <= 0, a bad
 * level or multiplier, or level 1 (no upper limit) is `value`.
 *
 * @example rateInterval(5, 100, { multiplier: 100000 }) // => ok({ value: 5000, lower: 1623.48639..., upper: 11668.33207... })
 * @example rateInterval(65, 100, { multiplier: 100, level: 99.8 }) // => ok({ value: 65, lower: 42.88026147..., upper: 94.00029084... })
 */
export function rateInterval(x: MaybeNumber, denominator: MaybeNumber, options: RateIntervalOptions = {}): Result<ConfidenceInterval> {
  const events = readCount(x, "numerator");
  if (!events.ok) return events;
  const size = readPositive(denominator, "denominator");
  if (!size.ok) return size;
  const level = parseConfidenceLevel(options.level);
  if (!level.ok) return level;
  const multiplier = readMultiplier(options.multiplier);
  if (!multiplier.ok) return multiplier;
  const limits = countLimits(events.value, level.value, options.method ?? "rate");
  if (!limits.ok) return limits;
  const n = size.value;
  const k = multiplier.value;
  return ok({ value: (events.value / n) * k, lower: (limits.value.lower / n) * k, upper: (limits.value.upper / n) * k });
}

// ---------------------------------------------------------------------------------------------
// Method words and the LAACI entry point

const METHOD_WORDS: Readonly<Record<string, IntervalMethod>> = {
  wilson: "wilson",
  proportion: "wilson",
  rate: "rate",
  exact: "exact",
  poisson: "exact",
  byars: "byars",
  "byar's": "byars",
  "byar’s": "byars",
};

/**
 * Reads an interval method word for LAACI (docs/methods.md#functions), case-insensitive and trimmed;
 * blank means `wilson`. Unknown words are a `value` problem.
 * @example parseIntervalMethod("Byars") // => { ok: true, value: "byars" }
 * @example parseIntervalMethod("") // => { ok: true, value: "wilson" }
 */
export function parseIntervalMethod(raw: unknown): Result<IntervalMethod> {
  if (raw === null || raw === undefined) return ok("wilson");
  if (typeof raw !== "string") return fail("value", statsMessages.unknownMethod(raw));
  const word = raw.trim().toLowerCase();
  if (word === "") return ok("wilson");
  const method = METHOD_WORDS[word];
  return method ? ok(method) : fail("value", statsMessages.unknownMethod(raw));
}

/** Options for {@link confidenceInterval}: the method plus level and multiplier. */
export interface ConfidenceIntervalOptions extends IntervalOptions {
  /** `wilson` (default) for a proportion; `rate`, `exact` or `byars` for a count or rate. */
  readonly method?: IntervalMethod;
}

/**
 * The interval LAACI shows (docs/methods.md#functions): Wilson for a proportion (the default) or a rate
 * interval by `rate`, `exact` or `byars`.
 * @example confidenceInterval(65, 100) // => wilsonInterval(65, 100)
 * @example confidenceInterval(5, 100, { method: "rate", multiplier: 100000 }) // => rateInterval(5, 100, { multiplier: 100000 })
 */
export function confidenceInterval(
  numerator: MaybeNumber,
  denominator: MaybeNumber,
  options: ConfidenceIntervalOptions = {},
): Result<ConfidenceInterval> {
  const method = options.method ?? "wilson";
  return method === "wilson"
    ? wilsonInterval(numerator, denominator, options)
    : rateInterval(numerator, denominator, { level: options.level, multiplier: options.multiplier, method });
}

// ---------------------------------------------------------------------------------------------
// Means

/** A mean's interval with the summary it was built from. */
export interface MeanInterval extends ConfidenceInterval {
  /** How many values the mean is over (k). */
  readonly count: number;
  /** The sample standard deviation (divisor k - 1). */
  readonly standardDeviation: number;
}

/** A mean already summarised: the mean, the sample standard deviation and the count of values. */
export interface MeanSummary {
  readonly mean: number;
  readonly sd: number;
  readonly count: number;
}

/**
 * Student's t interval for a mean (docs/methods.md#confidence-intervals; PHE `phe_mean`):
 * `mean -/+ t_{(1+level)/2, k-1} x sd / sqrt(k)`, from raw values (missing ones ignored; the sample
 * standard deviation with divisor k - 1) or from a summary `{ mean, sd, count }`.
 *
 * Problems: fewer than 2 values is `na`; a bad summary (negative sd, count not a whole number of at
 * least 2), a bad level, or level 1 (no finite limits) is `value`.
 *
 * @example meanInterval([1, 2, 3, 4]) // => ok({ value: 2.5, lower: 0.4457..., upper: 4.5542..., count: 4, standardDeviation: 1.2909... })
 * @example meanInterval({ mean: 10, sd: 2, count: 25 }, 99.8) // => ok({ value: 10, lower: 8.6132890807..., upper: 11.3867109192..., count: 25, standardDeviation: 2 })
 */
export function meanInterval(
  input: readonly MaybeNumber[] | MeanSummary,
  level?: number | null,
): Result<MeanInterval> {
  const parsedLevel = parseConfidenceLevel(level);
  if (!parsedLevel.ok) return parsedLevel;
  const summary = isSummary(input) ? checkSummary(input) : summarise(input);
  if (!summary.ok) return summary;
  if (parsedLevel.value === 1) return fail("value", statsMessages.unboundedAtFullConfidence("mean"));
  const { mean, sd, count } = summary.value;
  const halfWidth = (tQuantile((1 + parsedLevel.value) / 2, count - 1) * sd) / Math.sqrt(count);
  return ok({ value: mean, lower: mean - halfWidth, upper: mean + halfWidth, count, standardDeviation: sd });
}

function isSummary(input: readonly MaybeNumber[] | MeanSummary): input is MeanSummary {
  return !Array.isArray(input);
}

function checkSummary(input: MeanSummary): Result<MeanSummary> {
  const mean = readInput(input.mean, "mean");
  if (!mean.ok) return mean;
  const sd = readInput(input.sd, "standard deviation");
  if (!sd.ok) return sd;
  if (sd.value < 0) return fail("value", statsMessages.meanStandardDeviationNegative(input.sd));
  const count = readInput(input.count, "count");
  if (!count.ok) return count;
  if (!Number.isInteger(count.value) || count.value < 2) return fail("value", statsMessages.meanCountNotWhole(input.count));
  return ok({ mean: mean.value, sd: sd.value, count: count.value });
}

// Two passes (mean, then squared deviations) as R's sd() does, for accuracy with large values.
function summarise(values: readonly MaybeNumber[]): Result<MeanSummary> {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) return fail("value", statsMessages.notFinite("value", v));
    sum += v;
    count += 1;
  }
  if (count < 2) return fail("na", statsMessages.meanNeedsTwoValues(count));
  const mean = sum / count;
  let squares = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    squares += (v - mean) ** 2;
  }
  return ok({ mean, sd: Math.sqrt(squares / (count - 1)), count });
}
