import { parseNumericText, readNumber } from "../../../src/core/cells";

// Expected values: what Excel's VALUE() returns for the same text in a UK locale.
describe("readNumber: cells as analysts leave them", () => {
  it.each([
    ["1,234", 1234],
    [" 45 ", 45],
    ["12.5%", 0.125],
    ["-3.5", -3.5],
    ["(5)", -5],
    ["£1,200.50", 1200.5],
    ["1e3", 1000],
    [".5", 0.5],
  ])("reads the text %p as %p, as VALUE() does", (text, value) => {
    expect(readNumber(text)).toEqual({ kind: "number", value });
  });
  it("takes numbers as they are", () => {
    expect(readNumber(72.4)).toEqual({ kind: "number", value: 72.4 });
  });
  it.each(["n/a", "N/A", "-", "..", "x", "*", ":"])("treats the not-available marker %p as missing, saying so", (marker) => {
    expect(readNumber(marker)).toEqual({ kind: "missing", reason: `cell shows ${marker}` });
  });
  it("treats blanks as missing", () => {
    expect(readNumber(null)).toEqual({ kind: "missing", reason: "blank cell" });
    expect(readNumber("  ")).toEqual({ kind: "missing", reason: "blank cell" });
  });
  it.each(["#N/A", "#DIV/0!", "#REF!", "#VALUE!"])("treats the error value %p as missing with the reason the cell shows it", (err) => {
    expect(readNumber(err)).toEqual({ kind: "missing", reason: `cell shows ${err}` });
  });
  it("reports text that is not a number as invalid, naming the value", () => {
    expect(readNumber("about 40", "Actual")).toEqual({ kind: "invalid", message: 'Actual "about 40" is not a number' });
    expect(readNumber(true, "Actual").kind).toBe("invalid");
  });
  it("rejects badly grouped thousands and stray brackets", () => {
    expect(parseNumericText("12,34")).toBeUndefined();
    expect(parseNumericText("(5")).toBeUndefined();
    expect(parseNumericText("5)")).toBeUndefined();
  });
});
