/**
 * Range and RangeAreas over the in-memory workbook.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS, formatAddress, intersect } from "./address";
import { type CellProperty, readGrid, writeGrid, writeValue } from "./cells";
import { shiftRange } from "./shift";
import { EmulatorError } from "./errors";
import { type SheetModel, type WorkbookModel } from "./model";
import { ClientObjectImpl, type PropDef } from "./runtime";
import { ConditionalFormatCollection } from "./conditional-formats";
import { type RangeRef, type Ctx, accessors, type, liveSheet, workbookRange, checkedRect, cells } from "./object-helpers";
import { RangeFormat } from "./range-format";
import { TableCollection } from "./tables";
import { Worksheet } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Range  https://learn.microsoft.com/javascript/api/excel/excel.range
// ---------------------------------------------------------------------------------------------

/** A Range proxy or an address string, resolved at sync. */
export function refOf(wb: WorkbookModel, x: unknown, defaultSheet?: SheetModel): RangeRef {
  if (x instanceof Range) return x._model();
  if (typeof x === "string") return workbookRange(wb, x, defaultSheet);
  throw new EmulatorError("InvalidArgument", "expected a Range or an address");
}

function gridProp(prop: CellProperty, write?: (ref: RangeRef, v: unknown, ctx: Ctx) => void): PropDef<RangeRef> {
  return { get: (ref) => readGrid(ref.sheet, ref.rect, prop), set: write, cells };
}

function writeValues(asFormula: boolean) {
  return (ref: RangeRef, v: unknown, ctx: Ctx): void => {
    let formulas = false;
    const n = writeGrid(ref.rect, v, (r, c, x) => {
      const done = writeValue(ref.sheet, r, c, x, asFormula);
      if (done && typeof x === "string" && /^[=+-]/.test(x)) formulas = true;
      return done;
    }, asFormula ? "formulas" : "values");
    ctx.addCellsWritten(n);
    if (formulas) ctx.model.formulasDirty = true;
  };
}

const RANGE_TYPE = type<RangeRef>("Range", {
  address: { get: (r) => formatAddress(r.rect, r.sheet.name) },
  addressLocal: { get: (r) => formatAddress(r.rect, r.sheet.name) },
  rowCount: { get: (r) => r.rect.rowCount },
  columnCount: { get: (r) => r.rect.colCount },
  cellCount: { get: (r) => r.rect.rowCount * r.rect.colCount },
  rowIndex: { get: (r) => r.rect.row },
  columnIndex: { get: (r) => r.rect.col },
  isEntireColumn: { get: (r) => r.rect.row === 0 && r.rect.rowCount === MAX_ROWS },
  isEntireRow: { get: (r) => r.rect.col === 0 && r.rect.colCount === MAX_COLUMNS },
  values: gridProp("values", writeValues(false)),
  formulas: gridProp("formulas", writeValues(true)),
  formulasLocal: gridProp("formulas", writeValues(true)),
  text: gridProp("text"),
  valueTypes: gridProp("valueTypes"),
  numberFormat: gridProp("numberFormat", (ref, v, ctx) => {
    ctx.addCellsWritten(writeGrid(ref.rect, v, (r, c, x) => {
      if (x === null || x === undefined) return false;
      const cell = ref.sheet.ensureCell(r, c);
      if (x === "General" || x === "") delete cell.numberFormat; else cell.numberFormat = String(x);
      return true;
    }, "numberFormat"));
  }),
  numberFormatLocal: gridProp("numberFormat"),
  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member
  // true when every row of the range is hidden, false when none is, null when some are.
  rowHidden: {
    get: (r) => {
      let hidden = 0;
      for (let i = 0; i < r.rect.rowCount; i++) if (r.sheet.hiddenRows.has(r.rect.row + i)) hidden++;
      return hidden === 0 ? false : hidden === r.rect.rowCount ? true : null;
    },
    set: (r, v) => {
      for (let i = 0; i < r.rect.rowCount; i++) {
        if (v) r.sheet.hiddenRows.add(r.rect.row + i);
        else r.sheet.hiddenRows.delete(r.rect.row + i);
      }
    },
  },
}, ["address", "addressLocal", "rowCount", "columnCount", "cellCount", "rowIndex", "columnIndex", "isEntireColumn", "isEntireRow", "values", "formulas", "formulasLocal", "text", "valueTypes", "numberFormat", "numberFormatLocal"]);

