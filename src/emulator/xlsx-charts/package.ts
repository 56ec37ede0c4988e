/**
 * Open Packaging Conventions plumbing for the chart writer: part paths, relationships, content types,
 * and the map from sheet names to worksheet parts (ECMA-376 Part 2; SpreadsheetML workbook part).
 * Existing parts are read with fast-xml-parser and changed by inserting text, never re-serialised.
 */
import type JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { chartMessages } from "./messages";
import { escapeXml, scanTopLevel } from "./xml";

/** Namespace URIs of the parts the writer reads and writes (ECMA-376 Parts 1 and 2). */
export const NS = {
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
} as const;

/** Relationship types the writer follows or adds, e.g. REL_TYPE.chart from a drawing to its chart. */
export const REL_TYPE = {
  officeDocument: `${NS.relationships}/officeDocument`,
  worksheet: `${NS.relationships}/worksheet`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
} as const;

/** Content types of the parts the writer adds, for [Content_Types].xml overrides. */
export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** One relationship of a .rels part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/**
 * A parser that drops namespace prefixes (writers differ in them) and keeps values as text.
 * @example makeParser(["sheet"]).parse(workbookXml).workbook.sheets.sheet[0]["@_name"]
 */
export function makeParser(arrayTags: readonly string[] = []): XMLParser {
  const arrays = new Set(arrayTags);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => arrays.has(name),
  });
}

/**
 * The text of a part, or null when the package has no such part.
 * @example await readPart(zip, "xl/workbook.xml")
 */
export async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  let text = partTexts.get(file);
  if (text === undefined) {
    // Decoded whole: about twice as fast as JSZip's string output, which decodes and joins 16 KB pieces.
    // ignoreBOM keeps a byte order mark in the text, as JSZip's string output does.
    text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await file.async("uint8array"));
    partTexts.set(file, text);
  }
  return text;
}

/**
 * The text of each part as last read or written, by JSZip's entry object: a large sheet is unpacked
 * once however many readers ask for it. Writing a part makes a new entry, so an old text is never
 * served for a new part (and is dropped with its entry).
 */
const partTexts = new WeakMap<JSZip.JSZipObject, string>();

/**
 * Writes a part as text and remembers the text, so the next {@link readPart} does not decode it again.
 * @example writePart(zip, "xl/worksheets/sheet1.xml", xml)
 */
export function writePart(zip: JSZip, path: string, text: string): void {
  zip.file(path, text);
  const file = zip.file(path);
  if (file) partTexts.set(file, text);
}

/**
 * The .rels part that holds a part's relationships.
 * @example relsPathFor("xl/worksheets/sheet2.xml") // "xl/worksheets/_rels/sheet2.xml.rels"
 */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against the part that holds it, to a package path without a leading "/".
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") // "xl/drawings/drawing1.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/**
 * The relative target a relationship from one part to another uses.
 * @example relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml") // "../drawings/drawing1.xml"
 */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * Reads the relationships of a .rels part (none when the text is null).
 * @example parseRelationships(relsXml).find((r) => r.type === REL_TYPE.drawing)
 */
export function parseRelationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  const doc = makeParser(["Relationship"]).parse(xml) as { Relationships?: { Relationship?: Array<Record<string, string>> } };
  return (doc.Relationships?.Relationship ?? []).map((r) => ({
    id: r["@_Id"],
    type: r["@_Type"],
    target: r["@_Target"],
    external: r["@_TargetMode"] === "External",
  }));
}

/**
 * An id no relationship in the list has: "rId" and one more than the largest number in use.
 * @example nextRelationshipId([{ id: "rId1" }, { id: "rId4" }]) // "rId5"
 */
export function nextRelationshipId(rels: readonly Pick<Relationship, "id">[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.reduce((max, r) => Math.max(max, Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)), 0) + 1;
  while (taken.has(`rId${n}`)) n += 1;
  return `rId${n}`;
}

