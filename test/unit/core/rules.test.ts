import { makeIndicator, readIndicator } from "../../../src/core/indicator";
import { parsePeriod, type Period } from "../../../src/core/periods";
import { latestActualPeriodOf, rateIndicator, rateIndicators, ruleSetFromSettings, validateRuleSet, validateRuleSettings, type RuleSet, type RuleSettings } from "../../../src/core/rules";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";

// Presets, boundaries, "which target", overrides and reasons: docs/methods.md#rag-rules. Expected numbers
// are worked by hand from the section's table (shown beside each case).
const settings = (over: Partial<RuleSettings> = {}): RuleSet => ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, ...over });
const DEFAULT = settings();
const period = (label: string): Period => {
  const r = parsePeriod(label);
  if (!r.ok) throw new Error(label);
  return r.value;
};
const simple = (actual: number | null, target: number | null, extra: Parameters<typeof makeIndicator>[0] = {}) =>
  makeIndicator({ targets: [[null, target]], actuals: [[null, actual]], ...extra });

describe("Tolerance preset (default, 5% amber band)", () => {
  it("rates Amber when 3 (4%) short of 75 with a 5% band, saying so in the documented words", () => {
    const r = rateIndicator(simple(72, 75), DEFAULT);
    expect(r.status).toBe("Amber");
    expect(r.reason).toBe("Actual 72.0 is 3.0 (4.0%) short of target 75.0; amber band is 5% of target");
    expect(r).toMatchObject({ preset: "tolerance", gap: 3, target: { value: 75, label: "target" }, actual: { value: 72, period: null } });
    expect(r.gapPct).toBeCloseTo(0.04, 15);
  });
  it("rates Green when the target is exactly met", () => {
    const r = rateIndicator(simple(75, 75), DEFAULT);
    expect(r).toMatchObject({ status: "Green", reason: "Actual 75.0 meets target 75.0", gap: 0 });
  });
  it("rates Amber exactly at the tolerance edge: 3.75 short of 75 is exactly 5%", () => {
    expect(rateIndicator(simple(71.25, 75), DEFAULT).status).toBe("Amber");
  });
  it("rates Amber at a decimal edge that binary arithmetic would miss: 0.285 against 0.3 is exactly 5% short", () => {
    expect(rateIndicator(simple(0.285, 0.3), DEFAULT).status).toBe("Amber");
  });
  it("rates Red beyond the band: 5 (6.7%) short of 75", () => {
    const r = rateIndicator(simple(70, 75), DEFAULT);
    expect(r.status).toBe("Red");
    expect(r.reason).toBe("Actual 70.0 is 5.0 (6.7%) short of target 75.0; beyond the amber band of 5% of target");
  });
  it("follows polarity: lower is better, 10.5 against 10 is 5% over (Amber), 12 is Red, 9 is Green", () => {
    expect(rateIndicator(simple(10.5, 10, { polarity: "lower" }), DEFAULT).status).toBe("Amber");
    expect(rateIndicator(simple(12, 10, { polarity: "lower" }), DEFAULT).status).toBe("Red");
    expect(rateIndicator(simple(9, 10, { polarity: "lower" }), DEFAULT)).toMatchObject({ status: "Green", reason: "Actual 9.0 beats target 10.0 by 1.0 (10.0%)" });
  });
  it("rates Blue when the target is beaten by at least the blue margin (10% of 75 is 7.5)", () => {
    const blue = settings({ blueMargin: 0.1 });
    expect(rateIndicator(simple(82.5, 75), blue)).toMatchObject({
      status: "Blue",
      reason: "Actual 82.5 beats target 75.0 by 7.5 (10.0%); blue margin is 10% of target",
    });
    expect(rateIndicator(simple(80, 75), blue).status).toBe("Green");
    expect(rateIndicator(simple(75, 75), settings({ blueMargin: 0 })).status).toBe("Green");
  });
  it("has no amber band around a zero target and gives no percentage gap", () => {
    const r = rateIndicator(simple(1, 0, { polarity: "lower" }), DEFAULT);
    expect(r.status).toBe("Red");
    expect(r.gapPct).toBeUndefined();
    expect(rateIndicator(simple(0, 0, { polarity: "lower" }), DEFAULT).status).toBe("Green");
  });
  it("uses the indicator's own tolerance over the workbook's and says so: 6.7% short is Amber with a 10% band", () => {
    const r = rateIndicator(simple(70, 75, { tolerance: 0.1 }), DEFAULT);
    expect(r.status).toBe("Amber");
    expect(r.reason).toContain("amber band is 10% of target (this indicator's tolerance)");
  });
});

