import { createExcelApi } from "../../src/emulator";
import { rateRag } from "../../src/excel/rate-rag";
import { wideWorkbook } from "./fixtures";

// Rate RAG on sheets whose names Excel must quote in an address (hostile-input case 3 of test/cli/keeps-user-things.test.ts): spaces, an
// apostrophe (written 'Bob''s data'!A1), a comma and brackets. The fixture's four indicators each
// have an actual of 55 against a target of 56, or none (test/excel/fixtures.ts actualFor).
describe.each(["NIs, 2008 (final)", "Bob's data", "Q3 data"])("Rate RAG on the sheet %p", (sheetName) => {
  it("rates every row, with a hidden row making the visible cells a multi-area address", async () => {
    const api = createExcelApi(wideWorkbook(4, sheetName));
    await api.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.getRange("3:3").rowHidden = true;
      ws.getRange("A2").select();
      await context.sync();
    });
    const report = await api.run((context) => rateRag(context));
    expect(report.source.sheet).toBe(sheetName);
    expect(report.source.rows).toBe(4);
    const status = await api.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheetName).getRange("M1:M5");
      r.load("values");
      await context.sync();
      return r.values.map((row) => row[0]);
    });
    expect(status[0]).toBe("Status");
    // The hidden row (sheet row 3) is left unrated, as on any sheet; the other three are rated.
    expect(report.rated).toBe(3);
    expect(status.map((s) => s !== "")).toEqual([true, true, false, true, true]);
  });
});
