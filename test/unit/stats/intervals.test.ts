import {
  byarsInterval,
  confidenceInterval,
  exactPoissonInterval,
  meanInterval,
  normalQuantile,
  parseIntervalMethod,
  rateInterval,
  tQuantile,
  wilsonInterval,
  type ConfidenceInterval,
} from "../../../src/core/stats";
import type { Result } from "../../../src/core/result";

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got problem: ${result.problem.message}`);
  return result.value;
}

function problem<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.value)}`);
  return result.problem;
}

describe("distribution quantiles come from the stdlib library (docs/methods.md#confidence-intervals)", () => {
  // Reference values: Excel NORM.S.INV(0.975) = 1.95996398454005 and T.INV(0.975, 7) = 2.36462425159278.
  it("gives z = 1.95996... at 97.5% and t(7) = 2.36462... at 97.5%", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398454005, 13);
    expect(tQuantile(0.975, 7)).toBeCloseTo(2.36462425159278, 13);
  });
});

describe("wilsonInterval (docs/methods.md#confidence-intervals, PHE wilson_lower/wilson_upper)", () => {
  it("gives [0, 1] at level 1 (100%), as PHE's testWilson.R expects", () => {
    expect(value(wilsonInterval(65, 100, { level: 1 }))).toEqual({ value: 0.65, lower: 0, upper: 1 });
    expect(value(wilsonInterval(65, 100, { level: 100, multiplier: 100 }))).toEqual({ value: 65, lower: 0, upper: 100 });
  });

  it("scales the value and both limits by the multiplier (PHE testdata_Prop: percentage rows = 100 x proportion rows)", () => {
    const proportion = value(wilsonInterval(222, 3215));
    const percentage = value(wilsonInterval(222, 3215, { multiplier: 100 }));
    expect(percentage.value).toBeCloseTo(proportion.value * 100, 12);
    expect(percentage.lower).toBeCloseTo(proportion.lower * 100, 12);
    expect(percentage.upper).toBeCloseTo(proportion.upper * 100, 12);
  });

  it("starts at exactly 0 for no events and ends at exactly 1 when every case is an event (the formula's ends)", () => {
    const none = value(wilsonInterval(0, 50));
    expect(none.lower).toBe(0);
    expect(none.upper).toBeGreaterThan(0);
    const all = value(wilsonInterval(50, 50));
    expect(all.upper).toBe(1);
    expect(all.lower).toBeLessThan(1);
  });

  it("says when the numerator is above the denominator (PHE: numerators must be <= denominator)", () => {
    expect(problem(wilsonInterval(80, 50))).toEqual({ kind: "value", message: expect.stringContaining("larger than the denominator") });
  });

  it("treats a negative numerator, a denominator of 0 or less, and a bad multiplier as input problems", () => {
    expect(problem(wilsonInterval(-4, 100)).kind).toBe("value");
    expect(problem(wilsonInterval(0, 0)).kind).toBe("div0"); // x/n divides by n (docs/methods.md#functions: #DIV/0!)
    expect(problem(wilsonInterval(5, -6)).kind).toBe("value");
    expect(problem(wilsonInterval(5, 10, { multiplier: 0 })).message).toContain("multiplier");
    expect(problem(wilsonInterval(5, 10, { level: 80 })).message).toContain("0.9 to 1 or 90 to 100");
    expect(problem(wilsonInterval(Number.NaN, 10)).message).toContain("not a number");
  });

  it("gives no result (#N/A) for a missing numerator or denominator (PHE testdata_Prop rows 18-20)", () => {
    expect(problem(wilsonInterval(null, 100)).kind).toBe("na");
    expect(problem(wilsonInterval(10, undefined)).kind).toBe("na");
    expect(problem(wilsonInterval(null, null)).kind).toBe("na");
  });
});

describe("exact Poisson and Byars limits for counts (docs/methods.md#confidence-intervals)", () => {
  // For 2 degrees of freedom the chi-square quantile has the closed form -2 ln(1 - p), so the exact
  // limits for 0 and 1 events can be checked by hand: upper(0) = -ln(0.025), lower(1) = -ln(0.975).
  it("gives [0, -ln 0.025] for no events at 95% (exact method, closed form)", () => {
    const none = value(exactPoissonInterval(0));
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(-Math.log(0.025), 12);
  });

  it("gives a lower limit of -ln 0.975 for one event at 95% (closed form)", () => {
    expect(value(exactPoissonInterval(1)).lower).toBeCloseTo(-Math.log(0.975), 14);
  });

  it("refuses a Byars lower limit where the approximation turns negative: 1 event at 99.8% (PHE testdata_B_W row 14 is blank)", () => {
    const result = byarsInterval(1, 99.8);
    expect(problem(result)).toEqual({ kind: "value", message: expect.stringContaining('use method "exact"') });
  });

  it("has no upper limit at level 1, which is an input problem rather than infinity", () => {
    expect(problem(exactPoissonInterval(5, 1)).message).toContain("100% confidence interval");
    expect(problem(byarsInterval(50, 100)).message).toContain("100% confidence interval");
  });
});

