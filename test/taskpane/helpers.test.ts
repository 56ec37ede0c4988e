import { parsePercent, parseWholeNumber, percentText } from "../../src/taskpane/components/percent";
import { columnInSource, columnLetters, columnNumber } from "../../src/taskpane/components/columns";
import { cellReference } from "../../src/taskpane/components/ProblemList";
import { describeFailure } from "../../src/shared/failures";
import { themeForBackground } from "../../src/taskpane/theme";
import { FEATURE_REQUIREMENTS, findUnsupported } from "../../src/taskpane/requirements";

describe("percentages in the pane, fractions in the workbook (src/core/rules/types.ts)", () => {
  test("shows 0.07 as 7, not 7.000000000000001", () => {
    expect(percentText(0.07)).toBe("7");
    expect(percentText(0.025)).toBe("2.5");
  });
  test("reads 7.5 and 7.5% as 0.075", () => {
    expect(parsePercent("7.5", 100)).toBe(0.075);
    expect(parsePercent(" 7.5 % ", 100)).toBe(0.075);
  });
  test("every percentage shown reads back as the same fraction", () => {
    for (const f of [0, 0.01, 0.05, 0.07, 0.1, 0.125, 0.6, 1]) expect(parsePercent(percentText(f), 100)).toBe(f);
  });
  test("rejects blank, words, negatives and values above the maximum", () => {
    for (const text of ["", "five", "-5", "101", "1e2", "5,5"]) expect(parsePercent(text, 100)).toBeNull();
  });
  test("reads whole numbers within bounds only", () => {
    expect(parseWholeNumber("3", 2, 20)).toBe(3);
    expect(parseWholeNumber("2.5", 2, 20)).toBeNull();
    expect(parseWholeNumber("1", 2, 20)).toBeNull();
  });
});

describe("cell references", () => {
  // Column arithmetic as Excel numbers columns: A=1, Z=26, AA=27, XFD=16384 (Excel specifications and limits).
  test("column letters and numbers agree with Excel", () => {
    expect(columnNumber("XFD")).toBe(16384);
    expect(columnLetters(16384)).toBe("XFD");
    expect(columnLetters(27)).toBe("AA");
    expect(columnInSource("C3:P40", 2)).toBe("E");
    expect(columnInSource("$Z$1:$AC$9", 1)).toBe("AA");
  });
  test("quotes sheet names the way Excel writes them in references", () => {
    expect(cellReference("Indicators", "D7")).toBe("Indicators!D7");
    expect(cellReference("LAA 2008", "D7")).toBe("'LAA 2008'!D7");
    expect(cellReference("Bob's data", "A1")).toBe("'Bob''s data'!A1");
  });
});

describe("failures in words", () => {
  test("a programming error gets the action's words, not its message", () => {
    const f = describeFailure("rateRag", new TypeError("x is undefined"));
    expect(f.nextStep).toBe("Select a cell inside your indicator table and try again.");
    expect(JSON.stringify(f)).not.toContain("undefined");
  });
  test("an error worded for people by the Excel layer is shown with its words", () => {
    const error = Object.assign(new Error("internal"), { userMessage: "The table has no target column.", nextStep: "Add a Target column." });
    expect(describeFailure("rateRag", error)).toEqual({
      title: "Rate RAG did not finish",
      detail: "The table has no target column.",
      nextStep: "Add a Target column.",
    });
  });
  test("a protected sheet (Excel code AccessDenied) says how to unprotect it", () => {
    expect(describeFailure("rateRag", { code: "AccessDenied" }).nextStep).toMatch(/Unprotect Sheet/);
  });
  test("a rejection that is not an Error still gets words", () => {
    expect(describeFailure("saveSnapshot", "oops").title).toBe("The review snapshot was not saved");
  });
});

describe("Office theme", () => {
  // Relative luminance by the WCAG 2 formula: #262626 is about 0.019 (dark), #E6E6E6 about 0.79 (light).
  test("a dark background means the dark theme", () => {
    expect(themeForBackground("#262626")).toBe("dark");
    expect(themeForBackground("#FFFFFF")).toBe("light");
    expect(themeForBackground("#e6e6e6")).toBe("light");
  });
  test("no colour means the light theme", () => {
    expect(themeForBackground(undefined)).toBe("light");
    expect(themeForBackground("rgb(0,0,0)")).toBe("light");
  });
});

describe("requirement sets", () => {
  test("an Excel without ExcelApi 1.6 hears that status colours need conditional formats", () => {
    const missing = findUnsupported((set, version) => !(set === "ExcelApi" && Number(version) >= 1.6));
    expect(missing.map((m) => m.feature)).toEqual(["Status colours on rated cells", "Fast writing of large tables"]);
    expect(missing[0].why).toContain("ExcelApi 1.6 (conditional formats)");
  });
  test("an Excel with every set has nothing to say", () => {
    expect(findUnsupported(() => true)).toEqual([]);
  });
  test("lists the sets the brief names: charts 1.1, settings 1.4, conditional formats 1.6, screen updating 1.9", () => {
    const excel = FEATURE_REQUIREMENTS.filter((r) => r.set === "ExcelApi").map((r) => r.version);
    expect(excel).toEqual(["1.1", "1.4", "1.6", "1.9"]);
  });
});

