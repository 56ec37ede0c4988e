/**
 * Anycity's Local Area Agreement 2008-11: the sample indicator table that demos, tests and the task
 * pane's Insert sample data use. Anycity is the fictional mid-sized English unitary authority
 * (about 250,000 people) of the handbook this product grew from; Abi manages its LAA.
 *
 * The indicator codes and titles are real (2008 National Indicator Set, see ni-reference.ts); every
 * value, target, officer and comment is invented, shaped to read like a quarterly LAA monitoring
 * report as at Quarter 2 2010/11 (30 September 2010), with the mix such reports had: most indicators
 * Green or Amber, some Red, a few well ahead of target, a few with no data yet.
 *
 * Plain data only: no Node, Office or ExcelJS, so the generator (ExcelJS) and the task pane (Excel
 * JavaScript API) write the very same rows.
 */
import { type LaaBlock } from "../core/ni-reference";
import type { SampleSheetPlan } from "../shared/sample-sheet";

/** Sheet and table names the Anycity sample uses. */
export const ANYCITY_SHEET_NAME = "LAA indicators";
export const ANYCITY_TABLE_NAME = "AnycityLAA";

/** The wide-layout header row, as analysts label it (period labels follow docs/methods.md#polarity). */
export const ANYCITY_HEADERS = [
  "Ref",
  "Indicator",
  "LAA block",
  "Type",
  "Polarity",
  "Unit",
  "Baseline 2007/08",
  "Target 2008/09",
  "Target 2009/10",
  "Target 2010/11",
  "Actual 2008/09",
  "Actual 2009/10",
  "Actual Q1 2010/11",
  "Actual Q2 2010/11",
  "Floor",
  "Lead officer",
  "Commentary",
] as const;

/** Zero-based column index of each header, for code that edits rows (e.g. the messy variant). */
export const ANYCITY_COLUMN: Readonly<Record<(typeof ANYCITY_HEADERS)[number], number>> = Object.fromEntries(
  ANYCITY_HEADERS.map((h, i) => [h, i]),
) as Record<(typeof ANYCITY_HEADERS)[number], number>;

/** What kind of LAA row an indicator is. */
export type AnycityIndicatorType = "Designated" | "Statutory education" | "Data only";

/** The polarity words the sample uses (all accepted by parsePolarity, docs/methods.md#polarity). */
export type AnycityPolarityWord = "Higher is better" | "Lower is better" | "Data only";

/** One indicator of the Anycity LAA. Missing values are null. */
export interface AnycityIndicator {
  readonly ref: string;
  readonly title: string;
  readonly block: LaaBlock;
  readonly type: AnycityIndicatorType;
  readonly polarity: AnycityPolarityWord;
  readonly unit: string;
  readonly baseline: number | null;
  /** Targets for 2008/09, 2009/10 and 2010/11. */
  readonly targets: readonly [number | null, number | null, number | null];
  /** Actuals for 2008/09 and 2009/10. */
  readonly actuals: readonly [number | null, number | null];
  /** Actuals for Q1 and Q2 of 2010/11 (rolling 12 months unless the commentary says otherwise). */
  readonly quarters: readonly [number | null, number | null];
  /** Floor standard: the worst value the partnership accepts (by polarity), or null. */
  readonly floor: number | null;
  readonly lead: string;
  readonly commentary: string;
  /** Decimal places the values are shown with. */
  readonly decimals: number;
}

const CYP: LaaBlock = "Children and Young People";
const SSC: LaaBlock = "Safer and Stronger Communities";
const HCOP: LaaBlock = "Healthier Communities and Older People";
const EDE: LaaBlock = "Economic Development and Enterprise";
const HIGHER: AnycityPolarityWord = "Higher is better";
const LOWER: AnycityPolarityWord = "Lower is better";
const DATA_ONLY: AnycityPolarityWord = "Data only";
const DPH = "Director of Public Health, Anycity PCT";
const CSP = "Head of Community Safety";
const CLARE = "Clare (Economy and Transport theme lead)";

type Row = [
  ref: string, title: string, block: LaaBlock, type: AnycityIndicatorType, polarity: AnycityPolarityWord, unit: string,
  baseline: number | null, t0809: number | null, t0910: number | null, t1011: number | null,
  a0809: number | null, a0910: number | null, q1: number | null, q2: number | null,
  floor: number | null, lead: string, commentary: string, decimals: number,
];

