/**
 * Funnel plots (docs/methods.md#funnel): the 95% (2 SD, 0.025 each side) and 99.8% (3 SD, 0.001 each
 * side) control limits around the baseline of a set of areas, for proportions, ratios (observed over
 * expected) and rates (crude or directly standardised), and each area's label, as
 * PHEindicatormethods' calculate_funnel_limits, assign_funnel_significance and
 * calculate_funnel_points give them.
 */
import { fail, ok, type Result } from "../result";
import { byarsLower, byarsUpper, exactPoissonLower, exactPoissonUpper, EXACT_BELOW_EVENTS } from "../stats/intervals";
import { zForLevel } from "../stats/distributions";
import poissonPmf from "@stdlib/stats-base-dists-poisson-pmf";
import { funnelLabels, funnelMessages } from "./messages";

/** The two limit levels: 2 SD is 95% two-sided (0.025 each side), 3 SD is 99.8% (0.001 each side). */
export const FUNNEL_LEVEL_2SD = 0.95;
export const FUNNEL_LEVEL_3SD = 0.998;
/** The funnel is drawn through this many points along its horizontal axis. */
export const FUNNEL_POINTS = 100;
/** A directly standardised rate with fewer events than this gets no funnel label or point. */
export const FUNNEL_DSR_MIN_EVENTS = 10;

/** A label a funnel gives an area (docs/methods.md#funnel). */
export type FunnelLabel = (typeof funnelLabels)[keyof typeof funnelLabels];

type Cells = readonly (number | null)[];

/**
 * The areas of a funnel plot. `numerators` are the counts (observed events for a ratio); for a
 * proportion `denominators` are the populations, for a ratio the expected events; a rate gives the
 * area's `rates` (per `multiplier`) and, optionally, its `denominators`, needed for an area with no
 * events on a crude rate. A blank (null) cell leaves that area out of the baseline and gives it no label.
 */
export type FunnelInput =
  | { readonly statistic: "proportion"; readonly numerators: Cells; readonly denominators: Cells; readonly multiplier?: number }
  | { readonly statistic: "ratio"; readonly numerators: Cells; readonly denominators: Cells; readonly ratioType?: "count" | "isr" }
  | {
      readonly statistic: "rate"; readonly numerators: Cells; readonly rates: Cells; readonly denominators?: Cells;
      readonly rateType: "dsr" | "crude"; readonly multiplier?: number; readonly yearsOfData?: number;
    };

/**
 * One point along the funnel. `axis` is the population (proportion), the observed events (ratio) or
 * the events (rate); the four limits are on the statistic's scale (multiplier applied; a ratio of
 * counts is observed / expected - 1, an ISR x 100). For ratios `denominators` are the expected events
 * at which each limit lies, for rates the population per year; proportions have none.
 */
export interface FunnelPoint {
  readonly axis: number;
  readonly lower2s: number;
  readonly upper2s: number;
  readonly lower3s: number;
  readonly upper3s: number;
  readonly denominators?: { readonly lower2s: number; readonly upper2s: number; readonly lower3s: number; readonly upper3s: number };
}

/** The funnel: the baseline (on the statistic's scale) and the points to draw its four limit lines through. */
export interface FunnelLimits {
  readonly baseline: number;
  readonly points: readonly FunnelPoint[];
}

/** The areas that count, with the denominator each stands on (derived from the rate for rates). */
interface Areas {
  /** Per area: numerator and denominator, or null when a cell is blank (or a DSR has no events). */
  readonly cells: readonly AreaCell[];
  /** Sum of the numerators over sum of the denominators, per 1 (not multiplied). */
  readonly average: number;
  readonly minDenominator: number;
  readonly maxDenominator: number;
}

const blank = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

function positiveOption(raw: number | undefined, fallback: number, message: (raw: unknown) => string): Result<number> {
  const v = raw ?? fallback;
  return Number.isFinite(v) && v > 0 ? ok(v) : fail("value", message(raw));
}

