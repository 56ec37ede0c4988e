import { gap, parseGapMode, shortfall } from "../../../src/core/gap";

// Expected values follow docs/methods.md#gap (shortfall = target - actual for higher,
// actual - target for lower) and section 10 (pct = shortfall / abs(target)).
describe("shortfall (docs/methods.md#gap)", () => {
  it("is target minus actual when higher is better: 72 against 75 is 3 short", () => {
    expect(shortfall(72, 75, "higher")).toEqual({ ok: true, value: 3 });
  });
  it("is actual minus target when lower is better: 12 against 10 is 2 short", () => {
    expect(shortfall(12, 10, "lower")).toEqual({ ok: true, value: 2 });
  });
  it("is zero when the target is exactly met, and negative when beaten", () => {
    expect(shortfall(75, 75, "higher")).toEqual({ ok: true, value: 0 });
    expect(shortfall(8, 10, "lower")).toEqual({ ok: true, value: -2 });
  });
  it("is a missing-data problem for polarity none", () => {
    const result = shortfall(5, 10, "none");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe("na");
  });
});

describe("gap (docs/methods.md#functions, LAAGAP mode)", () => {
  it("as a share of target: 3 short of 75 is 0.04", () => {
    const result = gap(72, 75, "higher", "pct");
    expect(result.ok && result.value).toBeCloseTo(0.04, 15);
  });
  it("divides by the absolute target, so a negative target keeps the sign of the shortfall", () => {
    const result = gap(-12, -10, "higher", "pct");
    expect(result).toEqual({ ok: true, value: 0.2 });
  });
  it("is #DIV/0! as a share of a zero target", () => {
    const result = gap(3, 0, "lower", "pct");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe("div0");
  });
  it("reads the mode words abs and pct, blank meaning abs", () => {
    expect(parseGapMode(null)).toEqual({ ok: true, value: "abs" });
    expect(parseGapMode(" PCT ")).toEqual({ ok: true, value: "pct" });
    expect(parseGapMode("percent").ok).toBe(false);
  });
});
