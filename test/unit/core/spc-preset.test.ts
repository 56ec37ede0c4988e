import { makeIndicator, type Indicator } from "../../../src/core/indicator";
import { rateIndicator, ruleSetFromSettings, validateRuleSettings } from "../../../src/core/rules";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";
import { indicatorSeries, seriesReadings } from "../../../src/core/series";
import { parsePeriod, type Period } from "../../../src/core/periods";

// The SPC preset (docs/methods.md#spc-preset) over the XmR chart of docs/methods.md#spc. Each series'
// mean and limits are worked by hand beside it: mean = sum / n; AMR = mean of |y[i] - y[i-1]| after
// screening ranges of 3.267 x AMR or more once; limits = mean +/- 2.66 x AMR.
const SPC = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset: "spc" });
const years = (values: readonly (number | null)[]) => values.map((v, i): [string, number | null] => [`${2010 + i}/${String(11 + i).padStart(2, "0")}`, v]);
const series = (values: readonly (number | null)[], target: number | null, polarity: "higher" | "lower" = "higher"): Indicator =>
  makeIndicator({ polarity, actuals: years(values), targets: target === null ? [] : [[null, target]] });
const period = (label: string): Period => {
  const p = parsePeriod(label);
  if (!p.ok) throw new Error(label);
  return p.value;
};

// 10, 11 alternating, 8 points: sum 84, mean 10.5; 7 moving ranges of 1, AMR 1 (none screened:
// 1 < 3.267); limits 10.5 - 2.66 = 7.84 and 10.5 + 2.66 = 13.16; the latest point (11) is common cause
// (no point outside, no run of 7 rising or on one side, no 2 of 3 beyond the near limits 8.73 / 12.27).
const FLAT = [10, 11, 10, 11, 10, 11, 10, 11];
// 10, 11 alternating then 20: sum 4 x 10 + 3 x 11 + 20 = 93, mean 11.625; moving ranges 1, 1, 1, 1, 1, 1
// and 10 (20 - 10): AMR 16 / 7 = 2.286; 10 >= 3.267 x 2.286 = 7.47 is screened, AMR 6 / 6 = 1; limits
// 11.625 +/- 2.66 = 8.965 to 14.285. The latest point, 20, is above the upper limit: a special cause high.
const SPIKE = [10, 11, 10, 11, 10, 11, 10, 20];

describe("SPC preset, higher is better", () => {
  it("rates Green when the target (5) is below the whole process range (7.84 to 13.16): consistently passing", () => {
    const r = rateIndicator(series(FLAT, 5), SPC);
    expect(r).toMatchObject({ status: "Green", preset: "spc", target: { value: 5 } });
    expect(r.reason).toBe("Common cause, consistently passing against target 5.0 (XmR chart of 8 points: mean 10.5, process limits 7.84 to 13.16; provisional below 15 points)");
  });
  it("rates Red when the target (15) is above the whole range: consistently failing", () => {
    expect(rateIndicator(series(FLAT, 15), SPC).status).toBe("Red");
  });
  it("rates Amber when the target (10.5) is inside the range: hit and miss", () => {
    expect(rateIndicator(series(FLAT, 10.5), SPC)).toMatchObject({ status: "Amber", reason: expect.stringMatching(/^Common cause, hit and miss against target 10.5/) });
  });
  it("rates Amber exactly at the lower process limit (10.5 - 2.66): the range touches the target, so hit and miss", () => {
    expect(rateIndicator(series(FLAT, 10.5 - 2.66), SPC).status).toBe("Amber");
    expect(rateIndicator(series(FLAT, 10.5 - 2.66 - 0.01), SPC).status).toBe("Green");
  });
  it("rates Grey for common cause with no target, saying why", () => {
    expect(rateIndicator(series(FLAT, null), SPC)).toMatchObject({
      status: "Grey",
      reason: "Common cause variation and no target, so the SPC rule gives no status (XmR chart of 8 points: mean 10.5, process limits 7.84 to 13.16; provisional below 15 points)",
    });
  });
  it("rates Green for special cause improvement (20 above 14.285) with no target", () => {
    expect(rateIndicator(series(SPIKE, null), SPC)).toMatchObject({ status: "Green", reason: expect.stringMatching(/^Special cause improvement, no target for assurance \(XmR chart of 8 points: mean 11.63, process limits 8.965 to 14.29; provisional below 15 points\)$/) });
  });
  it("rates Red when consistently failing outranks an improvement (target 15 above 14.285)", () => {
    expect(rateIndicator(series(SPIKE, 15), SPC).status).toBe("Red");
  });
  it("rates Amber for an improvement whose range still straddles the target (10): hit and miss outranks it", () => {
    expect(rateIndicator(series(SPIKE, 10), SPC).status).toBe("Amber");
  });
});

