/**
 * Funnel plots (docs/methods.md#funnel): PHEindicatormethods' own test files for its funnel functions
 * (testdata_funnel_*.csv, every row transcribed into test/fixtures/phe/funnel.json with its file and
 * row, by regenerate-funnel.js), fed as PHEindicatormethods' testFunnels.R feeds them, and hand cases.
 *
 * Precision of the files: the proportion limits are rounded to 6 decimals
 * (testdata_funnel_prop_outputs.csv) and 8 decimals (..._with_axis_variation.csv). The ratio and rate
 * limits come from a bisection that stops once its step is below 1e-7 in v = E / (E + 1 + O), where E
 * is the expected count (ratio) or population x baseline (rate) at which O events lie on a limit;
 * its last step is 0.5 / 2^23 = 6e-8, so the files' E are within that of the exact E. These rows are
 * checked in that coordinate to two steps (1.2e-7); everything else (axis points, baselines, the
 * points of areas, every label) to 1e-9 relative or exactly.
 */
import f from "../../../fixtures/phe/funnel.json";
import {
  funnelAreaLabeller, funnelAxis, funnelLimits, parseFunnelType, funnelRatePoints, funnelSignificance, neatCeiling, neatFloor, poissonLowerTail, poissonMeanBelow,
  type FunnelInput, type FunnelPoint,
} from "../../../../src/core/methods/funnel";
import { exactPoissonUpper } from "../../../../src/core/stats/intervals";

type Row = Record<string, number | string | null> & { source: string };
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const num = (r: Row, k: string) => r[k] as number;
const value = <T,>(r: { ok: true; value: T } | { ok: false; problem: { message: string } }): T => {
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
};

/** The bisection coordinate of PHEindicatormethods' Poisson funnel, v = E / (E + 1 + O). */
const v = (expected: number, observed: number) => expected / (expected + 1 + observed);
const BISECTION = 1.2e-7;

const SIDES = [["lower2s", "lower_2s"], ["upper2s", "upper_2s"], ["lower3s", "lower_3s"], ["upper3s", "upper_3s"]] as const;

describe("funnel limits for proportions against testdata_funnel_prop_outputs*.csv", () => {
  const inputs = f.prop_inputs as Row[];
  const cases = [
    // testFunnels.R: every area of testdata_funnel_prop_inputs.csv, percentages; 6 decimals in the file
    ["testdata_funnel_prop_outputs.csv (all 303 areas)", inputs, f.prop_outputs as Row[], 5e-7],
    // testFunnels.R: the areas with denominator below 31,000, so the axis starts above 0; 8 decimals
    ["testdata_funnel_prop_outputs_with_axis_variation.csv (denominators below 31,000)", inputs.filter((r) => num(r, "denominator") < 31000), f.prop_outputs_with_axis_variation as Row[], 5e-9],
  ] as const;
  it.each(cases)("%s: 100 axis points, limits and baseline to the file's decimals", (_name, areas, rows, halfUnit) => {
    const limits = value(funnelLimits({ statistic: "proportion", numerators: areas.map((r) => num(r, "numerator")), denominators: areas.map((r) => num(r, "denominator")) }));
    expect(limits.points.map((p) => p.axis)).toEqual(rows.map((r) => num(r, "Population")));
    const off: string[] = [];
    const cols = { lower2s: "Lower2s0025limit", upper2s: "Upper2s0025limit", lower3s: "Lower3s0001limit", upper3s: "Upper3s0001limit" } as const;
    limits.points.forEach((p, i) => {
      for (const [k, c] of Object.entries(cols)) if (Math.abs(p[k as keyof typeof cols] - num(rows[i], c)) > halfUnit + 1e-12) off.push(`${rows[i].source} ${c}`);
      if (Math.abs(limits.baseline - num(rows[i], "Baseline")) > halfUnit) off.push(`${rows[i].source} Baseline`);
    });
    expect(off).toEqual([]);
  });
  it("labels every area of testdata_funnel_prop_inputs.csv as its significance column does (rows 2-304)", () => {
    const labels = value(funnelSignificance({ statistic: "proportion", numerators: inputs.map((r) => num(r, "numerator")), denominators: inputs.map((r) => num(r, "denominator")) }));
    expect(labels.map((l, i) => `${inputs[i].source}: ${l}`)).toEqual(inputs.map((r) => `${r.source}: ${r.significance}`));
  });
});

