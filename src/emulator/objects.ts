/**
 * The Excel object model over the in-memory workbook: Workbook, Worksheet(s), Range and its format,
 * conditional formats, tables, charts, names, settings and Application. Each class mirrors the
 * Excel JavaScript API class of the same name (https://learn.microsoft.com/javascript/api/excel);
 * the comment on each cites the page whose behaviour it copies.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS, formatAddress, intersect, parseAddress } from "./address";
import { type CellProperty, readGrid, writeGrid, writeValue } from "./cells";
import { normaliseColour } from "./colours";
import { shiftRange } from "./shift";
import { EmulatorError } from "./errors";
import {
  type ChartModel, type ChartSeriesModel, type ConditionalFormatModel, DEFAULT_COLUMN_WIDTH, DEFAULT_FONT, DEFAULT_ROW_HEIGHT,
  type FontModel, type NameModel, type PageLayoutModel, type SheetModel, type TableModel, type WorkbookModel, type CellModel,
} from "./model";
import { ClientObjectImpl, CollectionImpl, type ProxyType, type PropDef, type RequestContextImpl, type ClientResultImpl } from "./runtime";

/** A range in the model: a sheet and a rectangle. */
export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

type Ctx = RequestContextImpl;

/** Adds get/set accessors for scalar properties to a proxy class prototype. */
function accessors(cls: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      get(this: ClientObjectImpl) { return this._get(name); },
      set(this: ClientObjectImpl, v: unknown) { this._set(name, v); },
      configurable: true,
      enumerable: true,
    });
  }
}

function type<M>(typeName: string, props: Record<string, PropDef<M>>, defaultLoad?: string[]): ProxyType<M> {
  return { typeName, props, defaultLoad };
}

function liveSheet(wb: WorkbookModel, sheet: SheetModel): SheetModel {
  if (!wb.sheets.includes(sheet)) throw new EmulatorError("ItemNotFound", `the worksheet "${sheet.name}" was deleted`);
  return sheet;
}

/** Resolves an address given to a worksheet method: unqualified, or qualified with that sheet's name. */
function rectOnSheet(sheet: SheetModel, address: string): CellRect {
  const p = parseAddress(address);
  if (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new EmulatorError("InvalidArgument", `"${address}" is not on the worksheet "${sheet.name}"`);
  }
  return plainRect(p);
}

function plainRect(p: CellRect): CellRect {
  return { row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount };
}

/** Resolves a sheet-qualified (or active-sheet) address in the workbook. */
function workbookRange(wb: WorkbookModel, address: string, defaultSheet?: SheetModel): RangeRef {
  const p = parseAddress(address);
  const sheet = p.sheet !== undefined ? wb.sheetByName(p.sheet) : (defaultSheet ?? wb.activeSheet());
  if (!sheet) throw new EmulatorError("ItemNotFound", `no worksheet "${p.sheet}"`);
  return { sheet, rect: plainRect(p) };
}

/** A Range proxy or an address string, resolved at sync. */
function refOf(wb: WorkbookModel, x: unknown, defaultSheet?: SheetModel): RangeRef {
  if (x instanceof Range) return x._model();
  if (typeof x === "string") return workbookRange(wb, x, defaultSheet);
  throw new EmulatorError("InvalidArgument", "expected a Range or an address");
}

function checkedRect(row: number, col: number, rowCount: number, colCount: number): CellRect {
  if (!Number.isInteger(row) || !Number.isInteger(col) || rowCount < 1 || colCount < 1 || row < 0 || col < 0 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLUMNS) {
    throw new EmulatorError("InvalidArgument", `rows ${row}+${rowCount}, columns ${col}+${colCount} are outside the worksheet`);
  }
  return { row, col, rowCount, colCount };
}

function cells(ref: RangeRef): number {
  return ref.rect.rowCount * ref.rect.colCount;
}

// ---------------------------------------------------------------------------------------------
// Range  https://learn.microsoft.com/javascript/api/excel/excel.range
// ---------------------------------------------------------------------------------------------

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
    return this._derive("getIntersection", (r) => {
      const o = refOf(this._wb(), other, r.sheet);
      const x = o.sheet === r.sheet ? intersect(r.rect, o.rect) : null;
      if (!x) throw new EmulatorError("ItemNotFound", "the ranges do not intersect");
      return x;
    });
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

// ---------------------------------------------------------------------------------------------
// RangeFormat, RangeFill, RangeFont  https://learn.microsoft.com/javascript/api/excel/excel.rangeformat
// Multi-cell reads give null when cells differ ("If the column widths are not uniform, null will be returned").
// ---------------------------------------------------------------------------------------------

/** One value if every cell in the range agrees, else null. Blank cells count with the default. */
function uniform<T>(ref: RangeRef, get: (cell: CellModel | undefined) => T): T | null {
  const { rect, sheet } = ref;
  let first: T | undefined;
  let seen = false;
  const blank = get(undefined);
  const check = (v: T): boolean => {
    if (!seen) { first = v; seen = true; return true; }
    return v === first;
  };
  const storedRows = Math.min(rect.row + rect.rowCount, sheet.rows.length);
  for (let r = rect.row; r < storedRows; r++) {
    const row = sheet.rows[r];
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      if (!check(row === undefined ? blank : get(row[c]))) return null;
      if (row === undefined || c >= row.length) { if (!check(blank)) return null; break; }
    }
  }
  if (rect.row + rect.rowCount > storedRows && !check(blank)) return null;
  return first ?? blank;
}

/** Formats are stored per cell, so the emulator refuses to format more than this many at once. */
const MAX_FORMAT_CELLS = 5_000_000;

function eachCell(ref: RangeRef, fn: (cell: CellModel) => void): void {
  if (ref.rect.rowCount * ref.rect.colCount > MAX_FORMAT_CELLS) {
    // Excel formats whole columns and sheets cheaply; this emulator stores formats per cell.
    throw new EmulatorError("NotImplemented", `the emulator formats at most ${MAX_FORMAT_CELLS} cells at once; format the used rows instead`);
  }
  for (let r = ref.rect.row; r < ref.rect.row + ref.rect.rowCount; r++) {
    for (let c = ref.rect.col; c < ref.rect.col + ref.rect.colCount; c++) fn(ref.sheet.ensureCell(r, c));
  }
}

function eachColumn(ref: RangeRef, fn: (col: number) => void): void {
  for (let c = ref.rect.col; c < ref.rect.col + ref.rect.colCount; c++) fn(c);
}

const RANGE_FORMAT_TYPE = type<RangeRef>("RangeFormat", {
  columnWidth: {
    get: (ref) => {
      let w: number | undefined;
      for (let c = ref.rect.col; c < ref.rect.col + ref.rect.colCount; c++) {
        const x = ref.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
        if (w === undefined) w = x; else if (w !== x) return null;
      }
      return w ?? null;
    },
    set: (ref, v) => {
      if (typeof v !== "number" || v < 0) throw new EmulatorError("InvalidArgument", "columnWidth must be a number of points");
      eachColumn(ref, (c) => ref.sheet.columnWidths.set(c, v));
    },
  },
  rowHeight: {
    get: (ref) => {
      let h: number | undefined;
      for (let r = ref.rect.row; r < ref.rect.row + Math.min(ref.rect.rowCount, 100000); r++) {
        const x = ref.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
        if (h === undefined) h = x; else if (h !== x) return null;
      }
      return h ?? null;
    },
    set: (ref, v) => {
      if (typeof v !== "number" || v < 0) throw new EmulatorError("InvalidArgument", "rowHeight must be a number of points");
      for (let r = ref.rect.row; r < ref.rect.row + ref.rect.rowCount; r++) ref.sheet.rowHeights.set(r, v);
    },
  },
  horizontalAlignment: { get: (ref) => uniform(ref, (c) => c?.horizontalAlignment ?? "General"), set: (ref, v) => eachCell(ref, (c) => { c.horizontalAlignment = String(v); }) },
  verticalAlignment: { get: (ref) => uniform(ref, (c) => c?.verticalAlignment ?? "Bottom"), set: (ref, v) => eachCell(ref, (c) => { c.verticalAlignment = String(v); }) },
  wrapText: { get: (ref) => uniform(ref, (c) => c?.wrapText ?? false), set: (ref, v) => eachCell(ref, (c) => { c.wrapText = Boolean(v); }) },
});

