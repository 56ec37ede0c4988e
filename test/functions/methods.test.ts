/**
 * LAARECENTTREND, LAASPC, LAASPCPOINTS, LAAMADS and LAAMADSWORDS called as Excel calls them, and
 * typed into cells of the formula engine harness. Expected results are worked by hand in the tests
 * of the core (test/unit/core/methods) and repeated here with their arithmetic.
 */
import { excel, excelError } from "./as-excel";
// Called as Excel calls them: omitted optional arguments as null, error values as Excel's objects (as-excel.ts).
const { laadsr, laaisr, laamads, laamadswords, laarecenttrend, laasmr, laaspc, laaspcpoints } = excel;
import { WorksheetError } from "../../src/functions/errors";
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
