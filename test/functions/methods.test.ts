/**
 * LAARECENTTREND, LAASPC, LAASPCPOINTS, LAAMADS and LAAMADSWORDS called as Excel calls them, and
 * typed into cells of the formula engine harness. Expected results are worked by hand in the tests
 * of the core (test/unit/core/methods) and repeated here with their arithmetic.
 */
import { excel, excelError } from "./as-excel";
// Called as Excel calls them: omitted optional arguments as null, error values as Excel's objects (as-excel.ts).
const { laadsr, laaisr, laamads, laamadswords, laarecenttrend, laasmr, laaspc, laaspcpoints } = excel;
import { WorksheetError } from "../../src/functions/errors";
import published from "../fixtures/phe/recent-trend-published.json";
import ptd from "../fixtures/spc/ptd-spc-standard.json";
import { ALL_FUNCTIONS } from "./all-functions";
import { buildSheet, registerFunctions, shown } from "./hyperformula-bridge";

const cell = (v: unknown) => [[v]];
const column = (...vs: unknown[]) => vs.map((v) => [v]);
const codeOf = (v: unknown) => (v instanceof WorksheetError ? v.code : v);

describe("LAAMADS and LAAMADSWORDS", () => {
  it("spills the distance in MADs for a column against itself, positive = better", () => {
    // 10, 11, 12, 13, 20: median 12, MAD 1 (deviations 2, 1, 0, 1, 8)
    const vs = column(10, 11, 12, 13, 20);
    expect(laamads(vs, vs)).toEqual([[-2], [-1], [0], [1], [8]]);
    expect(laamads(cell(10), vs, cell("lower"))).toEqual([[2]]);
    expect(laamadswords(column(-2, 0.2, 8), cell(""))).toEqual([["Worse"], ["Broadly similar"], ["Very much better"]]);
  });
  it("gives #DIV/0! when the MAD is 0 and #VALUE! for a bad polarity", () => {
    expect(codeOf(laamads(cell(5), column(5, 5, 5, 6))[0][0])).toBe("#DIV/0!");
    expect(codeOf(laamads(cell(5), column(1, 5, 9), cell("sideways"))[0][0])).toBe("#VALUE!");
  });
});

describe("LAARECENTTREND", () => {
  it("words a steady rise, with limits 0.98 either side (SE 0.5): slope 2, chi2 160", () => {
    const ys = [10, 12, 14, 16, 18];
    const out = laarecenttrend(column(...ys), column(...ys.map((y) => y - 0.98)), column(...ys.map((y) => y + 0.98)), cell("lower"));
    expect(out).toEqual([["Increasing and getting worse"]]);
  });
  it("tests proportions when counts and denominators are given (chi2 33.5)", () => {
    const x = [200, 220, 250, 270, 300];
    const out = laarecenttrend(column(...x.map((v) => v / 1000)), column(0, 0, 0, 0, 0), column(1, 1, 1, 1, 1), null as never, column(...x), column(1000, 1000, 1000, 1000, 1000));
    expect(out).toEqual([["Increasing and getting better"]]);
  });
  it("is #N/A with fewer than 5 usable periods and #VALUE! when the limits are a different length", () => {
    const na = laarecenttrend(column(1, 2, 3, 4), column(0, 1, 2, 3), column(2, 3, 4, 5))[0][0];
    expect(codeOf(na)).toBe("#N/A");
    expect((na as WorksheetError).message).toMatch(/Cannot be calculated/);
    expect(codeOf(laarecenttrend(column(1, 2, 3, 4, 5), column(0, 1), column(2, 3, 4, 5, 6))[0][0])).toBe("#VALUE!");
  });
});