/** Every limit of a ratio or rate point agrees with the file's row at the file's precision. */
function checkPoissonRow(p: FunnelPoint, row: Row, limitCol: (side: string) => string, expectedAt: (limit: number, o: number) => number, denominatorCol: (side: string) => string, denominatorToE: (d: number) => number): string[] {
  const off: string[] = [];
  const o = p.axis;
  for (const [key, col] of SIDES) {
    const fileE = denominatorToE(num(row, denominatorCol(col)));
    if (Math.abs(v(denominatorToE(p.denominators![key]), o) - v(fileE, o)) > BISECTION) off.push(`${row.source} ${denominatorCol(col)}`);
    // the limit is O / E on its scale: the file's limit must imply the file's E, and ours ours
    if (Math.abs(v(expectedAt(p[key], o), o) - v(expectedAt(num(row, limitCol(col)), o), o)) > BISECTION) off.push(`${row.source} ${limitCol(col)}`);
  }
  return off;
}

describe("funnel limits for ratios against testdata_funnel_ratio_outputs.csv", () => {
  const inputs = f.ratio_inputs as Row[];
  const rows = f.ratio_outputs as Row[];
  const observed = inputs.map((r) => num(r, "obs")), expected = inputs.map((r) => num(r, "expected"));
  it.each([
    ["count", (limit: number, o: number) => o / (limit + 1)],
    ["isr", (limit: number, o: number) => o / (limit / 100)],
  ] as const)("ratio type %s: 100 axis points (observed events), expected events and limits at the file's precision", (type, expectedAt) => {
    const limits = value(funnelLimits({ statistic: "ratio", ratioType: type, numerators: observed, denominators: expected }));
    expect(limits.baseline).toBe(type === "count" ? 0 : 100);
    expect(limits.points.map((p) => p.axis)).toEqual(rows.map((r) => num(r, "Observed_events")));
    const off = limits.points.flatMap((p, i) => checkPoissonRow(p, rows[i], (s) => `${s}_${type}`, expectedAt, (s) => `${s}_exp_events`, (d) => d));
    expect(off).toEqual([]);
  });
  it("puts 1 observed event on the 2 SD upper line at an expected count of -ln(0.975)", () => {
    // Hand calculation: P(X >= 1; E) = 1 - e^-E = 0.025 gives E = -ln 0.975 = 0.0253178079842899;
    // testdata_funnel_ratio_outputs.csv row 2 has 0.025317898 (its bisection's last step).
    const limits = value(funnelLimits({ statistic: "ratio", numerators: observed, denominators: expected }));
    expect(rel(limits.points[0].denominators!.upper2s, -Math.log(0.975))).toBeLessThan(1e-12);
  });
  it("labels every area of testdata_funnel_ratio_inputs.csv as its significance column does (rows 2-301)", () => {
    const labels = value(funnelSignificance({ statistic: "ratio", numerators: observed, denominators: expected }));
    expect(labels.map((l, i) => `${inputs[i].source}: ${l}`)).toEqual(inputs.map((r) => `${r.source}: ${r.significance}`));
  });
});

