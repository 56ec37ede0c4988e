/**
 * The Benchmark preset's funnel method (docs/methods.md#funnel-rag). Every expected number is worked
 * by hand below: the baseline is the areas' counts summed over their denominators summed; a
 * proportion's limits are p ± z √(p(1 - p) / n) (docs/methods.md#funnel), z = 1.959964 (95%) and
 * 3.090232 (99.8%); a rate's are Byars' limits of the area's count over its population.
 */
import { funnelBenchmark, funnelRag } from "../../../src/core/funnel-rating";
import { validateRuleSettings } from "../../../src/core/rules/ruleset";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";

// Six areas of 400 people each, counts 40, 40, 54, 64, 16, 26: baseline 240 / 2,400 = 10%.
// At n = 400: SE = √(0.1 x 0.9 / 400) = 0.015; 95% limits 0.1 ± 1.959964 x 0.015 = 7.06% to 12.94%;
// 99.8% limits 0.1 ± 3.090232 x 0.015 = 5.365% to 14.635%.
// 40/400 = 10% within: Not significant; 54/400 = 13.5% between 12.94 and 14.635: High (0.025);
// 64/400 = 16% above 14.635: High (0.001); 16/400 = 4% below 5.365: Low (0.001); 26/400 = 6.5%: Low (0.025).
const counts = [40, 40, 54, 64, 16, 26];
const proportion = counts.map((c) => ({ count: c, denominator: 400, value: (c / 400) * 100 }));

describe("funnelBenchmark: the funnel of one indicator and period", () => {
  it("labels each area against the baseline of all of them (hand-worked proportions)", () => {
    const b = funnelBenchmark(proportion);
    expect(b).toMatchObject({ ok: true, statistic: "proportion", multiplier: 100, areas: 6 });
    if (!b.ok) throw new Error("no funnel");
    expect(b.baseline).toBeCloseTo(10, 10);
    expect(b.labels).toEqual(["Not significant", "Not significant", "High (0.025)", "High (0.001)", "Low (0.001)", "Low (0.025)"]);
  });

  it("finds the 15.9 per 1,000 baseline of six areas of 10,000 and labels 185 of them High (0.025)", () => {
    // Counts 120, 200, 160, 185, 150, 139 over 10,000 each: 954 / 60,000 = 15.9 per 1,000.
    // Area 4, 185 events: Byars' 95% lower limit 185 x (1 - 1/(9 x 185) - 1.959964/(3 √185))³ = 159.30, over
    // 10,000 = 15.93 per 1,000, above the baseline: High; at 99.8% 145.79 (14.58 per 1,000) is not: High (0.025).
    const rows = [120, 200, 160, 185, 150, 139].map((c) => ({ count: c, denominator: 10000, value: c / 10 }));
    const b = funnelBenchmark(rows);
    if (!b.ok) throw new Error("no funnel");
    expect(b.baseline).toBeCloseTo(15.9, 10);
    expect(b.labels[3]).toBe("High (0.025)");
    expect(funnelRag(b, 3, 18.5, "lower")).toEqual({
      status: "Red",
      reason: "Actual 18.5 is High (0.025): above the funnel's 95% limit around the baseline of all 6 areas, 15.9 per 1,000 (funnel plot)",
    });
  });

  it("keeps the interval method, saying why, for too few areas or values that are not count over denominator", () => {
    expect(funnelBenchmark(proportion.slice(0, 4))).toEqual({ ok: false, why: expect.stringContaining("only 4 areas have a count, a denominator and a value") });
    // A standardised rate: 40/400 x 100 is 10, not 12.3.
    expect(funnelBenchmark(proportion.map((p) => ({ ...p, value: p.value * 1.23 })))).toEqual({ ok: false, why: expect.stringContaining("not count over denominator") });
  });
});

describe("funnelRag: the status by polarity", () => {
  const b = funnelBenchmark(proportion);
  it.each([
    [2, "lower", "Red"], [2, "higher", "Green"], [3, "lower", "Red"], [4, "lower", "Green"], [5, "higher", "Red"], [0, "lower", "Amber"], [0, "higher", "Amber"],
  ] as const)("area %i with %s is better rates %s", (area, polarity, status) => {
    expect(funnelRag(b, area, proportion[area].value, polarity)).toMatchObject({ status });
  });

  it("names the label, the level and the baseline", () => {
    expect(funnelRag(b, 4, 4, "lower")).toEqual({ status: "Green", reason: "Actual 4.0 is Low (0.001): below the funnel's 99.8% limit around the baseline of all 6 areas, 10% (funnel plot)" });
    expect(funnelRag(b, 0, 10, "higher")).toEqual({ status: "Amber", reason: "Actual 10.0 is Not significant: within the funnel's 95% limits around the baseline of all 6 areas, 10% (funnel plot)" });
  });

  it("keeps the interval method for an area beyond the funnel of an indicator with no polarity", () => {
    expect(funnelRag(b, 3, 16, "none")).toEqual({ keep: expect.stringContaining("no polarity") });
    expect(funnelRag(b, 0, 10, "none")).toMatchObject({ status: "Amber" });
  });
});

describe("benchmarkMethod setting", () => {
  it("defaults to the interval method and accepts funnel; other words are refused by name", () => {
    expect(DEFAULT_RULE_SETTINGS.benchmarkMethod).toBe("interval");
    expect(validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, preset: "benchmark", benchmarkMethod: "funnel" }).ok).toBe(true);
    const bad = validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, benchmarkMethod: "funnels" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem.message).toMatch(/benchmarkMethod.*interval, funnel/);
  });
});
