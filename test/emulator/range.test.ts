import { setup, rejection } from "./helpers";

// Range reference: https://learn.microsoft.com/javascript/api/excel/excel.range
describe("Range values, formulas and formats", () => {
  it("reads blank cells as empty strings with value type Empty and number format General (Range.values, valueTypes)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:B1").load("values, valueTypes, numberFormat, formulas, text");
      await context.sync();
      expect(r.values).toEqual([["", ""]]);
      expect(r.valueTypes).toEqual([["Empty", "Empty"]]);
      expect(r.numberFormat).toEqual([["General", "General"]]);
      expect(r.formulas).toEqual([["", ""]]);
      expect(r.text).toEqual([["", ""]]);
    });
  });

  it("interprets text as typed input: '=' makes a formula, an apostrophe keeps text, numbers, TRUE and errors are recognised (Range.values remarks)", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:G1").values = [["=B1*2", "'=not a formula", "12.5", "true", "#N/A", "+-", "50%"]];
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:G1").load("formulas, valueTypes, values");
      await context.sync();
      expect(r.formulas[0][0]).toBe("=B1*2");
      expect(r.values[0].slice(1, 5)).toEqual(["=not a formula", 12.5, true, "#N/A"]);
      expect(r.valueTypes[0].slice(1, 5)).toEqual(["String", "Double", "Boolean", "Error"]);
      expect(r.formulas[0][5]).toBe("=+-");
      expect(r.values[0][6]).toBe(0.5);
    });
    expect(wb.sheets[0].cell(0, 6)?.numberFormat).toBe("0%");
  });

  it("keeps text as text in a cell formatted as Text (@), so a title starting with '=' never becomes a formula", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Data").getRange("A1");
      cell.numberFormat = [["@"]];
      cell.values = [["=SUM(1)"]];
      cell.load("formulas, valueTypes");
      await context.sync();
      expect(cell.formulas).toEqual([["=SUM(1)"]]);
      expect(cell.valueTypes).toEqual([["String"]]);
    });
  });

  it("leaves a cell unchanged for null in a 2-D array and clears it for an empty string (core concepts: null or blank property values)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:C1");
      r.values = [[1, 2, 3]];
      await context.sync();
      r.values = [[null, "", 9]];
      r.load("values");
      await context.sync();
      expect(r.values).toEqual([[1, "", 9]]);
    });
  });

  it("rejects a 2-D array whose shape differs from the range with InvalidArgument at sync", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [[1, 2, 3]];
      const e = await rejection(context.sync());
      expect(e.code).toBe("InvalidArgument");
      expect(e.message).toContain("1x3 but the range is 2x2");
    });
    expect(wb.sheets[0].rows.length).toBe(0);
  });

  it("applies one value (not an array) to every cell of the range (Range.numberFormat remarks)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      (r as unknown as { numberFormat: string }).numberFormat = "0.0%";
      r.values = [[0.1234, 1], [0, -0.5]];
      r.load("text, numberFormat");
      await context.sync();
      expect(r.numberFormat).toEqual([["0.0%", "0.0%"], ["0.0%", "0.0%"]]);
      expect(r.text).toEqual([["12.3%", "100.0%"], ["0.0%", "-50.0%"]]);
    });
  });

  it("shows text through number formats: General, fixed decimals, thousands separators and dates (number format codes)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:E1");
      r.values = [[0.1 + 0.2, 1234.5, 1234.5, 45000, 3]];
      r.numberFormat = [["General", "0.00", "#,##0.00", "dd/mm/yyyy", "0"]];
      r.load("text");
      await context.sync();
      // 45000 is 15 March 2023 in Excel's 1900 date system: 44927 is 1 Jan 2023 (=DATE(2023,1,1)), plus 73 days.
      expect(r.text).toEqual([["0.3", "1234.50", "1,234.50", "15/03/2023", "3"]]);
    });
  });

  it("navigates like Excel: getCell, getResizedRange, getOffsetRange, getEntireColumn/Row, getRow, getLastRow", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem("Data").getRange("B2:C4");
      const got = [
        base.getCell(1, 1), base.getCell(5, 0), base.getResizedRange(1, 2), base.getOffsetRange(-1, 1),
        base.getEntireColumn(), base.getEntireRow(), base.getRow(2), base.getLastRow(), base.getColumnsAfter(2),
      ].map((r) => r.load("address"));
      await context.sync();
      expect(got.map((r) => r.address)).toEqual([
        "Data!C3", "Data!B7", "Data!B2:E5", "Data!C1:D3", "Data!B:C", "Data!2:4", "Data!B4:C4", "Data!B4:C4", "Data!D2:E4",
      ]);
    });
  });

  it("fails navigation off the sheet at sync with InvalidArgument", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").getOffsetRange(-1, 0).load("address");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("accepts whole columns, whole rows and the sheet's own name in getRange, and refuses another sheet's name", async () => {
    const { Excel } = setup(["Data", "Other"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const a = sheet.getRange("A:B").load("address, rowCount, isEntireColumn");
      const b = sheet.getRange("3:3").load("address, columnCount");
      const c = sheet.getRange("Data!C2").load("address");
      await context.sync();
      expect([a.address, a.rowCount, (a as unknown as { isEntireColumn: boolean }).isEntireColumn]).toEqual(["Data!A:B", 1048576, true]);
      expect([b.address, b.columnCount]).toEqual(["Data!3:3", 16384]);
      expect(c.address).toBe("Data!C2");
      sheet.getRange("Other!A1").load("address");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("gives the used range around values and formats, A1 on a blank sheet, and a null object from getUsedRangeOrNullObject (Worksheet.getUsedRange)", async () => {
    const { Excel } = setup(["Data", "Blank"]);
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.getRange("C3:D4").values = [[1, 2], [3, 4]];
      data.getRange("F10").format.fill.color = "yellow";
      const all = data.getUsedRange().load("address");
      const valuesOnly = data.getUsedRange(true).load("address");
      const blank = context.workbook.worksheets.getItem("Blank").getUsedRange().load("address");
      const blankOrNull = context.workbook.worksheets.getItem("Blank").getUsedRangeOrNullObject();
      await context.sync();
      expect([all.address, valuesOnly.address, blank.address]).toEqual(["Data!C3:F10", "Data!C3:D4", "Blank!A1"]);
      expect(blankOrNull.isNullObject).toBe(true);
    });
  });

  it("reads formats as one value when cells agree and null when they differ (RangeFormat.columnWidth, RangeFill.color)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").format.fill.color = "#2e8b57";
      sheet.getRange("A1").format.font.color = "white";
      sheet.getRange("A1").format.font.bold = true;
      sheet.getRange("A:A").format.columnWidth = 120;
      const one = sheet.getRange("A1").load("format/fill/color, format/font/color, format/font/bold, format/columnWidth");
      const two = sheet.getRange("A1:B1").load("format/fill/color, format/columnWidth, format/font/bold");
      await context.sync();
      expect([one.format.fill.color, one.format.font.color, one.format.font.bold, one.format.columnWidth]).toEqual(["#2E8B57", "#FFFFFF", true, 120]);
      expect([two.format.fill.color, two.format.columnWidth, two.format.font.bold]).toEqual([null, null, null]);
    });
  });

  it("rejects a colour Excel does not know with InvalidArgument", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").format.fill.color = "sort of green";
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("widens columns to fit their longest text with autofitColumns", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B2").values = [["Serious acquisitive crime rate per 1,000", "x"], ["y", "z"]];
      sheet.getRange("A:B").format.autofitColumns();
      const a = sheet.getRange("A1").load("format/columnWidth");
      const b = sheet.getRange("B1").load("format/columnWidth");
      await context.sync();
      expect(a.format.columnWidth).toBeGreaterThan(200);
      expect(b.format.columnWidth).toBeLessThan(48);
    });
  });

  it("clears contents, formats or both (Range.clear applyTo)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      r.values = [[1, 2]];
      r.format.fill.color = "red";
      r.clear("Contents");
      r.load("values, format/fill/color");
      await context.sync();
      expect(r.values).toEqual([["", ""]]);
      expect(r.format.fill.color).toBe("#FF0000");
      r.clear();
      r.load("format/fill/color");
      await context.sync();
      expect(r.format.fill.color).toBe("#FFFFFF");
    });
  });

  it("selects a range and reads it back as the selected range and active cell", async () => {
    const { Excel } = setup(["One", "Two"]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Two").getRange("B2:C3").select();
      const sel = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.getActiveCell().load("address");
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([sel.address, active.address, sheet.name]).toEqual(["Two!B2:C3", "Two!B2", "Two"]);
    });
  });
});

