import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createExcelApi, createWorkbook } from "../../src/emulator";
import { saveXlsx } from "../../src/emulator/xlsx";
import { escapeText, SharedStrings } from "../../src/emulator/xlsx-cells";

/** The saved package read back by ExcelJS (an independent reader of what was written). */
async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return x;
}

// The save writes each sheet's cells itself (src/emulator/xlsx-cells.ts), after ExcelJS has written
// one cell per look; what a user sees in the file must be what the emulator held.
describe("saving cells as SpreadsheetML text", () => {
  it("writes every value kind with the look of its cell, in a table sized to all its rows", async () => {
    const wb = createWorkbook(["Data"]);
    await createExcelApi(wb).run(async (context) => {
      const s = context.workbook.worksheets.getItem("Data");
      const rows: (string | number | boolean)[][] = [["Code", "Title", "Actual", "Met"]];
      for (let i = 1; i <= 150; i++) rows.push([`NI ${i}`, i % 2 ? " leading space" : 'Crime & "disorder" <2008>', i / 7, i % 3 === 0]);
      s.getRange("A1:D151").values = rows;
      s.getRange("C2:C151").numberFormat = Array.from({ length: 150 }, () => ["0.00"]);
      s.getRange("D2:D76").format.fill.color = "#C6EFCE";
      s.getRange("E2").formulas = [["=A2&\"!\""]];
      s.getRange("F2").formulas = [["=1/0"]];
      s.tables.add("A1:D151", true).name = "Indicators";
      await context.sync();
    });
    // The emulator gives formulas no results; give them the cached results a file would hold.
    const data = wb.sheetByName("Data")!;
    data.ensureCell(1, 4).value = "NI 1!";
    Object.assign(data.ensureCell(1, 5), { value: "#DIV/0!", error: true });
    const x = await readBack(await saveXlsx(wb));
    const ws = x.getWorksheet("Data")!;
    expect(ws.getCell("A151").value).toBe("NI 150");
    expect(ws.getCell("B2").value).toBe(" leading space");
    expect(ws.getCell("B3").value).toBe('Crime & "disorder" <2008>');
    // 150 / 7 as JavaScript prints it: 21.428571428571427, every digit kept.
    expect(ws.getCell("C151").value).toBe(150 / 7);
    expect(ws.getCell("C151").numFmt).toBe("0.00");
    expect(ws.getCell("D4").value).toBe(true);
    expect((ws.getCell("D76").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE");
    expect((ws.getCell("D77").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    expect(ws.getCell("E2").value).toEqual({ formula: 'A2&"!"', result: "NI 1!" });
    expect(ws.getCell("F2").value).toEqual({ formula: "1/0", result: { error: "#DIV/0!" } });
    const table = (ws as unknown as { tables: Record<string, { model: { tableRef: string } }> }).tables.Indicators;
    expect(table.model.tableRef).toBe("A1:D151");
    expect(ws.dimensions.range).toBe("A1:F151");
  });

  it("keeps hidden rows and row heights, including hidden rows with no cells", async () => {
    const wb = createWorkbook(["Data"]);
    const s = wb.sheetByName("Data")!;
    s.ensureCell(0, 0).value = "Indicator";
    s.ensureCell(5, 0).value = "After the gap";
    s.hiddenRows.add(2);
    s.rowHeights.set(3, 30);
    const ws = (await readBack(await saveXlsx(wb))).getWorksheet("Data")!;
    expect(ws.getRow(3).hidden).toBe(true);
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.getRow(2).hidden).toBe(false);
    expect(ws.getCell("A6").value).toBe("After the gap");
  });

  it("counts every shared string reference and lists each text once", async () => {
    const wb = createWorkbook(["Data"]);
    const s = wb.sheetByName("Data")!;
    ["Red", "Green", "Red", "Red", "Amber"].forEach((v, r) => { s.ensureCell(r, 0).value = v; });
    const zip = await JSZip.loadAsync(await saveXlsx(wb));
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    // 5 cells refer to 3 distinct texts.
    expect(/count="(\d+)"/.exec(sst)?.[1]).toBe("5");
    expect(/uniqueCount="(\d+)"/.exec(sst)?.[1]).toBe("3");
  });

  it("escapes text as ExcelJS does: entities for XML characters, control characters dropped", () => {
    expect(escapeText(`a<b>&'"`)).toBe("a&lt;b&gt;&amp;&apos;&quot;");
    expect(escapeText("tab\tkept, bell\u0007 dropped")).toBe("tab\tkept, bell dropped");
    const strings = new SharedStrings(`<?xml version="1.0"?><sst xmlns="x" count="1" uniqueCount="1"><si><t>Red</t></si></sst>`);
    expect(strings.add("Red")).toBe(0);
    expect(strings.add(" Red")).toBe(1);
    expect(strings.xml()).toBe(`<?xml version="1.0"?><sst xmlns="x" count="2" uniqueCount="2"><si><t>Red</t></si><si><t xml:space="preserve"> Red</t></si></sst>`);
  });
});