export class Range extends ClientObjectImpl<RangeRef> {
  get _type() { return RANGE_TYPE; }

  private _wb(): WorkbookModel { return this.context.model; }

  private _derive(name: string, f: (ref: RangeRef) => CellRect, orNull = false): Range {
    return new Range(this.context, `${this._path}.${name}`, () => {
      const ref = this._model();
      return { sheet: liveSheet(this._wb(), ref.sheet), rect: f(ref) };
    }, orNull);
  }

  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  get format(): RangeFormat { return this._child("format", () => new RangeFormat(this.context, `${this._path}.format`, () => this._model())); }
  get worksheet(): Worksheet { return this._child("worksheet", () => new Worksheet(this.context, `${this._path}.worksheet`, () => this._model().sheet)); }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._child("conditionalFormats", () => new ConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () => this._model()));
  }

  /** Can lie outside the range, within the sheet. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getcell-member(1) */
  getCell(row: number, column: number): Range { return this._derive(`getCell(${row},${column})`, (r) => checkedRect(r.rect.row + row, r.rect.col + column, 1, 1)); }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derive("getResizedRange", (r) => checkedRect(r.rect.row, r.rect.col, r.rect.rowCount + deltaRows, r.rect.colCount + deltaColumns));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive("getOffsetRange", (r) => checkedRect(r.rect.row + rowOffset, r.rect.col + columnOffset, r.rect.rowCount, r.rect.colCount));
  }
  getEntireColumn(): Range { return this._derive("getEntireColumn", (r) => ({ row: 0, col: r.rect.col, rowCount: MAX_ROWS, colCount: r.rect.colCount })); }
  getEntireRow(): Range { return this._derive("getEntireRow", (r) => ({ row: r.rect.row, col: 0, rowCount: r.rect.rowCount, colCount: MAX_COLUMNS })); }
  getRow(row: number): Range { return this._derive(`getRow(${row})`, (r) => checkedRect(r.rect.row + row, r.rect.col, 1, r.rect.colCount)); }
  getColumn(column: number): Range { return this._derive(`getColumn(${column})`, (r) => checkedRect(r.rect.row, r.rect.col + column, r.rect.rowCount, 1)); }
  getRowsBelow(count = 1): Range { return this._derive("getRowsBelow", (r) => checkedRect(r.rect.row + r.rect.rowCount, r.rect.col, count, r.rect.colCount)); }
  getRowsAbove(count = 1): Range { return this._derive("getRowsAbove", (r) => checkedRect(r.rect.row - count, r.rect.col, count, r.rect.colCount)); }
  getColumnsAfter(count = 1): Range { return this._derive("getColumnsAfter", (r) => checkedRect(r.rect.row, r.rect.col + r.rect.colCount, r.rect.rowCount, count)); }
  getColumnsBefore(count = 1): Range { return this._derive("getColumnsBefore", (r) => checkedRect(r.rect.row, r.rect.col - count, r.rect.rowCount, count)); }
  getLastRow(): Range { return this._derive("getLastRow", (r) => checkedRect(r.rect.row + r.rect.rowCount - 1, r.rect.col, 1, r.rect.colCount)); }
  getLastColumn(): Range { return this._derive("getLastColumn", (r) => checkedRect(r.rect.row, r.rect.col + r.rect.colCount - 1, r.rect.rowCount, 1)); }
  /** "If there are no used cells within the range, this function will throw an ItemNotFound error." (Range.getUsedRange) */
  getUsedRange(valuesOnly = false): Range { return this._derive("getUsedRange", (r) => usedWithin(r, valuesOnly)); }
  getUsedRangeOrNullObject(valuesOnly = false): Range { return this._derive("getUsedRangeOrNullObject", (r) => usedWithin(r, valuesOnly), true); }
  getIntersection(other: Range | string): Range {
    this._sameContext(other);
    return this._derive("getIntersection", (r) => this._intersection(r, other));
  }

  /** The rectangle both ranges cover; ItemNotFound when they do not meet (getIntersection and its OrNullObject form). */
  private _intersection(r: RangeRef, other: Range | string): CellRect {
    const o = refOf(this._wb(), other, r.sheet);
    const x = o.sheet === r.sheet ? intersect(r.rect, o.rect) : null;
    if (!x) throw new EmulatorError("ItemNotFound", "the ranges do not intersect");
    return x;
  }

  /** https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getintersectionornullobject-member(1) (ExcelApi 1.4): a null object when the ranges do not meet. */
  getIntersectionOrNullObject(other: Range | string): Range {
    this._sameContext(other);
    return this._derive("getIntersectionOrNullObject", (r) => this._intersection(r, other), true);
  }

  /**
   * "The surrounding region ... a range bounded by any combination of blank rows and blank columns
   * relative to this range" (Excel's CurrentRegion).
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getsurroundingregion-member(1)
   */
  getSurroundingRegion(): Range { return this._derive("getSurroundingRegion", (r) => surroundingRegion(r)); }
  /** The smallest range holding this range and another. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getboundingrect-member(1) */
  getBoundingRect(anotherRange: Range | string): Range {
    this._sameContext(anotherRange);
    return this._derive("getBoundingRect", (r) => {
      const o = refOf(this._wb(), anotherRange, r.sheet);
      if (o.sheet !== r.sheet) throw new EmulatorError("InvalidArgument", "the ranges are on different worksheets");
      const row = Math.min(r.rect.row, o.rect.row), col = Math.min(r.rect.col, o.rect.col);
      return { row, col, rowCount: Math.max(r.rect.row + r.rect.rowCount, o.rect.row + o.rect.rowCount) - row, colCount: Math.max(r.rect.col + r.rect.colCount, o.rect.col + o.rect.colCount) - col };
    });
  }

  /** https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-clear-member(1) applyTo: All, Formats, Contents. */
  clear(applyTo: string = "All"): void {
    this._call("clear", { applyTo }, (ref) => {
      ref.sheet.forEachStored(ref.rect, (cell) => {
        if (applyTo === "All" || applyTo === "Contents") { cell.value = null; delete cell.formula; delete cell.error; }
        if (applyTo === "All" || applyTo === "Formats") { delete cell.numberFormat; delete cell.fill; delete cell.font; delete cell.horizontalAlignment; delete cell.verticalAlignment; delete cell.wrapText; delete cell.borders; }
      });
      if (applyTo === "All" || applyTo === "Formats") {
        ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, ref.rect));
      }
    });
  }

  /**
   * Deletes the cells, shifting the rest up or left; tables, conditional formats, chart data and
   * names follow. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)
   */
  delete(shift: "Up" | "Left"): void {
    if (shift !== "Up" && shift !== "Left") throw new EmulatorError("InvalidArgument", `delete shift "${shift}" is not Up or Left`);
    this._call("delete", { shift }, (ref) => shiftRange(this._wb(), ref.sheet, ref.rect, shift));
  }

  /** Inserts blank cells here, shifting the rest down or right; returns the blank range. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1) */
  insert(shift: "Down" | "Right"): Range {
    if (shift !== "Down" && shift !== "Right") throw new EmulatorError("InvalidArgument", `insert shift "${shift}" is not Down or Right`);
    let at: RangeRef | undefined;
    this._call("insert", { shift }, (ref) => { shiftRange(this._wb(), ref.sheet, ref.rect, shift); at = ref; });
    return new Range(this.context, `${this._path}.insert`, () => {
      if (!at) throw new EmulatorError("ItemNotFound", "nothing was inserted");
      return at;
    });
  }

  /**
   * "Finds the given string based on the criteria specified. If the current range is larger than a
   * single cell, then the search will be limited to that range, else the search will cover the entire
   * sheet starting after that cell." find throws ItemNotFound when nothing matches; findOrNullObject
   * gives a null object. Matches the text the cell shows, row by row.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-find-member(1)
   */
  find(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean; searchDirection?: string } = {}): Range {
    return this._derive("find", (ref) => findCell(ref, text, criteria));
  }
  findOrNullObject(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean; searchDirection?: string } = {}): Range {
    return this._derive("findOrNullObject", (ref) => findCell(ref, text, criteria), true);
  }

  /**
   * The cells of a kind within the range, as RangeAreas (ExcelApi 1.9); only "Visible" is emulated:
   * the range's rows that are not hidden, as runs of whole-width areas.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspecialcellsornullobject-member(1)
   * A range with no such cells gives a null object (getSpecialCells would fail with ItemNotFound).
   */
  getSpecialCellsOrNullObject(cellType: string): RangeAreas {
    return new RangeAreas(this.context, `${this._path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)})`, () => {
      const ref = this._model();
      if (cellType !== "Visible") throw new EmulatorError("NotImplemented", `special cells "${cellType}" are not emulated`);
      const rects: CellRect[] = [];
      let start = -1;
      for (let i = 0; i <= ref.rect.rowCount; i++) {
        const visible = i < ref.rect.rowCount && !ref.sheet.hiddenRows.has(ref.rect.row + i);
        if (visible && start < 0) start = i;
        if (!visible && start >= 0) {
          rects.push({ row: ref.rect.row + start, col: ref.rect.col, rowCount: i - start, colCount: ref.rect.colCount });
          start = -1;
        }
      }
      if (rects.length === 0) throw new EmulatorError("ItemNotFound", "no visible cells");
      return { sheet: ref.sheet, rects };
    }, true);
  }
  /**
   * The tables that overlap this range (or lie fully inside it), ExcelApi 1.9:
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-gettables-member(1)
   */
  getTables(fullyContained = false): TableCollection {
    return new TableCollection(this.context, `${this._path}.getTables(${fullyContained})`, () => {
      const ref = this._model();
      return { wb: this._wb(), sheet: ref.sheet, within: { rect: ref.rect, fully: fullyContained } };
    });
  }
  select(): void {
    this._call("select", {}, (ref) => { this._wb().selection = { sheetId: ref.sheet.id, rect: ref.rect }; ref.sheet.selectedRect = ref.rect; this._wb().activeSheetId = ref.sheet.id; });
  }

  get address(): string { return this._get("address") as string; }
  get rowCount(): number { return this._get("rowCount") as number; }
  get columnCount(): number { return this._get("columnCount") as number; }
  get values(): unknown[][] { return this._get("values") as unknown[][]; }
  set values(v: unknown[][]) { this._set("values", v); }
  get formulas(): unknown[][] { return this._get("formulas") as unknown[][]; }
  set formulas(v: unknown[][]) { this._set("formulas", v); }
  get numberFormat(): unknown[][] { return this._get("numberFormat") as unknown[][]; }
  set numberFormat(v: unknown[][]) { this._set("numberFormat", v); }
  get text(): string[][] { return this._get("text") as string[][]; }
  get valueTypes(): string[][] { return this._get("valueTypes") as string[][]; }
}
accessors(Range, ["addressLocal", "cellCount", "rowIndex", "columnIndex", "isEntireColumn", "isEntireRow", "formulasLocal", "numberFormatLocal", "rowHidden"]);