/** Width in points that fits the longest text in each column, as autofit does (estimate: 7 px per character at Calibri 11, 5 px padding). */
/** Lines a paragraph takes when wrapped at word boundaries, perLine characters a line. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1, used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const len = word.length;
    if (used === 0) { lines += Math.floor(Math.max(0, len - 1) / perLine); used = len % perLine || perLine; continue; }
    if (used + 1 + len <= perLine) used += 1 + len;
    else { lines += 1 + Math.floor(Math.max(0, len - 1) / perLine); used = len % perLine || perLine; }
  }
  return lines;
}

function autofitWidth(texts: string[], bold: boolean): number {
  const longest = texts.reduce((m, t) => Math.max(m, ...t.split("\n").map((l) => l.length)), 0);
  if (longest === 0) return DEFAULT_COLUMN_WIDTH;
  const px = Math.ceil(longest * (bold ? 7.7 : 7) + 5);
  return Math.round(px * 0.75 * 100) / 100;
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

export class RangeFormat extends ClientObjectImpl<RangeRef> {
  get _type() { return RANGE_FORMAT_TYPE; }
  get fill(): RangeFill { return this._child("fill", () => new RangeFill(this.context, `${this._path}.fill`, () => this._model())); }
  get font(): RangeFont { return this._child("font", () => new RangeFont(this.context, `${this._path}.font`, () => this._model())); }
  get borders(): RangeBorderCollection { return this._child("borders", () => new RangeBorderCollection(this.context, `${this._path}.borders`, () => this._model())); }
  override _nav(name: string): ClientObjectImpl | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : name === "borders" ? this.borders : undefined;
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitcolumns-member(1) */
  autofitColumns(): void {
    this._call("autofitColumns", {}, (ref) => {
      const used = ref.sheet.usedRect(true);
      eachColumn(ref, (c) => {
        const texts: string[] = [];
        let bold = false;
        const rows = ref.rect.rowCount === MAX_ROWS && used ? { row: used.row, rowCount: used.rowCount } : ref.rect;
        const grid = readGrid(ref.sheet, { row: rows.row, rowCount: rows.rowCount, col: c, colCount: 1 }, "text");
        for (let i = 0; i < grid.length; i++) {
          texts.push(String(grid[i][0]));
          if (ref.sheet.cell(rows.row + i, c)?.font?.bold) bold = true;
        }
        ref.sheet.columnWidths.set(c, autofitWidth(texts, bold));
      });
    });
  }
  /**
   * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitrows-member(1)
   * "Changes the height of the rows of the current range to achieve the best fit". Estimated as autofit
   * widths are (7 px per character at Calibri 11, 1 px = 0.75 pt): a wrapped cell takes as many lines as
   * its words need at its column's width, 15 pt a line (scaled by font size); other cells one line.
   */
  autofitRows(): void {
    this._call("autofitRows", {}, (ref) => {
      const used = ref.sheet.usedRect(false);
      if (!used) return;
      const first = Math.max(ref.rect.row, used.row);
      const last = Math.min(ref.rect.row + ref.rect.rowCount, used.row + used.rowCount) - 1;
      for (let r = first; r <= last; r++) {
        let lines = 1;
        let size = DEFAULT_FONT.size;
        const row = ref.sheet.rows[r] ?? [];
        row.forEach((cell, c) => {
          if (!cell || cell.value === null) return;
          size = Math.max(size, cell.font?.size ?? DEFAULT_FONT.size);
          if (!cell.wrapText || typeof cell.value !== "string") return; // numbers never wrap (Excel shows ### instead)
          const widthPx = ((ref.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) / 0.75) - 5;
          const perLine = Math.max(1, Math.floor(widthPx / 7));
          let n = 0;
          for (const para of String(cell.value).split("\n")) n += wrappedLines(para, perLine);
          lines = Math.max(lines, n);
        });
        ref.sheet.rowHeights.set(r, Math.round(lines * DEFAULT_ROW_HEIGHT * (size / DEFAULT_FONT.size) * 100) / 100);
      }
    });
  }
}
accessors(RangeFormat, ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"]);

// Borders  https://learn.microsoft.com/javascript/api/excel/excel.rangebordercollection and excel.rangeborder
// Edges apply to the outer sides of the range, Inside* to the sides between its cells.
type Side = "top" | "bottom" | "left" | "right";
const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
interface BorderRef { ref: RangeRef; index: BorderIndex }

/** The (cell, side) pairs a border index covers. */
function borderSides(b: BorderRef): { row: number; col: number; side: Side }[] {
  const { row, col, rowCount, colCount } = b.ref.rect;
  if (rowCount * colCount > MAX_FORMAT_CELLS) throw new EmulatorError("NotImplemented", "the emulator draws borders on at most 5,000,000 cells at once");
  const out: { row: number; col: number; side: Side }[] = [];
  const rows = (f: (r: number) => void) => { for (let r = row; r < row + rowCount; r++) f(r); };
  const cols = (f: (c: number) => void) => { for (let c = col; c < col + colCount; c++) f(c); };
  switch (b.index) {
    case "EdgeTop": cols((c) => out.push({ row, col: c, side: "top" })); break;
    case "EdgeBottom": cols((c) => out.push({ row: row + rowCount - 1, col: c, side: "bottom" })); break;
    case "EdgeLeft": rows((r) => out.push({ row: r, col, side: "left" })); break;
    case "EdgeRight": rows((r) => out.push({ row: r, col: col + colCount - 1, side: "right" })); break;
    case "InsideVertical": rows((r) => { for (let c = col; c < col + colCount - 1; c++) out.push({ row: r, col: c, side: "right" }); }); break;
    case "InsideHorizontal": cols((c) => { for (let r = row; r < row + rowCount - 1; r++) out.push({ row: r, col: c, side: "bottom" }); }); break;
  }
  return out;
}

function borderProp(key: "style" | "color" | "weight", dflt: string, norm: (v: unknown) => string): PropDef<BorderRef> {
  return {
    get: (b) => {
      let seen: string | undefined;
      for (const s of borderSides(b)) {
        const v = b.ref.sheet.cell(s.row, s.col)?.borders?.[s.side]?.[key] ?? dflt;
        if (seen === undefined) seen = v; else if (seen !== v) return null;
      }
      return seen ?? dflt;
    },
    set: (b, v) => {
      const x = norm(v);
      for (const s of borderSides(b)) {
        const cell = b.ref.sheet.ensureCell(s.row, s.col);
        const cur = cell.borders?.[s.side] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
        const next = { ...cur, [key]: x };
        if (next.style === "None") { if (cell.borders) delete cell.borders[s.side]; }
        else cell.borders = { ...cell.borders, [s.side]: next };
      }
    },
  };
}
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const RANGE_BORDER_TYPE = type<BorderRef>("RangeBorder", {
  sideIndex: { get: (b) => b.index },
  style: borderProp("style", "None", (v) => { if (!BORDER_STYLES.includes(String(v))) throw new EmulatorError("InvalidArgument", `border style "${v}"`); return String(v); }),
  color: borderProp("color", "#000000", normaliseColour),
  weight: borderProp("weight", "Thin", (v) => { if (!BORDER_WEIGHTS.includes(String(v))) throw new EmulatorError("InvalidArgument", `border weight "${v}"`); return String(v); }),
});
export class RangeBorder extends ClientObjectImpl<BorderRef> {
  get _type() { return RANGE_BORDER_TYPE; }
}
accessors(RangeBorder, ["sideIndex", "style", "color", "weight"]);

export class RangeBorderCollection extends ClientObjectImpl<RangeRef> {
  get _type() { return BORDERS_TYPE; }
  getItem(index: string): RangeBorder {
    return new RangeBorder(this.context, `${this._path}.getItem(${JSON.stringify(index)})`, () => {
      if (!(BORDER_INDEXES as readonly string[]).includes(index)) throw new EmulatorError("InvalidArgument", `border index "${index}" is not emulated (edges and inside lines are)`);
      return { ref: this._model(), index: index as BorderIndex };
    });
  }
}
const BORDERS_TYPE = type<RangeRef>("RangeBorderCollection", {});

const RANGE_FILL_TYPE = type<RangeRef>("RangeFill", {
  // No fill reads as white, as Excel does.
  color: { get: (ref) => uniform(ref, (c) => c?.fill ?? "#FFFFFF"), set: (ref, v) => { const col = normaliseColour(v); eachCell(ref, (c) => { c.fill = col; }); } },
});
export class RangeFill extends ClientObjectImpl<RangeRef> {
  get _type() { return RANGE_FILL_TYPE; }
  clear(): void { this._call("clear", {}, (ref) => ref.sheet.forEachStored(ref.rect, (c) => { delete c.fill; })); }
}
accessors(RangeFill, ["color"]);

function fontProp<K extends keyof FontModel>(key: K, norm: (v: unknown) => FontModel[K]): PropDef<RangeRef> {
  return {
    get: (ref) => uniform(ref, (c) => c?.font?.[key] ?? DEFAULT_FONT[key]),
    set: (ref, v) => { const x = norm(v); eachCell(ref, (c) => { c.font = { ...c.font, [key]: x }; }); },
  };
}
const RANGE_FONT_TYPE = type<RangeRef>("RangeFont", {
  bold: fontProp("bold", Boolean),
  italic: fontProp("italic", Boolean),
  color: fontProp("color", normaliseColour),
  name: fontProp("name", String),
  size: fontProp("size", Number),
});
export class RangeFont extends ClientObjectImpl<RangeRef> {
  get _type() { return RANGE_FONT_TYPE; }
}
accessors(RangeFont, ["bold", "italic", "color", "name", "size"]);

// ---------------------------------------------------------------------------------------------
// Conditional formats  https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection
// "Adds a new conditional format to the collection at the first/top priority."
// ConditionalFormat.priority: contiguous; negative counts from the back; out of bounds clamps.
// ---------------------------------------------------------------------------------------------

export class ConditionalFormatCollection extends CollectionImpl<RangeRef, ConditionalFormat> {
  get _type() { return CF_COLLECTION_TYPE; }
  _list(ref: RangeRef): ConditionalFormatModel[] { return ref.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, ref.rect)); }
  _itemProxy(m: unknown): ConditionalFormat { return new ConditionalFormat(this.context, `${this._path}.items`, () => m as ConditionalFormatModel); }

  add(cfType: string): ConditionalFormat {
    let created: ConditionalFormatModel | undefined;
    this._call("add", { type: cfType }, (ref) => {
      if (!["CellValue", "ContainsText", "Custom", "IconSet"].includes(cfType)) {
        throw new EmulatorError("NotImplemented", `conditional format type ${cfType} is not emulated`);
      }
      created = {
        id: this.context.model.newId("cf"), type: cfType, rect: ref.rect, stopIfTrue: false, format: {},
        ...(cfType === "CellValue" ? { cellValueRule: { formula1: "", operator: "Between" } } : {}),
        ...(cfType === "ContainsText" ? { textRule: { operator: "Contains", text: "" } } : {}),
        ...(cfType === "Custom" ? { customFormula: "" } : {}),
        ...(cfType === "IconSet" ? { iconSet: { style: "ThreeTrafficLights1", reverseIconOrder: false, showIconOnly: false, criteria: defaultIconCriteria(3) } } : {}),
      };
      ref.sheet.conditionalFormats.unshift(created);
    });
    return new ConditionalFormat(this.context, `${this._path}.add`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the conditional format was not added");
      return created;
    });
  }
  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, `${this._path}.getItem`, () => {
      const cf = this._model().sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw new EmulatorError("ItemNotFound", `no conditional format ${id}`);
      return cf;
    });
  }
  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, `${this._path}.getItemAt`, () => {
      const cf = this._list(this._model())[index];
      if (!cf) throw new EmulatorError("ItemNotFound", `no conditional format at ${index}`);
      return cf;
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (ref) => this._list(ref).length); }
  clearAll(): void {
    this._call("clearAll", {}, (ref) => { ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, ref.rect)); });
  }
}
const CF_COLLECTION_TYPE = type<RangeRef>("ConditionalFormatCollection", {});

function defaultIconCriteria(n: number): { type: string; operator: string; formula: string }[] {
  const out = [{ type: "Invalid", operator: "Invalid", formula: "" }];
  for (let i = 1; i < n; i++) out.push({ type: "Percent", operator: "GreaterThanOrEqual", formula: `=${Math.round((100 * i) / n)}` });
  return out;
}

function sheetOfCf(wb: WorkbookModel, cf: ConditionalFormatModel): SheetModel {
  const s = wb.sheets.find((x) => x.conditionalFormats.includes(cf));
  if (!s) throw new EmulatorError("ItemNotFound", "the conditional format was deleted");
  return s;
}

