import JSZip from "jszip";
import { chartSpecs, saveXlsx } from "../../../src/emulator/xlsx";
import { addChartsToXlsx } from "../../../src/emulator/xlsx-charts";
import { buildScorecard } from "../../../src/excel/scorecard";
import { openSample, tableApi } from "../fixtures";
import { SAMPLE_FILES } from "../../../src/samples/generate";
import { MONTHLY_INDICATORS } from "../../../src/samples/anycity-monthly";
import { cells, header, rowOf } from "./helpers";

// The SPC summary and SPC charts sheets of Build scorecard (docs/methods.md#spc). Every expected number is
// worked by hand below from the series the test types in; the colours are Making Data Count's (blue
// improvement, orange concern) as the sheets name them.

/** 20 quarter labels, Q1 2005/06 to Q4 2009/10. */
const QUARTERS = [2005, 2006, 2007, 2008, 2009].flatMap((y) => [1, 2, 3, 4].map((q) => `Q${q} ${y}/${String((y + 1) % 100).padStart(2, "0")}`));

/**
 * 10, 11 alternating, with point 10 (index 9) raised to 30 and point 11 (index 10) lowered to -9.
 * Hand calculation: sum = 210 - 11 - 10 + 30 - 9 = 210, mean 10.5. Moving ranges: 16 of 1 and 20, 39, 20;
 * their mean 95 / 19 = 5, screen 3.267 x 5 = 16.335 drops 20, 39, 20, so the mean moving range is 1.
 * Limits 10.5 -/+ 2.66 = 7.84 and 13.16 (near limits 8.73, 12.27: no 10 or 11 is beyond them). 30 is
 * above the upper limit, -9 below the lower; 10s and 11s alternate about the mean, so no runs.
 */
const SERIES = QUARTERS.map((_, i) => (i === 9 ? 30 : i === 10 ? -9 : i % 2 === 0 ? 10 : 11));

type Row = (string | number | null)[];
const head = (n: number): Row => ["Code", "Indicator", "Polarity", "Target Q4 2009/10", ...QUARTERS.slice(0, n).map((q) => `Actual ${q}`)];
const row = (code: string, title: string, polarity: string, target: number | null, values: readonly (number | null)[]): Row => [code, title, polarity, target, ...values];

async function build(rows: Row[]) {
  const api = await tableApi(rows);
  const report = await api.run((context) => buildScorecard(context, { today: "2010-03-31" }));
  return { api, report };
}

