/**
 * The in-memory workbook the emulator's proxies act on: sheets of sparse rows of cells, tables,
 * charts, conditional formats, defined names and the add-in's settings. Plain data plus the few
 * operations the proxies share; nothing here knows about load/sync.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS } from "./address";
import { EmulatorError } from "./errors";
import type { ChartKind } from "./chart-spec";

/** A cell's value: Excel's four scalar kinds. Error cells keep their code as text ("#N/A") with `error`. */
export type Scalar = string | number | boolean | null;

/** One stored cell. Absent cells are blank with default formats. */
export interface CellModel {
  value: Scalar;
  /** True when `value` is an error code such as "#DIV/0!". */
  error?: boolean;
  /** Formula text including "=", when the cell holds one. */
  formula?: string;
  numberFormat?: string;
  /** Fill colour "#RRGGBB". */
  fill?: string;
  font?: FontModel;
  horizontalAlignment?: string;
  wrapText?: boolean;
  verticalAlignment?: string;
  /** Borders on the cell's sides. */
  borders?: { top?: BorderModel; bottom?: BorderModel; left?: BorderModel; right?: BorderModel };
  /**
   * A rich-text or hyperlink value as the file held it (ExcelJS's { richText } or { text, hyperlink }),
   * with the plain text the API shows. Written back as it was while the cell still shows that text; a
   * value written through the API replaces it.
   */
  kept?: { readonly text: string; readonly original: unknown };
}

/** One side's border: Excel.BorderLineStyle, "#RRGGBB", Excel.BorderWeight. */
export interface BorderModel {
  style: string;
  color: string;
  weight: string;
}

export interface FontModel {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  name?: string;
  size?: number;
}

/** Default font of a new Excel workbook (Calibri 11, black). */
export const DEFAULT_FONT: Required<FontModel> = { bold: false, italic: false, color: "#000000", name: "Calibri", size: 11 };
/** Default column width in points: 8.43 characters = 64 px = 48 pt. Source: https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member (points). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Default row height in points for Calibri 11. */
export const DEFAULT_ROW_HEIGHT = 15;

/** A sheet's print setup (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  /** Excel.PageLayoutZoomOptions: scale (10-400) or fit to pages wide/tall (0 = automatic). */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** 0-based first and last row repeated at the top of every printed page, or null. */
  printTitleRows: { first: number; last: number } | null;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Whole table including header (and totals) rows. */
  rect: CellRect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  /** Column ids in column order. */
  columnIds: number[];
  nextColumnId: number;
}

export interface ChartSeriesModel {
  name?: string;
  /** Sheet-qualified address of the cell holding the name. */
  nameRef?: { sheet: SheetModel; rect: CellRect };
  values?: { sheet: SheetModel; rect: CellRect };
  categories?: { sheet: SheetModel; rect: CellRect };
  colour?: string;
  pointColours: (string | undefined)[];
  /** Excel.ChartMarkerStyle of the series ("None" draws no markers); undefined is Excel's automatic. */
  markerStyle?: string;
  /** Excel.ChartLineStyle of the series' line ("None" draws none, "Continuous" a solid one); undefined is the chart type's own. */
  lineStyle?: string;
}

export interface ChartModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Excel.ChartType value, e.g. "ColumnClustered". */
  type: string;
  series: ChartSeriesModel[];
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  categoryAxisTitle: { text: string; visible: boolean };
  valueAxisTitle: { text: string; visible: boolean };
  /** Position in points. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** Cell anchors when setPosition placed it; otherwise derived from points. */
  anchor?: { from: { row: number; col: number }; to: { row: number; col: number } };
}

/** Formats a conditional format applies: fill, font colour and weight, number format. */
export interface CfFormatModel {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
}

export interface ConditionalFormatModel {
  id: string;
  /** Excel.ConditionalFormatType: "CellValue", "ContainsText", "Custom", "IconSet". */
  type: string;
  rect: CellRect;
  stopIfTrue: boolean;
  format: CfFormatModel;
  /** CellValue: { formula1, formula2?, operator }. */
  cellValueRule?: { formula1: string; formula2?: string; operator: string };
  /** ContainsText: { operator, text }. */
  textRule?: { operator: string; text: string };
  /** Custom: the formula, relative to the top-left cell. */
  customFormula?: string;
  iconSet?: { style: string; reverseIconOrder: boolean; showIconOnly: boolean; criteria: { type: string; operator: string; formula: string }[] };
}

export interface NameModel {
  name: string;
  /** Formula text, e.g. "=Data!$A$1:$C$10". */
  formula: string;
  comment: string;
  visible: boolean;
}

/** Counters for one Excel.run, or for all runs of a workbook (docs/architecture.md: round trips decide speed). */
export interface Counters {
  runs: number;
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** Largest single sync, to compare with the 5 MB limit. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  cellsRead: number;
  cellsWritten: number;
  /** Operations queued (property sets, method calls, loads). */
  operations: number;
}

/** A fresh set of zero counters. */
export function zeroCounters(): Counters {
  return { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0, cellsRead: 0, cellsWritten: 0, operations: 0 };
}

/**
 * A formula engine the host may plug in (the emulator has none): called after each sync that wrote
 * formulas, unless calculation was suspended for it. It sets `value` on formula cells.
 */
export interface FormulaEngine {
  recalculate(workbook: WorkbookModel): void;
}

