/**
 * Restores, in the saved package, the look of everything the add-in does not own: cell formats
 * (fonts, fills, borders, alignment including indent and rotation, protection, number formats,
 * theme colours), blank formatted cells, row heights and hidden rows, column widths and hidden
 * columns, merged cells and the workbook's theme. The emulator keeps only part of a cell's format
 * (ROUND_TRIP_LOSSES in src/emulator/xlsx.ts), so the runner copies the input's own definitions
 * (styles.xml entries, <row>, <col>, <mergeCells>) into the output and points the cells at them.
 *
 * Done on the package text rather than through a second ExcelJS load and save, because ExcelJS
 * would drop what the emulator's writer added after it (the add-in's settings part, the status
 * rules' attributes, the chart parts) and costs seconds on a large workbook. Values and formulas
 * are not touched here: the emulator keeps them, and the no-data-loss check (verify.ts) confirms it.
 */
import JSZip from "jszip";
import { ByteSink } from "../emulator/byte-sink";
import { readPart, worksheetParts, writePart } from "../emulator/xlsx-charts/package";
import { joinAroundRows, scanTopLevel, sheetDataAt, splitAroundRows } from "../emulator/xlsx-charts/xml";
import type { SheetCarry } from "./package-parts";
import type { OwnedArea } from "./verify";

/** The styles.xml lists the runner merges (ECMA-376 Part 1, 18.8). */
interface StyleTables {
  numFmts: Map<number, string>;
  fonts: string[];
  fills: string[];
  borders: string[];
  xfs: string[];
}

function elements(block: string | undefined, tag: string): string[] {
  if (!block) return [];
  const re = new RegExp(`<${tag}(?=[\\s/>])(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${tag}>)`, "g");
  return block.match(re) ?? [];
}

function block(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}(?=[\\s/>])(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${tag}>)`).exec(xml)?.[0];
}

/** Attribute patterns by name, compiled once (a large sheet asks for the same few millions of times). */
const attrPatterns = new Map<string, RegExp>();
function attrPattern(name: string): RegExp {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}="([^"]*)"`);
    attrPatterns.set(name, re);
  }
  return re;
}

function attr(tag: string, name: string): string | null {
  return attrPattern(name).exec(tag)?.[1] ?? null;
}

function setAttr(tag: string, name: string, value: string): string {
  const start = /^<[^>]*?(?=\/?>)/.exec(tag)?.[0] ?? tag;
  const re = attrPattern(name);
  const updated = re.test(start) ? start.replace(re, ` ${name}="${value}"`) : `${start} ${name}="${value}"`;
  return updated + tag.slice(start.length);
}

function parseStyles(xml: string): StyleTables {
  const numFmts = new Map<number, string>();
  for (const n of elements(block(xml, "numFmts"), "numFmt")) numFmts.set(Number(attr(n, "numFmtId")), attr(n, "formatCode") ?? "General");
  return {
    numFmts,
    fonts: elements(block(xml, "fonts"), "font"),
    fills: elements(block(xml, "fills"), "fill"),
    borders: elements(block(xml, "borders"), "border"),
    xfs: elements(block(xml, "cellXfs"), "xf"),
  };
}

/** Maps the input's cell formats (cellXfs indexes) to equal formats appended to the output's styles. */
export class StyleMerger {
  private readonly input: StyleTables;
  private readonly output: StyleTables;
  private readonly cache = new Map<number, number>();
  private changed = false;

  constructor(inputXml: string, private readonly outputXml: string) {
    this.input = parseStyles(inputXml);
    this.output = parseStyles(outputXml);
  }

  private indexOf(list: string[], item: string | undefined): number {
    if (item === undefined) return 0;
    const at = list.indexOf(item);
    if (at >= 0) return at;
    list.push(item);
    this.changed = true;
    return list.length - 1;
  }

  private numFmt(id: number): number {
    if (id < 164) return id;
    const code = this.input.numFmts.get(id);
    if (code === undefined) return 0;
    for (const [k, v] of this.output.numFmts) if (v === code) return k;
    const next = Math.max(163, ...this.output.numFmts.keys()) + 1;
    this.output.numFmts.set(next, code);
    this.changed = true;
    return next;
  }

