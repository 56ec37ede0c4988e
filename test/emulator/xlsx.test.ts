import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createExcelApi, createWorkbook } from "../../src/emulator";
import type { ChartPartSpec } from "../../src/emulator/chart-spec";
import { chartSpecs, loadXlsx, ROUND_TRIP_LOSSES, saveXlsx } from "../../src/emulator/xlsx";

/** A workbook worked on through the API, with every kind of thing the export keeps. */
async function workedOn() {
  const wb = createWorkbook(["Data", "Scorecard"]);
  const Excel = createExcelApi(wb);
  await Excel.run(async (context) => {
    const data = context.workbook.worksheets.getItem("Data");
    data.getRange("A1:D3").values = [["Id", "Title", "Actual", "Target"], ["NI 16", "Serious acquisitive crime", 0.123, 0.1], ["NI 20", "Assault", 5, 6]];
    data.getRange("E2").formulas = [["=C2-D2"]];
    data.getRange("C2:D3").numberFormat = [["0.0%", "0.0%"], ["0", "0"]];
    data.getRange("A1:D1").format.fill.color = "#1F4E79";
    data.getRange("A1:D1").format.font.color = "#FFFFFF";
    data.getRange("A1:D1").format.font.bold = true;
    data.getRange("B:B").format.columnWidth = 150;
    data.freezePanes.freezeAt("A1:A1");
    data.tables.add("A1:D3", true).name = "Indicators";
    const cv = data.getRange("C2:C3").conditionalFormats.add("CellValue");
    cv.cellValue.rule = { formula1: "=0.1", operator: "GreaterThan" };
    cv.cellValue.format.fill.color = "#C6EFCE";
    const text = data.getRange("B2:B3").conditionalFormats.add("ContainsText");
    text.textComparison.rule = { operator: "Contains", text: "crime" };
    text.textComparison.format.font.color = "#9C0006";
    const custom = data.getRange("A2:D3").conditionalFormats.add("Custom");
    custom.custom.rule.formula = "=$C2>$D2";
    custom.custom.format.font.bold = true;
    custom.stopIfTrue = true;
    const icons = data.getRange("D2:D3").conditionalFormats.add("IconSet");
    icons.iconSet.style = "ThreeTrafficLights1";
    context.workbook.settings.add("laa.rules", { amberBand: 0.05, statuses: ["Blue", "Green"] });
    context.workbook.names.add("Indicators_Source", data.getRange("A1:D3"));
    const chart = context.workbook.worksheets.getItem("Scorecard").charts.add("BarClustered", data.getRange("B1:C3"), "Columns");
    chart.title.text = "Actual by indicator";
    chart.setPosition("B2", "H18");
    chart.series.getItemAt(0).format.fill.setSolidColor("#2E8B57");
    await context.sync();
  });
  return wb;
}

