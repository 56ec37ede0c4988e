/**
 * XmR chart (docs/methods.md#spc): limits against qicharts2's I chart (transcribed into
 * test/fixtures/spc/i-basic-ratio-qicharts2.json, naming its file and case), and each special-cause
 * test, the precedence and the words on hand-made series whose arithmetic is shown.
 */
import qic from "../../../fixtures/spc/i-basic-ratio-qicharts2.json";
import ptd from "../../../fixtures/spc/ptd-spc-standard.json";
import { meanMovingRange, xmrChart } from "../../../../src/core/methods/spc";

describe("XmR limits against qicharts2 (i_basic-ratio.qicharts2.json, I chart)", () => {
  it("gives qicharts2's centre line and its mean moving range; limits at 2.66 x AMR (qicharts2: 3 x AMR / 1.128)", () => {
    const r = xmrChart(qic.values);
    if (!r.ok) throw new Error(r.problem.message);
    // qicharts2 publishes 6 decimals; its sigma is AMR / 1.128 (d2 for n = 2), so its AMR is
    // (ul99 - mean) x 1.128 / 3 and its 2-sigma line is 2/3 of the way to the 3-sigma one.
    const qicAmr = ((qic.upper - qic.mean) * 1.128) / 3;
    expect(Math.abs(r.value.mean - qic.mean)).toBeLessThan(1e-6);
    expect(Math.abs(r.value.meanMovingRange - qicAmr)).toBeLessThan(1e-6);
    expect(Math.abs((qic.mean - qic.lower) * 1.128 / 3 - qicAmr)).toBeLessThan(1e-6);
    // Making Data Count rounds 3 / 1.128 = 2.6596 to 2.66: limits differ from qicharts2's by
    // 0.0004 x AMR (about 6e-6 here), near limits by two thirds of that.
    expect(r.value.upper).toBeCloseTo(r.value.mean + 2.66 * r.value.meanMovingRange, 12);
    expect(Math.abs(r.value.upper - qic.upper)).toBeLessThan(0.0005 * qicAmr + 1e-6);
    expect(Math.abs(r.value.lower - qic.lower)).toBeLessThan(0.0005 * qicAmr + 1e-6);
    expect(Math.abs(r.value.nearUpper - qic.nearUpper)).toBeLessThan(0.0005 * qicAmr + 1e-6);
    expect(Math.abs(r.value.nearLower - qic.nearLower)).toBeLessThan(0.0005 * qicAmr + 1e-6);
    expect(r.value.provisional).toBe(false); // 17 points
  });
});

// A flat series around 10 with moving range 1 throughout (10, 11, 10, 11 ...): mean 10.5, AMR 1,
// limits 10.5 +/- 2.66 = 7.84 .. 13.16, near limits 10.5 +/- 1.7733 = 8.7267 .. 12.2733.
const flat = (n: number) => Array.from({ length: n }, (_, i) => 10 + (i % 2));

describe("special-cause tests, in precedence", () => {
  it("flags a point outside the limits", () => {
    const ys = [...flat(16), 20];
    // ranges: 1 fifteen times, then 9; AMR 24 / 16 = 1.5 and 9 >= 3.267 x 1.5 = 4.9 is screened out: AMR 1.
    expect(meanMovingRange(ys)).toBe(1);
    const r = xmrChart(ys);
    expect(r.ok && r.value.points[16]).toBe("Special cause improvement");
    expect(r.ok && r.value.variation).toBe("Special cause improvement");
    const lower = xmrChart(ys, { polarity: "lower" });
    expect(lower.ok && lower.value.variation).toBe("Special cause concern");
  });
  it("flags a trend of 7 rising points, all 7 of them", () => {
    // Baseline fixed at the first 16 (mean 10.5, limits 7.84 .. 13.16); then 9.0, 9.3 ... 10.8 rise
    // 7 times in a row, all within the limits and near limits on both sides: a trend, not a shift.
    const ys = [...flat(16), 9, 9.3, 9.6, 9.9, 10.2, 10.5, 10.8];
    const r = xmrChart(ys, { baselinePoints: 16, polarity: "lower" });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.mean).toBe(10.5);
    expect(r.value.points.slice(16)).toEqual(Array(7).fill("Special cause concern"));
    expect(r.value.points[15]).toBe("Common cause");
  });
  it("flags 2 of 3 beyond the near limit (and only those 2)", () => {
    // Baseline 16 points (near upper 12.2733, upper 13.16): 12.5, 11, 12.6 are all above the mean, two beyond 12.2733.
    const ys = [...flat(16), 12.5, 11, 12.6, 10];
    const r = xmrChart(ys, { baselinePoints: 16, polarity: "none" });
    expect(r.ok && r.value.points.slice(16)).toEqual(["Special cause high", "Common cause", "Special cause high", "Common cause"]);
  });
  it("flags a shift of 7 points on one side of the mean; a point on the mean breaks it", () => {
    const below = [10, 10.2, 10.1, 10.3, 10, 10.2, 10.1];
    const r = xmrChart([...flat(16), ...below], { baselinePoints: 16 });
    expect(r.ok && r.value.points.slice(16)).toEqual(Array(7).fill("Special cause concern"));
    const broken = xmrChart([...flat(16), 10, 10.2, 10.1, 10.5, 10, 10.2, 10.1], { baselinePoints: 16 });
    expect(broken.ok && broken.value.points.slice(16).every((w) => w === "Common cause")).toBe(true);
  });
  it("lets an outside point take precedence over a shift it belongs to", () => {
    // 7 points below the mean 10.5, the last far below the lower limit 7.84: that one is "outside",
    // low as the shift is; words agree, and the chart's variation is the last point's.
    const r = xmrChart([...flat(16), 10, 10.2, 10.1, 10.3, 10, 10.2, 5], { baselinePoints: 16, polarity: "higher" });
    expect(r.ok && r.value.points.slice(16)).toEqual(Array(7).fill("Special cause concern"));
  });
});

