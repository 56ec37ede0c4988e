import { progress, rewardShare, rewardShareOf } from "../../../src/core/progress";
import { trajectory } from "../../../src/core/trajectory";
import { fitLine, forecast, intercept, likelyToAchieve, slope } from "../../../src/core/trend";
import { directionBySlope, directionOfTravel } from "../../../src/core/dot";
import { compareWithBenchmark } from "../../../src/core/compare";

describe("progress (docs/methods.md#progress: (actual - baseline) / (target - baseline))", () => {
  it("is 0.6 when 9 of a planned 15 points of improvement are made (60 -> 69 of 60 -> 75)", () => {
    expect(progress(60, 75, 69)).toEqual({ ok: true, value: 0.6 });
  });
  it("works the same way when lower is better: 20 -> 17 of a planned 20 -> 15 is 0.6", () => {
    expect(progress(20, 15, 17)).toEqual({ ok: true, value: 0.6 });
  });
  it("is negative when worse than the baseline and above 1 beyond the target", () => {
    expect(progress(60, 75, 57)).toEqual({ ok: true, value: -0.2 });
    expect(progress(60, 75, 78)).toEqual({ ok: true, value: 1.2 });
  });
  it("is #DIV/0! when the target equals the baseline", () => {
    const r = progress(10, 10, 12);
    expect(r.ok === false && r.problem.kind).toBe("div0");
  });
  it("is a value problem, not NaN, for non-finite inputs", () => {
    const r = progress(NaN, 10, 12);
    expect(r.ok === false && r.problem.kind).toBe("value");
  });
  it("does not overflow for huge values of opposite sign", () => {
    const r = progress(-1e308, 1e308, 0);
    expect(r).toEqual({ ok: true, value: 0.5 });
  });
});

describe("reward share (docs/methods.md#progress: 0 below the threshold, else min(progress, 1))", () => {
  it("pays nothing below the default threshold of 0.6", () => {
    expect(rewardShare(0.59)).toEqual({ ok: true, value: 0 });
  });
  it("pays the progress at and above the threshold, capped at 1", () => {
    expect(rewardShare(0.6)).toEqual({ ok: true, value: 0.6 });
    expect(rewardShare(1.4)).toEqual({ ok: true, value: 1 });
  });
  it("takes another threshold", () => {
    expect(rewardShare(0.55, 0.5)).toEqual({ ok: true, value: 0.55 });
  });
  it("rejects a threshold outside 0..1", () => {
    expect(rewardShare(0.7, 60).ok).toBe(false);
  });
  it("works from baseline, target and actual: 60 -> 72 of 60 -> 75 is 0.8", () => {
    expect(rewardShareOf(60, 75, 72)).toEqual({ ok: true, value: 0.8 });
  });
});

describe("trajectory (docs/methods.md#trajectory)", () => {
  // Serials: 31 Mar 2008 = 39538, 31 Mar 2009 = 39903, 31 Mar 2010 = 40268, 31 Mar 2011 = 40633 (Excel DATE()).
  const baseline = { at: 39538, value: 60 };
  it("is the straight line from baseline to target: half-way in time is half-way in value", () => {
    const mid = (39538 + 40268) / 2;
    expect(trajectory(baseline, [{ at: 40268, value: 80 }], mid)).toEqual({ ok: true, value: 70 });
  });
  it("is the baseline before the baseline date and the target after the target date", () => {
    expect(trajectory(baseline, [{ at: 40268, value: 80 }], 39000)).toEqual({ ok: true, value: 60 });
    expect(trajectory(baseline, [{ at: 40268, value: 80 }], 41000)).toEqual({ ok: true, value: 80 });
  });
  it("interpolates piecewise through intermediate milestones, given in any order", () => {
    const targets = [{ at: 40633, value: 90 }, { at: 39903, value: 64 }, { at: 40268, value: 70 }];
    expect(trajectory(baseline, targets, 39903)).toEqual({ ok: true, value: 64 });
    expect(trajectory(baseline, targets, (40268 + 40633) / 2)).toEqual({ ok: true, value: 80 });
  });
  it("reports a target dated on or before its baseline, and a missing target", () => {
    expect(trajectory(baseline, [{ at: 39538, value: 80 }], 39700).ok).toBe(false);
    expect(trajectory(baseline, [], 39700).ok).toBe(false);
  });
});

