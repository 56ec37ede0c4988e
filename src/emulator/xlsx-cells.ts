/**
 * The cells of each sheet written as SpreadsheetML text (ECMA-376 Part 1, 18.3.1.73 row, 18.3.1.4 c,
 * 18.4.9 sst), after ExcelJS has written everything else. ExcelJS 4.4 keeps an object per cell and
 * works out each cell's style on every save, which is most of the cost of saving a large sheet; here
 * ExcelJS is given one cell of each distinct look (so styles.xml holds that look, and its `s` index is
 * reused for every cell with the same look), the cells whose rich text or hyperlink it writes, and
 * the first plain text cell (so the shared strings part exists). Everything else is written here, in
 * the same form ExcelJS writes it: the same escaping, shared strings, result types of formulas.
 * Hand-written because no kept library writes cells into a package another writer made (see
 * docs/architecture.md#performance).
 */
import type JSZip from "jszip";
import { type CellRect, columnLetters, formatAddress } from "./address";
import { type CellModel, DEFAULT_ROW_HEIGHT, type SheetModel, type TableModel } from "./model";
import { ByteSink } from "./byte-sink";
import { readPart, writePart } from "./xlsx-charts/package";
import { sheetDataAt } from "./xlsx-charts/xml";

/** The text of a cell's look: equal for cells ExcelJS would give the same style ("" for none). */
export function lookKey(cell: CellModel): string {
  if (!(cell.numberFormat || cell.fill || cell.font || cell.horizontalAlignment || cell.wrapText || cell.verticalAlignment || cell.borders)) return "";
  const f = cell.font;
  const font = f ? `${f.bold ? 1 : 0}${f.italic ? 1 : 0}|${f.color ?? ""}|${f.name ?? ""}|${f.size ?? ""}` : "";
  return `${cell.numberFormat ?? ""}\u0001${cell.fill ?? ""}\u0001${font}\u0001${cell.horizontalAlignment ?? ""}\u0001${cell.wrapText ? 1 : 0}\u0001${cell.verticalAlignment ?? ""}\u0001${cell.borders ? JSON.stringify(cell.borders) : ""}`;
}

/** A rich-text or hyperlink value ExcelJS writes (shown text unchanged since it was read). */
function isKept(cell: CellModel): boolean {
  return cell.formula === undefined && !cell.error && cell.kept !== undefined && cell.value === cell.kept.text;
}

/** What one sheet's cells need from ExcelJS's output, worked out before ExcelJS writes. */
export interface SheetCellsPlan {
  readonly sheet: SheetModel;
  /** For each cell in row-major order, the index of its look in `looks` (0: no look). */
  readonly lookOf: number[];
  /** Per look index, the 0-based [row, col] of the cell ExcelJS writes with it. */
  readonly looks: [number, number][];
  /** "row,col" of the rich-text and hyperlink cells ExcelJS writes. */
  readonly kept: Set<string>;
  /** Table header cells the sheet leaves empty, with the text ExcelJS names their columns (Column1, ...). */
  readonly headers: readonly (readonly [row: number, col: number, name: string])[];
  /** Table parts to size: name -> the table's whole range. */
  readonly tables: Map<string, TableModel>;
  /** The range of the cells written (the sheet's dimension), or null when none is. */
  readonly bounds: CellRect | null;
}

/** Whether the workbook has given ExcelJS a plain text cell yet (so it writes the shared strings part). */
export interface CellsPass {
  textGiven: boolean;
}

export function cellsPass(): CellsPass {
  return { textGiven: false };
}

/**
 * Plans one sheet: calls `give(cell, row, col, key)` for each cell ExcelJS must write (the first of
 * each look, kept rich text and hyperlinks, the workbook's first text cell, the sheet's first cell).
 * Header cells of tables the sheet leaves empty get ExcelJS's column name, written here.
 */
export function planSheetCells(sheet: SheetModel, tables: readonly TableModel[], pass: CellsPass, give: (cell: CellModel, row: number, col: number, key: string) => void): SheetCellsPlan {
  const lookOf: number[] = [];
  const looks: [number, number][] = [[-1, -1]];
  const index = new Map<string, number>([["", 0]]);
  const kept = new Set<string>();
  const headers: [number, number, string][] = [];
  const sized = new Map<string, TableModel>();
  for (const t of tables) {
    for (let j = 0; j < t.rect.colCount; j++) {
      if (!sheet.cell(t.rect.row, t.rect.col + j)) headers.push([t.rect.row, t.rect.col + j, `Column${j + 1}`]);
    }
    sized.set(t.name, t);
  }
  let first = true;
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const extend = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const [r, c] of headers) extend(r, c);
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      const key = lookKey(cell);
      let at = index.get(key);
      let given = false;
      if (at === undefined) {
        at = looks.length;
        index.set(key, at);
        looks.push([r, c]);
        given = true;
      }
      lookOf.push(at);
      // cellXml writes nothing only for a blank cell with no formula and no look.
      if (cell.value !== null || cell.formula !== undefined || key !== "") extend(r, c);
      if (isKept(cell)) {
        kept.add(`${r},${c}`);
        given = true;
      } else if (!pass.textGiven && typeof cell.value === "string" && cell.formula === undefined && !cell.error) {
        pass.textGiven = true;
        given = true;
      }
      // The sheet's first cell gives ExcelJS a <dimension> and a <sheetData> to replace.
      if (given || first) give(cell, r, c, key);
      first = false;
    });
  });
  const bounds = bottom >= 0 ? { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 } : null;
  return { sheet, lookOf, looks, kept, headers, tables: sized, bounds };
}