export class ConditionalFormat extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return this._cfType(); }
  private _cfType(): ProxyType<ConditionalFormatModel> {
    const wb = this.context.model;
    return type<ConditionalFormatModel>("ConditionalFormat", {
      id: { get: (m) => m.id },
      type: { get: (m) => m.type },
      stopIfTrue: { get: (m) => m.stopIfTrue, set: (m, v) => { m.stopIfTrue = Boolean(v); } },
      priority: {
        get: (m) => sheetOfCf(wb, m).conditionalFormats.indexOf(m),
        set: (m, v) => {
          const list = sheetOfCf(wb, m).conditionalFormats;
          list.splice(list.indexOf(m), 1);
          let p = Math.trunc(Number(v));
          if (p < 0) p = list.length + 1 + p;
          p = Math.max(0, Math.min(list.length, p));
          list.splice(p, 0, m);
        },
      },
    });
  }
  private _part<T extends ClientObjectImpl>(name: string, want: string, make: (resolve: () => ConditionalFormatModel) => T): T {
    return this._child(name, () => make(() => {
      const m = this._model();
      if (m.type !== want) throw new EmulatorError("InvalidOperation", `a ${m.type} conditional format has no ${name}`);
      return m;
    }));
  }
  get cellValue(): CfPart { return this._part("cellValue", "CellValue", (r) => new CfPart(this.context, `${this._path}.cellValue`, r, "CellValueConditionalFormat")); }
  get textComparison(): CfPart { return this._part("textComparison", "ContainsText", (r) => new CfPart(this.context, `${this._path}.textComparison`, r, "TextConditionalFormat")); }
  get custom(): CfPart { return this._part("custom", "Custom", (r) => new CfPart(this.context, `${this._path}.custom`, r, "CustomConditionalFormat")); }
  get iconSet(): IconSetPart { return this._part("iconSet", "IconSet", (r) => new IconSetPart(this.context, `${this._path}.iconSet`, r)); }
  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "cellValue") return this.cellValue;
    if (name === "textComparison") return this.textComparison;
    if (name === "custom") return this.custom;
    if (name === "iconSet") return this.iconSet;
    return undefined;
  }
  getRange(): Range {
    return new Range(this.context, `${this._path}.getRange`, () => { const m = this._model(); return { sheet: sheetOfCf(this.context.model, m), rect: m.rect }; });
  }
  delete(): void {
    this._call("delete", {}, (m) => { const s = sheetOfCf(this.context.model, m); s.conditionalFormats.splice(s.conditionalFormats.indexOf(m), 1); });
  }
}
accessors(ConditionalFormat, ["id", "type", "stopIfTrue", "priority"]);

const CF_PART_TYPES: Record<string, ProxyType<ConditionalFormatModel>> = {
  CellValueConditionalFormat: type("CellValueConditionalFormat", {
    rule: { get: (m) => ({ ...m.cellValueRule }), set: (m, v) => { const r = v as { formula1?: string; formula2?: string; operator?: string }; m.cellValueRule = { formula1: String(r.formula1 ?? ""), ...(r.formula2 !== undefined ? { formula2: String(r.formula2) } : {}), operator: String(r.operator ?? "Between") }; } },
  }),
  TextConditionalFormat: type("TextConditionalFormat", {
    rule: { get: (m) => ({ ...m.textRule }), set: (m, v) => { const r = v as { operator?: string; text?: string }; m.textRule = { operator: String(r.operator ?? "Contains"), text: String(r.text ?? "") }; } },
  }),
  CustomConditionalFormat: type("CustomConditionalFormat", {}),
};

/** CellValue, TextComparison and Custom conditional formats: a format and a rule. */
export class CfPart extends ClientObjectImpl<ConditionalFormatModel> {
  constructor(ctx: Ctx, path: string, resolve: () => ConditionalFormatModel, private readonly typeName: string) { super(ctx, path, resolve); }
  get _type() { return CF_PART_TYPES[this.typeName]; }
  get format(): ConditionalRangeFormat { return this._child("format", () => new ConditionalRangeFormat(this.context, `${this._path}.format`, () => this._model())); }
  /** CustomConditionalFormat.rule is an object with a formula property. */
  get rule(): unknown {
    if (this.typeName === "CustomConditionalFormat") return this._child("rule", () => new ConditionalFormatRule(this.context, `${this._path}.rule`, () => this._model()));
    return this._get("rule");
  }
  set rule(v: unknown) { this._set("rule", v); }
  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "format") return this.format;
    if (name === "rule" && this.typeName === "CustomConditionalFormat") return this.rule as ClientObjectImpl;
    return undefined;
  }
}

const CF_RULE_TYPE = type<ConditionalFormatModel>("ConditionalFormatRule", {
  formula: { get: (m) => m.customFormula ?? "", set: (m, v) => { m.customFormula = String(v); } },
  formulaLocal: { get: (m) => m.customFormula ?? "", set: (m, v) => { m.customFormula = String(v); } },
});
export class ConditionalFormatRule extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_RULE_TYPE; }
}
accessors(ConditionalFormatRule, ["formula", "formulaLocal"]);

const ICON_SET_TYPE = type<ConditionalFormatModel>("IconSetConditionalFormat", {
  style: { get: (m) => m.iconSet!.style, set: (m, v) => { m.iconSet!.style = String(v); const n = /^Five/.test(String(v)) ? 5 : /^Four/.test(String(v)) ? 4 : 3; if (m.iconSet!.criteria.length !== n) m.iconSet!.criteria = defaultIconCriteria(n); } },
  reverseIconOrder: { get: (m) => m.iconSet!.reverseIconOrder, set: (m, v) => { m.iconSet!.reverseIconOrder = Boolean(v); } },
  showIconOnly: { get: (m) => m.iconSet!.showIconOnly, set: (m, v) => { m.iconSet!.showIconOnly = Boolean(v); } },
  criteria: {
    get: (m) => m.iconSet!.criteria.map((c) => ({ ...c })),
    set: (m, v) => {
      if (!Array.isArray(v) || v.length !== m.iconSet!.criteria.length) {
        throw new EmulatorError("InvalidArgument", `an icon set of style ${m.iconSet!.style} takes ${m.iconSet!.criteria.length} criteria`);
      }
      m.iconSet!.criteria = v.map((c: Record<string, unknown>) => ({ type: String(c?.type ?? "Invalid"), operator: String(c?.operator ?? "Invalid"), formula: String(c?.formula ?? "") }));
    },
  },
});
export class IconSetPart extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return ICON_SET_TYPE; }
}
accessors(IconSetPart, ["style", "reverseIconOrder", "showIconOnly", "criteria"]);

const CF_FORMAT_TYPE = type<ConditionalFormatModel>("ConditionalRangeFormat", {
  numberFormat: { get: (m) => m.format.numberFormat ?? null, set: (m, v) => { m.format.numberFormat = String(v); } },
});
export class ConditionalRangeFormat extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_FORMAT_TYPE; }
  get fill(): ConditionalRangeFill { return this._child("fill", () => new ConditionalRangeFill(this.context, `${this._path}.fill`, () => this._model())); }
  get font(): ConditionalRangeFont { return this._child("font", () => new ConditionalRangeFont(this.context, `${this._path}.font`, () => this._model())); }
  override _nav(name: string): ClientObjectImpl | undefined { return name === "fill" ? this.fill : name === "font" ? this.font : undefined; }
}
accessors(ConditionalRangeFormat, ["numberFormat"]);

const CF_FILL_TYPE = type<ConditionalFormatModel>("ConditionalRangeFill", {
  color: { get: (m) => m.format.fill ?? null, set: (m, v) => { m.format.fill = normaliseColour(v); } },
});
export class ConditionalRangeFill extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_FILL_TYPE; }
  clear(): void { this._call("clear", {}, (m) => { delete m.format.fill; }); }
}
accessors(ConditionalRangeFill, ["color"]);

const CF_FONT_TYPE = type<ConditionalFormatModel>("ConditionalRangeFont", {
  color: { get: (m) => m.format.fontColor ?? null, set: (m, v) => { m.format.fontColor = normaliseColour(v); } },
  bold: { get: (m) => m.format.bold ?? null, set: (m, v) => { m.format.bold = Boolean(v); } },
  italic: { get: (m) => m.format.italic ?? null, set: (m, v) => { m.format.italic = Boolean(v); } },
});
export class ConditionalRangeFont extends ClientObjectImpl<ConditionalFormatModel> {
  get _type() { return CF_FONT_TYPE; }
}
accessors(ConditionalRangeFont, ["color", "bold", "italic"]);

// ---------------------------------------------------------------------------------------------
// Worksheet  https://learn.microsoft.com/javascript/api/excel/excel.worksheet
// ---------------------------------------------------------------------------------------------

const WORKSHEET_TYPE = (wb: WorkbookModel) => type<SheetModel>("Worksheet", {
  name: {
    get: (s) => s.name,
    set: (s, v) => {
      const name = String(v);
      const other = wb.sheetByName(name);
      if (other && other !== s) throw new EmulatorError("ItemAlreadyExists", `a sheet named "${name}" already exists`);
      if (!/^[^:\\/?*[\]]{1,31}$/.test(name)) throw new EmulatorError("InvalidArgument", `"${name}" is not a valid worksheet name`);
      s.name = name;
    },
  },
  id: { get: (s) => s.id },
  position: {
    get: (s) => wb.sheets.indexOf(s),
    set: (s, v) => {
      const p = Number(v);
      if (!Number.isInteger(p) || p < 0 || p >= wb.sheets.length) throw new EmulatorError("InvalidArgument", `position ${v} is outside 0..${wb.sheets.length - 1}`);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.sheets.splice(p, 0, s);
    },
  },
  visibility: {
    get: (s) => s.visibility,
    set: (s, v) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new EmulatorError("InvalidArgument", `visibility "${v}" is not Visible, Hidden or VeryHidden`);
      if (v !== "Visible" && wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new EmulatorError("InvalidOperation", "a workbook must keep at least one visible sheet");
      }
      s.visibility = v;
      if (v !== "Visible" && wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === "Visible")!.id;
    },
  },
  tabColor: { get: (s) => s.tabColor, set: (s, v) => { s.tabColor = v === "" ? "" : normaliseColour(v); } },
});

