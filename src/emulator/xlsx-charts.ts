/**
 * Native Excel charts for workbooks ExcelJS writes. ExcelJS has no chart API (CONTRIBUTING.md#toolchain-notes),
 * so this adds the DrawingML parts to the saved package: per chart xl/charts/chartN.xml, per sheet
 * one drawing (ExcelJS's own drawing for images is reused when the sheet has one), the relationships,
 * the sheet's <drawing> element and the content types. Excel and LibreOffice then draw the charts from
 * the cells the series refer to.
 *
 * Why hand-written: the npm packages that write charts (xlsx-chart, excel-builder-vanilla) build a
 * whole workbook of their own; none adds charts to a package ExcelJS wrote, none is installed here,
 * and the parts are small templates once the schema order is respected.
 */
import JSZip from "jszip";
import type { ChartPartSpec, ChartSeriesSpec } from "./chart-spec";
import { chartSpaceXml, checkedColour, type RefCache, type ResolvedRef, type ResolvedSeries } from "./xlsx-charts/chart-xml";
import { existingDrawingRelId, maxShapeId, newDrawingXml, withDrawingElement, withFrames, type ChartFrame } from "./xlsx-charts/drawing-xml";
import { chartMessages } from "./xlsx-charts/messages";
import {
  CONTENT_TYPE,
  REL_TYPE,
  nextPartNumber,
  nextRelationshipId,
  parseRelationships,
  readPart,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  sharedStringsPart,
  withContentTypeOverride,
  withRelationship,
  worksheetParts,
  type Relationship,
} from "./xlsx-charts/package";
import { parseSheetRange, rangeCells, type SheetRange } from "./xlsx-charts/refs";
import { makeCellReader, parseSharedStrings, type CellReader } from "./xlsx-charts/sheet-values";

export { parseSheetRange, quoteSheet } from "./xlsx-charts/refs";

/** Parts are added without JSZip's folder entries, which a package does not need. */
const NO_FOLDERS = { createFolders: false } as const;

/** Reads cells of any sheet by name, parsing each worksheet once. */
type SheetCells = (sheet: string) => Promise<CellReader>;

/**
 * The cache of a range: text when any cell is text, numbers otherwise; null when a cell's value is
 * not in the file (a formula saved without its result) or the range is two-dimensional.
 * @example rangeCache(parseSheetRange("S!$B$2:$B$3"), reader) // { kind: "number", count: 2, points: [...] }
 */
export function rangeCache(range: SheetRange, read: CellReader): RefCache | null {
  const cells = rangeCells(range);
  if (!cells) return null;
  const points: Array<{ idx: number; text: string }> = [];
  let anyText = false;
  for (const [idx, [row, col]] of cells.entries()) {
    const cell = read(row, col);
    if (cell.kind === "unknown") return null;
    if (cell.kind === "blank") continue;
    if (cell.kind === "text") anyText = true;
    points.push({ idx, text: cell.text });
  }
  return { kind: anyText ? "text" : "number", count: cells.length, points };
}

async function resolveRef(ref: string, sheetCells: SheetCells): Promise<ResolvedRef> {
  const range = parseSheetRange(ref);
  return { formula: range.formula, cache: rangeCache(range, await sheetCells(range.sheet)) };
}

async function resolveSeries(s: ChartSeriesSpec, sheetCells: SheetCells): Promise<ResolvedSeries> {
  let name: ResolvedSeries["name"] = null;
  if (typeof s.name === "string") name = { literal: s.name };
  else if (s.name) name = { ref: await resolveRef(s.name.ref, sheetCells) };
  return {
    name,
    categories: await resolveRef(s.categoriesRef, sheetCells),
    values: await resolveRef(s.valuesRef, sheetCells),
    colour: s.colour === undefined ? null : checkedColour(s.colour),
    pointColours: (s.pointColours ?? []).map((c) => (c === null ? null : checkedColour(c))),
    markers: s.markers !== false,
    line: s.line === true,
  };
}

