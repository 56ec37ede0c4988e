/**
 * Rate RAG's planner on a table shaped like a Fingertips all-data export (England and regions are rows,
 * there is no Target, Benchmark or Polarity column; figures invented for the test): the Benchmark
 * rules by default, the benchmark area setting (docs/methods.md#benchmark-area), and the statuses that
 * rest on an assumed polarity, listed for the task pane (docs/methods.md#polarity-assumed).
 */
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { messages } from "../../src/core/messages";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "../../src/core/rules/types";
import { planRateRag, planSource, type RateSnapshot } from "../../src/excel/rate-plan";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../src/excel/settings-schema";

const HEADER = ["Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name", "Area Type", "Sex", "Age",
  "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Compared to England value or percentiles"];
const row = (parent: string, code: string, name: string, type: string, value: number, lower: number, upper: number, verdict: string) =>
  [93356, "Campylobacter incidence rate/100,000", parent, parent === "E92000001" ? "England" : "East Midlands region", code, name, type, "Persons", "All ages", 2015, value, lower, upper, verdict];
const ROWS: unknown[][] = [
  HEADER,
  row("", "E92000001", "England", "Country", 100, 99, 101, "Not compared"),
  row("E92000001", "E12000004", "East Midlands region", "Region", 90, 88, 92, "Better"),
  // 75 to 85 lies below England's 100 and the region's 90: significantly lower, so Better (Green) either way.
  row("E12000004", "E10000007", "Derbyshire", "County & UA", 80, 75, 85, "Better"),
  // 92 to 98 lies below England's 100 (Better, Green) but above the region's 90 (Worse, Red): lower is
  // better, as its own "Better" below England says.
  row("E12000004", "E10000024", "Nottinghamshire", "County & UA", 95, 92, 98, "Better"),
  // 95 to 105 holds England's 100 (Similar, Amber); 90 lies below it (significantly higher than the
  // region). "Similar" says nothing of direction, so its polarity is assumed: higher is better, Green.
  row("E12000004", "E10000018", "Leicestershire", "County & UA", 100, 95, 105, "Similar"),
];

function snapshot(rules: Partial<RuleSettings> = {}): RateSnapshot {
  return {
    sheet: "indicators-CountyUA.data", selection: { top: 1, left: 1, bottom: 1, right: 1 },
    used: { top: 0, left: 0, bottom: ROWS.length - 1, right: HEADER.length - 1 },
    values: ROWS, hiddenRows: new Set(), tableName: null, tableBox: null, named: null,
    settings: { ...DEFAULT_WORKBOOK_SETTINGS, rules: { ...DEFAULT_RULE_SETTINGS, ...rules } }, warnings: [], records: [],
  };
}

const statuses = (rules: Partial<RuleSettings> = {}) => planSource(snapshot(rules)).computed.outputs.map((o) => o[0]);

describe("a Fingertips-shaped table with England as a row and no targets", () => {
  it("is rated against England's row by the Benchmark rules without any settings, and says so", () => {
    const rated = planSource(snapshot());
    expect(rated.settings.rules.preset).toBe("benchmark");
    expect(rated.warnings).toContain(messages.ratedAgainstBenchmarkRows("England"));
    // England and the region are context (Grey); the areas as worked out beside ROWS.
    expect(rated.computed.outputs.map((o) => o[0])).toEqual(["Grey", "Grey", "Green", "Green", "Amber"]);
    expect(rated.computed.nothingRated).toBeNull();
  });

  it("is rated against each area's region when the benchmark area is the region", () => {
    const rated = planSource(snapshot({ benchmarkArea: "region" }));
    expect(rated.warnings).toContain(messages.ratedAgainstBenchmarkRows("each area's region (the row of its Parent Code)"));
    expect(rated.computed.outputs.map((o) => o[0])).toEqual(["Grey", "Grey", "Green", "Red", "Green"]);
    // Nottinghamshire's polarity still comes from its verdict against England (95 below 100, Better).
    expect(rated.computed.outputs[3][OUTPUT_COLUMNS.indexOf("Reason")]).toContain('polarity inferred from "Compared to England"');
  });

  it("is rated against a named area's rows, by code or by name", () => {
    expect(statuses({ benchmarkArea: "E12000004" })).toEqual(["Grey", "Grey", "Green", "Red", "Green"]);
    expect(statuses({ benchmarkArea: "East Midlands region" })).toEqual(["Grey", "Grey", "Green", "Red", "Green"]);
  });

  it("keeps the workbook's rules when it has a Target column", () => {
    const withTarget = ROWS.map((r, i) => [...r, i === 0 ? "Target" : 90]);
    const s = snapshot();
    const rated = planSource({ ...s, values: withTarget, used: { ...s.used!, right: HEADER.length } });
    expect(rated.settings.rules.preset).toBe("tolerance");
    expect(rated.warnings).toEqual([]);
  });
});

describe("statuses that rest on an assumed polarity", () => {
  it("are counted and listed for the task pane, each with its row's cell", () => {
    const { report } = planRateRag(planSource(snapshot()));
    // Only Leicestershire: Derbyshire's and Nottinghamshire's polarity comes from their Better verdicts.
    expect(report.polarityAssumed).toEqual({
      count: 1, hasPolarityColumn: false,
      indicators: [{ sheet: "indicators-CountyUA.data", address: "A6", message: "No Polarity column: rated as if higher is better.", indicatorId: "93356, Leicestershire" }],
    });
  });

  it("are not mentioned when every polarity is known", () => {
    const known = ROWS.map((r, i) => [...r, i === 0 ? "Polarity" : "Lower"]);
    const s = snapshot();
    const { report } = planRateRag(planSource({ ...s, values: known, used: { ...s.used!, right: HEADER.length } }));
    expect(report.polarityAssumed).toBeUndefined();
  });
});
