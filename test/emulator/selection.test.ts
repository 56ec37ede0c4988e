import { createExcelApi, createWorkbook } from "../../src/emulator";

// Worksheet.activate moves the selection to that sheet, as in Excel: Workbook.getSelectedRange "gets
// the currently selected single range from the workbook" (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)),
// and only the active sheet's cells can be selected. Each sheet keeps its own selection; a sheet never
// selected opens at A1 (the emulator's assumption for a new sheet, as Excel opens one).
async function selectedAddress(api: ReturnType<typeof createExcelApi>): Promise<string> {
  return api.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    return range.address;
  });
}

describe("the selection follows the active sheet", () => {
  it("is A1 of a sheet activated for the first time, and the cells last selected when a sheet is activated again", async () => {
    const api = createExcelApi(createWorkbook(["Data", "Notes"]));
    await api.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B5:C6").select();
      await context.sync();
    });
    expect(await selectedAddress(api)).toBe("Data!B5:C6");
    await api.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").activate();
      await context.sync();
    });
    expect(await selectedAddress(api)).toBe("Notes!A1");
    await api.run(async (context) => {
      context.workbook.worksheets.getItem("Data").activate();
      await context.sync();
    });
    expect(await selectedAddress(api)).toBe("Data!B5:C6");
  });

  it("stays where it is when the active sheet is activated again", async () => {
    const api = createExcelApi(createWorkbook(["Data"]));
    await api.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("D4").select();
      ws.activate();
      await context.sync();
    });
    expect(await selectedAddress(api)).toBe("Data!D4");
  });
});
