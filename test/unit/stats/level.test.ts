import { parseConfidenceLevel } from "../../../src/core/stats";

// docs/methods.md#confidence-intervals: a level is accepted as 0.9 to 1 or 90 to 100 (95 = 0.95); anything else is an
// input error. The rejected values 0.7, 14 and 125 are those of PHE's own error tests
// (PHEindicatormethods tests/testthat/testByars.R and testWilson.R).
describe("parseConfidenceLevel (docs/methods.md#confidence-intervals)", () => {
  it("reads 95 and 0.95 alike as 95%", () => {
    expect(parseConfidenceLevel(95)).toEqual({ ok: true, value: 0.95 });
    expect(parseConfidenceLevel(0.95)).toEqual({ ok: true, value: 0.95 });
  });

  it("reads 99.8 as PHE does (99.8 / 100) and 0.998 as it is", () => {
    expect(parseConfidenceLevel(99.8)).toEqual({ ok: true, value: 99.8 / 100 });
    expect(parseConfidenceLevel(0.998)).toEqual({ ok: true, value: 0.998 });
  });

  it("accepts the ends of both ranges: 0.9, 1, 90 and 100", () => {
    expect(parseConfidenceLevel(0.9)).toEqual({ ok: true, value: 0.9 });
    expect(parseConfidenceLevel(1)).toEqual({ ok: true, value: 1 });
    expect(parseConfidenceLevel(90)).toEqual({ ok: true, value: 0.9 });
    expect(parseConfidenceLevel(100)).toEqual({ ok: true, value: 1 });
  });

  it("takes a blank level as the default 95%", () => {
    expect(parseConfidenceLevel(undefined)).toEqual({ ok: true, value: 0.95 });
    expect(parseConfidenceLevel(null)).toEqual({ ok: true, value: 0.95 });
    expect(parseConfidenceLevel("  ")).toEqual({ ok: true, value: 0.95 });
  });

  it.each([0.7, 14, 125, 0.89, 1.5, 89.9, 100.1, -95, 0])("rejects %p as an input problem that says what to give", (raw) => {
    const result = parseConfidenceLevel(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.kind).toBe("value");
      expect(result.problem.message).toContain(String(raw));
      expect(result.problem.message).toContain("0.9 to 1 or 90 to 100");
    }
  });

  it("rejects text and non-finite numbers as not a number", () => {
    for (const raw of ["ninety-five", NaN, Infinity, true]) {
      const result = parseConfidenceLevel(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toEqual({ kind: "value", message: expect.stringContaining("is not a number") });
    }
  });
});
