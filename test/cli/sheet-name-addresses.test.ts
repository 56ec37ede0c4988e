/**
 * The runner reads and prints addresses with the one A1 module (src/core/a1.ts), so sheet names
 * Excel must quote work: an apostrophe and a "!" (written 'Bob''s data!'!A1, the quote doubled) and
 * a comma ('NIs, 2009'!A1). Expected forms are Range.address's own: a sheet name is quoted unless it
 * is plain letters, digits, dots and underscores, and an apostrophe inside it is doubled.
 */
import ExcelJS from "exceljs";
import { createExcelApi, createWorkbook, type ExcelApi } from "../../src/emulator";
import { chooseSource } from "../../src/cli/source";
import { lostInRoundTrip } from "../../src/cli/verify";

const NAMES: [string, string][] = [["Bob's data!", "'Bob''s data!'"], ["NIs, 2009", "'NIs, 2009'"]];

/** Indicators in A1:E4 of a new sheet: a header row and three rows (target 50, actuals 50, 48.5, 40). */
function indicators(sheetName: string): ExcelApi {
  const wb = createWorkbook([sheetName]);
  const put = (r: number, row: unknown[]) => row.forEach((v, c) => { wb.sheets[0].ensureCell(r, c).value = v as never; });
  put(0, ["Code", "Indicator", "Polarity", "Target", "Actual"]);
  [50, 48.5, 40].forEach((a, i) => put(i + 1, [`NI ${i + 1}`, `Indicator ${i + 1}`, "Higher is better", 50, a]));
  return createExcelApi(wb);
}

async function selected(api: ExcelApi): Promise<string> {
  return api.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    r.load("address");
    await context.sync();
    return r.address;
  });
}

describe.each(NAMES)("on the sheet %p", (sheetName, quoted) => {
  it("the runner chooses the first sheet's used range and selects it on that sheet", async () => {
    const api = indicators(sheetName);
    const chosen = await chooseSource(api, null);
    expect(chosen).toEqual({ sheet: sheetName, address: "A1:E4", why: "first sheet's used range" });
    expect(await selected(api)).toBe(`${quoted}!A1:E4`);
  });

  it("the runner chooses the first indicator table by the top-left cell of its header", async () => {
    const api = indicators(sheetName);
    await api.run(async (context) => {
      context.workbook.tables.add(`${quoted}!A1:E4`, true);
      await context.sync();
    });
    const chosen = await chooseSource(api, null);
    expect(chosen).toEqual({ sheet: sheetName, address: "A1", why: "first indicator table" });
    expect(await selected(api)).toBe(`${quoted}!A1`);
  });

  it("a changed cell is named with the sheet quoted as Excel writes it", async () => {
    const book = async (b2: string): Promise<Uint8Array> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(sheetName);
      ws.getCell("A1").value = "Indicator";
      ws.getCell("B2").value = b2;
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    expect(await lostInRoundTrip(await book("kept"), await book("kept"), [])).toEqual([]);
    expect(await lostInRoundTrip(await book("before"), await book("after"), [])).toEqual([`the value or formula of ${quoted}!B2`]);
  });
});