describe("LAASPC and LAASPCPOINTS", () => {
  // 10, 11 alternating, 20 points: mean 10.5, AMR 1, limits 10.5 -/+ 2.66 = 7.84 .. 13.16.
  const flat = Array.from({ length: 20 }, (_, i) => 10 + (i % 2));
  it("spills variation, assurance, mean and limits in one row", () => {
    const [row] = laaspc(column(...flat), cell("higher"), cell(5));
    expect(row.slice(0, 2)).toEqual(["Common cause", "Consistently passing"]);
    expect(row[2]).toBeCloseTo(10.5, 12);
    expect(row[3]).toBeCloseTo(7.84, 12);
    expect(row[4]).toBeCloseTo(13.16, 12);
  });
  it("marks fewer than 15 points provisional", () => {
    const [row] = laaspc(column(10, 11, 10, 11));
    expect(row[0]).toBe("Common cause (provisional: fewer than 15 points)");
    expect(row[1]).toBe("No target");
  });
  it("spills a word per value in the values' shape, blanks blank", () => {
    const vs = [...flat, 20];
    const out = laaspcpoints([vs.slice(0, 10), [...vs.slice(10), null]], cell("lower"), cell(20));
    expect(out).toHaveLength(2);
    expect(out[1]).toHaveLength(12);
    expect(out[1][10]).toBe("Special cause concern"); // 20 > 13.16 from the 20-point baseline
    expect(out[1][11]).toBe("");
    expect(out[0].every((w) => w === "Common cause")).toBe(true);
  });
  it("is #N/A with fewer than 2 values", () => {
    expect(codeOf(laaspc(cell(3))[0][0])).toBe("#N/A");
    expect(codeOf(laaspcpoints(cell(3))[0][0])).toBe("#N/A");
  });
});

describe("the new functions in a formula engine", () => {
  registerFunctions(ALL_FUNCTIONS);
  it("spills LAASPC across 5 cells and LAAMADS down a column from cell references", () => {
    const rows: unknown[][] = Array.from({ length: 20 }, (_, i) => [10 + (i % 2), null, null, null, null, null, null]);
    rows[0][1] = "=LAASPC(A1:A20)";
    rows[0][6] = "=LAAMADS(A1:A20, A1:A20)";
    const { hf, sheet } = buildSheet(rows);
    expect(shown(hf, sheet, 0, 1)).toBe("Common cause");
    expect(shown(hf, sheet, 0, 2)).toBe("No target");
    expect(shown(hf, sheet, 0, 3)).toBeCloseTo(10.5, 12);
    expect(shown(hf, sheet, 0, 5)).toBeCloseTo(13.16, 12);
    // median 10.5, MAD 0.5: 10 is -1, 11 is +1
    expect(shown(hf, sheet, 0, 6)).toBe(-1);
    expect(shown(hf, sheet, 19, 6)).toBe(1);
  });
  it("spills LAASMR and LAAISR across 3 cells from ranges of age bands", () => {
    // Columns A-D: counts 10, 20; populations 1,000, 2,000; reference counts 100, 50 in 10,000 each.
    // E = 20, O = 30: SMR 150; reference crude rate 750 per 100,000, so the rate is 1,125.
    const rows: unknown[][] = [[10, 1000, 100, 10000, null, null, null, null, null, null], [20, 2000, 50, 10000]];
    rows[0][4] = "=LAASMR(A1:A2, B1:B2, C1:C2, D1:D2)";
    rows[0][7] = "=LAAISR(A1:A2, B1:B2, C1:C2, D1:D2)";
    const { hf, sheet } = buildSheet(rows);
    expect(shown(hf, sheet, 0, 4)).toBeCloseTo(150, 10);
    expect(shown(hf, sheet, 0, 5)).toBeLessThan(150);
    expect(shown(hf, sheet, 0, 6)).toBeGreaterThan(150);
    expect(shown(hf, sheet, 0, 7)).toBeCloseTo(1125, 9);
  });
});

