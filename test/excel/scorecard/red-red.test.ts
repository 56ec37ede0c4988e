/**
 * Red-reds on the scorecard sheets (docs/methods.md#recent-trend, #benchmark-level): a long table of the
 * public health profiles' shape (England as rows), figures invented so that every expected number is
 * worked by hand below. Each area's 95% limits are its value +/- 3.92, i.e. a standard error of 2
 * (3.92 / 1.96), the same every year, so the recent trend's weighted slope has equal weights:
 *   over t = 1..5 with w = 1/4: s1 = 1.25, s3 = 3.75, s5 = 13.75, d = s1 s5 - s3^2 = 3.125,
 *   SE(slope) = sqrt(s1 / d) = sqrt(0.4) = 0.6325, and chi2 = (slope / 0.6325)^2 = 2.5 x slope^2.
 * England is 100 every year. Lower is better (a rate of illness).
 *   AREA A 110, 115, 120, 125, 130: latest 130 (126.08 to 133.92) is above 100, so Worse; slope 5,
 *          chi2 62.5 > 9.5495: "Increasing and getting worse". A red-red.
 *   AREA B 140, 136, 132, 128, 124: latest 124 (120.08 to 127.92): Worse; slope -4, chi2 40:
 *          "Decreasing and getting better". Red, improving: not a red-red.
 *   AREA C 99, 101, 100, 102, 101: latest 101 (97.08 to 104.92) contains 100: Similar (Amber).
 *   AREA D 98, 100, 102, 104, 106: latest 106 (102.08 to 109.92): Worse at 95%; slope 2, chi2 10 >
 *          9.5495: getting worse, so a red-red at 95%. At 99.8% the half-width is 3.92 x 3.0902 / 1.96
 *          = 6.1805, lower limit 106 - 6.1805 = 99.82 < 100: Similar, so not a red-red at 99.8%.
 */
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "../../../src/core/rules/types";
import { planSource, type RateSnapshot } from "../../../src/excel/rate-plan";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../../src/excel/settings-schema";
import { buildEntries, grouping } from "../../../src/excel/scorecard/entries";
import { exceptionsSheet, scorecardSheet, trendsSheet, type BuildInput } from "../../../src/excel/scorecard/sheets";
import { buildScorecard } from "../../../src/excel/scorecard";
import { tableApi } from "../fixtures";
import { cells, header } from "./helpers";

