/**
 * Regional community safety: twelve fictional unitary authorities of one fictional region
 * (Northmoor), three financial years, six indicators, in the long layout of a public health
 * Fingertips download (one row per indicator, area and period). The input for benchmark RAG and
 * the area comparison sheet. Brian, who leads on community safety across the region, works from it.
 *
 * Counts are drawn from a seeded generator (prng.ts, seed {@link REGION_SEED}) around each area's
 * expected rate; Anycity's rows use the values of its own LAA (anycity.ts) so the two samples agree.
 * The England values are illustrative, not the published figures. Confidence limits come from the
 * core's exact/Byars rate interval (DOMAIN.md section 8), passed in so this module stays plain data.
 */
import { ANYCITY_INDICATORS } from "./anycity";
import { mulberry32, normalDraw, poissonDraw } from "./prng";

/** The seed of the regional sample's generator. */
export const REGION_SEED = 20100930;

/** The sheet the regional data lives on. */
export const REGION_SHEET_NAME = "Data";

/** The long-layout header row (Fingertips download column names, plus Polarity and England value). */
export const REGION_HEADERS = [
  "Indicator ID",
  "Indicator Name",
  "Parent Code",
  "Parent Name",
  "Area Code",
  "Area Name",
  "Area Type",
  "Sex",
  "Age",
  "Time period",
  "Value",
  "Lower CI 95.0 limit",
  "Upper CI 95.0 limit",
  "Count",
  "Denominator",
  "Polarity",
  "England value",
] as const;

/** One header of the regional sheet. */
export type RegionHeader = (typeof REGION_HEADERS)[number];

/** A row of the regional sheet by header (missing headers are blank). */
export type RegionRow = Partial<Record<RegionHeader, string | number>>;

/**
 * A 95% confidence interval for a rate: count events over a denominator, times a multiplier
 * (DOMAIN.md section 8, exact Poisson below 10 events, Byars from 10).
 */
export type RateInterval = (count: number, denominator: number, multiplier: number) => { readonly lower: number; readonly upper: number };

/** A fictional area of the region. */
export interface RegionArea {
  readonly code: string;
  readonly name: string;
  /** Mid-2007 population, all ages. */
  readonly population: number;
  /** How much more crime than England it has, on a log scale (0 = England's rate). */
  readonly effect: number;
}

/** The fictional region: codes in a range no real area uses (E0609900x, E1209900x). */
export const REGION_PARENT = { code: "E12099001", name: "Northmoor (fictional region)" } as const;

/** Twelve fictional unitary authorities; Anycity is the handbook's. */
export const REGION_AREAS: readonly RegionArea[] = [
  { code: "E06099001", name: "Anycity", population: 250400, effect: 0.25 },
  { code: "E06099002", name: "Brackenbury", population: 182300, effect: 0.05 },
  { code: "E06099003", name: "Cobbleston", population: 96800, effect: -0.3 },
  { code: "E06099004", name: "Dunmere", population: 141200, effect: -0.12 },
  { code: "E06099005", name: "Eastholme", population: 263900, effect: 0.38 },
  { code: "E06099006", name: "Fairhaven", population: 118500, effect: -0.35 },
  { code: "E06099007", name: "Greyford", population: 205700, effect: 0.16 },
  { code: "E06099008", name: "Hollinsby", population: 154000, effect: 0.0 },
  { code: "E06099009", name: "Ivelmouth", population: 127600, effect: 0.28 },
  { code: "E06099010", name: "Kettlewick", population: 109300, effect: -0.22 },
  { code: "E06099011", name: "Lowmarsh", population: 172800, effect: 0.1 },
  { code: "E06099012", name: "Millbourne", population: 238100, effect: -0.06 },
];

/** The three financial years of data. */
export const REGION_PERIODS = ["2007/08", "2008/09", "2009/10"] as const;

/** A regional indicator: what it counts, per how many, and England's (illustrative) rate per year. */
export interface RegionIndicator {
  readonly id: string;
  readonly name: string;
  readonly age: string;
  /** Fingertips polarity words (accepted by parsePolarity). */
  readonly polarity: "RAG - Low is good" | "RAG - High is good" | "BOB";
  readonly multiplier: number;
  /** Share of the whole population in the denominator (1 = all ages). */
  readonly denominatorShare: number;
  /** Illustrative England rates for the three years. */
  readonly england: readonly [number, number, number];
  /** How strongly the area effect applies (domestic abuse varies less than burglary). */
  readonly effectScale: number;
  /** The Anycity LAA indicator whose actuals Anycity's rows reproduce, if any. */
  readonly anycityRef?: string;
}

/** The six indicators of the regional sample (child road casualties give small counts, so exact limits). */
export const REGION_INDICATORS: readonly RegionIndicator[] = [
  { id: "NI 16", name: "Serious acquisitive crime rate", age: "All ages", polarity: "RAG - Low is good", multiplier: 1000, denominatorShare: 1, england: [16.9, 15.9, 14.6], effectScale: 1, anycityRef: "NI 16" },
  { id: "NI 20", name: "Assault with injury crime rate", age: "All ages", polarity: "RAG - Low is good", multiplier: 1000, denominatorShare: 1, england: [8.2, 7.7, 7.2], effectScale: 0.9, anycityRef: "NI 20" },
  { id: "CS 01", name: "Domestic abuse incidents recorded by the police", age: "All ages", polarity: "BOB", multiplier: 1000, denominatorShare: 1, england: [16.4, 16.9, 17.3], effectScale: 0.6 },
  { id: "CS 02", name: "Anti-social behaviour incidents recorded by the police", age: "All ages", polarity: "RAG - Low is good", multiplier: 1000, denominatorShare: 1, england: [61.2, 58.4, 54.9], effectScale: 0.8 },
  { id: "NI 48", name: "Children killed or seriously injured in road traffic accidents", age: "0-15 yrs", polarity: "RAG - Low is good", multiplier: 100000, denominatorShare: 0.19, england: [31.0, 29.0, 27.5], effectScale: 0.5 },
  { id: "NI 111", name: "First time entrants to the Youth Justice System aged 10-17", age: "10-17 yrs", polarity: "RAG - Low is good", multiplier: 100000, denominatorShare: 0.098, england: [1950, 1470, 1120], effectScale: 0.7, anycityRef: "NI 111" },
];