function findCell(ref: RangeRef, text: string, criteria: { completeMatch?: boolean; matchCase?: boolean; searchDirection?: string }): CellRect {
  const single = ref.rect.rowCount === 1 && ref.rect.colCount === 1;
  const area: CellRect = single ? { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS } : ref.rect;
  const want = criteria.matchCase ? text : text.toLowerCase();
  const hits: { row: number; col: number }[] = [];
  ref.sheet.forEachStored(area, (cell, row, col) => {
    if (cell.value === null) return;
    const shown = String(readGrid(ref.sheet, { row, col, rowCount: 1, colCount: 1 }, "text")[0][0]);
    const s = criteria.matchCase ? shown : shown.toLowerCase();
    if (criteria.completeMatch ? s === want : s.includes(want)) hits.push({ row, col });
  });
  if (criteria.searchDirection === "Backwards") hits.reverse();
  if (hits.length === 0) throw new EmulatorError("ItemNotFound", `"${text}" was not found`);
  let hit = hits[0];
  if (single) {
    // Start after the given cell, wrapping round, in the search direction.
    const after = (h: { row: number; col: number }) => h.row > ref.rect.row || (h.row === ref.rect.row && h.col > ref.rect.col);
    const before = (h: { row: number; col: number }) => h.row < ref.rect.row || (h.row === ref.rect.row && h.col < ref.rect.col);
    hit = hits.find(criteria.searchDirection === "Backwards" ? before : after) ?? hits[0];
  }
  return { row: hit.row, col: hit.col, rowCount: 1, colCount: 1 };
}

