import { createExcelApi, createWorkbook } from "../../src/emulator";
import type { WorkbookModel } from "../../src/emulator/model";
import { setup, rejection } from "./helpers";

// Worksheets: https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection and excel.worksheet
describe("worksheets", () => {
  it("adds, finds, orders, hides, activates and deletes worksheets", async () => {
    const { wb, Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("Scorecard").load("name, position, visibility");
      const unnamed = sheets.add().load("name");
      await context.sync();
      expect([added.name, added.position, added.visibility, unnamed.name]).toEqual(["Scorecard", 1, "Visible", "Sheet3"]);
      added.position = 0;
      added.activate();
      unnamed.visibility = "Hidden";
      const active = sheets.getActiveWorksheet().load("name");
      const visible = sheets.getCount(true);
      await context.sync();
      expect(active.name).toBe("Scorecard");
      expect(visible.value).toBe(2);
      unnamed.delete();
      await context.sync();
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Scorecard", "Data"]);
  });

  it("finds sheets by name case-insensitively, and refuses a duplicate name with ItemAlreadyExists", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem("DATA").load("name");
      await context.sync();
      expect(s.name).toBe("Data");
      context.workbook.worksheets.add("data");
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
    });
  });

  it("refuses names Excel refuses (over 31 characters, or with : \\ / ? * [ ]) with InvalidArgument", async () => {
    const { Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("a/b");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      context.workbook.worksheets.add("x".repeat(32));
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("will not hide or delete the last visible sheet", async () => {
    const { Excel } = setup(["Only"]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Only").delete();
      expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    });
  });

  it("freezes rows, columns or the panes at a range, and reports the frozen cells (WorksheetFreezePanes)", async () => {
    const { wb, Excel } = setup(["Data"]);
    await Excel.run(async (context) => {
      const panes = context.workbook.worksheets.getItem("Data").freezePanes;
      panes.freezeRows(2);
      await context.sync();
      expect(wb.sheets[0].frozen).toEqual({ rows: 2, columns: 0 });
      panes.freezeAt("A1:B3");
      const where = panes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(wb.sheets[0].frozen).toEqual({ rows: 3, columns: 2 });
      expect(where.address).toBe("Data!A1:B3");
      panes.unfreeze();
      const none = panes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });
});

// Tables: https://learn.microsoft.com/javascript/api/excel/excel.tablecollection, excel.table, excel.tablecolumncollection
describe("tables", () => {
  async function withTable(): Promise<{ wb: WorkbookModel; Excel: ReturnType<typeof createExcelApi> }> {
    const wb = createWorkbook(["Data"]);
    const Excel = createExcelApi(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B2:D4").values = [["Id", "", "Id"], ["NI 1", 1, 2], ["NI 2", 3, 4]];
      context.workbook.tables.add("Data!B2:D4", true);
      await context.sync();
    });
    return { wb, Excel };
  }

  it("makes a table from a range with headers: named Table1, headers made unique and never blank", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Table1").load("name, showHeaders, showTotals, style");
      const header = t.getHeaderRowRange().load("address, values");
      const body = t.getDataBodyRange().load("address");
      const whole = t.getRange().load("address");
      await context.sync();
      expect([t.name, t.showHeaders, t.showTotals, t.style]).toEqual(["Table1", true, false, "TableStyleMedium2"]);
      expect(header.values).toEqual([["Id", "Column2", "Id2"]]);
      expect([header.address, body.address, whole.address]).toEqual(["Data!B2:D2", "Data!B3:D4", "Data!B2:D4"]);
    });
  });

  it("refuses a table overlapping another (MergedRangeConflict) and a name already in use (ItemAlreadyExists)", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      context.workbook.tables.add("Data!C3:E6", true);
      expect((await rejection(context.sync())).code).toBe("MergedRangeConflict");
      const t2 = context.workbook.worksheets.getItem("Data").tables.add("G1:H2", true);
      t2.name = "Table1";
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
    });
  });

  it("renames a table, adds columns with values and finds columns by name or index", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Table1");
      t.name = "Indicators";
      const status = t.columns.add(undefined, [["Status"], ["Green"], ["Red"]]);
      const named = t.columns.add(undefined, undefined, "Commentary");
      status.load("name, index, values");
      named.load("name, index");
      const byName = t.columns.getItem("Column2").load("index");
      const missing = t.columns.getItemOrNullObject("Nope");
      const range = t.getRange().load("address");
      await context.sync();
      expect([status.name, status.index, status.values]).toEqual(["Status", 3, [["Status"], ["Green"], ["Red"]]]);
      expect([named.name, named.index, byName.index, missing.isNullObject]).toEqual(["Commentary", 4, 1, true]);
      expect(range.address).toBe("Data!B2:F4");
      t.columns.getItem("Nope").load("name");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("appends rows below the body, moving what is below the table down, and turns the total row on", async () => {
    const { wb, Excel } = await withTable();
    wb.sheets[0].ensureCell(5, 1).value = "note below";
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("Table1");
      t.rows.add(undefined, [["NI 3", 5, 6], ["NI 4", 7, 8]]);
      t.showTotals = true;
      const body = t.getDataBodyRange().load("address, values");
      const total = t.getTotalRowRange().load("address");
      const count = t.rows.getCount();
      await context.sync();
      expect(body.address).toBe("Data!B3:D6");
      expect(body.values[3]).toEqual(["NI 4", 7, 8]);
      expect(total.address).toBe("Data!B7:D7");
      expect(count.value).toBe(4);
    });
    expect(wb.sheets[0].cell(7, 1)?.value).toBe("note below");
  });

  it("fills the blank body row of a header-only table before adding more", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B1").values = [["Id", "Value"]];
      const t = sheet.tables.add("A1:B1", true);
      t.rows.add(undefined, [["a", 1]]);
      const r = t.getRange().load("address");
      await context.sync();
      expect(r.address).toBe("Data!A1:B2");
    });
  });

  it("lists tables of a worksheet and of the workbook, and deletes one", async () => {
    const { Excel } = await withTable();
    await Excel.run(async (context) => {
      const list = context.workbook.worksheets.getItem("Data").tables.load("items/name");
      await context.sync();
      expect(list.items.map((t) => t.name)).toEqual(["Table1"]);
      context.workbook.tables.getItem("Table1").delete();
      const count = context.workbook.tables.getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
  });
});