/** What one area reads as: its numerator and the denominator it stands on (NaN for a DSR with no events), or null when a cell is blank. */
type AreaCell = { x: number; n: number } | null;

/** "Area 3" in a message, or "The area" for the one area a label is asked for (funnelAreaLabeller). */
type AreaName = number | null;

/**
 * Checks one area and works out the denominator it stands on: the given one for proportions and
 * ratios; for rates `multiplier x events / rate` (the population the rate implies), the given
 * denominator for a crude rate with no events, and none (NaN) for a DSR with no events
 * (docs/methods.md#funnel).
 */
function readArea(input: FunnelInput, multiplier: number, x: number | null | undefined, second: number | null | undefined, given: number | null | undefined, area: AreaName): Result<AreaCell> {
  if (blank(x)) return ok(null);
  if (x < 0) return fail("value", funnelMessages.negative("numerator", area));
  if (input.statistic === "rate") {
    const d = given;
    if (!blank(d) && d <= 0) return fail("value", d < 0 ? funnelMessages.negative("denominator", area) : funnelMessages.zeroDenominator("denominator", area));
    if (x === 0) {
      if (input.rateType === "dsr") return ok({ x, n: NaN });
      if (blank(d)) return fail("value", funnelMessages.zeroEventsNeedDenominator(area));
      return ok({ x, n: d });
    }
    const r = second;
    if (blank(r)) return ok(null);
    if (r < 0) return fail("value", funnelMessages.negative("rate", area));
    if (r === 0) return fail("value", funnelMessages.zeroRate(area));
    return ok({ x, n: (multiplier * x) / r });
  }
  const d = second;
  if (blank(d)) return ok(null);
  const what = input.statistic === "ratio" ? "expected count" : "denominator";
  if (d < 0) return fail("value", funnelMessages.negative(what, area));
  if (d === 0) return fail("div0", funnelMessages.zeroDenominator(what, area));
  if (input.statistic === "proportion" && x > d) return fail("value", funnelMessages.aboveDenominator(area));
  return ok({ x, n: d });
}

/** Checks every area (readArea) and sums them for the baseline; a blank cell leaves its area out. */
function readAreas(input: FunnelInput, multiplier: number): Result<Areas> {
  const xs = input.numerators;
  const second = input.statistic === "rate" ? input.rates : input.denominators;
  if (second.length !== xs.length) return fail("value", funnelMessages.listLengths(input.statistic === "rate" ? "rates" : "denominators", second.length, xs.length));
  const given = input.statistic === "rate" ? input.denominators : undefined;
  if (given && given.length !== xs.length) return fail("value", funnelMessages.listLengths("denominators", given.length, xs.length));
  const cells: AreaCell[] = [];
  let sumX = 0, sumN = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const cell = readArea(input, multiplier, xs[i], second[i], given?.[i], i + 1);
    if (!cell.ok) return cell;
    cells.push(cell.value);
    if (cell.value === null) continue;
    sumX += cell.value.x;
    if (Number.isNaN(cell.value.n)) continue;
    sumN += cell.value.n;
    min = Math.min(min, cell.value.n);
    max = Math.max(max, cell.value.n);
  }
  if (sumN === 0) return fail("na", funnelMessages.noAreas);
  return ok({ cells, average: sumX / sumN, minDenominator: min, maxDenominator: max });
}

/** Digits of a whole number above 0 (1 for 0). */
const digits = (whole: number) => String(whole).length;

/**
 * Rounds 95% of x down to its leading digit, for a tidy start of the axis: 4,321 gives 4,000.
 * @example neatFloor(4321) // => 4000 (95% is 4,104.95, down to its leading digit)
 */
export function neatFloor(x: number): number {
  if (x === 0) return 0;
  const n = digits(Math.floor(x * 0.95)) - 1;
  return Math.floor((x * 0.95) / 10 ** n) * 10 ** n;
}

