/**
 * Every message the public-health statistics give a person (docs/methods.md#confidence-intervals), in one place
 * (docs/architecture.md), in UK English and the users' words.
 */
import { quote } from "../messages";

/** Shows a confidence level as a percentage, e.g. 0.998 as "99.8%". */
function percent(level: number): string {
  return `${Math.round(level * 1e6) / 1e4}%`;
}

export const statsMessages = {
  levelNotANumber: (raw: unknown) =>
    `Confidence level ${quote(raw)} is not a number: give 0.95 or 95 (any level from 0.9 to 1, or 90 to 100)`,
  levelOutOfRange: (raw: unknown) =>
    `Confidence level ${quote(raw)} is outside the accepted range: give 0.9 to 1 or 90 to 100 (0.95 and 95 both mean 95%)`,
  missing: (what: string) => `No ${what}: the confidence interval needs it`,
  notFinite: (what: string, raw: unknown) => `The ${what} ${quote(raw)} is not a number`,
  negative: (what: string, raw: unknown) => `The ${what} ${quote(raw)} is negative: it must be 0 or more`,
  notPositive: (what: string, raw: unknown) => `The ${what} ${quote(raw)} must be greater than 0`,
  zeroDenominator: (what: string) => `The ${what} is 0, and the interval divides by it`,
  numeratorAboveDenominator: (x: number, n: number) =>
    `The numerator ${x} is larger than the denominator ${n}: a proportion cannot be above 1 (use method "rate" for a rate)`,
  multiplierNotPositive: (raw: unknown) =>
    `The multiplier ${quote(raw)} must be a number greater than 0 (1 for a proportion, 100 for a percentage, 100000 for a rate per 100,000)`,
  unboundedAtFullConfidence: (what: string) =>
    `A 100% confidence interval for a ${what} has no upper limit: use a level below 100%, such as 95 or 99.8`,
  byarsNoLowerLimit: (x: number, level: number) =>
    `Byars' method gives no lower limit for ${x} event${x === 1 ? "" : "s"} at ${percent(level)}: use method "exact" (or "rate", which is exact below 10 events)`,
  meanNeedsTwoValues: (count: number) =>
    `A confidence interval for a mean needs at least 2 values; there ${count === 1 ? "is 1" : `are ${count}`}`,
  meanStandardDeviationNegative: (raw: unknown) => `The standard deviation ${quote(raw)} is negative: it must be 0 or more`,
  meanCountNotWhole: (raw: unknown) => `The count ${quote(raw)} must be a whole number of 2 or more`,
  unknownMethod: (raw: unknown) =>
    `Method ${quote(raw)} is not known: use "wilson" (proportions), "rate" (exact below 10 events, Byars from 10), "exact" or "byars"`,
  quantileCountInvalid: (raw: unknown) => `The number of quantiles ${quote(raw)} must be a whole number of 1 or more (10 for deciles, 4 for quartiles)`,
  quantileTooFewValues: (count: number, n: number) =>
    `Only ${count} comparator value${count === 1 ? "" : "s"}: ${n} quantiles need at least ${n}`,
  quantileNoValue: "No value to place among the comparators",
  quantileValueNotAmongComparators: (value: number) =>
    `The value ${value} is not among the comparator values: include it in the range of values`,
} as const;