/**
 * Adds a relationship to a .rels part's text, or starts a new .rels part when there is none.
 * @example withRelationship(null, "rId1", REL_TYPE.chart, "../charts/chart1.xml")
 */
export function withRelationship(xml: string | null, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  if (!xml) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}">${rel}</Relationships>`;
  }
  const outline = scanTopLevel(xml, "relationships");
  return xml.slice(0, outline.rootCloseStart) + rel + xml.slice(outline.rootCloseStart);
}

/**
 * Adds an Override for a part to [Content_Types].xml's text unless the part already has one.
 * @example withContentTypeOverride(types, "/xl/charts/chart1.xml", CONTENT_TYPE.chart)
 */
export function withContentTypeOverride(xml: string, partName: string, contentType: string): string {
  const doc = makeParser(["Override"]).parse(xml) as { Types?: { Override?: Array<Record<string, string>> } };
  if ((doc.Types?.Override ?? []).some((o) => o["@_PartName"]?.toLowerCase() === partName.toLowerCase())) return xml;
  const outline = scanTopLevel(xml, "[Content_Types].xml");
  const override = `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`;
  return xml.slice(0, outline.rootCloseStart) + override + xml.slice(outline.rootCloseStart);
}

/**
 * Where the workbook part is, from the package relationships (_rels/.rels).
 * @example await workbookPart(zip) // "xl/workbook.xml"
 */
export async function workbookPart(zip: JSZip): Promise<string> {
  const rels = parseRelationships(await readPart(zip, "_rels/.rels"));
  const main = rels.find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith("/officeDocument"));
  if (!main) throw new Error(chartMessages.notAnXlsx("no officeDocument relationship in _rels/.rels"));
  return resolveTarget("", main.target);
}

/**
 * Maps each worksheet's name to its part, following xl/workbook.xml and its relationships (sheet files
 * need not be numbered in tab order). Names are as the user sees them, entities decoded.
 * @example (await worksheetParts(zip)).get("Status summary") // "xl/worksheets/sheet1.xml"
 */
export async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wbPath = await workbookPart(zip);
  const wbXml = await readPart(zip, wbPath);
  if (!wbXml) throw new Error(chartMessages.notAnXlsx(`no ${wbPath}`));
  const rels = parseRelationships(await readPart(zip, relsPathFor(wbPath)));
  const doc = makeParser(["sheet"]).parse(wbXml) as { workbook?: { sheets?: { sheet?: Array<Record<string, string>> } } };
  const parts = new Map<string, string>();
  for (const sheet of doc.workbook?.sheets?.sheet ?? []) {
    const rel = rels.find((r) => r.id === sheet["@_id"]);
    if (rel && (rel.type === REL_TYPE.worksheet || rel.type.endsWith("/worksheet"))) {
      parts.set(sheet["@_name"], resolveTarget(wbPath, rel.target));
    }
  }
  return parts;
}

/**
 * The shared-string table part, from the workbook's relationships; null when the workbook has none.
 * @example await sharedStringsPart(zip) // "xl/sharedStrings.xml"
 */
export async function sharedStringsPart(zip: JSZip): Promise<string | null> {
  const wbPath = await workbookPart(zip);
  const rels = parseRelationships(await readPart(zip, relsPathFor(wbPath)));
  const rel = rels.find((r) => r.type.endsWith("/sharedStrings") && !r.external);
  return rel ? resolveTarget(wbPath, rel.target) : null;
}

/**
 * The next free number for parts named like xl/charts/chartN.xml.
 * @example nextPartNumber(zip, "xl/charts/chart", ".xml") // 1 in a package with no charts
 */
export function nextPartNumber(zip: JSZip, prefix: string, suffix: string): number {
  let max = 0;
  zip.forEach((path) => {
    if (path.startsWith(prefix) && path.endsWith(suffix)) {
      const n = Number(path.slice(prefix.length, path.length - suffix.length));
      if (Number.isInteger(n)) max = Math.max(max, n);
    }
  });
  return max + 1;
}
