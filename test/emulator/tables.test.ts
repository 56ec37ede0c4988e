import { setup, rejection } from "./helpers";

// Table, TableColumn and their collections (src/emulator/tables.ts), through the public API.
async function withTable() {
  const env = setup(["Data"]);
  await env.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A1:C3").values = [["Indicator", "Baseline", "Latest"], ["NI 1", 10, 12], ["NI 2", 20, 18]];
    context.workbook.tables.add("Data!A1:C3", true);
    await context.sync();
  });
  return env;
}

describe("Table.convertToRange", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-converttorange-member(1):
  // "Converts the table into a normal range of cells. All data is preserved."
  it("removes the table, keeps every value and returns the range the table covered", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      const range = context.workbook.tables.getItem("Table1").convertToRange().load("address, values");
      const count = context.workbook.tables.getCount();
      await context.sync();
      expect(range.address).toBe("Data!A1:C3");
      expect(range.values).toEqual([["Indicator", "Baseline", "Latest"], ["NI 1", 10, 12], ["NI 2", 20, 18]]);
      expect(count.value).toBe(0);
    });
  });
});

describe("TableColumn", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-getdatabodyrange-member(1)
  // "Gets the range object associated with the data body of the column."
  it("gives a column's body range below its header", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      const body = context.workbook.tables.getItem("Table1").columns.getItem("Latest").getDataBodyRange().load("address, values");
      await context.sync();
      expect(body.address).toBe("Data!C2:C3");
      expect(body.values).toEqual([[12], [18]]);
    });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-delete-member(1):
  // "Deletes the column from the table." The table narrows and the columns to its right close up.
  it("deletes a column: the table narrows and later columns move left", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Table1");
      t.columns.getItem("Baseline").delete();
      const whole = t.getRange().load("address, values");
      const count = t.columns.getCount();
      await context.sync();
      expect(whole.address).toBe("Data!A1:B3");
      expect(whole.values).toEqual([["Indicator", "Latest"], ["NI 1", 12], ["NI 2", 18]]);
      expect(count.value).toBe(2);
    });
  });

  it("fails getItem of a column the table does not have at sync with ItemNotFound", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("Table1").columns.getItem("Target").load("name");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });
});