// .xlsx through ExcelJS (CONTRIBUTING.md#toolchain-notes: ExcelJS writes tables, fills, fonts, number formats, conditional formats; no charts).
describe(".xlsx round trip", () => {
  it("keeps values, formulas, number formats, fills, fonts, column widths and frozen panes", async () => {
    const back = await loadXlsx(await saveXlsx(await workedOn()));
    const s = back.sheetByName("Data")!;
    expect(s.cell(1, 1)?.value).toBe("Serious acquisitive crime");
    expect(s.cell(1, 2)).toMatchObject({ value: 0.123, numberFormat: "0.0%" });
    expect(s.cell(1, 4)?.formula).toBe("=C2-D2");
    expect(s.cell(0, 0)).toMatchObject({ fill: "#1F4E79", font: { bold: true, color: "#FFFFFF" } });
    expect(s.columnWidths.get(1)).toBeCloseTo(150, 1);
    expect(s.frozen).toEqual({ rows: 1, columns: 1 });
  });

  it("keeps tables with their names and ranges, and defined names", async () => {
    const back = await loadXlsx(await saveXlsx(await workedOn()));
    expect(back.tables.map((t) => [t.name, t.sheet.name, t.rect])).toEqual([["Indicators", "Data", { row: 0, col: 0, rowCount: 3, colCount: 4 }]]);
    expect(back.names.get("indicators_source")?.formula).toBe("=Data!$A$1:$D$3");
  });

  it("keeps the four conditional format kinds in priority order with their rules, formats and stopIfTrue", async () => {
    const back = await loadXlsx(await saveXlsx(await workedOn()));
    const cfs = back.sheetByName("Data")!.conditionalFormats;
    expect(cfs.map((c) => c.type)).toEqual(["IconSet", "Custom", "ContainsText", "CellValue"]);
    expect(cfs[3]).toMatchObject({ cellValueRule: { formula1: "=0.1", operator: "GreaterThan" }, format: { fill: "#C6EFCE" }, rect: { row: 1, col: 2, rowCount: 2, colCount: 1 } });
    expect(cfs[2]).toMatchObject({ textRule: { operator: "Contains", text: "crime" }, format: { fontColor: "#9C0006" } });
    expect(cfs[1]).toMatchObject({ customFormula: "=$C2>$D2", stopIfTrue: true, format: { bold: true } });
    expect(cfs[0].iconSet).toMatchObject({ style: "ThreeTrafficLights1", criteria: [{ type: "Invalid" }, { type: "Percent", formula: "=33" }, { type: "Percent", formula: "=67" }] });
  });

  it("keeps the add-in's settings in a web extension part, as Excel stores add-in settings", async () => {
    const bytes = await saveXlsx(await workedOn());
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["xl/webextensions/webextension1.xml", "xl/webextensions/taskpanes.xml"]));
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("application/vnd.ms-office.webextension+xml");
    const back = await loadXlsx(bytes);
    expect(JSON.parse(back.settings.get("laa.rules")!)).toEqual({ amberBand: 0.05, statuses: ["Blue", "Green"] });
  });

  it("reads formulas with their cached results from a file written elsewhere, and shows them through the API", async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet("Calc");
    ws.getCell("A1").value = 2;
    ws.getCell("A2").value = { formula: "A1*21", result: 42 } as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    const wb = await loadXlsx(new Uint8Array(await x.xlsx.writeBuffer()));
    await createExcelApi(wb).run(async (context) => {
      const r = context.workbook.worksheets.getItem("Calc").getRange("A2:A3").load("values, formulas, valueTypes");
      await context.sync();
      expect(r.values).toEqual([[42], ["#DIV/0!"]]);
      expect(r.formulas).toEqual([["=A1*21"], ["=1/0"]]);
      expect(r.valueTypes).toEqual([["Double"], ["Error"]]);
    });
  });

  it("hands charts to the chart writer as specs whose series point at the source cells", async () => {
    const wb = await workedOn();
    const seen: ChartPartSpec[][] = [];
    await saveXlsx(wb, { writeCharts: async (bytes, charts) => { seen.push([...charts]); return bytes; } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual([{
      sheetName: "Scorecard", kind: "barClustered", title: "Actual by indicator",
      series: [{ name: { ref: "'Data'!$C$1" }, categoriesRef: "'Data'!$B$2:$B$3", valuesRef: "'Data'!$C$2:$C$3", colour: "2E8B57" }],
      from: { row: 1, col: 1 }, to: { row: 18, col: 8 }, legend: "bottom",
    }]);
  });

  it("saves without charts when no chart writer is given, and lists chart types the writer cannot draw", async () => {
    const wb = await workedOn();
    await createExcelApi(wb).run(async (context) => {
      context.workbook.worksheets.getItem("Scorecard").charts.add("Area", context.workbook.worksheets.getItem("Data").getRange("C1:D3"));
      await context.sync();
    });
    const { specs, skipped } = chartSpecs(wb);
    expect(specs).toHaveLength(1);
    expect(skipped).toEqual(["Scorecard/Chart 2: chart type Area is not written"]);
    const zip = await JSZip.loadAsync(await saveXlsx(wb));
    expect(Object.keys(zip.files).some((f) => f.startsWith("xl/charts/"))).toBe(false);
  });

  it("says what a round trip cannot keep", () => {
    expect(ROUND_TRIP_LOSSES.join("\n")).toMatch(/Charts read from a file/);
  });
});

describe(".xlsx round trip of borders and alignment", () => {
  it("keeps border styles, weights and colours, and horizontal and vertical alignment", async () => {
    const wb = createWorkbook(["Data"]);
    await createExcelApi(wb).run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      r.values = [["Status", "Green"]];
      const b = r.format.borders.getItem("EdgeBottom");
      b.style = "Double";
      b.color = "#FF0000";
      r.format.horizontalAlignment = "CenterAcrossSelection";
      r.format.verticalAlignment = "Top";
      await context.sync();
    });
    const back = await loadXlsx(await saveXlsx(wb));
    expect(back.sheets[0].cell(0, 1)).toMatchObject({
      borders: { bottom: { style: "Double", weight: "Thick", color: "#FF0000" } }, horizontalAlignment: "CenterAcrossSelection", verticalAlignment: "Top",
    });
  });
});
