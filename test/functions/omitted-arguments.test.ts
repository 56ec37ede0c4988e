/**
 * Every optional argument of every worksheet function, left out: Excel passes null for it (as-excel.ts),
 * a caller in JavaScript (the workbench, the formula-engine bridge) may pass undefined or fewer
 * arguments, and a user may point it at a blank cell or type "". All four must give the same answer,
 * and that answer must be the documented default given explicitly (the defaults are in each
 * parameter's description, docs/methods.md#functions). The expected values are those defaults, not
 * results computed here.
 */
import * as fns from "../../src/functions/functions";
import { ALL_FUNCTIONS } from "./all-functions";
import { ESP_2013 } from "../../src/core/methods/dsr";

const cell = (v: unknown) => [[v]];
const column = (...vs: unknown[]) => vs.map((v) => [v]);
type Fn = (...a: unknown[]) => unknown[][];

interface Case {
  /** The required arguments: a call that gives a result. */
  readonly required: readonly unknown[];
  /** Optional arguments that must be given for a result (LAAISR's reference populations); always passed. */
  readonly given?: readonly unknown[];
  /** Each remaining optional argument's documented default, typed explicitly. */
  readonly defaults: readonly unknown[];
}

const series = column(10, 12, 11, 14, 15, 13, 16);
const bands = (n: number) => column(...Array.from({ length: 19 }, () => n));

/** One case per function with optional arguments; the defaults are those its parameter descriptions state. */
const CASES: Readonly<Record<string, Case>> = {
  LAAGAP: { required: [cell(72), cell(75)], defaults: [cell("higher"), cell("abs")] },
  LAAREWARD: { required: [cell(60), cell(75), cell(72)], defaults: [cell(0.6)] },
  // blueMargin: "omitted means no Blue"; a margin of 0.05 would turn this beaten target Blue.
  LAARAG: { required: [cell(80), cell(75)], defaults: [cell("higher"), cell(0.05)] },
  LAADOT: { required: [cell(70), cell(72)], defaults: [cell("higher"), cell(0)] },
  LAATREND: { required: [series], defaults: [column(1, 2, 3, 4, 5, 6, 7)] },
  LAAFORECAST: { required: [series, cell(8)], defaults: [column(1, 2, 3, 4, 5, 6, 7)] },
  LAACI: { required: [cell(30), cell(120)], defaults: [cell("wilson"), cell(0.95), cell(1)] },
  LAACOMPARE: { required: [cell(15), cell(12), cell(18), cell(10)], defaults: [cell("higher")] },
  LAAQUANTILE: { required: [cell(25), column(10, 20, 25, 30, 40, 50, 60, 70)], defaults: [cell(4), cell("higher")] },
  LAASCORE: { required: [column("Green", "Amber", "Red")], defaults: [column(1, 1, 1)] },
  LAAMADS: { required: [cell(14), series], defaults: [cell("higher")] },
  LAAMADSWORDS: { required: [cell(2.5)], defaults: [cell("higher")] },
  LAARECENTTREND: {
    // Rates with 95% limits 0.98 either side (the values-with-limits method); counts and denominators
    // are for proportions only, so leaving them out is the only default they have.
    required: [column(10, 12, 14, 16, 18), column(9.02, 11.02, 13.02, 15.02, 17.02), column(10.98, 12.98, 14.98, 16.98, 18.98)],
    defaults: [cell("higher")],
  },
  LAASPC: { required: [series], defaults: [cell("higher")] },
  LAASPCPOINTS: { required: [series], defaults: [cell("higher")] },
  LAADSR: { required: [bands(20), bands(10000)], defaults: [column(...ESP_2013), cell(95), cell(100000)] },
  // Without reference populations the third argument is rates per person: the same as giving each band a
  // reference population of 1 (rate = count / 1).
  LAASMR: { required: [column(10, 20), column(1000, 2000), column(0.01, 0.005)], defaults: [column(1, 1), cell(95), cell(100)] },
  // The rate needs the reference populations (for the reference crude rate), so they are given here.
  // A DSR funnel (the type given) so the rate defaults are exercised: per 100,000 (the populations per
  // year at the limits scale with it) over 1 year; populations are only for crude rates with no events.
  LAAFUNNEL: { required: [column(30, 60, 90), column(100, 120, 150)], given: [cell("dsr")], defaults: [cell(100000), cell(1)] },
  // Proportions (the default type): the multiplier is the percentage's 100; population(s) have no default.
  LAAFUNNELSIG: { required: [cell(40), cell(100), column(40, 60), column(100, 100)], defaults: [cell("proportion"), cell(100)] },
  LAAISR: { required: [column(10, 20), column(1000, 2000), column(30, 10)], given: [column(3000, 2000)], defaults: [cell(95), cell(100000)] },
};

const byName = new Map(ALL_FUNCTIONS.map((f) => [f.name, f]));

describe("omitted optional arguments (docs/methods.md#functions: \"Optional arguments may be left out or blank\")", () => {
  it("covers every function that has optional arguments", () => {
    const withOptional = ALL_FUNCTIONS.filter((f) => f.params > f.required).map((f) => f.name).sort();
    expect(Object.keys(CASES).sort()).toEqual(withOptional);
  });

  it.each(Object.entries(CASES))("%s: left out, null, a blank cell and \"\" all give the documented default", (name, c) => {
    const f = byName.get(name);
    if (f === undefined) throw new Error(`${name} is not registered`);
    const given = [...c.required, ...(c.given ?? [])];
    const fn = (...rest: unknown[]) => (f.fn as Fn)(...given, ...rest);
    expect(c.required).toHaveLength(f.required);
    const optional = f.params - given.length;
    expect(c.defaults.length).toBeLessThanOrEqual(optional); // the rest have no value to type (no Blue, no target)
    const explicit = fn(...c.defaults);
    // A result, not an error: the case exercises the calculation.
    expect(explicit.flat().some((v) => v !== null && typeof v === "object")).toBe(false);
    expect(fn()).toEqual(explicit); // fewer arguments (JavaScript callers)
    expect(fn(...Array.from({ length: optional }, () => null))).toEqual(explicit); // Excel
    expect(fn(...Array.from({ length: optional }, () => undefined))).toEqual(explicit);
    expect(fn(...Array.from({ length: optional }, () => cell(null)))).toEqual(explicit); // blank cells
    expect(fn(...Array.from({ length: optional }, () => cell("")))).toEqual(explicit); // typed ""
    // Leaving out only the first optional argument, with the others given, is the same as its default.
    if (optional >= 2) expect(fn(null, ...c.defaults.slice(1))).toEqual(explicit);
  });

  it("the defaults are not what any value would give: LAARAG's omitted blue margin gives no Blue", () => {
    // 80 against 75 beats the target by 6.7%: Green with no margin, Blue with a 5% margin.
    expect((fns.laarag as Fn)(cell(80), cell(75))).toEqual([["Green"]]);
    expect((fns.laarag as Fn)(cell(80), cell(75), null, null, cell(0.05))).toEqual([["Blue"]]);
  });
});
