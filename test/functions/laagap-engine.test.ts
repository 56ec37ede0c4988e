import { laagap } from "../../src/functions/functions";
import { buildSheet, registerFunctions, shown } from "./hyperformula-bridge";

// LAAGAP typed into cells of a real formula engine (HyperFormula), as docs/methods.md#functions defines it.
registerFunctions([{ name: "LAAGAP", fn: laagap as (...a: unknown[]) => unknown[][], params: 4, required: 2, shape: { kind: "broadcast", args: [0, 1, 2, 3] } }]);

describe("LAAGAP inside a formula engine", () => {
  it("computes =LAAGAP(B2, C2, \"lower\") from cell references", () => {
    const { hf, sheet } = buildSheet([
      ["Indicator", "Actual", "Target", "Gap"],
      ["NI 16 Serious acquisitive crime rate", 14.2, 12.5, '=LAAGAP(B2, C2, "lower")'],
    ]);
    expect(shown(hf, sheet, 1, 3)).toBeCloseTo(1.7, 12);
  });

  it("spills one formula over a column with the same results as one formula per row", () => {
    const actuals = [72, 80, "n/a", "1,250", null, 75];
    const rows: unknown[][] = [["Actual", "Target", "Spilled", "Single"]];
    actuals.forEach((a, i) => rows.push([a, 75, i === 0 ? `=LAAGAP(A2:A${actuals.length + 1}, B2:B${actuals.length + 1})` : null, `=LAAGAP(A${i + 2}, B${i + 2})`]));
    const { hf, sheet } = buildSheet(rows);
    for (let i = 0; i < actuals.length; i++) {
      expect(shown(hf, sheet, i + 1, 2)).toEqual(shown(hf, sheet, i + 1, 3));
    }
    expect(shown(hf, sheet, 1, 2)).toBe(3);
    expect(shown(hf, sheet, 3, 2)).toBe("#N/A"); // "n/a" is missing data (docs/methods.md#functions: #N/A)
    expect(shown(hf, sheet, 5, 2)).toBe("#N/A"); // blank actual
  });

  it("passes an error in a referenced cell through as missing data in that cell only", () => {
    const { hf, sheet } = buildSheet([
      [1, 10, "=LAAGAP(A1:A2, B1:B2)"],
      ["=1/0", 10, null],
    ]);
    expect(shown(hf, sheet, 0, 2)).toBe(9);
    expect(shown(hf, sheet, 1, 2)).toBe("#N/A");
  });
});
