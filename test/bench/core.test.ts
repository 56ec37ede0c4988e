import { rateIndicator, readIndicator, type RawIndicator, type Rating } from "../../src/core";
import { PERIODS, rawRows, rules } from "./core";
import { checkSame, DIRECTION_CODES, floorLoop, floorOutputs, reasonNumber, reasonPercent, STATUS_CODES, typedIndicators } from "./core-floor";

// The bench's floor must compute what the core computes, or the ratio compares different work.
// Expected outputs follow docs/methods.md: #tolerance (5% band, exactly at the edge is Amber; blue
// margin 10% as the bench sets it), #gap, #progress, #which-target, #trajectory and
// #direction-of-travel; the reasons are the core's words for each case.

/** The bench's columns: financial years 1999/00 (k = 0) to 2010/11 (k = 11); the baseline is 1998/99. */
const LABELS = Array.from({ length: PERIODS }, (_, k) => `${1999 + k}/${String((2000 + k) % 100).padStart(2, "0")}`);
const TOLERANCE = rules("tolerance");

/**
 * One raw row as the bench builds them: an actual cell in every period (blank where none is given),
 * confidence limits `limit` either side of each number (none when null), targets where given.
 */
function row(polarity: "higher" | "lower", actuals: Record<number, number | string>, targets: Record<number, number>, baseline = 50, limit: number | null = 1): RawIndicator {
  return {
    id: { value: "NI 1" },
    polarity: { value: polarity },
    baseline: { value: baseline },
    baselinePeriod: { value: "1998/99" },
    actuals: LABELS.map((period, k) => {
      const value = actuals[k] ?? null;
      const limits = typeof value === "number" && limit !== null ? { lower: { value: value - limit }, upper: { value: value + limit } } : {};
      return { period, value: { value }, ...limits };
    }),
    targets: Object.entries(targets).map(([k, value]) => ({ period: LABELS[Number(k)], value: { value } })),
  };
}

/** The floor's outputs for one row, after checking that the core's rating of it agrees on every one. */
function rate(raw: RawIndicator): { status: string; gap: number; gapPct: number; progress: number; direction: string; reason: string; asAt: string } {
  const data = typedIndicators([raw]);
  const out = floorOutputs(1);
  floorLoop(data, out);
  checkSame([rateIndicator(readIndicator(raw).indicator, TOLERANCE)], out, data.labels);
  return { status: STATUS_CODES[out.status[0]], gap: out.gap[0], gapPct: out.gapPct[0], progress: out.progress[0], direction: DIRECTION_CODES[out.direction[0]], reason: out.reason[0], asAt: data.labels[out.asAt[0]] };
}

