import { createExcelApi, createWorkbook } from "../../src/emulator";
import { cellLook, ruleHolds } from "../../src/workbench/display";
import { chartData } from "../../src/workbench/chart-data";
import { startCell } from "../../src/workbench/selection";
import { STATUS_STYLES } from "../../src/excel/status-style";

// The workbench grid's picture of a cell. Conditional formats are set through the emulator's Excel API
// the way src/excel/rate-rag.ts sets the status fills (ContainsText, BeginsWith), so the grid is
// checked against what Rate RAG really writes. Text rules ignore case as Excel's do (Microsoft support:
// "Use conditional formatting to highlight information", Text that contains).
async function statusSheet(words: string[]) {
  const wb = createWorkbook(["Data"]);
  const api = createExcelApi(wb);
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Data");
    const range = ws.getRange(`A1:A${words.length}`);
    range.values = words.map((w) => [w]);
    for (const s of ["Red", "Green"] as const) {
      const cf = range.conditionalFormats.add("ContainsText");
      cf.textComparison.format.fill.color = STATUS_STYLES[s].fill;
      cf.textComparison.format.font.color = STATUS_STYLES[s].font;
      cf.textComparison.rule = { operator: "BeginsWith", text: s };
    }
    await context.sync();
  });
  return { wb, api, sheet: wb.sheets[0] };
}

describe("the workbench grid's picture of a cell", () => {
  it("fills a status word with its status colour through the conditional format, as Excel would show it", async () => {
    const { sheet } = await statusSheet(["Red", "Green", "Amber"]);
    expect(cellLook(sheet, 0, 0)).toMatchObject({ text: "Red", fill: STATUS_STYLES.Red.fill, color: STATUS_STYLES.Red.font });
    expect(cellLook(sheet, 1, 0)).toMatchObject({ text: "Green", fill: STATUS_STYLES.Green.fill });
    expect(cellLook(sheet, 2, 0).fill).toBeUndefined();
  });

  it("matches text rules without regard to case, and an edited word changes colour", async () => {
    const { sheet } = await statusSheet(["red (edited)", "Reddish"]);
    expect(cellLook(sheet, 0, 0).fill).toBe(STATUS_STYLES.Red.fill);
    sheet.ensureCell(1, 0).value = "Green";
    expect(cellLook(sheet, 1, 0).fill).toBe(STATUS_STYLES.Green.fill);
  });

  it("shows numbers as their number format shows them, aligned right", async () => {
    const wb = createWorkbook(["Data"]);
    await createExcelApi(wb).run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1");
      r.values = [[0.256]];
      r.numberFormat = [["0.0%"]];
      await context.sync();
    });
    expect(cellLook(wb.sheets[0], 0, 0)).toMatchObject({ text: "25.6%", align: "right" });
  });

  it("evaluates cell-value rules with numbers and quoted text", () => {
    const base = { id: "1", type: "CellValue", rect: { row: 0, col: 0, rowCount: 1, colCount: 1 }, stopIfTrue: false, format: {} };
    expect(ruleHolds({ ...base, cellValueRule: { operator: "GreaterThan", formula1: "=5" } }, { value: 6 })).toBe(true);
    expect(ruleHolds({ ...base, cellValueRule: { operator: "Between", formula1: "1", formula2: "3" } }, { value: 4 })).toBe(false);
    expect(ruleHolds({ ...base, cellValueRule: { operator: "EqualTo", formula1: '="Red"' } }, { value: "red" })).toBe(true);
    expect(ruleHolds({ ...base, type: "Custom", customFormula: "=A1>1" }, { value: 6 })).toBe(false);
  });
});

describe("the workbench's charts", () => {
  it("reads a chart's categories and values from the cells its series point at", async () => {
    const wb = createWorkbook(["Scorecard"]);
    const api = createExcelApi(wb);
    await api.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Scorecard");
      ws.getRange("A1:B4").values = [["Status", "Indicators"], ["Green", 12], ["Amber", 7], ["Red", 3]];
      const chart = ws.charts.add("Doughnut", ws.getRange("A1:B4"), "Columns");
      chart.title.text = "Indicators by status";
      await context.sync();
    });
    const data = chartData(wb.sheets[0].charts[0]);
    expect(data).toMatchObject({ title: "Indicators by status", type: "Doughnut", categories: ["Green", "Amber", "Red"] });
    expect(data.series[0]).toMatchObject({ name: "Indicators", values: [12, 7, 3] });
    // A chart has no data of its own (as in Excel): changing a cell changes the chart.
    wb.sheets[0].ensureCell(2, 1).value = 9;
    expect(chartData(wb.sheets[0].charts[0]).series[0].values).toEqual([12, 9, 3]);
  });
});

describe("where the workbench puts the selection when a workbook opens", () => {
  it("selects the first data cell of the first table, so Rate RAG finds it", async () => {
    const wb = createWorkbook(["Notes", "Data"]);
    await createExcelApi(wb).run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("C3:D5").values = [["Ref", "Actual"], ["NI 1", 3], ["NI 2", 4]];
      ws.tables.add("Data!C3:D5", true);
      await context.sync();
    });
    expect(startCell(wb)).toEqual({ sheet: "Data", cell: "C4" });
  });

  it("selects the top-left used cell of the active sheet when there is no table", () => {
    const wb = createWorkbook(["Report"]);
    wb.sheets[0].ensureCell(4, 1).value = "Ref";
    expect(startCell(wb)).toEqual({ sheet: "Report", cell: "B5" });
  });
});
