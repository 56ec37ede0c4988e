/**
 * The no-data-loss check: compares the input and the output packages sheet by sheet, and on every
 * sheet the add-in does not wholly own every cell it does not own (value, formula and its result,
 * number format, font, fill, border, alignment, protection), plus merged cells, row heights, hidden
 * rows, row and column formats, column widths and the sheets themselves with their visibility. A
 * difference means the round trip would lose something the user made, so the runner refuses to write
 * the file (unless --force) and names the first cells that differ.
 *
 * It reads the packages' own XML in one forward scan per sheet (rows and cells in document order, input
 * and output side by side), never loading a workbook model: a 100,000-row sheet costs one pass. Styles resolve through each package's own styles.xml and strings through its
 * shared-string table, so two packages that number their formats or strings differently compare
 * equal when the cells look and read the same. A sheet whose part, styles and strings are identical bytes is equal without a scan. Comments, hyperlinks and other parts the writer cannot keep are
 * found by the package inspection (package-parts.ts), not here.
 *
 * Equivalences (a difference only in how a file spells the same thing is not a loss): a font colour
 * of theme 1 without tint ("Text 1", the default text colour) equals no colour; the font family and
 * scheme attributes are ignored (they classify the font, they do not change it); a number under a
 * date format equals one within the same millisecond (a date read as a date and written back); a
 * shared formula equals the same formula written out in full; text runs without a format of their
 * own equal plain text; an inline string equals the same shared string.
 */
import JSZip from "jszip";
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import { cellAddress, columnLetters, qualify } from "../core/a1";
import { MS_PER_DAY, timeToSerial } from "../core/periods";
import { parseRelationships, readPart, relsPathFor, sharedStringsPart, workbookPart, worksheetParts } from "../emulator/xlsx-charts/package";
import { afterSheetData } from "../emulator/xlsx-charts/xml";

/** A rectangle of cells the add-in owns (0-based, inclusive), or a whole sheet when rect is null. */
export interface OwnedArea {
  readonly sheet: string;
  readonly rect: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number } | null;
}

/** How many differing cells a refusal names before summarising the rest. */
const NAMED_DIFFERENCES = 5;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// ---------------------------------------------------------------------------------------------
// XML text helpers

