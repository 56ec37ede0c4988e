import JSZip from "jszip";
import { chartSpecs, saveXlsx } from "../../../src/emulator/xlsx";
import { addChartsToXlsx } from "../../../src/emulator/xlsx-charts";
import { buildScorecard } from "../../../src/excel/scorecard";
import { tableApi } from "../fixtures";
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
