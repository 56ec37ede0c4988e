/**
 * The National Indicator reference list: code, title, theme and polarity of indicators from the
 * 2008 National Indicator Set for English local authorities and their partnerships (NI 1 to NI 199,
 * NI 31 withdrawn). The add-in uses it to fill a blank polarity, and then says so in the rating's
 * reason (`polarity from the reference list`).
 *
 * Only indicators whose title and polarity are known with confidence are listed; where in doubt an
 * indicator is left out (a missing entry leaves the user's blank polarity to the default, a wrong
 * entry would rate the wrong way). Plain data: no Node, Office or ExcelJS, so the task pane, the
 * runner and the sample generator can all import it.
 */
import { type Polarity } from "./polarity";

/** The four blocks of a Local Area Agreement (2008-11), used as themes and scorecard perspectives. */
export const LAA_BLOCKS = [
  "Children and Young People",
  "Safer and Stronger Communities",
  "Healthier Communities and Older People",
  "Economic Development and Enterprise",
] as const;

/** One of the four LAA blocks. */
export type LaaBlock = (typeof LAA_BLOCKS)[number];

/** Where an entry's title and polarity come from (keys of {@link NI_SOURCES}). */
export type NiSourceKey = "nis-handbook" | "nis-handbook-revised";

/**
 * The documents the entries rest on. They were transcribed from knowledge of these documents, not
 * checked line by line against a copy during this session (no network here): treat a disagreement
 * with the published handbook as a bug in this list.
 */
export const NI_SOURCES: Readonly<Record<NiSourceKey, string>> = {
  "nis-handbook":
    "Communities and Local Government (2008), National Indicators for Local Authorities and Local Authority Partnerships: Handbook of Definitions; indicator list as published in CLG (October 2007), The New Performance Framework for Local Authorities and Local Authority Partnerships: Single Set of National Indicators. Polarity from the handbook's statement of what good performance is.",
  "nis-handbook-revised":
    "As nis-handbook, with the title as revised in the 2008-09 updates of the handbook (the 2007 list used an earlier wording).",
};

/** One indicator of the reference list. */
export interface NiReferenceEntry {
  /** Canonical code, e.g. "NI 16". */
  readonly code: string;
  readonly title: string;
  /** The LAA block the indicator usually sat in. */
  readonly theme: LaaBlock;
  readonly polarity: Polarity;
  readonly source: NiSourceKey;
}

const CYP: LaaBlock = "Children and Young People";
const SSC: LaaBlock = "Safer and Stronger Communities";
const HCOP: LaaBlock = "Healthier Communities and Older People";
const EDE: LaaBlock = "Economic Development and Enterprise";

function entry(n: number, title: string, theme: LaaBlock, polarity: Polarity, source: NiSourceKey = "nis-handbook"): NiReferenceEntry {
  return { code: `NI ${n}`, title, theme, polarity, source };
}

/** The reference list, in code order. */
export const NI_REFERENCE: readonly NiReferenceEntry[] = [
  entry(1, "% of people who believe people from different backgrounds get on well together in their local area", SSC, "higher"),
  entry(2, "% of people who feel that they belong to their neighbourhood", SSC, "higher"),
  entry(4, "% of people who feel they can influence decisions in their locality", SSC, "higher"),
  entry(5, "Overall/general satisfaction with local area", SSC, "higher"),
  entry(6, "Participation in regular volunteering", SSC, "higher"),
  entry(8, "Adult participation in sport and active recreation", HCOP, "higher"),
  entry(15, "Serious violent crime rate", SSC, "lower"),
  entry(16, "Serious acquisitive crime rate", SSC, "lower"),
  entry(17, "Perceptions of anti-social behaviour", SSC, "lower"),
  entry(19, "Rate of proven re-offending by young offenders", SSC, "lower"),
  entry(20, "Assault with injury crime rate", SSC, "lower"),
  entry(21, "Dealing with local concerns about anti-social behaviour and crime by the local council and police", SSC, "higher"),
  entry(32, "Repeat incidents of domestic violence", SSC, "lower"),
  entry(39, "Rate of hospital admissions per 100,000 for alcohol related harm", HCOP, "lower", "nis-handbook-revised"),
  entry(40, "Number of drug users recorded as being in effective treatment", SSC, "higher", "nis-handbook-revised"),
  entry(47, "People killed or seriously injured in road traffic accidents", SSC, "lower"),
  entry(48, "Children killed or seriously injured in road traffic accidents", SSC, "lower"),
  entry(55, "Obesity among primary school age children in Reception Year", CYP, "lower"),
  entry(56, "Obesity among primary school age children in Year 6", CYP, "lower"),
  entry(59, "Percentage of initial assessments for children's social care carried out within 7 working days of referral", CYP, "higher"),
  entry(72, "Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of the scales in Personal Social and Emotional Development and Communication, Language and Literacy", CYP, "higher"),
  entry(73, "Achievement at level 4 or above in both English and Maths at Key Stage 2 (Threshold)", CYP, "higher"),
  entry(75, "Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths (Threshold)", CYP, "higher"),
  entry(87, "Secondary school persistent absence rate", CYP, "lower"),
  entry(92, "Narrowing the gap between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest", CYP, "lower"),
  entry(93, "Progression by 2 levels in English between Key Stage 1 and Key Stage 2", CYP, "higher"),
  entry(94, "Progression by 2 levels in Maths between Key Stage 1 and Key Stage 2", CYP, "higher"),
  entry(110, "Young people's participation in positive activities", CYP, "higher"),
  entry(111, "First time entrants to the Youth Justice System aged 10-17", CYP, "lower"),
  entry(112, "Under 18 conception rate", CYP, "lower"),
  entry(116, "Proportion of children in poverty", CYP, "lower"),
  entry(117, "16 to 18 year olds who are not in education, training or employment (NEET)", CYP, "lower"),
  entry(119, "Self-reported measure of people's overall health and wellbeing", HCOP, "higher"),
  entry(120, "All-age all cause mortality rate", HCOP, "lower"),
  entry(121, "Mortality rate from all circulatory diseases at ages under 75", HCOP, "lower"),
  entry(122, "Mortality from all cancers at ages under 75", HCOP, "lower"),
  entry(123, "Stopping smoking", HCOP, "higher", "nis-handbook-revised"),
  entry(125, "Achieving independence for older people through rehabilitation/intermediate care", HCOP, "higher"),
  entry(130, "Social care clients receiving Self Directed Support per 100,000 population", HCOP, "higher"),
  entry(136, "People supported to live independently through social services (all adults)", HCOP, "higher"),
  entry(151, "Overall employment rate (working-age)", EDE, "higher"),
  entry(152, "Working age people on out of work benefits", EDE, "lower"),
  entry(153, "Working age people claiming out of work benefits in the worst performing neighbourhoods", EDE, "lower"),
  entry(154, "Net additional homes provided", EDE, "higher"),
  entry(155, "Number of affordable homes delivered (gross)", EDE, "higher"),
  entry(156, "Number of households living in temporary accommodation", EDE, "lower"),
  entry(163, "Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 2 or higher", EDE, "higher"),
  entry(164, "Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 3 or higher", EDE, "higher"),
  entry(165, "Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 4 or higher", EDE, "higher"),
  entry(166, "Median earnings of employees in the area", EDE, "higher"),
  entry(167, "Congestion - average journey time per mile during the morning peak", EDE, "lower"),
  entry(171, "New business registration rate", EDE, "higher"),
  entry(177, "Local bus and light rail passenger journeys originating in the authority area", EDE, "higher"),
  entry(186, "Per capita reduction in CO2 emissions in the LA area", SSC, "higher"),
  entry(191, "Residual household waste per household", SSC, "lower"),
  entry(192, "Percentage of household waste sent for reuse, recycling and composting", SSC, "higher"),
  entry(195, "Improved street and environmental cleanliness", SSC, "lower"),
];