describe("LAADSR", () => {
  it("spills the DSR and limits; testdata_big of testdata_DSR_ISR.xlsx gives PHE's 1043.0248 per 10,000", async () => {
    const { default: phe } = await import("../fixtures/phe/dsr-multiarea.json");
    const big = phe.inputs.filter((r) => r.area === "testdata_big");
    const [row] = laadsr(column(...big.map((b) => b.count)), column(...big.map((b) => b.pop)), null as never, cell(95), cell(10000));
    expect(row[0]).toBeCloseTo(1043.0247991469423, 9); // testresults_DSR row 2
    expect(row[1]).toBeCloseTo(971.770906798568, 9);
    expect(row[2]).toBeCloseTo(1117.894091547925, 9);
  });
  it("is #N/A below 10 events and #DIV/0! for a zero population", () => {
    expect(codeOf(laadsr(column(4, 5), column(100, 100), column(1, 1))[0][0])).toBe("#N/A");
    // A standard population with a gap names the age band and what the cell shows.
    const gapped = laadsr(column(40, 50), column(100, 100), column(1, excelError("#N/A")))[0][0] as { code: string; message: string };
    expect([gapped.code, gapped.message]).toEqual(["#N/A", "No standard population for age band 2 (cell shows #N/A)"]);
    expect(codeOf(laadsr(column(40, 5), column(100, 0), column(1, 1))[0][0])).toBe("#DIV/0!");
  });
});

describe("LAAISR and LAASMR", () => {
  it("spill PHE's testdata_big results: rate 10011.1376 per 100,000 and ratio 107.0723 (testresults_ISR rows 2 and 11)", async () => {
    const { default: phe } = await import("../fixtures/phe/isr-multiarea.json");
    const big = phe.inputs.filter((r) => r.area === "testdata_big"); // testdata_multiarea_isr rows 2-20
    const args = [column(...big.map((b) => b.count)), column(...big.map((b) => b.pop)), column(...big.map((b) => b.refcount)), column(...big.map((b) => b.refpop))];
    const [rate] = laaisr(args[0], args[1], args[2], args[3]);
    expect(rate[0]).toBeCloseTo(10011.137622091057, 8);
    expect(rate[1]).toBeCloseTo(9365.91600297888, 8);
    expect(rate[2]).toBeCloseTo(10689.097582910616, 8);
    const [ratio] = laasmr(args[0], args[1], args[2], args[3], cell(99.8));
    expect(ratio[0]).toBeCloseTo(107.07232939020275, 10);
    expect(ratio[1]).toBeCloseTo(96.35155619614437, 10); // testresults_ISR row 11, 99.8%
    expect(ratio[2]).toBeCloseTo(118.60070415876287, 10);
  });
  it("reads the third range as rates per person without reference populations (SMR 150 by hand)", () => {
    // O = 30, E = 1000 x 0.01 + 2000 x 0.005 = 20: 30 / 20 x 100 = 150; x 1 gives 1.5.
    expect(laasmr(column(10, 20), column(1000, 2000), column(0.01, 0.005))[0][0]).toBeCloseTo(150, 10);
    expect(laasmr(column(10, 20), column(1000, 2000), column(0.01, 0.005), null as never, null as never, cell(1))[0][0]).toBeCloseTo(1.5, 12);
    expect(codeOf(laaisr(column(10, 20), column(1000, 2000), column(0.01, 0.005))[0][0])).toBe("#VALUE!");
  });
  it("is #DIV/0! for a zero reference population, #N/A for a blank band and #VALUE! for lists of different lengths", () => {
    expect(codeOf(laasmr(column(10, 20), column(1000, 2000), column(100, 50), column(10000, 0))[0][0])).toBe("#DIV/0!");
    expect(codeOf(laasmr(column(10, null), column(1000, 2000), column(100, 50), column(10000, 10000))[0][0])).toBe("#N/A");
    expect(codeOf(laasmr(column(10, 20, 5), column(1000, 2000), column(100, 50), column(10000, 10000))[0][0])).toBe("#VALUE!");
  });
});

