/**
 * The no-data-loss check: reads the input and the output with ExcelJS and compares every
 * cell the add-in does not own (value, formula, number format, font, fill, border, alignment,
 * protection), plus merged cells, row heights and hidden rows, column widths and the sheets
 * themselves. A difference means the round trip would lose something the user made, so the runner
 * refuses to write the file (unless --force) and names the first cells that differ.
 *
 * Equivalences (a difference only in how a file spells the same thing is not a loss): a font colour
 * of theme 1 without tint ("Text 1", the default text colour) equals no colour; the font family and
 * scheme attributes are ignored (they classify the font, they do not change it); dates compare as
 * Excel serial numbers; a shared formula equals the same formula written out in full.
 */
import { timeToSerial } from "../core/periods";
import ExcelJS from "exceljs";
import { cellAddress, columnLetters, qualify } from "../core/a1";

/** A rectangle of cells the add-in owns (0-based, inclusive), or a whole sheet when rect is null. */
export interface OwnedArea {
  readonly sheet: string;
  readonly rect: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number } | null;
}

/** How many differing cells a refusal names before summarising the rest. */
const NAMED_DIFFERENCES = 5;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function colour(c: unknown): Json {
  if (!c || typeof c !== "object") return null;
  const o = c as { argb?: string; theme?: number; tint?: number; indexed?: number };
  if (o.argb) return o.argb.slice(-6).toUpperCase();
  if (o.theme !== undefined) return o.theme === 1 && !o.tint ? null : `theme ${o.theme}${o.tint ? ` tint ${o.tint}` : ""}`;
  if (o.indexed !== undefined) return o.indexed === 64 ? null : `indexed ${o.indexed}`;
  return null;
}

/** The look of a cell in comparable form. */
function styleOf(cell: ExcelJS.Cell): Json {
  const f = (cell.font ?? {}) as Partial<ExcelJS.Font>;
  const fill = cell.fill as ExcelJS.Fill | undefined;
  let fillKey: Json = null;
  if (fill && fill.type === "pattern" && fill.pattern && fill.pattern !== "none") {
    fillKey = fill.pattern === "solid" ? { solid: colour(fill.fgColor) } : { pattern: fill.pattern, fg: colour(fill.fgColor), bg: colour(fill.bgColor) };
  } else if (fill && fill.type === "gradient") fillKey = { gradient: JSON.stringify(fill) };
  const b = (cell.border ?? {}) as Partial<ExcelJS.Borders>;
  const side = (s: Partial<ExcelJS.Border> | undefined): Json => (s?.style ? { style: s.style, colour: colour(s.color) ?? "000000" } : null);
  const diagonal = b.diagonal as (Partial<ExcelJS.BorderDiagonal> & { style?: string }) | undefined;
  const a = (cell.alignment ?? {}) as Partial<ExcelJS.Alignment>;
  const p = (cell.protection ?? {}) as Partial<ExcelJS.Protection>;
  return {
    numFmt: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null,
    font: {
      bold: !!f.bold, italic: !!f.italic, underline: f.underline ? String(f.underline) : null, strike: !!f.strike,
      colour: colour(f.color), name: f.name ?? "Calibri", size: f.size ?? 11, vertAlign: f.vertAlign ?? null, outline: !!f.outline,
    },
    fill: fillKey,
    border: { top: side(b.top), bottom: side(b.bottom), left: side(b.left), right: side(b.right), diagonal: diagonal?.style && (diagonal.up || diagonal.down) ? side(diagonal) : null },
    alignment: {
      horizontal: a.horizontal && (a.horizontal as string) !== "general" ? a.horizontal : null, vertical: a.vertical && a.vertical !== "bottom" ? a.vertical : null,
      wrap: !!a.wrapText, indent: a.indent ?? 0, rotation: a.textRotation ?? 0, shrink: !!a.shrinkToFit, readingOrder: a.readingOrder ?? null,
    },
    protection: { locked: p.locked ?? true, hidden: !!p.hidden },
  };
}