describe("rateInterval (docs/methods.md#confidence-intervals, PHE phe_rate)", () => {
  const perThousand = (r: ConfidenceInterval, denominator: number) => ({
    value: (r.value / denominator) * 1000,
    lower: (r.lower / denominator) * 1000,
    upper: (r.upper / denominator) * 1000,
  });

  it("uses exact limits for 9 events and Byars' from 10 under the default method", () => {
    const nine = value(rateInterval(9, 2000, { multiplier: 1000 }));
    const expectedNine = perThousand(value(exactPoissonInterval(9)), 2000);
    expect(nine.lower).toBeCloseTo(expectedNine.lower, 12);
    expect(nine.upper).toBeCloseTo(expectedNine.upper, 12);
    const ten = value(rateInterval(10, 2000, { multiplier: 1000 }));
    const expectedTen = perThousand(value(byarsInterval(10)), 2000);
    expect(ten.lower).toBeCloseTo(expectedTen.lower, 12);
    expect(ten.upper).toBeCloseTo(expectedTen.upper, 12);
    expect(ten.upper).not.toBeCloseTo(perThousand(value(exactPoissonInterval(10)), 2000).upper, 6);
  });

  it("follows an explicit method whatever the count", () => {
    const exact = value(rateInterval(50, 1000, { method: "exact" }));
    const byars = value(rateInterval(50, 1000, { method: "byars" }));
    expect(exact.lower).not.toBeCloseTo(byars.lower, 6);
    expect(exact.lower).toBeCloseTo(value(exactPoissonInterval(50)).lower / 1000, 14);
  });

  it("allows a numerator above its denominator, as a rate may (PHE testdata_Rate row 21: 250 over 220)", () => {
    expect(value(rateInterval(250, 220, { multiplier: 100000 })).value).toBeCloseTo(113636.36363636365, 8);
  });

  it("treats a negative numerator or a denominator of 0 as input problems, and missing ones as no result", () => {
    expect(problem(rateInterval(-1, 100)).kind).toBe("value");
    expect(problem(rateInterval(5, 0)).kind).toBe("div0"); // x/denominator divides by it (docs/methods.md#functions)
    expect(problem(rateInterval(null, 100)).kind).toBe("na");
    expect(problem(rateInterval(10, null)).kind).toBe("na");
  });
});

describe("confidenceInterval and parseIntervalMethod (LAACI, docs/methods.md#functions)", () => {
  it("uses Wilson by default and a rate method when asked", () => {
    expect(confidenceInterval(65, 100)).toEqual(wilsonInterval(65, 100));
    expect(confidenceInterval(5, 100, { method: "rate", multiplier: 100000, level: 99.8 })).toEqual(
      rateInterval(5, 100, { multiplier: 100000, level: 99.8 }),
    );
  });

  it("reads method words case-insensitively, blank as wilson, and rejects others", () => {
    expect(parseIntervalMethod(" Byars ")).toEqual({ ok: true, value: "byars" });
    expect(parseIntervalMethod("RATE")).toEqual({ ok: true, value: "rate" });
    expect(parseIntervalMethod("")).toEqual({ ok: true, value: "wilson" });
    expect(parseIntervalMethod(undefined)).toEqual({ ok: true, value: "wilson" });
    expect(problem(parseIntervalMethod("bootstrap"))).toEqual({ kind: "value", message: expect.stringContaining('"bootstrap"') });
  });
});

describe("meanInterval (docs/methods.md#confidence-intervals, PHE phe_mean)", () => {
  it("gives mean -/+ t x sd / sqrt(k): 1, 2, 3, 4 has mean 2.5 and half-width t(3) x 1.29099 / 2", () => {
    // Textbook t table: t(0.975, 3) = 3.182; sample sd of 1..4 = sqrt(5/3).
    const result = value(meanInterval([1, 2, 3, 4]));
    expect(result.value).toBe(2.5);
    expect(result.standardDeviation).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(result.upper - result.value).toBeCloseTo((3.182 * Math.sqrt(5 / 3)) / 2, 3);
    expect(result.value - result.lower).toBeCloseTo(result.upper - result.value, 12);
  });

  it("gives the same interval from raw values as from their summary", () => {
    const raw = value(meanInterval([3, 9, 4, 12, 7], 99.8));
    const summary = value(meanInterval({ mean: raw.value, sd: raw.standardDeviation, count: 5 }, 99.8));
    expect(summary.lower).toBeCloseTo(raw.lower, 12);
    expect(summary.upper).toBeCloseTo(raw.upper, 12);
  });

  it("ignores missing values among the raw values", () => {
    expect(value(meanInterval([1, null, 2, undefined, 3, 4]))).toEqual(value(meanInterval([1, 2, 3, 4])));
  });

  it("needs at least two values (no result otherwise) and a sensible summary", () => {
    expect(problem(meanInterval([5])).kind).toBe("na");
    expect(problem(meanInterval([null, null])).kind).toBe("na");
    expect(problem(meanInterval({ mean: 5, sd: -1, count: 10 })).kind).toBe("value");
    expect(problem(meanInterval({ mean: 5, sd: 1, count: 2.5 })).kind).toBe("value");
    expect(problem(meanInterval({ mean: 5, sd: 1, count: 1 })).kind).toBe("value");
    expect(problem(meanInterval([1, 2, 3], 1)).message).toContain("100% confidence interval");
  });

  it("does not change the values it is given", () => {
    const values = [4, 1, null, 3];
    meanInterval(values);
    expect(values).toEqual([4, 1, null, 3]);
  });
});
