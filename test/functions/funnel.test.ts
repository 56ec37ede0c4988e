/**
 * LAAFUNNEL and LAAFUNNELSIG (docs/methods.md#funnel) called as Excel calls them (as-excel.ts) and typed
 * into the formula engine harness, against the rows of PHEindicatormethods' funnel test files
 * transcribed in test/fixtures/phe/funnel.json (each row names its file and row), and hand cases.
 *
 * Precision, as in the core's tests (test/unit/core/methods/funnel.test.ts): the proportion limits are
 * rounded to 6 decimals in testdata_funnel_prop_outputs.csv; the ratio and rate limits come from a
 * bisection in v = E / (E + 1 + O) that stops within 6e-8, so they are checked in v to 1.2e-7.
 */
import f from "../fixtures/phe/funnel.json";
import { excel, excelError } from "./as-excel";
// Called as Excel calls them: omitted optional arguments as null, error values as Excel's objects (as-excel.ts).
const { laafunnel, laafunnelsig } = excel;
import { WorksheetError } from "../../src/functions/errors";
import { ALL_FUNCTIONS } from "./all-functions";
import { buildSheet, registerFunctions, shown } from "./hyperformula-bridge";

type Row = Record<string, number | string | null> & { source: string };
const num = (r: Row, k: string) => r[k] as number;
const cell = (v: unknown) => [[v]];
const column = (...vs: unknown[]) => vs.map((v) => [v]);
const errorOf = (v: unknown) => (v instanceof WorksheetError ? [v.code, v.message] : ["not an error", v]);
/** The bisection coordinate of PHEindicatormethods' Poisson funnel. */
const v = (expected: number, observed: number) => expected / (expected + 1 + observed);
const BISECTION = 1.2e-7;
/** LAAFUNNEL's columns (its @returns): axis, baseline, four limits, then the four limits' horizontal positions. */
const LIMITS = ["lower_2s", "upper_2s", "lower_3s", "upper_3s"] as const;