describe("which target (docs/methods.md#rag-rules)", () => {
  // Baseline 60 in 2007/08; targets 65 for 2008/09 and 80 for 2010/11 (an annual profile).
  const profiled = (actuals: [string, number | null][]) =>
    makeIndicator({ baseline: 60, baselinePeriod: "2007/08", targets: [["2008/09", 65], ["2010/11", 80]], actuals });
  it("uses the target labelled with the as-at period", () => {
    const r = rateIndicator(profiled([["2008/09", 66]]), DEFAULT);
    expect(r).toMatchObject({ asAt: "2008/09", target: { value: 65, label: "target 2008/09" }, status: "Green" });
    expect(r.reason).toBe("Actual 66.0 for 2008/09 beats target 65.0 for 2008/09 by 1.0 (1.5%)");
  });
  it("otherwise uses the trajectory between the surrounding milestones: 2009/10 is half-way from 65 to 80", () => {
    // 31 Mar 2009 = 39903, 31 Mar 2010 = 40268, 31 Mar 2011 = 40633: 365 of 730 days, so 72.5.
    const r = rateIndicator(profiled([["2009/10", 70]]), DEFAULT);
    expect(r.target).toEqual({ value: 72.5, label: "trajectory to 2010/11" });
    expect(r.status).toBe("Amber"); // 2.5 short, 3.4% of 72.5
    expect(r.reason).toBe("Actual 70.0 for 2009/10 is 2.5 (3.4%) short of 72.5 on the trajectory to 2010/11; amber band is 5% of target");
  });
  it("after the last target uses the last target", () => {
    expect(rateIndicator(profiled([["2011/12", 81]]), DEFAULT).target).toEqual({ value: 80, label: "target 2010/11" });
  });
  it("takes the as-at period as the latest period with an actual, skipping a latest cell that shows n/a", () => {
    const ind = readIndicator({
      targets: [{ period: "2008/09", value: { value: 65 } }, { period: "2009/10", value: { value: 70 } }],
      actuals: [{ period: "2008/09", value: { value: 66 } }, { period: "2009/10", value: { value: "n/a" } }],
    }).indicator;
    expect(rateIndicator(ind, DEFAULT).asAt).toBe("2008/09");
  });
  it("rates Grey naming the period and the cell's reason when the as-at actual is missing", () => {
    const ind = readIndicator({
      targets: [{ period: "2009/10", value: { value: 70 } }],
      actuals: [{ period: "2008/09", value: { value: 66 } }, { period: "2009/10", value: { value: "n/a" } }],
    }).indicator;
    const r = rateIndicator(ind, DEFAULT, { asAt: period("2009/10") });
    expect(r).toMatchObject({ status: "Grey", reason: "No actual for 2009/10 (cell shows n/a)", asAt: "2009/10" });
  });
  it("rates as at the rule set's as-at period when the settings give one", () => {
    const r = rateIndicator(profiled([["2008/09", 66], ["2009/10", 70]]), settings({ asAt: "2008/09" }));
    expect(r.asAt).toBe("2008/09");
  });
  it("skips a blank target cell of a wide layout and uses the trajectory instead", () => {
    const ind = makeIndicator({ baseline: 60, baselinePeriod: "2007/08", targets: [["2008/09", 65], ["2009/10", null], ["2010/11", 80]], actuals: [["2009/10", 73]] });
    expect(rateIndicator(ind, DEFAULT).target).toEqual({ value: 72.5, label: "trajectory to 2010/11" });
  });
  it("rates Grey before the first target when there is no dated baseline to profile from", () => {
    const ind = makeIndicator({ targets: [["2010/11", 80]], actuals: [["2008/09", 60]] });
    const r = rateIndicator(ind, DEFAULT);
    expect(r.status).toBe("Grey");
    expect(r.reason).toBe("No target for 2008/09: the first target is for 2010/11 and there is no dated baseline to draw a trajectory from");
  });
  it("finds the financial year's actual for an as-at date on its last day", () => {
    const r = rateIndicator(profiled([["2008/09", 66], ["2009/10", 70]]), DEFAULT, { asAt: period("2009-03-31") });
    expect(r.actual).toEqual({ value: 66, period: "2008/09" });
  });
});