const attrPatterns = new Map<string, RegExp>();
/** The value of attribute `name` in a start tag's attribute text, or null. */
function attr(tag: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * {@link attr} for the few attributes read on every cell and row (r, s, t, ht, ...): a plain search
 * for ` name="`, falling back to the pattern only when the tag is spelt otherwise.
 */
function quickAttr(tag: string, name: string): string | null {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at >= 0) {
    const start = at + key.length;
    return tag.slice(start, tag.indexOf('"', start));
  }
  return tag.indexOf(name) < 0 ? null : attr(tag, name);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML entities and Excel's _xHHHH_ escapes decoded. */
function decode(s: string): string {
  if (s.indexOf("&") >= 0) {
    s = s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex: string, dec: string, name: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name]);
  }
  if (s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** Every element `tag` (any prefix) in `xml`, whole. */
function elements(xml: string | undefined, tag: string): string[] {
  if (!xml) return [];
  const re = new RegExp(`<(?:\\w+:)?${tag}(?=[\\s/>])(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</(?:\\w+:)?${tag}>)`, "g");
  return xml.match(re) ?? [];
}

function first(xml: string | undefined, tag: string): string | undefined {
  return elements(xml, tag)[0];
}

/** The attribute text of an element's start tag. */
function startTag(element: string): string {
  const end = element.indexOf(">");
  return element.slice(0, end < 0 ? element.length : end);
}

/** An on/off element such as <b/>, <b val="0"/>: true when present and not switched off. */
function flag(xml: string, tag: string): boolean {
  const el = first(xml, tag);
  if (!el) return false;
  const v = attr(startTag(el), "val");
  return v === null || (v !== "0" && v !== "false");
}

function val(xml: string, tag: string): string | null {
  const el = first(xml, tag);
  return el ? attr(startTag(el), "val") : null;
}

// ---------------------------------------------------------------------------------------------
// Styles: each cellXfs entry in comparable form

/** Number formats Excel builds in (ECMA-376 Part 1, 18.8.30), by id. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** Whether a number format shows a date or time (its letters outside quotes and brackets). */
function isDateFormat(code: string | null): boolean {
  if (!code) return false;
  return /[ymdhs]/i.test(code.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

function colour(el: string | undefined): Json {
  if (!el) return null;
  const tag = startTag(el);
  const rgb = attr(tag, "rgb");
  if (rgb) return rgb.slice(-6).toUpperCase();
  const theme = attr(tag, "theme");
  const tint = Number(attr(tag, "tint") ?? 0);
  if (theme !== null) return theme === "1" && !tint ? null : `theme ${theme}${tint ? ` tint ${tint}` : ""}`;
  const indexed = attr(tag, "indexed");
  if (indexed !== null) return indexed === "64" ? null : `indexed ${indexed}`;
  return null;
}

function fontOf(xml: string | undefined): Json {
  const f = xml ?? "";
  const u = first(f, "u");
  const underline = u ? (attr(startTag(u), "val") ?? "single") : null;
  return {
    bold: flag(f, "b"), italic: flag(f, "i"), underline: underline === "none" ? null : underline, strike: flag(f, "strike"),
    colour: colour(first(f, "color")), name: val(f, "name") ?? "Calibri", size: Number(val(f, "sz") ?? 11), vertAlign: val(f, "vertAlign"), outline: flag(f, "outline"),
  };
}

function fillOf(xml: string | undefined): Json {
  if (!xml) return null;
  const gradient = first(xml, "gradientFill");
  if (gradient) return { gradient };
  const pattern = first(xml, "patternFill");
  const type = pattern ? attr(startTag(pattern), "patternType") : null;
  if (!pattern || !type || type === "none") return null;
  const fg = colour(first(pattern, "fgColor"));
  return type === "solid" ? { solid: fg } : { pattern: type, fg, bg: colour(first(pattern, "bgColor")) };
}

function borderOf(xml: string | undefined): Json {
  const b = xml ?? "";
  const side = (tag: string): Json => {
    const el = first(b, tag);
    const style = el ? attr(startTag(el), "style") : null;
    return el && style && style !== "none" ? { style, colour: colour(first(el, "color")) ?? "000000" } : null;
  };
  const open = b ? startTag(b) : "";
  const diagonal = ["1", "true"].includes(attr(open, "diagonalUp") ?? "") || ["1", "true"].includes(attr(open, "diagonalDown") ?? "");
  return { top: side("top"), bottom: side("bottom"), left: side("left"), right: side("right"), diagonal: diagonal ? side("diagonal") : null };
}

/** Comparable styles of a package, by cellXfs index, with each one's number format. */
interface StyleTable {
  readonly keys: string[];
  readonly numFmts: (string | null)[];
}

function styleTable(xml: string | null): StyleTable {
  const s = xml ?? "";
  const codes = new Map<number, string>();
  for (const n of elements(first(s, "numFmts"), "numFmt")) codes.set(Number(attr(startTag(n), "numFmtId")), decode(attr(startTag(n), "formatCode") ?? ""));
  const fonts = elements(first(s, "fonts"), "font");
  const fills = elements(first(s, "fills"), "fill");
  const borders = elements(first(s, "borders"), "border");
  const xfs = elements(first(s, "cellXfs"), "xf");
  const keys: string[] = [];
  const numFmts: (string | null)[] = [];
  for (const xf of xfs.length > 0 ? xfs : ["<xf/>"]) {
    const tag = startTag(xf);
    const id = Number(attr(tag, "numFmtId") ?? 0);
    const code = codes.get(id) ?? BUILT_IN_FORMATS[id] ?? (id === 0 ? null : `format ${id}`);
    const numFmt = code && code !== "General" ? code : null;
    const al = first(xf, "alignment");
    const a = al ? startTag(al) : "";
    const on = (name: string) => ["1", "true"].includes(attr(a, name) ?? "");
    const horizontal = attr(a, "horizontal");
    const vertical = attr(a, "vertical");
    const readingOrder = attr(a, "readingOrder");
    const pr = first(xf, "protection");
    const p = pr ? startTag(pr) : "";
    keys.push(JSON.stringify({
      numFmt,
      font: fontOf(fonts[Number(attr(tag, "fontId") ?? 0)]),
      fill: fillOf(fills[Number(attr(tag, "fillId") ?? 0)]),
      border: borderOf(borders[Number(attr(tag, "borderId") ?? 0)]),
      alignment: {
        horizontal: horizontal && horizontal !== "general" ? horizontal : null, vertical: vertical && vertical !== "bottom" ? vertical : null,
        wrap: on("wrapText"), indent: Number(attr(a, "indent") ?? 0), rotation: Number(attr(a, "textRotation") ?? 0), shrink: on("shrinkToFit"),
        readingOrder: readingOrder === "1" ? "ltr" : readingOrder === "2" ? "rtl" : null,
      },
      protection: { locked: !["0", "false"].includes(attr(p, "locked") ?? "1"), hidden: ["1", "true"].includes(attr(p, "hidden") ?? "0") },
    } satisfies Json));
    numFmts.push(numFmt);
  }
  return { keys, numFmts };
}

// ---------------------------------------------------------------------------------------------
// Strings and cells

/** A string item (<si> or <is>) in comparable form: its text, or its runs when any run has a format. */
function stringKey(inner: string): string {
  const text = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  if (/<(?:\w+:)?rPr\b[^>]*>\s*<(?!\/)/.test(text)) return `r:${text}`;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out += m[1];
  return `s:${decode(out)}`;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(stringKey(m[1] ?? ""));
  return out;
}

/** "BC12" -> [11, 54] (0-based row and column), or null for something else. */
function cellRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  const row = Number(ref.slice(i));
  return col > 0 && i < ref.length && Number.isInteger(row) && row > 0 ? [row - 1, col - 1] : null;
}

/** One package, opened for comparison. */
interface Book {
  readonly zip: JSZip;
  readonly sheets: Map<string, string>;
  readonly states: Map<string, string>;
  readonly styles: StyleTable;
  readonly strings: string[];
  readonly stylesXml: string | null;
  readonly stringsXml: string | null;
}

async function openBook(zip: JSZip): Promise<Book> {
  const sheets = await worksheetParts(zip);
  const wbXml = (await readPart(zip, await workbookPart(zip))) ?? "";
  const states = new Map<string, string>();
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\s([^>]*)>/g)) {
    const name = attr(m[1], "name");
    if (name !== null) states.set(decode(name), attr(m[1], "state") ?? "visible");
  }
  const stylesXml = await readPart(zip, "xl/styles.xml");
  const ssPath = await sharedStringsPart(zip);
  const stringsXml = ssPath ? await readPart(zip, ssPath) : null;
  return { zip, sheets, states, styles: styleTable(stylesXml), strings: sharedStrings(stringsXml), stylesXml, stringsXml };
}

