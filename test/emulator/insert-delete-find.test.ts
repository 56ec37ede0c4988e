import { setup, rejection } from "./helpers";

// Range.insert / Range.delete / Range.find: https://learn.microsoft.com/javascript/api/excel/excel.range
describe("inserting and deleting cells", () => {
  async function sheetWithData() {
    const s = setup(["Data"]);
    await s.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:E3").values = [["Id", "Actual", "Status", "Note", "Owner"], ["NI 1", 5, "Green", "ok", "Ann"], ["NI 2", 3, "Red", "late", "Bob"]];
      sheet.getRange("E:E").format.columnWidth = 90;
      const cf = sheet.getRange("E2:E3").conditionalFormats.add("ContainsText");
      cf.textComparison.rule = { operator: "Contains", text: "Ann" };
      context.workbook.names.add("Owners", sheet.getRange("E2:E3"));
      await context.sync();
    });
    return s;
  }

  it("deletes whole columns shifting the rest left, with column widths, conditional formats and names following", async () => {
    const { wb, Excel } = await sheetWithData();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("C:D").delete("Left");
      const r = sheet.getRange("A1:C2").load("values");
      const n = context.workbook.names.getItem("Owners").load("formula");
      await context.sync();
      expect(r.values).toEqual([["Id", "Actual", "Owner"], ["NI 1", 5, "Ann"]]);
      expect(n.formula).toBe("=Data!$C$2:$C$3");
    });
    expect(wb.sheets[0].columnWidths.get(2)).toBe(90);
    expect(wb.sheets[0].conditionalFormats[0].rect).toEqual({ row: 1, col: 2, rowCount: 2, colCount: 1 });
  });

  it("inserts whole rows shifting the rest down and returns the blank range", async () => {
    const { Excel } = await sheetWithData();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const blank = sheet.getRange("2:2").insert("Down").load("address");
      const moved = sheet.getRange("A3:B3").load("values");
      await context.sync();
      expect(blank.address).toBe("Data!2:2");
      expect(moved.values).toEqual([["NI 1", 5]]);
    });
  });

  it("deletes part of a column shifting cells up only in that column", async () => {
    const { Excel } = await sheetWithData();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B2").delete("Up");
      const r = sheet.getRange("A2:B3").load("values");
      await context.sync();
      expect(r.values).toEqual([["NI 1", 3], ["NI 2", ""]]);
    });
  });

  it("moves a table with inserted columns before it, and refuses to cut a table's columns through Range.delete", async () => {
    const { wb, Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B1:C2").values = [["Id", "Value"], ["a", 1]];
      sheet.tables.add("B1:C2", true);
      sheet.getRange("A:A").insert("Right");
      await context.sync();
      expect(wb.tables[0].rect).toEqual({ row: 0, col: 2, rowCount: 2, colCount: 2 });
      sheet.getRange("D:D").delete("Left");
      expect((await rejection(context.sync())).code).toBe("NotImplemented");
    });
  });
});

describe("finding text", () => {
  it("finds the first cell showing the text in a range, by rows, case-insensitively unless asked", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:C2").values = [["Indicator", "Target", "Actual"], ["Polarity", "target year", "x"]];
      const found = sheet.getRange("A1:C2").find("target", { completeMatch: false, matchCase: false }).load("address");
      const whole = sheet.getRange("A1:C2").find("target year", { completeMatch: true }).load("address");
      await context.sync();
      expect([found.address, whole.address]).toEqual(["Data!B1", "Data!B2"]);
      sheet.getRange("A1:C2").find("target", { completeMatch: true, matchCase: true }).load("address");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("fails find with ItemNotFound when nothing matches, and gives a null object from findOrNullObject", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["Id"]];
      const none = sheet.getRange("A1:B2").findOrNullObject("Polarity", { completeMatch: true });
      await context.sync();
      expect(none.isNullObject).toBe(true);
      sheet.getRange("A1:B2").find("Polarity", {}).load("address");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("searches the whole sheet after a single starting cell, wrapping round", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:A3").values = [["RAG"], ["x"], ["RAG"]];
      const next = sheet.getRange("A1").find("RAG", { completeMatch: true }).load("address");
      const wrap = sheet.getRange("A3").find("RAG", { completeMatch: true }).load("address");
      await context.sync();
      expect([next.address, wrap.address]).toEqual(["Data!A3", "Data!A1"]);
    });
  });
});
