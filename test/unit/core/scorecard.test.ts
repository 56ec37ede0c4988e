import { countByStatus, parseStatus, points, rollUp, score, statusFromScore } from "../../../src/core/scorecard";

// Points, score, cut-offs and counts: docs/methods.md#scorecard-score (Blue 1, Green 1, Amber 0.5, Red 0,
// Grey excluded; Green >= 0.75, Amber >= 0.5, else Red).
describe("points and score", () => {
  it("gives Blue 1, Green 1, Amber 0.5, Red 0 and Grey none", () => {
    expect(["Blue", "Green", "Amber", "Red", "Grey"].map((s) => points(s as never))).toEqual([1, 1, 0.5, 0, null]);
  });
  it("scores Green, Amber, Red and Grey as 0.5: (1 + 0.5 + 0) / 3, Grey left out", () => {
    expect(score(["Green", "Amber", "Red", "Grey"])).toEqual({ ok: true, value: 0.5 });
  });
  it("weights the mean: Green weight 3 and Red weight 1 score 0.75", () => {
    expect(score(["Green", "Red"], [3, 1])).toEqual({ ok: true, value: 0.75 });
  });
  it("reads status words in any case, blank cells as not rated, and weights as text", () => {
    expect(score([" green ", "", null, "RED"], ["2", 5, 5, ""])).toEqual({ ok: true, value: 2 / 3 });
  });
  it("gives #N/A when nothing is rated", () => {
    const r = score(["Grey", "", null]);
    expect(r.ok === false && r.problem.kind).toBe("na");
  });
  it("gives #DIV/0! when every rated indicator has weight 0", () => {
    const r = score(["Green", "Red"], [0, 0]);
    expect(r.ok === false && r.problem.kind).toBe("div0");
  });
  it("reports unknown status words, negative weights and lists of different lengths", () => {
    expect(score(["Purple"]).ok).toBe(false);
    expect(score(["Green"], [-1]).ok).toBe(false);
    expect(score(["Green", "Red"], [1]).ok).toBe(false);
  });
  it("parses status words", () => {
    expect(parseStatus("amber")).toEqual({ ok: true, value: "Amber" });
    expect(parseStatus("")).toEqual({ ok: true, value: null });
    expect(parseStatus(3).ok).toBe(false);
  });
});

describe("status from a score (default cut-offs Green >= 0.75, Amber >= 0.5)", () => {
  it.each([
    [1, "Green"],
    [0.75, "Green"],
    [0.7499, "Amber"],
    [0.5, "Amber"],
    [0.4999, "Red"],
    [0, "Red"],
  ])("shows %p as %p", (value, status) => {
    expect(statusFromScore(value)).toBe(status);
  });
  it("takes other cut-offs", () => {
    expect(statusFromScore(0.7, { green: 0.7, amber: 0.4 })).toBe("Green");
  });
  it("throws for cut-offs out of order (programmer misuse)", () => {
    expect(() => statusFromScore(0.5, { green: 0.4, amber: 0.6 })).toThrow(RangeError);
  });
});

describe("roll-up to perspective and overall", () => {
  const children = [{ status: "Green" as const }, { status: "Amber" as const }, { status: "Red" as const }, { status: "Grey" as const }];
  it("by weighted score (default): 0.5 is Amber, counts keep Grey", () => {
    const r = rollUp(children);
    expect(r).toMatchObject({ status: "Amber", score: 0.5, counts: { Blue: 0, Green: 1, Amber: 1, Red: 1, Grey: 1 } });
    expect(r.reason).toBe("Score 0.5 is Amber (1 Green, 1 Amber, 1 Red, 1 Grey)");
  });
  it("by worst child", () => {
    expect(rollUp(children, "worst").status).toBe("Red");
  });
  it("by counts: the most common rated status, ties going to the worse", () => {
    expect(rollUp([{ status: "Green" }, { status: "Green" }, { status: "Red" }], "counts").status).toBe("Green");
    expect(rollUp([{ status: "Green" }, { status: "Red" }], "counts").status).toBe("Red");
  });
  it("is Grey when nothing is rated, whatever the method", () => {
    for (const m of ["score", "worst", "counts"] as const) expect(rollUp([{ status: "Grey" }], m).status).toBe("Grey");
  });
  it("rolls perspectives up by their own scores and weights", () => {
    // (0.9 x 1 + 0.3 x 3) / 4 = 0.45: Red.
    const r = rollUp([{ status: "Green", score: 0.9 }, { status: "Red", score: 0.3, weight: 3 }]);
    expect(r.score).toBeCloseTo(0.45, 15);
    expect(r.status).toBe("Red");
  });
});

describe("countByStatus", () => {
  it("always has all five statuses", () => {
    expect(countByStatus([])).toEqual({ Blue: 0, Green: 0, Amber: 0, Red: 0, Grey: 0 });
    expect(countByStatus(["Green", "Green", "Grey"])).toEqual({ Blue: 0, Green: 2, Amber: 0, Red: 0, Grey: 1 });
  });
});
