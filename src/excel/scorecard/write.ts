/**
 * Writes SheetSpecs through the Excel API with batched range writes: one values write and one number
 * format write per block, fonts and fills per block, one set of status rules per status column,
 * charts from ranges on the sheet. Nothing here syncs: the caller syncs once for everything queued
 * (docs/architecture.md: one sync to write; never sync inside a loop).
 */
import { STATUSES } from "../../core/rules/types";
import { cellAddress } from "../../core/a1";
import { STATUS_STYLES } from "../status-style";
import type { Block, ChartSpec, SheetSpec, TextFill } from "./sheet-model";

/** What the writer knows about the sheet a spec goes to. */
export interface Target {
  readonly name: string;
  /** True when the add-in owns an existing sheet of this name (it is cleared first). */
  readonly existing: boolean;
  /** The used range's address of the existing sheet, to clear. */
  readonly usedAddress: string | null;
  /** Names of the existing sheet's charts, to delete. */
  readonly charts: readonly string[];
}

/** One piece of a sheet's writes, with its estimated request size (to plan syncs under the budget). */
export interface Step {
  readonly bytes: number;
  readonly run: () => void;
}

/** Estimated request bytes of one queued operation beyond its data (object path, method, property). */
const OP_BYTES = 130;
/** Largest share of a block written in one step (rows are split beyond it). */
const BLOCK_CHUNK_BYTES = 1024 * 1024;

function blockBytes(values: readonly (readonly unknown[])[], formats: readonly (readonly string[])[], ops: number): number {
  return JSON.stringify(values).length + JSON.stringify(formats).length + ops * OP_BYTES;
}

/** Splits a block into row chunks under BLOCK_CHUNK_BYTES each. */
function chunks(b: Block): Block[] {
  const total = blockBytes(b.values, b.formats, 0);
  if (total <= BLOCK_CHUNK_BYTES || b.values.length < 2) return [b];
  const per = Math.max(1, Math.floor(b.values.length / Math.ceil(total / BLOCK_CHUNK_BYTES)));
  const out: Block[] = [];
  for (let r = 0; r < b.values.length; r += per) out.push({ ...b, row: b.row + r, values: b.values.slice(r, r + per), formats: b.formats.slice(r, r + per) });
  return out;
}

function writeBlock(ws: Excel.Worksheet, b: Block): void {
  const rows = b.values.length;
  const cols = b.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const range = ws.getRangeByIndexes(b.row, b.col, rows, cols);
  // Number formats first: text cells are "@" before any text arrives, so nothing becomes a formula.
  range.numberFormat = b.formats;
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

/**
 * Status fills that follow the word in each cell (as Rate RAG's): one rule per status, "begins with" the word.
 * @example queueStatusRules(sheet.getRange("I10:I52"))
 */
export function queueStatusRules(range: Excel.Range): void {
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
 * @example queueTextFill(sheet, { range: { row: 9, col: 5, rows: 20, cols: 1 }, wordCol: 6, words: ["Common cause"], fill: "#A6A6A6", fontColour: "#FFFFFF" })
 */
export function queueTextFill(ws: Excel.Worksheet, t: TextFill): void {
  const range = ws.getRangeByIndexes(t.range.row, t.range.col, t.range.rows, t.range.cols);
  const word = `$${cellAddress(t.range.row, t.wordCol).replace(/\d+$/, "")}${t.range.row + 1}`;
  const tests = t.words.map((w) => `${word}="${w.replace(/"/g, '""')}"`);
  const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = `=${tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`}`;
  cf.custom.format.fill.color = t.fill;
  cf.custom.format.font.color = t.fontColour;
}

function writeChart(ws: Excel.Worksheet, c: ChartSpec): void {
  const source = ws.getRangeByIndexes(c.source.row, c.source.col, c.source.rows, c.source.cols);
  const chart = ws.charts.add(c.type as Excel.ChartType, source, c.seriesBy as Excel.ChartSeriesBy);
  chart.title.text = c.title;
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

/**
 * The steps that lay out one sheet, in order: make or clear the sheet, column widths and print setup;
 * each block (split by rows when large); the status rules; the charts. Running a step only queues
 * operations; the caller syncs between steps when the budget is reached.
  * @example for (const step of sheetSteps(context, spec, target)) step.run(); await context.sync();
 */
export function sheetSteps(context: Excel.RequestContext, spec: SheetSpec, target: Target): Step[] {
  let ws: Excel.Worksheet | null = null;
  const sheet = (): Excel.Worksheet => ws as Excel.Worksheet;
  const steps: Step[] = [];
  steps.push({
    bytes: (target.charts.length + spec.columnWidths.length + (spec.pageBreaks?.length ?? 0) + 12) * OP_BYTES,
    run: () => {
      if (target.existing) {
        ws = context.workbook.worksheets.getItem(target.name);
        for (const name of target.charts) ws.charts.getItem(name).delete();
        if (target.usedAddress) {
          const used = ws.getRange(target.usedAddress);
          used.conditionalFormats.clearAll();
          used.clear("All");
        }
        ws.freezePanes.unfreeze();
        ws.horizontalPageBreaks.removePageBreaks();
      } else {
        ws = context.workbook.worksheets.add(target.name);
      }
      const w = ws;
      spec.columnWidths.forEach((width, i) => { w.getRangeByIndexes(0, i, 1, 1).format.columnWidth = width; });
      if (spec.freezeRows > 0) w.freezePanes.freezeRows(spec.freezeRows);
      w.pageLayout.orientation = spec.landscape ? "Landscape" : "Portrait";
      w.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (spec.printTitleRows) w.pageLayout.setPrintTitleRows(`$${spec.printTitleRows.first + 1}:$${spec.printTitleRows.last + 1}`);
      if (spec.tabColour) w.tabColor = spec.tabColour;
      for (const row of spec.pageBreaks ?? []) w.horizontalPageBreaks.add(cellAddress(row, 0));
    },
  });
  for (const b of spec.blocks.flatMap(chunks)) steps.push({ bytes: blockBytes(b.values, b.formats, 3 + 2 * Object.keys(b.style ?? {}).length), run: () => writeBlock(sheet(), b) });
  for (const t of spec.textFills ?? []) steps.push({ bytes: 6 * OP_BYTES, run: () => queueTextFill(sheet(), t) });
  for (const r of spec.statusRanges) steps.push({ bytes: 5 * 4 * OP_BYTES, run: () => queueStatusRules(sheet().getRangeByIndexes(r.row, r.col, r.rows, r.cols)) });
  for (const c of spec.charts) steps.push({ bytes: (8 + (c.seriesColours?.length ?? 0) * 2 + (c.pointColours?.filter(Boolean).length ?? 0) * 3 + (c.seriesMarkers?.length ?? 0)) * OP_BYTES + c.title.length, run: () => writeChart(sheet(), c) });
  return steps;
}

/**
 * Queues everything that lays out one sheet (no sync), and gives its worksheet.
 * @example queueSheet(context, checklistSheet("2010-10-20"), { name: "Review checklist", existing: false, usedAddress: null, charts: [] })
 */
export function queueSheet(context: Excel.RequestContext, spec: SheetSpec, target: Target): Excel.Worksheet {
  let ws: Excel.Worksheet | null = null;
  for (const step of sheetSteps(context, spec, target)) step.run();
  ws = context.workbook.worksheets.getItem(target.name);
  return ws;
}