// Charts: https://learn.microsoft.com/javascript/api/excel/excel.chartcollection, excel.chart, excel.chartseriesby
describe("charts", () => {
  async function data(): Promise<{ wb: WorkbookModel; Excel: ReturnType<typeof createExcelApi> }> {
    const wb = createWorkbook(["Data", "Scorecard"]);
    const Excel = createExcelApi(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:C4").values = [["Status", "2008/09", "2009/10"], ["Green", 3, 5], ["Amber", 2, 1], ["Red", 1, 0]];
      await context.sync();
    });
    return { wb, Excel };
  }

  it("builds series by columns from a source range, with names from the header row and categories from the first column", async () => {
    const { wb, Excel } = await data();
    await Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("Scorecard").charts.add("ColumnClustered", context.workbook.worksheets.getItem("Data").getRange("A1:C4"), "Columns");
      chart.load("name, chartType");
      const series = chart.series.load("items/name");
      await context.sync();
      expect([chart.name, chart.chartType]).toEqual(["Chart 1", "ColumnClustered"]);
      expect(series.items.map((s) => s.name)).toEqual(["2008/09", "2009/10"]);
    });
    const s = wb.sheets[1].charts[0].series;
    expect(s[0].values!.rect).toEqual({ row: 1, col: 1, rowCount: 3, colCount: 1 });
    expect(s[0].categories!.rect).toEqual({ row: 1, col: 0, rowCount: 3, colCount: 1 });
  });

  it("treats Auto as Columns, as Excel on the web does, and builds series by rows when asked", async () => {
    const { wb, Excel } = await data();
    await Excel.run(async (context) => {
      const src = context.workbook.worksheets.getItem("Data").getRange("A1:C4");
      const charts = context.workbook.worksheets.getItem("Scorecard").charts;
      charts.add("BarStacked", src);
      charts.add("BarStacked", src, "Rows");
      await context.sync();
    });
    const [auto, rows] = wb.sheets[1].charts;
    expect(auto.series).toHaveLength(2);
    expect(rows.series).toHaveLength(3);
    expect(rows.series[0].values!.rect).toEqual({ row: 1, col: 1, rowCount: 1, colCount: 2 });
    expect(rows.series[0].nameRef!.rect).toEqual({ row: 1, col: 0, rowCount: 1, colCount: 1 });
  });

  it("sets title, axis titles, legend, colours and position from a start and an end cell", async () => {
    const { wb, Excel } = await data();
    await Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("Scorecard").charts.add("Doughnut", context.workbook.worksheets.getItem("Data").getRange("A1:B4"));
      chart.title.text = "Statuses";
      chart.axes.valueAxis.title.text = "Indicators";
      chart.legend.position = "Right";
      chart.series.getItemAt(0).format.fill.setSolidColor("#2E8B57");
      chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor("red");
      chart.setPosition("E2", "K16");
      chart.load("top, left, width, height");
      const title = chart.title.load("text, visible");
      await context.sync();
      expect([title.text, title.visible]).toEqual(["Statuses", true]);
      // 4 columns of 48 pt to E, 1 row of 15 pt to row 2 (default widths and heights).
      expect([chart.left, chart.top, chart.width, chart.height]).toEqual([192, 15, 7 * 48, 15 * 15]);
    });
    const c = wb.sheets[1].charts[0];
    expect(c.anchor).toEqual({ from: { row: 1, col: 4 }, to: { row: 16, col: 11 } });
    expect(c.series[0].colour).toBe("#2E8B57");
    expect(c.series[0].pointColours[2]).toBe("#FF0000");
    expect(c.legend).toEqual({ visible: true, position: "Right" });
    expect(c.valueAxisTitle).toEqual({ text: "Indicators", visible: true });
  });

  it("adds series by hand with setValues and setXAxisValues, and gets charts by name", async () => {
    const { wb, Excel } = await data();
    await Excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      const charts = context.workbook.worksheets.getItem("Scorecard").charts;
      const chart = charts.add("Line", data.getRange("B2:B4"));
      const s = chart.series.add("Target");
      s.setValues(data.getRange("C2:C4"));
      s.setXAxisValues(data.getRange("A2:A4"));
      const found = charts.getItem("Chart 1").load("name");
      const missing = charts.getItemOrNullObject("Chart 9");
      await context.sync();
      expect(found.name).toBe("Chart 1");
      expect(missing.isNullObject).toBe(true);
    });
    expect(wb.sheets[1].charts[0].series.map((s) => s.name)).toEqual(["Series1", "Target"]);
  });
});