describe("LAAFUNNEL", () => {
  it("spills 100 rows of axis, baseline and limits of testdata_funnel_prop_outputs.csv (rows 2-101) for all 303 areas", () => {
    const areas = f.prop_inputs as Row[]; // testdata_funnel_prop_inputs.csv rows 2-304
    const rows = f.prop_outputs as Row[];
    const out = laafunnel(column(...areas.map((r) => num(r, "numerator"))), column(...areas.map((r) => num(r, "denominator"))));
    expect(out).toHaveLength(100);
    const cols = ["Lower2s0025limit", "Upper2s0025limit", "Lower3s0001limit", "Upper3s0001limit"];
    const off = out.flatMap((row, i) => {
      const want = rows[i];
      const bad: string[] = [];
      if (row.length !== 10) bad.push(`${want.source}: ${row.length} columns`);
      if (row[0] !== num(want, "Population")) bad.push(`${want.source} Population`);
      if (Math.abs((row[1] as number) - num(want, "Baseline")) > 5e-7) bad.push(`${want.source} Baseline`);
      cols.forEach((c, k) => { if (Math.abs((row[2 + k] as number) - num(want, c)) > 5e-7 + 1e-12) bad.push(`${want.source} ${c}`); });
      // For a proportion every line lies at the axis point itself.
      if (row.slice(6).some((x) => x !== row[0])) bad.push(`${want.source} positions`);
      return bad;
    });
    expect(off).toEqual([]);
  });

  it('spills the ISR funnel of testdata_funnel_ratio_outputs.csv (rows 2-101) with type "isr": limits and the expected events at each', () => {
    const areas = f.ratio_inputs as Row[]; // testdata_funnel_ratio_inputs.csv rows 2-301
    const rows = f.ratio_outputs as Row[];
    const out = laafunnel(column(...areas.map((r) => num(r, "obs"))), column(...areas.map((r) => num(r, "expected"))), cell("ISR"));
    expect(out.map((r) => r[0])).toEqual(rows.map((r) => num(r, "Observed_events")));
    expect(out.every((r) => r[1] === 100)).toBe(true);
    const off = out.flatMap((row, i) => {
      const o = row[0] as number, want = rows[i];
      return LIMITS.flatMap((side, k) => {
        const bad: string[] = [];
        // An ISR limit is O / E x 100, so it stands for E = O / (limit / 100).
        if (Math.abs(v(o / ((row[2 + k] as number) / 100), o) - v(o / (num(want, `${side}_isr`) / 100), o)) > BISECTION) bad.push(`${want.source} ${side}_isr`);
        if (Math.abs(v(row[6 + k] as number, o) - v(num(want, `${side}_exp_events`), o)) > BISECTION) bad.push(`${want.source} ${side}_exp_events`);
        return bad;
      });
    });
    expect(off).toEqual([]);
  });

  it("spills the DSR funnel of testdata_funnel_rate_outputs.csv (rows 2-101): per 100,000 over 3 years, populations per year", () => {
    const areas = f.rate_input_funnels as Row[]; // testdata_funnel_rate_input_funnels.csv rows 2-51, as testFunnels.R feeds them
    const rows = f.rate_outputs as Row[];
    const out = laafunnel(column(...areas.map((r) => num(r, "ev"))), column(...areas.map((r) => num(r, "rate"))), cell("dsr"), cell(100000), cell(3));
    expect(out.map((r) => r[0])).toEqual(rows.map((r) => num(r, "Events")));
    expect(Math.abs((out[0][1] as number) / num(rows[0], "baseline") - 1)).toBeLessThan(1e-9); // 116.1720835
    const av = num(rows[0], "baseline") / 1e5;
    const off = out.flatMap((row, i) => {
      const o = row[0] as number, want = rows[i];
      return LIMITS.flatMap((side, k) => {
        const bad: string[] = [];
        // A rate limit r stands for E = O / (r / 100,000) x baseline; a population per year p for E = 3 p x baseline.
        if (Math.abs(v((o / ((row[2 + k] as number) / 1e5)) * av, o) - v((o / (num(want, `${side}_limit`) / 1e5)) * av, o)) > BISECTION) bad.push(`${want.source} ${side}_limit`);
        if (Math.abs(v((row[6 + k] as number) * 3 * av, o) - v(num(want, `${side}_population_1_year`) * 3 * av, o)) > BISECTION) bad.push(`${want.source} ${side}_population_1_year`);
        return bad;
      });
    });
    expect(off).toEqual([]);
  });

  it("uses the populations for a crude rate with no events, and asks for them when they are missing", () => {
    // Hand: areas of 0 events in 1,000 people and 20 events at 2,000 per 100,000 (so 1,000 people):
    // baseline 20 / 2,000 = 1,000 per 100,000.
    const xs = column(0, 20), rates = column(0, 2000);
    const out = laafunnel(xs, rates, cell("crude"), null, null, column(1000, null));
    expect(out[0][1]).toBeCloseTo(1000, 9);
    expect(errorOf(laafunnel(xs, rates, cell("crude"))[0][0])).toEqual([
      "#VALUE!", "Area 1: there are no events, so a crude rate needs the area's denominator (population) to place it on the funnel",
    ]);
  });

  it("leaves out an area whose cell shows an error, as a blank; refuses a bad type, a zero denominator and lists of different lengths", () => {
    // Hand: 40/100 and 60/100 give a baseline of 50%; with a third area of #N/A it is still 50%.
    expect(laafunnel(column(40, 60, excelError("#N/A")), column(100, 100, 100))[0][1]).toBe(50);
    expect(errorOf(laafunnel(column(40, 60), column(100, 100), cell("funnel"))[0][0])).toEqual([
      "#VALUE!", 'The funnel type "funnel" is not one of "proportion", "isr", "count", "dsr" or "crude"',
    ]);
    expect(errorOf(laafunnel(column(40, 60), column(100, 0))[0][0])).toEqual(["#DIV/0!", "Area 2: the denominator is 0, and the funnel divides by it"]);
    expect(errorOf(laafunnel(column(40, 60, 5), column(100, 100))[0][0])[0]).toBe("#VALUE!");
    expect(errorOf(laafunnel(column(40, 60), column(100, 100), null, cell(-1))[0][0])[0]).toBe("#VALUE!");
    expect(errorOf(laafunnel(column(null, null), column(100, 100))[0][0])[0]).toBe("#N/A");
  });
});