function serial(d: Date): number {
  return timeToSerial(d.getTime());
}

/** The content of a cell in comparable form: formula and result, or value. */
function contentOf(cell: ExcelJS.Cell): Json {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return serial(v);
  if (typeof v !== "object") return v as Json;
  const o = v as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    const res = o.result;
    return { formula: cell.formula ?? String(o.formula), result: res instanceof Date ? serial(res) : res && typeof res === "object" ? JSON.stringify(res) : ((res ?? null) as Json) };
  }
  if ("richText" in o) {
    const runs = o.richText as { text: string; font?: unknown }[];
    return runs.some((r) => r.font && Object.keys(r.font as object).length > 0) ? { richText: JSON.stringify(runs) } : runs.map((r) => r.text).join("");
  }
  if ("hyperlink" in o) return { hyperlink: String(o.hyperlink), text: JSON.stringify(o.text) };
  if ("error" in o) return { error: String(o.error) };
  return JSON.stringify(o);
}

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which aspect of two cell states differs first, in users' words. */
function firstDifference(a: { content: Json; style: Json; note: Json }, b: { content: Json; style: Json; note: Json }): string | null {
  if (!same(a.content, b.content)) return "value or formula";
  if (!same(a.note, b.note)) return "comment";
  if (a.style === b.style) return null;
  const sa = JSON.parse(String(a.style)) as Record<string, Json>;
  const sb = JSON.parse(String(b.style)) as Record<string, Json>;
  for (const k of Object.keys(sa)) if (!same(sa[k], sb[k])) return k === "numFmt" ? "number format" : k;
  return null;
}

const EMPTY_STATE = (): { content: Json; style: Json; note: Json } => ({ content: null, style: DEFAULT_STYLE, note: null });

/**
 * Comparable styles, worked out once per distinct format: ExcelJS gives each cell its own style
 * object but shares the font, fill, border, alignment and protection objects of one format, so
 * their identities (and the number format) name the format.
 */
const partIds = new WeakMap<object, number>();
let nextPartId = 1;
const styleKeys = new Map<string, string>();

function partId(part: unknown): number {
  if (!part || typeof part !== "object") return 0;
  let id = partIds.get(part);
  if (id === undefined) {
    id = nextPartId++;
    partIds.set(part, id);
  }
  return id;
}

function styleKey(cell: ExcelJS.Cell): string {
  const s = (cell.style ?? {}) as Partial<ExcelJS.Style>;
  const identity = `${s.numFmt ?? ""}|${partId(s.font)}|${partId(s.fill)}|${partId(s.border)}|${partId(s.alignment)}|${partId(s.protection)}`;
  let key = styleKeys.get(identity);
  if (key === undefined) {
    key = JSON.stringify(styleOf(cell));
    styleKeys.set(identity, key);
  }
  return key;
}

function stateOf(cell: ExcelJS.Cell | undefined): { content: Json; style: Json; note: Json } {
  if (!cell) return EMPTY_STATE();
  const note = (cell as unknown as { note?: unknown }).note;
  return { content: contentOf(cell), style: styleKey(cell), note: note ? JSON.stringify(note) : null };
}

function isOwned(owned: readonly OwnedArea[], sheet: string, row: number, col: number): boolean {
  return owned.some((o) => o.sheet === sheet && (o.rect === null || (row >= o.rect.top && row <= o.rect.bottom && col >= o.rect.left && col <= o.rect.right)));
}

/** Calls `visit` with each cell of a sheet (0-based row and column), skipping the covered cells of merged areas (the first cell carries the look). */
function eachCell(ws: ExcelJS.Worksheet, visit: (row: number, col: number, cell: ExcelJS.Cell) => void): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    // includeEmpty: a formatted blank cell has no value, and its format must survive too.
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.type !== ExcelJS.ValueType.Merge) visit(r - 1, c - 1, cell);
    });
  });
}