describe("SPC preset, lower is better", () => {
  it("reads the same range the other way: a target of 15 above it passes (Green), 5 below it fails (Red)", () => {
    expect(rateIndicator(series(FLAT, 15, "lower"), SPC).status).toBe("Green");
    expect(rateIndicator(series(FLAT, 5, "lower"), SPC).status).toBe("Red");
  });
  it("rates Red for the spike to 20, now a special cause concern, even with a passing target (25)", () => {
    expect(rateIndicator(series(SPIKE, 25, "lower"), SPC)).toMatchObject({ status: "Red", reason: expect.stringMatching(/^Special cause concern, consistently passing against target 25.0/) });
  });
});

describe("SPC preset with inputs missing", () => {
  it("rates Grey with one value, saying an XmR chart needs 2", () => {
    expect(rateIndicator(series([10], 5), SPC)).toMatchObject({ status: "Grey", reason: "Only 1 value in the series: an XmR chart needs at least 2, so the SPC rule gives no status" });
  });
  it("skips blank periods: 10, blank, 11 is a series of 2 (mean 10.5, AMR 1)", () => {
    expect(rateIndicator(series([10, null, 11], 5), SPC).reason).toMatch(/XmR chart of 2 points: mean 10.5, process limits 7.84 to 13.16/);
  });
  it("rates as at the as-at period: as at 2011/12 only 10, 11 count", () => {
    expect(rateIndicator(series(FLAT, 5), SPC, { asAt: period("2011/12") }).reason).toMatch(/XmR chart of 2 points/);
  });
  it("is named by an indicator's rule column and accepted by the settings validation", () => {
    const ind = { ...series(FLAT, 5), rule: "SPC" };
    expect(rateIndicator(ind, ruleSetFromSettings(DEFAULT_RULE_SETTINGS)).preset).toBe("spc");
    expect(validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, preset: "spc" }).ok).toBe(true);
  });
});

describe("An indicator's series (the points Rate RAG's columns and the SPC sheets share)", () => {
  it("takes the baseline and the actuals of the latest actual's kind, in period order, up to a period", () => {
    const ind = makeIndicator({ baseline: 9, baselinePeriod: "2009/10", actuals: [["2011/12", 12], ["2010/11", 11], ["Q1 2010/11", 50]] });
    // Q1 2010/11 ends before 2011/12: the latest actual is a year, so the quarter is left out.
    expect(indicatorSeries(ind)).toMatchObject({ labels: ["2009/10", "2010/11", "2011/12"], values: [9, 11, 12] });
    expect(indicatorSeries(ind, period("2010/11")).values).toEqual([9, 11]);
  });
  it("reads the recent trend from actuals with limits: 10..18 +/- 0.98 is increasing (docs/methods.md#recent-trend worked example)", () => {
    const base = makeIndicator({ polarity: "lower", actuals: years([10, 12, 14, 16, 18]) });
    const ind: Indicator = { ...base, actuals: base.actuals.map((o) => ({ ...o, lower: (o.value as number) - 0.98, upper: (o.value as number) + 0.98 })) };
    expect(seriesReadings(ind, null).trend?.words).toBe("Increasing and getting worse");
    expect(seriesReadings(ind, null, period("2013/14")).trend).toBeNull(); // four periods only
  });
});