const D: AnycityIndicatorType = "Designated";
const S: AnycityIndicatorType = "Statutory education";
const X: AnycityIndicatorType = "Data only";

// prettier-ignore
const ROWS: readonly Row[] = [
  // Children and Young People
  ["NI 56", "Obesity among primary school age children in Year 6", CYP, D, LOWER, "%", 19.8, 19.5, 19.2, 18.8, 19.9, 19.1, null, null, null, DPH,
    "National Child Measurement Programme, school year (2009/10 column shows 2009/10 measurements). Participation 91%.", 1],
  ["NI 59", "Percentage of initial assessments for children's social care carried out within 7 working days of referral", CYP, D, HIGHER, "%", 64.0, 70.0, 75.0, 80.0, 72.5, 83.1, 84.0, 86.4, null, "Head of Safeguarding and Specialist Services",
    "The 2009 restructure of the duty and assessment team has held the improvement. Quarterly figures are rolling 12 months.", 1],
  ["NI 87", "Secondary school persistent absence rate", CYP, D, LOWER, "%", 6.8, 6.2, 5.6, 5.0, 5.9, 5.1, null, null, null, "Head of Attendance and Inclusion",
    "Fell again in 2009/10; targeted work with eight secondary schools continues.", 1],
  ["NI 110", "Young people's participation in positive activities", CYP, D, HIGHER, "%", 65.1, 67.0, 69.0, 71.0, 66.2, 67.4, null, null, null, "Head of Integrated Youth Support",
    "TellUs survey. Below target; new activities programme in east Anycity from September 2010.", 1],
  ["NI 111", "First time entrants to the Youth Justice System aged 10-17", CYP, D, LOWER, "Rate per 100,000 aged 10-17", 2310, 2200, 2090, 1980, 2150, 1870, 1790, 1720, null, "Youth Offending Service Manager",
    "The custody triage scheme running since April 2009 has cut first-time entrants well ahead of trajectory.", 0],
  ["NI 112", "Under 18 conception rate", CYP, D, LOWER, "Rate per 1,000 females aged 15-17", 48.2, 44.0, 40.5, 37.0, 46.1, 45.3, null, null, null, "Teenage Pregnancy Co-ordinator",
    "Published 14 months in arrears (2009/10 column shows calendar year 2008). Off track: deep-dive review reported to the Children's Trust Board in July 2010.", 1],
  ["NI 117", "16 to 18 year olds who are not in education, training or employment (NEET)", CYP, D, LOWER, "%", 8.4, 7.9, 7.4, 6.9, 7.6, 7.2, null, null, 8.4, "Head of Integrated Youth Support",
    "November to January average. 'Not known' rate down to 4.1%.", 1],
  ["NI 72", "Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of the scales in Personal Social and Emotional Development and Communication, Language and Literacy", CYP, S, HIGHER, "%", 47.0, 51.0, 54.0, 56.0, 49.6, 52.8, null, null, null, "Head of Early Years",
    "Statutory target. Summer 2010 Foundation Stage Profile results are provisional.", 1],
  ["NI 73", "Achievement at level 4 or above in both English and Maths at Key Stage 2 (Threshold)", CYP, S, HIGHER, "%", 71.0, 74.0, 76.0, 78.0, 72.0, 73.0, null, null, 65.0, "Head of School Improvement",
    "Statutory target. Three schools did not sit the 2010 tests; their teacher assessments are not included.", 0],
  ["NI 75", "Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths (Threshold)", CYP, S, HIGHER, "%", 44.2, 48.0, 51.0, 54.0, 47.1, 47.5, null, null, 42.0, "Head of School Improvement",
    "Statutory target. Two National Challenge schools remain below 30%; improvement plans agreed with their School Improvement Partner.", 1],
  ["NI 92", "Narrowing the gap between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest", CYP, S, LOWER, "%", 35.1, 33.0, 31.5, 30.0, 33.6, 31.2, null, null, null, "Head of Early Years",
    "Statutory target. The gap narrowed by 2.4 points in 2010.", 1],
  ["NI 93", "Progression by 2 levels in English between Key Stage 1 and Key Stage 2", CYP, S, HIGHER, "%", 84.0, 86.0, 88.0, 89.0, 85.0, 87.0, null, null, null, "Head of School Improvement",
    "Statutory target.", 0],
  ["NI 116", "Proportion of children in poverty", CYP, X, DATA_ONLY, "%", 22.4, null, null, null, 22.9, null, null, null, null, "Head of Policy and Performance",
    "Context only. The HMRC snapshot for August 2008 is the latest published.", 1],
  // Safer and Stronger Communities
  ["NI 1", "% of people who believe people from different backgrounds get on well together in their local area", SSC, D, HIGHER, "%", null, null, null, 79.0, 76.4, null, null, null, null, "Head of Neighbourhoods and Communities",
    "Place Survey 2008 is the baseline. The 2010 Place Survey has been cancelled, so no further result is expected.", 1],
  ["NI 4", "% of people who feel they can influence decisions in their locality", SSC, D, HIGHER, "%", null, null, null, 32.0, 28.1, null, null, null, null, "Head of Neighbourhoods and Communities",
    "Place Survey 2008 is the baseline. Neighbourhood forums now meet in all six localities.", 1],
  ["NI 15", "Serious violent crime rate", SSC, D, LOWER, "Rate per 1,000 population", 0.92, 0.88, 0.85, 0.82, 0.81, 0.74, 0.72, 0.70, null, CSP,
    "Well below target. Night-time economy partnership and licensing enforcement continue.", 2],
  ["NI 16", "Serious acquisitive crime rate", SSC, D, LOWER, "Rate per 1,000 population", 21.4, 20.3, 19.3, 18.3, 19.6, 17.9, 17.6, 17.2, null, CSP,
    "Burglary down 11% on last year; vehicle crime steady. Quarterly figures are rolling 12 months.", 1],
  ["NI 17", "Perceptions of anti-social behaviour", SSC, D, LOWER, "%", null, null, null, 18.0, 21.3, null, null, null, null, "Head of Neighbourhoods and Communities",
    "Place Survey 2008 is the baseline.", 1],
  ["NI 19", "Rate of proven re-offending by young offenders", SSC, D, LOWER, "Re-offences per young offender", 1.12, 1.08, 1.04, 1.00, 1.10, 1.02, null, null, null, "Youth Offending Service Manager",
    "Cohort measure: the 2009/10 column shows the 2008 cohort.", 2],
  ["NI 20", "Assault with injury crime rate", SSC, D, LOWER, "Rate per 1,000 population", 8.9, 8.6, 8.3, 8.0, 8.7, 8.5, 8.6, 8.8, null, CSP,
    "Rising since April: town centre violence on Friday and Saturday nights. Extra patrols from October.", 1],
  ["NI 32", "Repeat incidents of domestic violence", SSC, D, LOWER, "%", 31.0, 29.0, 28.0, 27.0, 27.4, 29.1, 28.3, 27.9, null, "Domestic Abuse Co-ordinator",
    "Repeat cases heard at MARAC. Part of the rise reflects better identification of repeats.", 1],
  ["NI 40", "Number of drug users recorded as being in effective treatment", SSC, D, HIGHER, "Number", 1180, 1240, 1300, 1350, 1262, 1318, 1334, 1341, null, "Drug and Alcohol Action Team Manager",
    "On track. National Drug Treatment Monitoring System, rolling 12 months.", 0],
  ["NI 47", "People killed or seriously injured in road traffic accidents", SSC, D, LOWER, "Number (3-year average)", 112, 108, 104, 100, 105, 97, null, null, null, "Road Safety Manager",
    "Calendar years (the 2009/10 column shows 2007-2009). Three-year rolling average.", 0],
  ["NI 192", "Percentage of household waste sent for reuse, recycling and composting", SSC, D, HIGHER, "%", 33.8, 36.0, 38.0, 40.0, 36.9, 38.4, 41.2, 40.6, null, "Head of Waste and Street Services",
    "Garden waste lifts the Q1 and Q2 figures (in-quarter, not rolling); the full-year figure will be lower.", 1],
  ["NI 195", "Improved street and environmental cleanliness", SSC, D, LOWER, "% of sites below standard (litter)", 11.0, 10.0, 9.0, 8.0, 8.0, 7.0, null, 6.0, null, "Head of Waste and Street Services",
    "Litter element. The first survey tranche (April to July) is shown in Q2.", 0],
  // Healthier Communities and Older People
  ["NI 8", "Adult participation in sport and active recreation", HCOP, D, HIGHER, "%", 20.1, 21.0, 22.0, 23.0, 20.6, null, null, null, null, "Head of Sport and Leisure",
    "Active People Survey 3. Results for 2009/10 are due in December 2010.", 1],
  ["NI 39", "Rate of hospital admissions per 100,000 for alcohol related harm", HCOP, D, LOWER, "Rate per 100,000 population", 1620, 1700, 1760, 1800, 1745, 1890, 1912, 1934, null, DPH,
    "Targets slow the rise rather than reverse it. Admissions are rising faster than planned; an alcohol liaison nurse starts at the hospital in November.", 0],
  ["NI 120", "All-age all cause mortality rate", HCOP, D, LOWER, "Directly standardised rate per 100,000", 712, 690, 675, 660, 701, 684, null, null, null, DPH,
    "Persons, calendar year (the 2009/10 column shows 2009).", 0],
  ["NI 123", "Stopping smoking", HCOP, D, HIGHER, "Quitters per 100,000 population aged 16+", 780, 850, 900, 950, 872, 934, null, null, null, DPH,
    "Four-week quitters. The 2009/10 target was exceeded.", 0],
  ["NI 125", "Achieving independence for older people through rehabilitation/intermediate care", HCOP, D, HIGHER, "%", 78.4, 80.0, 82.0, 84.0, 81.1, 79.6, null, null, null, "Head of Adult Social Care",
    "Still at home 91 days after discharge. Dipped during the 2009/10 redesign of the reablement service.", 1],
  ["NI 130", "Social care clients receiving Self Directed Support per 100,000 population", HCOP, D, HIGHER, "Rate per 100,000 population aged 18+", 45, 120, 250, 400, 98, 210, 265, 301, null, "Head of Adult Social Care",
    "Behind trajectory. Personal budgets are now offered to existing clients at their annual review.", 0],
  ["NI 136", "People supported to live independently through social services (all adults)", HCOP, D, HIGHER, "Rate per 100,000 population aged 18+", 2850, 2950, 3050, 3150, 3010, 3280, 3305, 3390, null, "Head of Adult Social Care",
    "Ahead of target.", 0],
  ["NI 119", "Self-reported measure of people's overall health and wellbeing", HCOP, X, DATA_ONLY, "%", null, null, null, null, 74.2, null, null, null, null, DPH,
    "Context only. Place Survey 2008.", 1],
  // Economic Development and Enterprise
  ["NI 151", "Overall employment rate (working-age)", EDE, D, HIGHER, "%", 72.8, 73.2, 73.6, 74.0, 71.5, 70.5, null, null, null, CLARE,
    "Annual Population Survey. The recession has reversed the trend; the targets were not renegotiated at the 2009 refresh.", 1],
  ["NI 152", "Working age people on out of work benefits", EDE, D, LOWER, "%", 13.1, 12.8, 12.5, 12.2, 14.2, 14.9, 14.6, 14.4, 15.0, CLARE,
    "DWP benefit claimants. Above target since the recession but inside the floor the Board agreed.", 1],
  ["NI 154", "Net additional homes provided", EDE, D, HIGHER, "Number", 1020, 1050, 1100, 1150, 735, 612, null, null, null, "Head of Housing Strategy",
    "Targets were set before the downturn; house building has stalled and 14 large sites are paused.", 0],
  ["NI 155", "Number of affordable homes delivered (gross)", EDE, D, HIGHER, "Number", 212, 230, 250, 270, 244, 281, null, null, null, "Head of Housing Strategy",
    "Kickstart and HCA funding brought schemes forward; target exceeded.", 0],
  ["NI 163", "Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 2 or higher", EDE, D, HIGHER, "%", 68.9, 70.5, 72.0, 73.5, 70.1, 72.3, null, null, null, "Skills and Learning Manager",
    "Annual Population Survey, calendar year.", 1],
  ["NI 167", "Congestion - average journey time per mile during the morning peak", EDE, D, LOWER, "Minutes per mile", 3.62, 3.65, 3.68, 3.70, 3.58, 3.71, null, null, null, CLARE,
    "Targets allow a small rise in journey times. Inner ring road works since January 2010.", 2],
  ["NI 171", "New business registration rate", EDE, D, HIGHER, "Registrations per 10,000 population aged 16+", 48.6, 50.0, 51.5, 53.0, 44.1, 39.8, null, null, null, CLARE,
    "Business start-ups fell sharply in the recession.", 1],
  ["NI 177", "Local bus and light rail passenger journeys originating in the authority area", EDE, D, HIGHER, "Journeys (thousands)", 18420, 18700, 19000, 19300, 18910, 19240, null, null, null, CLARE,
    "Concessionary travel and the Northgate quality bus corridor keep growth on track.", 0],
  ["NI 186", "Per capita reduction in CO2 emissions in the LA area", EDE, D, HIGHER, "% reduction since 2005", 2.4, 5.0, 7.5, 10.5, 5.8, 8.0, null, null, null, "Sustainability Manager",
    "DECC figures are published 21 months in arrears (the 2009/10 column shows 2008).", 1],
  ["NI 166", "Median earnings of employees in the area", EDE, X, DATA_ONLY, "£ per week", 452.3, null, null, null, 461.0, 466.8, null, null, null, CLARE,
    "Context only. Annual Survey of Hours and Earnings, full-time employees.", 1],
];

