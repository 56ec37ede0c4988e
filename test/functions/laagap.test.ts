import { excel, excelError } from "./as-excel";
// Called as Excel calls them: omitted optional arguments as null, error values as Excel's objects (as-excel.ts).
const { laagap } = excel;
import { WorksheetError } from "../../src/functions/errors";

// LAAGAP as docs/methods.md#functions defines it; the numbers follow section 2.
const cell = (v: unknown) => [[v]];

describe("LAAGAP", () => {
  it("imports and runs in Node with no Office globals", () => {
    expect(typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBe("undefined");
    expect(laagap(cell(72), cell(75))).toEqual([[3]]);
  });
  it("gives the shortfall for lower is better, =LAAGAP(12, 10, \"lower\") is 2", () => {
    expect(laagap(cell(12), cell(10), cell("lower"))).toEqual([[2]]);
  });
  it("takes omitted optional arguments (null) and blank cells as the defaults", () => {
    expect(laagap(cell(72), cell(75), undefined, undefined)).toEqual([[3]]);
    expect(laagap(cell(72), cell(75), cell(""), cell(null))).toEqual([[3]]);
  });
  it("gives the gap as a share of target with mode pct", () => {
    const [[value]] = laagap(cell(72), cell(75), cell("higher"), cell("pct"));
    expect(value).toBeCloseTo(0.04, 15);
  });
  it("reads numbers stored as text the way VALUE() does", () => {
    expect(laagap(cell("1,250"), cell("1,000"), cell("lower"))).toEqual([[250]]);
  });
  it("is #N/A for polarity none, with a message", () => {
    const [[value]] = laagap(cell(5), cell(10), cell("data only"));
    expect(value).toEqual(new WorksheetError("#N/A", "Polarity none has no shortfall: the indicator is data only"));
  });
  it("is #N/A with a message for a missing actual or an error value in a cell", () => {
    expect(laagap(cell(null), cell(10))).toEqual([[new WorksheetError("#N/A", "No actual (blank cell)")]]);
    expect(laagap(cell(excelError("#DIV/0!")), cell(10))).toEqual([[new WorksheetError("#N/A", "No actual (cell shows #DIV/0!)")]]);
  });
  it("is #VALUE! for text that is not a number or an unknown polarity", () => {
    const [[bad]] = laagap(cell("lots"), cell(10));
    expect(bad).toBeInstanceOf(WorksheetError);
    expect((bad as WorksheetError).code).toBe("#VALUE!");
    const [[pol]] = laagap(cell(1), cell(10), cell("sideways"));
    expect((pol as WorksheetError).code).toBe("#VALUE!");
  });
  it("is #DIV/0! as a share of a zero target", () => {
    const [[value]] = laagap(cell(3), cell(0), cell("lower"), cell("pct"));
    expect((value as WorksheetError).code).toBe("#DIV/0!");
  });
  it("spills over a column and broadcasts single values, each cell with its own error", () => {
    const actuals = [[72], [80], ["n/a"]];
    const targets = [[75], [75], [75]];
    expect(laagap(actuals, targets, cell("higher"))).toEqual([[3], [-5], [new WorksheetError("#N/A", "No actual (cell shows n/a)")]]);
    expect(laagap(actuals, cell(75))).toEqual(laagap(actuals, targets));
  });
  it("gives one #VALUE! naming the arguments when ranges differ in shape", () => {
    const [[value], ...rest] = laagap([[1], [2], [3]], [[1], [2]]);
    expect(rest).toHaveLength(0);
    expect(value).toEqual(new WorksheetError("#VALUE!", "actual is 3x1 but target is 2x1: ranges must be the same shape, or a single cell"));
  });
});