describe("LAAFUNNELSIG", () => {
  it("labels every area of testdata_funnel_prop_inputs.csv as its significance column (rows 2-304), spilled over the areas", () => {
    const areas = f.prop_inputs as Row[];
    const xs = column(...areas.map((r) => num(r, "numerator"))), ns = column(...areas.map((r) => num(r, "denominator")));
    const out = laafunnelsig(xs, ns, xs, ns);
    expect(out.map((r, i) => `${areas[i].source}: ${r[0]}`)).toEqual(areas.map((r) => `${r.source}: ${r.significance}`));
  });

  it("labels one area at a time against all of them: testdata_funnel_ratio_inputs.csv, type isr (rows 2-301)", () => {
    const areas = f.ratio_inputs as Row[];
    const xs = column(...areas.map((r) => num(r, "obs"))), es = column(...areas.map((r) => num(r, "expected")));
    const labels = areas.map((r) => laafunnelsig(cell(num(r, "obs")), cell(num(r, "expected")), xs, es, cell("isr"))[0][0]);
    expect(labels.map((l, i) => `${areas[i].source}: ${l}`)).toEqual(areas.map((r) => `${r.source}: ${r.significance}`));
  });

  it.each([
    ["dsr_per_100000_with_0", "rate_dsr", "dsr"],
    ["crude_per_100000_with_0", "rate_crude_per_100000", "crude"],
  ] as const)("labels testdata_funnel_rate_dsr_inputs.csv rows 2-41 as column %s, the area of no events included", (col, rateCol, type) => {
    const areas = f.rate_dsr_inputs as Row[];
    const xs = column(...areas.map((r) => num(r, "count"))), rates = column(...areas.map((r) => r[rateCol])), pops = column(...areas.map((r) => num(r, "pop")));
    const out = laafunnelsig(xs, rates, xs, rates, cell(type), cell(100000), pops, pops);
    expect(out.map((r, i) => `${areas[i].source}: ${r[0]}`)).toEqual(areas.map((r) => `${r.source}: ${r[col]}`));
    // Row 41: 0 events, its DSR blank: not applicable for a DSR, Low (0.001) for the crude rate (0 in 297,820).
    expect(out[39][0]).toBe(type === "dsr" ? "Not applicable for events less than 10 for dsrs" : "Low (0.001)");
  });

  it("gives #N/A for an area with no figures, and names the area's own zero denominator", () => {
    const xs = column(40, 60), ns = column(100, 100);
    // docs/methods.md#funnel worked example: 40/100 and 60/100 around 50% are Low (0.025) and High (0.025).
    expect(laafunnelsig(column(40, 60, null), column(100, 100, 100), xs, ns)).toEqual([
      ["Low (0.025)"], ["High (0.025)"], [new WorksheetError("#N/A", "No numerator (blank cell)")],
    ]);
    expect(errorOf(laafunnelsig(cell(40), cell(""), xs, ns)[0][0])).toEqual(["#N/A", "No denominatorOrRate (blank cell)"]);
    expect(errorOf(laafunnelsig(cell(40), cell(0), xs, ns)[0][0])).toEqual(["#DIV/0!", "The area: the denominator is 0, and the funnel divides by it"]);
    expect(errorOf(laafunnelsig(cell(40), cell(100), xs, ns, cell("rates"))[0][0])[0]).toBe("#VALUE!");
  });
});

describe("LAAFUNNEL and LAAFUNNELSIG in a formula engine", () => {
  registerFunctions(ALL_FUNCTIONS);
  it("spills the funnel 100 rows by 10 columns, and the labels down the areas", () => {
    // 40/100 and 60/100 (docs/methods.md#funnel worked example): baseline 50%. The axis starts at 95% of 100
    // down to its leading digit, 90, and steps by 1 (the even step rounds to less), so row 11 is n = 100,
    // where the 2 SD limits are 50 -/+ 1.959964 x sqrt(0.5 x 0.5 / 100) x 100 = 40.20018 and 59.79982.
    const rows: unknown[][] = [[40, 100, "=LAAFUNNELSIG(A1:A2, B1:B2, A1:A2, B1:B2)", "=LAAFUNNEL(A1:A2, B1:B2)"], [60, 100]];
    const { hf, sheet } = buildSheet(rows);
    expect([shown(hf, sheet, 0, 2), shown(hf, sheet, 1, 2)]).toEqual(["Low (0.025)", "High (0.025)"]);
    expect(shown(hf, sheet, 0, 3)).toBe(90);
    expect(shown(hf, sheet, 10, 3)).toBe(100);
    expect(shown(hf, sheet, 10, 4)).toBe(50);
    expect(shown(hf, sheet, 10, 5)).toBeCloseTo(40.20018, 5);
    expect(shown(hf, sheet, 10, 6)).toBeCloseTo(59.79982, 5);
    expect(shown(hf, sheet, 10, 12)).toBe(100); // the last column: where the upper 3 SD line is, the axis point
    expect(shown(hf, sheet, 99, 3)).toBe(189);
    expect(shown(hf, sheet, 100, 3)).toBeNull();
  });
});
