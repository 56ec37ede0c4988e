/**
 * Small XML helpers for the chart writer: escaping for the parts we write from templates, and a scanner
 * that finds the top-level children of an existing part so we can insert an element at a schema-correct
 * position without re-serialising (and so possibly altering) XML that ExcelJS or Excel wrote.
 */
import { chartMessages } from "./messages";

/**
 * Escapes text for XML element content or a double-quoted attribute value (the only kind the writer
 * uses). Apostrophes stay as they are, as Excel writes them in formulas such as 'Status summary'!$B$4.
 * @example escapeXml(`Safer & "Stronger"`) // "Safer &amp; &quot;Stronger&quot;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** One element found by {@link scanTopLevel}: its qualified name and where it starts and ends in the text. */
export interface XmlChild {
  /** Qualified name as written, e.g. "drawing" or "x:drawing". */
  readonly name: string;
  /** Name without its prefix, e.g. "drawing". */
  readonly localName: string;
  /** Offset of its "<". */
  readonly start: number;
  /** Offset just past its end tag (or past "/>" when self-closing). */
  readonly end: number;
  /** The start tag's text, e.g. `<drawing r:id="rId1"/>`. */
  readonly startTag: string;
}

/** The root element and its direct children, as {@link scanTopLevel} finds them. */
export interface XmlOutline {
  readonly root: XmlChild;
  /** Offset of the root's end tag "</...>". */
  readonly rootCloseStart: number;
  readonly children: readonly XmlChild[];
}

/** Top-level elements that never nest an element of their own name (a worksheet's cell data, ECMA-376 Part 1, 18.3.1.80). */
const OPAQUE = new Set(["sheetData"]);

function localNameOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Offset just past the ">" of a tag that starts at `from`, honouring quoted attribute values (which may hold ">"). */
function tagEnd(xml: string, from: number, part: string): number {
  let quote: string | null = null;
  for (let i = from + 1; i < xml.length; i += 1) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i + 1;
    }
  }
  throw new Error(chartMessages.malformedXml(part));
}

function skipPast(xml: string, from: number, marker: string, part: string): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new Error(chartMessages.malformedXml(part));
  return at + marker.length;
}

/**
 * Finds the root element of an XML document and its direct children, skipping the declaration,
 * comments, processing instructions and CDATA. Written by hand (not a DOM parser) because the chart
 * writer must insert into existing parts byte-for-byte, and a parse/serialise round trip can change
 * namespaces, entities and whitespace that Excel is sensitive to.
 * @example scanTopLevel(`<a><b/><c>t</c></a>`).children.map((c) => c.name) // ["b", "c"]
 */
export function scanTopLevel(xml: string, part = "XML"): XmlOutline {
  let depth = 0;
  let root: { name: string; start: number; startTag: string } | null = null;
  let open: { name: string; start: number; startTag: string } | null = null;
  const children: XmlChild[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      i = skipPast(xml, lt, "?>", part);
      continue;
    }
    if (xml.startsWith("<!--", lt)) {
      i = skipPast(xml, lt, "-->", part);
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      i = skipPast(xml, lt, "]]>", part);
      continue;
    }
    if (xml.startsWith("<!", lt)) {
      i = tagEnd(xml, lt, part);
      continue;
    }
    const end = tagEnd(xml, lt, part);
    const tag = xml.slice(lt, end);
    if (tag.startsWith("</")) {
      depth -= 1;
      if (depth === 1 && open) {
        children.push({ name: open.name, localName: localNameOf(open.name), start: open.start, end, startTag: open.startTag });
        open = null;
      } else if (depth === 0 && root) {
        const rootChild: XmlChild = { name: root.name, localName: localNameOf(root.name), start: root.start, end, startTag: root.startTag };
        return { root: rootChild, rootCloseStart: lt, children };
      }
    } else {
      const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? "";
      const selfClosing = tag.endsWith("/>");
      if (depth === 0) {
        if (selfClosing) throw new Error(chartMessages.malformedXml(part));
        root = { name, start: lt, startTag: tag };
        depth = 1;
      } else if (depth === 1) {
        if (selfClosing) children.push({ name, localName: localNameOf(name), start: lt, end, startTag: tag });
        else if (OPAQUE.has(localNameOf(name)) && xml.indexOf(`</${name}>`, end) >= 0) {
          // Cell data cannot hold another element of its own name: jump to its end tag rather than
          // walking millions of cells (a large sheet's outline is then as quick as a small one's).
          const close = xml.indexOf(`</${name}>`, end) + name.length + 3;
          children.push({ name, localName: localNameOf(name), start: lt, end: close, startTag: tag });
          i = close;
          continue;
        } else {
          open = { name, start: lt, startTag: tag };
          depth = 2;
        }
      } else if (!selfClosing) {
        depth += 1;
      }
    }
    i = end;
  }
  throw new Error(chartMessages.malformedXml(part));
}