export class Worksheet extends ClientObjectImpl<SheetModel> {
  get _type() { return WORKSHEET_TYPE(this.context.model); }
  private _range(name: string, f: (s: SheetModel) => CellRect, orNull = false): Range {
    return new Range(this.context, `${this._path}.${name}`, () => { const s = liveSheet(this.context.model, this._model()); return { sheet: s, rect: f(s) }; }, orNull);
  }
  /** getRange() with no address is the whole sheet. */
  getRange(address?: string): Range {
    return this._range(`getRange(${JSON.stringify(address ?? "")})`, (s) => (address === undefined || address === "" ? { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLUMNS } : rectOnSheet(s, address)));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._range("getRangeByIndexes", () => checkedRect(startRow, startColumn, rowCount, columnCount));
  }
  getCell(row: number, column: number): Range { return this._range("getCell", () => checkedRect(row, column, 1, 1)); }
  /** "If the entire worksheet is blank, this function will return the top left cell." */
  getUsedRange(valuesOnly = false): Range {
    return this._range("getUsedRange", (s) => s.usedRect(valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 });
  }
  /** "If the entire worksheet is blank, then this method returns an object with its isNullObject property set to true." */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._range("getUsedRangeOrNullObject", (s) => {
      const r = s.usedRect(valuesOnly);
      if (!r) throw new EmulatorError("ItemNotFound", "the worksheet is blank");
      return r;
    }, true);
  }
  /**
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)
   * "Activate the worksheet in the Excel UI." The selection moves with it: to the cells last selected
   * on that sheet, or A1 on a sheet never selected (Excel keeps a selection per sheet; the emulator
   * assumes A1 for a new one, as a new sheet opens).
   */
  activate(): void {
    this._call("activate", {}, (s) => {
      const wb = this.context.model;
      liveSheet(wb, s);
      wb.activeSheetId = s.id;
      if (wb.selection?.sheetId !== s.id) wb.selection = { sheetId: s.id, rect: s.selectedRect ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }
  /**
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
   * Excel keeps at least one visible sheet; the error code for trying is not documented, so
   * InvalidOperation ("The operation attempted is invalid on the object") is an assumption.
   */
  delete(): void {
    this._call("delete", {}, (s) => {
      const wb = this.context.model;
      liveSheet(wb, s);
      if (wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) throw new EmulatorError("InvalidOperation", "a workbook must keep at least one visible sheet");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === "Visible")!.id;
      if (wb.selection?.sheetId === s.id) wb.selection = null;
    });
  }
  get tables(): TableCollection { return this._child("tables", () => new TableCollection(this.context, `${this._path}.tables`, () => ({ wb: this.context.model, sheet: this._model() }))); }
  get charts(): ChartCollection { return this._child("charts", () => new ChartCollection(this.context, `${this._path}.charts`, () => this._model())); }
  get freezePanes(): WorksheetFreezePanes { return this._child("freezePanes", () => new WorksheetFreezePanes(this.context, `${this._path}.freezePanes`, () => this._model())); }
  /** https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-pagelayout-member (ExcelApi 1.9) */
  /** https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-horizontalpagebreaks-member (ExcelApi 1.9) */
  get horizontalPageBreaks(): PageBreakCollection { return this._child("horizontalPageBreaks", () => new PageBreakCollection(this.context, `${this._path}.horizontalPageBreaks`, () => this._model())); }
  get pageLayout(): PageLayout { return this._child("pageLayout", () => new PageLayout(this.context, `${this._path}.pageLayout`, () => this._model())); }
  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "tables") return this.tables;
    if (name === "charts") return this.charts;
    if (name === "pageLayout") return this.pageLayout;
    if (name === "horizontalPageBreaks") return this.horizontalPageBreaks;
    return undefined;
  }
}
accessors(Worksheet, ["name", "id", "position", "visibility", "tabColor"]);

/** https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes */
export class WorksheetFreezePanes extends ClientObjectImpl<SheetModel> {
  get _type() { return FREEZE_TYPE; }
  freezeRows(count = 1): void { this._call("freezeRows", { count }, (s) => { s.frozen = { rows: count, columns: 0 }; }); }
  freezeColumns(count = 1): void { this._call("freezeColumns", { count }, (s) => { s.frozen = { rows: 0, columns: count }; }); }
  /** "The range provided corresponds to cells that will be frozen in the top- and left-most pane." */
  freezeAt(frozenRange: Range | string): void {
    this._sameContext(frozenRange);
    this._call("freezeAt", { frozenRange: typeof frozenRange === "string" ? frozenRange : frozenRange._path }, (s) => {
      const ref = typeof frozenRange === "string" ? { sheet: s, rect: rectOnSheet(s, frozenRange) } : frozenRange._model();
      s.frozen = { rows: ref.rect.row + ref.rect.rowCount, columns: ref.rect.col + ref.rect.colCount };
    });
  }
  unfreeze(): void { this._call("unfreeze", {}, (s) => { s.frozen = { rows: 0, columns: 0 }; }); }
  getLocationOrNullObject(): Range {
    return new Range(this.context, `${this._path}.getLocationOrNullObject`, () => {
      const s = this._model();
      const { rows, columns } = s.frozen;
      if (rows === 0 && columns === 0) throw new EmulatorError("ItemNotFound", "no frozen panes");
      return { sheet: s, rect: { row: 0, col: 0, rowCount: rows || MAX_ROWS, colCount: columns || MAX_COLUMNS } };
    }, true);
  }
}
const FREEZE_TYPE = type<SheetModel>("WorksheetFreezePanes", {});

/**
 * Print setup of a worksheet: https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * (orientation, zoom as Excel.PageLayoutZoomOptions, setPrintTitleRows / getPrintTitleRowsOrNullObject).
 * Only what the scorecard sheets use is emulated: other members are absent.
 */
export class PageLayout extends ClientObjectImpl<SheetModel> {
  get _type() { return PAGE_LAYOUT_TYPE; }
  /** "Sets the worksheet's print title rows": whole rows, e.g. "$1:$5" or a Range; rows repeat at the top of every printed page. */
  setPrintTitleRows(rows: Range | string): void {
    this._sameContext(rows);
    this._call("setPrintTitleRows", { rows: typeof rows === "string" ? rows : rows._path }, (s) => {
      let first: number, last: number;
      if (typeof rows === "string") {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.replace(/^.*!/, ""));
        if (m) { first = Number(m[1]) - 1; last = Number(m[2]) - 1; } else { const r = rectOnSheet(s, rows); first = r.row; last = r.row + r.rowCount - 1; }
      } else { const r = rows._model().rect; first = r.row; last = r.row + r.rowCount - 1; }
      if (!(first >= 0 && last >= first && last < MAX_ROWS)) throw new EmulatorError("InvalidArgument", `print title rows ${String(rows)} are not rows of the sheet`);
      s.pageLayout.printTitleRows = { first, last };
    });
  }
  /** The rows repeated on every printed page, as whole rows ("$1:$5"); a null object when none are set. */
  getPrintTitleRowsOrNullObject(): Range {
    return new Range(this.context, `${this._path}.getPrintTitleRowsOrNullObject`, () => {
      const s = this._model();
      const t = s.pageLayout.printTitleRows;
      if (!t) throw new EmulatorError("ItemNotFound", "no print title rows");
      return { sheet: s, rect: { row: t.first, col: 0, rowCount: t.last - t.first + 1, colCount: MAX_COLUMNS } };
    }, true);
  }
}
/**
 * Manual horizontal page breaks: https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection
 * add(pageBreakRange) "Adds a page break before the top-left cell of the range specified";
 * removePageBreaks() resets them; getCount(). (Only what the scorecard uses: no items.)
 */
export class PageBreakCollection extends ClientObjectImpl<SheetModel> {
  get _type() { return PAGE_BREAKS_TYPE; }
  add(pageBreakRange: Range | string): void {
    this._sameContext(pageBreakRange);
    this._call("add", { pageBreakRange: typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange._path }, (s) => {
      const row = typeof pageBreakRange === "string" ? rectOnSheet(s, pageBreakRange).row : pageBreakRange._model().rect.row;
      if (row === 0) throw new EmulatorError("InvalidArgument", "a page break cannot go before the first row");
      if (!s.rowBreaks.includes(row)) s.rowBreaks = [...s.rowBreaks, row].sort((a, b) => a - b);
    });
  }
  removePageBreaks(): void { this._call("removePageBreaks", {}, (s) => { s.rowBreaks = []; }); }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (s) => s.rowBreaks.length); }
}
const PAGE_BREAKS_TYPE = type<SheetModel>("PageBreakCollection", {});

const PAGE_LAYOUT_TYPE = type<SheetModel>("PageLayout", {
  orientation: {
    get: (s) => s.pageLayout.orientation,
    set: (s, v) => {
      if (v !== "Portrait" && v !== "Landscape") throw new EmulatorError("InvalidArgument", `orientation "${String(v)}" is not Portrait or Landscape`);
      s.pageLayout.orientation = v;
    },
  },
  zoom: {
    get: (s) => ({ ...s.pageLayout.zoom }),
    set: (s, v) => {
      const z = (v ?? {}) as { scale?: unknown; horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
      const out: PageLayoutModel["zoom"] = {};
      for (const k of ["scale", "horizontalFitToPages", "verticalFitToPages"] as const) {
        const x = z[k];
        if (x === undefined || x === null) continue;
        if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || (k === "scale" && (x < 10 || x > 400))) throw new EmulatorError("InvalidArgument", `zoom.${k} ${String(x)} is not valid`);
        out[k] = x;
      }
      s.pageLayout.zoom = out;
    },
  },
});
accessors(PageLayout, ["orientation", "zoom"]);