function filled(sheet: SheetModel, r: number, c: number): boolean {
  const cell = sheet.cell(r, c);
  return cell !== undefined && (cell.value !== null || cell.formula !== undefined);
}

/** Grows the rectangle while any cell just outside it (sides and corners) holds a value. */
function surroundingRegion(ref: RangeRef): CellRect {
  let { row, col, rowCount, colCount } = ref.rect;
  const s = ref.sheet;
  for (let grown = true; grown; ) {
    grown = false;
    const top = row - 1, bottom = row + rowCount, left = col - 1, right = col + colCount;
    const anyInRow = (r: number) => { if (r < 0 || r >= MAX_ROWS) return false; for (let c = Math.max(0, left); c <= Math.min(MAX_COLUMNS - 1, right); c++) if (filled(s, r, c)) return true; return false; };
    const anyInCol = (c: number) => { if (c < 0 || c >= MAX_COLUMNS) return false; for (let r = Math.max(0, top); r <= Math.min(MAX_ROWS - 1, bottom); r++) if (filled(s, r, c)) return true; return false; };
    if (anyInRow(top)) { row--; rowCount++; grown = true; }
    if (anyInRow(bottom)) { rowCount++; grown = true; }
    if (anyInCol(left)) { col--; colCount++; grown = true; }
    if (anyInCol(right)) { colCount++; grown = true; }
  }
  return { row, col, rowCount, colCount };
}