describe("funnel limits for rates against testdata_funnel_rate_outputs*.csv", () => {
  const base = f.rate_input_funnels as Row[];
  const maxEv = Math.max(...base.map((r) => num(r, "ev")));
  // As testFunnels.R builds them from testdata_funnel_rate_input_funnels.csv (multiplier 100,000, 3 years):
  const three = base.map((r) => ({ pop: (1e5 * num(r, "ev")) / num(r, "rate"), ev: num(r, "ev") === maxEv ? 0 : num(r, "ev"), rate: num(r, "ev") === maxEv ? 0 : num(r, "rate") }));
  const kept = three.filter((r) => r.pop > Math.max(...three.map((t) => t.pop)) / 2);
  const cases: [string, FunnelInput, Row[]][] = [
    ["testdata_funnel_rate_outputs.csv: DSRs", { statistic: "rate", rateType: "dsr", numerators: base.map((r) => num(r, "ev")), rates: base.map((r) => num(r, "rate")), multiplier: 1e5, yearsOfData: 3 }, f.rate_outputs as Row[]],
    ["testdata_funnel_rate_outputs_2.csv: crude rates, the largest count set to 5", { statistic: "rate", rateType: "crude", numerators: base.map((r) => (num(r, "ev") === maxEv ? 5 : num(r, "ev"))), rates: base.map((r) => num(r, "rate")), multiplier: 1e5, yearsOfData: 3 }, f.rate_outputs_2 as Row[]],
    ["testdata_funnel_rate_outputs_3.csv: crude rates with denominators, the largest count set to 0, the larger half of populations", { statistic: "rate", rateType: "crude", numerators: kept.map((r) => r.ev), rates: kept.map((r) => r.rate), denominators: kept.map((r) => r.pop), multiplier: 1e5, yearsOfData: 3 }, f.rate_outputs_3 as Row[]],
  ];
  it.each(cases)("%s: axis, baseline, populations per year and limits", (_name, input, rows) => {
    const limits = value(funnelLimits(input));
    expect(limits.points.map((p) => p.axis)).toEqual(rows.map((r) => num(r, "Events")));
    rows.forEach((r) => expect(rel(limits.baseline, num(r, "baseline"))).toBeLessThan(1e-9));
    const av = limits.baseline / 1e5;
    const off = limits.points.flatMap((p, i) =>
      checkPoissonRow(p, rows[i], (s) => `${s}_limit`, (limit, o) => (o / (limit / 1e5)) * av, (s) => `${s}_population_1_year`, (d) => d * 3 * av));
    expect(off).toEqual([]);
  });

  const di = f.rate_dsr_inputs as Row[];
  it.each([
    ["dsr_per_100000_with_0", "rate_dsr", "dsr", 1e5, true],
    ["dsr_per_100_with_0", "rate_dsr", "dsr", 100, true],
    ["dsr_per_100000_without_0", "rate_dsr", "dsr", 1e5, false],
    ["dsr_per_100_without_0", "rate_dsr", "dsr", 100, false],
    ["crude_per_100000_with_0", "rate_crude_per_100000", "crude", 1e5, true],
    ["crude_per_100_with_0", "rate_crude_per_100", "crude", 100, true],
    ["crude_per_100000_without_0", "rate_crude_per_100000", "crude", 1e5, false],
    ["crude_per_100_without_0", "rate_crude_per_100", "crude", 100, false],
  ] as const)("labels testdata_funnel_rate_dsr_inputs.csv rows 2-41 as column %s does", (col, rateCol, rateType, multiplier, withZero) => {
    const rows = withZero ? di : di.filter((r) => num(r, "count") !== 0);
    const labels = value(funnelSignificance({ statistic: "rate", rateType, numerators: rows.map((r) => num(r, "count")), rates: rows.map((r) => r[rateCol] as number | null), denominators: rows.map((r) => num(r, "pop")), multiplier }));
    expect(labels.map((l, i) => `${rows[i].source}: ${l}`)).toEqual(rows.map((r) => `${r.source}: ${r[col]}`));
  });

  it.each([
    ["DSRs, the largest count set to 5 (not drawn)", "dsr", 3, (r: Row) => (num(r, "ev") === maxEv ? 5 : num(r, "ev")), false, "rate_chart", "denominator_derived"],
    ["crude rates", "crude", 3, (r: Row) => num(r, "ev"), false, "rate_chart_crude", "denominator_derived_crude"],
    ["crude rates with denominators over 5 years, the largest count set to 0", "crude", 5, (r: Row) => (num(r, "ev") === maxEv ? 0 : num(r, "ev")), true, "rate_chart_crude_with_denom", "denominator_derived_crude_with_denom"],
  ] as const)("places the areas of testdata_funnel_rate_input_funnels.csv (rows 2-51): %s", (_n, rateType, yearsOfData, ev, withDenominators, rateCol, denominatorCol) => {
    const points = value(funnelRatePoints({
      statistic: "rate", rateType, numerators: base.map(ev), rates: base.map((r) => num(r, "rate")),
      denominators: withDenominators ? base.map((r) => num(r, "pop")) : undefined, multiplier: 1e5, yearsOfData,
    }));
    const off = points.flatMap((p, i) => {
      const r = base[i], wantRate = r[rateCol] as number | null, wantPop = r[denominatorCol] as number | null;
      const good = p.rate === wantRate && (wantPop === null ? p.populationPerYear === null : rel(p.populationPerYear ?? NaN, wantPop) < 1e-9);
      return good ? [] : [`${r.source}: ${p.rate} ${p.populationPerYear}, file ${wantRate} ${wantPop}`];
    });
    expect(off).toEqual([]);
  });
});