/** https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection */
export class WorksheetCollection extends CollectionImpl<WorkbookModel, Worksheet> {
  get _type() { return WS_COLLECTION_TYPE; }
  _list(wb: WorkbookModel): SheetModel[] { return wb.sheets; }
  _itemProxy(m: unknown): Worksheet { return new Worksheet(this.context, `Worksheets.items`, () => m as SheetModel); }
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this._call("add", { name }, (wb) => { created = wb.addSheet(name); });
    return new Worksheet(this.context, `Worksheets.add(${JSON.stringify(name ?? "")})`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the worksheet was not added");
      return created;
    });
  }
  private _find(key: string): SheetModel {
    const wb = this._model();
    const s = wb.sheetByName(key) ?? wb.sheets.find((x) => x.id === key);
    if (!s) throw new EmulatorError("ItemNotFound", `no worksheet "${key}"`);
    return s;
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitem-member(1) */
  getItem(key: string): Worksheet { return new Worksheet(this.context, `Worksheets.getItem(${JSON.stringify(key)})`, () => this._find(key)); }
  getItemOrNullObject(key: string): Worksheet { return new Worksheet(this.context, `Worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key), true); }
  getActiveWorksheet(): Worksheet { return new Worksheet(this.context, "Worksheets.getActiveWorksheet()", () => this._model().activeSheet()); }
  getFirst(visibleOnly = false): Worksheet {
    return new Worksheet(this.context, "Worksheets.getFirst()", () => {
      const s = this._model().sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw new EmulatorError("ItemNotFound", "no worksheets");
      return s;
    });
  }
  getCount(visibleOnly = false): ClientResultImpl<number> { return this._result("getCount", (wb) => wb.sheets.filter((x) => !visibleOnly || x.visibility === "Visible").length); }
}
const WS_COLLECTION_TYPE = type<WorkbookModel>("WorksheetCollection", {});

// ---------------------------------------------------------------------------------------------
// Tables  https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
// ---------------------------------------------------------------------------------------------

function headerRect(t: TableModel): CellRect { return { row: t.rect.row, col: t.rect.col, rowCount: 1, colCount: t.rect.colCount }; }
function bodyRect(t: TableModel): CellRect {
  const top = t.showHeaders ? 1 : 0;
  return { row: t.rect.row + top, col: t.rect.col, rowCount: t.rect.rowCount - top - (t.showTotals ? 1 : 0), colCount: t.rect.colCount };
}
function totalRect(t: TableModel): CellRect {
  if (!t.showTotals) throw new EmulatorError("InvalidOperation", `the table ${t.name} shows no total row`);
  return { row: t.rect.row + t.rect.rowCount - 1, col: t.rect.col, rowCount: 1, colCount: t.rect.colCount };
}
function liveTable(wb: WorkbookModel, t: TableModel): TableModel {
  if (!wb.tables.includes(t)) throw new EmulatorError("ItemNotFound", `the table ${t.name} was deleted`);
  return t;
}
function headerText(sheet: SheetModel, row: number, col: number): string {
  const c = sheet.cell(row, col);
  return c === undefined || c.value === null ? "" : String(c.value);
}

/**
 * Header names as Excel makes them: blanks become "Column1".., duplicates get 2, 3.., all are text.
 * Source: https://support.microsoft.com/office/create-and-format-tables-e81aa349-b006-4f8a-9806-5af9df0ac664
 */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, i) => {
    let name = h.trim() === "" ? `Column${i + 1}` : h;
    if (seen.has(name.toLowerCase())) {
      let n = 2;
      while (seen.has(`${name}${n}`.toLowerCase())) n++;
      name = `${name}${n}`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Names of tables and defined names: letter or underscore first, no spaces, not a cell reference. */
function validName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc]$/.test(name) && name.length <= 255;
}

interface TablesScope {
  wb: WorkbookModel;
  sheet?: SheetModel;
  /** Range.getTables: only tables overlapping (or, when fully, inside) this rectangle of `sheet`. */
  within?: { rect: CellRect; fully: boolean };
}

function tableInScope(t: TableModel, s: TablesScope): boolean {
  if (s.sheet && t.sheet !== s.sheet) return false;
  if (!s.within) return true;
  const overlap = intersect(t.rect, s.within.rect);
  if (!overlap) return false;
  return !s.within.fully || (overlap.rowCount === t.rect.rowCount && overlap.colCount === t.rect.colCount);
}

export class TableCollection extends CollectionImpl<TablesScope, Table> {
  get _type() { return TABLE_COLLECTION_TYPE; }
  _list(s: TablesScope): TableModel[] { return s.wb.tables.filter((t) => tableInScope(t, s)); }
  _itemProxy(m: unknown): Table { return new Table(this.context, `${this._path}.items`, () => m as TableModel); }
  /**
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)
   * A table may not overlap another (MergedRangeConflict's message names tables); a header-only
   * range gets one empty body row.
   */
  add(address: Range | string, hasHeaders: boolean): Table {
    this._sameContext(address);
    let created: TableModel | undefined;
    this._call("add", { address: typeof address === "string" ? address : address._path, hasHeaders }, (scope) => {
      const ref = refOf(scope.wb, address, scope.sheet);
      if (scope.sheet && ref.sheet !== scope.sheet) throw new EmulatorError("InvalidArgument", "the address is on another worksheet");
      if (!hasHeaders) throw new EmulatorError("NotImplemented", "tables without a header row in the source are not emulated: add the headers and pass hasHeaders true");
      if (ref.rect.rowCount === MAX_ROWS || ref.rect.colCount === MAX_COLUMNS) throw new EmulatorError("InvalidArgument", "a table cannot span a whole column or row");
      if (scope.wb.tables.some((t) => t.sheet === ref.sheet && intersect(t.rect, ref.rect))) throw new EmulatorError("MergedRangeConflict", "the range overlaps another table");
      const rect = ref.rect.rowCount === 1 ? { ...ref.rect, rowCount: 2 } : ref.rect;
      const raw = Array.from({ length: rect.colCount }, (_, j) => headerText(ref.sheet, rect.row, rect.col + j));
      uniqueHeaders(raw).forEach((h, j) => { const cell = ref.sheet.ensureCell(rect.row, rect.col + j); cell.value = h; delete cell.formula; delete cell.error; });
      let n = 1;
      while (scope.wb.tableByName(`Table${n}`) || scope.wb.names.has(`table${n}`)) n++;
      created = {
        id: scope.wb.newId("table"), name: `Table${n}`, sheet: ref.sheet, rect, showHeaders: true, showTotals: false, style: "TableStyleMedium2",
        columnIds: Array.from({ length: rect.colCount }, (_, j) => j + 1), nextColumnId: rect.colCount + 1,
      };
      scope.wb.tables.push(created);
    });
    return new Table(this.context, `${this._path}.add`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the table was not added");
      return created;
    });
  }
  private _find(key: string): TableModel {
    const scope = this._model();
    const t = scope.wb.tableByName(key);
    if (!t || !tableInScope(t, scope)) throw new EmulatorError("ItemNotFound", `no table "${key}"`);
    return t;
  }
  getItem(key: string): Table { return new Table(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => this._find(key)); }
  getItemOrNullObject(key: string): Table { return new Table(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key), true); }
  getItemAt(index: number): Table {
    return new Table(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._list(this._model())[index];
      if (!t) throw new EmulatorError("ItemNotFound", `no table at ${index}`);
      return t;
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (s) => this._list(s).length); }
}
const TABLE_COLLECTION_TYPE = type<TablesScope>("TableCollection", {});

const TABLE_TYPE = (wb: WorkbookModel) => type<TableModel>("Table", {
  name: {
    get: (t) => t.name,
    set: (t, v) => {
      const name = String(v);
      if (!validName(name)) throw new EmulatorError("InvalidArgument", `"${name}" is not a valid table name`);
      const other = wb.tableByName(name);
      if ((other && other !== t) || wb.names.has(name.toLowerCase())) throw new EmulatorError("ItemAlreadyExists", `the name "${name}" is taken`);
      t.name = name;
    },
  },
  id: { get: (t) => t.id },
  showHeaders: { get: (t) => t.showHeaders },
  showTotals: {
    get: (t) => t.showTotals,
    set: (t, v) => {
      const on = Boolean(v);
      if (on === t.showTotals) return;
      t.rect = { ...t.rect, rowCount: t.rect.rowCount + (on ? 1 : -1) };
      t.showTotals = on;
    },
  },
  style: { get: (t) => t.style, set: (t, v) => { t.style = String(v); } },
});

export class Table extends ClientObjectImpl<TableModel> {
  get _type() { return TABLE_TYPE(this.context.model); }
  private _range(name: string, f: (t: TableModel) => CellRect): Range {
    return new Range(this.context, `${this._path}.${name}`, () => { const t = liveTable(this.context.model, this._model()); return { sheet: t.sheet, rect: f(t) }; });
  }
  getRange(): Range { return this._range("getRange", (t) => t.rect); }
  getHeaderRowRange(): Range { return this._range("getHeaderRowRange", headerRect); }
  getDataBodyRange(): Range { return this._range("getDataBodyRange", bodyRect); }
  getTotalRowRange(): Range { return this._range("getTotalRowRange", totalRect); }
  get columns(): TableColumnCollection { return this._child("columns", () => new TableColumnCollection(this.context, `${this._path}.columns`, () => liveTable(this.context.model, this._model()))); }
  get rows(): TableRowCollection { return this._child("rows", () => new TableRowCollection(this.context, `${this._path}.rows`, () => liveTable(this.context.model, this._model()))); }
  get worksheet(): Worksheet { return this._child("worksheet", () => new Worksheet(this.context, `${this._path}.worksheet`, () => this._model().sheet)); }
  override _nav(name: string): ClientObjectImpl | undefined {
    if (name === "columns") return this.columns;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }
  delete(): void { this._call("delete", {}, (t) => { const wb = this.context.model; wb.tables = wb.tables.filter((x) => x !== t); }); }
  convertToRange(): Range {
    let rect: CellRect | undefined;
    let sheet: SheetModel | undefined;
    this._call("convertToRange", {}, (t) => { rect = t.rect; sheet = t.sheet; const wb = this.context.model; wb.tables = wb.tables.filter((x) => x !== t); });
    return new Range(this.context, `${this._path}.convertToRange`, () => {
      if (!rect || !sheet) throw new EmulatorError("ItemNotFound", "the table was not converted");
      return { sheet, rect };
    });
  }
}
accessors(Table, ["name", "id", "showHeaders", "showTotals", "style"]);

interface ColumnRef { table: TableModel; id: number }
function columnIndexOf(c: ColumnRef): number {
  const i = c.table.columnIds.indexOf(c.id);
  if (i < 0) throw new EmulatorError("ItemNotFound", `the column was deleted from ${c.table.name}`);
  return i;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection */
export class TableColumnCollection extends CollectionImpl<TableModel, TableColumn> {
  get _type() { return TABLE_COLUMNS_TYPE; }
  _list(t: TableModel): ColumnRef[] { return t.columnIds.map((id) => ({ table: t, id })); }
  _itemProxy(m: unknown): TableColumn { return new TableColumn(this.context, `${this._path}.items`, () => m as ColumnRef); }
  /**
   * Adds a column at `index` (null: at the right), shifting cells to its right in the table's rows.
   * values: header plus body (plus total) rows, or null; name overrides the header.
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)
   */
  add(index?: number | null, values?: unknown, name?: string | null): TableColumn {
    let created: ColumnRef | undefined;
    this._call("add", { index, values, name }, (t) => {
      const at = index === null || index === undefined ? t.columnIds.length : index;
      if (at < 0 || at > t.columnIds.length) throw new EmulatorError("InvalidArgument", `column index ${at} is outside 0..${t.columnIds.length}`);
      const col = t.rect.col + at;
      if (at < t.columnIds.length) {
        for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) {
          const row = t.sheet.rows[r];
          if (row && row.length > col) row.splice(col, 0, undefined);
        }
      }
      const rect = { row: t.rect.row, col, rowCount: t.rect.rowCount, colCount: 1 };
      if (values !== undefined && values !== null) {
        this.context.addCellsWritten(writeGrid(rect, values, (r, c, x) => writeValue(t.sheet, r, c, x, false), "values"));
      }
      const existing = t.columnIds.map((_, j) => headerText(t.sheet, t.rect.row, t.rect.col + (j < at ? j : j + 1)).toLowerCase());
      let header = name ?? headerText(t.sheet, t.rect.row, col);
      if (header === "") { let n = t.columnIds.length + 1; while (existing.includes(`column${n}`)) n++; header = `Column${n}`; }
      if (existing.includes(header.toLowerCase())) { let n = 2; while (existing.includes(`${header}${n}`.toLowerCase())) n++; header = `${header}${n}`; }
      const cell = t.sheet.ensureCell(t.rect.row, col);
      cell.value = header; delete cell.formula;
      const id = t.nextColumnId++;
      t.columnIds.splice(at, 0, id);
      t.rect = { ...t.rect, colCount: t.rect.colCount + 1 };
      created = { table: t, id };
    });
    return new TableColumn(this.context, `${this._path}.add`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the column was not added");
      return created;
    });
  }
  private _find(key: number | string): ColumnRef {
    const t = this._model();
    const byId = typeof key === "number" ? t.columnIds.find((id) => id === key) : undefined;
    if (byId !== undefined) return { table: t, id: byId };
    const lower = String(key).toLowerCase();
    const j = t.columnIds.findIndex((_, i) => headerText(t.sheet, t.rect.row, t.rect.col + i).toLowerCase() === lower || String(t.columnIds[i]) === String(key));
    if (j < 0) throw new EmulatorError("ItemNotFound", `no column "${key}" in ${t.name}`);
    return { table: t, id: t.columnIds[j] };
  }
  getItem(key: number | string): TableColumn { return new TableColumn(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => this._find(key)); }
  getItemOrNullObject(key: number | string): TableColumn { return new TableColumn(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key), true); }
  getItemAt(index: number): TableColumn {
    return new TableColumn(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._model();
      const id = t.columnIds[index];
      if (id === undefined) throw new EmulatorError("ItemNotFound", `no column at ${index}`);
      return { table: t, id };
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (t) => t.columnIds.length); }
}
const TABLE_COLUMNS_TYPE = type<TableModel>("TableColumnCollection", { count: { get: (t) => t.columnIds.length } });
accessors(TableColumnCollection, ["count"]);

function columnRect(c: ColumnRef): CellRect {
  return { row: c.table.rect.row, col: c.table.rect.col + columnIndexOf(c), rowCount: c.table.rect.rowCount, colCount: 1 };
}

const TABLE_COLUMN_TYPE = type<ColumnRef>("TableColumn", {
  id: { get: (c) => c.id },
  index: { get: (c) => columnIndexOf(c) },
  name: {
    get: (c) => headerText(c.table.sheet, c.table.rect.row, c.table.rect.col + columnIndexOf(c)),
    set: (c, v) => {
      const i = columnIndexOf(c);
      const name = String(v);
      const clash = c.table.columnIds.some((_, j) => j !== i && headerText(c.table.sheet, c.table.rect.row, c.table.rect.col + j).toLowerCase() === name.toLowerCase());
      if (clash) throw new EmulatorError("ItemAlreadyExists", `the table already has a column "${name}"`);
      const cell = c.table.sheet.ensureCell(c.table.rect.row, c.table.rect.col + i);
      cell.value = name; delete cell.formula;
    },
  },
  values: {
    get: (c) => readGrid(c.table.sheet, columnRect(c), "values"),
    set: (c, v, ctx) => { ctx.addCellsWritten(writeGrid(columnRect(c), v, (r, col, x) => writeValue(c.table.sheet, r, col, x, false), "values")); },
    cells: (c) => c.table.rect.rowCount,
  },
});

export class TableColumn extends ClientObjectImpl<ColumnRef> {
  get _type() { return TABLE_COLUMN_TYPE; }
  private _range(name: string, f: (c: ColumnRef) => CellRect): Range {
    return new Range(this.context, `${this._path}.${name}`, () => { const c = this._model(); liveTable(this.context.model, c.table); return { sheet: c.table.sheet, rect: f(c) }; });
  }
  getRange(): Range { return this._range("getRange", columnRect); }
  getHeaderRowRange(): Range { return this._range("getHeaderRowRange", (c) => ({ ...columnRect(c), rowCount: 1 })); }
  getDataBodyRange(): Range { return this._range("getDataBodyRange", (c) => ({ ...bodyRect(c.table), col: columnRect(c).col, colCount: 1 })); }
  getTotalRowRange(): Range { return this._range("getTotalRowRange", (c) => ({ ...totalRect(c.table), col: columnRect(c).col, colCount: 1 })); }
  delete(): void {
    this._call("delete", {}, (c) => {
      const i = columnIndexOf(c);
      const t = c.table;
      if (t.columnIds.length === 1) throw new EmulatorError("InvalidOperation", "a table keeps at least one column");
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) t.sheet.rows[r]?.splice(t.rect.col + i, 1);
      t.columnIds.splice(i, 1);
      t.rect = { ...t.rect, colCount: t.rect.colCount - 1 };
    });
  }
}
accessors(TableColumn, ["id", "index", "name", "values"]);

/** https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1) */
export class TableRowCollection extends ClientObjectImpl<TableModel> {
  get _type() { return TABLE_ROWS_TYPE; }
  /** Inserts rows into the body at `index` (null: after the last), shifting cells below in the table's columns down. */
  add(index?: number | null, values?: unknown[][], _alwaysInsert?: boolean): void {
    this._call("add", { index, values }, (t) => {
      const body = bodyRect(t);
      const n = Array.isArray(values) ? values.length : 1;
      if (n === 0) return;
      const at = index === null || index === undefined ? body.rowCount : index;
      if (at < 0 || at > body.rowCount) throw new EmulatorError("InvalidArgument", `row index ${at} is outside 0..${body.rowCount}`);
      // A brand-new table has one blank body row; Excel fills it rather than adding below it.
      const blankOnly = body.rowCount === 1 && at === 1 && readGrid(t.sheet, body, "values")[0].every((v) => v === "");
      const startRow = blankOnly ? body.row : body.row + at;
      const added = blankOnly ? n - 1 : n;
      if (added > 0) {
        t.sheet.shiftDown(startRow + (blankOnly ? 1 : 0), t.rect.col, t.rect.colCount, added);
        t.rect = { ...t.rect, rowCount: t.rect.rowCount + added };
      }
      if (values) {
        this.context.addCellsWritten(writeGrid({ row: startRow, col: t.rect.col, rowCount: n, colCount: t.rect.colCount }, values, (r, c, x) => writeValue(t.sheet, r, c, x, false), "values"));
      }
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (t) => bodyRect(t).rowCount); }
}
const TABLE_ROWS_TYPE = type<TableModel>("TableRowCollection", { count: { get: (t) => bodyRect(t).rowCount } });
accessors(TableRowCollection, ["count"]);

// ---------------------------------------------------------------------------------------------
// Charts  https://learn.microsoft.com/javascript/api/excel/excel.chartcollection
// ---------------------------------------------------------------------------------------------

/** Default size of a new chart: 360 x 216 points (5 x 3 inches). */
const CHART_WIDTH = 360, CHART_HEIGHT = 216;

function colLeft(sheet: SheetModel, col: number): number {
  let x = 0;
  for (let c = 0; c < col; c++) x += sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  return x;
}
function rowTop(sheet: SheetModel, row: number): number {
  let y = 0;
  for (let r = 0; r < row; r++) y += sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  return y;
}
/** The cell (0-based) whose edge is at or after a point offset, for anchoring by points. */
function colAt(sheet: SheetModel, points: number): number {
  let x = 0, c = 0;
  while (x + (sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) <= points + 1e-9 && c < MAX_COLUMNS - 1) { x += sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH; c++; }
  return c;
}
function rowAt(sheet: SheetModel, points: number): number {
  let y = 0, r = 0;
  while (y + (sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT) <= points + 1e-9 && r < MAX_ROWS - 1) { y += sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT; r++; }
  return r;
}

/** The anchor of a chart: from setPosition, or derived from its points (top-left cell, and the cell after the bottom-right corner). */
export function chartAnchor(chart: ChartModel): { from: { row: number; col: number }; to: { row: number; col: number } } {
  if (chart.anchor) return chart.anchor;
  const from = { row: rowAt(chart.sheet, chart.top), col: colAt(chart.sheet, chart.left) };
  const to = { row: rowAt(chart.sheet, chart.top + chart.height), col: colAt(chart.sheet, chart.left + chart.width) };
  return { from, to };
}

function isText(cell: CellModel | undefined): boolean {
  return cell !== undefined && typeof cell.value === "string" && !cell.error;
}

/**
 * Series from a source range as Excel builds them: by columns (Excel on the web treats "Auto" as
 * "Columns": https://learn.microsoft.com/javascript/api/excel/excel.chartseriesby), the first row is
 * series names when it holds text, the first column is categories when it holds text.
 */
export function seriesFromSource(src: RangeRef, seriesBy: string): ChartSeriesModel[] {
  const { sheet, rect } = src;
  const byRows = seriesBy === "Rows";
  const lines = byRows ? rect.rowCount : rect.colCount;
  const along = byRows ? rect.colCount : rect.rowCount;
  const at = (line: number, i: number) => (byRows ? sheet.cell(rect.row + line, rect.col + i) : sheet.cell(rect.row + i, rect.col + line));
  let hasNames = false, hasCategories = false;
  if (along > 1) for (let l = 0; l < lines; l++) if (isText(at(l, 0)) && l > 0) hasNames = true;
  if (lines > 1) for (let i = hasNames ? 1 : 0; i < along; i++) if (isText(at(0, i))) hasCategories = true;
  if (lines > 1 && along > 1 && at(0, 0)?.value == null && hasNames) hasCategories = true;
  const first = hasCategories ? 1 : 0;
  const start = hasNames ? 1 : 0;
  const lineRect = (l: number, from: number, count: number): CellRect =>
    byRows ? { row: rect.row + l, col: rect.col + from, rowCount: 1, colCount: count } : { row: rect.row + from, col: rect.col + l, rowCount: count, colCount: 1 };
  const out: ChartSeriesModel[] = [];
  for (let l = first; l < lines; l++) {
    out.push({
      ...(hasNames ? { nameRef: { sheet, rect: lineRect(l, 0, 1) } } : { name: `Series${out.length + 1}` }),
      values: { sheet, rect: lineRect(l, start, along - start) },
      ...(hasCategories ? { categories: { sheet, rect: lineRect(0, start, along - start) } } : {}),
      pointColours: [],
    });
  }
  return out;
}

export class ChartCollection extends CollectionImpl<SheetModel, Chart> {
  get _type() { return CHART_COLLECTION_TYPE; }
  _list(s: SheetModel): ChartModel[] { return s.charts; }
  _itemProxy(m: unknown): Chart { return new Chart(this.context, `${this._path}.items`, () => m as ChartModel); }
  /** https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1) */
  add(chartType: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    this._sameContext(sourceData);
    let created: ChartModel | undefined;
    this._call("add", { type: chartType, sourceData: sourceData?._path, seriesBy }, (sheet) => {
      if (!(sourceData instanceof Range)) throw new EmulatorError("InvalidArgument", "sourceData must be a Range");
      const src = sourceData._model();
      const wb = this.context.model;
      let n = 1;
      const names = new Set(wb.sheets.flatMap((s) => s.charts.map((c) => c.name)));
      while (names.has(`Chart ${n}`)) n++;
      created = {
        id: wb.newId("chart"), name: `Chart ${n}`, sheet, type: chartType, series: seriesFromSource(src, seriesBy),
        title: { text: "", visible: false }, legend: { visible: true, position: "Bottom" },
        categoryAxisTitle: { text: "", visible: false }, valueAxisTitle: { text: "", visible: false },
        top: 0, left: 0, width: CHART_WIDTH, height: CHART_HEIGHT,
      };
      sheet.charts.push(created);
    });
    return new Chart(this.context, `${this._path}.add`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the chart was not added");
      return created;
    });
  }
  private _find(name: string): ChartModel {
    const c = this._model().charts.find((x) => x.name === name || x.id === name);
    if (!c) throw new EmulatorError("ItemNotFound", `no chart "${name}"`);
    return c;
  }
  getItem(name: string): Chart { return new Chart(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => this._find(name)); }
  getItemOrNullObject(name: string): Chart { return new Chart(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this._find(name), true); }
  getItemAt(index: number): Chart {
    return new Chart(this.context, `${this._path}.getItemAt(${index})`, () => {
      const c = this._model().charts[index];
      if (!c) throw new EmulatorError("ItemNotFound", `no chart at ${index}`);
      return c;
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (s) => s.charts.length); }
}
const CHART_COLLECTION_TYPE = type<SheetModel>("ChartCollection", {});

function pointSetter(key: "top" | "left" | "width" | "height"): PropDef<ChartModel> {
  return {
    get: (c) => c[key],
    set: (c, v) => {
      if (typeof v !== "number" || v < 0) throw new EmulatorError("InvalidArgument", `${key} must be a number of points`);
      if (c.anchor) {
        // Turn the anchor into points first so changing one edge keeps the others.
        c.top = rowTop(c.sheet, c.anchor.from.row); c.left = colLeft(c.sheet, c.anchor.from.col);
        c.width = colLeft(c.sheet, c.anchor.to.col) - c.left; c.height = rowTop(c.sheet, c.anchor.to.row) - c.top;
        delete c.anchor;
      }
      c[key] = v;
    },
  };
}

const CHART_TYPE = type<ChartModel>("Chart", {
  name: { get: (c) => c.name, set: (c, v) => { c.name = String(v); } },
  id: { get: (c) => c.id },
  chartType: { get: (c) => c.type, set: (c, v) => { c.type = String(v); } },
  top: pointSetter("top"),
  left: pointSetter("left"),
  width: pointSetter("width"),
  height: pointSetter("height"),
});

export class Chart extends ClientObjectImpl<ChartModel> {
  get _type() { return CHART_TYPE; }
  get title(): ChartTextPart { return this._child("title", () => new ChartTextPart(this.context, `${this._path}.title`, () => this._model().title, "ChartTitle")); }
  get legend(): ChartLegend { return this._child("legend", () => new ChartLegend(this.context, `${this._path}.legend`, () => this._model().legend)); }
  get axes(): ChartAxes { return this._child("axes", () => new ChartAxes(this.context, `${this._path}.axes`, () => this._model())); }
  get series(): ChartSeriesCollection { return this._child("series", () => new ChartSeriesCollection(this.context, `${this._path}.series`, () => this._model())); }
  get worksheet(): Worksheet { return this._child("worksheet", () => new Worksheet(this.context, `${this._path}.worksheet`, () => this._model().sheet)); }
  override _nav(name: string): ClientObjectImpl | undefined {
    return ({ title: this.title, legend: this.legend, axes: this.axes, series: this.series, worksheet: this.worksheet } as Record<string, ClientObjectImpl>)[name];
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-setposition-member(1) */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._sameContext(startCell, endCell);
    this._call("setPosition", { startCell: typeof startCell === "string" ? startCell : startCell._path, endCell: typeof endCell === "string" ? endCell : endCell?._path }, (c) => {
      const start = refOf(this.context.model, startCell, c.sheet);
      const from = { row: start.rect.row, col: start.rect.col };
      let to: { row: number; col: number };
      if (endCell !== undefined) {
        const end = refOf(this.context.model, endCell, c.sheet);
        to = { row: end.rect.row + end.rect.rowCount, col: end.rect.col + end.rect.colCount };
      } else {
        const cur = chartAnchor(c);
        to = { row: from.row + (cur.to.row - cur.from.row), col: from.col + (cur.to.col - cur.from.col) };
      }
      c.anchor = { from, to };
      c.top = rowTop(c.sheet, from.row); c.left = colLeft(c.sheet, from.col);
      c.width = colLeft(c.sheet, to.col) - c.left; c.height = rowTop(c.sheet, to.row) - c.top;
    });
  }
  setData(sourceData: Range, seriesBy: string = "Auto"): void {
    this._sameContext(sourceData);
    this._call("setData", { sourceData: sourceData._path, seriesBy }, (c) => { c.series = seriesFromSource(sourceData._model(), seriesBy); });
  }
  delete(): void { this._call("delete", {}, (c) => { c.sheet.charts = c.sheet.charts.filter((x) => x !== c); }); }
}
accessors(Chart, ["name", "id", "chartType", "top", "left", "width", "height"]);

const TEXT_PART_TYPES: Record<string, ProxyType<{ text: string; visible: boolean }>> = Object.fromEntries(["ChartTitle", "ChartAxisTitle"].map((n) => [n, type<{ text: string; visible: boolean }>(n, {
  text: { get: (m) => m.text, set: (m, v) => { m.text = String(v); m.visible = m.text !== ""; } },
  visible: { get: (m) => m.visible, set: (m, v) => { m.visible = Boolean(v); } },
})]));
/** ChartTitle and ChartAxisTitle: setting text makes the title visible, as in Excel. */
export class ChartTextPart extends ClientObjectImpl<{ text: string; visible: boolean }> {
  constructor(ctx: Ctx, path: string, resolve: () => { text: string; visible: boolean }, private readonly typeName: string) { super(ctx, path, resolve); }
  get _type() { return TEXT_PART_TYPES[this.typeName]; }
}
accessors(ChartTextPart, ["text", "visible"]);

const LEGEND_TYPE = type<{ visible: boolean; position: string }>("ChartLegend", {
  visible: { get: (m) => m.visible, set: (m, v) => { m.visible = Boolean(v); } },
  position: {
    get: (m) => m.position,
    set: (m, v) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(String(v))) throw new EmulatorError("InvalidArgument", `legend position "${v}"`);
      m.position = String(v);
    },
  },
});
export class ChartLegend extends ClientObjectImpl<{ visible: boolean; position: string }> {
  get _type() { return LEGEND_TYPE; }
}
accessors(ChartLegend, ["visible", "position"]);

export class ChartAxes extends ClientObjectImpl<ChartModel> {
  get _type() { return AXES_TYPE; }
  get categoryAxis(): ChartAxis { return this._child("categoryAxis", () => new ChartAxis(this.context, `${this._path}.categoryAxis`, () => this._model().categoryAxisTitle)); }
  get valueAxis(): ChartAxis { return this._child("valueAxis", () => new ChartAxis(this.context, `${this._path}.valueAxis`, () => this._model().valueAxisTitle)); }
  override _nav(name: string): ClientObjectImpl | undefined { return name === "categoryAxis" ? this.categoryAxis : name === "valueAxis" ? this.valueAxis : undefined; }
}
const AXES_TYPE = type<ChartModel>("ChartAxes", {});

export class ChartAxis extends ClientObjectImpl<{ text: string; visible: boolean }> {
  get _type() { return AXIS_TYPE; }
  get title(): ChartTextPart { return this._child("title", () => new ChartTextPart(this.context, `${this._path}.title`, () => this._model(), "ChartAxisTitle")); }
  override _nav(name: string): ClientObjectImpl | undefined { return name === "title" ? this.title : undefined; }
}
const AXIS_TYPE = type<{ text: string; visible: boolean }>("ChartAxis", {});

interface SeriesRef { chart: ChartModel; series: ChartSeriesModel }

export class ChartSeriesCollection extends CollectionImpl<ChartModel, ChartSeries> {
  get _type() { return SERIES_COLLECTION_TYPE; }
  _list(c: ChartModel): SeriesRef[] { return c.series.map((s) => ({ chart: c, series: s })); }
  _itemProxy(m: unknown): ChartSeries { return new ChartSeries(this.context, `${this._path}.items`, () => m as SeriesRef); }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, `${this._path}.getItemAt(${index})`, () => {
      const c = this._model();
      const s = c.series[index];
      if (!s) throw new EmulatorError("ItemNotFound", `the chart has no series ${index}`);
      return { chart: c, series: s };
    });
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-add-member(1) */
  add(name?: string, index?: number): ChartSeries {
    let created: SeriesRef | undefined;
    this._call("add", { name, index }, (c) => {
      const s: ChartSeriesModel = { name: name ?? `Series${c.series.length + 1}`, pointColours: [] };
      c.series.splice(index ?? c.series.length, 0, s);
      created = { chart: c, series: s };
    });
    return new ChartSeries(this.context, `${this._path}.add`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the series was not added");
      return created;
    });
  }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (c) => c.series.length); }
}
const SERIES_COLLECTION_TYPE = type<ChartModel>("ChartSeriesCollection", { count: { get: (c) => c.series.length } });
accessors(ChartSeriesCollection, ["count"]);

const SERIES_TYPE = type<SeriesRef>("ChartSeries", {
  name: {
    get: (s) => s.series.name ?? (s.series.nameRef ? headerText(s.series.nameRef.sheet, s.series.nameRef.rect.row, s.series.nameRef.rect.col) : ""),
    set: (s, v) => { s.series.name = String(v); delete s.series.nameRef; },
  },
});
export class ChartSeries extends ClientObjectImpl<SeriesRef> {
  get _type() { return SERIES_TYPE; }
  get format(): ChartSeriesFormat { return this._child("format", () => new ChartSeriesFormat(this.context, `${this._path}.format`, () => this._model())); }
  get points(): ChartPointsCollection { return this._child("points", () => new ChartPointsCollection(this.context, `${this._path}.points`, () => this._model())); }
  setValues(sourceData: Range): void { this._sameContext(sourceData); this._call("setValues", { sourceData: sourceData._path }, (s) => { s.series.values = sourceData._model(); }); }
  setXAxisValues(sourceData: Range): void { this._sameContext(sourceData); this._call("setXAxisValues", { sourceData: sourceData._path }, (s) => { s.series.categories = sourceData._model(); }); }
  delete(): void { this._call("delete", {}, (s) => { s.chart.series = s.chart.series.filter((x) => x !== s.series); }); }
}
accessors(ChartSeries, ["name"]);

/** Colour target: a series, or one point of it. */
interface FillTarget { get(): string | undefined; set(c: string | undefined): void }

export class ChartSeriesFormat extends ClientObjectImpl<SeriesRef> {
  get _type() { return SERIES_FORMAT_TYPE; }
  get fill(): ChartFill {
    return this._child("fill", () => new ChartFill(this.context, `${this._path}.fill`, () => { const s = this._model(); return { get: () => s.series.colour, set: (c) => { s.series.colour = c; } }; }));
  }
  get line(): ChartLineFormat {
    return this._child("line", () => new ChartLineFormat(this.context, `${this._path}.line`, () => { const s = this._model(); return { get: () => s.series.colour, set: (c) => { s.series.colour = c; } }; }));
  }
}
const SERIES_FORMAT_TYPE = type<SeriesRef>("ChartSeriesFormat", {});

/** https://learn.microsoft.com/javascript/api/excel/excel.chartfill#excel-excel-chartfill-setsolidcolor-member(1) */
export class ChartFill extends ClientObjectImpl<FillTarget> {
  get _type() { return CHART_FILL_TYPE; }
  setSolidColor(color: string): void { this._call("setSolidColor", { color }, (t) => t.set(normaliseColour(color))); }
  clear(): void { this._call("clear", {}, (t) => t.set(undefined)); }
  getSolidColor(): ClientResultImpl<string> { return this._result("getSolidColor", (t) => t.get() ?? ""); }
}
const CHART_FILL_TYPE = type<FillTarget>("ChartFill", {});

const LINE_TYPE = type<FillTarget>("ChartLineFormat", { color: { get: (t) => t.get() ?? "", set: (t, v) => t.set(normaliseColour(v)) } });
export class ChartLineFormat extends ClientObjectImpl<FillTarget> {
  get _type() { return LINE_TYPE; }
}
accessors(ChartLineFormat, ["color"]);

export class ChartPointsCollection extends ClientObjectImpl<SeriesRef> {
  get _type() { return POINTS_TYPE; }
  getItemAt(index: number): ChartPoint { return new ChartPoint(this.context, `${this._path}.getItemAt(${index})`, () => ({ ...this._model(), index })); }
}
const POINTS_TYPE = type<SeriesRef>("ChartPointsCollection", {});

export class ChartPoint extends ClientObjectImpl<SeriesRef & { index: number }> {
  get _type() { return POINT_TYPE; }
  get format(): { fill: ChartFill } {
    return {
      fill: this._child("fill", () => new ChartFill(this.context, `${this._path}.format.fill`, () => {
        const p = this._model();
        return { get: () => p.series.pointColours[p.index], set: (c) => { p.series.pointColours[p.index] = c; } };
      })),
    };
  }
}
const POINT_TYPE = type<SeriesRef & { index: number }>("ChartPoint", {});

// ---------------------------------------------------------------------------------------------
// Settings  https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
// Values are stored as JSON ("Setting.value: Represents the value stored for this setting"; the
// collection persists JSON-serialisable values with the document).
// ---------------------------------------------------------------------------------------------

function toSettingJson(value: unknown): string {
  const json = value === undefined ? undefined : JSON.stringify(value);
  if (json === undefined) throw new EmulatorError("InvalidArgument", "a setting's value must be JSON-serialisable");
  return json;
}

export class SettingCollection extends CollectionImpl<WorkbookModel, Setting> {
  get _type() { return SETTINGS_TYPE; }
  _list(wb: WorkbookModel): string[] { return [...wb.settings.keys()]; }
  _itemProxy(m: unknown): Setting { return new Setting(this.context, `Settings.items`, () => ({ wb: this._model(), key: m as string })); }
  /** "Sets or adds the specified setting to the workbook." */
  add(key: string, value: unknown): Setting {
    const json = toSettingJson(value);
    this._call("add", { key, value }, (wb) => {
      if (typeof key !== "string" || key === "") throw new EmulatorError("InvalidArgument", "a setting needs a key");
      wb.settings.set(key, json);
    });
    return new Setting(this.context, `Settings.add(${JSON.stringify(key)})`, () => ({ wb: this._model(), key }));
  }
  private _find(key: string): { wb: WorkbookModel; key: string } {
    const wb = this._model();
    if (!wb.settings.has(key)) throw new EmulatorError("ItemNotFound", `no setting "${key}"`);
    return { wb, key };
  }
  getItem(key: string): Setting { return new Setting(this.context, `Settings.getItem(${JSON.stringify(key)})`, () => this._find(key)); }
  getItemOrNullObject(key: string): Setting { return new Setting(this.context, `Settings.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key), true); }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (wb) => wb.settings.size); }
}
const SETTINGS_TYPE = type<WorkbookModel>("SettingCollection", {});