/**
 * Rounds 105% of x up to its two leading digits, for a tidy end of the axis: 4,321 gives 4,600.
 * @example neatCeiling(4321) // => 4600 (105% is 4,537.05, up to two leading digits)
 */
export function neatCeiling(x: number): number {
  if (x === 0) return 0;
  const n = digits(Math.ceil(x * 1.05)) - 2;
  return Math.ceil((x * 1.05) / 10 ** n) * 10 ** n;
}

/** Rounds to the nearest whole number, halves to the even one (as R's round does). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The 100 axis points: from max(1, start), each the previous times an even step towards `end`
 * (rounded, and at least 1 more than the previous), so the points crowd where the funnel is wide.
 * Ratios take one step more to reach the end than proportions and rates, as PHEindicatormethods does.
 * @example funnelAxis(1, 100, "proportion").slice(0, 5) // => [1, 2, 3, 4, 5]
 */
export function funnelAxis(start: number, end: number, statistic: FunnelInput["statistic"]): number[] {
  const axis = [Math.max(1, start)];
  for (let j = 2; j <= FUNNEL_POINTS; j++) {
    const prev = axis[axis.length - 1];
    const stepsLeft = FUNNEL_POINTS + 1 - (statistic === "ratio" ? j - 1 : j);
    axis.push(Math.max(roundHalfEven((end / prev) ** (1 / stepsLeft) * prev), prev + 1));
  }
  return axis;
}

/**
 * The proportions at which an area of population n is just on the 2 or 3 SD limit around the baseline
 * proportion p: `p ± z √(p(1 - p) / n)`, the points whose Wilson score interval just reaches p
 * (docs/methods.md#funnel), with z the normal quantile of 0.975 or 0.999.
 * @example proportionFunnelPoint(0.5, 100, 0.95).upper // => 0.5979981992270027 (0.5 + 1.959964 x 0.05)
 */
export function proportionFunnelPoint(p: number, n: number, level: number): { lower: number; upper: number } {
  const half = zForLevel(level) * Math.sqrt((p * (1 - p)) / n);
  return { lower: p - half, upper: p + half };
}

/**
 * The limits of a count of x events at a level: exact Poisson below 10 events, Byars' approximation
 * from 10, as the area labels use them (docs/methods.md#funnel).
 */
function countLimits(x: number, level: number): { lower: number; upper: number } {
  if (x < EXACT_BELOW_EVENTS) return { lower: exactPoissonLower(x, level), upper: exactPoissonUpper(x, level) };
  return { lower: byarsLower(x, level) ?? 0, upper: byarsUpper(x, level) };
}

/** Above this mean the chi-square quantile of the stats library is refined (see poissonMeanBelow). */
const REFINE_ABOVE_MEAN = 1000;

/**
 * P(X <= k) for a Poisson count of mean lambda > k, summed from k downwards: each term is i / lambda
 * times the one above it, so the sum converges fast and keeps full precision.
 * @example poissonLowerTail(0, 2) // => 0.1353352832366127 (e^-2)
 */
export function poissonLowerTail(k: number, lambda: number): number {
  let term = poissonPmf(k, lambda), sum = 0;
  for (let i = k; i >= 0 && term > sum * 1e-17; i--) {
    sum += term;
    term *= i / lambda;
  }
  return sum;
}

/**
 * The mean at which k events are the exact Poisson upper limit at a level: lambda with
 * P(X <= k; lambda) = (1 - level) / 2, that is `chisq_quantile((1 + level)/2, 2k + 2) / 2`.
 * Above a mean of 1000 the stats library's incomplete gamma function switches to an expansion that is
 * off by about 1% in the tail probability here (so about 1e-4 in the mean), so there the quantile is
 * refined by Newton's method on the tail summed term by term (docs/methods.md#funnel).
 * @example poissonMeanBelow(1360, 0.95) // => 1434.24891... (the plain chi-square quantile gives 1434.41318)
 */
