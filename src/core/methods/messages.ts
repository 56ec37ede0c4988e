/**
 * Every message the median comparison and recent trend give a person, in one place
 * (docs/architecture.md), in UK English and the users' words.
 */
export const methodMessages = {
  madsNoValue: "No value to compare with the median",
  madsNoComparators: "No comparator values: the median comparison needs the values of the comparator group",
  madsZeroSpread:
    "Half or more of the comparator values equal the median, so the median absolute deviation is 0 and the distance divides by it",
  trendTooFewPoints: (count: number) =>
    `Cannot be calculated: the recent trend needs 5 periods with a value and both confidence limits; there ${count === 1 ? "is 1" : `are ${count}`}`,
  trendListLengths: (what: string, count: number, expected: number) =>
    `The ${what} has ${count} cell${count === 1 ? "" : "s"} but the values have ${expected}: give one for each period`,
  trendLimitsReversed: (period: number) => `Period ${period}: the lower limit is above the upper limit`,
  trendLimitsEqual: (period: number) =>
    `Cannot be calculated: in period ${period} the lower and upper limits are equal, so its standard error is 0 and the weighted slope does not apply`,
  trendCountOutOfRange: (period: number) =>
    `Cannot be calculated: in period ${period} the count is 0 or equals its denominator, so the chi-squared test for trend does not apply`,
} as const;

/** Messages of the XmR (SPC) chart. */
export const spcMessages = {
  tooFewPoints: (count: number) =>
    `An XmR chart needs at least 2 values; there ${count === 1 ? "is 1" : `are ${count}`}`,
  baselineInvalid: (raw: unknown) =>
    `The baseline ${String(raw)} must be a whole number of points, 2 or more (blank uses every point)`,
} as const;

/** Messages of the directly standardised rate. */
export const dsrMessages = {
  bandCount: (what: string, count: number, bands: number) =>
    `The ${what} have ${count} age band${count === 1 ? "" : "s"} but the standard population has ${bands}: give one for each band, in the same order (a missing band is a 0 count, not a gap)`,
  bandMissing: (what: string, band: number) => `Age band ${band}: no ${what}`,
  bandNegative: (what: string, band: number) => `Age band ${band}: the ${what} is negative`,
  zeroPopulation: (band: number) => `Age band ${band}: the population is 0, and the rate divides by it`,
  tooFewEvents: (total: number) =>
    `A directly standardised rate is not given for fewer than 10 events in total; there ${total === 1 ? "is 1" : `are ${total}`}`,
} as const;

/** Messages of the indirectly standardised ratio and rate. */
export const isrMessages = {
  bandCount: (what: string, count: number, bands: number) =>
    `The ${what} have ${count} age band${count === 1 ? "" : "s"} but the counts have ${bands}: give one for each band, in the same order (a band with no events is a 0 count, not a gap)`,
  noBands: "No age bands: give the counts, populations and reference figures of at least one band",
  bandMissing: (what: string, band: number) => `Age band ${band}: no ${what} (a band with none is a 0, not a blank)`,
  bandNotANumber: (what: string, band: number) => `Age band ${band}: the ${what} is not a number`,
  bandNegative: (what: string, band: number) => `Age band ${band}: the ${what} is negative`,
  zeroReferencePopulation: (band: number) =>
    `Age band ${band}: the reference population is 0, and the reference rate divides by it`,
  zeroExpected:
    "The expected count is 0 (no reference events in the bands where the area has people), and the ratio divides by it",
  fullConfidence:
    "A 100% confidence interval for an indirectly standardised ratio or rate has no upper limit: use a level below 100%, such as 95 or 99.8",
  multiplierNotPositive: (raw: unknown) =>
    `The multiplier ${String(raw)} must be a number greater than 0 (1 for a ratio, 100 for a standardised mortality ratio, 100000 for a rate per 100,000)`,
  rateNeedsReferencePopulations:
    "An indirectly standardised rate needs the reference counts and reference populations (to find the reference crude rate), not the reference rates alone",
} as const;

/**
 * The labels a funnel plot gives an area (docs/methods.md#funnel), word for word as
 * PHEindicatormethods writes them, so a workbook can be compared with the public health profiles.
 */
export const funnelLabels = {
  high3: "High (0.001)",
  high2: "High (0.025)",
  none: "Not significant",
  low2: "Low (0.025)",
  low3: "Low (0.001)",
  dsrTooFew: "Not applicable for events less than 10 for dsrs",
} as const;

/** "Area 3", or "The area" for the one area whose label is asked for (LAAFUNNELSIG). */
const areaName = (area: number | null) => (area === null ? "The area" : `Area ${area}`);

/** Messages of the funnel plot limits and labels. */
export const funnelMessages = {
  listLengths: (what: string, count: number, expected: number) =>
    `The ${what} have ${count} cell${count === 1 ? "" : "s"} but the numerators have ${expected}: give one for each area`,
  noAreas: "No area has both a numerator and a denominator, so there is no baseline to draw the funnel around",
  negative: (what: string, area: number | null) => `${areaName(area)}: the ${what} is negative`,
  zeroDenominator: (what: string, area: number | null) => `${areaName(area)}: the ${what} is 0, and the funnel divides by it`,
  aboveDenominator: (area: number | null) =>
    `${areaName(area)}: the numerator is above its denominator, which a proportion cannot be`,
  zeroRate: (area: number | null) =>
    `${areaName(area)}: there are events but the rate is 0, so the population behind the rate cannot be worked out`,
  zeroEventsNeedDenominator: (area: number | null) =>
    `${areaName(area)}: there are no events, so a crude rate needs the area's denominator (population) to place it on the funnel`,
  badMultiplier: (raw: unknown) => `The multiplier ${String(raw)} must be a number above 0 (100 for a percentage, 100000 for a rate per 100,000)`,
  badYears: (raw: unknown) => `The number of years of data ${String(raw)} must be a number above 0`,
  unknownType: (raw: unknown) =>
    `The funnel type ${typeof raw === "string" ? `"${raw}"` : String(raw)} is not one of "proportion", "isr", "count", "dsr" or "crude"`,
} as const;