interface SettingRef { wb: WorkbookModel; key: string }
const SETTING_TYPE = type<SettingRef>("Setting", {
  key: { get: (s) => s.key },
  value: {
    get: (s) => { const j = s.wb.settings.get(s.key); if (j === undefined) throw new EmulatorError("ItemNotFound", `no setting "${s.key}"`); return JSON.parse(j); },
    set: (s, v) => { s.wb.settings.set(s.key, toSettingJson(v)); },
  },
});
export class Setting extends ClientObjectImpl<SettingRef> {
  get _type() { return SETTING_TYPE; }
  override _set(name: string, value: unknown): void {
    if (name === "value") toSettingJson(value);
    super._set(name, value);
  }
  delete(): void { this._call("delete", {}, (s) => { s.wb.settings.delete(s.key); }); }
}
accessors(Setting, ["key", "value"]);

// ---------------------------------------------------------------------------------------------
// Names  https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
// ---------------------------------------------------------------------------------------------

export class NamedItemCollection extends CollectionImpl<WorkbookModel, NamedItem> {
  get _type() { return NAMES_TYPE; }
  _list(wb: WorkbookModel): NameModel[] { return [...wb.names.values()]; }
  _itemProxy(m: unknown): NamedItem { return new NamedItem(this.context, "Names.items", () => m as NameModel); }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this._sameContext(reference);
    let created: NameModel | undefined;
    this._call("add", { name, reference: typeof reference === "string" ? reference : reference._path, comment }, (wb) => {
      if (!validName(name)) throw new EmulatorError("InvalidArgument", `"${name}" is not a valid name`);
      if (wb.names.has(name.toLowerCase()) || wb.tableByName(name)) throw new EmulatorError("ItemAlreadyExists", `the name "${name}" is taken`);
      const formula = typeof reference === "string" ? (reference.startsWith("=") ? reference : `=${reference}`) : `=${formatAddress(reference._model().rect, reference._model().sheet.name, true)}`;
      created = { name, formula, comment: comment ?? "", visible: true };
      wb.names.set(name.toLowerCase(), created);
    });
    return new NamedItem(this.context, `Names.add(${JSON.stringify(name)})`, () => {
      if (!created) throw new EmulatorError("ItemNotFound", "the name was not added");
      return created;
    });
  }
  private _find(name: string): NameModel {
    const n = this._model().names.get(name.toLowerCase());
    if (!n) throw new EmulatorError("ItemNotFound", `no name "${name}"`);
    return n;
  }
  getItem(name: string): NamedItem { return new NamedItem(this.context, `Names.getItem(${JSON.stringify(name)})`, () => this._find(name)); }
  getItemOrNullObject(name: string): NamedItem { return new NamedItem(this.context, `Names.getItemOrNullObject(${JSON.stringify(name)})`, () => this._find(name), true); }
  getCount(): ClientResultImpl<number> { return this._result("getCount", (wb) => wb.names.size); }
}
const NAMES_TYPE = type<WorkbookModel>("NamedItemCollection", {});