export function poissonMeanBelow(k: number, level: number): number {
  let lambda = exactPoissonUpper(k, level);
  if (!(lambda > REFINE_ABOVE_MEAN) || !Number.isInteger(k)) return lambda;
  const tail = (1 - level) / 2;
  for (let i = 0; i < 50; i++) {
    const step = (poissonLowerTail(k, lambda) - tail) / poissonPmf(k, lambda);
    lambda += step;
    if (Math.abs(step) <= 1e-14 * lambda) break;
  }
  return lambda;
}

const LEVELS = [["2s", FUNNEL_LEVEL_2SD], ["3s", FUNNEL_LEVEL_3SD]] as const;

/**
 * The funnel's limit lines (PHEindicatormethods `calculate_funnel_limits`): 100 points along the axis
 * from a tidy start (0 when the largest denominator is over twice the smallest) to a tidy end, and at
 * each the 2 SD and 3 SD limits around the baseline. Proportions use the score limits
 * `p ± z √(p(1 - p)/n)`, held within 0 and the multiplier; ratios and rates the exact Poisson limits of
 * the axis count (`chisq_quantile((1 ± level)/2, ...)/2`, see docs/methods.md#funnel). Rates place the
 * axis by events (the tidy population range per year times the years, times the baseline) and give the
 * population per year at each limit.
 * @example funnelLimits({ statistic: "proportion", numerators: [50, 60], denominators: [100, 100] }).value.baseline // => 55 (110 / 200 as a percentage)
 */
export function funnelLimits(input: FunnelInput): Result<FunnelLimits> {
  const mult = input.statistic === "ratio" ? ok(1) : positiveOption(input.multiplier, 100, funnelMessages.badMultiplier);
  if (!mult.ok) return mult;
  const years = input.statistic === "rate" ? positiveOption(input.yearsOfData, 1, funnelMessages.badYears) : ok(1);
  if (!years.ok) return years;
  const areas = readAreas(input, mult.value);
  if (!areas.ok) return areas;
  const { average: av, minDenominator: min, maxDenominator: max } = areas.value;
  const y = years.value, m = mult.value;
  let start = max > 2 * min ? 0 : neatFloor(min / y) * y;
  let end = neatCeiling(max / y) * y;
  if (input.statistic === "rate") {
    start = Math.floor(start * av);
    end = Math.ceil(end * av);
  }
  const axis = funnelAxis(start, end, input.statistic);
  if (input.statistic === "proportion") {
    const points = axis.map((n) => {
      const [two, three] = LEVELS.map(([, level]) => proportionFunnelPoint(av, n, level));
      const clamp = (v: number) => Math.min(m, Math.max(0, v * m));
      return { axis: n, lower2s: clamp(two.lower), upper2s: clamp(two.upper), lower3s: clamp(three.lower), upper3s: clamp(three.upper) };
    });
    return ok({ baseline: av * m, points });
  }
  // Ratios and rates: at o events, the limit lines pass through the expected count (ratio) or the
  // population (rate, expected / baseline) at which o is just significant: o is the exact Poisson
  // upper limit there for the lower line, the lower limit for the upper line.
  const scale = input.statistic === "rate" ? (v: number) => v * m : input.ratioType === "count" ? (v: number) => v - 1 : (v: number) => v * 100;
  const perUnit = input.statistic === "rate" ? av : 1;
  const points = axis.map((o) => {
    const lowerAt2 = poissonMeanBelow(o, FUNNEL_LEVEL_2SD) / perUnit, upperAt2 = exactPoissonLower(o, FUNNEL_LEVEL_2SD) / perUnit;
    const lowerAt3 = poissonMeanBelow(o, FUNNEL_LEVEL_3SD) / perUnit, upperAt3 = exactPoissonLower(o, FUNNEL_LEVEL_3SD) / perUnit;
    return {
      axis: o,
      lower2s: scale(o / lowerAt2), upper2s: scale(o / upperAt2), lower3s: scale(o / lowerAt3), upper3s: scale(o / upperAt3),
      denominators: { lower2s: lowerAt2 / y, upper2s: upperAt2 / y, lower3s: lowerAt3 / y, upper3s: upperAt3 / y },
    };
  });
  const baseline = input.statistic === "rate" ? av * m : input.ratioType === "count" ? 0 : 100;
  return ok({ baseline, points });
}

