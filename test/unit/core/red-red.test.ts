/**
 * The benchmark comparison level, the recent trend as direction of travel and red-reds in the core
 * (docs/methods.md#benchmark-level, #recent-trend). Every figure is worked by hand in the test.
 */
import { benchmarkTrend, impliedMultiplier, limitsAtLevel, Z95, Z998 } from "../../../src/core/benchmark";
import { directionByMethod } from "../../../src/core/dot";
import { readIndicator, type Indicator, type RawIndicator } from "../../../src/core/indicator";
import { exceptionOrder } from "../../../src/core/rollups";
import { rateIndicator } from "../../../src/core/rules/engine";
import { ruleSetFromSettings, validateRuleSettings } from "../../../src/core/rules/ruleset";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";

const YEARS = ["2013", "2014", "2015", "2016", "2017"];

/** A lower-is-better series with limits value +/- 3.92 (standard error 2) and a benchmark. */
function series(values: readonly number[], benchmark: number | null, extra: Partial<RawIndicator> = {}): Indicator {
  const raw: RawIndicator = {
    id: { value: "93356" }, polarity: { value: "lower" }, benchmark: { value: benchmark }, targets: [],
    actuals: values.map((v, i) => ({ period: YEARS[i], value: { value: v }, lower: { value: v - 3.92 }, upper: { value: v + 3.92 } })),
    ...extra,
  };
  const r = readIndicator(raw);
  expect(r.problems).toEqual([]);
  return r.indicator;
}

describe("limits at 99.8%", () => {
  it("widens each side of the 95% limits by 3.0902 / 1.96 (the same standard error) when there are no counts", () => {
    // 25 (22 to 28): each side 3 = 1.96 SE, so SE 1.5306 and the 99.8% side 3.0902 x 1.5306 = 4.7300.
    const l = limitsAtLevel(25, 22, 28, 99.8)!;
    expect(l.source).toBe("standardError");
    expect(l.lower).toBeCloseTo(25 - 4.7300, 3);
    expect(l.upper).toBeCloseTo(25 + 4.7300, 3);
    expect(Z998 / Z95).toBeCloseTo(1.5767, 4);
  });
  it("keeps the 95% limits as given at 95", () => {
    expect(limitsAtLevel(25, 22, 28, 95)).toEqual({ lower: 22, upper: 28, source: "given" });
  });
  it("uses Byars from the count for a rate per 100,000 (100 events in 100,000)", () => {
    // Byars at z = 3.0902: lower 100 (1 - 1/900 - z/30)^3, upper 101 (1 - 1/909 + z/(3 sqrt 101))^3, per 100,000 x 100,000.
    const z = 3.090232306167813;
    const l = limitsAtLevel(100, 81, 121, 99.8, 100, 100000)!;
    expect(impliedMultiplier(100, 100, 100000)).toBe(100000);
    expect(l.source).toBe("rate");
    expect(l.lower).toBeCloseTo(100 * (1 - 1 / 900 - z / 30) ** 3, 9);
    expect(l.upper).toBeCloseTo(101 * (1 - 1 / 909 + z / (3 * Math.sqrt(101))) ** 3, 9);
  });
  it("uses Wilson's score for a percentage (65 of 100), as PHEindicatormethods' wilson_lower at 99.8% gives 49.549", () => {
    const l = limitsAtLevel(65, 55.25, 73.64, 99.8, 65, 100)!;
    expect(l.source).toBe("proportion");
    expect(l.lower).toBeCloseTo(49.549, 3);
    expect(l.upper).toBeCloseTo(77.835, 3);
  });
  it("is null for limits the wrong way round", () => {
    expect(limitsAtLevel(25, 28, 22, 99.8)).toBeNull();
  });
});

describe("the Benchmark preset at 99.8%", () => {
  const rules998 = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset: "benchmark", benchmarkLevel: 99.8 });
  const rules95 = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset: "benchmark" });
  it("rates 106 (102.08 to 109.92) Red against 100 at 95% but Amber at 99.8% (lower limit 106 - 3.92 x 1.5767 = 99.82)", () => {
    const ind = series([98, 100, 102, 104, 106], 100);
    expect(rateIndicator(ind, rules95).status).toBe("Red");
    expect(rateIndicator(ind, rules95).reason).toBe("Actual 106.0 for 2017 (102.1 to 109.9) is significantly worse than the benchmark 100.0");
    const r = rateIndicator(ind, rules998);
    expect(r.status).toBe("Amber");
    expect(r.reason).toContain("99.8% limits 99.82 to 112.2, from the 95% limits with the same standard error");
  });
});

