/**
 * The one writer: applies any plan (plan.ts) through the Excel API in the fewest syncs within the
 * payload budget. Calculation is suspended for every sync of writes and screen updating once per
 * plan, because Microsoft warns that repeated suspendScreenUpdatingUntilNextSync calls make the
 * window flicker (https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating;
 * both are ExcelApi 1.8/1.9, and the add-in requires 1.9). Moving the user's view is not a write: it
 * comes after, on its own (navigate.ts).
 */
import { STATUSES } from "../core/rules/types";
import { cellAddress } from "../core/a1";
import { PAYLOAD_BUDGET_BYTES } from "./payload";
import { formatRuns, syncBatches, type WriteOp } from "./plan";
import type { Block, ChartSpec, Rect, TextFill } from "./scorecard/sheet-model";
import { STATUS_STYLES } from "./status-style";

function writeBlock(ws: Excel.Worksheet, b: Block): void {
  const rows = b.values.length;
  const cols = b.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const range = ws.getRangeByIndexes(b.row, b.col, rows, cols);
  // Number formats first: text cells are "@" before any text arrives, so nothing becomes a formula.
  // A column whose cells share a format gets it as one value (plan.ts formatRuns).
  const runs = formatRuns(b.formats);
  if (!runs) range.numberFormat = b.formats;
  else if (runs.length === 1) range.numberFormat = runs[0].format as unknown as string[][];
  else for (const r of runs) ws.getRangeByIndexes(b.row, b.col + r.col, rows, r.count).numberFormat = r.format as unknown as string[][];
  range.values = b.values;
  const s = b.style;
  if (!s) return;
  if (s.bold) range.format.font.bold = true;
  if (s.italic) range.format.font.italic = true;
  if (s.size) range.format.font.size = s.size;
  if (s.fill) range.format.fill.color = s.fill;
  if (s.fontColour) range.format.font.color = s.fontColour;
  if (s.wrap) range.format.wrapText = true;
  if (s.wrap || s.underline) range.format.verticalAlignment = "Top";
  if (s.center) range.format.horizontalAlignment = "Center";
  if (s.fitRows) range.format.autofitRows();
  if (s.underline) {
    const edge = range.format.borders.getItem("EdgeBottom");
    edge.style = "Continuous";
    edge.color = "#5B9BD5";
  }
}

/** Status fills that follow the word in each cell: one rule per status, "begins with" the word. */
function queueStatusRules(range: Excel.Range): void {
  range.conditionalFormats.clearAll();
  for (const s of STATUSES) {
    const cf = range.conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
    cf.textComparison.format.fill.color = STATUS_STYLES[s].fill;
    cf.textComparison.format.font.color = STATUS_STYLES[s].font;
    cf.textComparison.rule = { operator: "BeginsWith" as Excel.ConditionalTextOperator, text: s };
  }
}

/**
 * A fill that follows the words in another column: a custom conditional format whose formula looks at
 * the word cell of the same row (relative row, absolute column).
 */
