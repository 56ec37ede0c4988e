import { setup } from "./helpers";

// Chart, its layout on the sheet and its series (src/emulator/charts.ts), through the public API.
async function withChart() {
  const env = setup(["Data"]);
  await env.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A1:C3").values = [["Area", "Baseline", "Latest"], ["North", 10, 12], ["South", 20, 18]];
    sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns").name = "Trend";
    await context.sync();
  });
  return env;
}

describe("Chart.setPosition", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-setposition-member(1):
  // the chart's top-left is the start cell; with an end cell it is sized "to fully cover up this cell/range".
  it("covers the start to the end cell in points, and keeps its size when moved by a start cell only", async () => {
    const { Excel } = await withChart();
    await Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("Data").charts.getItem("Trend");
      chart.setPosition("B2", "D5");
      chart.load("top, left, width, height");
      await context.sync();
      // Default columns are 48 pt wide and rows 15 pt high: B2 starts at (48, 15); B:D is 3 x 48 = 144, rows 2-5 are 4 x 15 = 60.
      expect([chart.left, chart.top, chart.width, chart.height]).toEqual([48, 15, 144, 60]);
      chart.setPosition("C3");
      chart.load("top, left, width, height");
      await context.sync();
      expect([chart.left, chart.top, chart.width, chart.height]).toEqual([96, 30, 144, 60]);
    });
  });
});

describe("ChartSeriesCollection", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-add-member(1):
  // "Add a new series to the collection", at the given index when one is given.
  it("adds a named series at an index, counts it, and deletes a series", async () => {
    const { Excel } = await withChart();
    await Excel.run(async (context) => {
      const series = context.workbook.worksheets.getItem("Data").charts.getItem("Trend").series;
      series.add("Target", 0);
      const first = series.getItemAt(0).load("name");
      const count = series.getCount();
      await context.sync();
      expect([first.name, count.value]).toEqual(["Target", 3]);
      series.getItemAt(1).delete();
      const names = series.load("items/name");
      await context.sync();
      expect(names.items.map((s) => s.name)).toEqual(["Target", "Latest"]);
    });
  });
});

describe("ChartFill", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.chartfill#excel-excel-chartfill-getsolidcolor-member(1):
  // getSolidColor "Gets the uniform color fill formatting of a chart element", the colour setSolidColor set.
  it("reads back the solid colour set on one series, leaving the others as they were", async () => {
    const { Excel } = await withChart();
    await Excel.run(async (context) => {
      const series = context.workbook.worksheets.getItem("Data").charts.getItem("Trend").series;
      const before = series.getItemAt(1).format.fill.getSolidColor();
      await context.sync();
      series.getItemAt(0).format.fill.setSolidColor("#1F4E79");
      const first = series.getItemAt(0).format.fill.getSolidColor();
      const second = series.getItemAt(1).format.fill.getSolidColor();
      await context.sync();
      expect(first.value).toBe("#1F4E79");
      expect(second.value).toBe(before.value);
    });
  });
});

describe("a scatter chart's series (XYScatter)", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.chartseries (setXAxisValues, setValues,
  // markerStyle, markerBackgroundColor: ExcelApi 1.7) and excel.chartlineformat (lineStyle, ExcelApi 1.7).
  it("takes its x and y cells, a line style and a marker colour, and refuses a line style Excel does not have", async () => {
    const { Excel, wb } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B3").values = [[100, 40], [200, 60], [300, 50]];
      const chart = sheet.charts.add("XYScatter", sheet.getRange("B1:B3"), "Columns");
      const points = chart.series.getItemAt(0);
      points.setXAxisValues(sheet.getRange("A1:A3"));
      points.markerBackgroundColor = "#E46C0A";
      const limit = chart.series.add("Limit");
      limit.setValues(sheet.getRange("B1:B3"));
      limit.setXAxisValues(sheet.getRange("A1:A3"));
      limit.markerStyle = "None";
      limit.format.line.lineStyle = "Continuous";
      limit.format.line.load("lineStyle");
      await context.sync();
      expect(limit.format.line.lineStyle).toBe("Continuous");
    });
    const [model] = wb.sheetByName("Data")!.charts;
    expect(model.series.map((s) => [s.categories?.rect, s.values?.rect, s.colour ?? null, s.markerStyle ?? null, s.lineStyle ?? null])).toEqual([
      [{ row: 0, col: 0, rowCount: 3, colCount: 1 }, { row: 0, col: 1, rowCount: 3, colCount: 1 }, "#E46C0A", null, null],
      [{ row: 0, col: 0, rowCount: 3, colCount: 1 }, { row: 0, col: 1, rowCount: 3, colCount: 1 }, null, "None", "Continuous"],
    ]);
    await expect(Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").charts.getItemAt(0).series.getItemAt(1).format.line.lineStyle = "Wavy" as Excel.ChartLineStyle;
      await context.sync();
    })).rejects.toThrow(/lineStyle must be one of/);
  });
});