describe("SPC summary and SPC charts", () => {
  const rows: Row[] = [
    head(20),
    row("UP 1", "Calls answered in 20 seconds (%)", "Higher is better", 5, SERIES),
    row("DOWN 1", "Days to process a claim", "Lower is better", 5, SERIES),
    row("PROV 14", "Fourteen quarters", "Higher is better", null, [...SERIES.slice(0, 9), 11, 10, 11, 10, 11, ...Array(6).fill(null)]),
    row("FULL 15", "Fifteen quarters", "Higher is better", null, [...SERIES.slice(0, 9), 11, 10, 11, 10, 11, 10, ...Array(5).fill(null)]),
    row("ONE 1", "Only one quarter", "Higher is better", null, [...Array(19).fill(null), 12]),
  ];

  it("adds the SPC summary and SPC charts sheets after Trends", async () => {
    const { report } = await build(rows);
    expect(report.sheets).toEqual(["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts"]);
  });

  it("gives the hand-worked mean and process limits, the words of both polarities and their icons", async () => {
    const { api } = await build(rows);
    const v = cells(api, "SPC summary");
    const h = header(v, "Code", "Variation", "Assurance", "Mean", "Lower process limit", "Upper process limit", "Points", "Provisional");
    const up = rowOf(v, "UP 1", h.row);
    const down = rowOf(v, "DOWN 1", h.row);
    for (const r of [up, down]) {
      expect(v[r][h.col("Mean")]).toBeCloseTo(10.5, 12);
      expect(v[r][h.col("Lower process limit")]).toBeCloseTo(7.84, 12);
      expect(v[r][h.col("Upper process limit")]).toBeCloseTo(13.16, 12);
      expect(v[r][h.col("Points")]).toBe(20);
      expect(v[r][h.col("Provisional")]).toBeNull(); // 20 points, not fewer than 15
      expect(v[r][h.col("Latest value")]).toBe(11);
      expect(v[r][h.col("Latest period")]).toBe("Q4 2009/10");
      expect(v[r][h.col("Variation")]).toBe("Common cause"); // the latest point, 11, is inside the limits
      expect(v[r][h.col("Variation") - 1]).toBe("\u2013");
    }
    // Target 5 is below the lower limit 7.84: the whole range is above it.
    expect(v[up][h.col("Assurance")]).toBe("Consistently passing"); // higher is better
    expect(v[up][h.col("Assurance") - 1]).toBe("P");
    expect(v[down][h.col("Assurance")]).toBe("Consistently failing"); // lower is better
    expect(v[down][h.col("Assurance") - 1]).toBe("F");
    // Icons are symbols on a fill that follows the word beside them: blue passing, orange failing, grey
    // common cause (Making Data Count's colours), by conditional formats over the icon column.
    const sheet = api.workbook.sheetByName("SPC summary")!;
    const rules = sheet.conditionalFormats.filter((cf) => cf.type === "Custom").map((cf) => [cf.rect.col, cf.rect.row, cf.rect.rowCount, cf.customFormula, cf.format.fill]);
    const icon = h.col("Assurance") - 1;
    const word = (col: number) => String.fromCharCode(65 + col);
    expect(rules).toContainEqual([icon, h.row + 1, 4, `=$${word(icon + 1)}${h.row + 2}="Consistently passing"`, "#00B0F0"]);
    expect(rules).toContainEqual([icon, h.row + 1, 4, `=$${word(icon + 1)}${h.row + 2}="Consistently failing"`, "#E46C0A"]);
    const vIcon = h.col("Variation") - 1;
    expect(rules).toContainEqual([vIcon, h.row + 1, 4, `=$${word(vIcon + 1)}${h.row + 2}="Common cause"`, "#A6A6A6"]);
    expect(rules).toContainEqual([vIcon, h.row + 1, 4, `=OR($${word(vIcon + 1)}${h.row + 2}="Special cause high",$${word(vIcon + 1)}${h.row + 2}="Special cause low")`, "#7030A0"]);
    expect(v[4][0]).toMatch(/^Variation: is the latest value ordinary ups and downs/);
  });

  it("colours the point above the upper limit blue and the one below the lower limit orange when higher is better, and the other way round when lower is better", async () => {
    const { api } = await build(rows);
    const specs = chartSpecs(api.workbook).specs.filter((s) => s.sheetName === "SPC charts");
    const t = cells(api, "SPC charts");
    const upChart = specs.find((s) => s.title?.startsWith("UP 1"))!;
    const downChart = specs.find((s) => s.title?.startsWith("DOWN 1"))!;
    // Points 1 to 9 keep the series' colour (null); the list ends at the last coloured point.
    const expected = (at9: string, at10: string) => [...Array(9).fill(null), at9, at10];
    expect(upChart.series[0].pointColours).toEqual(expected("00B0F0", "E46C0A"));
    expect(downChart.series[0].pointColours).toEqual(expected("E46C0A", "00B0F0"));
    // Values, mean, lower and upper limits and the target as separate series; only the values have markers.
    const top = rowOf(t, "UP 1");
    // The block: label, title, a header row, then one row per period with the value, mean, limits and target.
    const h = top + 2;
    expect(upChart.series.map((s) => s.name)).toEqual(["B", "C", "D", "E", "F"].map((col) => ({ ref: `'SPC charts'!$${col}$${h + 1}` })));
    expect(t[h].slice(0, 6)).toEqual(["Period", "Value", "Mean", "Lower process limit", "Upper process limit", "Target"]);
    const body = t.slice(h + 1, h + 21);
    expect(body.map((r) => r[0])).toEqual(QUARTERS);
    expect(body.map((r) => r[1])).toEqual(SERIES);
    for (const r of body) {
      expect(r[2]).toBeCloseTo(10.5, 12);
      expect(r[3]).toBeCloseTo(7.84, 12);
      expect(r[4]).toBeCloseTo(13.16, 12);
      expect(r[5]).toBe(5);
    }
    expect(upChart.series.map((s) => s.markers ?? true)).toEqual([true, false, false, false, false]);
    expect(upChart.kind).toBe("line");
  });

  it("writes the coloured points into the saved file as marker fills of the values series", async () => {
    const { api } = await build(rows);
    const zip = await JSZip.loadAsync(await saveXlsx(api.workbook, { writeCharts: addChartsToXlsx }));
    const parts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async("string")));
    const up = parts.find((x) => x.includes("UP 1 Calls answered") && x.includes("'SPC charts'!"))!;
    const firstSeries = up.slice(up.indexOf("<c:ser>"), up.indexOf("</c:ser>"));
    expect(firstSeries).toContain(`<c:dPt><c:idx val="9"/><c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr><a:solidFill><a:srgbClr val="00B0F0"/>`);
    expect(firstSeries).toContain(`<c:dPt><c:idx val="10"/><c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr><a:solidFill><a:srgbClr val="E46C0A"/>`);
    expect(firstSeries.match(/<c:dPt>/g)).toHaveLength(2);
    const meanSeries = up.split("<c:ser>")[2];
    expect(meanSeries).toContain(`<c:marker><c:symbol val="none"/></c:marker>`);
  });

  it("marks a chart of 14 points provisional and one of 15 not", async () => {
    const { api } = await build(rows);
    const v = cells(api, "SPC summary");
    const h = header(v, "Code", "Points", "Provisional");
    expect(v[rowOf(v, "PROV 14", h.row)].slice(h.col("Points"), h.col("Points") + 2)).toEqual([14, "Provisional"]);
    expect(v[rowOf(v, "FULL 15", h.row)].slice(h.col("Points"), h.col("Points") + 2)).toEqual([15, null]);
  });

  it("lists an indicator with too few points at the end with the reason, and draws no chart for it", async () => {
    const { api } = await build(rows);
    const v = cells(api, "SPC summary");
    const notCharted = rowOf(v, "Not charted");
    expect(rowOf(v, "ONE 1")).toBeGreaterThan(notCharted);
    expect(v[rowOf(v, "ONE 1")].slice(0, 3)).toEqual(["ONE 1", "Only one quarter", "Fewer than 2 points (1 point)"]);
    for (const code of ["UP 1", "DOWN 1", "PROV 14", "FULL 15"]) expect(rowOf(v, code)).toBeLessThan(notCharted);
    const titles = chartSpecs(api.workbook).specs.filter((s) => s.sheetName === "SPC charts").map((s) => s.title?.split(" ").slice(0, 2).join(" "));
    expect(titles).toEqual(["UP 1", "DOWN 1", "PROV 14", "FULL 15"]);
  });

  it("draws at most 60 charts and says how many indicators were left out and why", async () => {
    const many: Row[] = [head(2), ...Array.from({ length: 62 }, (_, i) => row(`PI ${i + 1}`, `Indicator ${i + 1}`, "Higher is better", null, [10, 12]))];
    const { api } = await build(many);
    const specs = chartSpecs(api.workbook).specs.filter((s) => s.sheetName === "SPC charts");
    expect(specs).toHaveLength(60);
    expect(specs[59].title).toBe("PI 60 Indicator 60");
    const t = cells(api, "SPC charts");
    expect(t.flat().filter((x) => typeof x === "string" && x.startsWith("2 indicators are not charted here: the sheet holds the first 60 charts"))).toHaveLength(2);
    // Every one of the 62 is on the summary.
    const v = cells(api, "SPC summary");
    expect(v.filter((r) => typeof r[0] === "string" && r[0].startsWith("PI "))).toHaveLength(62);
  });

  it("builds no SPC sheets when no indicator has 2 points", async () => {
    const { report } = await build([head(1), row("ONE 1", "Only one quarter", "Higher is better", 12, [12])]);
    expect(report.sheets).toEqual(["Scorecard", "Exception report", "Monitoring report", "Trends"]);
  });
});