describe("the Poisson limit above 1,000 events", () => {
  it("has exactly 2.5% below 1,360 events at the mean it gives (the library's quantile alone is off there)", () => {
    // testdata_funnel_rate_outputs.csv row 101: 1,360 events lie on the 2 SD lower line at a population
    // of 1,434.2487 / baseline; the plain chi-square quantile gives 1,434.4132, where 2.475% lies below.
    const mean = poissonMeanBelow(1360, 0.95);
    expect(Math.abs(poissonLowerTail(1360, mean) - 0.025)).toBeLessThan(1e-12);
    expect(Math.abs(poissonLowerTail(1360, exactPoissonUpper(1360, 0.95)) - 0.025)).toBeGreaterThan(1e-4);
  });
  it("sums the tail of a small count exactly", () => {
    // Hand: P(X <= 1; 2) = e^-2 (1 + 2) = 0.40600584970983811
    expect(rel(poissonLowerTail(1, 2), 3 * Math.exp(-2))).toBeLessThan(1e-15);
  });
});

describe("funnel axis by hand", () => {
  it("starts at 95% of the smallest denominator down to its leading digit and ends at 105% of the largest up to two", () => {
    // 95% of 10,500 = 9,975 -> 9,000; 105% of 30,900 = 32,445 -> 33,000
    expect(neatFloor(10500)).toBe(9000);
    expect(neatCeiling(30900)).toBe(33000);
    expect(neatFloor(0)).toBe(0);
  });
  it("steps evenly on a log scale to the end, at least 1 apart", () => {
    const axis = funnelAxis(1, 100, "proportion");
    expect(axis.slice(0, 3)).toEqual([1, 2, 3]);
    expect(axis).toHaveLength(100);
    expect(axis[99]).toBe(100);
  });
});