// Borders: https://learn.microsoft.com/javascript/api/excel/excel.rangebordercollection (edges and inside lines).
describe("Range borders and alignment", () => {
  it("draws edge and inside borders on the right cell sides and reads them back, null where sides differ", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("B2:C3");
      const bottom = r.format.borders.getItem("EdgeBottom");
      bottom.style = "Continuous";
      bottom.weight = "Medium";
      bottom.color = "#1F4E79";
      r.format.borders.getItem("InsideVertical").style = "Dash";
      r.format.verticalAlignment = "Center";
      const read = r.format.borders.getItem("EdgeBottom").load("style, weight, color");
      const top = r.format.borders.getItem("EdgeTop").load("style");
      const va = r.format.load("verticalAlignment");
      await context.sync();
      expect([read.style, read.weight, read.color, top.style, va.verticalAlignment]).toEqual(["Continuous", "Medium", "#1F4E79", "None", "Center"]);
    });
    const s = wb.sheets[0];
    expect(s.cell(2, 1)?.borders?.bottom).toEqual({ style: "Continuous", weight: "Medium", color: "#1F4E79" });
    expect(s.cell(1, 1)?.borders?.right).toMatchObject({ style: "Dash" });
    expect(s.cell(1, 2)?.borders?.right).toBeUndefined();
  });
});