  /**
   * The output cellXfs index with the same look as the input's index `s`.
   * @example merger.map(4) // 11: an xf appended with the input's font, fill, border and alignment
   */
  map(s: number): number {
    const hit = this.cache.get(s);
    if (hit !== undefined) return hit;
    const xf = this.input.xfs[s] ?? this.input.xfs[0];
    if (!xf) return 0;
    let out = xf;
    out = setAttr(out, "fontId", String(this.indexOf(this.output.fonts, this.input.fonts[Number(attr(xf, "fontId") ?? 0)])));
    out = setAttr(out, "fillId", String(this.indexOf(this.output.fills, this.input.fills[Number(attr(xf, "fillId") ?? 0)])));
    out = setAttr(out, "borderId", String(this.indexOf(this.output.borders, this.input.borders[Number(attr(xf, "borderId") ?? 0)])));
    out = setAttr(out, "numFmtId", String(this.numFmt(Number(attr(xf, "numFmtId") ?? 0))));
    out = setAttr(out, "xfId", "0");
    const index = this.indexOf(this.output.xfs, out);
    this.cache.set(s, index);
    return index;
  }

  /** The output's styles.xml with the appended entries (unchanged text when nothing was appended). */
  xml(): string {
    if (!this.changed) return this.outputXml;
    let xml = this.outputXml;
    const replace = (tag: string, child: string, items: string[]) => {
      const old = block(xml, tag);
      const inner = items.join("");
      const open = old ? setAttr(/^<[^>]*?(?=\/?>)/.exec(old)![0] + ">", "count", String(items.length)).replace(/\/>$/, ">") : `<${tag} count="${items.length}">`;
      const next = `${open.endsWith(">") ? open : open + ">"}${inner}</${tag}>`;
      if (old) xml = xml.replace(old, () => next);
      else if (child === "numFmt") xml = xml.replace(/(<styleSheet[^>]*>)/, (m) => m + next);
    };
    const fmts = [...this.output.numFmts].map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`);
    if (fmts.length > 0) replace("numFmts", "numFmt", fmts);
    replace("fonts", "font", this.output.fonts);
    replace("fills", "fill", this.output.fills);
    replace("borders", "border", this.output.borders);
    replace("cellXfs", "xf", this.output.xfs);
    return xml;
  }
}

/** CT_Worksheet children that come before mergeCells (ECMA-376 Part 1, 18.3.1.99). */
const BEFORE_MERGE_CELLS = new Set([
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews",
]);

/**
 * Inserts a <mergeCells> element at its schema position, unless the part already has one.
 * @example withMergeCells(`<worksheet><sheetData/><pageMargins/></worksheet>`, `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`)
 *   // => `<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins/></worksheet>`
 */
export function withMergeCells(xml: string, mergeCells: string | null): string {
  if (!mergeCells) return xml;
  const outline = scanTopLevel(xml, "worksheet");
  if (outline.children.some((c) => c.localName === "mergeCells")) return xml;
  const prefix = /^<(\w+):/.exec(outline.root.startTag)?.[1];
  const element = prefix ? mergeCells.replace(/<(\/?)(?:\w+:)?(mergeCells|mergeCell)\b/g, `<$1${prefix}:$2`) : mergeCells.replace(/<(\/?)\w+:(mergeCells|mergeCell)\b/g, "<$1$2");
  const before = outline.children.filter((c) => BEFORE_MERGE_CELLS.has(c.localName));
  const at = before.length > 0 ? before[before.length - 1].end : outline.root.start + outline.root.startTag.length;
  return xml.slice(0, at) + element + xml.slice(at);
}

/** "BC12" -> [11, 54] (0-based row, 1-based column number for sorting); [-1, -1] for anything else. */
function cellPosition(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === 0 || i === ref.length) return [-1, -1];
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return [-1, -1];
  }
  return [Number(ref.slice(i)) - 1, col];
}

/** Whether the character at `i` may follow an element name (whitespace, "/" or ">"). */
function endsName(xml: string, i: number): boolean {
  const ch = xml.charCodeAt(i);
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

/**
 * Every element `<name ...>...</name>` or `<name .../>` in xml[from, to), whole, in order (elements
 * of that name do not nest here: rows in sheet data, cells in a row).
 */
function each(xml: string, name: string, from: number, to: number, visit: (element: string) => void): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    if (!endsName(xml, at + open.length)) {
      at = xml.indexOf(open, at + 1);
      continue;
    }
    const gt = xml.indexOf(">", at);
    if (gt < 0) return;
    const end = xml.charCodeAt(gt - 1) === 47 ? gt + 1 : xml.indexOf(close, gt) + close.length;
    if (end < close.length) return;
    visit(xml.slice(at, end));
    at = xml.indexOf(open, end);
  }
}

/** The start tag of an element without its closing ">" or "/>". */
function openTag(element: string): string {
  const gt = element.indexOf(">");
  return element.slice(0, element.charCodeAt(gt - 1) === 47 ? gt - 1 : gt);
}

/** {@link attr} for attributes written ` name="..."` (as every writer does), else by the pattern. */
function quickAttr(tag: string, name: string): string | null {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return attr(tag, name);
  const start = at + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

/** {@link setAttr} on a cell: its start tag's s set to `value`. */
function withStyle(cell: string, value: string): string {
  const start = openTag(cell);
  const at = start.indexOf(' s="');
  if (at < 0) return setAttr(cell, "s", value);
  const close = start.indexOf('"', at + 4);
  return start.slice(0, at + 4) + value + cell.slice(close);
}

interface RowInfo {
  tag: string;
  cells: Map<number, string>;
}

function parseRows(xml: string, from: number, to: number): Map<number, RowInfo> {
  const rows = new Map<number, RowInfo>();
  each(xml, "row", from, to, (row) => {
    const tag = openTag(row);
    const r = Number(attr(tag, "r"));
    const cells = new Map<number, string>();
    each(row, "c", tag.length, row.length, (c) => { cells.set(cellPosition(quickAttr(openTag(c), "r") ?? "")[1], c); });
    rows.set(r, { tag, cells });
  });
  return rows;
}

const ROW_LOOK = ["ht", "customHeight", "hidden", "outlineLevel", "collapsed", "thickTop", "thickBot", "s", "customFormat"];

function ownedColumns(owned: readonly OwnedArea[], sheet: string): (col1: number) => boolean {
  const rects = owned.filter((o) => o.sheet === sheet && o.rect).map((o) => o.rect!);
  return (col1) => rects.some((r) => col1 - 1 >= r.left && col1 - 1 <= r.right);
}

function cellOwned(owned: readonly OwnedArea[], sheet: string, row0: number, col1: number): boolean {
  return owned.some((o) => o.sheet === sheet && (o.rect === null || (row0 >= o.rect.top && row0 <= o.rect.bottom && col1 - 1 >= o.rect.left && col1 - 1 <= o.rect.right)));
}

/** Rebuilds <sheetData>: the output's cells, pointed at the input's looks, plus the input's formatted blank cells and row attributes. */
function mergeSheetData(inputXml: string, outputXml: string, sheet: string, owned: readonly OwnedArea[], styles: StyleMerger): string {
  const inAt = sheetDataAt(inputXml);
  const outAt = sheetDataAt(outputXml);
  if (!outAt) return outputXml;
  const inRows = inAt ? parseRows(inputXml, inAt[0], inAt[1]) : new Map<number, RowInfo>();
  const outRows = parseRows(outputXml, outAt[0], outAt[1]);
  const numbers = [...new Set([...inRows.keys(), ...outRows.keys()])].sort((a, b) => a - b);
  let body = "";
  for (const r of numbers) {
    const inRow = inRows.get(r);
    const outRow = outRows.get(r);
    let tag = outRow?.tag ?? `<row r="${r}"`;
    for (const a of ROW_LOOK) tag = tag.replace(attrPattern(a), "");
    if (inRow) {
      for (const a of ROW_LOOK) {
        const v = attr(inRow.tag, a);
        if (v !== null) tag += ` ${a}="${a === "s" ? styles.map(Number(v)) : v}"`;
      }
    }
    const cells = new Map<number, string>(outRow?.cells ?? []);
    for (const [col, c] of cells) {
      if (cellOwned(owned, sheet, r - 1, col)) continue;
      const inCell = inRow?.cells.get(col);
      cells.set(col, withStyle(c, String(styles.map(Number((inCell && quickAttr(openTag(inCell), "s")) ?? 0)))));
    }
    for (const [col, c] of inRow?.cells ?? []) {
      if (cells.has(col) || cellOwned(owned, sheet, r - 1, col)) continue;
      const open = openTag(c);
      const s = quickAttr(open, "s");
      if (s !== null && s !== "0") cells.set(col, `<c r="${quickAttr(open, "r")}" s="${styles.map(Number(s))}"/>`);
    }
    if (cells.size === 0 && !inRow) continue;
    const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c).join("");
    body += ordered ? `${tag}>${ordered}</row>` : `${tag}/>`;
  }
  const open = openTag(outputXml.slice(outAt[0], outputXml.indexOf(">", outAt[0]) + 1));
  return `${outputXml.slice(0, outAt[0])}${open}>${body}</sheetData>${outputXml.slice(outAt[1])}`;
}

/** A row element's place: its number, start tag (without ">") and where its cells are, [from, to). */
interface RowSpan {
  readonly r: number;
  readonly tag: string;
  readonly from: number;
  readonly to: number;
}

/** The rows of xml[from, to) in document order; null once a row has no number or comes out of order. */
function rowSpans(xml: string, from: number, to: number): RowSpan[] | null {
  const out: RowSpan[] = [];
  let last = 0;
  let at = xml.indexOf("<row", from);
  while (at >= 0 && at < to) {
    if (!endsName(xml, at + 4)) {
      at = xml.indexOf("<row", at + 1);
      continue;
    }
    const gt = xml.indexOf(">", at);
    const tag = openTag(xml.slice(at, gt + 1));
    const r = Number(quickAttr(tag, "r"));
    if (!Number.isInteger(r) || r <= last) return null;
    last = r;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push({ r, tag, from: gt + 1, to: gt + 1 });
      at = xml.indexOf("<row", gt + 1);
      continue;
    }
    const close = xml.indexOf("</row>", gt);
    if (close < 0) return null;
    out.push({ r, tag, from: gt + 1, to: close });
    at = xml.indexOf("<row", close + 6);
  }
  return out;
}

/** A row's cells as [1-based column, element], in column order. */
function cellsOf(xml: string, span: RowSpan | undefined): [number, string][] {
  const cells: [number, string][] = [];
  if (!span || span.from === span.to) return cells;
  let ordered = true;
  each(xml, "c", span.from, span.to, (c) => {
    const col = cellPosition(quickAttr(openTag(c), "r") ?? "")[1];
    if (cells.length > 0 && col <= cells[cells.length - 1][0]) ordered = false;
    cells.push([col, c]);
  });
  return ordered ? cells : cells.sort((a, b) => a[0] - b[0]);
}

/** A row's cells as [1-based column, start tag without ">"], in column order: the input's cells are only looked at for their style. */
function cellTagsOf(xml: string, span: RowSpan | undefined): [number, string][] {
  const cells: [number, string][] = [];
  if (!span || span.from === span.to) return cells;
  let ordered = true;
  let at = xml.indexOf("<c", span.from);
  while (at >= 0 && at < span.to) {
    if (!endsName(xml, at + 2)) {
      at = xml.indexOf("<c", at + 1);
      continue;
    }
    const gt = xml.indexOf(">", at);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const tag = xml.slice(at, selfClosing ? gt - 1 : gt);
    const col = cellPosition(quickAttr(tag, "r") ?? "")[1];
    if (cells.length > 0 && col <= cells[cells.length - 1][0]) ordered = false;
    cells.push([col, tag]);
    const end = selfClosing ? gt + 1 : xml.indexOf("</c>", gt) + 4;
    if (end < 4) break;
    at = xml.indexOf("<c", end);
  }
  return ordered ? cells : cells.sort((a, b) => a[0] - b[0]);
}

/**
 * {@link mergeSheetData} walking the input's and the output's rows side by side (both in row order,
 * as SpreadsheetML requires), one row at a time: no map of every row is built, which on a large sheet
 * was most of this phase's time and memory. Null when a sheet's rows are not in order (the caller
 * then merges through maps).
 */
function mergeSheetDataInOrder(inputXml: string, outputXml: string, sheet: string, owned: readonly OwnedArea[], styles: StyleMerger, finish: (head: string, tail: string) => [string, string]): Uint8Array | null {
  const inAt = sheetDataAt(inputXml);
  const outAt = sheetDataAt(outputXml);
  if (!outAt) return null;
  const inRows = inAt ? rowSpans(inputXml, inAt[0], inAt[1]) : [];
  const outRows = rowSpans(outputXml, outAt[0], outAt[1]);
  if (!inRows || !outRows) return null;
  const rects = owned.filter((o) => o.sheet === sheet);
  const isOwned = (row0: number, col1: number) => rects.some((o) => o.rect === null || (row0 >= o.rect.top && row0 <= o.rect.bottom && col1 - 1 >= o.rect.left && col1 - 1 <= o.rect.right));
  // Each row is written as it is made, so no row's text outlives the loop.
  const sink = new ByteSink(outputXml.length + inputXml.length / 4);
  const byText = new Map<string, string>();
  const mapped = (s: string) => {
    let out = byText.get(s);
    if (out === undefined) byText.set(s, (out = String(styles.map(Number(s)))));
    return out;
  };
  let i = 0;
  let j = 0;
  while (i < inRows.length || j < outRows.length) {
    const a = inRows[i];
    const b = outRows[j];
    const r = a && (!b || a.r <= b.r) ? a.r : b.r;
    const inRow = a && a.r === r ? a : undefined;
    const outRow = b && b.r === r ? b : undefined;
    if (inRow) i++;
    if (outRow) j++;
    let tag = outRow?.tag ?? `<row r="${r}"`;
    // The output's rows are written with single spaces between attributes (xlsx-cells.ts, ExcelJS).
    for (const name of ROW_LOOK) if (tag.includes(` ${name}="`)) tag = tag.replace(attrPattern(name), "");
    if (inRow) {
      for (const name of ROW_LOOK) {
        const v = attr(inRow.tag, name);
        if (v !== null) tag += ` ${name}="${name === "s" ? styles.map(Number(v)) : v}"`;
      }
    }
    const ins = cellTagsOf(inputXml, inRow);
    const outs = cellsOf(outputXml, outRow);
    let cells = "";
    let x = 0;
    let y = 0;
    while (x < ins.length || y < outs.length) {
      const inCell = ins[x];
      const outCell = outs[y];
      if (outCell && (!inCell || outCell[0] <= inCell[0])) {
        const match = inCell && inCell[0] === outCell[0] ? inCell[1] : undefined;
        if (match) x++;
        y++;
        cells += isOwned(r - 1, outCell[0]) ? outCell[1] : withStyle(outCell[1], mapped((match && quickAttr(match, "s")) ?? "0"));
        continue;
      }
      x++;
      if (isOwned(r - 1, inCell[0])) continue;
      const open = inCell[1];
      const s = quickAttr(open, "s");
      if (s !== null && s !== "0") cells += `<c r="${quickAttr(open, "r")}" s="${mapped(s)}"/>`;
    }
    if (!cells && !inRow) continue;
    sink.write(cells ? `${tag}>${cells}</row>` : `${tag}/>`);
  }
  // The text around the rows is finished after them: the columns' styles are mapped after the cells'.
  const [before, after] = finish(outputXml.slice(0, outAt[0]), outputXml.slice(outAt[1]));
  const encoder = new TextEncoder();
  const head = encoder.encode(`${before}${openTag(outputXml.slice(outAt[0], outputXml.indexOf(">", outAt[0]) + 1))}>`);
  const rows = sink.bytes();
  const tail = encoder.encode(`</sheetData>${after}`);
  const out = new Uint8Array(head.length + rows.length + tail.length);
  out.set(head, 0);
  out.set(rows, head.length);
  out.set(tail, head.length + rows.length);
  return out;
}

