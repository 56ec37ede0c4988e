/**
 * Range.insert and Range.delete: cells move, and so do the things that point at them (tables,
 * conditional formats, chart series and anchors, names, column widths, row heights), as in Excel.
 * Source: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)
 * and #excel-excel-range-insert-member(1); NonBlankCellOffSheet from
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS, formatAddress, parseAddress } from "./address";
import { EmulatorError } from "./errors";
import type { CellModel, SheetModel, WorkbookModel } from "./model";

export type ShiftDirection = "Up" | "Left" | "Down" | "Right";

interface Band {
  /** "cols" when columns move (Left/Right), "rows" when rows move (Up/Down). */
  readonly axis: "rows" | "cols";
  readonly start: number;
  readonly count: number;
  /** The perpendicular span whose cells move. */
  readonly spanStart: number;
  readonly spanCount: number;
  readonly insert: boolean;
}

function bandOf(rect: CellRect, dir: ShiftDirection): Band {
  const cols = dir === "Left" || dir === "Right";
  return cols
    ? { axis: "cols", start: rect.col, count: rect.colCount, spanStart: rect.row, spanCount: rect.rowCount, insert: dir === "Right" }
    : { axis: "rows", start: rect.row, count: rect.rowCount, spanStart: rect.col, spanCount: rect.colCount, insert: dir === "Down" };
}

/** Where a rectangle ends up, or null when the delete removed it. */
function moveRect(r: CellRect, b: Band, what: string): CellRect | null {
  const [s, n, ps, pn] = b.axis === "cols" ? [r.col, r.colCount, r.row, r.rowCount] : [r.row, r.rowCount, r.col, r.colCount];
  const disjoint = ps + pn <= b.spanStart || ps >= b.spanStart + b.spanCount;
  if (disjoint) return r;
  const inside = ps >= b.spanStart && ps + pn <= b.spanStart + b.spanCount;
  const end = s + n;
  let ns = s, nn = n;
  if (b.insert) {
    if (end <= b.start) return r;
    if (!inside) throw new EmulatorError("NotImplemented", `inserting cells that cut across ${what} is not emulated`);
    if (s >= b.start) ns = s + b.count; else nn = n + b.count;
  } else {
    const bEnd = b.start + b.count;
    if (end <= b.start) return r;
    if (!inside) throw new EmulatorError("NotImplemented", `deleting cells that cut across ${what} is not emulated`);
    if (s >= bEnd) ns = s - b.count;
    else {
      const overlap = Math.min(end, bEnd) - Math.max(s, b.start);
      ns = Math.min(s, b.start);
      nn = n - overlap;
      if (nn <= 0) return null;
    }
  }
  return b.axis === "cols" ? { ...r, col: ns, colCount: nn } : { ...r, row: ns, rowCount: nn };
}

function shiftCells(sheet: SheetModel, b: Band): void {
  if (b.axis === "cols") {
    const rowEnd = Math.min(b.spanStart + b.spanCount, sheet.rows.length);
    for (let r = b.spanStart; r < rowEnd; r++) {
      const row = sheet.rows[r];
      if (!row || row.length <= b.start) continue;
      if (b.insert) {
        if (row.length + b.count > MAX_COLUMNS && row.slice(MAX_COLUMNS - b.count).some((c) => c && (c.value !== null || c.formula))) {
          throw new EmulatorError("NonBlankCellOffSheet", "cells would be pushed off the sheet");
        }
        row.splice(b.start, 0, ...new Array<CellModel | undefined>(b.count));
        if (row.length > MAX_COLUMNS) row.length = MAX_COLUMNS;
      } else {
        row.splice(b.start, b.count);
      }
    }
    return;
  }
  const whole = b.spanStart === 0 && b.spanCount === MAX_COLUMNS;
  if (whole) {
    if (b.insert) { if (sheet.rows.length > b.start) sheet.rows.splice(b.start, 0, ...new Array<(CellModel | undefined)[]>(b.count)); }
    else sheet.rows.splice(b.start, b.count);
    return;
  }
  if (b.insert) { sheet.shiftDown(b.start, b.spanStart, b.spanCount, b.count); return; }
  for (let r = b.start; r < sheet.rows.length; r++) {
    const src = sheet.rows[r + b.count];
    let dst = sheet.rows[r];
    for (let c = b.spanStart; c < b.spanStart + b.spanCount; c++) {
      const cell = src?.[c];
      if (cell === undefined && (dst === undefined || dst[c] === undefined)) continue;
      if (dst === undefined) dst = sheet.rows[r] = [];
      if (cell === undefined) delete dst[c]; else dst[c] = cell;
      if (src) delete src[c];
    }
  }
}