/**
 * Text escaped as ExcelJS escapes it (lib/utils/utils.js xmlEncode): the five XML characters as
 * entities; control characters XML 1.0 does not allow, and DEL, dropped.
 */
export function escapeText(text: string): string {
  if (!/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/.test(text)) return text;
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g, (ch) => ENTITIES[ch] ?? "");
}
const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/** The shared strings part: ExcelJS's entries first (its cells point at them), then the ones added here. */
export class SharedStrings {
  private readonly entries: string[];
  private readonly index = new Map<string, number>();
  /** Texts already added, so a repeated text is neither escaped nor rendered again. */
  private readonly byText = new Map<string, number>();
  private readonly head: string;
  /** References to the part from cells (the sst count attribute). */
  count = 0;

  constructor(xml: string | null) {
    this.head = xml ? (/^[\s\S]*?<sst\b[^>]*?(?=\/?>)/.exec(xml)?.[0] ?? "") : "";
    this.entries = xml ? (xml.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? []) : [];
    this.entries.forEach((e, i) => { if (!this.index.has(e)) this.index.set(e, i); });
  }

  /** The index of `text`, added when new (rendered as ExcelJS's shared string and text writers do). */
  add(text: string): number {
    this.count += 1;
    let at = this.byText.get(text);
    if (at !== undefined) return at;
    const entry = /^\s|\n|\s$/.test(text) ? `<si><t xml:space="preserve">${escapeText(text)}</t></si>` : `<si><t>${escapeText(text)}</t></si>`;
    at = this.index.get(entry);
    if (at === undefined) {
      at = this.entries.length;
      this.entries.push(entry);
      this.index.set(entry, at);
    }
    this.byText.set(text, at);
    return at;
  }

  /** Whether ExcelJS wrote the part (cells here are never written without it). */
  get exists(): boolean {
    return this.head !== "";
  }

  xml(): string {
    const open = this.head.replace(/\s(count|uniqueCount)="[^"]*"/g, "");
    return `${open} count="${this.count}" uniqueCount="${this.entries.length}">${this.entries.join("")}</sst>`;
  }
}

/** ExcelJS's cells in a sheet part: address -> [the whole <c> element, its s attribute or ""]. */
function writtenCells(xml: string, from: number, to: number): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  const re = /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) out.set(m[1], [m[0], / s="(\d+)"/.exec(m[2])?.[1] ?? ""]);
  return out;
}

/** One cell's element (no look: s omitted), or "" for a blank cell without a look. */
function cellXml(cell: CellModel, ref: string, s: string, strings: SharedStrings): string {
  const style = s && s !== "0" ? ` s="${s}"` : "";
  const v = cell.value;
  if (cell.formula !== undefined) {
    const f = `<f>${escapeText(cell.formula.slice(1))}</f>`;
    if (v === null) return `<c r="${ref}"${style}>${f}</c>`;
    if (cell.error) return `<c r="${ref}"${style} t="e">${f}<v>${escapeText(String(v))}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${style} t="str">${f}<v>${escapeText(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${style}>${f}<v>${v}</v></c>`;
  }
  if (v === null) return style ? `<c r="${ref}"${style}/>` : "";
  if (cell.error) return `<c r="${ref}"${style} t="e"><v>${escapeText(String(v))}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${style} t="s"><v>${strings.add(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style}><v>${v}</v></c>`;
}

/** The 0-based rows a sheet writes: those with cells and those with a height or hidden. */
function rowNumbers(sheet: SheetModel): number[] {
  let last = sheet.rows.length - 1;
  for (const r of sheet.hiddenRows) last = Math.max(last, r);
  for (const r of sheet.rowHeights.keys()) last = Math.max(last, r);
  const out: number[] = [];
  for (let r = 0; r <= last; r++) if (sheet.rows[r] || sheet.hiddenRows.has(r) || sheet.rowHeights.has(r)) out.push(r);
  return out;
}