const YEARS = ["2013", "2014", "2015", "2016", "2017"];
const SERIES: Record<string, readonly number[]> = {
  E92000001: [100, 100, 100, 100, 100],
  A: [110, 115, 120, 125, 130],
  B: [140, 136, 132, 128, 124],
  C: [99, 101, 100, 102, 101],
  D: [98, 100, 102, 104, 106],
};
const NAMES: Record<string, string> = { E92000001: "England", A: "Area A", B: "Area B", C: "Area C", D: "Area D" };
const HEADER = ["Indicator ID", "Indicator Name", "Polarity", "Area Code", "Area Name", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit"];

function rows(series: Record<string, readonly number[]> = SERIES): unknown[][] {
  const out: unknown[][] = [HEADER];
  for (const [code, values] of Object.entries(series)) {
    values.forEach((v, i) => out.push([93356, "Illness rate per 100,000", "Lower is better", code, NAMES[code], YEARS[i], v, v - 3.92, v + 3.92]));
  }
  return out;
}

function input(values: unknown[][], rules: Partial<RuleSettings> = {}): BuildInput {
  const settings = { ...DEFAULT_WORKBOOK_SETTINGS, rules: { ...DEFAULT_RULE_SETTINGS, preset: "benchmark" as const, ...rules } };
  const snapshot: RateSnapshot = {
    sheet: "Data", selection: { top: 1, left: 0, bottom: 1, right: 0 }, used: { top: 0, left: 0, bottom: values.length - 1, right: HEADER.length - 1 }, values,
    hiddenRows: new Set(), tableName: null, tableBox: null, named: null, settings, warnings: [], records: [],
  };
  const rated = planSource(snapshot);
  const group = grouping(rated.computed.rated);
  return { entries: buildEntries(rated.computed.rated, group, [], new Map()), group, settings, sourceText: "Data", asAt: rated.computed.asAt, builtOn: "2026-12-03", snapshotDate: null };
}

describe("the Exception report leads with the red-reds", () => {
  it("puts A and D (worse than England and getting worse) first, marked Red-red, then B (Red but improving), then C (Amber)", () => {
    const spec = exceptionsSheet(input(rows()));
    const values = spec.blocks.flatMap((b) => b.values.map((r, i) => ({ row: b.row + i, r })));
    const head = values.find((v) => v.r[0] === "Code")!.r;
    const body = values.filter((v) => v.row > 6).map((v) => v.r);
    const col = (name: string) => head.indexOf(name);
    expect(head).toContain("Red-red");
    expect(body.map((r) => r[col("Area")])).toEqual(["Area A", "Area D", "Area B", "Area C"]);
    expect(body.map((r) => r[col("Red-red")])).toEqual(["Red-red", "Red-red", "", ""]);
    expect(body.map((r) => r[col("Recent trend")])).toEqual(["Increasing and getting worse", "Increasing and getting worse", "Decreasing and getting better", "No significant change"]);
    expect(body.map((r) => r[col("Status")])).toEqual(["Red", "Red", "Red", "Amber"]);
    expect(String(spec.blocks[1].values[3][0])).toBe("2 red-reds (significantly worse than the benchmark at 95% and getting worse by the recent trend) first, then 1 other Red and 1 Amber indicators, worst first.");
    expect(spec.textFills?.[0]).toMatchObject({ range: { col: col("Red-red"), rows: 4 }, words: ["Red-red"] });
  });

  it("at 99.8% D is only similar to England (lower limit 106 - 6.1805 = 99.82), so A is the one red-red", () => {
    const built = input(rows(), { benchmarkLevel: 99.8 });
    const d = built.entries.find((e) => e.area === "Area D")!;
    expect(d.benchmarkTrend).toEqual({ comparison: "Similar", trend: "Increasing and getting worse", redRed: false });
    expect(d.status).toBe("Amber");
    expect(d.rating.reason).toBe("Actual 106.0 for 2017 (99.8% limits 99.82 to 112.2, from the 95% limits with the same standard error) is similar to the benchmark 100.0");
    expect(built.entries.filter((e) => e.redRed).map((e) => e.area)).toEqual(["Area A"]);
  });

  it("is unchanged without a benchmark: no Red-red column and the old summary line", () => {
    const noEngland = rows({ A: SERIES.A, B: SERIES.B });
    const spec = exceptionsSheet(input(noEngland, { preset: "tolerance" }));
    const head = spec.blocks.find((b) => b.values[0][0] === "Code")!.values[0];
    expect(head).not.toContain("Red-red");
    expect(spec.textFills).toBeUndefined();
  });
});

describe("the Scorecard counts red-reds per perspective", () => {
  it("has a Red-red column after Status: 2 of the 4 areas (A, D)", () => {
    const spec = scorecardSheet(input(rows()));
    const summary = spec.blocks.find((b) => b.values[0].includes("Red-red"))!;
    const head = summary.values[0];
    const after = spec.blocks.filter((b) => b.row > summary.row && b.row <= summary.row + 6 && b.col === summary.col);
    const at = head.indexOf("Red-red");
    expect(head[at - 1]).toBe("Status");
    // Grouped by area (no perspective column): one red-red in Area A's row and Area D's, 2 overall.
    const lines = after.flatMap((b) => b.values);
    expect(lines.map((r) => [r[0], r[at]])).toEqual([["Area A", 1], ["Area B", 0], ["Area C", 0], ["Area D", 1], ["Overall", 2]]);
  });
});

describe("Trends charts draw the benchmark and the 95% limits", () => {
  it("adds England's value each year and the lower and upper limits as lines without markers", () => {
    const spec = trendsSheet(input(rows()));
    const chart = spec.charts[0];
    const names = spec.blocks.filter((b) => b.row > chart.source.row && b.row < chart.source.row + chart.source.rows).flatMap((b) => b.values.map((r) => r[0]));
    expect(names).toEqual(["Actual", "Benchmark", "Lower 95% limit", "Upper 95% limit"]);
    expect(chart.source.rows).toBe(5);
    expect(chart.seriesMarkers).toEqual([true, true, false, false]);
    const block = spec.blocks.find((b) => b.row === chart.source.row + 1)!;
    // Area A: 110 - 3.92 = 106.08 in 2013, 130 + 3.92 = 133.92 in 2017; England 100 every year.
    expect(block.values[1]).toEqual(["Benchmark", 100, 100, 100, 100, 100]);
    expect(block.values[2][1]).toBeCloseTo(106.08, 10);
    expect(block.values[3][5]).toBeCloseTo(133.92, 10);
  });
});

describe("Build scorecard (emulator)", () => {
  it("writes the red-reds first on the Exception report and counts them on the Scorecard", async () => {
    const api = await tableApi(rows(), "benchmark");
    await api.run((context) => buildScorecard(context, { today: "2026-12-03" }));
    const ex = cells(api, "Exception report") as (string | number)[][];
    const h = header(ex, "Code", "Red-red", "Recent trend");
    const body = ex.slice(h.row + 1).filter((r) => r[0] !== null && r[0] !== "");
    expect(body.map((r) => [r[h.col("Area")], r[h.col("Red-red")]])).toEqual([["Area A", "Red-red"], ["Area D", "Red-red"], ["Area B", null], ["Area C", null]]);
    const sc = cells(api, "Scorecard") as (string | number)[][];
    const s = header(sc, "Status", "Red-red");
    const overall = sc.find((r) => r[1] === "Overall")!;
    expect(overall[s.col("Red-red")]).toBe(2);
  });
});

describe("the Trends numbers", () => {
  it("show the limits with their own two decimals (106.08) though Area A's values are whole", () => {
    const spec = trendsSheet(input(rows()));
    const chart = spec.charts[0];
    const block = spec.blocks.find((b) => b.row === chart.source.row + 1)!;
    expect(block.formats.map((r) => r[1])).toEqual(["#,##0", "#,##0", "#,##0.00", "#,##0.00"]);
  });
});

describe("a table with benchmarks and series but no red-red", () => {
  it("says so on the Exception report and counts 0 on the Scorecard (B is Red but improving, C similar)", () => {
    const built = input(rows({ E92000001: SERIES.E92000001, B: SERIES.B, C: SERIES.C }));
    const spec = exceptionsSheet(built);
    expect(String(spec.blocks[1].values[3][0])).toBe("No red-reds (significantly worse than the benchmark at 95% and getting worse by the recent trend); 1 Red and 1 Amber indicators, worst first.");
    const summary = scorecardSheet(built).blocks.find((b) => b.values[0][0] === "Overall")!;
    expect(summary.values[0][summary.values[0].length - 1]).toBe(0);
  });
});
