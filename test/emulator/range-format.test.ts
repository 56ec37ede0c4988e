import { setup, rejection } from "./helpers";

// RangeFormat, RangeFont, RangeFill and RangeBorder (src/emulator/range-format.ts), through the public API.
describe("RangeFormat row heights", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-rowheight-member:
  // "Specifies the height of all rows in the range. If the row heights are not uniform, null will be returned."
  it("reads 15 pt for untouched Calibri 11 rows, the height set on every row, and null when rows differ", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const blank = sheet.getRange("A1:A3").format.load("rowHeight");
      await context.sync();
      expect(blank.rowHeight).toBe(15);
      sheet.getRange("A1:C2").format.rowHeight = 30;
      const same = sheet.getRange("B1:B2").format.load("rowHeight");
      const mixed = sheet.getRange("A2:A3").format.load("rowHeight");
      await context.sync();
      expect([same.rowHeight, mixed.rowHeight]).toEqual([30, null]);
    });
  });

  it("refuses a negative row height with InvalidArgument", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").format.rowHeight = -1;
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });
});

describe("RangeFont", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.rangefont: name, size, bold, italic, color;
  // a new workbook's cells are Calibri 11, black, neither bold nor italic (Excel's default Normal style).
  it("reads Excel's default font on blank cells, a font set on every cell, and null where cells differ", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const dflt = sheet.getRange("A1:B2").format.font.load("name, size, bold, italic, color");
      await context.sync();
      expect([dflt.name, dflt.size, dflt.bold, dflt.italic, dflt.color]).toEqual(["Calibri", 11, false, false, "#000000"]);
      const a = sheet.getRange("A1:B1").format.font;
      a.name = "Arial";
      a.size = 14;
      a.italic = true;
      const row = sheet.getRange("A1:B1").format.font.load("name, size, italic");
      const both = sheet.getRange("A1:A2").format.font.load("name, size, italic, bold");
      await context.sync();
      expect([row.name, row.size, row.italic]).toEqual(["Arial", 14, true]);
      // Row 2 kept the default, so the column's reads are null except bold, which no cell changed.
      expect([both.name, both.size, both.italic, both.bold]).toEqual([null, null, null, false]);
    });
  });
});

describe("RangeFill.clear", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.rangefill#excel-excel-rangefill-clear-member(1):
  // "Resets the range background." A cell without fill reads as white, as Excel reports it.
  it("removes the fill of the range only, which then reads as white", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B1").format.fill.color = "#FFC000";
      sheet.getRange("A1").format.fill.clear();
      const cleared = sheet.getRange("A1").format.fill.load("color");
      const kept = sheet.getRange("B1").format.fill.load("color");
      await context.sync();
      expect([cleared.color, kept.color]).toEqual(["#FFFFFF", "#FFC000"]);
    });
  });
});

describe("RangeBorder", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.rangeborder: style is a BorderLineStyle ("None" removes
  // the line), weight a BorderWeight (Hairline, Thin, Medium, Thick).
  it("removes a line when its style is set to None, and refuses a weight Excel does not have", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const bottom = sheet.getRange("A1:B1").format.borders.getItem("EdgeBottom");
      bottom.style = "Continuous";
      await context.sync();
      bottom.style = "None";
      const read = sheet.getRange("A1:B1").format.borders.getItem("EdgeBottom").load("style, sideIndex");
      await context.sync();
      expect([read.style, read.sideIndex]).toEqual(["None", "EdgeBottom"]);
      // Typed code cannot pass "Heavy"; untyped JavaScript can, and Excel refuses it.
      (sheet.getRange("A1").format.borders.getItem("EdgeTop") as { weight: string }).weight = "Heavy";
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });
});
