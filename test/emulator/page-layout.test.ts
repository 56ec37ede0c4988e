import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createExcelApi, createWorkbook } from "../../src/emulator";
import { loadXlsx, saveXlsx } from "../../src/emulator/xlsx";

// Worksheet.pageLayout (ExcelApi 1.9): orientation, zoom (PageLayoutZoomOptions) and print title rows,
// https://learn.microsoft.com/javascript/api/excel/excel.pagelayout and
// https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
describe("Worksheet.pageLayout", () => {
  async function laidOut() {
    const wb = createWorkbook(["Scorecard"]);
    const Excel = createExcelApi(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Scorecard");
      sheet.getRange("A1:B2").values = [["Title", "x"], [1, 2]];
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows("$1:$2");
      await context.sync();
    });
    return { wb, Excel };
  }

  it("keeps orientation, fit to one page wide and the repeated header rows, and reads them back", async () => {
    const { Excel } = await laidOut();
    const read = await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Scorecard").pageLayout;
      layout.load("orientation, zoom");
      const titles = layout.getPrintTitleRowsOrNullObject();
      titles.load("address");
      await context.sync();
      return { orientation: layout.orientation, zoom: layout.zoom, titles: titles.isNullObject ? null : titles.address };
    });
    expect(read).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titles: "Scorecard!1:2" }); // whole rows, as Range.address gives them
  });

  it("gives a null object when no print title rows are set, and refuses a scale outside 10 to 400", async () => {
    const Excel = createExcelApi(createWorkbook(["Data"]));
    const none = await Excel.run(async (context) => {
      const titles = context.workbook.worksheets.getItem("Data").pageLayout.getPrintTitleRowsOrNullObject();
      await context.sync();
      return titles.isNullObject;
    });
    expect(none).toBe(true);
    await expect(Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").pageLayout.zoom = { scale: 5 };
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("saves as the .xlsx print setup (fitToWidth 1, fitToHeight 0, landscape, print titles) and loads back", async () => {
    const { wb } = await laidOut();
    const bytes = await saveXlsx(wb);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ps = x.getWorksheet("Scorecard")!.pageSetup;
    expect(ps).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    const back = await loadXlsx(bytes);
    expect(back.sheetByName("Scorecard")!.pageLayout).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: { first: 0, last: 1 } });
  });
});

// RangeFormat.autofitRows: "Changes the height of the rows of the current range to achieve the best fit"
// (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitrows-member(1));
// the emulator estimates 7 px per character at Calibri 11 and 15 pt a line (README, decisions).
describe("RangeFormat.autofitRows", () => {
  it("makes a row with wrapped text tall enough for its lines, leaves single-line rows at 15 pt, and keeps heights in .xlsx", async () => {
    const wb = createWorkbook(["Notes"]);
    const Excel = createExcelApi(wb);
    const words = Array.from({ length: 40 }, () => "word").join(" "); // 199 characters
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      sheet.getRange("A1").format.columnWidth = 75; // 100 px: 13 characters a line
      sheet.getRange("A1:B2").values = [[words, "short"], ["one line", 21.4017571884984]]; // a number never wraps
      sheet.getRange("A1:B2").format.wrapText = true;
      sheet.getRange("A1:B2").format.autofitRows();
      await context.sync();
    });
    // "word " repeated: two words (9 characters) fit in 13, so 40 words take 20 lines of 15 pt.
    expect(wb.sheetByName("Notes")!.rowHeights.get(0)).toBe(300);
    expect(wb.sheetByName("Notes")!.rowHeights.get(1)).toBe(15);
    const back = await loadXlsx(await saveXlsx(wb));
    expect(back.sheetByName("Notes")!.rowHeights.get(0)).toBe(300);
  });
});

// Worksheet.horizontalPageBreaks (ExcelApi 1.9): "Adds a page break before the top-left cell of the range
// specified" (https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection).
describe("Worksheet.horizontalPageBreaks", () => {
  it("starts a printed page at the given row, counts breaks once each, and keeps them in .xlsx", async () => {
    const wb = createWorkbook(["Trends"]);
    const Excel = createExcelApi(wb);
    const count = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Trends");
      sheet.getRange("A1:A60").values = Array.from({ length: 60 }, (_, i) => [i + 1]);
      sheet.horizontalPageBreaks.add("A41:C41");
      sheet.horizontalPageBreaks.add(sheet.getRange("B21"));
      sheet.horizontalPageBreaks.add("A21");
      const n = sheet.horizontalPageBreaks.getCount();
      await context.sync();
      return n.value;
    });
    expect(count).toBe(2);
    expect(wb.sheetByName("Trends")!.rowBreaks).toEqual([20, 40]);
    const bytes = await saveXlsx(wb);
    // ECMA-376 <rowBreaks>: <brk id="n"> is a break after 1-based row n, so before 0-based row n.
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect([...xml.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([20, 40]);
    expect((await loadXlsx(bytes)).sheetByName("Trends")!.rowBreaks).toEqual([20, 40]);
  });
});