/**
 * The prefix a start tag binds to a namespace URI ("" for the default namespace), or null when the
 * tag does not declare it.
 * @example declaredPrefix(`<worksheet xmlns:r="urn:r">`, "urn:r") // "r"
 */
export function declaredPrefix(startTag: string, uri: string): string | null {
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g;
  for (let m = re.exec(startTag); m; m = re.exec(startTag)) {
    if (m[3] === uri) return m[1] ?? "";
  }
  return null;
}

/**
 * The value of an attribute in a start tag, matched by local name whatever its prefix; null if absent.
 * Entities in the value are not decoded (relationship ids and numbers never hold them).
 * @example attributeValue(`<drawing r:id="rId3"/>`, "id") // "rId3"
 */
export function attributeValue(startTag: string, localName: string): string | null {
  const re = new RegExp(`\\s(?:[\\w.-]+:)?${localName}\\s*=\\s*(["'])(.*?)\\1`);
  return re.exec(startTag)?.[2] ?? null;
}

/**
 * The part of a worksheet after its cell data: where merged cells, hyperlinks and the other elements
 * that follow <sheetData> are (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet's sequence), so a search for
 * them need not read every cell. The whole text when the sheet data is empty or not found.
 * @example afterSheetData(`<worksheet><sheetData><row r="1"/></sheetData><mergeCells/></worksheet>`) // => "</sheetData><mergeCells/></worksheet>"
 */
export function afterSheetData(xml: string): string {
  const at = xml.lastIndexOf("sheetData>");
  if (at < 2) return xml;
  const start = xml.charCodeAt(at - 1) === 47 ? at - 2 : xml.charCodeAt(at - 1) === 58 ? xml.lastIndexOf("</", at) : -1;
  return start >= 0 && xml.startsWith("</", start) ? xml.slice(start) : xml;
}

/**
 * Where a worksheet's <sheetData> element is: [start, end), or null when it has none.
 * @example sheetDataAt(`<worksheet><sheetData/></worksheet>`) // => [11, 23]
 */
export function sheetDataAt(xml: string): [number, number] | null {
  const start = xml.search(/<sheetData(?=[\s/>])/);
  if (start < 0) return null;
  const gt = xml.indexOf(">", start);
  if (gt < 0) return null;
  if (xml.charCodeAt(gt - 1) === 47) return [start, gt + 1];
  const close = xml.indexOf("</sheetData>", gt);
  return close < 0 ? null : [start, close + "</sheetData>".length];
}

const NO_ROWS = "<sheetData/>";

/**
 * What goes before and after a sheet's rows, joined around an empty sheetData so that it can be
 * edited as one small string (splitAroundRows takes it apart again).
 * @example joinAroundRows("<worksheet>", "</worksheet>") // => "<worksheet><sheetData/></worksheet>"
 */
export function joinAroundRows(head: string, tail: string): string {
  return head + NO_ROWS + tail;
}

/**
 * A text around the rows (joinAroundRows, aroundRows), edited outside them, split at its empty
 * sheetData into what goes before and after the rows; null when it has none.
 * @example splitAroundRows("<worksheet><sheetPr/><sheetData/></worksheet>") // => ["<worksheet><sheetPr/>", "</worksheet>"]
 */
export function splitAroundRows(around: string): [string, string] | null {
  const at = around.indexOf(NO_ROWS);
  return at < 0 ? null : [around.slice(0, at), around.slice(at + NO_ROWS.length)];
}

/**
 * A worksheet's text around its rows: the <sheetData> element replaced by `<sheetData/>`, so that
 * what lies around the rows (print settings, a drawing, sheetPr) can be edited as a small string
 * instead of copying a large sheet at each edit (a 100,000-row sheet is over 70 MB of text).
 * @example aroundRows(`<worksheet><sheetData><row r="1"/></sheetData><pageMargins/></worksheet>`) // => "<worksheet><sheetData/><pageMargins/></worksheet>"
 */
export function aroundRows(xml: string): string {
  const at = sheetDataAt(xml);
  return at ? joinAroundRows(xml.slice(0, at[0]), xml.slice(at[1])) : xml;
}

/**
 * The text of `around` (aroundRows(xml), edited outside the rows) with the rows of `xml` put back,
 * as pieces to write one after another: the whole text is never built as one string.
 * @example withRowsBack(`<worksheet><sheetData><row r="1"/></sheetData></worksheet>`, "<worksheet><sheetPr/><sheetData/></worksheet>").join("") // => '<worksheet><sheetPr/><sheetData><row r="1"/></sheetData></worksheet>'
 */
export function withRowsBack(xml: string, around: string): string[] {
  const at = sheetDataAt(xml);
  const parts = at ? splitAroundRows(around) : null;
  if (!at || !parts) return [around];
  return [parts[0], xml.slice(at[0], at[1]), parts[1]];
}
