import { ALL_FUNCTIONS } from "./all-functions";
import { buildSheet, registerFunctions, shown } from "./hyperformula-bridge";
import { mulberry32 as random } from "../../src/samples/prng";

// The twelve functions typed into cells of a real formula engine (HyperFormula, CONTRIBUTING.md#toolchain-notes), with
// cell references, as docs/methods.md#functions defines them: one formula over a range spills the same
// results as one formula per row, and LAATREND agrees with the engine's own SLOPE.
registerFunctions(ALL_FUNCTIONS);


/** The kinds of cell an analyst's actual column holds: numbers, numeric text, blanks, markers, errors, junk. */
function messyCell(rnd: () => number, target: number): unknown {
  const r = rnd();
  if (r < 0.05) return null;
  if (r < 0.08) return "n/a";
  if (r < 0.1) return "=NA()";
  if (r < 0.12) return "tbc";
  if (r < 0.15) return String(Math.round(target * 0.97 * 100) / 100); // numeric text
  if (r < 0.18) return target; // exactly on target
  return Math.round(target * (0.85 + rnd() * 0.3) * 100) / 100;
}

describe("LAARAG in a formula engine (docs/methods.md#rag-rules, docs/methods.md#functions)", () => {
  it('spills =LAARAG(B2:B200, C2:C200, "lower") with the same results as 199 single-cell formulas', () => {
    const rnd = random(20090331);
    const rows: unknown[][] = [["Indicator", "Actual", "Target", "Spilled", "Single"]];
    for (let i = 0; i < 199; i++) {
      const target = Math.round((5 + rnd() * 95) * 10) / 10;
      const r = i + 2;
      rows.push([`NI ${i + 1}`, messyCell(rnd, target), rnd() < 0.03 ? null : target, i === 0 ? '=LAARAG(B2:B200, C2:C200, "lower")' : null, `=LAARAG(B${r}, C${r}, "lower")`]);
    }
    const { hf, sheet } = buildSheet(rows);
    const seen = new Set<unknown>();
    let errorRows = 0;
    for (let i = 1; i <= 199; i++) {
      if (rows[i][1] === "=NA()") {
        // A single-cell argument holding an error: the engine returns the error without calling the
        // function, as Excel does for custom functions by default. Inside a range the function sees
        // the error and reads it as a missing actual (docs/methods.md#rag-rules: Grey).
        expect(shown(hf, sheet, i, 4)).toBe("#N/A");
        expect(shown(hf, sheet, i, 3)).toBe("Grey");
        errorRows++;
        continue;
      }
      expect(shown(hf, sheet, i, 3)).toEqual(shown(hf, sheet, i, 4));
      seen.add(shown(hf, sheet, i, 3));
    }
    expect(errorRows).toBeGreaterThan(0);
    // The data reaches every outcome, so the comparison means something.
    for (const outcome of ["Green", "Amber", "Red", "Grey", "#VALUE!"]) expect(seen).toContain(outcome);
  });

  it("takes per-row polarities, tolerances and blue margins from columns, and omitted arguments between commas", () => {
    const { hf, sheet } = buildSheet([
      [72, 75, "higher", null, null, "=LAARAG(A1:A4, B1:B4, C1:C4, D1:D4, E1:E4)", "=LAARAG(A1, B1, , , )"],
      [12, 10, "lower", null, null, null, '=LAARAG(A2, B2, "lower", 0.25)'],
      [80, 75, "", null, 0.05, null, "=LAARAG(A3, B3, , , 0.05)"],
      [68, 75, "", "10%", null, null, '=LAARAG(A4, B4, "", "10%")'],
    ]);
    expect([0, 1, 2, 3].map((r) => shown(hf, sheet, r, 5))).toEqual(["Amber", "Red", "Blue", "Amber"]);
    expect([0, 1, 2, 3].map((r) => shown(hf, sheet, r, 6))).toEqual(["Amber", "Amber", "Blue", "Amber"]);
  });

  it("scores the spilled statuses with LAASCORE (docs/methods.md#scorecard-score)", () => {
    const { hf, sheet } = buildSheet([
      [75, 75, "=LAARAG(A1:A4, B1:B4)", "=LAASCORE(C1:C4)", "=LAASCORE(C1:C4, F1:F4)", 2],
      [72, 75, null, null, null, 1],
      [60, 75, null, null, null, 1],
      [null, 75, null, null, null, 1],
    ]);
    expect([0, 1, 2, 3].map((r) => shown(hf, sheet, r, 2))).toEqual(["Green", "Amber", "Red", "Grey"]);
    expect(shown(hf, sheet, 0, 3)).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    expect(shown(hf, sheet, 0, 4)).toBeCloseTo((2 * 1 + 1 * 0.5 + 1 * 0) / (2 + 1 + 1), 10); // weights in column F; Grey excluded
  });
});