/** Every Anycity indicator, in report order (by LAA block). */
export const ANYCITY_INDICATORS: readonly AnycityIndicator[] = ROWS.map((r) => ({
  ref: r[0], title: r[1], block: r[2], type: r[3], polarity: r[4], unit: r[5], baseline: r[6],
  targets: [r[7], r[8], r[9]], actuals: [r[10], r[11]], quarters: [r[12], r[13]], floor: r[14],
  lead: r[15], commentary: r[16], decimals: r[17],
}));

/** A cell of the sample: text, a number, or null for blank. */
export type SampleCell = string | number | null;

/**
 * One indicator as a row in {@link ANYCITY_HEADERS} order.
 *
 * @example anycityRow(ANYCITY_INDICATORS[0])[0] // => "NI 56"
 */
export function anycityRow(i: AnycityIndicator): SampleCell[] {
  return [
    i.ref, i.title, i.block, i.type, i.polarity, i.unit, i.baseline, ...i.targets, ...i.actuals, ...i.quarters,
    i.floor, i.lead, i.commentary,
  ];
}

/**
 * All Anycity rows below the header.
 *
 * @example anycityRows().length === ANYCITY_INDICATORS.length // => true
 */
export function anycityRows(): SampleCell[][] {
  return ANYCITY_INDICATORS.map(anycityRow);
}