describe("the other presets", () => {
  it("Stretch: Amber at progress 0.6 (60 -> 69 of 60 -> 75), Green at the target, Red below the threshold", () => {
    const s = settings({ preset: "stretch" });
    const r = rateIndicator(simple(69, 75, { baseline: 60 }), s);
    expect(r).toMatchObject({ status: "Amber", progress: 0.6, rewardShare: 0.6 });
    expect(r.reason).toBe("Progress is 60.0% of the way from baseline 60.0 to target 75.0; stretch threshold is 60%");
    expect(rateIndicator(simple(75, 75, { baseline: 60 }), s).status).toBe("Green");
    expect(rateIndicator(simple(68, 75, { baseline: 60 }), s)).toMatchObject({ status: "Red", rewardShare: 0 });
    expect(rateIndicator(simple(68, 75), s)).toMatchObject({ status: "Grey", reason: "No baseline (blank cell): progress needs one" });
    expect(rateIndicator(simple(68, 60, { baseline: 60 }), s).status).toBe("Grey");
  });
  it("Trajectory: compares with the value on the line from baseline to target at the as-at date", () => {
    // Baseline 60 at 31 Mar 2008, target 80 at 31 Mar 2010: 31 Mar 2009 is half-way, so 70.
    const s = settings({ preset: "trajectory" });
    const ind = (actual: number) => makeIndicator({ baseline: 60, baselinePeriod: "2007/08", targets: [["2009/10", 80]], actuals: [["2008/09", actual]] });
    expect(rateIndicator(ind(70), s)).toMatchObject({ status: "Green", target: { value: 70, label: "trajectory to 2009/10" } });
    expect(rateIndicator(ind(67), s).status).toBe("Amber"); // 3 short, within 5% of 70 (3.5)
    expect(rateIndicator(ind(66), s).status).toBe("Red"); // 4 short
    const noBaseline = makeIndicator({ targets: [["2009/10", 80]], actuals: [["2008/09", 70]] });
    expect(rateIndicator(noBaseline, s)).toMatchObject({ status: "Grey", reason: "No dated baseline (blank cell) to draw a trajectory from" });
  });
  it("Floor standard: Green at the target, Amber above the floor, Red below it, Grey without a floor", () => {
    const s = settings({ preset: "floor" });
    expect(rateIndicator(simple(76, 75, { floor: 70 }), s).status).toBe("Green");
    const amber = rateIndicator(simple(72, 75, { floor: 70 }), s);
    expect(amber).toMatchObject({ status: "Amber", reason: "Actual 72.0 misses target 75.0 but meets the floor standard 70.0" });
    expect(rateIndicator(simple(70, 75, { floor: 70 }), s).status).toBe("Amber");
    expect(rateIndicator(simple(69, 75, { floor: 70 }), s)).toMatchObject({ status: "Red", reason: "Actual 69.0 is below the floor standard 70.0; target 75.0 not met" });
    expect(rateIndicator(simple(69, 75), s)).toMatchObject({ status: "Grey", reason: "No floor standard for this indicator" });
  });
  it("Improvement-aware: Green within 10% of target, Amber if better than a year earlier, else Red", () => {
    const s = settings({ preset: "improvement" });
    const ind = (earlier: number | null, now: number) => makeIndicator({ targets: [["2009/10", 100]], actuals: [["2008/09", earlier], ["2009/10", now]] });
    expect(rateIndicator(ind(80, 90), s).status).toBe("Green"); // 10 short = exactly 10%
    const amber = rateIndicator(ind(80, 85), s);
    expect(amber.status).toBe("Amber");
    expect(amber.reason).toBe("Actual 85.0 for 2009/10 is 15.0 short of target 100.0 for 2009/10, outside the tolerance of 10% of target; improved on 80.0 for 2008/09");
    expect(rateIndicator(ind(88, 85), s).status).toBe("Red");
    expect(rateIndicator(ind(85, 85), s).status).toBe("Red");
    expect(rateIndicator(ind(null, 85), s).status).toBe("Grey");
  });
  it("Benchmark: Better is Green, Similar Amber, Worse Red (docs/methods.md#confidence-intervals); no interval is Grey", () => {
    const s = settings({ preset: "benchmark" });
    const ind = (lower: number | null, upper: number | null, polarity: "higher" | "lower" = "higher") =>
      makeIndicator({ polarity, actuals: [["2009/10", 25]], benchmark: 20, lowerCi: lower, upperCi: upper });
    const better = rateIndicator(ind(22, 28), s);
    expect(better).toMatchObject({ status: "Green", reason: "Actual 25.0 for 2009/10 (22.0 to 28.0) is significantly better than the benchmark 20.0" });
    expect(rateIndicator(ind(19, 31), s).status).toBe("Amber");
    expect(rateIndicator(ind(22, 28, "lower"), s).status).toBe("Red");
    expect(rateIndicator(ind(null, null), s).status).toBe("Grey");
  });
});