/** Per-column look from <cols>: 1-based column to the <col> attributes other than min and max. */
function columnLooks(xml: string, styles: StyleMerger | null): Map<number, string> {
  const out = new Map<number, string>();
  for (const col of elements(block(xml, "cols"), "col")) {
    const min = Number(attr(col, "min"));
    const max = Math.min(Number(attr(col, "max")), 16384);
    let rest = col.replace(/^<col/, "").replace(/\/?>$/, "").replace(/\s(min|max)="[^"]*"/g, "");
    const s = attr(col, "style");
    if (styles && s !== null) rest = rest.replace(/\sstyle="[^"]*"/, ` style="${styles.map(Number(s))}"`);
    for (let c = min; c <= max; c++) out.set(c, rest);
  }
  return out;
}

/** Rebuilds <cols>: the input's columns, except those the add-in owns, which keep the output's. */
function mergeCols(inputXml: string, outputXml: string, sheet: string, owned: readonly OwnedArea[], styles: StyleMerger): string {
  const inLooks = columnLooks(inputXml, styles);
  const outLooks = columnLooks(outputXml, null);
  const isOwned = ownedColumns(owned, sheet);
  const merged = new Map<number, string>();
  for (const c of new Set([...inLooks.keys(), ...outLooks.keys()])) {
    const look = isOwned(c) ? outLooks.get(c) : inLooks.get(c);
    if (look !== undefined) merged.set(c, look);
  }
  const cols = [...merged.keys()].sort((a, b) => a - b);
  let text = "";
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1 && merged.get(cols[j + 1]) === merged.get(cols[i])) j += 1;
    text += `<col min="${cols[i]}" max="${cols[j]}"${merged.get(cols[i])}/>`;
    i = j + 1;
  }
  const old = block(outputXml, "cols");
  if (!text) return old ? outputXml.replace(old, "") : outputXml;
  if (old) return outputXml.replace(old, () => `<cols>${text}</cols>`);
  return outputXml.replace(/<sheetData(?=[\s/>])/, () => `<cols>${text}</cols><sheetData`);
}

