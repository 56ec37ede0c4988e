import * as path from "node:path";
import type ExcelJS from "exceljs";
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { parsePolarity } from "../../src/core/polarity";
import { ANYCITY_INDICATORS } from "../../src/samples/anycity";
import { SAMPLE_FILES } from "../../src/samples/generate";
import { REGION_AREAS, REGION_HEADERS, REGION_INDICATORS, REGION_PERIODS, REGION_SHEET_NAME } from "../../src/samples/region";
import { regionRateInterval } from "../../src/samples/region-ci";
import { periodEnd } from "./period-labels";
import { SAMPLES_DIR, openWorkbook, sheetRows } from "./xlsx-helpers";

type Row = Record<string, unknown>;

describe("regional community safety workbook", () => {
  let rows: Row[];
  let headers: string[];
  beforeAll(async () => {
    const wb = await openWorkbook(path.join(SAMPLES_DIR, SAMPLE_FILES.region));
    const grid = sheetRows(wb.getWorksheet(REGION_SHEET_NAME) as ExcelJS.Worksheet);
    headers = grid[0] as string[];
    rows = grid.slice(1).map((r) => Object.fromEntries(headers.map((h, c) => [h, r[c]])));
  });

  it("is in the long layout: one row per indicator, area and financial year", () => {
    expect(rows).toHaveLength(REGION_INDICATORS.length * REGION_AREAS.length * REGION_PERIODS.length);
    const keys = new Set(rows.map((r) => `${r["Indicator ID"]}|${r["Area Code"]}|${r["Time period"]}`));
    expect(keys.size).toBe(rows.length);
    expect(new Set(rows.map((r) => r["Area Name"])).size).toBe(12);
  });

  it("labels periods as financial years (docs/methods.md#polarity), three of them", () => {
    const periods = [...new Set(rows.map((r) => r["Time period"] as string))];
    expect(periods).toHaveLength(3);
    for (const p of periods) expect(periodEnd(p)).toBeDefined();
  });

  it("uses area codes in a range no real area has, as the notes sheet says", () => {
    for (const r of rows) expect(r["Area Code"]).toMatch(/^E060990(0[1-9]|1[0-2])$/);
  });

  it("gives each value as count over denominator times the indicator's multiplier", () => {
    for (const r of rows) {
      const ind = REGION_INDICATORS.find((i) => i.id === r["Indicator ID"])!;
      expect(r.Value).toBeCloseTo(((r.Count as number) / (r.Denominator as number)) * ind.multiplier, 9);
      expect(Number.isInteger(r.Count)).toBe(true);
    }
  });

  it("has one England value per indicator and year, and polarity words the core reads", () => {
    const england = new Map<string, unknown>();
    for (const r of rows) {
      const key = `${r["Indicator ID"]}|${r["Time period"]}`;
      if (!england.has(key)) england.set(key, r["England value"]);
      expect(r["England value"]).toBe(england.get(key));
      expect(parsePolarity(r.Polarity).ok).toBe(true);
    }
  });

  it("agrees with the Anycity LAA sample for Anycity's NI 16, NI 20 and NI 111 (to the count's rounding)", () => {
    for (const ind of REGION_INDICATORS.filter((i) => i.anycityRef)) {
      const laa = ANYCITY_INDICATORS.find((i) => i.ref === ind.anycityRef)!;
      const expected = [laa.baseline, laa.actuals[0], laa.actuals[1]];
      REGION_PERIODS.forEach((period, y) => {
        const r = rows.find((x) => x["Indicator ID"] === ind.id && x["Area Name"] === "Anycity" && x["Time period"] === period)!;
        const halfCount = (0.5 / (r.Denominator as number)) * ind.multiplier;
        expect(Math.abs((r.Value as number) - expected[y]!)).toBeLessThanOrEqual(halfCount);
      });
    }
  });

  it("includes counts below 10 and from 10 up, so both the exact and the Byars limits are exercised", () => {
    expect(rows.some((r) => (r.Count as number) < 10)).toBe(true);
    expect(rows.some((r) => (r.Count as number) >= 10)).toBe(true);
  });

  it("spreads areas either side of England, so benchmark RAG has Better, Similar and Worse to find", () => {
    const nI16 = rows.filter((r) => r["Indicator ID"] === "NI 16" && r["Time period"] === "2009/10");
    expect(nI16.some((r) => (r.Value as number) > (r["England value"] as number) * 1.1)).toBe(true);
    expect(nI16.some((r) => (r.Value as number) < (r["England value"] as number) * 0.9)).toBe(true);
  });

  it("has 95% limits that agree with docs/methods.md#confidence-intervals's formulas worked here independently (exact below 10, Byars from 10)", () => {
    // docs/methods.md#confidence-intervals: exact limits chisq((1-level)/2, 2x)/2 and chisq((1+level)/2, 2x+2)/2 below 10
    // events; Byars x(1 - 1/(9x) - z/(3 sqrt x))^3 and (x+1)(1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3 from 10;
    // both divided by the denominator and times the multiplier.
    expect(headers).toContain("Lower CI 95.0 limit");
    const z = normalQuantile(0.975, 0, 1);
    for (const r of rows) {
      const x = r.Count as number;
      const ind = REGION_INDICATORS.find((i) => i.id === r["Indicator ID"])!;
      const scale = ind.multiplier / (r.Denominator as number);
      const lower = x < 10 ? (x === 0 ? 0 : chisquareQuantile(0.025, 2 * x) / 2) : x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
      const upper = x < 10 ? chisquareQuantile(0.975, 2 * x + 2) / 2 : (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
      expect(Math.abs((r["Lower CI 95.0 limit"] as number) - lower * scale)).toBeLessThanOrEqual(1e-9 * lower * scale);
      expect(Math.abs((r["Upper CI 95.0 limit"] as number) - upper * scale)).toBeLessThanOrEqual(1e-9 * upper * scale);
    }
  });

  it("takes its 95% confidence limits from the core's rate interval", () => {
    for (const h of REGION_HEADERS.filter((x) => x.includes("CI 95.0"))) expect(headers).toContain(h);
    for (const r of rows) {
      const ind = REGION_INDICATORS.find((i) => i.id === r["Indicator ID"])!;
      const ci = regionRateInterval(r.Count as number, r.Denominator as number, ind.multiplier);
      expect(r["Lower CI 95.0 limit"]).toBe(ci.lower);
      expect(r["Upper CI 95.0 limit"]).toBe(ci.upper);
      expect(r["Lower CI 95.0 limit"] as number).toBeLessThan(r.Value as number);
      expect(r["Upper CI 95.0 limit"] as number).toBeGreaterThan(r.Value as number);
    }
  });
});
