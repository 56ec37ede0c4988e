/**
 * Recent trend (docs/methods.md#recent-trend), hand-worked: each case shows the sums of the weighted
 * slope or of the chi-squared test for trend, and the leave-one-out check.
 */
import published from "../../../fixtures/phe/recent-trend-published.json";
import { chi2ForTrend, isRedRed, recentTrend, TREND_CHI2_998, weightedSlope, type TrendPoint } from "../../../../src/core/methods/recent-trend";

/** Values with 95% limits whose width 3.92 x 0.5 gives SE 0.5, so every weight is 1 / 0.25 = 4. */
const withSe = (values: (number | null)[]): TrendPoint[] => values.map((v) => ({ value: v, lower: v === null ? null : v - 0.98, upper: v === null ? null : v + 0.98 }));

describe("recent trend of values with 95% limits (weighted slope)", () => {
  it("finds a steady rise significant", () => {
    // w = 4 each: S1 = 20, S3 = 4 x 15 = 60, S5 = 4 x 55 = 220, S1 S5 - S3^2 = 4400 - 3600 = 800.
    // S2 = 4 x (10 + 24 + 42 + 64 + 90) = 920, S4 = 4 x 70 = 280: slope = (20 x 920 - 60 x 280) / 800 = 2;
    // SE(slope) = sqrt(20 / 800) = 0.1581; chi2 = (2 / 0.1581)^2 = 160 > 9.5495.
    const r = recentTrend(withSe([10, 12, 14, 16, 18]));
    expect(r.ok && r.value.slope).toBeCloseTo(2, 12);
    expect(r.ok && r.value.chi2).toBeCloseTo(160, 9);
    expect(r.ok && r.value.words).toBe("Increasing and getting better");
    const lower = recentTrend(withSe([10, 12, 14, 16, 18]), "lower");
    expect(lower.ok && lower.value.words).toBe("Increasing and getting worse");
    const none = recentTrend(withSe([18, 16, 14, 12, 10]), "none");
    expect(none.ok && none.value.words).toBe("Decreasing");
  });
  it("uses only the 5 latest periods with a value and both limits", () => {
    // The early fall and the blank are not among the 5 used; 10..18 rising is.
    const r = recentTrend([...withSe([30, 25, 20]), { value: 5, lower: null, upper: 6 }, ...withSe([10, 12, 14, 16, 18])]);
    expect(r.ok && r.value.slope).toBeCloseTo(2, 12);
  });
  it("calls a small wobble no significant change", () => {
    // mean 10.1; sum (t - 3)(y - 10.1) = 0.2 - 0.1 + 0 + 0 + 0.4 = 0.5, so slope 0.5 / 10 = 0.05 (equal
    // weights); chi2 = (0.05 / 0.1581)^2 = 0.1 < 9.5495.
    const r = recentTrend(withSe([10, 10.2, 9.9, 10.1, 10.3]));
    expect(r.ok && r.value.chi2).toBeCloseTo(0.1, 9);
    expect(r.ok && r.value.words).toBe("No significant change");
  });
  it("needs the direction to survive leaving each point out", () => {
    // 1, 0, 0, 0, 10: slope 18 / 10 = 1.8 and chi2 = (1.8 / 0.1581)^2 = 129.6, but without the last
    // point 1, 0, 0, 0 falls (slope -0.3): not significant.
    const r = recentTrend(withSe([1, 0, 0, 0, 10]));
    expect(r.ok && r.value.chi2).toBeGreaterThan(TREND_CHI2_998);
    expect(r.ok && r.value.words).toBe("No significant change");
  });
  it("cannot be calculated with fewer than 5 periods", () => {
    const r = recentTrend(withSe([10, 12, null, 14, 16]));
    expect(r.ok === false && r.problem.message).toMatch(/^Cannot be calculated: .* there are 4/);
  });
  it("weights precise points more", () => {
    // weights 1, 1, 100 at t = 1, 2, 3 pull the line through the precise last point.
    const { slope } = weightedSlope([1, 2, 3], [0, 0, 3], [1, 1, 100]);
    // S1 102, S2 900, S3 303, S4 300, S5 905: (102 x 900 - 303 x 300) / (102 x 905 - 303^2) = 900 / 501
    expect(slope).toBeCloseTo(900 / 501, 12);
  });
});