describe("Grey: not rated, always with the reason (docs/methods.md#polarity, docs/methods.md#rag-rules)", () => {
  it("for polarity none and data-only indicators", () => {
    expect(rateIndicator(simple(5, 10, { polarity: "none" }), DEFAULT)).toMatchObject({ status: "Grey", reason: "Polarity none: data only, not rated" });
    expect(rateIndicator(simple(5, 10, { dataOnly: true }), DEFAULT)).toMatchObject({ status: "Grey", reason: "Data only: not rated" });
  });
  it("for no actual and no target", () => {
    expect(rateIndicator(simple(null, 10), DEFAULT)).toMatchObject({ status: "Grey", reason: "No actual" });
    expect(rateIndicator(makeIndicator({ actuals: [["2009/10", 5]] }), DEFAULT)).toMatchObject({ status: "Grey", reason: "No target for 2009/10" });
  });
  it("for a row whose polarity could not be read, quoting the problem", () => {
    const ind = readIndicator({ polarity: { value: "sideways" }, targets: [{ period: null, value: { value: 1 } }], actuals: [{ period: null, value: { value: 1 } }] }).indicator;
    const r = rateIndicator(ind, DEFAULT);
    expect(r.status).toBe("Grey");
    expect(r.reason).toMatch(/^Not rated: Unknown polarity "sideways"/);
  });
});