describe("LAATREND and LAAFORECAST in a formula engine (docs/methods.md#trend-and-forecast)", () => {
  it("agrees with the engine's own SLOPE on random series, blanks included", () => {
    const rnd = random(19980401);
    for (let s = 0; s < 40; s++) {
      const n = 2 + Math.floor(rnd() * 30);
      const rows: unknown[][] = [];
      for (let i = 0; i < n; i++) {
        const x = rnd() < 0.1 ? null : Math.round(rnd() * 1000) / 10;
        const y = rnd() < 0.1 ? null : Math.round((50 + rnd() * 100 - 30 * rnd()) * 100) / 100;
        rows.push([y, x]);
      }
      rows[0].push(`=SLOPE(A1:A${n}, B1:B${n})`, `=LAATREND(A1:A${n}, B1:B${n})`);
      const { hf, sheet } = buildSheet(rows);
      const excel = shown(hf, sheet, 0, 2);
      const ours = shown(hf, sheet, 0, 3);
      if (typeof excel === "number") expect(ours).toBeCloseTo(excel, 8);
      else expect(ours).toEqual(excel); // both #DIV/0! (or both #N/A) on degenerate series
    }
  });

  it("uses periods 1..n when omitted, as =SLOPE(values, ROW(values)) does for a column starting in row 1", () => {
    const { hf, sheet } = buildSheet([
      [10, 1, "=LAATREND(A1:A4)", "=SLOPE(A1:A4, B1:B4)"],
      [12, 2],
      [15, 3],
      [15, 4],
    ]);
    expect(shown(hf, sheet, 0, 2)).toBeCloseTo(shown(hf, sheet, 0, 3) as number, 12);
  });

  it("spills LAAFORECAST over a column of periods with the same results as single cells", () => {
    const { hf, sheet } = buildSheet([
      [6, 20, 30, "=LAAFORECAST(A1:A5, C1:C3, B1:B5)", "=LAAFORECAST($A$1:$A$5, C1, $B$1:$B$5)"],
      [7, 28, 45, null, "=LAAFORECAST($A$1:$A$5, C2, $B$1:$B$5)"],
      [9, 31, null, null, "=LAAFORECAST($A$1:$A$5, C3, $B$1:$B$5)"],
      [15, 38],
      [21, 40],
    ]);
    // Microsoft's FORECAST.LINEAR example: =FORECAST.LINEAR(30, A1:A5, B1:B5) = 10.607253.
    expect(shown(hf, sheet, 0, 3)).toBeCloseTo(10.607253, 6);
    for (const r of [0, 1, 2]) expect(shown(hf, sheet, r, 3)).toEqual(shown(hf, sheet, r, 4));
    expect(shown(hf, sheet, 2, 3)).toBe("#N/A");
  });
});