function queueTextFill(ws: Excel.Worksheet, t: TextFill): void {
  const range = ws.getRangeByIndexes(t.range.row, t.range.col, t.range.rows, t.range.cols);
  const word = `$${cellAddress(t.range.row, t.wordCol).replace(/\d+$/, "")}${t.range.row + 1}`;
  const tests = t.words.map((w) => `${word}="${w.replace(/"/g, '""')}"`);
  const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = `=${tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`}`;
  cf.custom.format.fill.color = t.fill;
  cf.custom.format.font.color = t.fontColour;
}

/**
 * A scatter chart's series, each from its own x and y cells (ChartSeriesCollection.add,
 * ChartSeries.setXAxisValues and setValues, ExcelApi 1.7): the chart is made from the first series'
 * y cells, then every series gets its x cells, name, markers, line and colour.
 */
function writeXYSeries(ws: Excel.Worksheet, chart: Excel.Chart, c: ChartSpec): void {
  const cells = (r: Rect) => ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
  (c.xySeries ?? []).forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i > 0) series.setValues(cells(s.y));
    series.setXAxisValues(cells(s.x));
    series.name = s.name;
    series.markerStyle = (s.markers ? "Circle" : "None") as Excel.ChartMarkerStyle;
    if (s.markers) {
      series.markerBackgroundColor = s.colour;
      series.markerForegroundColor = s.colour;
    }
    series.format.line.lineStyle = (s.line ? "Continuous" : "None") as Excel.ChartLineStyle;
    if (s.line) series.format.line.color = s.colour;
  });
}

function writeChart(ws: Excel.Worksheet, c: ChartSpec): void {
  const source = ws.getRangeByIndexes(c.source.row, c.source.col, c.source.rows, c.source.cols);
  const chart = ws.charts.add(c.type as Excel.ChartType, source, c.seriesBy as Excel.ChartSeriesBy);
  chart.title.text = c.title;
  if (c.xySeries) writeXYSeries(ws, chart, c);
  if (c.axisTitles?.category) chart.axes.categoryAxis.title.text = c.axisTitles.category;
  if (c.axisTitles?.value) chart.axes.valueAxis.title.text = c.axisTitles.value;
  if (c.legend === "None") chart.legend.visible = false;
  else chart.legend.position = c.legend as Excel.ChartLegendPosition;
  chart.setPosition(cellAddress(c.from.row, c.from.col), cellAddress(c.to.row - 1, c.to.col - 1));
  (c.seriesColours ?? []).forEach((colour, i) => {
    if (!colour) return;
    const series = chart.series.getItemAt(i);
    if (c.type === "LineMarkers") series.format.line.color = colour;
    else series.format.fill.setSolidColor(colour);
  });
  (c.seriesMarkers ?? []).forEach((markers, i) => {
    // ChartSeries.markerStyle (ExcelApi 1.7): a mean or limit line is drawn without markers.
    if (!markers) chart.series.getItemAt(i).markerStyle = "None" as Excel.ChartMarkerStyle;
  });
  if (c.pointColours) {
    // ChartPoint.format.fill (ExcelApi 1.7): a doughnut slice, or a line chart's marker.
    const series = chart.series.getItemAt(c.pointSeries ?? 0);
    c.pointColours.forEach((colour, i) => { if (colour) series.points.getItemAt(i).format.fill.setSolidColor(colour); });
  }
}

/** Queues one operation (no sync). */
function queue(context: Excel.RequestContext, op: WriteOp): void {
  const workbook = context.workbook;
  const sheet = (name: string) => workbook.worksheets.getItem(name);
  switch (op.op) {
    case "prepareSheet": {
      const t = op.target;
      let ws: Excel.Worksheet;
      if (t.existing) {
        ws = sheet(t.name);
        for (const name of t.charts) ws.charts.getItem(name).delete();
        if (t.usedAddress) {
          const used = ws.getRange(t.usedAddress);
          used.conditionalFormats.clearAll();
          used.clear("All");
        }
        ws.freezePanes.unfreeze();
        ws.horizontalPageBreaks.removePageBreaks();
      } else {
        ws = workbook.worksheets.add(t.name);
      }
      op.columnWidths.forEach((width, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = width; });
      if (op.freezeRows > 0) ws.freezePanes.freezeRows(op.freezeRows);
      if (op.landscape !== null) {
        ws.pageLayout.orientation = op.landscape ? "Landscape" : "Portrait";
        ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }
      if (op.printTitleRows) ws.pageLayout.setPrintTitleRows(`$${op.printTitleRows.first + 1}:$${op.printTitleRows.last + 1}`);
      if (op.tabColour) ws.tabColor = op.tabColour;
      for (const row of op.pageBreaks) ws.horizontalPageBreaks.add(cellAddress(row, 0));
      return;
    }
    case "cells":
      writeBlock(sheet(op.sheet), op.block);
      return;
    case "clear":
      sheet(op.sheet).getRangeByIndexes(op.rect.row, op.rect.col, op.rect.rows, op.rect.cols).clear(op.what);
      return;
    case "statusRules":
      queueStatusRules(sheet(op.sheet).getRangeByIndexes(op.rect.row, op.rect.col, op.rect.rows, op.rect.cols));
      return;
    case "clearRules":
      sheet(op.sheet).getRangeByIndexes(op.rect.row, op.rect.col, op.rect.rows, op.rect.cols).conditionalFormats.clearAll();
      return;
    case "columnWidths": {
      const ws = sheet(op.sheet);
      op.widths.forEach((width, i) => { ws.getRangeByIndexes(op.row, op.col + i, 1, 1).format.columnWidth = width; });
      return;
    }
    case "chart":
      writeChart(sheet(op.sheet), op.chart);
      return;
    case "textFill":
      queueTextFill(sheet(op.sheet), op.fill);
      return;
    case "addTable": {
      const ws = sheet(op.sheet);
      const table = ws.tables.add(ws.getRangeByIndexes(op.rect.row, op.rect.col, op.rect.rows, op.rect.cols), true);
      table.name = op.name;
      return;
    }
    case "addTableColumns": {
      const table = workbook.tables.getItem(op.table);
      op.names.forEach((name, i) => table.columns.add(op.index === undefined ? undefined : op.index + i, undefined, name));
      return;
    }
    case "deleteTableColumn":
      // A column the user has already deleted is not an error (Table.columns.getItemOrNullObject).
      workbook.tables.getItem(op.table).columns.getItemOrNullObject(op.name).delete();
      return;
    case "setting":
      workbook.settings.add(op.key, op.value);
      return;
    case "removeSetting":
      workbook.settings.getItemOrNullObject(op.key).delete();
      return;
  }
}

export interface ApplyOptions {
  /** Payload budget per request in bytes (default PAYLOAD_BUDGET_BYTES, payload.ts). */
  readonly budgetBytes?: number;
  /** Called after each sync with the share of the plan written. */
  readonly onBatch?: (done: number, total: number) => void;
  /** True when an earlier sync of the same command has written already (screen updating was suspended then). */
  readonly continued?: boolean;
}

/**
 * Queues one sync's writes (no sync), with calculation suspended until that sync, and screen
 * updating too for a command's first sync of writes.
 */
export function queueBatch(context: Excel.RequestContext, batch: readonly WriteOp[], firstOfCommand: boolean): void {
  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  if (firstOfCommand) app.suspendScreenUpdatingUntilNextSync();
  for (const op of batch) queue(context, op);
}

/**
 * Applies a plan: each batch of operations under the budget is queued and synced; nothing else
 * is read or written. Gives the number of syncs made.
 * @example await applyPlan(context, [{ op: "setting", key: "k", value: "v" }]) // => 1
 */
export async function applyPlan(context: Excel.RequestContext, ops: readonly WriteOp[], options: ApplyOptions = {}): Promise<number> {
  const batches = syncBatches(ops, options.budgetBytes ?? PAYLOAD_BUDGET_BYTES);
  for (let b = 0; b < batches.length; b++) {
    queueBatch(context, batches[b], b === 0 && !options.continued);
    await context.sync();
    options.onBatch?.(b + 1, batches.length);
  }
  return batches.length;
}