/** The words a rating's reason uses when the polarity came from this list. */
export const POLARITY_FROM_REFERENCE = "polarity from the reference list";

/** The one code in NI 1..NI 199 that was withdrawn from the set before it was used. */
export const WITHDRAWN_NI_CODES: readonly number[] = [31];

const CODE_PATTERN = /^NI[\s-]*([1-9]\d{0,2})$/i;

/**
 * Reads a National Indicator code as analysts type it ("NI 16", "ni16", "NI-16", " NI  16 ") and
 * returns it in the canonical form "NI 16"; undefined for anything else, for numbers outside
 * 1..199, for leading zeros ("NI 016") and for the withdrawn NI 31.
 *
 * @example normaliseNiCode("ni16") // => "NI 16"
 * @example normaliseNiCode("NI 31") // => undefined
 * @example normaliseNiCode("NI 200") // => undefined
 */
export function normaliseNiCode(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const m = CODE_PATTERN.exec(raw.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 1 || n > 199 || WITHDRAWN_NI_CODES.includes(n)) return undefined;
  return `NI ${n}`;
}

/**
 * True when the text is a National Indicator code of the 2008 set: NI 1 to NI 199 except NI 31.
 *
 * @example isValidNiCode("NI 192") // => true
 * @example isValidNiCode("NI 31") // => false
 * @example isValidNiCode("LI 3") // => false
 */
export function isValidNiCode(code: unknown): boolean {
  return normaliseNiCode(code) !== undefined;
}

const BY_CODE: ReadonlyMap<string, NiReferenceEntry> = new Map(NI_REFERENCE.map((e) => [e.code, e]));

/**
 * The reference entry for a code (any spelling {@link normaliseNiCode} accepts), or undefined when the
 * code is not valid or not on the list.
 *
 * @example lookupNiReference("NI16")?.polarity // => "lower"
 * @example lookupNiReference("NI 31") // => undefined
 */
export function lookupNiReference(code: unknown): NiReferenceEntry | undefined {
  const canonical = normaliseNiCode(code);
  return canonical === undefined ? undefined : BY_CODE.get(canonical);
}

/** The polarity to rate with, and whether it came from the reference list. */
export interface ReferencePolarity {
  readonly polarity: Polarity;
  /** True when the cell was blank and the reference list supplied the polarity. */
  readonly fromReference: boolean;
}

/**
 * Fills a blank polarity from the reference list. A non-blank cell is never overridden:
 * it returns undefined here so the caller reads it with `parsePolarity` as usual. A blank cell with
 * a listed code gives the list's polarity and `fromReference: true` (the reason then says
 * {@link POLARITY_FROM_REFERENCE}); a blank cell without one gives undefined, leaving the default.
 *
 * @example polarityFromReference("NI 16", "") // => { polarity: "lower", fromReference: true }
 * @example polarityFromReference("NI 16", "Higher is better") // => undefined
 */
export function polarityFromReference(code: unknown, rawPolarity: unknown): ReferencePolarity | undefined {
  const blank = rawPolarity === null || rawPolarity === undefined || (typeof rawPolarity === "string" && rawPolarity.trim() === "");
  if (!blank) return undefined;
  const found = lookupNiReference(code);
  return found ? { polarity: found.polarity, fromReference: true } : undefined;
}