describe("published cases typed into the formula engine", () => {
  registerFunctions(ALL_FUNCTIONS);
  // A: values, B: lower, C: upper, D: counts, E: denominators, one row per year in year order
  // (test/fixtures/phe/recent-trend-published.json: the public health profiles' TrendMarkerCalculatorTest).
  const trendSheet = (c: (typeof published.cases)[number], formula: string) => {
    const rows: unknown[][] = c.values.map((v, i) => [v, c.lower[i], c.upper[i], c.counts[i], c.denominators[i], null]);
    rows[0][5] = formula;
    return buildSheet(rows);
  };
  const byName = (name: string) => published.cases.find((c) => c.name === name) as (typeof published.cases)[number];

  it("LAARECENTTREND words the profiles' four cases", () => {
    // Rates (values and limits): chi-squared 46.77, significant (TestIsSignificantReturnsTrue).
    let t = trendSheet(byName("rates-significant"), "=LAARECENTTREND(A1:A5, B1:B5, C1:C5)");
    expect(shown(t.hf, t.sheet, 0, 5)).toBe("Increasing and getting better");
    t = trendSheet(byName("rates-significant"), '=LAARECENTTREND(A1:A5, B1:B5, C1:C5, "lower")');
    expect(shown(t.hf, t.sheet, 0, 5)).toBe("Increasing and getting worse");
    // Rates: not significant (TestIsSignificantReturnsFalse).
    t = trendSheet(byName("rates-not-significant"), "=LAARECENTTREND(A1:A5, B1:B5, C1:C5)");
    expect(shown(t.hf, t.sheet, 0, 5)).toBe("No significant change");
    // Proportions with counts and denominators: chi-squared for trend 47.9, significant.
    t = trendSheet(byName("proportions-significant"), '=LAARECENTTREND(A1:A5, B1:B5, C1:C5, "higher", D1:D5, E1:E5)');
    expect(shown(t.hf, t.sheet, 0, 5)).toBe("Increasing and getting better");
    // Proportions with 5 of 5 in 2012: cannot be calculated, #N/A; also without the counts (limits 0 to 0).
    t = trendSheet(byName("proportions-cannot-be-calculated"), '=LAARECENTTREND(A1:A5, B1:B5, C1:C5, "higher", D1:D5, E1:E5)');
    expect(shown(t.hf, t.sheet, 0, 5)).toBe("#N/A");
    t = trendSheet(byName("proportions-cannot-be-calculated"), "=LAARECENTTREND(A1:A5, B1:B5, C1:C5)");
    expect(shown(t.hf, t.sheet, 0, 5)).toBe("#N/A");
  });

  it("LAASPC spills NHSRplotthedots' r1: mean 0.1416238, limits -3.01138 and 3.294627 (ptd_spc_standard snapshot)", () => {
    // test/fixtures/spc/ptd-spc-standard.json: R's set.seed(123); rnorm(20). Within half a unit of the last printed digit.
    const rows: unknown[][] = ptd.y.map((y) => [y, null, null, null, null, null]);
    rows[0][1] = "=LAASPC(A1:A20)";
    const r2rows: unknown[][] = ptd.y.map((y, i) => [i === 14 ? ptd.r2.y15 : y, null, null, null, null, null]);
    r2rows[0][1] = "=LAASPC(A1:A20)";
    const one = buildSheet(rows);
    expect(shown(one.hf, one.sheet, 0, 1)).toBe("Common cause");
    expect(shown(one.hf, one.sheet, 0, 2)).toBe("No target");
    expect(Math.abs((shown(one.hf, one.sheet, 0, 3) as number) - ptd.r1.mean)).toBeLessThanOrEqual(0.5e-7);
    expect(Math.abs((shown(one.hf, one.sheet, 0, 4) as number) - ptd.r1.lpl)).toBeLessThanOrEqual(0.5e-5);
    expect(Math.abs((shown(one.hf, one.sheet, 0, 5) as number) - ptd.r1.upl)).toBeLessThanOrEqual(0.5e-6);
    // r2: the 15th value 10, its two large moving ranges screened out: limits -2.383666 and 3.722497.
    const two = buildSheet(r2rows);
    expect(Math.abs((shown(two.hf, two.sheet, 0, 3) as number) - ptd.r2.mean)).toBeLessThanOrEqual(0.5e-7);
    expect(Math.abs((shown(two.hf, two.sheet, 0, 4) as number) - ptd.r2.lpl)).toBeLessThanOrEqual(0.5e-6);
    expect(Math.abs((shown(two.hf, two.sheet, 0, 5) as number) - ptd.r2.upl)).toBeLessThanOrEqual(0.5e-6);
  });
});