/** The cell at a 0-based position if the sheet has one, without creating it. */
function findCell(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | undefined {
  const cell = ws.findCell(row + 1, col + 1);
  return cell && cell.type !== ExcelJS.ValueType.Merge ? cell : undefined;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const model = ws.model as unknown as { merges?: string[] };
  return [...(model.merges ?? [])].sort();
}

/** The look of a cell nobody formatted. */
const DEFAULT_STYLE = JSON.stringify(styleOf({} as ExcelJS.Cell));


/**
 * Lists what the output lost or changed outside the add-in's own cells: at most
 * NAMED_DIFFERENCES cells are named, then a count of the rest.
 * @example await lostInRoundTrip(inputBytes, outputBytes, [{ sheet: "LAA", rect: { top: 4, left: 17, bottom: 50, right: 23 } }]) // => []
 */
export async function lostInRoundTrip(input: Uint8Array, output: Uint8Array, owned: readonly OwnedArea[]): Promise<string[]> {
  const a = new ExcelJS.Workbook();
  await a.xlsx.load(input as unknown as ExcelJS.Buffer);
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(output as unknown as ExcelJS.Buffer);
  const found: string[] = [];
  let cellDifferences = 0;
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) { found.push(`the sheet ${wa.name}`); continue; }
    if (owned.some((o) => o.sheet === wa.name && o.rect === null)) continue;
    if ((wa.state ?? "visible") !== (wb.state ?? "visible")) found.push(`the ${wa.state} state of sheet ${wa.name}`);
    const check = (r: number, c: number, ca: ExcelJS.Cell, cb: ExcelJS.Cell) => {
      if (isOwned(owned, wa.name, r, c)) return;
      const sa = stateOf(ca);
      const sb = stateOf(cb);
      const what = firstDifference(sa, sb);
      if (what) {
        cellDifferences += 1;
        if (cellDifferences <= NAMED_DIFFERENCES) found.push(`the ${what} of ${qualify(wa.name, cellAddress(r, c))}`);
      }
    };
    // Every input cell against the output's, then the output's cells the input does not have.
    // A cell one side lacks is read through getCell, which gives it its row's or column's format, as Excel shows it.
    eachCell(wa, (r, c, cell) => check(r, c, cell, wb.getCell(r + 1, c + 1)));
    eachCell(wb, (r, c, cell) => {
      if (!findCell(wa, r, c)) check(r, c, wa.getCell(r + 1, c + 1), cell);
    });
    if (!same(mergesOf(wa), mergesOf(wb))) found.push(`merged cells on sheet ${wa.name}`);
    const rows = Math.max(wa.rowCount, wb.rowCount);
    for (let r = 1; r <= rows; r++) {
      const ra = wa.findRow(r);
      const rb = wb.findRow(r);
      const ha = ra?.height ?? null;
      const hb = rb?.height ?? null;
      if (!!ra?.hidden !== !!rb?.hidden) { found.push(`hidden row ${r} on sheet ${wa.name}`); break; }
      if (ha !== null && (hb === null || Math.abs(ha - hb) > 0.01)) { found.push(`the height of row ${r} on sheet ${wa.name}`); break; }
    }
    const cols = Math.max(wa.columnCount, wb.columnCount);
    for (let c = 1; c <= cols; c++) {
      if (owned.some((o) => o.sheet === wa.name && o.rect && c - 1 >= o.rect.left && c - 1 <= o.rect.right)) continue;
      const wa1 = wa.getColumn(c).width;
      const wb1 = wb.getColumn(c).width;
      if (wa1 !== undefined && (wb1 === undefined || Math.abs(wa1 - wb1) > 0.01)) { found.push(`the width of column ${columnLetters(c - 1)} on sheet ${wa.name}`); break; }
    }
  }
  if (cellDifferences > NAMED_DIFFERENCES) found.push(`${cellDifferences - NAMED_DIFFERENCES} more cells`);
  return found;
}