// Anycity's monthly performance sample (assets/samples/anycity-monthly.xlsx, src/samples/anycity-monthly.ts):
// 8 indicators x 24 months, Apr-08 to Mar-10, so every chart is full length (24 points, not provisional).
describe("SPC sheets of the Anycity monthly sample", () => {
  const build = async () => {
    const api = await openSample(SAMPLE_FILES.monthly, "Monthly performance", "B2");
    await api.run((context) => buildScorecard(context, { today: "2010-04-30" }));
    return api;
  };

  it("gives HR 01 sickness absence the hand-worked mean and process limits, and says it is consistently failing", async () => {
    const api = await build();
    const v = cells(api, "SPC summary");
    const h = header(v, "Code", "Variation", "Assurance", "Mean", "Lower process limit", "Upper process limit", "Points");
    const r = v[rowOf(v, "HR 01", h.row)];
    // The 24 months as the sample holds them (and the test checks it reads them):
    const hr01 = [0.96, 1.03, 0.91, 0.94, 0.86, 0.99, 0.93, 0.96, 0.95, 0.94, 0.95, 1.02, 1.01, 0.94, 0.98, 0.94, 0.87, 1.0, 0.93, 0.94, 0.86, 0.81, 0.9, 0.86];
    expect(MONTHLY_INDICATORS.find((i) => i.ref === "HR 01")!.values).toEqual(hr01);
    // Hand calculation: the values sum to 22.48, so the mean is 22.48 / 24 = 0.936667.
    // Moving ranges: .07 .12 .03 .08 .13 .06 .03 .01 .01 .01 .07 .01 .07 .04 .04 .07 .13 .07 .01 .08 .05 .09 .04,
    // summing to 1.32: mean moving range 1.32 / 23 = 0.0573913. The screen 3.267 x 0.0573913 = 0.1875 drops none
    // (the largest is 0.13). Limits 0.936667 -/+ 2.66 x 0.0573913 = 0.936667 -/+ 0.152661 = 0.784006 and 1.089328.
    expect(r[h.col("Mean")]).toBeCloseTo(0.936667, 6);
    expect(r[h.col("Lower process limit")]).toBeCloseTo(0.784006, 6);
    expect(r[h.col("Upper process limit")]).toBeCloseTo(1.089328, 6);
    expect(r[h.col("Points")]).toBe(24);
    // The latest, 0.86, is inside the limits; the last run below the mean is 4 long (0.86 0.81 0.90 0.86) and only
    // 0.81 is beyond the lower near limit (0.936667 - 2/3 x 0.152661 = 0.834893): common cause. Target 0.70 is
    // below the lower limit and lower is better, so every month the process gives is worse than it.
    expect([r[h.col("Variation")], r[h.col("Assurance")]]).toEqual(["Common cause", "Consistently failing"]);
  });

  it("gives each indicator the variation and assurance its series and target make", async () => {
    const api = await build();
    const v = cells(api, "SPC summary");
    const h = header(v, "Code", "Variation", "Assurance", "Mean", "Lower process limit", "Upper process limit", "Provisional");
    const words = (code: string) => {
      const r = v[rowOf(v, code, h.row)];
      return [r[h.col("Variation") - 1], r[h.col("Variation")], r[h.col("Assurance") - 1], r[h.col("Assurance")], r[h.col("Provisional")]];
    };
    const limits = (code: string) => {
      const r = v[rowOf(v, code, h.row)];
      return [r[h.col("Mean")], r[h.col("Lower process limit")], r[h.col("Upper process limit")]].map((x) => Math.round(Number(x) * 100) / 100);
    };
    // NI 16 (lower is better): every month from Apr-09 (278, 208, ..., 248) is below the mean 279.54: a run of 12
    // on the good side; target 270 is between the limits 207.26 and 351.82.
    expect(limits("NI 16")).toEqual([279.54, 207.26, 351.82]);
    expect(words("NI 16")).toEqual(["\u2193", "Special cause improvement", "?", "Hit and miss", null]);
    // NI 181 (lower is better, falling steadily): the latest, 14.1 days, is below the lower limit 17.22; target 15 is
    // below the whole range 17.22 to 21.41, so the limits say it would be missed (the trend makes them wide of the mark).
    expect(limits("NI 181")).toEqual([19.31, 17.22, 21.41]);
    expect(words("NI 181")).toEqual(["\u2193", "Special cause improvement", "F", "Consistently failing", null]);
    // CS 03 (higher is better): 87.0 inside 83.34 to 91.88; target 80 below the lower limit.
    expect(limits("CS 03")).toEqual([87.61, 83.34, 91.88]);
    expect(words("CS 03")).toEqual(["\u2013", "Common cause", "P", "Consistently passing", null]);
    // WM 02 (lower is better): the latest, 39, inside 31.79 to 63.21; target 65 above the upper limit.
    expect(limits("WM 02")).toEqual([47.5, 31.79, 63.21]);
    expect(words("WM 02")).toEqual(["\u2013", "Common cause", "P", "Consistently passing", null]);
    // BV 8 (higher is better): 94.9 inside 93.25 to 97.75; target 95 inside the limits.
    expect(limits("BV 8")).toEqual([95.5, 93.25, 97.75]);
    expect(words("BV 8")).toEqual(["\u2013", "Common cause", "?", "Hit and miss", null]);
    // NI 131 (lower is better): the latest, 12.9, is above the upper limit 10.00; target 9 inside 6.08 to 10.00.
    expect(limits("NI 131")).toEqual([8.04, 6.08, 10]);
    expect(words("NI 131")).toEqual(["\u2191", "Special cause concern", "?", "Hit and miss", null]);
    // CS 01 (data only, no target): Jul-09 to Mar-10 (439, 466, ..., 480) are all above the mean 421.38, a run of 9.
    expect(limits("CS 01")).toEqual([421.38, 362.16, 480.59]);
    expect(words("CS 01")).toEqual(["\u2191", "Special cause high", null, "No target", null]);
  });

  it("colours WM 02's snow month orange and NI 16's months after the intervention blue", async () => {
    const api = await build();
    const specs = chartSpecs(api.workbook).specs.filter((s) => s.sheetName === "SPC charts");
    expect(specs).toHaveLength(8);
    const colours = (code: string) => specs.find((s) => s.title?.startsWith(`${code} `))!.series[0].pointColours ?? [];
    // WM 02: Jan-10 (index 21), 107 missed collections, is above the upper limit 63.21: a concern, lower being better.
    expect(colours("WM 02")[21]).toBe("E46C0A");
    // NI 16: Apr-09 to Mar-10 (indices 12 to 23) are the run of 12 below the mean: improvements.
    expect(colours("NI 16").slice(12)).toEqual(Array(12).fill("00B0F0"));
    // NI 131: only the latest point, 12.9 above the upper limit 10.00, is coloured (orange).
    expect(colours("NI 131")).toEqual([...Array(23).fill(null), "E46C0A"]);
  });
});
