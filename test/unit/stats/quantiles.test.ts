import { makeQuantileRanker, quantileOf, quantiles } from "../../../src/core/stats";

// Expected numbers follow docs/methods.md#confidence-intervals: PHE's quantile = floor(n + 1 - ceil((N + 1 - rank) / (N / n))),
// 0 read as 1, ties at the minimum rank, missing values ignored, fewer than n values give none; then
// renumbered so that 1 = best (ours = n + 1 - PHE's). Worked by hand for N = 4, n = 4: PHE's quantile
// equals the rank, so ours = 5 - rank.
describe("quantiles (docs/methods.md#confidence-intervals, PHE phe_quantile)", () => {
  it("puts the highest value in quantile 1 when higher is better", () => {
    expect(quantiles([10, 20, 30, 40], { n: 4, polarity: "higher" })).toEqual({ ok: true, value: [4, 3, 2, 1] });
  });

  it("puts the lowest value in quantile 1 when lower is better", () => {
    expect(quantiles([10, 20, 30, 40], { n: 4, polarity: "lower" })).toEqual({ ok: true, value: [1, 2, 3, 4] });
  });

  it("puts the highest values in quantile 1 for polarity none, and takes higher as the default", () => {
    expect(quantiles([10, 20, 30, 40], { n: 4, polarity: "none" })).toEqual({ ok: true, value: [4, 3, 2, 1] });
    expect(quantiles([10, 20, 30, 40], { n: 4 })).toEqual({ ok: true, value: [4, 3, 2, 1] });
  });

  it("gives tied values the same quantile (ties at the minimum rank)", () => {
    // Ranks 1, 2, 2, 4 (ascending) -> PHE 1, 2, 2, 4 -> ours 4, 3, 3, 1.
    expect(quantiles([10, 20, 20, 40], { n: 4 })).toEqual({ ok: true, value: [4, 3, 3, 1] });
  });

  it("splits 8 values into quartiles of 2 (N / n = 2)", () => {
    // rank r -> PHE floor(5 - ceil((9 - r) / 2)): 1,1,2,2,3,3,4,4 -> ours 4,4,3,3,2,2,1,1.
    expect(quantiles([1, 2, 3, 4, 5, 6, 7, 8], { n: 4 })).toEqual({ ok: true, value: [4, 4, 3, 3, 2, 2, 1, 1] });
  });

  it("ignores missing values (no quantile for them, and they do not count towards N)", () => {
    expect(quantiles([10, null, 20, undefined, 30, Number.NaN, 40], { n: 4 })).toEqual({
      ok: true,
      value: [4, null, 3, null, 2, null, 1],
    });
  });

  it("gives no quantile at all when there are fewer values than quantiles", () => {
    expect(quantiles([10, 20, 30], { n: 4 })).toEqual({ ok: true, value: [null, null, null] });
  });

  it("assigns quantiles within each group separately, e.g. by region", () => {
    const values = [10, 100, 20, 200, 30, 300, 40];
    const groups = ["North", "South", "North", "South", "North", "South", "North"];
    // North has 4 values (quartiles 4..1); South only 3, fewer than 4, so none.
    expect(quantiles(values, { n: 4, groups })).toEqual({ ok: true, value: [4, null, 3, null, 2, null, 1] });
  });

  it("treats a bad number of quantiles as an input problem", () => {
    for (const n of [0, 2.5, -4, Number.NaN]) {
      const result = quantiles([1, 2, 3], { n });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.kind).toBe("value");
    }
  });

  it("throws on misuse: a group label list of another length", () => {
    expect(() => quantiles([1, 2, 3], { n: 2, groups: ["a", "b"] })).toThrow(RangeError);
  });

  it("does not change the values or groups it is given", () => {
    const values = [30, 10, null, 20];
    const groups = ["a", "a", "a", "a"];
    quantiles(values, { n: 2, groups });
    expect(values).toEqual([30, 10, null, 20]);
    expect(groups).toEqual(["a", "a", "a", "a"]);
  });
});

describe("quantileOf (LAAQUANTILE, docs/methods.md#confidence-intervals, docs/methods.md#functions)", () => {
  it("places one value among its comparators, 1 = best", () => {
    expect(quantileOf(40, [10, 20, 30, 40], { n: 4 })).toEqual({ ok: true, value: 1 });
    expect(quantileOf(40, [10, 20, 30, 40], { n: 4, polarity: "lower" })).toEqual({ ok: true, value: 4 });
  });

  it("gives no result (#N/A) for a missing value, a value not among the comparators, or too few comparators", () => {
    const missing = quantileOf(null, [1, 2, 3, 4], { n: 4 });
    const absent = quantileOf(5, [1, 2, 3, 4], { n: 4 });
    const tooFew = quantileOf(3, [1, 2, 3, null], { n: 4 });
    for (const result of [missing, absent, tooFew]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.kind).toBe("na");
    }
    if (!tooFew.ok) expect(tooFew.problem.message).toContain("4 quantiles need at least 4");
  });

  it("treats a bad number of quantiles as an input problem", () => {
    const result = quantileOf(1, [1, 2], { n: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe("value");
  });
});

describe("makeQuantileRanker (one range, many values: LAAQUANTILE spilled down a column)", () => {
  it("places each value as the whole-column call does", () => {
    const column = [5, 3, null, 9, 3, 7, 1, 8];
    const ranker = makeQuantileRanker(column, { n: 3, polarity: "lower" });
    expect(ranker.ok).toBe(true);
    if (!ranker.ok) return;
    const whole = quantiles(column, { n: 3, polarity: "lower" });
    expect(whole.ok && column.map((v) => (v === null ? null : ranker.value(v)))).toEqual(
      whole.ok && whole.value.map((q) => (q === null ? null : { ok: true, value: q })),
    );
  });

  it("reports a bad number of quantiles at once", () => {
    const ranker = makeQuantileRanker([1, 2, 3], { n: -1 });
    expect(ranker.ok).toBe(false);
    if (!ranker.ok) expect(ranker.problem.kind).toBe("value");
  });
});
