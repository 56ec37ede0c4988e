/**
 * Scorecard roll-ups, the Exception report's order and quantiles among areas, in the core
 * (docs/methods.md#scorecard-score, #quantiles). Expected values are worked by hand in each test.
 */
import { exceptionOrder, quantilesWithin, summarise, type RatedItem } from "../../../src/core/rollups";
import type { Status } from "../../../src/core/rules/types";

const item = (status: Status, extra: { weight?: number; perspective?: string; gapPct?: number; key?: string; id?: string; value?: number | null; polarity?: "higher" | "lower" } = {}) => ({
  status, key: extra.key ?? "k", id: extra.id ?? "NI 1", perspective: extra.perspective ?? "P",
  indicator: { weight: extra.weight ?? 1, polarity: extra.polarity ?? "higher" },
  rating: { ...(extra.gapPct === undefined ? {} : { gapPct: extra.gapPct }), actual: extra.value === undefined ? null : { value: extra.value } },
}) satisfies RatedItem & Record<string, unknown>;

describe("summarise", () => {
  it("weights indicators within a perspective and weights perspectives equally overall", () => {
    // P: Green (1) weight 3 and Red (0) weight 1 -> (3 x 1 + 1 x 0) / 4 = 0.75, Green (0.75 and above).
    // Q: Amber (0.5) -> 0.5, Amber. Overall (0.75 + 0.5) / 2 = 0.625, Amber; counts over all three.
    const items = [item("Green", { weight: 3 }), item("Red"), item("Amber", { perspective: "Q" })];
    const out = summarise(items, (e) => e.perspective);
    expect(out.groups.map((g) => [g.name, g.rollUp.score, g.rollUp.status])).toEqual([["P", 0.75, "Green"], ["Q", 0.5, "Amber"]]);
    expect(out.overall.score).toBeCloseTo(0.625, 15);
    expect(out.overall.status).toBe("Amber");
    expect(out.overall.counts).toEqual({ Blue: 0, Green: 1, Amber: 1, Red: 1, Grey: 0 });
  });
});

describe("exceptionOrder", () => {
  it("puts Red before Amber, then the largest shortfall, then the key", () => {
    const list = [item("Amber", { gapPct: 0.04, key: "a" }), item("Red", { gapPct: 0.1, key: "b" }), item("Red", { gapPct: 0.3, key: "c" }), item("Red", { key: "d" }), item("Red", { gapPct: 0.1, key: "a" })];
    expect(list.sort(exceptionOrder).map((e) => e.key)).toEqual(["c", "a", "b", "d", "a"]);
  });
});

describe("quantilesWithin", () => {
  it("ranks the areas of each indicator separately, 1 = best, by polarity", () => {
    // Higher is better: 40 is the best quarter (1), 10 the worst (4). Lower is better reverses it.
    const higher = [10, 20, 30, 40].map((v) => item("Green", { id: "NI 1", value: v }));
    const lower = [10, 20, 30, 40].map((v) => item("Green", { id: "NI 2", value: v, polarity: "lower" }));
    const q = quantilesWithin([...higher, ...lower], (e) => e.id);
    expect(higher.map((e) => q.get(e))).toEqual([4, 3, 2, 1]);
    expect(lower.map((e) => q.get(e))).toEqual([1, 2, 3, 4]);
  });
});