export class SheetModel {
  /** rows[r][c]; holes are blank cells. */
  rows: (CellModel | undefined)[][] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** 0-based rows hidden by the user (Range.rowHidden, kept through .xlsx). */
  hiddenRows = new Set<number>();
  frozen = { rows: 0, columns: 0 };
  /** Print setup (Worksheet.pageLayout): orientation, fit-to-pages zoom, rows repeated on every printed page. */
  pageLayout: PageLayoutModel = { orientation: "Portrait", zoom: {}, printTitleRows: null };
  /** Manual page breaks (Worksheet.horizontalPageBreaks): 0-based rows a new printed page starts at, ascending. */
  rowBreaks: number[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  charts: ChartModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  /** The cells last selected on this sheet (Excel keeps a selection per sheet); undefined when never selected. */
  selectedRect?: CellRect;

  constructor(public readonly id: string, public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    const r = this.rows[row];
    return r === undefined ? undefined : r[col];
  }

  ensureCell(row: number, col: number): CellModel {
    let r = this.rows[row];
    if (r === undefined) {
      if (row >= this.rows.length) this.rows.length = row + 1;
      r = this.rows[row] = [];
    }
    let c = r[col];
    // With its number format slot from the start: a format added later would take V8 a second
    // object per cell, about 32 bytes more for each of a large sheet's million cells.
    if (c === undefined) c = r[col] = { value: null, numberFormat: undefined };
    return c;
  }

  /** The smallest rectangle holding every cell with a value (or, unless valuesOnly, a format). Null when blank. */
  usedRect(valuesOnly: boolean): CellRect | null {
    let minR = Infinity, maxR = -1, minC = Infinity, maxC = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell === undefined) continue;
        const used = cell.value !== null || cell.formula !== undefined || (!valuesOnly && hasFormat(cell));
        if (!used) continue;
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
    }
    return maxR < 0 ? null : { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
  }

  /** Calls fn for each stored cell inside rect (skips blank holes quickly). */
  forEachStored(rect: CellRect, fn: (cell: CellModel, row: number, col: number) => void): void {
    const rowEnd = Math.min(rect.row + rect.rowCount, this.rows.length);
    for (let r = rect.row; r < rowEnd; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      const colEnd = Math.min(rect.col + rect.colCount, row.length);
      for (let c = rect.col; c < colEnd; c++) {
        const cell = row[c];
        if (cell !== undefined) fn(cell, r, c);
      }
    }
  }

  /** Moves the cells of columns [col, col+colCount) at and below `atRow` down by n rows (Excel's insert, shift down). */
  shiftDown(atRow: number, col: number, colCount: number, n: number): void {
    const last = this.rows.length - 1;
    if (last + n >= MAX_ROWS) throw new EmulatorError("InvalidOperation", "Rows would be pushed off the sheet");
    for (let r = last; r >= atRow; r--) {
      const src = this.rows[r];
      if (src === undefined) continue;
      for (let c = col; c < Math.min(col + colCount, src.length); c++) {
        const cell = src[c];
        if (cell === undefined) continue;
        const dst = this.ensureRow(r + n);
        dst[c] = cell;
        src[c] = undefined as unknown as CellModel;
        delete src[c];
      }
    }
  }

  private ensureRow(row: number): (CellModel | undefined)[] {
    let r = this.rows[row];
    if (r === undefined) {
      if (row >= this.rows.length) this.rows.length = row + 1;
      r = this.rows[row] = [];
    }
    return r;
  }
}

function hasFormat(cell: CellModel): boolean {
  return cell.numberFormat !== undefined || cell.fill !== undefined || cell.font !== undefined || cell.horizontalAlignment !== undefined || cell.wrapText !== undefined || cell.borders !== undefined || cell.verticalAlignment !== undefined;
}

/** The whole workbook. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names = new Map<string, NameModel>();
  /** Settings as JSON text, as Excel stores them in the document. */
  settings = new Map<string, string>();
  /** What loading the file could not take in and left out, in users' words (e.g. a setting that is not JSON). */
  loadWarnings: string[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: CellRect } | null = null;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** All runs so far. */
  counters: Counters = zeroCounters();
  /** The last Excel.run's counters. */
  lastRun: Counters = zeroCounters();
  formulaEngine?: FormulaEngine;
  /** Set when a sync wrote formulas and the engine has not run since. */
  formulasDirty = false;
  private nextId = 1;

  /** A new id, unique in this workbook (Excel uses GUID-like ids; any unique text does). */
  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /**
   * Adds a sheet. Names are case-insensitively unique, at most 31 characters, without : \ / ? * [ ].
   * Source: https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
   */
  addSheet(name?: string): SheetModel {
    let finalName = name;
    if (finalName === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      finalName = `Sheet${i}`;
    }
    validateSheetName(finalName);
    if (this.sheetByName(finalName)) throw new EmulatorError("ItemAlreadyExists", `A sheet named "${finalName}" already exists`);
    const sheet = new SheetModel(this.newId("sheet"), finalName);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  activeSheet(): SheetModel {
    const s = this.sheets.find((x) => x.id === this.activeSheetId) ?? this.sheets[0];
    if (!s) throw new EmulatorError("ItemNotFound", "The workbook has no worksheets");
    return s;
  }

  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === name);
  }
}

/** Throws InvalidArgument for a name Excel would refuse. */
export function validateSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new EmulatorError("InvalidArgument", `"${name}" is not a valid worksheet name`);
  }
}

/** Clamps a rectangle to the sheet's stored extent for reading (rows beyond the data are blank). */
export function cellCount(rect: CellRect): number {
  return rect.rowCount * rect.colCount;
}

export { MAX_COLUMNS, MAX_ROWS };
export type { ChartKind };
