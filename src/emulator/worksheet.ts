/**
 * Worksheet, its freeze panes, page layout and the worksheet collection.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS } from "./address";
import { normaliseColour } from "./colours";
import { EmulatorError } from "./errors";
import { type PageLayoutModel, type SheetModel, type WorkbookModel } from "./model";
import { ClientObjectImpl, CollectionImpl, type ClientResultImpl } from "./runtime";
import { ChartCollection } from "./charts";
import { accessors, type, liveSheet, rectOnSheet, checkedRect } from "./object-helpers";
import { Range } from "./range";
import { TableCollection } from "./tables";

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