function shiftKeys(map: Map<number, number>, b: Band): void {
  const moved = new Map<number, number>();
  for (const [k, v] of map) {
    if (k < b.start) moved.set(k, v);
    else if (b.insert) moved.set(k + b.count, v);
    else if (k >= b.start + b.count) moved.set(k - b.count, v);
  }
  map.clear();
  for (const [k, v] of moved) map.set(k, v);
}

/** Deletes (Up/Left) or inserts (Down/Right) cells at `rect` and moves everything that refers to the moved cells. */
export function shiftRange(wb: WorkbookModel, sheet: SheetModel, rect: CellRect, dir: ShiftDirection): void {
  const b = bandOf(rect, dir);
  // Work out every move first so a NotImplemented leaves the workbook unchanged.
  const tables = wb.tables.filter((t) => t.sheet === sheet).map((t) => ({ t, r: moveRect(t.rect, b, `the table ${t.name}`) }));
  for (const { t, r } of tables) if (r && r !== t.rect && r.colCount !== t.rect.colCount && !b.insert) throw new EmulatorError("NotImplemented", `deleting columns of the table ${t.name} through Range.delete is not emulated; use TableColumn.delete`);
  const cfs = sheet.conditionalFormats.map((cf) => ({ cf, r: moveRect(cf.rect, b, "a conditional format") }));
  const series = wb.sheets.flatMap((s) => s.charts.flatMap((c) => c.series.flatMap((se) => [se.values, se.categories, se.nameRef].filter((x) => x && x.sheet === sheet).map((ref) => ({ ref: ref!, r: moveRect(ref!.rect, b, "a chart's data") })))));
  const names = [...wb.names.values()].map((n) => {
    try {
      const p = parseAddress(n.formula.replace(/^=/, ""));
      if (!p.sheet || p.sheet.toLowerCase() !== sheet.name.toLowerCase()) return null;
      return { n, r: moveRect({ row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount }, b, `the name ${n.name}`) };
    } catch {
      return null;
    }
  }).filter((x): x is NonNullable<typeof x> => x !== null);

  shiftCells(sheet, b);
  wb.tables = wb.tables.filter((t) => t.sheet !== sheet || tables.find((x) => x.t === t)!.r !== null);
  for (const { t, r } of tables) if (r) t.rect = r;
  sheet.conditionalFormats = cfs.filter((x) => x.r !== null).map(({ cf, r }) => { cf.rect = r!; return cf; });
  for (const { ref, r } of series) (ref as { rect: CellRect }).rect = r ?? { ...ref.rect, rowCount: 0, colCount: 0 };
  for (const { n, r } of names) n.formula = r ? `=${formatAddress(r, sheet.name, true)}` : "=#REF!";
  const wholeCols = b.axis === "cols" && b.spanStart === 0 && b.spanCount === MAX_ROWS;
  const wholeRows = b.axis === "rows" && b.spanStart === 0 && b.spanCount === MAX_COLUMNS;
  if (wholeCols) shiftKeys(sheet.columnWidths, b);
  if (wholeRows) shiftKeys(sheet.rowHeights, b);
  // Charts move with whole columns and rows (Excel's default "move and size with cells").
  for (const c of wholeCols || wholeRows ? sheet.charts : []) {
    if (!c.anchor) continue;
    const from = moveRect({ row: c.anchor.from.row, col: c.anchor.from.col, rowCount: 1, colCount: 1 }, { ...b, spanStart: 0, spanCount: b.axis === "cols" ? MAX_ROWS : MAX_COLUMNS }, "a chart");
    if (from) {
      const d = b.axis === "cols" ? from.col - c.anchor.from.col : from.row - c.anchor.from.row;
      c.anchor = b.axis === "cols"
        ? { from: { ...c.anchor.from, col: c.anchor.from.col + d }, to: { ...c.anchor.to, col: c.anchor.to.col + d } }
        : { from: { ...c.anchor.from, row: c.anchor.from.row + d }, to: { ...c.anchor.to, row: c.anchor.to.row + d } };
    }
  }
}