describe("recent trend of proportions (chi-squared test for trend)", () => {
  const props = (x: number[], n: number[]): TrendPoint[] => x.map((xi, i) => ({ value: xi / n[i], lower: 0, upper: 1, count: xi, denominator: n[i] }));
  it("tests the counts, not the limits", () => {
    // x = 20, 22, 25, 27, 30 of 100 each: N 500, X 124, A = 20 + 44 + 75 + 108 + 150 = 397, B 1500, C 5500.
    // N A - X B = 198500 - 186000 = 12500; chi2 = 500 x 12500^2 / (124 x 376 x (2750000 - 2250000)) = 3.352
    const r = recentTrend(props([20, 22, 25, 27, 30], [100, 100, 100, 100, 100]));
    expect(r.ok && r.value.chi2).toBeCloseTo((500 * 12500 ** 2) / (124 * 376 * 500000), 12);
    expect(r.ok && r.value.words).toBe("No significant change");
    // Ten times the counts: chi2 = 33.52, significant, and the log-odds rise.
    const big = recentTrend(props([200, 220, 250, 270, 300], [1000, 1000, 1000, 1000, 1000]), "lower");
    expect(big.ok && big.value.words).toBe("Increasing and getting worse");
    expect(chi2ForTrend([1, 2, 3, 4, 5], [200, 220, 250, 270, 300], [1000, 1000, 1000, 1000, 1000])).toBeCloseTo(33.52, 1);
  });
  it("cannot be calculated with a count of 0 or equal to its denominator", () => {
    const r = recentTrend(props([0, 22, 25, 27, 30], [100, 100, 100, 100, 100]));
    expect(r.ok === false && r.problem.message).toMatch(/period 1 the count is 0/);
  });
});

describe("red-red", () => {
  it("is significantly worse than the benchmark and getting worse", () => {
    expect(isRedRed("Worse", "Decreasing and getting worse")).toBe(true);
    expect(isRedRed("Worse", "No significant change")).toBe(false);
    expect(isRedRed("Better", "Increasing and getting worse")).toBe(false);
  });
});

// The public health profiles' own four cases (test/fixtures/phe/recent-trend-published.json names the
// repository, file and test of each). The profiles choose the weighted slope or the chi-squared test for
// trend by the indicator's comparator method; ours by whether counts and denominators are given, so the
// rates cases are given values and limits only and the proportions cases their counts as well.
describe("recent trend: the public health profiles' published cases", () => {
  const cases = Object.fromEntries(published.cases.map((c) => [c.name, c]));
  const pointsOf = (c: (typeof published.cases)[number]): TrendPoint[] =>
    c.values.map((value, i) => ({
      value, lower: c.lower[i], upper: c.upper[i],
      ...(c.method === "proportions" ? { count: c.counts[i], denominator: c.denominators[i] } : {}),
    }));

  it("rates series: chi-squared 46.77, significant, increasing (TestIsSignificantReturnsTrue)", () => {
    const c = cases["rates-significant"];
    const r = recentTrend(pointsOf(c));
    if (!r.ok) throw new Error(r.problem.message);
    expect(Math.round(r.value.chi2 * 100) / 100).toBe(c.expected.chi2Rounded2);
    expect(r.value.significant).toBe(c.expected.significant);
    expect(r.value.words).toBe("Increasing and getting better");
    const lower = recentTrend(pointsOf(c), "lower");
    expect(lower.ok && lower.value.words).toBe("Increasing and getting worse");
  });

  it("rates series: not significant (TestIsSignificantReturnsFalse)", () => {
    const c = cases["rates-not-significant"];
    const r = recentTrend(pointsOf(c));
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.value.significant).toBe(c.expected.significant);
    // Our chi-squared is 0.464, far below 9.5495 (the profiles' test asserts only "not significant").
    expect(r.value.chi2).toBeLessThan(TREND_CHI2_998);
    expect(r.value.words).toBe("No significant change");
  });

  it("proportions series: chi-squared for trend 47.9, significant, increasing (TestIsSignificantForProportionsReturnsTrue)", () => {
    const c = cases["proportions-significant"];
    const r = recentTrend(pointsOf(c));
    if (!r.ok) throw new Error(r.problem.message);
    expect(Math.round(r.value.chi2 * 100) / 100).toBe(c.expected.chi2Rounded2);
    expect(r.value.significant).toBe(c.expected.significant);
    expect(r.value.words).toBe("Increasing and getting better");
  });

  it("proportions series with a count equal to its denominator: cannot be calculated (TestIsSignificantForProportionsCannotBeCalculated)", () => {
    const c = cases["proportions-cannot-be-calculated"];
    const r = recentTrend(pointsOf(c));
    expect(r.ok).toBe(false);
    // 2012 is 5 of 5, the first of the five periods.
    expect(!r.ok && r.problem.message).toBe("Cannot be calculated: in period 1 the count is 0 or equals its denominator, so the chi-squared test for trend does not apply");
    // Without its counts the series' limits are 0 to 0 (the published data set gives no limits):
    // SE 0 and infinite weights, so the weighted slope cannot be calculated either.
    const limitsOnly = recentTrend(c.values.map((value, i) => ({ value, lower: c.lower[i], upper: c.upper[i] })));
    expect(!limitsOnly.ok && limitsOnly.problem.message).toMatch(/^Cannot be calculated: in period 1 the lower and upper limits are equal/);
  });
});