describe("regions", () => {
  it("finds the block of data around a cell, bounded by blank rows and columns (Range.getSurroundingRegion, Excel's CurrentRegion)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B3:D5").values = [["Id", "Actual", "Target"], ["NI 1", 1, 2], ["NI 2", 3, 4]];
      sheet.getRange("F3").values = [["separate"]];
      sheet.getRange("A1").values = [["title"]];
      const region = sheet.getRange("C4").getSurroundingRegion().load("address");
      const bound = sheet.getRange("B3").getBoundingRect("F8").load("address");
      await context.sync();
      expect(region.address).toBe("Data!B3:D5");
      expect(bound.address).toBe("Data!B3:F8");
    });
  });

  it("gives the cells two ranges share, or a null object when they share none (Range.getIntersectionOrNullObject)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const shared = sheet.getRange("B3:D8").getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, 5, 16384)).load("address");
      const none = sheet.getRange("B3:D8").getIntersectionOrNullObject("F1:G2").load("address");
      await context.sync();
      expect(shared.isNullObject).toBe(false);
      expect(shared.address).toBe("Data!B3:D5");
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe("inputs", () => {
  it("does not change the arrays it is given, and later changes to them do not reach the workbook after sync", async () => {
    const { wb, Excel } = setup();
    const input = [["=1+1", "12", null], ["'x", "", 5]];
    const copy = JSON.parse(JSON.stringify(input));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:C2").values = input;
      await context.sync();
    });
    expect(input).toEqual(copy);
    input[1][2] = 99;
    expect(wb.sheets[0].cell(1, 2)?.value).toBe(5);
  });
});