function usedWithin(ref: RangeRef, valuesOnly: boolean): CellRect {
  let minR = Infinity, maxR = -1, minC = Infinity, maxC = -1;
  ref.sheet.forEachStored(ref.rect, (cell, r, c) => {
    const used = cell.value !== null || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat !== undefined || cell.fill !== undefined || cell.font !== undefined));
    if (!used) return;
    minR = Math.min(minR, r); maxR = Math.max(maxR, r); minC = Math.min(minC, c); maxC = Math.max(maxC, c);
  });
  if (maxR < 0) throw new EmulatorError("ItemNotFound", "there are no used cells in the range");
  return { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
}


interface RangeAreasModel { sheet: SheetModel; rects: CellRect[] }

// https://learn.microsoft.com/javascript/api/excel/excel.rangeareas: address is the areas' sheet-qualified
// addresses joined by commas.
const RANGE_AREAS_TYPE = type<RangeAreasModel>("RangeAreas", {
  address: { get: (a) => a.rects.map((r) => formatAddress(r, a.sheet.name)).join(",") },
  areaCount: { get: (a) => a.rects.length },
  cellCount: { get: (a) => a.rects.reduce((n, r) => n + r.rowCount * r.colCount, 0) },
}, ["address", "areaCount", "cellCount"]);

export class RangeAreas extends ClientObjectImpl<RangeAreasModel> {
  get _type() { return RANGE_AREAS_TYPE; }
}
accessors(RangeAreas, ["address", "areaCount", "cellCount"]);
