/**
 * Writes SheetSpecs through the Excel API with batched range writes: one values write and one number
 * format write per block, fonts and fills per block, one set of status rules per status column,
 * charts from ranges on the sheet. Nothing here syncs: the caller syncs once for everything queued
 * (ARCHITECTURE.md: one sync to write; never sync inside a loop).
 */
import { STATUSES } from "../../core/rules/types";
import { cellAddress } from "../a1";
import { estimateBytes } from "../payload";
import { STATUS_STYLES } from "../status-style";
import type { Block, ChartSpec, SheetSpec } from "./sheet-model";

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

/** JSON size of a spec's writes (values and formats), to plan syncs under the payload budget. */
export function specBytes(spec: SheetSpec): number {
  let bytes = 2000 + spec.charts.length * 1500 + spec.statusRanges.length * 1200;
  for (const b of spec.blocks) bytes += estimateBytes(b.values) + estimateBytes(b.formats) + 400;
  return bytes;
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
  if (s.fitRows) range.format.autofitRows();
  if (s.underline) {
    const edge = range.format.borders.getItem("EdgeBottom");
    edge.style = "Continuous";
    edge.color = "#5B9BD5";
  }
}

/** Status fills that follow the word in each cell (as Rate RAG's): one rule per status, "begins with" the word. */
export function queueStatusRules(range: Excel.Range): void {
  for (const s of STATUSES) {
    const cf = range.conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
    cf.textComparison.format.fill.color = STATUS_STYLES[s].fill;
    cf.textComparison.format.font.color = STATUS_STYLES[s].font;
    cf.textComparison.rule = { operator: "BeginsWith" as Excel.ConditionalTextOperator, text: s };
  }
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
  if (c.pointColours) {
    const series = chart.series.getItemAt(0);
    c.pointColours.forEach((colour, i) => series.points.getItemAt(i).format.fill.setSolidColor(colour));
  }
}

/** Queues everything that lays out one sheet (no sync). */
export function queueSheet(context: Excel.RequestContext, spec: SheetSpec, target: Target): Excel.Worksheet {
  let ws: Excel.Worksheet;
  if (target.existing) {
    ws = context.workbook.worksheets.getItem(target.name);
    for (const name of target.charts) ws.charts.getItem(name).delete();
    if (target.usedAddress) {
      const used = ws.getRange(target.usedAddress);
      used.conditionalFormats.clearAll();
      used.clear("All");
    }
    ws.freezePanes.unfreeze();
  } else {
    ws = context.workbook.worksheets.add(target.name);
  }
  spec.columnWidths.forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w; });
  for (const b of spec.blocks) writeBlock(ws, b);
  for (const r of spec.statusRanges) queueStatusRules(ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols));
  for (const c of spec.charts) writeChart(ws, c);
  if (spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
  ws.pageLayout.orientation = spec.landscape ? "Landscape" : "Portrait";
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (spec.printTitleRows) ws.pageLayout.setPrintTitleRows(`$${spec.printTitleRows.first + 1}:$${spec.printTitleRows.last + 1}`);
  if (spec.tabColour) ws.tabColor = spec.tabColour;
  return ws;
}