describe("funnel inputs by hand", () => {
  const prop = (numerators: (number | null)[], denominators: (number | null)[]): FunnelInput => ({ statistic: "proportion", numerators, denominators });
  it("gives #DIV/0! for a zero denominator, naming the area", () => {
    const r = funnelSignificance(prop([5, 6], [100, 0]));
    expect(r.ok === false && r.problem.kind).toBe("div0");
    expect(r.ok === false && r.problem.message).toMatch(/^Area 2: the denominator is 0/);
  });
  it("refuses a numerator above its denominator for a proportion, but not for a ratio", () => {
    const r = funnelLimits(prop([5, 120], [100, 100]));
    expect(r.ok === false && r.problem.message).toMatch(/^Area 2: the numerator is above its denominator/);
    expect(funnelSignificance({ statistic: "ratio", numerators: [5, 120], denominators: [100, 100] }).ok).toBe(true);
  });
  it("refuses a negative numerator", () => {
    const r = funnelSignificance(prop([-1, 6], [100, 100]));
    expect(r.ok === false && r.problem.message).toBe("Area 1: the numerator is negative");
  });
  it("leaves an area with a blank cell out of the baseline and gives it no label", () => {
    // Baseline without the blank area: (40 + 60) / (100 + 100) = 50%.
    const withBlank = value(funnelLimits(prop([40, null, 60], [100, 100, 100])));
    expect(withBlank.baseline).toBe(50);
    const labels = value(funnelSignificance(prop([40, 90, 60], [100, null, 100])));
    expect(labels[1]).toBeNull();
    // 40% at n = 100 around 50%: 2 SD limits 50 -/+ 1.96 x 5 = 40.2 and 59.8, 3 SD 34.5 and 65.5
    expect(labels).toEqual(["Low (0.025)", null, "High (0.025)"]);
  });
  it("gives #N/A when no area has both values", () => {
    const r = funnelLimits(prop([null, 3], [100, null]));
    expect(r.ok === false && r.problem.kind).toBe("na");
  });
  it("asks for the denominator of a crude rate with no events", () => {
    const r = funnelSignificance({ statistic: "rate", rateType: "crude", numerators: [0, 30], rates: [0, 100], multiplier: 1e5 });
    expect(r.ok === false && r.problem.message).toMatch(/^Area 1: there are no events, so a crude rate needs/);
  });
  it("does not label a DSR of fewer than 10 events", () => {
    const labels = value(funnelSignificance({ statistic: "rate", rateType: "dsr", numerators: [9, 300], rates: [50, 100], multiplier: 1e5 }));
    expect(labels[0]).toBe("Not applicable for events less than 10 for dsrs");
  });
  it("labels 10 or more events by Byars' limits, as PHEindicatormethods does, not the exact ones", () => {
    // Hand: 10 observed against 4.79 expected. Byars' 95% lower limit of 10 is
    // 10 (1 - 1/90 - 1.959964 / (3 sqrt 10))^3 = 4.7874, below 4.79, so the ratio is not significantly
    // high; the exact limit chisq_quantile(0.025, 20) / 2 = 4.7954 would make it High (0.025).
    const labels = value(funnelSignificance({ statistic: "ratio", numerators: [10], denominators: [4.79] }));
    expect(labels).toEqual(["Not significant"]);
  });
  it("refuses lists of different lengths", () => {
    const r = funnelLimits(prop([1, 2, 3], [10, 10]));
    expect(r.ok === false && r.problem.message).toBe("The denominators have 2 cells but the numerators have 3: give one for each area");
  });
});

describe("labelling one area against a funnel's baseline (LAAFUNNELSIG)", () => {
  it("labels each area of testdata_funnel_prop_inputs.csv (rows 2-304) one at a time as funnelSignificance labels them all", () => {
    const inputs = f.prop_inputs as Row[];
    const label = value(funnelAreaLabeller({ statistic: "proportion", numerators: inputs.map((r) => num(r, "numerator")), denominators: inputs.map((r) => num(r, "denominator")) }));
    const labels = inputs.map((r) => value(label({ numerator: num(r, "numerator"), denominatorOrRate: num(r, "denominator") })));
    expect(labels.map((l, i) => `${inputs[i].source}: ${l}`)).toEqual(inputs.map((r) => `${r.source}: ${r.significance}`));
  });
  it("labels an area outside the set against the set's baseline, and names it in a problem", () => {
    // Hand: baseline 50% from 40/100 and 60/100; 70/100 is above 50 + 3.090232 x 5 = 65.45: High (0.001).
    const label = value(funnelAreaLabeller({ statistic: "proportion", numerators: [40, 60], denominators: [100, 100] }));
    expect(label({ numerator: 70, denominatorOrRate: 100 })).toEqual({ ok: true, value: "High (0.001)" });
    expect(label({ numerator: 70, denominatorOrRate: null })).toEqual({ ok: true, value: null });
    const r = label({ numerator: 120, denominatorOrRate: 100 });
    expect(r.ok === false && r.problem.message).toBe("The area: the numerator is above its denominator, which a proportion cannot be");
  });
  it("reads the type words, blank as a proportion", () => {
    expect(parseFunnelType("")).toEqual({ ok: true, value: { statistic: "proportion" } });
    expect(parseFunnelType(" SMR ")).toEqual({ ok: true, value: { statistic: "ratio", ratioType: "isr" } });
    expect(parseFunnelType("count")).toEqual({ ok: true, value: { statistic: "ratio", ratioType: "count" } });
    expect(parseFunnelType("crude")).toEqual({ ok: true, value: { statistic: "rate", rateType: "crude" } });
    expect(parseFunnelType("rates").ok).toBe(false);
  });
});
