import { messages } from "../../../src/core/messages";
import { benchmarkAreaWords } from "../../../src/core/public-sources";
import { validateRuleSettings } from "../../../src/core/rules/ruleset";
import { rulesForTable, type TableColumns } from "../../../src/core/rules/table-rules";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";

// Which rules a table is rated by (docs/methods.md#benchmark-area): the Benchmark rules by default for
// a table with confidence limits and benchmark rows (a Fingertips export: England is a row, not a
// column) but no Target column; the workbook's rules otherwise. Every case is read off that rule.
const FINGERTIPS: TableColumns = { target: false, lowerCi: true, upperCi: true, benchmark: null, benchmarkRows: "England" };

describe("the rules a table with benchmark rows is rated by", () => {
  it("are the Benchmark rules when it has confidence limits and no targets, and the note says against which rows", () => {
    const chosen = rulesForTable(DEFAULT_RULE_SETTINGS, FINGERTIPS);
    expect(chosen.rules).toEqual({ ...DEFAULT_RULE_SETTINGS, preset: "benchmark" });
    expect(chosen.note).toBe(messages.ratedAgainstBenchmarkRows("England"));
    expect(chosen.note).toContain("benchmark rows, so each value is rated against the value of England for the same indicator, period");
  });

  it("name the region when the region is the benchmark area", () => {
    const chosen = rulesForTable({ ...DEFAULT_RULE_SETTINGS, benchmarkArea: "region" }, { ...FINGERTIPS, benchmarkRows: benchmarkAreaWords("region") });
    expect(chosen.rules.preset).toBe("benchmark");
    expect(chosen.rules.benchmarkArea).toBe("region");
    expect(chosen.note).toContain("the value of each area's region (the row of its Parent Code)");
  });

  it("stay the workbook's when the table has targets, lacks a confidence limit, or other rules were chosen", () => {
    expect(rulesForTable(DEFAULT_RULE_SETTINGS, { ...FINGERTIPS, target: true })).toEqual({ rules: DEFAULT_RULE_SETTINGS, note: null });
    expect(rulesForTable(DEFAULT_RULE_SETTINGS, { ...FINGERTIPS, upperCi: false })).toEqual({ rules: DEFAULT_RULE_SETTINGS, note: null });
    const stretch = { ...DEFAULT_RULE_SETTINGS, preset: "stretch" as const };
    expect(rulesForTable(stretch, FINGERTIPS)).toEqual({ rules: stretch, note: null });
  });

  it("stay the workbook's when no row gives another its benchmark", () => {
    expect(rulesForTable(DEFAULT_RULE_SETTINGS, { ...FINGERTIPS, benchmarkRows: null })).toEqual({ rules: DEFAULT_RULE_SETTINGS, note: null });
    expect(rulesForTable(DEFAULT_RULE_SETTINGS, { target: false, lowerCi: true, upperCi: true, benchmark: null })).toEqual({ rules: DEFAULT_RULE_SETTINGS, note: null });
  });

  it("take a Benchmark column before benchmark rows, and say so by its header", () => {
    const chosen = rulesForTable(DEFAULT_RULE_SETTINGS, { ...FINGERTIPS, benchmark: "England value" });
    expect(chosen.note).toBe(messages.ratedAgainstBenchmark("England value"));
  });
});

describe("the benchmark area setting", () => {
  it("is England by default, so a table rates as it did before the setting existed", () => {
    expect(DEFAULT_RULE_SETTINGS.benchmarkArea).toBe("england");
    expect(benchmarkAreaWords(DEFAULT_RULE_SETTINGS.benchmarkArea)).toBe("England");
    expect(benchmarkAreaWords("E92000001")).toBe("England");
  });

  it("accepts england, region or an area code or name, trimmed", () => {
    for (const area of ["england", "region", "E12000007", "London region"]) {
      const checked = validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, benchmarkArea: area });
      expect(checked.ok && checked.value.benchmarkArea).toBe(area);
    }
    const padded = validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, benchmarkArea: "  E12000007 " });
    expect(padded.ok && padded.value.benchmarkArea).toBe("E12000007");
  });

  it("refuses blank text, a number, a missing value and text longer than an area name, naming the setting", () => {
    for (const bad of ["", "   ", 7, null, "x".repeat(101)]) {
      const checked = validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, benchmarkArea: bad });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.problem.message).toMatch(/^settings\.benchmarkArea must be "england", "region" or an area code or name/);
    }
    const { benchmarkArea: _dropped, ...without } = DEFAULT_RULE_SETTINGS;
    expect(validateRuleSettings(without).ok).toBe(false);
  });
});