/**
 * Each area's funnel label (PHEindicatormethods `assign_funnel_significance`), null for an area with a
 * blank cell. Proportions: below the 3 SD lower limit at the area's own denominator is `Low (0.001)`,
 * else below 2 SD `Low (0.025)`, above 3 SD `High (0.001)`, above 2 SD `High (0.025)`, else `Not
 * significant`. Ratios compare 1 with the area's count limits over its expected count (exact below 10
 * events, Byars from 10), rates the baseline with them over the area's population; a DSR with fewer
 * than 10 events is `Not applicable for events less than 10 for dsrs`.
 * @example funnelSignificance({ statistic: "ratio", numerators: [30, 10], denominators: [10, 10] }).value // => ["High (0.001)", "Not significant"]
 */
export function funnelSignificance(input: FunnelInput): Result<(FunnelLabel | null)[]> {
  const mult = input.statistic === "rate" ? positiveOption(input.multiplier, 100, funnelMessages.badMultiplier) : ok(1);
  if (!mult.ok) return mult;
  const areas = readAreas(input, mult.value);
  if (!areas.ok) return areas;
  const av = areas.value.average;
  return ok(areas.value.cells.map((cell) => labelOf(input, av, cell)));
}

/** One area's label against the baseline `av` (per 1) of its funnel; null for a blank cell. */
function labelOf(input: FunnelInput, av: number, cell: AreaCell): FunnelLabel | null {
  if (cell === null) return null;
  const { x, n } = cell;
  if (input.statistic === "rate" && input.rateType === "dsr" && x < FUNNEL_DSR_MIN_EVENTS) return funnelLabels.dsrTooFew;
  if (input.statistic === "proportion") {
    const p = x / n;
    const two = proportionFunnelPoint(av, n, FUNNEL_LEVEL_2SD), three = proportionFunnelPoint(av, n, FUNNEL_LEVEL_3SD);
    if (p < three.lower) return funnelLabels.low3;
    if (p < two.lower) return funnelLabels.low2;
    if (p > three.upper) return funnelLabels.high3;
    if (p > two.upper) return funnelLabels.high2;
    return funnelLabels.none;
  }
  // The value compared: 1 for a ratio, the baseline rate (per 1) for a rate.
  const target = input.statistic === "ratio" ? 1 : av;
  const two = countLimits(x, FUNNEL_LEVEL_2SD), three = countLimits(x, FUNNEL_LEVEL_3SD);
  if (target < three.lower / n) return funnelLabels.high3;
  if (target < two.lower / n) return funnelLabels.high2;
  if (target > three.upper / n) return funnelLabels.low3;
  if (target > two.upper / n) return funnelLabels.low2;
  return funnelLabels.none;
}

/**
 * One area, to label against a funnel's baseline: its numerator, its denominator (proportion), expected
 * count (ratio) or rate (rate), and for a rate optionally its population (needed for a crude rate with
 * no events). Blank cells are null.
 */
export interface FunnelArea {
  readonly numerator: number | null;
  readonly denominatorOrRate: number | null;
  readonly population?: number | null;
}

/**
 * Labels areas against the baseline of a funnel's areas (docs/methods.md#funnel), as
 * {@link funnelSignificance} labels the funnel's own areas: the baseline is read once from `input`, then
 * each area given to the returned function gets its label (null when one of its cells is blank), or
 * the problem with its figures. The area need not be one of the funnel's, though it usually is.
 * @example funnelAreaLabeller({ statistic: "ratio", numerators: [30, 10], denominators: [10, 10] }).value({ numerator: 30, denominatorOrRate: 10 }) // => { ok: true, value: "High (0.001)" }
 */