/** The columns that hold numbers (baseline to floor). */
export const ANYCITY_NUMBER_COLUMNS: readonly number[] = ANYCITY_HEADERS.map((_h, c) => c).filter(
  (c) => c >= ANYCITY_COLUMN["Baseline 2007/08"] && c <= ANYCITY_COLUMN.Floor,
);

/**
 * The Excel number format for a value shown with `decimals` places, with thousands separators.
 *
 * @example numberFormatFor(1) // => "#,##0.0"
 * @example numberFormatFor(0) // => "#,##0"
 */
export function numberFormatFor(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/**
 * Number formats for one row: its decimals on number columns, `@` (text) on text columns so that a
 * title written through the Excel API is never read as a formula.
 *
 * @example anycityRowFormats(ANYCITY_INDICATORS[0])[0] // => "@"
 */
export function anycityRowFormats(i: AnycityIndicator): string[] {
  return ANYCITY_HEADERS.map((_h, c) => (ANYCITY_NUMBER_COLUMNS.includes(c) ? numberFormatFor(i.decimals) : "@"));
}

/** Column widths (in characters) that make the sheet readable. */
export const ANYCITY_COLUMN_WIDTHS: readonly number[] = [8, 66, 38, 18, 16, 36, 10, 10, 10, 10, 10, 10, 10, 10, 8, 40, 90];

export type { SampleSheetPlan };

/**
 * What the task pane's Insert sample data writes into a new sheet: the Anycity header and rows as
 * one 2-D array (written in one call), number formats of the same shape, and the table's name. The
 * Excel layer picks a free sheet name if a user's sheet already has this one.
 *
 * @example anycityInsertPlan().values[0][0] // => "Ref"
 */
export function anycityInsertPlan(): SampleSheetPlan {
  const values = [[...ANYCITY_HEADERS] as (string | number)[], ...anycityRows().map((r) => r.map((v) => (v === null ? "" : v)))];
  const numberFormats = [ANYCITY_HEADERS.map(() => "@"), ...ANYCITY_INDICATORS.map(anycityRowFormats)];
  return { sheetName: ANYCITY_SHEET_NAME, tableName: ANYCITY_TABLE_NAME, values, numberFormats, columnWidths: ANYCITY_COLUMN_WIDTHS };
}