describe("The other functions in a formula engine (docs/methods.md#functions)", () => {
  it("spills LAACI as [lower, upper] for one input and n x 2 for a column", () => {
    // PHE testdata_Byars_Wilson.xlsx rows 8 and 9 (Wilson, 95%).
    const { hf, sheet } = buildSheet([
      [65, 100, "=LAACI(A1:A2, B1:B2)", null, "=LAACI(A1, B1)"],
      [1045, 5000, null, null, "=LAACI(A2, B2)"],
    ]);
    expect(shown(hf, sheet, 0, 2)).toBeCloseTo(0.5525444329688797, 9);
    expect(shown(hf, sheet, 0, 3)).toBeCloseTo(0.7363575175690247, 9);
    expect(shown(hf, sheet, 1, 2)).toBeCloseTo(0.19795549880013297, 9);
    expect(shown(hf, sheet, 1, 3)).toBeCloseTo(0.22049130373189027, 9);
    for (const r of [0, 1]) for (const c of [0, 1]) expect(shown(hf, sheet, r, 2 + c)).toEqual(shown(hf, sheet, r, 4 + c));
  });

  it("spills LAAGAP, LAAPROGRESS, LAAREWARD, LAADOT, LAACOMPARE and LAATRAJECTORY like their single-cell forms", () => {
    const inputs: unknown[][] = [
      [60, 75, 72, 70, 22, 28, 20, "2007/08", "2010/11", "2008/09"],
      [60, 75, 68, 72, 19, 31, 20, "2007/08", "2010/11", "Q3 2009/10"],
      [20, 10, 12, 12, 12, 18, 20, "2007/08", "2010/11", null],
      [null, 75, "n/a", "tbc", null, 18, 20, "2010/11", "2007/08", "2012/13"],
    ];
    const n = inputs.length;
    const spilled = [
      `=LAAGAP(C1:C${n}, B1:B${n})`,
      `=LAAPROGRESS(A1:A${n}, B1:B${n}, C1:C${n})`,
      `=LAAREWARD(A1:A${n}, B1:B${n}, C1:C${n})`,
      `=LAADOT(D1:D${n}, C1:C${n}, "lower")`,
      `=LAACOMPARE(C1:C${n}, E1:E${n}, F1:F${n}, G1:G${n})`,
      `=LAATRAJECTORY(A1:A${n}, H1:H${n}, B1:B${n}, I1:I${n}, J1:J${n})`,
    ];
    const single = (r: number) => [
      `=LAAGAP(C${r}, B${r})`,
      `=LAAPROGRESS(A${r}, B${r}, C${r})`,
      `=LAAREWARD(A${r}, B${r}, C${r})`,
      `=LAADOT(D${r}, C${r}, "lower")`,
      `=LAACOMPARE(C${r}, E${r}, F${r}, G${r})`,
      `=LAATRAJECTORY(A${r}, H${r}, B${r}, I${r}, J${r})`,
    ];
    const rows = inputs.map((row, i) => [...row, ...(i === 0 ? spilled : spilled.map(() => null)), ...single(i + 1)]);
    const { hf, sheet } = buildSheet(rows);
    const kinds = new Set<string>();
    for (let r = 0; r < n; r++) {
      for (let k = 0; k < spilled.length; k++) {
        const value = shown(hf, sheet, r, 10 + k);
        expect(value).toEqual(shown(hf, sheet, r, 10 + spilled.length + k));
        kinds.add(typeof value === "string" && value.startsWith("#") ? value : typeof value);
      }
    }
    expect(shown(hf, sheet, 0, 10)).toBe(3); // LAAGAP(72, 75): 3 short (docs/methods.md#gap)
    expect(shown(hf, sheet, 0, 13)).toBe("Worsening"); // 70 -> 72, lower is better (section 6)
    expect(shown(hf, sheet, 1, 14)).toBe("Similar"); // 19..31 contains 20 (section 8)
    expect([...kinds]).toEqual(expect.arrayContaining(["number", "string", "#N/A", "#VALUE!"]));
  });

  it("ranks a column against itself with one LAAQUANTILE, as single cells do", () => {
    const values = [10, 20, 30, 40, null, 25, 35, 15];
    const n = values.length;
    const rows = values.map((v, i) => [v, i === 0 ? `=LAAQUANTILE(A1:A${n}, A1:A${n})` : null, `=LAAQUANTILE(A${i + 1}, $A$1:$A$${n}, 4)`]);
    const { hf, sheet } = buildSheet(rows);
    for (let r = 0; r < n; r++) expect(shown(hf, sheet, r, 1)).toEqual(shown(hf, sheet, r, 2));
    expect(shown(hf, sheet, 3, 1)).toBe(1); // 40 is the highest of 7: quartile 1 = best
    expect(shown(hf, sheet, 4, 1)).toBe("#N/A"); // blank value
  });

  it("shows #VALUE! with the message naming both arguments when the ranges differ in shape", () => {
    const { hf, sheet } = buildSheet([[1, 2, "=LAARAG(A1:A3, B1:B2)"], [1, 2], [1, null]]);
    const value = hf.getCellValue({ sheet, row: 0, col: 2 }) as { type: string; message: string };
    expect(shown(hf, sheet, 0, 2)).toBe("#VALUE!");
    expect(value.message).toBe("actual is 3x1 but target is 2x1: ranges must be the same shape, or a single cell");
  });
});
