/**
 * Every message the calculation core gives a person, in one place (docs/architecture.md),
 * in UK English and the users' words.
 */

/**
 * Shows a number the way a reason or message quotes it: up to 4 significant decimals, no float noise.
 * @example formatNumber(0.1 + 0.2) // => "0.3"
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded.toLocaleString("en-GB", { maximumFractionDigits: 4, useGrouping: false });
}

/**
 * A raw cell value as a message quotes it: text in quotes, dates as ISO days, anything else in
 * words; never throws, whatever the value (an object without a prototype has no toString).
 * @example quote("n/a") // => "\"n/a\""
 */
export function quote(raw: unknown): string {
  if (typeof raw === "string") return `"${raw}"`;
  if (raw instanceof Date) return Number.isFinite(raw.getTime()) ? raw.toISOString().slice(0, 10) : "an invalid date";
  if (Array.isArray(raw)) return "a list";
  if (raw !== null && typeof raw === "object") return "an object";
  if (typeof raw === "function") return "a function";
  return String(raw);
}

export const messages = {
  polarityFromReference: (polarity: string) => `polarity is blank, so "${polarity} is better" was taken from the National Indicator reference list`,
  informationOnly: (actual: number | string) => `For information: a target of 0 means the figure is reported, not rated (actual ${actual})`,
  ratedAgainstBenchmark: (bench: string) =>
    `This table has no targets but has confidence limits and ${bench}, so each value is rated against ${bench} (the Benchmark rules). Choose other rules in the panel to change this.`,
  ratedAgainstBenchmarkRows: (area: string) =>
    `This table has no targets but has confidence limits and benchmark rows, so each value is rated against the value of ${area} for the same indicator, period and other dimensions (the Benchmark rules). Choose other rules in the panel to change this.`,
  // A table where nothing could be rated (docs/methods.md#nothing-rated)
  nothingRatedNoBasis: "Nothing could be rated: the table has no Target column, no England or benchmark rows and no median. Add a Target column, or a Benchmark column, to rate against.",
  nothingRatedNoBenchmark: "Nothing could be rated: the Benchmark rules compare each value with a benchmark, and the table has no Benchmark column and no England or benchmark rows. Add a Benchmark (or England value) column, or choose rules that use the Target column.",
  nothingRatedNoTarget: "Nothing could be rated: these rules compare each value with a target, and the table has no Target column. Add a Target column, or choose the Benchmark rules in the panel to rate against the benchmark.",

  polarityNotText: (raw: unknown) =>
    `Polarity ${quote(raw)} is not a word: use higher, lower or none (or blank for higher)`,
  unknownPolarity: (raw: unknown) =>
    `Unknown polarity ${quote(raw)}: use higher, lower or none (also "higher is better", "low is good", "data only")`,
  noActual: "No actual value",
  noTarget: "No target value",
  notANumber: (what: string, raw: unknown) => `${what} ${quote(raw)} is not a number`,
  noShortfallWithoutPolarity: "Polarity none has no shortfall: the indicator is data only",
  gapPctZeroTarget: "The gap as a percentage of target divides by zero: the target is 0",
  unknownGapMode: (raw: unknown) => `Mode ${quote(raw)} is not known: use "abs" or "pct"`,

  // Periods (docs/methods.md#polarity)
  blankPeriod: "No period given",
  unknownPeriod: (raw: unknown) =>
    `Period ${quote(raw)} is not a period: use a financial year (2009/10), a quarter (Q1 2009/10), a month (Apr 2009), a year (2009) or a date`,

  // Measures (docs/methods.md#progress, docs/methods.md#trajectory, docs/methods.md#direction-of-travel, docs/methods.md#trend-and-forecast)
  notFinite: (what: string) => `${what} cannot be worked out: a value is not a finite number or the result is too large`,
  targetEqualsBaseline: "Progress divides by zero: the target equals the baseline",
  badThreshold: (raw: unknown) => `Threshold ${quote(raw)} must be a number from 0 to 1`,
  targetNotAfterBaseline: "Every target must be dated after the baseline",
  duplicateMilestone: "Two targets have the same date",
  trendLengths: (values: number, periods: number) => `The values (${values}) and periods (${periods}) are not the same length`,
  trendTooFewPoints: (n: number) => `A trend needs at least two values with periods; there ${n === 1 ? "is 1" : `are ${n}`}`,
  trendSamePeriods: "A trend divides by zero: every period is the same",
  badDotThreshold: (raw: unknown) => `Direction of travel threshold ${quote(raw)} must be 0 or more`,
  badSlopePeriods: (raw: unknown) => `The slope method needs a whole number of periods of 2 or more, not ${quote(raw)}`,

  // Reading an indicator row
  fieldBadPeriod: (field: string, raw: unknown) => `${field} period ${quote(raw)} is not a period`,
  duplicatePeriod: (field: string, label: string) => `Two ${field.toLowerCase()}s for ${label}: the first is used`,
  duplicateUndated: (field: string) => `More than one ${field.toLowerCase()} without a period: the first is used`,
  extraUndatedValue: (field: string) => `${field} without a period beside ${field.toLowerCase()}s with periods: it is not used`,
  negativeTolerance: (raw: unknown) => `Tolerance ${quote(raw)} must be 0 or more`,
  badWeight: (raw: unknown) => `Weight ${quote(raw)} must be a number of 0 or more: weight 1 is used`,
  badDataOnly: (raw: unknown) => `Data only ${quote(raw)} is not yes or no`,
  badCiOrder: "The lower confidence limit is above the upper one",

  // Rule sets (docs/methods.md#rag-rules)
  ruleSetNotObject: "A rule set must be an object with a list of rules",
  ruleSetNoRules: "A rule set needs at least one rule, ending in a default",
  ruleSetNoDefault: "The last rule must be the default: a rule with no conditions",
  ruleSetBadField: (path: string, expected: string) => `${path} must be ${expected}`,
  ruleSetUnknownField: (path: string) => `${path} is not a known setting`,
  ruleSetDuplicateName: (name: string) => `Two rules are named "${name}"`,

  // Scorecard (docs/methods.md#scorecard-score)
  statusIsError: (position: number, code: string) => `No status in cell ${position} of the statuses (cell shows ${code})`,
  unknownStatus: (raw: unknown) => `Status ${quote(raw)} is not one of Blue, Green, Amber, Red, Grey`,
  weightsLength: (statuses: number, weights: number) => `There are ${statuses} statuses but ${weights} weights`,
  badScoreWeight: (raw: unknown) => `Weight ${quote(raw)} must be a number of 0 or more`,
  nothingRated: "No rated indicator: every status is Grey or blank",
  zeroWeights: "The score divides by zero: every rated indicator has weight 0",
  rollUpNothingRated: (counts: string) => `Nothing rated (${counts})`,
  rollUpWorst: (worst: string, counts: string) => `Worst rated status is ${worst} (${counts})`,
  rollUpCounts: (most: string, counts: string) => `Most often ${most} (${counts})`,
  rollUpZeroWeights: (counts: string) => `No score: every rated child has weight 0 (${counts})`,
  rollUpScore: (score: number, status: string, counts: string) => `Score ${formatNumber(Math.round(score * 1000) / 1000)} is ${status} (${counts})`,
} as const;
