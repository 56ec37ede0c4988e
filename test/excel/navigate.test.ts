import { createExcelApi, createWorkbook } from "../../src/emulator";
import { createLaaActions } from "../../src/excel/actions";
import { anycityInsertPlan } from "../../src/samples/anycity";

// Insert sample data when Excel refuses to select (the user switched to another workbook while the
// command ran): the sheet and table are made and reported, not left half-done behind an error.
describe("commands move the user's view last and tolerate a refused move", () => {
  it("Insert sample data reports the new sheet when selecting fails", async () => {
    const wb = createWorkbook(["Sheet1"]);
    const api = createExcelApi(wb);
    const actions = createLaaActions(api.run, undefined, anycityInsertPlan);
    const rangeProto = await api.run(async (context) => Object.getPrototypeOf(context.workbook.worksheets.getItem("Sheet1").getRange("A1")) as Excel.Range);
    const select = jest.spyOn(rangeProto, "select").mockImplementation(() => {
      throw Object.assign(new Error("This workbook is not active."), { code: "InvalidOperation" });
    });
    try {
      const inserted = await actions.insertSampleData();
      expect(inserted.sheet).toBe("LAA indicators");
    } finally {
      select.mockRestore();
    }
    const state = await api.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      const title = context.workbook.worksheets.getItem("LAA indicators").getRange("A1");
      title.load("values");
      await context.sync();
      return { tables: tables.items.map((t) => t.name), a1: title.values[0][0] };
    });
    // The sample's header starts with "Ref" (src/samples/anycity.ts anycityInsertPlan's example).
    expect(state).toEqual({ tables: ["AnycityLAA"], a1: "Ref" });
  });
});