function anycityActuals(ref: string): readonly [number, number, number] | undefined {
  const i = ANYCITY_INDICATORS.find((x) => x.ref === ref);
  if (!i || i.baseline === null || i.actuals[0] === null || i.actuals[1] === null) return undefined;
  return [i.baseline, i.actuals[0], i.actuals[1]];
}

/**
 * Builds the regional rows: for each indicator, area and year a count (Poisson around the area's
 * expected rate; Anycity's from its LAA values), the denominator (population growing 0.5% a year),
 * the rate, the 95% limits from `interval` (left out when `interval` is null) and England's value.
 *
 * @example buildRegionRows(null).length // => 216
 */
export function buildRegionRows(interval: RateInterval | null): RegionRow[] {
  const random = mulberry32(REGION_SEED);
  const rows: RegionRow[] = [];
  for (const ind of REGION_INDICATORS) {
    const anycity = ind.anycityRef ? anycityActuals(ind.anycityRef) : undefined;
    for (const area of REGION_AREAS) {
      // A little area-by-indicator variation so that areas do not rank identically everywhere.
      const wobble = 0.08 * normalDraw(random);
      REGION_PERIODS.forEach((period, y) => {
        const denominator = Math.round(area.population * Math.pow(1.005, y) * ind.denominatorShare);
        let count: number;
        if (area.name === "Anycity" && anycity) {
          count = Math.round((anycity[y] * denominator) / ind.multiplier);
        } else {
          const rate = ind.england[y] * Math.exp(area.effect * ind.effectScale + wobble);
          count = poissonDraw(random, (rate * denominator) / ind.multiplier);
        }
        const row: RegionRow = {
          "Indicator ID": ind.id,
          "Indicator Name": ind.name,
          "Parent Code": REGION_PARENT.code,
          "Parent Name": REGION_PARENT.name,
          "Area Code": area.code,
          "Area Name": area.name,
          "Area Type": "Unitary authority",
          Sex: "Persons",
          Age: ind.age,
          "Time period": period,
          Value: (count / denominator) * ind.multiplier,
          Count: count,
          Denominator: denominator,
          Polarity: ind.polarity,
          "England value": ind.england[y],
        };
        if (interval) {
          const ci = interval(count, denominator, ind.multiplier);
          row["Lower CI 95.0 limit"] = ci.lower;
          row["Upper CI 95.0 limit"] = ci.upper;
        }
        rows.push(row);
      });
    }
  }
  return rows;
}

/** Column widths (characters) that show each regional column whole. */
export const REGION_COLUMN_WIDTHS: Readonly<Record<RegionHeader, number>> = {
  "Indicator ID": 10, "Indicator Name": 52, "Parent Code": 12, "Parent Name": 28, "Area Code": 12, "Area Name": 14,
  "Area Type": 18, Sex: 9, Age: 10, "Time period": 11, Value: 9, "Lower CI 95.0 limit": 11, "Upper CI 95.0 limit": 11,
  Count: 9, Denominator: 12, Polarity: 19, "England value": 10,
};

/**
 * The number format a regional column is shown with, or undefined for text columns.
 *
 * @example regionNumberFormat("Count") // => "#,##0"
 */
export function regionNumberFormat(header: string): string | undefined {
  if (header === "Count" || header === "Denominator") return "#,##0";
  if (header === "Value" || header.includes("CI 95.0") || header === "England value") return "#,##0.0";
  return undefined;
}

/** The notes sheet of the regional workbook. */
export const REGION_NOTES: readonly string[] = [
  "About this sample: regional community safety indicators",
  "FICTIONAL DATA. The region (Northmoor), its twelve unitary authorities and their codes are invented. The codes E06099001 to E06099012 and E12099001 are in a range no real area uses; do not join them to real geography.",
  "Counts are simulated (seeded generator, seed 20100930) around each area's expected rate; Anycity's rates for NI 16, NI 20 and NI 111 reproduce the Anycity LAA sample. England values are illustrative, not the published figures.",
  "Layout: one row per indicator, area and financial year, with the column names of a public health Fingertips download. Value is the rate: Count / Denominator x 1,000 (per 100,000 aged 0-15 for child road casualties, per 100,000 aged 10-17 for first time entrants).",
  "Lower and upper 95% confidence limits: exact Poisson limits below 10 events, Byars' approximation from 10 (as PHEindicatormethods computes them), computed by the add-in's own calculation core.",
  "Polarity uses Fingertips' words: 'RAG - Low is good'; 'BOB' (no judgement) for domestic abuse incidents, where more reporting is not simply worse.",
  "Made by npm run samples (src/samples/generate.ts); regenerate rather than edit by hand.",
];