describe("assurance, blanks, baseline and small series", () => {
  it("compares the target with the process limits", () => {
    const ys = flat(20); // limits 7.84 .. 13.16
    const words = [5, 10, 14].map((target) => {
      const r = xmrChart(ys, { target, polarity: "higher" });
      return r.ok && r.value.assurance;
    });
    expect(words).toEqual(["Consistently passing", "Hit and miss", "Consistently failing"]);
    const lower = xmrChart(ys, { target: 14, polarity: "lower" });
    expect(lower.ok && lower.value.assurance).toBe("Consistently passing");
    const none = xmrChart(ys, { polarity: "higher" });
    expect(none.ok && none.value.assurance).toBe("No target");
  });
  it("skips blanks, keeping the shape of the points", () => {
    const r = xmrChart([10, null, 11, 10]);
    expect(r.ok && r.value.points).toEqual(["Common cause", null, "Common cause", "Common cause"]);
    expect(r.ok && r.value.provisional).toBe(true);
  });
  it("needs 2 values and a whole baseline of 2 or more", () => {
    expect(xmrChart([3]).ok).toBe(false);
    const bad = xmrChart([1, 2, 3], { baselinePoints: 1.5 });
    expect(bad.ok === false && bad.problem.kind).toBe("value");
  });
});

// NHSRplotthedots' own snapshot (test/fixtures/spc/ptd-spc-standard.json names the repository, test and
// snapshot): R's set.seed(123); rnorm(20), mean and process limits printed to 7 significant figures.
describe("XmR chart against NHSRplotthedots (ptd_spc_standard snapshot)", () => {
  /** Within half a unit of the last digit printed. */
  const decimals = (printed: number | string) => (String(printed).split(".")[1] ?? "").length;
  const near = (actual: number, printed: number | string) => expect(Math.abs(actual - Number(printed))).toBeLessThanOrEqual(0.5 * 10 ** -decimals(printed) + 1e-12);
  const chartOf = (ys: readonly number[], screen = true) => {
    const r = xmrChart(ys, { screenMovingRanges: screen });
    if (!r.ok) throw new Error(r.problem.message);
    return r.value;
  };

  it("r1: mean 0.1416238, limits -3.01138 and 3.294627, all 20 points common cause", () => {
    const c = chartOf(ptd.y);
    near(c.mean, ptd.r1.mean);
    near(c.lower, ptd.r1.lpl);
    near(c.upper, ptd.r1.upl);
    expect(c.points.filter((w) => w === "Common cause")).toHaveLength(ptd.r1.commonCause);
  });

  it("r2: the 15th value set to 10 is a large moving range, screened out: limits -2.383666 and 3.722497", () => {
    // Moving ranges into and out of 10 are 9.8893 and 8.2131, both above 3.267 x the first AMR 1.9797 = 6.468:
    // both dropped, the limits come from the other 17.
    const ys = ptd.y.map((y, i) => (i === 14 ? ptd.r2.y15 : y));
    const c = chartOf(ys);
    near(c.mean, ptd.r2.mean);
    near(c.lower, ptd.r2.lpl);
    near(c.upper, ptd.r2.upl);
    expect(c.points[14]).toBe("Special cause improvement"); // 10 is above 3.722
  });

  it("r3: the same series unscreened: limits -4.596625 and 5.935457, wider than r2's", () => {
    const ys = ptd.y.map((y, i) => (i === 14 ? ptd.r3.y15 : y));
    const c = chartOf(ys, ptd.r3.screen);
    near(c.mean, ptd.r3.mean);
    near(c.lower, ptd.r3.lpl);
    near(c.upper, ptd.r3.upl);
  });

  it("facets: the first and last 10 points as separate charts (printed to 3 significant figures)", () => {
    ptd.facets.forEach((f, k) => {
      const c = chartOf(ptd.y.slice(10 * k, 10 * k + 10));
      near(c.mean, f.mean);
      near(c.lower, f.lpl);
      near(c.upper, f.upl);
      expect(c.points.filter((w) => w === "Common cause")).toHaveLength(f.commonCause);
    });
  });
});

describe("the screening threshold against qicharts2's moving range chart (mr_basic-ratio.qicharts2.json)", () => {
  it("has qicharts2's centre line 0.013701 and upper limit 3.267 x AMR = 0.044762, which no range reaches", () => {
    // The MR chart of the same 17 ratios as i_basic-ratio: centre 0.013701, ul99 0.044762 (D4 = 3.267,
    // our screening factor), largest moving range 0.038847, so screening drops nothing.
    const amr = meanMovingRange(qic.values);
    expect(Math.abs(amr - 0.013701)).toBeLessThanOrEqual(0.5e-6 + 1e-7);
    expect(Math.abs(3.267 * meanMovingRange(qic.values, false) - 0.044762)).toBeLessThanOrEqual(0.5e-6 + 1e-6);
    expect(amr).toBe(meanMovingRange(qic.values, false));
  });
});