describe("red-reds: worse than the benchmark and getting worse", () => {
  // Equal weights 1/4 over t = 1..5: SE(slope) = sqrt(1.25 / 3.125) = 0.6325, chi2 = 2.5 x slope^2 (9.5495 needed).
  it("is a red-red when worse (126.08 above 100) and rising with lower better (slope 5, chi2 62.5)", () => {
    expect(benchmarkTrend(series([110, 115, 120, 125, 130], 100), null, 95)).toEqual({ comparison: "Worse", trend: "Increasing and getting worse", redRed: true });
  });
  it("is not a red-red when Red but improving (slope -4, chi2 40)", () => {
    expect(benchmarkTrend(series([140, 136, 132, 128, 124], 100), null, 95)).toEqual({ comparison: "Worse", trend: "Decreasing and getting better", redRed: false });
  });
  it("is not a red-red when getting worse but not significantly (slope 1, chi2 2.5)", () => {
    expect(benchmarkTrend(series([126, 127, 128, 129, 130], 100), null, 95)?.trend).toBe("No significant change");
  });
  it("has nothing to say without a benchmark, or with fewer than 5 periods", () => {
    expect(benchmarkTrend(series([110, 115, 120, 125, 130], null), null, 95)).toBeNull();
    expect(benchmarkTrend(series([110, 115, 120, 125], 100), null, 95)).toBeNull();
  });
  it("is compared as at the period asked for: as at 2016 (125, 121.08 to 128.92) over 4 periods there is no trend", () => {
    expect(benchmarkTrend(series([110, 115, 120, 125, 130], 100), "2016", 95)).toBeNull();
  });
  it("leads the Exception report's order, before a Red with a larger shortfall", () => {
    const list = [
      { status: "Red" as const, rating: { gapPct: 0.5 }, key: "B" },
      { status: "Amber" as const, rating: {}, key: "C" },
      { status: "Red" as const, rating: { gapPct: 0.1 }, key: "A", redRed: true },
    ];
    expect([...list].sort(exceptionOrder).map((x) => x.key)).toEqual(["A", "B", "C"]);
  });
});

describe("the recent trend as direction of travel", () => {
  const settings = { method: "recentTrend" as const, threshold: 0, slopePeriods: 3 };
  it("gives the trend words (slope 5, chi2 62.5, lower better: getting worse)", () => {
    const ind = series([110, 115, 120, 125, 130], null);
    expect(directionByMethod(ind.actuals, 4, "lower", settings)).toBe("Increasing and getting worse");
    expect(rateIndicator(ind, ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, dotMethod: "recentTrend" })).direction).toBe("Increasing and getting worse");
  });
  it("is Not compared with fewer than 5 periods with limits", () => {
    expect(directionByMethod(series([110, 115, 120, 125, 130], null).actuals, 3, "lower", settings)).toBe("Not compared");
  });
});

describe("the settings", () => {
  it("accept benchmarkLevel 95 or 99.8 and dotMethod recentTrend, and nothing else", () => {
    expect(validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, benchmarkLevel: 99.8, dotMethod: "recentTrend" }).ok).toBe(true);
    const bad = validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, benchmarkLevel: 90 });
    expect(bad.ok ? "" : bad.problem.message).toContain("settings.benchmarkLevel");
    expect(DEFAULT_RULE_SETTINGS.benchmarkLevel).toBe(95);
  });
});

describe("the reason at 99.8% from counts", () => {
  it("names the method: Byars for a rate of 100 events in 100,000 (value 100 per 100,000)", () => {
    // 99.8% Byars limits (formulas above): 100 x 0.89588^3 = 71.90 and 101 x 1.10140^3 = 134.94; England 70 is below the lower limit: higher, so Worse when lower is better.
    const raw: RawIndicator = {
      id: { value: "X" }, polarity: { value: "lower" }, benchmark: { value: 70 }, targets: [],
      actuals: [{ period: "2017", value: { value: 100 }, lower: { value: 81.36 }, upper: { value: 121.6 }, count: { value: 100 }, denominator: { value: 100000 } }],
    };
    const r = rateIndicator(readIndicator(raw).indicator, ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset: "benchmark", benchmarkLevel: 99.8 }));
    expect(r.status).toBe("Red");
    expect(r.reason).toBe("Actual 100.0 for 2017 (99.8% limits 71.9 to 134.9, from the count and denominator: Byars' method, exact below 10 events) is significantly worse than the benchmark 70.0");
  });
});