/** A cell as the scan reads it: position, style index and content in comparable form ("" when empty). */
interface ScannedCell {
  readonly col: number;
  readonly style: number;
  readonly content: string;
}

/** A row as the scan reads it. */
interface ScannedRow {
  readonly row: number;
  readonly hidden: boolean;
  readonly height: number | null;
  /** The row's own format (its s when customFormat is on), else null. */
  readonly style: number | null;
  readonly cells: ScannedCell[];
}

const F_RE = /<(?:\w+:)?f(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const V_RE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS_RE = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;

function numberKey(v: string): string {
  return `n:${Number(v)}`;
}

/** The value of a cell (no formula) or a formula's cached result, in comparable form. */
function valueKey(type: string | null, v: string | undefined, inline: string | undefined, strings: readonly string[]): string {
  switch (type) {
    case "s": return v === undefined ? "" : (strings[Number(v)] ?? "s:");
    case "inlineStr": return inline === undefined ? (v === undefined ? "" : `s:${decode(v)}`) : stringKey(inline);
    case "str": return v === undefined ? "" : `s:${decode(v)}`;
    case "b": return v === undefined ? "" : `b:${v === "1" || v === "true" ? 1 : 0}`;
    case "e": return v === undefined ? "" : `e:${decode(v)}`;
    case "d": return v === undefined ? "" : numberKey(String(timeToSerial(Date.parse(decode(v)))));
    default: return v === undefined || v === "" ? "" : numberKey(v);
  }
}

/**
 * Reads a worksheet's rows in document order (shared formulas in full; cells `skip` names unread). A generator, so two sheets can be walked side by side without holding either whole.
 */
function* scanRows(xml: string, strings: readonly string[], skip: (row: number, col: number) => boolean): Generator<ScannedRow> {
  const dataStart = /<(?:\w+:)?sheetData(?=[\s/>])/.exec(xml);
  if (!dataStart) return;
  const shared = new Map<string, { formula: string; ref: string }>();
  // Own expressions per scan: two scans run side by side, each with its own position.
  const ROW_RE = /<(?:\w+:)?row(?=[\s/>])([^>]*?)(\/?)>/g;
  const ROW_END_RE = /<\/(?:\w+:)?row>/g;
  const CELL_RE = /<(?:\w+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  ROW_RE.lastIndex = dataStart.index;
  let lastRow = 0;
  for (;;) {
    const m = ROW_RE.exec(xml);
    if (!m) return;
    const rowAttrs = m[1];
    const rowNumber = Number(quickAttr(rowAttrs, "r") ?? lastRow + 1);
    lastRow = rowNumber;
    const ht = quickAttr(rowAttrs, "ht");
    const custom = quickAttr(rowAttrs, "customFormat");
    const s = quickAttr(rowAttrs, "s");
    const hiddenAttr = quickAttr(rowAttrs, "hidden");
    const cells: ScannedCell[] = [];
    const contentStart = ROW_RE.lastIndex;
    if (m[2] !== "/") {
      ROW_END_RE.lastIndex = contentStart;
      const end = ROW_END_RE.exec(xml);
      const stop = end ? end.index : xml.length;
      CELL_RE.lastIndex = contentStart;
      let lastCol = -1;
      for (let c = CELL_RE.exec(xml); c && c.index < stop; c = CELL_RE.exec(xml)) {
        const cellAttrs = c[1];
        const r = quickAttr(cellAttrs, "r");
        const pos = r ? cellRef(r) : null;
        const col = pos ? pos[1] : lastCol + 1;
        lastCol = col;
        const inner = c[2];
        // The add-in's own cells are not compared, so their content is not read (a shared formula's master still is).
        if (skip(rowNumber - 1, col) && (!inner || (inner.indexOf("<f") < 0 && inner.indexOf(":f") < 0))) { cells.push({ col, style: 0, content: "" }); continue; }
        const type = quickAttr(cellAttrs, "t");
        let content = "";
        if (inner) {
          const v = V_RE.exec(inner)?.[1];
          const f = inner.indexOf("f") >= 0 ? F_RE.exec(inner) : null;
          let formula: string | null = null;
          if (f) {
            const fAttrs = f[1];
            const text = f[2] !== undefined ? decode(f[2]) : "";
            const si = quickAttr(fAttrs, "si");
            const here = `${columnLetters(col)}${rowNumber}`;
            if (quickAttr(fAttrs, "t") === "shared" && si !== null) {
              if (text) {
                shared.set(si, { formula: text, ref: here });
                formula = text;
              } else {
                const master = shared.get(si);
                formula = master ? slideFormula(master.formula, master.ref, here) : null;
              }
            } else if (text) formula = text;
          }
          const inline = type === "inlineStr" ? IS_RE.exec(inner)?.[1] : undefined;
          const value = valueKey(type, v, inline, strings);
          content = formula !== null ? `f:${formula}\u0000${value}` : value;
        }
        cells.push({ col, style: Number(quickAttr(cellAttrs, "s") ?? 0), content });
      }
      ROW_RE.lastIndex = end ? end.index + end[0].length : xml.length;
    }
    yield {
      row: rowNumber - 1, hidden: hiddenAttr === "1" || hiddenAttr === "true", height: ht === null ? null : Number(ht),
      style: (custom === "1" || custom === "true") && s !== null ? Number(s) : null, cells,
    };
  }
}

/** A sheet's merged areas, as written (sorted) and as rectangles. */
function mergesOf(xml: string): { refs: string[]; rects: { top: number; left: number; bottom: number; right: number }[] } {
  const refs: string[] = [];
  const tail = afterSheetData(xml);
  const at = tail.search(/<(?:\w+:)?mergeCells(?=[\s/>])/);
  if (at >= 0) {
    const re = /<(?:\w+:)?mergeCell\s([^>]*?)\/?>/g;
    re.lastIndex = at;
    for (let m = re.exec(tail); m; m = re.exec(tail)) {
      const ref = attr(m[1], "ref");
      if (ref) refs.push(ref.toUpperCase());
    }
  }
  refs.sort();
  const rects = refs.map((ref) => {
    const [a, b = a] = ref.split(":");
    const p = cellRef(a) ?? [0, 0];
    const q = cellRef(b) ?? p;
    return { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
  });
  return { refs, rects };
}

/** Per column (0-based), the width and style a sheet's <cols> gives it. */
function columnsOf(xml: string): Map<number, { width: number | null; style: number | null }> {
  const out = new Map<number, { width: number | null; style: number | null }>();
  const block = /<(?:\w+:)?cols(?=[\s>])[\s\S]*?<\/(?:\w+:)?cols>/.exec(xml.slice(0, Math.max(0, xml.search(/<(?:\w+:)?sheetData(?=[\s/>])/)) || xml.length))?.[0];
  for (const col of elements(block, "col")) {
    const tag = startTag(col);
    const min = Number(attr(tag, "min"));
    const max = Math.min(Number(attr(tag, "max")), 16384);
    const width = attr(tag, "width");
    const style = attr(tag, "style");
    for (let c = min; c <= max; c++) out.set(c - 1, { width: width === null ? null : Number(width), style: style === null ? null : Number(style) });
  }
  return out;
}

/** Which aspect of two cell states differs first, in users' words. */
function firstDifference(contentA: string, styleA: string, contentB: string, styleB: string, dateSlack: boolean): string | null {
  if (contentA !== contentB && !(dateSlack && sameInstant(contentA, contentB))) return "value or formula";
  if (styleA === styleB) return null;
  const sa = JSON.parse(styleA) as Record<string, Json>;
  const sb = JSON.parse(styleB) as Record<string, Json>;
  for (const k of Object.keys(sa)) if (JSON.stringify(sa[k]) !== JSON.stringify(sb[k])) return k === "numFmt" ? "number format" : k;
  return null;
}

/** Two numbers (or formulas with numeric results) that differ by less than a millisecond as dates. */
function sameInstant(a: string, b: string): boolean {
  const split = (k: string): [string, number] | null => {
    const at = k.lastIndexOf("n:");
    return at >= 0 && (at === 0 || k[at - 1] === "\u0000") ? [k.slice(0, at), Number(k.slice(at + 2))] : null;
  };
  const [x, y] = [split(a), split(b)];
  return !!x && !!y && x[0] === y[0] && Math.round(x[1] * MS_PER_DAY) === Math.round(y[1] * MS_PER_DAY);
}

/** The add-in's own rectangles on a sheet, and a test of whether a cell (0-based) is in one. */
function ownedOn(owned: readonly OwnedArea[], sheet: string): { rects: NonNullable<OwnedArea["rect"]>[]; isOwned: (r: number, c: number) => boolean } {
  const rects = owned.filter((o) => o.sheet === sheet && o.rect).map((o) => o.rect!);
  return { rects, isOwned: (r, c) => rects.some((o) => r >= o.top && r <= o.bottom && c >= o.left && c <= o.right) };
}

/** Compares one sheet of the input with the output's; pushes what was lost. */
function compareSheet(name: string, a: Book, xa: string, b: Book, xb: string, owned: readonly OwnedArea[], found: string[], tally: { cells: number }): void {
  const { rects, isOwned } = ownedOn(owned, name);
  const ownedColumn = (c: number) => rects.some((o) => c >= o.left && c <= o.right);
  const mergesA = mergesOf(xa);
  const mergesB = mergesOf(xb);
  if (JSON.stringify(mergesA.refs) !== JSON.stringify(mergesB.refs)) found.push(`merged cells on sheet ${name}`);
  const coveredBy = (merges: typeof mergesA.rects) => (r: number, c: number) =>
    merges.length > 0 && merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  const coveredA = coveredBy(mergesA.rects);
  const coveredB = coveredBy(mergesB.rects);
  const colsA = columnsOf(xa);
  const colsB = columnsOf(xb);
  const keyA = (s: number) => a.styles.keys[s] ?? a.styles.keys[0];
  const keyB = (s: number) => b.styles.keys[s] ?? b.styles.keys[0];
  // A cell a sheet does not have shows its row's format, else its column's (as Excel shows it).
  const emptyStyle = (row: ScannedRow | undefined, cols: typeof colsA, c: number) => row?.style ?? cols.get(c)?.style ?? 0;

  let rowReported = false;
  const compareCell = (r: number, c: number, contentA: string, styleA: number, contentB: string, styleB: number) => {
    if (isOwned(r, c)) return;
    const what = firstDifference(contentA, keyA(styleA), contentB, keyB(styleB), isDateFormat(a.styles.numFmts[styleA] ?? null));
    if (!what) return;
    tally.cells += 1;
    if (tally.cells <= NAMED_DIFFERENCES) found.push(`the ${what} of ${qualify(name, cellAddress(r, c))}`);
  };
  const compareRows = (ra: ScannedRow | undefined, rb: ScannedRow | undefined) => {
    const r = (ra ?? rb)!.row;
    const cellsA = ra?.cells ?? [];
    const cellsB = rb?.cells ?? [];
    let i = 0;
    let j = 0;
    while (i < cellsA.length || j < cellsB.length) {
      const ca = cellsA[i];
      const cb = cellsB[j];
      if (ca && (!cb || ca.col < cb.col)) {
        if (!coveredA(r, ca.col)) compareCell(r, ca.col, ca.content, ca.style, "", emptyStyle(rb, colsB, ca.col));
        i++;
      } else if (cb && (!ca || cb.col < ca.col)) {
        if (!coveredB(r, cb.col) && !coveredA(r, cb.col)) compareCell(r, cb.col, "", emptyStyle(ra, colsA, cb.col), cb.content, cb.style);
        j++;
      } else {
        if (!coveredA(r, ca!.col)) compareCell(r, ca!.col, ca!.content, ca!.style, cb!.content, cb!.style);
        i++;
        j++;
      }
    }
    if (rowReported) return;
    const where = `row ${r + 1} on sheet ${name}`;
    if (!!ra?.hidden !== !!rb?.hidden) found.push(`hidden ${where}`);
    else if (ra?.height != null && (rb?.height == null || Math.abs(ra.height - rb.height) > 0.01)) found.push(`the height of ${where}`);
    else if ((ra?.style ?? null) !== null && keyA(ra!.style!) !== keyB(rb?.style ?? 0)) found.push(`the format of ${where}`);
    else return;
    rowReported = true;
  };

  const rowsA = scanRows(xa, a.strings, isOwned);
  const rowsB = scanRows(xb, b.strings, isOwned);
  let ra = rowsA.next();
  let rb = rowsB.next();
  while (!ra.done || !rb.done) {
    if (!ra.done && (rb.done || ra.value.row < rb.value.row)) {
      compareRows(ra.value, undefined);
      ra = rowsA.next();
    } else if (!rb.done && (ra.done || rb.value.row < ra.value.row)) {
      compareRows(undefined, rb.value);
      rb = rowsB.next();
    } else {
      compareRows(ra.value as ScannedRow, rb.value as ScannedRow);
      ra = rowsA.next();
      rb = rowsB.next();
    }
  }

  for (const [c, look] of [...colsA].sort((x, y) => x[0] - y[0])) {
    if (ownedColumn(c)) continue;
    const out = colsB.get(c);
    const where = `column ${columnLetters(c)} on sheet ${name}`;
    if (look.width !== null && (out?.width == null || Math.abs(look.width - out.width) > 0.01)) { found.push(`the width of ${where}`); break; }
    if (look.style !== null && keyA(look.style) !== keyB(out?.style ?? 0)) { found.push(`the format of ${where}`); break; }
  }
}

/**
 * A sheet's hyperlinks as comparable text: cell, external target (through the sheet's relationships),
 * place in the workbook, tooltip and shown text, sorted; the add-in's own cells are left out.
 */
async function hyperlinksOf(zip: JSZip, part: string, xml: string, owned: (ref: string) => boolean): Promise<string[]> {
  const links = elements(first(afterSheetData(xml), "hyperlinks"), "hyperlink");
  if (links.length === 0) return [];
  const rels = new Map(parseRelationships(await readPart(zip, relsPathFor(part))).map((r) => [r.id, r.target]));
  const out: string[] = [];
  for (const link of links) {
    const tag = startTag(link);
    const ref = attr(tag, "ref") ?? "";
    if (owned(ref)) continue;
    const id = attr(tag, "r:id");
    out.push([ref, id ? rels.get(id) ?? `?${id}` : "", attr(tag, "location") ?? "", attr(tag, "tooltip") ?? "", attr(tag, "display") ?? ""].join("|"));
  }
  return out.sort();
}

/**
 * Lists what the output package lost or changed outside the add-in's own cells: at most
 * NAMED_DIFFERENCES cells are named, then a count of the rest. Reads the packages as they are
 * (nothing is unpacked twice that the caller already opened).
 * @example await lostInPackages(await JSZip.loadAsync(inputBytes), await JSZip.loadAsync(outputBytes), [{ sheet: "LAA", rect: { top: 4, left: 17, bottom: 50, right: 23 } }]) // => []
 */
export async function lostInPackages(input: JSZip, output: JSZip, owned: readonly OwnedArea[]): Promise<string[]> {
  const a = await openBook(input);
  const b = await openBook(output);
  const found: string[] = [];
  const tally = { cells: 0 };
  for (const [name, partA] of a.sheets) {
    const partB = b.sheets.get(name);
    if (!partB) { found.push(`the sheet ${name}`); continue; }
    if (owned.some((o) => o.sheet === name && o.rect === null)) continue;
    const stateA = a.states.get(name) ?? "visible";
    if (stateA !== (b.states.get(name) ?? "visible")) found.push(`the ${stateA} state of sheet ${name}`);
    const xa = (await readPart(input, partA)) ?? "";
    const xb = (await readPart(output, partB)) ?? "";
    // Hyperlinks are kept through the round trip (the cell's link with its text); check they all are.
    const { isOwned } = ownedOn(owned, name);
    const ownedRef = (ref: string) => {
      const at = cellRef(ref.split(":")[0]);
      return at !== null && isOwned(at[0], at[1]);
    };
    if (JSON.stringify(await hyperlinksOf(input, partA, xa, ownedRef)) !== JSON.stringify(await hyperlinksOf(output, partB, xb, ownedRef))) found.push(`hyperlinks on sheet ${name}`);
    // The same sheet text under the same styles and strings reads the same: nothing to scan.
    if (xa === xb && a.stylesXml === b.stylesXml && a.stringsXml === b.stringsXml) continue;
    compareSheet(name, a, xa, b, xb, owned, found, tally);
  }
  if (tally.cells > NAMED_DIFFERENCES) found.push(`${tally.cells - NAMED_DIFFERENCES} more cells`);
  return found;
}

/**
 * {@link lostInPackages} on package bytes.
 * @example await lostInRoundTrip(inputBytes, outputBytes, [{ sheet: "LAA", rect: { top: 4, left: 17, bottom: 50, right: 23 } }]) // => []
 */
export async function lostInRoundTrip(input: Uint8Array, output: Uint8Array, owned: readonly OwnedArea[]): Promise<string[]> {
  return lostInPackages(await JSZip.loadAsync(input), await JSZip.loadAsync(output), owned);
}