export function funnelAreaLabeller(input: FunnelInput): Result<(area: FunnelArea) => Result<FunnelLabel | null>> {
  const mult = input.statistic === "rate" ? positiveOption(input.multiplier, 100, funnelMessages.badMultiplier) : ok(1);
  if (!mult.ok) return mult;
  const areas = readAreas(input, mult.value);
  if (!areas.ok) return areas;
  const av = areas.value.average;
  return ok((area: FunnelArea) => {
    const cell = readArea(input, mult.value, area.numerator, area.denominatorOrRate, area.population, null);
    return cell.ok ? ok(labelOf(input, av, cell.value)) : cell;
  });
}

/** What a funnel's type word selects (docs/methods.md#funnel): the statistic and its kind. */
export type FunnelType =
  | { readonly statistic: "proportion" }
  | { readonly statistic: "ratio"; readonly ratioType: "count" | "isr" }
  | { readonly statistic: "rate"; readonly rateType: "dsr" | "crude" };

const FUNNEL_TYPES: Readonly<Record<string, FunnelType>> = {
  proportion: { statistic: "proportion" },
  percentage: { statistic: "proportion" },
  isr: { statistic: "ratio", ratioType: "isr" },
  smr: { statistic: "ratio", ratioType: "isr" },
  ratio: { statistic: "ratio", ratioType: "isr" },
  count: { statistic: "ratio", ratioType: "count" },
  dsr: { statistic: "rate", rateType: "dsr" },
  crude: { statistic: "rate", rateType: "crude" },
};

/**
 * Reads a funnel type word for LAAFUNNEL and LAAFUNNELSIG, case-insensitive and trimmed: "proportion"
 * (blank, the default), "isr" (also "smr", "ratio": observed / expected x 100), "count" (observed /
 * expected - 1), "dsr" or "crude" (rates). Other words are a `value` problem.
 * @example parseFunnelType(" DSR ") // => { ok: true, value: { statistic: "rate", rateType: "dsr" } }
 */
export function parseFunnelType(raw: unknown): Result<FunnelType> {
  if (raw === null || raw === undefined) return ok(FUNNEL_TYPES.proportion);
  if (typeof raw !== "string") return fail("value", funnelMessages.unknownType(raw));
  const word = raw.trim().toLowerCase();
  if (word === "") return ok(FUNNEL_TYPES.proportion);
  const type = FUNNEL_TYPES[word];
  return type ? ok(type) : fail("value", funnelMessages.unknownType(raw));
}

/** Where an area of a rate funnel is drawn: its rate and its population per year (null: not drawn). */
export interface FunnelRatePoint {
  readonly rate: number | null;
  readonly populationPerYear: number | null;
}

/**
 * Where each area of a rate funnel is plotted (PHEindicatormethods `calculate_funnel_points`): its rate
 * against the population per year the rate implies, `multiplier x events / rate / years` (the given
 * denominator / years for a crude rate with no events). A DSR with fewer than 10 events is not drawn.
 * @example funnelRatePoints({ statistic: "rate", rateType: "crude", numerators: [30], rates: [100], multiplier: 100000, yearsOfData: 3 }).value[0].populationPerYear // => 10000
 */
export function funnelRatePoints(input: Extract<FunnelInput, { statistic: "rate" }>): Result<FunnelRatePoint[]> {
  const mult = positiveOption(input.multiplier, 100, funnelMessages.badMultiplier);
  if (!mult.ok) return mult;
  const years = positiveOption(input.yearsOfData, 1, funnelMessages.badYears);
  if (!years.ok) return years;
  const areas = readAreas(input, mult.value);
  if (!areas.ok) return areas;
  return ok(areas.value.cells.map((cell, i): FunnelRatePoint => {
    if (cell === null || (input.rateType === "dsr" && cell.x < FUNNEL_DSR_MIN_EVENTS)) return { rate: null, populationPerYear: null };
    return { rate: input.rates[i] ?? 0, populationPerYear: cell.n / years.value };
  }));
}