function nameTarget(wb: WorkbookModel, n: NameModel): RangeRef | null {
  try {
    const ref = workbookRange(wb, n.formula.replace(/^=/, ""));
    return ref;
  } catch {
    return null;
  }
}

const NAMED_ITEM_TYPE = (wb: WorkbookModel) => type<NameModel>("NamedItem", {
  name: { get: (n) => n.name },
  type: { get: (n) => (nameTarget(wb, n) ? "Range" : /^="/.test(n.formula) ? "String" : /^=[-+]?[\d.]+$/.test(n.formula) ? "Double" : /^=(TRUE|FALSE)$/i.test(n.formula) ? "Boolean" : "Error") },
  value: { get: (n) => n.formula.replace(/^=/, "") },
  formula: { get: (n) => n.formula, set: (n, v) => { const s = String(v); n.formula = s.startsWith("=") ? s : `=${s}`; } },
  comment: { get: (n) => n.comment, set: (n, v) => { n.comment = String(v); } },
  visible: { get: (n) => n.visible, set: (n, v) => { n.visible = Boolean(v); } },
});
export class NamedItem extends ClientObjectImpl<NameModel> {
  get _type() { return NAMED_ITEM_TYPE(this.context.model); }
  private _target(): RangeRef {
    const r = nameTarget(this.context.model, this._model());
    if (!r) throw new EmulatorError("InvalidOperation", `the name ${this._model().name} does not refer to a range`);
    return r;
  }
  getRange(): Range { return new Range(this.context, `${this._path}.getRange()`, () => this._target()); }
  getRangeOrNullObject(): Range {
    return new Range(this.context, `${this._path}.getRangeOrNullObject()`, () => {
      const r = nameTarget(this.context.model, this._model());
      if (!r) throw new EmulatorError("ItemNotFound", "the name does not refer to a range");
      return r;
    }, true);
  }
  delete(): void { this._call("delete", {}, (n) => { this.context.model.names.delete(n.name.toLowerCase()); }); }
}
accessors(NamedItem, ["name", "type", "value", "formula", "comment", "visible"]);

// ---------------------------------------------------------------------------------------------
// Application and Workbook
// https://learn.microsoft.com/javascript/api/excel/excel.application
// https://learn.microsoft.com/javascript/api/excel/excel.workbook
// ---------------------------------------------------------------------------------------------

const APPLICATION_TYPE = type<WorkbookModel>("Application", {
  calculationMode: {
    get: (wb) => wb.calculationMode,
    set: (wb, v) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") throw new EmulatorError("InvalidArgument", `calculation mode "${v}"`);
      wb.calculationMode = v;
    },
  },
});
export class Application extends ClientObjectImpl<WorkbookModel> {
  get _type() { return APPLICATION_TYPE; }
  /** "Suspends calculation until the next context.sync() is called. Once set, it is the developer's responsibility to re-calc the workbook." */
  suspendApiCalculationUntilNextSync(): void { this._call("suspendApiCalculationUntilNextSync", {}, () => { this.context.suspendCalculation = true; }); }
  /** "Suspends screen updating until the next context.sync() is called." */
  suspendScreenUpdatingUntilNextSync(): void { this._call("suspendScreenUpdatingUntilNextSync", {}, () => { this.context.suspendScreenUpdating = true; }); }
  calculate(_calculationType?: string): void {
    this._call("calculate", {}, (wb) => { if (wb.formulaEngine) { wb.formulaEngine.recalculate(wb); wb.formulasDirty = false; } });
  }
}
accessors(Application, ["calculationMode"]);

const WORKBOOK_TYPE = type<WorkbookModel>("Workbook", { name: { get: () => "Book1" } });
export class Workbook extends ClientObjectImpl<WorkbookModel> {
  get _type() { return WORKBOOK_TYPE; }
  get worksheets(): WorksheetCollection { return this._child("worksheets", () => new WorksheetCollection(this.context, "Worksheets", () => this._model())); }
  get tables(): TableCollection { return this._child("tables", () => new TableCollection(this.context, "Tables", () => ({ wb: this._model() }))); }
  get names(): NamedItemCollection { return this._child("names", () => new NamedItemCollection(this.context, "Names", () => this._model())); }
  get settings(): SettingCollection { return this._child("settings", () => new SettingCollection(this.context, "Settings", () => this._model())); }
  get application(): Application { return this._child("application", () => new Application(this.context, "Application", () => this._model())); }
  override _nav(name: string): ClientObjectImpl | undefined {
    return ({ worksheets: this.worksheets, tables: this.tables, names: this.names, settings: this.settings, application: this.application } as Record<string, ClientObjectImpl>)[name];
  }
  /** The selected range; A1 of the active sheet when nothing was selected. */
  getSelectedRange(): Range {
    return new Range(this.context, "Workbook.getSelectedRange()", () => {
      const wb = this._model();
      const sel = wb.selection;
      const sheet = sel ? wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
      return sheet && sel ? { sheet, rect: sel.rect } : { sheet: wb.activeSheet(), rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }
  getActiveCell(): Range {
    return new Range(this.context, "Workbook.getActiveCell()", () => {
      const wb = this._model();
      const sel = wb.selection;
      const sheet = sel ? wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
      return sheet && sel ? { sheet, rect: { row: sel.rect.row, col: sel.rect.col, rowCount: 1, colCount: 1 } } : { sheet: wb.activeSheet(), rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }
}