/**
 * Restores the look of the user's sheets in `output` from `input` (matched by sheet name), leaving
 * the add-in's own cells and sheets as the add-in wrote them.
 */
export async function restoreLook(input: Uint8Array, output: Uint8Array, carry: ReadonlyMap<string, SheetCarry>, owned: readonly OwnedArea[]): Promise<Uint8Array> {
  const outZip = await JSZip.loadAsync(output);
  await restoreLookInZip(await JSZip.loadAsync(input), outZip, carry, owned);
  return new Uint8Array(await outZip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

/** {@link restoreLook} on opened packages: changes `outZip` in place. */
export async function restoreLookInZip(inZip: JSZip, outZip: JSZip, carry: ReadonlyMap<string, SheetCarry>, owned: readonly OwnedArea[]): Promise<void> {
  const inStyles = await readPart(inZip, "xl/styles.xml");
  const outStyles = await readPart(outZip, "xl/styles.xml");
  if (!inStyles || !outStyles) return;
  const styles = new StyleMerger(inStyles, outStyles);
  const inParts = await worksheetParts(inZip);
  const outParts = await worksheetParts(outZip);
  for (const [sheet, inPart] of inParts) {
    const outPart = outParts.get(sheet);
    if (!outPart || owned.some((o) => o.sheet === sheet && o.rect === null)) continue;
    const inXml = await readPart(inZip, inPart);
    let xml = await readPart(outZip, outPart);
    if (!inXml || !xml) continue;
    // The sheet's rows go into the part as bytes; the text around them is finished as a small string.
    const inOrder = mergeSheetDataInOrder(inXml, xml, sheet, owned, styles, (head, tail) => {
      const around = withMergeCells(mergeCols(inXml, joinAroundRows(head, tail), sheet, owned, styles), carry.get(sheet)?.mergeCells ?? null);
      // The columns and merged areas go beside the rows, never in their place.
      const parts = splitAroundRows(around);
      if (!parts) throw new Error(`The place of the rows of sheet ${sheet} was lost while its look was restored`);
      return parts;
    });
    if (inOrder) {
      outZip.file(outPart, inOrder);
      continue;
    }
    xml = mergeSheetData(inXml, xml, sheet, owned, styles);
    xml = mergeCols(inXml, xml, sheet, owned, styles);
    xml = withMergeCells(xml, carry.get(sheet)?.mergeCells ?? null);
    writePart(outZip, outPart, xml);
  }
  writePart(outZip, "xl/styles.xml", styles.xml());
  const theme = await readPart(inZip, "xl/theme/theme1.xml");
  if (theme && outZip.file("xl/theme/theme1.xml")) outZip.file("xl/theme/theme1.xml", theme);
}
