import { setup, rejection } from "./helpers";

// https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection ("Adds a new conditional
// format to the collection at the first/top priority") and excel.conditionalformat (priority, stopIfTrue).
describe("conditional formats", () => {
  it("adds cell value, text contains, custom formula and icon set formats with their rules and formats", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("C2:C10");
      const cv = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue as Excel.ConditionalFormatType);
      cv.cellValue.format.fill.color = "#C6EFCE";
      cv.cellValue.format.font.color = "#006100";
      cv.cellValue.rule = { formula1: "=0.05", operator: "GreaterThanOrEqual" };
      const text = range.conditionalFormats.add("ContainsText");
      text.textComparison.format.font.bold = true;
      text.textComparison.rule = { operator: "Contains", text: "Red" };
      const custom = range.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=$D2=\"Amber\"";
      custom.custom.format.fill.color = "orange";
      const icons = range.conditionalFormats.add("IconSet");
      icons.iconSet.style = "ThreeTrafficLights1";
      icons.iconSet.criteria = [{} as Excel.ConditionalIconCriterion, { type: "Number", operator: "GreaterThanOrEqual", formula: "=0" }, { type: "Number", operator: "GreaterThanOrEqual", formula: "=0.05" }];
      icons.iconSet.showIconOnly = true;
      const loadedRule = cv.cellValue.load("rule");
      await context.sync();
      expect(loadedRule.rule).toEqual({ formula1: "=0.05", operator: "GreaterThanOrEqual" });
    });
    const cfs = wb.sheets[0].conditionalFormats;
    expect(cfs.map((c) => c.type)).toEqual(["IconSet", "Custom", "ContainsText", "CellValue"]);
    expect(cfs[3].format).toEqual({ fill: "#C6EFCE", fontColor: "#006100" });
    expect(cfs[2].textRule).toEqual({ operator: "Contains", text: "Red" });
    expect(cfs[1]).toMatchObject({ customFormula: "=$D2=\"Amber\"", format: { fill: "#FFA500" } });
    expect(cfs[0].iconSet).toMatchObject({ style: "ThreeTrafficLights1", showIconOnly: true });
    expect(cfs[0].iconSet!.criteria[2]).toEqual({ type: "Number", operator: "GreaterThanOrEqual", formula: "=0.05" });
  });

  it("puts each new format at the top priority, renumbers contiguously when a priority is set, and counts negative priorities from the back", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:A5");
      const first = range.conditionalFormats.add("Custom");
      const second = range.conditionalFormats.add("Custom");
      const third = range.conditionalFormats.add("Custom");
      [first, second, third].forEach((c) => c.load("priority"));
      await context.sync();
      expect([first.priority, second.priority, third.priority]).toEqual([2, 1, 0]);
      first.priority = 0;
      third.priority = -1;
      third.stopIfTrue = true;
      [first, second, third].forEach((c) => c.load("priority, stopIfTrue"));
      await context.sync();
      expect([first.priority, second.priority, third.priority]).toEqual([0, 1, 2]);
      expect(third.stopIfTrue).toBe(true);
    });
  });

  it("lists, counts and clears the formats that touch a range", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:A5").conditionalFormats.add("Custom");
      sheet.getRange("C1:C5").conditionalFormats.add("CellValue");
      const countA = sheet.getRange("A3").conditionalFormats.getCount();
      const all = sheet.getRange("A1:C5").conditionalFormats.load("items/type");
      await context.sync();
      expect(countA.value).toBe(1);
      expect(all.items.map((c) => c.type)).toEqual(["CellValue", "Custom"]);
      sheet.getRange("A1:A5").conditionalFormats.clearAll();
      const after = sheet.getRange("A1:C5").conditionalFormats.getCount();
      await context.sync();
      expect(after.value).toBe(1);
    });
  });

  it("refuses the wrong rule part for a format's type and icon criteria of the wrong length", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:A5");
      const custom = range.conditionalFormats.add("Custom");
      custom.cellValue.rule = { formula1: "=1", operator: "EqualTo" };
      expect((await rejection(context.sync())).code).toBe("InvalidOperation");
      const icons = range.conditionalFormats.add("IconSet");
      icons.iconSet.criteria = [];
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });
});