describe("rule sets: ordered rules, first match wins, per-indicator overrides", () => {
  const ruleSet: RuleSet = {
    version: 1,
    defaults: { tolerance: 0.05, blueMargin: null, stretchThreshold: 0.6, improvementTolerance: 0.1 },
    rules: [
      { name: "Crime floor", preset: "floor", when: { indicators: ["NI 16"] } },
      { name: "Health stretch", preset: "stretch", when: { perspectives: ["Health"] } },
      { name: "Strict", preset: "tolerance", params: { tolerance: 0 }, when: { rule: "strict" } },
      { preset: "tolerance" },
    ],
    asAt: null,
    direction: { method: "previous", threshold: 0, slopePeriods: 3 },
  };
  it("is plain JSON that survives a round trip and validates", () => {
    expect(validateRuleSet(JSON.parse(JSON.stringify(ruleSet)))).toEqual({ ok: true, value: ruleSet });
  });
  it("applies the first rule whose conditions hold: by indicator id (any case)", () => {
    const r = rateIndicator(simple(72, 75, { id: " ni 16 ", floor: 70 }), ruleSet);
    expect(r).toMatchObject({ preset: "floor", rule: "Crime floor", status: "Amber" });
  });
  it("applies a rule by perspective", () => {
    expect(rateIndicator(simple(72, 75, { perspective: "health", baseline: 60 }), ruleSet)).toMatchObject({ preset: "stretch", rule: "Health stretch" });
  });
  it("falls through to the default rule", () => {
    expect(rateIndicator(simple(72, 75, { id: "NI 1" }), ruleSet)).toMatchObject({ preset: "tolerance", rule: null, status: "Amber" });
  });
  it("lets an indicator's rule column select a named rule, over the ordered rules", () => {
    expect(rateIndicator(simple(74, 75, { id: "NI 16", floor: 70, rule: "Strict" }), ruleSet)).toMatchObject({ rule: "Strict", status: "Red" });
  });
  it("lets an indicator's rule column name a preset directly", () => {
    expect(rateIndicator(simple(69, 75, { baseline: 60, rule: "Stretch" }), ruleSet)).toMatchObject({ preset: "stretch", status: "Amber" });
    expect(rateIndicator(simple(72, 75, { floor: 70, rule: "floor standard" }), ruleSet)).toMatchObject({ preset: "floor" });
  });
  it("rates Grey for a rule column naming no rule or preset, never guessing", () => {
    const r = rateIndicator(simple(72, 75, { rule: "lenient" }), ruleSet);
    expect(r.status).toBe("Grey");
    expect(r.reason).toContain('rule "lenient" is not a rule of this workbook');
  });
  it("passes to the next matching rule when a rule says so and lacks its inputs", () => {
    const fallback: RuleSet = { ...ruleSet, rules: [{ preset: "benchmark", onMissing: "next" }, { preset: "tolerance" }] };
    expect(rateIndicator(simple(72, 75), fallback)).toMatchObject({ preset: "tolerance", status: "Amber" });
    const stop: RuleSet = { ...ruleSet, rules: [{ preset: "benchmark" }, { preset: "tolerance" }] };
    expect(rateIndicator(simple(72, 75), stop)).toMatchObject({ preset: "benchmark", status: "Grey" });
  });
});

describe("validateRuleSet and settings (rule sets stored in a workbook are validated on the way in)", () => {
  const valid = ruleSetFromSettings(DEFAULT_RULE_SETTINGS);
  it.each([
    ["not an object", 42, "A rule set must be an object"],
    ["no rules", { ...valid, rules: [] }, "at least one rule"],
    ["a last rule with conditions", { ...valid, rules: [{ preset: "tolerance", when: { indicators: ["A"] } }] }, "last rule must be the default"],
    ["an unknown preset", { ...valid, rules: [{ preset: "vibes" }] }, "ruleSet.rules[0].preset must be one of"],
    ["a negative tolerance", { ...valid, defaults: { ...valid.defaults, tolerance: -0.05 } }, "ruleSet.defaults.tolerance"],
    ["an unknown setting", { ...valid, colour: "red" }, "ruleSet.colour is not a known setting"],
    ["an unreadable as-at", { ...valid, asAt: "soon" }, "ruleSet.asAt"],
    ["two rules with one name", { ...valid, rules: [{ name: "A", preset: "floor", when: { rule: "x" } }, { name: "a", preset: "tolerance" }] }, 'Two rules are named "a"'],
  ])("rejects %s, naming the setting", (_what, json, message) => {
    const r = validateRuleSet(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain(message);
  });
  it("validates settings so a workbook's corrupt settings can fall back to the defaults", () => {
    expect(validateRuleSettings(DEFAULT_RULE_SETTINGS).ok).toBe(true);
    expect(validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, dotMethod: "guess" }).ok).toBe(false);
  });
  it("throws for settings that were never validated (programmer misuse)", () => {
    expect(() => ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, tolerance: -1 })).toThrow(RangeError);
  });
  it("throws when rating with a rule set that is not valid (programmer misuse)", () => {
    expect(() => rateIndicator(simple(1, 1), { ...valid, rules: [] })).toThrow(RangeError);
  });
});

