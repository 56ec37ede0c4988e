/**
 * Anycity's monthly performance report: eight indicators, one value a month for April 2008 to
 * March 2010 (24 months), with targets and polarity: series long enough for Build scorecard's SPC
 * sheets (docs/methods.md#spc), where the annual LAA sample (anycity.ts) has only a few points.
 *
 * Each series is drawn from a seeded generator (prng.ts, seed {@link MONTHLY_SEED}) around a level
 * shaped the way real monthly series behave: a shift after an intervention, a steady trend, a spike
 * outside the limits, a process that passes its target every month, one that always fails, one whose
 * target sits inside its noise (hit and miss), a latest month out of line, and a context count with
 * no polarity. Every value, target, officer and comment is invented.
 *
 * Plain data only (no Node, Office or ExcelJS): the generator writes these rows with ExcelJS.
 */
import { mulberry32, normalDraw, poissonDraw, type Random } from "./prng";

/** The seed of the monthly sample's generator. */
export const MONTHLY_SEED = 20100331;

/** Sheet and table names the monthly sample uses. */
export const MONTHLY_SHEET_NAME = "Monthly performance";
export const MONTHLY_TABLE_NAME = "AnycityMonthly";

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

/**
 * The 24 month labels, April 2008 to March 2010, as analysts head month columns (docs/methods.md#periods).
 * @example MONTHLY_PERIODS[0] + " to " + MONTHLY_PERIODS[23] // => "Apr-08 to Mar-10"
 */
export const MONTHLY_PERIODS: readonly string[] = [2008, 2009].flatMap((y) =>
  MONTHS.map((m, i) => `${m}-${String((i < 9 ? y : y + 1) % 100).padStart(2, "0")}`),
);

/** The polarity words the monthly sample uses (all accepted by parsePolarity, docs/methods.md#polarity). */
export type MonthlyPolarityWord = "Higher is better" | "Lower is better" | "Data only";

/** One indicator of the monthly report. */
export interface MonthlyIndicator {
  readonly ref: string;
  readonly title: string;
  readonly service: string;
  readonly polarity: MonthlyPolarityWord;
  readonly unit: string;
  /** Monthly targets for 2008/09 and 2009/10 (null for a context indicator). */
  readonly targets: readonly [number | null, number | null];
  /** The 24 monthly values, April 2008 to March 2010. */
  readonly values: readonly number[];
  readonly lead: string;
  readonly commentary: string;
  /** Decimal places the values are shown with. */
  readonly decimals: number;
}

/** What an indicator's series is made of: the expected level in month `i` (0 = Apr-08) and the noise. */
interface Shape {
  readonly ref: string;
  readonly title: string;
  readonly service: string;
  readonly polarity: MonthlyPolarityWord;
  readonly unit: string;
  readonly targets: readonly [number | null, number | null];
  /** The expected value in month i. */
  readonly level: (i: number) => number;
  /** "count": a Poisson count around the level; a number: the standard deviation of normal noise. */
  readonly noise: "count" | number;
  readonly lead: string;
  readonly commentary: string;
  readonly decimals: number;
}

const HIGHER: MonthlyPolarityWord = "Higher is better";
const LOWER: MonthlyPolarityWord = "Lower is better";

/** The eight indicators and how each series behaves. */
const SHAPES: readonly Shape[] = [
  {
    ref: "NI 16", title: "Serious acquisitive crime: offences recorded in the month", service: "Community safety", polarity: LOWER, unit: "Offences",
    targets: [300, 270], level: (i) => (i < 12 ? 318 : 252), noise: "count", lead: "Head of Community Safety", decimals: 0,
    commentary: "Operation Nightjar (burglary and vehicle crime) started in April 2009; offences have stayed lower every month since.",
  },
  {
    ref: "NI 181", title: "Time taken to process Housing Benefit and Council Tax Benefit new claims and change events", service: "Revenues and benefits", polarity: LOWER, unit: "Days",
    targets: [20, 15], level: (i) => 24.5 - 0.45 * i, noise: 0.7, lead: "Benefits Manager", decimals: 1,
    commentary: "Falling steadily since the document imaging system went live in May 2008; the queue of changes is now cleared weekly.",
  },
  {
    ref: "CS 03", title: "Calls to the contact centre answered within 20 seconds", service: "Customer services", polarity: HIGHER, unit: "%",
    targets: [80, 80], level: () => 88, noise: 1.6, lead: "Customer Services Manager", decimals: 1,
    commentary: "Above target every month; staffing matched to the Monday peak since 2007.",
  },
  {
    ref: "HR 01", title: "Working days lost to sickness absence per full-time equivalent employee in the month", service: "Human resources", polarity: LOWER, unit: "Days per FTE",
    targets: [0.75, 0.7], level: () => 0.93, noise: 0.05, lead: "Head of Human Resources", decimals: 2,
    commentary: "Short-term absence is steady but well above target; the attendance management policy is being revised.",
  },
  {
    ref: "WM 02", title: "Missed bin collections per 100,000 collections", service: "Waste management", polarity: LOWER, unit: "Per 100,000 collections",
    targets: [65, 65], level: (i) => (i === 21 ? 105 : 44), noise: 6, lead: "Waste Services Manager", decimals: 0,
    commentary: "January 2010: rounds suspended for eight days in the snow; collections caught up by the end of the month.",
  },
  {
    ref: "BV 8", title: "Invoices for commercial goods and services paid within 30 days", service: "Finance", polarity: HIGHER, unit: "%",
    targets: [95, 95], level: () => 95.2, noise: 1.1, lead: "Head of Finance", decimals: 1,
    commentary: "Around target: meets it in some months and misses in others, depending on the month-end run.",
  },
  {
    ref: "NI 131", title: "Delayed transfers of care from hospital per 100,000 population aged 18 and over (weekly average)", service: "Adult social care", polarity: LOWER, unit: "Rate per 100,000 aged 18+",
    targets: [9.5, 9], level: (i) => (i === 23 ? 13.8 : 7.9), noise: 0.6, lead: "Head of Adult Social Care", decimals: 1,
    commentary: "March 2010: a run of delays waiting for residential placements after the closure of Elm Court care home.",
  },
  {
    ref: "CS 01", title: "Domestic abuse incidents reported to the police", service: "Community safety", polarity: "Data only", unit: "Incidents",
    targets: [null, null], level: (i) => (i < 15 ? 405 : 465), noise: "count", lead: "Domestic Abuse Co-ordinator", decimals: 0,
    commentary: "Context only: more reporting since the July 2009 awareness campaign is not simply worse.",
  },
];

