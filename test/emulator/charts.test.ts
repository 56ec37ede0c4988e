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