describe("what a rating carries besides the status", () => {
  it("direction of travel against the previous period, the same period a year earlier, or the slope", () => {
    const ind = makeIndicator({
      targets: [["Q4 2009/10", 100]],
      actuals: [["Q3 2008/09", 90], ["Q4 2008/09", 70], ["Q1 2009/10", 80], ["Q2 2009/10", 85], ["Q3 2009/10", 88], ["Q4 2009/10", 75]],
    });
    expect(rateIndicator(ind, DEFAULT).direction).toBe("Worsening"); // 88 -> 75
    expect(rateIndicator(ind, settings({ dotMethod: "yearEarlier" })).direction).toBe("Improving"); // Q4 70 -> 75
    // Last 5: 70, 80, 85, 88, 75 about a quarter apart: sum((x - mx)(y - my)) with x -2..2 is
    // 19.2 - 0.4 + 8.4 - 9.2 = 18 > 0, so rising; the last 4 (80, 85, 88, 75), x -1.5..1.5:
    // 3 - 1.5 + 3 - 10.5 = -6 < 0, so falling.
    expect(rateIndicator(ind, settings({ dotMethod: "slope", slopePeriods: 5 })).direction).toBe("Improving");
    expect(rateIndicator(ind, settings({ dotMethod: "slope", slopePeriods: 4 })).direction).toBe("Worsening");
    expect(rateIndicator(ind, settings({ dotMethod: "previous", dotThreshold: 0.2 })).direction).toBe("No change"); // 13 <= 20% of 88
  });
  it("progress and reward share from the baseline, and whether the trend is likely to reach the last target", () => {
    // Actuals 60, 64, 68 a year apart rise about 4 a year: by 2011/12 the forecast is about 76.
    const ind = makeIndicator({ baseline: 56, baselinePeriod: "2006/07", targets: [["2011/12", 75]], actuals: [["2007/08", 60], ["2008/09", 64], ["2009/10", 68]] });
    const r = rateIndicator(ind, DEFAULT);
    expect(rateIndicator(ind, DEFAULT, { forecast: true }).likelyToAchieve).toBe(true);
    expect(rateIndicator(makeIndicator({ ...{ baseline: 56, baselinePeriod: "2006/07" }, targets: [["2011/12", 77]], actuals: [["2007/08", 60], ["2008/09", 64], ["2009/10", 68]] }), DEFAULT, { forecast: true }).likelyToAchieve).toBe(false);
    // The forecast is worked out only when asked for (Rate RAG writes none); everything else is the same.
    expect(r.likelyToAchieve).toBeUndefined();
    expect({ ...rateIndicator(ind, DEFAULT, { forecast: true }), likelyToAchieve: undefined }).toEqual(r);
    // Progress is measured against the target in use at 2009/10, the trajectory value (docs/methods.md#trajectory):
    // 31 Mar 2007 to 31 Mar 2010 is 1,096 of the 1,827 days to 31 Mar 2012, so 56 + 19 x 1096 / 1827 = 67.398;
    // progress (68 - 56) / (67.398 - 56) = 1.0528; the reward share is capped at 1 (docs/methods.md#reward).
    expect(r.progress).toBeCloseTo(12 / (19 * 1096 / 1827), 10);
    expect(r.rewardShare).toBe(1);
    // Below the 0.6 threshold no reward: baseline 56, actual 60 against the same trajectory gives 4 / 11.398 = 0.35.
    const early = rateIndicator(makeIndicator({ baseline: 56, baselinePeriod: "2006/07", targets: [["2011/12", 75]], actuals: [["2009/10", 60]] }), DEFAULT);
    expect(early.progress).toBeCloseTo(4 / (19 * 1096 / 1827), 10);
    expect(early.rewardShare).toBe(0);
  });
  it("does not change the indicator or the rule set it is given", () => {
    const ind = makeIndicator({ baseline: 60, baselinePeriod: "2007/08", targets: [["2009/10", 80]], actuals: [["2008/09", 70]] });
    const before = JSON.stringify([ind, DEFAULT]);
    rateIndicator(ind, DEFAULT);
    expect(JSON.stringify([ind, DEFAULT])).toBe(before);
  });
});

