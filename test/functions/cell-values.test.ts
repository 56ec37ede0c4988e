import { excel } from "./as-excel";
// Called as Excel calls them: omitted optional arguments as null, error values as Excel's objects (as-excel.ts).
const { laagap, laarag, laatrend } = excel;
import { basicValueOf } from "../../src/functions/cell-values";

// Formatted numbers and entities reach `any` arguments as objects because the metadata sets
// allowCustomDataForDataTypeAny (Microsoft, "Custom functions and data types",
// learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts). The shapes are
// Excel.FormattedNumberCellValue, Excel.DoubleCellValue and Excel.EntityCellValue from @types/office-js.
const formatted = (n: number, numberFormat: string) => ({ type: "FormattedNumber", basicValue: n, numberFormat });
const cell = (v: unknown) => [[v]] as never;

describe("formatted numbers and entities are read by their basic value", () => {
  it("gives the same gap for 72 typed plainly and 72 formatted", () => {
    // Hand calculation: higher is better, gap = target - actual = 75 - 72 = 3.
    expect(laagap(cell(72), cell(75))).toEqual([[3]]);
    expect(laagap(cell(formatted(72, "0.0")), cell(formatted(75, "#,##0")))).toEqual([[3]]);
    expect(laagap(cell({ type: "Double", basicValue: 72 }), cell(75))).toEqual([[3]]);
  });

  it("rates a formatted percentage as its fraction", () => {
    // 74.0% formatted as a percentage is the fraction 0.74: it must rate exactly as 0.74 typed plainly.
    expect(laarag(cell(formatted(0.74, "0.0%")), cell(0.75))).toEqual(laarag(cell(0.74), cell(0.75)));
  });

  it("reads formatted numbers inside a range", () => {
    expect(laatrend([[formatted(1, "0")], [formatted(2, "0")], [formatted(3, "0")]] as never)).toEqual(laatrend([[1], [2], [3]] as never));
  });

  it("takes an entity's basic value, and leaves plain values alone", () => {
    expect(basicValueOf({ type: "Entity", text: "Anycity", basicValue: "#VALUE!", properties: {} })).toBe("#VALUE!");
    expect(basicValueOf(12)).toBe(12);
    expect(basicValueOf("n/a")).toBe("n/a");
    expect(basicValueOf(null)).toBeNull();
    const errorObject = { code: "#N/A" };
    expect(basicValueOf(errorObject)).toBe(errorObject);
  });
});
