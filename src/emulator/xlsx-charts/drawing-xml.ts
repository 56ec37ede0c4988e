/**
 * The drawing part (xl/drawings/drawingN.xml, an xdr:wsDr) that places charts on a sheet, and the
 * worksheet's <drawing r:id> element that points at it (ECMA-376 Part 1, SpreadsheetML drawing).
 */
import type { ChartAnchor } from "../chart-spec";
import { NS } from "./package";
import { declaredPrefix, escapeXml, scanTopLevel } from "./xml";

/** One chart frame to place: its cells, the drawing-wide shape id, and the drawing's relationship to the chart part. */
export interface ChartFrame {
  readonly from: ChartAnchor;
  readonly to: ChartAnchor;
  /** Unique among the drawing's shapes (xdr:cNvPr id). */
  readonly shapeId: number;
  /** Alternative text read out by screen readers: the chart title. */
  readonly description: string;
  readonly chartRelId: string;
}

const cellXml = (a: ChartAnchor) =>
  `<xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;

/**
 * A twoCellAnchor holding a chart graphic frame; it moves and sizes with its cells (Excel's default
 * for charts). With declareNamespaces it carries its own xdr/a declarations, for adding to a drawing
 * whose root binds other prefixes.
 * @example anchorXml({ from: { col: 8, row: 2 }, to: { col: 16, row: 20 }, shapeId: 2, description: "Status", chartRelId: "rId1" }, false)
 */
export function anchorXml(frame: ChartFrame, declareNamespaces: boolean): string {
  const ns = declareNamespaces ? ` xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}"` : "";
  return (
    `<xdr:twoCellAnchor${ns}><xdr:from>${cellXml(frame.from)}</xdr:from><xdr:to>${cellXml(frame.to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${frame.shapeId}" name="Chart ${frame.shapeId}" descr="${escapeXml(frame.description)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.relationships}" r:id="${frame.chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/**
 * A new drawing part with the given chart frames.
 * @example newDrawingXml([frame])
 */
export function newDrawingXml(frames: readonly ChartFrame[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}">` +
    frames.map((f) => anchorXml(f, false)).join("") +
    `</xdr:wsDr>`
  );
}

/**
 * The largest shape id (xdr:cNvPr id) in an existing drawing, so new frames get ids after it.
 * @example maxShapeId(`<xdr:cNvPr id="3" name="Picture 3"/>`) // 3
 */
export function maxShapeId(drawingXml: string): number {
  let max = 0;
  for (const m of drawingXml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\sid\s*=\s*["'](\d+)["']/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * Adds chart frames to an existing drawing part (e.g. the one ExcelJS writes for images), after its
 * own anchors so the charts draw on top.
 * @example withFrames(excelJsDrawingXml, [frame])
 */
export function withFrames(drawingXml: string, frames: readonly ChartFrame[]): string {
  const outline = scanTopLevel(drawingXml, "drawing");
  const needsNs =
    !outline.root.name.startsWith("xdr:") ||
    declaredPrefix(outline.root.startTag, NS.spreadsheetDrawing) !== "xdr" ||
    declaredPrefix(outline.root.startTag, NS.drawingMain) !== "a";
  const anchors = frames.map((f) => anchorXml(f, needsNs)).join("");
  return drawingXml.slice(0, outline.rootCloseStart) + anchors + drawingXml.slice(outline.rootCloseStart);
}

/**
 * CT_Worksheet's children after <drawing>, in schema order (ECMA-376 Part 1, sml.xsd): the element
 * goes before the first of these, after everything else (sheetData ... headerFooter, rowBreaks,
 * colBreaks, customProperties, cellWatches, ignoredErrors, smartTags).
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** The worksheet's existing <drawing> element's relationship id, or null when it has none. */
export function existingDrawingRelId(sheetXml: string, part: string): string | null {
  const outline = scanTopLevel(sheetXml, part);
  const drawing = outline.children.find((c) => c.localName === "drawing");
  if (!drawing) return null;
  const m = /\s(?:[\w.-]+:)?id\s*=\s*(["'])(.*?)\1/.exec(drawing.startTag);
  return m ? m[2] : null;
}

/**
 * Inserts <drawing r:id="..."/> into a worksheet at its schema position: before legacyDrawing,
 * tableParts, extLst and the like, found among the root's direct children only (a cfRule has an
 * extLst of its own). Uses the worksheet's own prefixes, declaring the relationships one if absent.
 * @example withDrawingElement(`<worksheet xmlns:r="...">...<tableParts .../></worksheet>`, "rId3", "sheet1")
 */
export function withDrawingElement(sheetXml: string, relId: string, part: string): string {
  const outline = scanTopLevel(sheetXml, part);
  const colon = outline.root.name.indexOf(":");
  const prefix = colon < 0 ? "" : outline.root.name.slice(0, colon + 1);
  const relPrefix = declaredPrefix(outline.root.startTag, NS.relationships);
  const element = relPrefix
    ? `<${prefix}drawing ${relPrefix}:id="${escapeXml(relId)}"/>`
    : `<${prefix}drawing xmlns:r="${NS.relationships}" r:id="${escapeXml(relId)}"/>`;
  const before = outline.children.find((c) => AFTER_DRAWING.has(c.localName));
  const at = before ? before.start : outline.rootCloseStart;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}
