import { DEFAULT_RULE_SETTINGS, rateIndicator, readIndicator, ruleSetFromSettings, type Rating } from "../../src/core";
import { checkSame, floorLoop, PERIODS, rawRows, STATUS_CODES, typedIndicators, type TypedIndicators } from "./core";

// The bench's floor loop must compute what the core computes, or the ratio compares different work
//. Expected statuses follow docs/methods.md#rag-rules (Tolerance: 5% band, exactly at the edge is
// Amber; blue margin 10% as the bench sets it), shortfalls section 2, trajectories section 4.

/** Period k's end as an Excel serial: 31 March of 2000 + k (DATE(2000 + k, 3, 31) in Excel). */
const periodEnd = typedIndicators(rawRows(1)).periodEnd;

/** One indicator as typed arrays: actuals and targets by period index, the rest missing. */
function one(polarity: 1 | -1, actuals: Record<number, number>, targets: Record<number, number>, baseline = 50): TypedIndicators {
  const a = new Float64Array(PERIODS).fill(NaN);
  const t = new Float64Array(PERIODS).fill(NaN);
  for (const [k, v] of Object.entries(actuals)) a[Number(k)] = v;
  for (const [k, v] of Object.entries(targets)) t[Number(k)] = v;
  // Baseline 1998/99 ends 31 March 1999: Excel serial 36250.
  return { count: 1, actuals: a, targets: t, polarity: Int8Array.of(polarity), baseline: Float64Array.of(baseline), periodEnd, baselineEnd: 36250 };
}

function rate(data: TypedIndicators): { status: string; shortfall: number } {
  const status = new Uint8Array(data.count);
  const shortfall = new Float64Array(data.count);
  floorLoop(data, status, shortfall);
  return { status: STATUS_CODES[status[0]], shortfall: shortfall[0] };
}

describe("the typed-array floor loop (the bench's baseline for the core)", () => {
  it("rates Amber when 3.0 short of a target of 75 (4%, inside the 5% band)", () => {
    // docs/methods.md#rag-rules's example: "Actual 72.0 is 3.0 (4.0%) short of target 75.0".
    expect(rate(one(1, { 11: 72 }, { 11: 75 }))).toEqual({ status: "Amber", shortfall: 3 });
  });

  it("rates Amber exactly at the 5% edge and Red just past it", () => {
    // 5% of 75 is 3.75: an actual of 71.25 is on the edge (Amber), 71.2 is past it.
    expect(rate(one(1, { 11: 71.25 }, { 11: 75 })).status).toBe("Amber");
    expect(rate(one(1, { 11: 71.2 }, { 11: 75 })).status).toBe("Red");
  });

  it("counts the shortfall the other way when lower is better", () => {
    // Section 2: shortfall = actual - target for lower; 80 - 75 = 5, 6.7% of 75: Red.
    expect(rate(one(-1, { 11: 80 }, { 11: 75 }))).toEqual({ status: "Red", shortfall: 5 });
    expect(rate(one(-1, { 11: 70 }, { 11: 75 }))).toEqual({ status: "Green", shortfall: -5 });
  });

  it("rates Blue when the target is beaten by the 10% margin, Green when only met", () => {
    // 10% of 75 is 7.5: 82.5 beats it by exactly the margin (Blue); 75 meets it (Green).
    expect(rate(one(1, { 11: 82.5 }, { 11: 75 })).status).toBe("Blue");
    expect(rate(one(1, { 11: 75 }, { 11: 75 })).status).toBe("Green");
    expect(rate(one(1, { 11: 80 }, { 11: 75 })).status).toBe("Green");
  });

  it("uses the latest period with an actual, and the trajectory when that period has no target", () => {
    // As-at 2000/01 (31 March 2001, serial 36981), between the baseline 50 (serial 36250) and the
    // 2001/02 target 60 (serial 37346): 50 + 10 x 731 / 1096 = 56.6697 (section 4), so 55 is 1.67 short: Amber.
    const r = rate(one(1, { 0: 40, 1: 55 }, { 2: 60, 5: 70 }));
    expect(r.status).toBe("Amber");
    expect(r.shortfall).toBeCloseTo(50 + (10 * 731) / 1096 - 55, 12);
  });

  it("uses the last target after the last milestone", () => {
    // Section 5: "after the last target, the last target": 2010/11's actual against 2007/08's 70.
    expect(rate(one(1, { 11: 69 }, { 2: 60, 8: 70 }))).toEqual({ status: "Amber", shortfall: 1 });
  });

  it("rates Grey with no shortfall when there is no actual", () => {
    const r = rate(one(1, {}, { 11: 75 }));
    expect(r.status).toBe("Grey");
    expect(r.shortfall).toBeNaN();
  });

  it("gives the core's statuses and shortfalls on 3,000 seeded bench indicators, every status present", () => {
    const raws = rawRows(3000);
    const rules = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, blueMargin: 0.1 });
    const ratings = raws.map((r) => rateIndicator(readIndicator(r).indicator, rules));
    const status = new Uint8Array(raws.length);
    const shortfall = new Float64Array(raws.length);
    floorLoop(typedIndicators(raws), status, shortfall);
    expect(() => checkSame(ratings, status, shortfall)).not.toThrow();
    // The check covers every branch of the Tolerance rule, and trajectories (as-at without a target).
    expect(new Set(ratings.map((r) => r.status))).toEqual(new Set(["Blue", "Green", "Amber", "Red"]));
    expect(ratings.some((r) => r.target?.label.startsWith("trajectory"))).toBe(true);
  });

  it("fails the bench when one status differs from the core's", () => {
    const ratings: Rating[] = [{ status: "Amber", reason: "", preset: "tolerance", rule: null, asAt: "2010/11", gap: 3, direction: "Same" } as unknown as Rating];
    expect(() => checkSame(ratings, Uint8Array.of(3), Float64Array.of(3))).toThrow(/indicator 0 is Amber .* but Red/);
    expect(() => checkSame(ratings, Uint8Array.of(2), Float64Array.of(2))).toThrow(/shortfall 3 in the core/);
    expect(() => checkSame(ratings, Uint8Array.of(2), Float64Array.of(3))).not.toThrow();
  });
});