// Microsoft's documentation examples: SLOPE (support.microsoft.com, "SLOPE function"):
// known_y {2,3,9,1,8,7,5}, known_x {6,5,11,7,5,4,4} -> 0.305556; INTERCEPT ("INTERCEPT function"),
// known_y {2,3,9,1,8}, known_x {6,5,11,7,5} -> 0.0483871; FORECAST.LINEAR ("FORECAST and FORECAST.LINEAR functions"):
// x 30, known_y {6,7,9,15,21}, known_x {20,28,31,38,40} -> 10.607253.
describe("trend and forecast (docs/methods.md#trend-and-forecast, Excel SLOPE / INTERCEPT / FORECAST.LINEAR)", () => {
  const ys = [2, 3, 9, 1, 8, 7, 5];
  const xs = [6, 5, 11, 7, 5, 4, 4];
  it("ignores text in the lists as SLOPE does", () => {
    expect(slope([2, "x", 4], [1, 2, 3])).toEqual({ ok: true, value: 1 });
  });
  it("matches Excel's SLOPE example: 0.305556", () => {
    const r = slope(ys, xs);
    expect(r.ok && r.value).toBeCloseTo(0.305556, 6);
  });
  it("matches Excel's INTERCEPT example: 0.0483871", () => {
    const r = intercept([2, 3, 9, 1, 8], [6, 5, 11, 7, 5]);
    expect(r.ok && r.value).toBeCloseTo(0.0483871, 7);
  });
  it("matches Excel's FORECAST.LINEAR example: 10.607253", () => {
    const r = forecast([6, 7, 9, 15, 21], 30, [20, 28, 31, 38, 40]);
    expect(r.ok && r.value).toBeCloseTo(10.607253, 6);
  });
  it("takes periods 1..n by default: 10, 12, 15, 15 rises 1.8 a period (=SLOPE({10,12,15,15},{1,2,3,4}))", () => {
    const r = slope([10, 12, 15, 15]);
    expect(r.ok && r.value).toBeCloseTo(1.8, 12);
  });
  it("uses only the pairs where both value and period are present, keeping positions", () => {
    // Values at periods 1, 3, 4 (period 2 missing): =SLOPE({10,15,15},{1,3,4}) = 45/28... worked: mx 8/3, my 40/3,
    // sxy = (-5/3)(-10/3)+(1/3)(5/3)+(4/3)(5/3) = 75/9, sxx = 25/9+1/9+16/9 = 42/9, slope = 75/42.
    const r = slope([10, null, 15, 15]);
    expect(r.ok && r.value).toBeCloseTo(75 / 42, 12);
  });
  it("is #N/A with fewer than two points and #DIV/0! when every period is the same (as Excel)", () => {
    const one = slope([5]);
    expect(one.ok === false && one.problem.kind).toBe("na");
    const same = slope([5, 6, 7], [2, 2, 2]);
    expect(same.ok === false && same.problem.kind).toBe("div0");
  });
  it("is #N/A when values and periods differ in length (as SLOPE)", () => {
    const r = fitLine([1, 2, 3], [1, 2]);
    expect(r.ok === false && r.problem.kind).toBe("na");
  });
  it("is likely to achieve when the forecast at the target date meets the target, by polarity", () => {
    // 60, 64, 68 at periods 1..3 rise 4 a period: forecast at 5 is 76.
    expect(likelyToAchieve([60, 64, 68], [1, 2, 3], 5, 75, "higher")).toEqual({ ok: true, value: true });
    expect(likelyToAchieve([60, 64, 68], [1, 2, 3], 5, 77, "higher")).toEqual({ ok: true, value: false });
    expect(likelyToAchieve([60, 64, 68], [1, 2, 3], 5, 77, "lower")).toEqual({ ok: true, value: true });
    expect(likelyToAchieve([60, 64, 68], [1, 2, 3], 5, 77, "none").ok).toBe(false);
  });
  it("is likely exactly at the target whichever the polarity (one comparison, shared with the rating engine)", () => {
    // By hand: the line through (1, 0.1) and (2, 0.2) is 0.3 at 3, the target itself. In binary the
    // forecast is 0.30000000000000004; a bare `<=` would call it unlikely when lower is better.
    expect(forecast([0.1, 0.2], 3, [1, 2])).toEqual({ ok: true, value: 0.30000000000000004 });
    expect(likelyToAchieve([0.1, 0.2], [1, 2], 3, 0.3, "higher")).toEqual({ ok: true, value: true });
    expect(likelyToAchieve([0.1, 0.2], [1, 2], 3, 0.3, "lower")).toEqual({ ok: true, value: true });
    // Just past the target the other way is not likely.
    expect(likelyToAchieve([0.1, 0.2], [1, 2], 3, 0.2999, "lower")).toEqual({ ok: true, value: false });
  });
});