/**
 * A sheet part (as UTF-8 bytes) with its <sheetData> and <dimension> replaced by every cell of the
 * plan: ExcelJS's own elements for rich text and hyperlinks, the rest written here with the `s`
 * ExcelJS gave the cell of the same look. Row heights and hidden rows are written on the rows.
 */
export function writeSheetCells(xml: string, plan: SheetCellsPlan, strings: SharedStrings): Uint8Array {
  const at = sheetDataAt(xml);
  if (!at) return new TextEncoder().encode(xml);
  const written = writtenCells(xml, at[0], at[1]);
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetters(c));
  const styleOf = plan.looks.map(([r, c]) => (r < 0 ? "" : (written.get(`${letter(c)}${r + 1}`)?.[1] ?? "")));
  const { sheet } = plan;
  const head = plan.bounds ? xml.slice(0, at[0]).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${formatAddress(plan.bounds)}"/>`) : xml.slice(0, at[0]);
  const sink = new ByteSink(head.length + plan.lookOf.length * 40 + (xml.length - at[1]));
  sink.write(head);
  let next = 0;
  let any = false;
  for (const r of rowNumbers(sheet)) {
    const height = sheet.rowHeights.get(r);
    let open = `<row r="${r + 1}"`;
    if (height !== undefined && height !== DEFAULT_ROW_HEIGHT) open += ` ht="${height}" customHeight="1"`;
    if (sheet.hiddenRows.has(r)) open += ' hidden="1"';
    let cells = "";
    const row = sheet.rows[r];
    const headersHere = plan.headers.length > 0 ? plan.headers.filter(([hr]) => hr === r) : plan.headers;
    const width = headersHere.length > 0 ? Math.max(row?.length ?? 0, ...headersHere.map(([, hc]) => hc + 1)) : (row?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const cell = row?.[c];
      if (!cell) {
        const header = headersHere.find(([, hc]) => hc === c);
        if (header) cells += `<c r="${letter(c)}${r + 1}" t="s"><v>${strings.add(header[2])}</v></c>`;
        continue;
      }
      const ref = `${letter(c)}${r + 1}`;
      const look = plan.lookOf[next++];
      if (plan.kept.has(`${r},${c}`)) {
        const own = written.get(ref)?.[0] ?? "";
        if (own.includes(' t="s"')) strings.count += 1;
        cells += own;
      } else cells += cellXml(cell, ref, styleOf[look], strings);
    }
    if (!cells && height === undefined && !sheet.hiddenRows.has(r)) continue;
    if (!any) sink.write("<sheetData>");
    any = true;
    sink.write(cells ? `${open}>${cells}</row>` : `${open}/>`);
  }
  sink.write(`${any ? "</sheetData>" : "<sheetData/>"}${xml.slice(at[1])}`);
  return sink.bytes();
}

/** A table part with its ref (and its autoFilter's) set to the table's whole range. */
export function sizeTablePart(xml: string, table: TableModel): string {
  const bodyRows = table.rect.rowCount - 1 - (table.showTotals ? 1 : 0);
  if (bodyRows < 1) return xml;
  const ref = formatAddress(table.rect);
  const filter = formatAddress({ ...table.rect, rowCount: table.rect.rowCount - (table.showTotals ? 1 : 0) });
  return xml.replace(/(<table\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`).replace(/(<autoFilter\b[^>]*?\sref=")[^"]*"/, `$1${filter}"`);
}

/**
 * Writes every planned sheet's cells into the package ExcelJS wrote, then the shared strings and the
 * tables' ranges. `parts` maps sheet names to worksheet part paths.
 */
export async function writeCells(zip: JSZip, parts: ReadonlyMap<string, string>, plans: readonly SheetCellsPlan[]): Promise<void> {
  const strings = new SharedStrings(await readPart(zip, "xl/sharedStrings.xml"));
  for (const plan of plans) {
    const path = parts.get(plan.sheet.name);
    const xml = path ? await readPart(zip, path) : null;
    if (!path || xml === null) continue;
    // As bytes: a reader after this one unpacks the text again (readPart), once.
    zip.file(path, writeSheetCells(xml, plan, strings));
  }
  if (strings.exists) writePart(zip, "xl/sharedStrings.xml", strings.xml());
  const tables = new Map(plans.flatMap((p) => [...p.tables]));
  if (tables.size === 0) return;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await readPart(zip, path);
    const name = xml ? /<table\b[^>]*?\sname="([^"]*)"/.exec(xml)?.[1] : undefined;
    const table = name !== undefined ? tables.get(name.replace(/&amp;/g, "&")) : undefined;
    if (xml && table) writePart(zip, path, sizeTablePart(xml, table));
  }
}
