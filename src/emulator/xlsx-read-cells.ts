/**
 * Reading a large sheet's plain cells without ExcelJS, which keeps an object per cell and its style
 * (most of the time and memory of opening a 100,000-row sheet). The sheet part ExcelJS is given
 * keeps only the cells it must interpret: formulas, inline and rich text, hyperlinks, merged areas,
 * anything unusual, and the first cell of each style, whose look is then copied to the other cells
 * of that style. The rest (numbers, plain shared strings, booleans, errors) are read here into
 * compact arrays, with ExcelJS 4.4's own reading rules (lib/xlsx/xform/sheet/cell-xform.js
 * parseClose and reconcile, lib/xlsx/xform/strings/text-xform.js), so the workbook is the same as
 * a full ExcelJS load; test/emulator/xlsx-read-cells.test.ts checks that on every sample. A sheet
 * this reader does not understand (namespace prefixes, cells without addresses, many merged areas)
 * is left to ExcelJS whole. Hand-written because no kept library reads part of a sheet and leaves
 * the rest to another reader (docs/architecture.md#performance).
 */
import { columnLetters } from "./address";

/** Plain shared strings by index (undefined: rich text or a form ExcelJS must read). */
export type PlainStrings = (string | undefined)[];

/** XML text to its characters: line ends normalised (XML 1.0, 2.11) and the predefined and numeric character references. */
function decodeXml(text: string): string {
  const normal = text.indexOf("\r") >= 0 ? text.replace(/\r\n?/g, "\n") : text;
  if (normal.indexOf("&") < 0) return normal;
  return normal.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e[0] !== "#") return ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e];
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The shared strings part's plain entries, as ExcelJS's text reader gives them (its _xHHHH_ escapes decoded). */
export function plainStrings(xml: string | null): PlainStrings {
  if (!xml) return [];
  const out: PlainStrings = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const inner = m[1] ?? "";
    const t = /^\s*(?:<t\/>|<t(?: xml:space="preserve")?>([^<]*)<\/t>)\s*$/.exec(inner);
    out.push(t ? decodeXml(t[1] ?? "").replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : undefined);
  }
  // Entries written another way (attributes on <si>, prefixes) would shift every index: trust none.
  return (xml.match(/<(?:\w+:)?si[\s/>]/g)?.length ?? 0) === out.length ? out : [];
}

/** Cells read here: parallel arrays, one entry per cell. */
export interface OwnCells {
  readonly rows: number[];
  readonly cols: number[];
  /** The cell's style index (0: none). */
  readonly styles: number[];
  /** 0 number, 1 text, 2 boolean, 3 error. */
  readonly kinds: number[];
  /** The number, the boolean as 0/1, or the index into `texts`. */
  readonly values: number[];
  readonly texts: string[];
  /** 0-based rows with a value here, with ExcelJS's height and hidden for them. */
  readonly rowLooks: Map<number, { height?: number; hidden: boolean }>;
  /** Style index -> [row, col] of the cell ExcelJS reads with that style. */
  readonly firstOfStyle: Map<number, [number, number]>;
}

/** "BC12" -> [11, 54]: 0-based row and column; null for anything else. */
function position(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  const row = Number(ref.slice(i));
  return i === 0 || !Number.isInteger(row) || row < 1 ? null : [row - 1, col - 1];
}

function attrOf(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

/** Merged areas and hyperlinked cells: ExcelJS must read the cells in them. */
function leftToExcelJs(xml: string): ((r: number, c: number) => boolean) | null {
  const areas: [number, number, number, number][] = [];
  for (const m of xml.matchAll(/<mergeCell ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g)) {
    const a = position(m[1]);
    const b = m[2] ? position(m[2]) : a;
    if (!a || !b) return null;
    areas.push([a[0], a[1], b[0], b[1]]);
  }
  if (areas.length > 200) return null;
  const linked = new Set<string>();
  for (const m of xml.matchAll(/<hyperlink\b[^>]*?\sref="([^"]*)"/g)) {
    if (!/^[A-Z]+\d+$/.test(m[1])) return null;
    linked.add(m[1]);
  }
  return (r, c) => areas.some(([r0, c0, r1, c1]) => r >= r0 && r <= r1 && c >= c0 && c <= c1) || (linked.size > 0 && linked.has(`${columnLetters(c)}${r + 1}`));
}

/**
 * Splits a sheet part: the part to give ExcelJS (only the cells it must read) and the cells read
 * here. Null when the sheet is left to ExcelJS whole.
 */