describe("direction of travel (docs/methods.md#direction-of-travel)", () => {
  it("says Improving or Worsening by polarity", () => {
    expect(directionOfTravel(70, 72, "higher")).toEqual({ ok: true, value: "Improving" });
    expect(directionOfTravel(70, 72, "lower")).toEqual({ ok: true, value: "Worsening" });
    expect(directionOfTravel(72, 70, "lower")).toEqual({ ok: true, value: "Improving" });
  });
  it("says Increasing or Decreasing for polarity none", () => {
    expect(directionOfTravel(70, 72, "none")).toEqual({ ok: true, value: "Increasing" });
    expect(directionOfTravel(72, 70, "none")).toEqual({ ok: true, value: "Decreasing" });
  });
  it("says No change within the threshold share of the previous value (2% of 100 covers a change of 2)", () => {
    expect(directionOfTravel(100, 102, "higher", 0.02)).toEqual({ ok: true, value: "No change" });
    expect(directionOfTravel(100, 102.5, "higher", 0.02)).toEqual({ ok: true, value: "Improving" });
    expect(directionOfTravel(100, 100, "higher")).toEqual({ ok: true, value: "No change" });
  });
  it("says Not compared when either value is missing", () => {
    expect(directionOfTravel(null, 72, "higher")).toEqual({ ok: true, value: "Not compared" });
    expect(directionOfTravel(70, "n/a", "higher")).toEqual({ ok: true, value: "Not compared" });
  });
  it("says No significant change when both confidence intervals overlap", () => {
    const r = directionOfTravel(70, 74, "higher", 0, { previousInterval: [66, 74], currentInterval: [71, 77] });
    expect(r).toEqual({ ok: true, value: "No significant change" });
    const apart = directionOfTravel(70, 80, "higher", 0, { previousInterval: [66, 74], currentInterval: [76, 84] });
    expect(apart).toEqual({ ok: true, value: "Improving" });
  });
  it("rejects a negative threshold", () => {
    expect(directionOfTravel(1, 2, "higher", -0.1).ok).toBe(false);
  });
  it("follows the sign of the least-squares slope over the last k periods", () => {
    // Last 3 of 20, 10, 12, 14: rising, although 20 -> 14 overall is falling.
    expect(directionBySlope([20, 10, 12, 14], undefined, 3, "higher")).toEqual({ ok: true, value: "Improving" });
    expect(directionBySlope([20, 10, 12, 14], undefined, 4, "higher")).toEqual({ ok: true, value: "Worsening" });
    expect(directionBySlope([14], undefined, 3, "higher")).toEqual({ ok: true, value: "Not compared" });
  });
});

describe("comparison with a benchmark (docs/methods.md#confidence-intervals)", () => {
  it("is Better when the lower limit is above the benchmark and higher is better", () => {
    expect(compareWithBenchmark(25, 22, 28, 20, "higher")).toBe("Better");
  });
  it("is Worse for the same numbers when lower is better", () => {
    expect(compareWithBenchmark(25, 22, 28, 20, "lower")).toBe("Worse");
  });
  it("is Better when the upper limit is below the benchmark and lower is better", () => {
    expect(compareWithBenchmark(15, 12, 18, 20, "lower")).toBe("Better");
  });
  it("is Similar when the interval contains the benchmark, including touching it", () => {
    expect(compareWithBenchmark(25, 19, 31, 20, "higher")).toBe("Similar");
    expect(compareWithBenchmark(25, 20, 31, 20, "higher")).toBe("Similar");
  });
  it("is Higher or Lower for polarity none", () => {
    expect(compareWithBenchmark(25, 22, 28, 20, "none")).toBe("Higher");
    expect(compareWithBenchmark(15, 12, 18, 20, "none")).toBe("Lower");
  });
  it("is Not compared when an input is missing or the limits are the wrong way round", () => {
    expect(compareWithBenchmark(null, 22, 28, 20, "higher")).toBe("Not compared");
    expect(compareWithBenchmark(25, 22, 28, undefined, "higher")).toBe("Not compared");
    expect(compareWithBenchmark(25, 28, 22, 20, "higher")).toBe("Not compared");
  });
});