function draw(random: Random, shape: Shape, i: number): number {
  const level = shape.level(i);
  const raw = shape.noise === "count" ? poissonDraw(random, level) : level + shape.noise * normalDraw(random);
  const scale = Math.pow(10, shape.decimals);
  return Math.round(raw * scale) / scale;
}

/**
 * The monthly indicators with their 24 values, drawn in a fixed order from the seeded generator.
 * @example MONTHLY_INDICATORS.map((x) => x.values.length).join() // => "24,24,24,24,24,24,24,24"
 */
export const MONTHLY_INDICATORS: readonly MonthlyIndicator[] = (() => {
  const random = mulberry32(MONTHLY_SEED);
  return SHAPES.map((s) => ({
    ref: s.ref, title: s.title, service: s.service, polarity: s.polarity, unit: s.unit, targets: s.targets,
    values: MONTHLY_PERIODS.map((_p, i) => draw(random, s, i)), lead: s.lead, commentary: s.commentary, decimals: s.decimals,
  }));
})();

/** The wide-layout header row: a month column per period (docs/methods.md#periods). */
export const MONTHLY_HEADERS: readonly string[] = ["Ref", "Indicator", "Service", "Polarity", "Unit", "Target 2008/09", "Target 2009/10", ...MONTHLY_PERIODS, "Lead officer", "Commentary"];

/** Zero-based columns that hold numbers (the targets and the months). */
export const MONTHLY_NUMBER_COLUMNS: readonly number[] = MONTHLY_HEADERS.map((_h, c) => c).filter((c) => c >= 5 && c < 7 + MONTHLY_PERIODS.length);

/**
 * One indicator as a row of the sheet, in header order (null for a blank cell).
 * @example monthlyRow(MONTHLY_INDICATORS[0]).length === MONTHLY_HEADERS.length // => true
 */
export function monthlyRow(i: MonthlyIndicator): (string | number | null)[] {
  return [i.ref, i.title, i.service, i.polarity, i.unit, i.targets[0], i.targets[1], ...i.values, i.lead, i.commentary];
}

/** Column widths (in characters) that make the sheet readable. */
export const MONTHLY_COLUMN_WIDTHS: readonly number[] = [8, 60, 22, 16, 22, 9, 9, ...MONTHLY_PERIODS.map(() => 7), 28, 80];

/** The notes sheet of the monthly workbook. */
export const MONTHLY_NOTES: readonly string[] = [
  "About this sample: Anycity monthly performance 2008-10",
  "Anycity is fictional (see the Anycity LAA sample). Every value, target, officer and comment is invented for demonstrations and tests; the indicator codes NI 16, NI 131 and NI 181 are from the 2008 National Indicator Set, the others are local codes.",
  "One value a month for April 2008 to March 2010 (24 months), in month columns headed Apr-08 to Mar-10: enough points for Build scorecard's SPC summary and SPC charts (XmR charts, Making Data Count).",
  "Targets are monthly targets for each financial year; the 2009/10 target gives the assurance (whether the process limits are all on one side of it).",
  `Values are drawn from a seeded generator (seed ${MONTHLY_SEED}) around levels that show a shift after an intervention (NI 16), a steady trend (NI 181), a month outside the limits (WM 02, January 2010 snow), a target always met (CS 03), always missed (HR 01), met in some months and missed in others (BV 8), a latest month out of line (NI 131) and a context count with no polarity (CS 01).`,
  "Made by npm run samples (src/samples/generate.ts) with a fixed seed and fixed dates; regenerate rather than edit by hand.",
];