export function splitSheet(xml: string, strings: PlainStrings): { forExcelJs: string; own: OwnCells } | null {
  if (/<\w+:sheetData\b/.test(xml)) return null;
  const start = xml.indexOf("<sheetData");
  if (start < 0) return null;
  const openEnd = xml.indexOf(">", start);
  if (xml.charCodeAt(openEnd - 1) === 47) return null;
  const end = xml.indexOf("</sheetData>", openEnd);
  if (end < 0) return null;
  const tail = xml.slice(end);
  const excelJsCell = leftToExcelJs(tail);
  if (!excelJsCell) return null;
  const own: OwnCells = { rows: [], cols: [], styles: [], kinds: [], values: [], texts: [], rowLooks: new Map(), firstOfStyle: new Map() };
  const kept: string[] = [];
  let i = openEnd + 1;
  for (;;) {
    const rowAt = xml.indexOf("<row", i);
    if (rowAt < 0 || rowAt >= end) break;
    const rowGt = xml.indexOf(">", rowAt);
    const rowTag = xml.slice(rowAt, rowGt + 1);
    const r = Number(attrOf(rowTag, "r")) - 1;
    if (!Number.isInteger(r) || r < 0) return null;
    if (xml.charCodeAt(rowGt - 1) === 47) {
      i = rowGt + 1;
      continue;
    }
    const rowEnd = xml.indexOf("</row>", rowGt);
    if (rowEnd < 0) return null;
    let given = "";
    let hasValues = false;
    let ownHere = false;
    let j = rowGt + 1;
    for (;;) {
      const cAt = xml.indexOf("<c", j);
      if (cAt < 0 || cAt >= rowEnd) break;
      const next = xml.charCodeAt(cAt + 2);
      if (next !== 32 && next !== 62 && next !== 47) return null;
      const cGt = xml.indexOf(">", cAt);
      const selfClosing = xml.charCodeAt(cGt - 1) === 47;
      const cEnd = selfClosing ? cGt + 1 : xml.indexOf("</c>", cGt) + 4;
      if (cEnd < 4) return null;
      j = cEnd;
      const tag = xml.slice(cAt, selfClosing ? cGt - 1 : cGt);
      const ref = attrOf(tag, "r");
      const at = ref ? position(ref) : null;
      if (!at || at[0] !== r) return null;
      const s = Number(attrOf(tag, "s") ?? 0);
      const t = attrOf(tag, "t");
      const body = selfClosing ? "" : xml.slice(cGt + 1, cEnd - 4);
      const vAt = body.indexOf("<v>");
      const v = vAt >= 0 ? body.slice(vAt + 3, body.indexOf("</v>", vAt)) : undefined;
      const plain = body.indexOf("<f") < 0 && body.indexOf("<is") < 0 && (body === "" || (vAt >= 0 && body.indexOf("<", vAt + 3) === vAt + 3 + (v?.length ?? 0)));
      let kind = -1;
      let value = 0;
      if (plain && !excelJsCell(r, at[1])) {
        if (v === undefined || v === "") {
          // ExcelJS: a cell with no value is blank (with a style) or a merged cell's part (without).
          if (!s) hasValues = true;
          continue;
        }
        if (t === undefined || t === "n") { kind = 0; value = parseFloat(v); }
        else if (t === "s" && strings[parseInt(v, 10)] !== undefined) { kind = 1; value = own.texts.push(strings[parseInt(v, 10)]!) - 1; }
        else if (t === "b") { kind = 2; value = parseInt(v, 10) !== 0 ? 1 : 0; }
        else if (t === "e") { kind = 3; value = own.texts.push(decodeXml(v)) - 1; }
      }
      hasValues = true;
      if (kind < 0 || (s && !own.firstOfStyle.has(s))) {
        if (kind >= 0) own.firstOfStyle.set(s, at);
        given += xml.slice(cAt, cEnd);
        continue;
      }
      ownHere = true;
      own.rows.push(r);
      own.cols.push(at[1]);
      own.styles.push(s);
      own.kinds.push(kind);
      own.values.push(value);
    }
    if (hasValues && (ownHere || !given)) {
      const ht = attrOf(rowTag, "ht");
      const hidden = attrOf(rowTag, "hidden");
      own.rowLooks.set(r, { ...(ht !== undefined ? { height: parseFloat(ht) } : {}), hidden: hidden === "1" || hidden === "true" });
    }
    if (given) kept.push(`${rowTag}${given}</row>`);
    i = rowEnd + 6;
  }
  return { forExcelJs: `${xml.slice(0, openEnd + 1)}${kept.join("")}${tail}`, own };
}

/** ExcelJS's rule for a date format (lib/utils/utils.js isDateFmt): y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
