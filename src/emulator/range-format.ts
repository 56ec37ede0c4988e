/**
 * RangeFormat, its borders, fill and font.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { MAX_ROWS } from "./address";
import { readGrid } from "./cells";
import { normaliseColour } from "./colours";
import { EmulatorError } from "./errors";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_FONT, DEFAULT_ROW_HEIGHT, type FontModel, type CellModel } from "./model";
import { ClientObjectImpl, type PropDef } from "./runtime";
import { type RangeRef, accessors, type } from "./object-helpers";

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