/** Checks what a chart spec promises before anything is written (programmer misuse throws). */
function checkSpec(chart: ChartPartSpec, sheetNames: ReadonlySet<string>): void {
  const known = [...sheetNames];
  if (!sheetNames.has(chart.sheetName)) throw new Error(chartMessages.unknownSheet(chart.sheetName, known));
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  const { from, to } = chart;
  if (![from.col, from.row, to.col, to.row].every(whole) || to.col <= from.col || to.row <= from.row) {
    throw new Error(chartMessages.badAnchor(chart.sheetName));
  }
  if (chart.series.length === 0) throw new Error(chartMessages.noSeries(chart.sheetName));
  if (chart.kind === "doughnut" && chart.series.length !== 1) throw new Error(chartMessages.doughnutOneSeries);
  for (const s of chart.series) {
    const refs = [s.categoriesRef, s.valuesRef, ...(typeof s.name === "object" ? [s.name.ref] : [])];
    for (const ref of refs) {
      const { sheet } = parseSheetRange(ref);
      if (!sheetNames.has(sheet)) throw new Error(chartMessages.unknownSheet(sheet, known));
    }
  }
}

/** Charts grouped by the sheet they are drawn on, sheets in the order their first chart comes. */
function bySheet(charts: readonly ChartPartSpec[]): Map<string, ChartPartSpec[]> {
  const groups = new Map<string, ChartPartSpec[]>();
  for (const chart of charts) groups.set(chart.sheetName, [...(groups.get(chart.sheetName) ?? []), chart]);
  return groups;
}

/** The package state the writer threads through: the zip and the content types text. */
interface Writer {
  readonly zip: JSZip;
  contentTypes: string;
}

/** Finds the sheet's drawing, or creates one and links it from the sheet; gives its path. */
async function drawingFor(w: Writer, sheetPart: string): Promise<{ path: string; xml: string | null }> {
  const sheetXml = await readPart(w.zip, sheetPart);
  if (sheetXml === null) throw new Error(chartMessages.notAnXlsx(`no ${sheetPart}`));
  const sheetRelsPath = relsPathFor(sheetPart);
  const sheetRelsXml = await readPart(w.zip, sheetRelsPath);
  const sheetRels = parseRelationships(sheetRelsXml);
  const relId = existingDrawingRelId(sheetXml, sheetPart);
  if (relId) {
    // A sheet has at most one <drawing>: one that points nowhere cannot be replaced by a second.
    const existing = sheetRels.find((r: Relationship) => r.id === relId && !r.external);
    const path = existing ? resolveTarget(sheetPart, existing.target) : null;
    const xml = path ? await readPart(w.zip, path) : null;
    if (!path || xml === null) throw new Error(chartMessages.notAnXlsx(`the drawing ${sheetPart} refers to (${relId}) is missing`));
    return { path, xml };
  }
  const path = `xl/drawings/drawing${nextPartNumber(w.zip, "xl/drawings/drawing", ".xml")}.xml`;
  const newId = nextRelationshipId(sheetRels);
  w.zip.file(sheetRelsPath, withRelationship(sheetRelsXml, newId, REL_TYPE.drawing, relativeTarget(sheetPart, path)), NO_FOLDERS);
  w.zip.file(sheetPart, withDrawingElement(sheetXml, newId, sheetPart), NO_FOLDERS);
  w.contentTypes = withContentTypeOverride(w.contentTypes, `/${path}`, CONTENT_TYPE.drawing);
  return { path, xml: null };
}