describe("the floor loop (the bench's baseline for the core) agrees with the core on hand-worked indicators", () => {
  it("rates Amber when 3.0 short of a target of 75 (4%, inside the 5% band), with gap, progress and direction", () => {
    // docs/methods.md#tolerance: shortfall 75 - 72 = 3 is 4% of 75. Progress (72 - 50) / (75 - 50) = 0.88.
    // Previous 69 (68 to 70) and current 72 (71 to 73) do not overlap and rise: Improving.
    expect(rate(row("higher", { 10: 69, 11: 72 }, { 11: 75 }))).toEqual({
      status: "Amber",
      gap: 3,
      gapPct: 0.04,
      progress: 0.88,
      direction: "Improving",
      reason: "Actual 72.0 for 2010/11 is 3.0 (4.0%) short of target 75.0 for 2010/11; amber band is 5% of target",
      asAt: "2010/11",
    });
  });

  it("rates Amber exactly at the 5% edge and Red just past it", () => {
    // 5% of 75 is 3.75: 71.25 is on the edge (Amber); 71.2 is 3.8 short, 3.8 / 75 = 5.07% (Red).
    expect(rate(row("higher", { 11: 71.25 }, { 11: 75 })).reason).toBe("Actual 71.25 for 2010/11 is 3.75 (5.0%) short of target 75.0 for 2010/11; amber band is 5% of target");
    const red = rate(row("higher", { 11: 71.2 }, { 11: 75 }));
    expect(red.status).toBe("Red");
    expect(red.reason).toBe("Actual 71.2 for 2010/11 is 3.8 (5.1%) short of target 75.0 for 2010/11; beyond the amber band of 5% of target");
    expect(red.direction).toBe("Not compared"); // 2009/10 is blank
  });

  it("counts the shortfall the other way when lower is better", () => {
    // docs/methods.md#gap: actual - target = 80 - 75 = 5, 6.7% of 75: Red. Progress from baseline 90:
    // (80 - 90) / (75 - 90) = 2/3. Falling from 85 (84 to 86) to 80 (79 to 81) is Improving when lower is better.
    const r = rate(row("lower", { 10: 85, 11: 80 }, { 11: 75 }, 90));
    expect(r).toMatchObject({ status: "Red", gap: 5, direction: "Improving", reason: "Actual 80.0 for 2010/11 is 5.0 (6.7%) short of target 75.0 for 2010/11; beyond the amber band of 5% of target" });
    expect(r.progress).toBeCloseTo(2 / 3, 12);
    expect(rate(row("lower", { 10: 65, 11: 70 }, { 11: 75 })).direction).toBe("Worsening");
  });

  it("rates Blue when the target is beaten by the 10% margin, Green when beaten by less or only met", () => {
    // 10% of 75 is 7.5: 82.5 beats it by exactly the margin (Blue); 80 by 5.0 = 6.7% (Green); 75 meets it.
    expect(rate(row("higher", { 11: 82.5 }, { 11: 75 }))).toMatchObject({ status: "Blue", gap: -7.5, reason: "Actual 82.5 for 2010/11 beats target 75.0 for 2010/11 by 7.5 (10.0%); blue margin is 10% of target" });
    expect(rate(row("higher", { 11: 80 }, { 11: 75 }))).toMatchObject({ status: "Green", reason: "Actual 80.0 for 2010/11 beats target 75.0 for 2010/11 by 5.0 (6.7%); blue margin is 10% of target" });
    expect(rate(row("higher", { 11: 75 }, { 11: 75 }))).toMatchObject({ status: "Green", gap: 0, progress: 1, reason: "Actual 75.0 for 2010/11 meets target 75.0 for 2010/11" });
  });

  it("uses the latest period with an actual, and the trajectory when that period has no target", () => {
    // As-at 2000/01 (31 March 2001, 731 days after the baseline's 31 March 1999) on the way to the
    // 2001/02 target 60 (31 March 2002, 1,096 days after): 50 + 10 x 731 / 1096 = 56.67
    // (docs/methods.md#trajectory); 55 is 1.67 short, 2.9% of 56.67: Amber. Progress 5 / 6.67 = 0.75.
    const t = 50 + (10 * 731) / 1096;
    const r = rate(row("higher", { 0: 40, 1: 55 }, { 2: 60, 5: 70 }));
    expect(r).toMatchObject({ status: "Amber", asAt: "2000/01", direction: "Improving", reason: "Actual 55.0 for 2000/01 is 1.67 (2.9%) short of 56.67 on the trajectory to 2001/02; amber band is 5% of target" });
    expect(r.gap).toBeCloseTo(t - 55, 12);
    expect(r.progress).toBeCloseTo(5 / (t - 50), 12);
  });

  it("uses the last target after the last milestone", () => {
    // docs/methods.md#which-target: "after the last target, the last target": 2010/11's 69 against 2007/08's 70, 1.4% short.
    expect(rate(row("higher", { 11: 69 }, { 2: 60, 8: 70 })).reason).toBe("Actual 69.0 for 2010/11 is 1.0 (1.4%) short of target 70.0 for 2007/08; amber band is 5% of target");
  });

  it("gives No change for the same value without limits, Not compared after an n/a", () => {
    // docs/methods.md#direction-of-travel: threshold 0, so only an identical value is No change.
    expect(rate(row("higher", { 10: 72, 11: 72 }, { 11: 75 }, 50, null)).direction).toBe("No change");
    expect(rate(row("higher", { 10: 71.5, 11: 72 }, { 11: 75 })).direction).toBe("No significant change"); // 70.5-72.5 and 71-73 overlap
    expect(rate(row("higher", { 10: "n/a", 11: 72 }, { 11: 75 })).direction).toBe("Not compared");
  });

  it("rates Grey with nothing else when there is no actual", () => {
    expect(rate(row("higher", {}, { 11: 75 }))).toEqual({ status: "Grey", gap: NaN, gapPct: NaN, progress: NaN, direction: "Not compared", reason: "No actual for 2010/11", asAt: "2010/11" });
  });

  it("quotes numbers and percentages as the core's reasons do", () => {
    // Four significant figures, one to four decimals, trailing zeros trimmed; no minus on a zero.
    expect([72, 3.14159, 0.1 + 0.2, 2034.8493, 0.00012345, -0.00001].map(reasonNumber)).toEqual(["72.0", "3.142", "0.3", "2034.8", "0.0001", "0.0"]);
    expect(reasonPercent(0.0344827)).toBe("3.4%");
  });
});

describe("the floor loop on the bench's own rows", () => {
  it("gives the core's outputs on 3,000 seeded bench indicators, with every status and direction the data can give", () => {
    const raws = rawRows(3000);
    const ratings = raws.map((r) => rateIndicator(readIndicator(r).indicator, TOLERANCE));
    const data = typedIndicators(raws);
    const out = floorOutputs(raws.length);
    floorLoop(data, out);
    expect(() => checkSame(ratings, out, data.labels)).not.toThrow();
    // The check covers every branch of the Tolerance rule, trajectories, and the directions.
    expect(new Set(ratings.map((r) => r.status))).toEqual(new Set(["Blue", "Green", "Amber", "Red"]));
    expect(new Set(ratings.map((r) => r.direction))).toEqual(new Set(["Improving", "Worsening", "No significant change", "Not compared"]));
    expect(ratings.some((r) => r.target?.label.startsWith("trajectory"))).toBe(true);
  });

  it("fails the bench when any output differs from the core's", () => {
    const raw = row("higher", { 10: 69, 11: 72 }, { 11: 75 });
    const data = typedIndicators([raw]);
    const rating = rateIndicator(readIndicator(raw).indicator, TOLERANCE);
    const check = (change: Partial<Rating>) => () => {
      const out = floorOutputs(1);
      floorLoop(data, out);
      checkSame([{ ...rating, ...change }], out, data.labels);
    };
    expect(check({})).not.toThrow();
    expect(check({ status: "Red" })).toThrow(/indicator 0 has status "Red" in the core but "Amber"/);
    expect(check({ gap: 3.5 })).toThrow(/gap 3.5 in the core/);
    expect(check({ gapPct: undefined })).toThrow(/gap %/);
    expect(check({ progress: 0.5 })).toThrow(/progress/);
    expect(check({ direction: "Worsening" })).toThrow(/direction "Worsening"/);
    expect(check({ reason: "Actual 72.0 is short" })).toThrow(/reason/);
    expect(check({ asAt: "2009/10" })).toThrow(/as-at/);
  });
});