describe("rating a whole table", () => {
  it("rates every indicator in order and counts all five statuses; a Grey one never stops the others", () => {
    const run = rateIndicators(
      [simple(72, 75), simple(null, 75), simple(80, 75), simple(1, 2, { polarity: "none" }), simple(60, 75)],
      DEFAULT,
    );
    expect(run.ratings.map((r) => r.status)).toEqual(["Amber", "Grey", "Green", "Grey", "Red"]);
    expect(run.counts).toEqual({ Blue: 0, Green: 1, Amber: 1, Red: 1, Grey: 2 });
  });
  it("finds the latest period with an actual across the table, for a common as-at period", () => {
    const inds = [makeIndicator({ actuals: [["2008/09", 1], ["2009/10", null]] }), makeIndicator({ actuals: [["Q3 2009/10", 2]] })];
    expect(latestActualPeriodOf(inds)?.label).toBe("Q3 2009/10");
    expect(latestActualPeriodOf([])).toBeNull();
  });
});

describe("quarterly actuals against annual targets", () => {
  it("rates Q2 2009/10 against the trajectory between the annual milestones 2008/09 and 2009/10", () => {
    // Milestones 31 Mar 2009 (39903) = 64 and 31 Mar 2010 (40268) = 70; Q2 ends 30 Sep 2009 (40086):
    // 64 + 6 x 183/365 = 67.0082 (to 4 places).
    const ind = makeIndicator({ baseline: 60, baselinePeriod: "2007/08", targets: [["2008/09", 64], ["2009/10", 70]], actuals: [["Q1 2009/10", 65], ["Q2 2009/10", 67]] });
    const r = rateIndicator(ind, DEFAULT);
    expect(r.target?.label).toBe("trajectory to 2009/10");
    expect(r.target?.value).toBeCloseTo(64 + (6 * 183) / 365, 12);
    expect(r.status).toBe("Amber");
    // Reasons quote four significant figures (reasons.ts), so 67.0082 reads 67.01.
    expect(r.reason).toBe("Actual 67.0 for Q2 2009/10 is 0.0082 (0.0%) short of 67.01 on the trajectory to 2009/10; amber band is 5% of target");
  });
  it("names the annual target when Q4 ends on the target's day", () => {
    const ind = makeIndicator({ targets: [["2009/10", 70]], actuals: [["Q4 2009/10", 71]] });
    expect(rateIndicator(ind, DEFAULT).target).toEqual({ value: 70, label: "target 2009/10" });
  });
});

describe("ruleSetFromSettings: the task pane's settings as a rule set", () => {
  it("carries every setting into the rule set, as plain JSON", () => {
    const s: RuleSettings = {
      preset: "stretch",
      tolerance: 0.08,
      blueMargin: 0.1,
      stretchThreshold: 0.7,
      improvementTolerance: 0.15,
      asAt: "2009/10",
      dotMethod: "slope",
      dotThreshold: 0.01,
      slopePeriods: 4,
      benchmarkArea: "region",
      benchmarkLevel: 95,
      benchmarkMethod: "interval",
    };
    const rs = ruleSetFromSettings(s);
    expect(JSON.parse(JSON.stringify(rs))).toEqual({
      version: 1,
      defaults: { tolerance: 0.08, blueMargin: 0.1, stretchThreshold: 0.7, improvementTolerance: 0.15 },
      rules: [{ preset: "stretch" }],
      asAt: "2009/10",
      direction: { method: "slope", threshold: 0.01, slopePeriods: 4 },
    });
  });
  it("treats a blank as-at as none", () => {
    expect(ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, asAt: "  " }).asAt).toBeNull();
  });
});