/** Writes one sheet's charts: chart parts, drawing relationships and frames. */
async function writeSheetCharts(w: Writer, sheetPart: string, charts: readonly ChartPartSpec[], sheetCells: SheetCells): Promise<void> {
  const drawing = await drawingFor(w, sheetPart);
  const drawingRelsPath = relsPathFor(drawing.path);
  let drawingRelsXml = await readPart(w.zip, drawingRelsPath);
  let shapeId = drawing.xml ? maxShapeId(drawing.xml) : 1;
  const frames: ChartFrame[] = [];
  for (const chart of charts) {
    const series = await Promise.all(chart.series.map((s) => resolveSeries(s, sheetCells)));
    const chartPath = `xl/charts/chart${nextPartNumber(w.zip, "xl/charts/chart", ".xml")}.xml`;
    w.zip.file(chartPath, chartSpaceXml({ ...chart, series }), NO_FOLDERS);
    w.contentTypes = withContentTypeOverride(w.contentTypes, `/${chartPath}`, CONTENT_TYPE.chart);
    const relId = nextRelationshipId(parseRelationships(drawingRelsXml));
    drawingRelsXml = withRelationship(drawingRelsXml, relId, REL_TYPE.chart, relativeTarget(drawing.path, chartPath));
    shapeId += 1;
    frames.push({ from: chart.from, to: chart.to, shapeId, description: chart.title ?? "Chart", chartRelId: relId });
  }
  w.zip.file(drawing.path, drawing.xml ? withFrames(drawing.xml, frames) : newDrawingXml(frames), NO_FOLDERS);
  w.zip.file(drawingRelsPath, drawingRelsXml ?? "", NO_FOLDERS);
}

/**
 * Adds native charts to an .xlsx package (as ExcelJS's `workbook.xlsx.writeBuffer()` gives it) and
 * returns the new package. Each chart's series refer to cells by sheet-qualified references, so Excel
 * and LibreOffice draw the current values; caches of those values are included when the file holds
 * them all (see sheet-values.ts). Throws on a spec that cannot be written (unknown sheet, bad
 * reference or colour, empty chart) before changing anything.
 * @example
 * const buffer = await workbook.xlsx.writeBuffer();
 * const withCharts = await addChartsToXlsx(new Uint8Array(buffer), [{
 *   sheetName: "Status summary", kind: "barStacked", title: "Status by perspective",
 *   from: { col: 8, row: 1 }, to: { col: 16, row: 18 },
 *   series: [{ name: { ref: "'Status summary'!$B$3" }, categoriesRef: "'Status summary'!$A$4:$A$7",
 *              valuesRef: "'Status summary'!$B$4:$B$7", colour: "1F6FB2" }],
 * }]);
 */
export async function addChartsToXlsx(xlsx: Uint8Array, charts: readonly ChartPartSpec[]): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(xlsx);
  } catch (error) {
    throw new Error(chartMessages.notAnXlsx(error instanceof Error ? error.message : String(error)));
  }
  const contentTypes = await readPart(zip, "[Content_Types].xml");
  if (contentTypes === null) throw new Error(chartMessages.notAnXlsx("no [Content_Types].xml"));
  const sheets = await worksheetParts(zip);
  const sheetNames = new Set(sheets.keys());
  for (const chart of charts) checkSpec(chart, sheetNames);
  if (charts.length === 0) return xlsx;

  const ssPath = await sharedStringsPart(zip);
  const shared = parseSharedStrings(ssPath ? await readPart(zip, ssPath) : null);
  // A reader may parse a sheet after its <drawing> element went in: that element does not touch cells.
  const readers = new Map<string, Promise<CellReader>>();
  const sheetCells: SheetCells = (sheet) => {
    let reader = readers.get(sheet);
    if (!reader) {
      reader = readPart(zip, sheets.get(sheet) as string).then((xml) => makeCellReader(xml ?? "<worksheet/>", shared));
      readers.set(sheet, reader);
    }
    return reader;
  };

  const writer: Writer = { zip, contentTypes };
  for (const [sheet, sheetCharts] of bySheet(charts)) {
    await writeSheetCharts(writer, sheets.get(sheet) as string, sheetCharts, sheetCells);
  }
  zip.file("[Content_Types].xml", writer.contentTypes, NO_FOLDERS);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