// Settings: https://learn.microsoft.com/javascript/api/excel/excel.settingcollection and excel.setting
describe("settings", () => {
  it("adds, reads, lists, changes and deletes JSON values", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const settings = context.workbook.settings;
      settings.add("laa.rules", { amberBand: 0.05, blue: true });
      settings.add("laa.version", 2);
      const one = settings.getItem("laa.rules").load("key, value");
      const all = settings.load("items/key");
      await context.sync();
      expect(one.value).toEqual({ amberBand: 0.05, blue: true });
      expect(all.items.map((s) => s.key)).toEqual(["laa.rules", "laa.version"]);
      one.value = { amberBand: 0.1 };
      settings.getItem("laa.version").delete();
      const missing = settings.getItemOrNullObject("laa.version");
      const again = settings.getItem("laa.rules").load("value");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(again.value).toEqual({ amberBand: 0.1 });
    });
  });

  it("gives a stored copy: changing the object after add does not change the setting", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const value = { list: [1, 2] };
      context.workbook.settings.add("k", value);
      value.list.push(3);
      const s = context.workbook.settings.getItem("k").load("value");
      await context.sync();
      expect(s.value).toEqual({ list: [1, 2] });
    });
  });

  it("refuses values that are not JSON-serialisable, and getItem of a missing key fails at sync with ItemNotFound", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      expect(() => context.workbook.settings.add("f", undefined)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
      context.workbook.settings.getItem("nope").load("value");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });
});

// Names: https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
describe("names", () => {
  it("adds a name for a range, reads its address and gets its range back", async () => {
    const { Excel } = setup(["My data"]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("My data").getRange("A1:C3");
      const n = context.workbook.names.add("Indicators", range).load("name, type, value, formula");
      const back = context.workbook.names.getItem("indicators").getRange().load("address");
      await context.sync();
      expect([n.name, n.type, n.value, n.formula]).toEqual(["Indicators", "Range", "'My data'!$A$1:$C$3", "='My data'!$A$1:$C$3"]);
      expect(back.address).toBe("'My data'!A1:C3");
      context.workbook.names.add("A1", range);
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      context.workbook.names.add("INDICATORS", range);
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
    });
  });
});

// Application: https://learn.microsoft.com/javascript/api/excel/excel.application
describe("application", () => {
  it("recalculates after a sync that wrote formulas, except the sync after suspendApiCalculationUntilNextSync", async () => {
    const calls: number[] = [];
    const wb = createWorkbook(["Data"], { recalculate: () => { calls.push(1); } });
    const Excel = createExcelApi(wb);
    await Excel.run(async (context) => {
      const app = context.workbook.application;
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      context.workbook.worksheets.getItem("Data").getRange("A1").formulas = [["=1+1"]];
      await context.sync();
      expect(calls).toHaveLength(0);
      context.workbook.worksheets.getItem("Data").getRange("A2").values = [[1]];
      await context.sync();
      expect(calls).toHaveLength(1);
      app.calculationMode = "Manual";
      app.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Manual");
    });
  });
});

describe("formulas with a formula engine plugged in", () => {
  it("shows computed values of formulas written in the same batch, as Excel does, and an error value as error text", async () => {
    const { hyperFormulaEngine } = await import("./hyperformula-engine");
    const wb = createWorkbook(["Data"], hyperFormulaEngine());
    const Excel = createExcelApi(wb);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:C1");
      r.formulas = [[21, "=A1*2", "=1/0"]];
      r.load("values, valueTypes");
      await context.sync();
      // =A1*2 with A1 = 21 is 42; =1/0 is #DIV/0! (Excel's DIV/0 error).
      expect(r.values).toEqual([[21, 42, "#DIV/0!"]]);
      expect(r.valueTypes).toEqual([["Double", "Double", "Error"]]);
    });
  });
});
