/**
 * Tables, their columns and rows.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS, intersect } from "./address";
import { readGrid, writeGrid, writeValue } from "./cells";
import { EmulatorError } from "./errors";
import { type SheetModel, type TableModel, type WorkbookModel } from "./model";
import { ClientObjectImpl, CollectionImpl, type ClientResultImpl } from "./runtime";
import { accessors, type } from "./object-helpers";
import { Range, refOf } from "./range";
import { Worksheet } from "./worksheet";

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
export function headerText(sheet: SheetModel, row: number, col: number): string {
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
export function validName(name: string): boolean {
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
