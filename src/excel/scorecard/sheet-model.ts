/**
 * The plain-data shape of a scorecard sheet: everything the Excel writer needs to lay a sheet
 * out, computed before any Excel call. Builders (sheets.ts) make these from rated indicators; the writer
 * (write.ts) turns each into a few batched range writes. Nothing here touches Office.
 */
import { MOVEMENT_SEVERITY } from "../../core/rollups";
import type { Status } from "../../core/rules/types";

/** The sheets the add-in owns, by kind. */
export type SheetKind = "scorecard" | "trends" | "spcSummary" | "spcCharts" | "exceptions" | "monitoring" | "areas" | "objectives" | "history" | "checklist";

/**
 * The name each kind of sheet asks for (a user's sheet of that name makes it pick "Scorecard (2)" ...).
 * @example SHEET_NAMES.history // => "RAG History"
 */
export const SHEET_NAMES: Readonly<Record<SheetKind, string>> = {
  scorecard: "Scorecard",
  trends: "Trends",
  spcSummary: "SPC summary",
  spcCharts: "SPC charts",
  exceptions: "Exception report",
  monitoring: "Monitoring report",
  areas: "Area comparison",
  objectives: "Objectives",
  history: "RAG History",
  checklist: "Review checklist",
};

/**
 * The title each built sheet carries in A1: a recorded sheet whose A1 says something else has been
 * replaced by a user's sheet of the same name, so the add-in leaves it alone.
 * @example SHEET_TITLES.scorecard // => "Partnership scorecard"
 */
export const SHEET_TITLES: Readonly<Partial<Record<SheetKind, string>>> = {
  scorecard: "Partnership scorecard",
  exceptions: "Exception report",
  monitoring: "Monitoring report",
  trends: "Trends",
  spcSummary: "SPC summary",
  spcCharts: "SPC charts",
  areas: "Area comparison",
  objectives: "Objectives",
};

/** A cell value as the writer writes it: text, a number, or "" for blank. */
export type CellValue = string | number;

/** A rectangle of cells, 0-based. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** A rectangle of values with their number formats and a style, written in one go. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly values: CellValue[][];
  /** Number format per cell; text cells are "@" so no text can become a formula. */
  readonly formats: string[][];
  readonly style?: BlockStyle;
}

/** Formatting applied to a whole block. */
export interface BlockStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly fill?: string;
  readonly fontColour?: string;
  readonly wrap?: boolean;
  /** A thin line under the block (header rows). */
  readonly underline?: boolean;
  /** Centred across each cell. */
  readonly center?: boolean;
  /** Rows take the height their wrapped text needs (RangeFormat.autofitRows). */
  readonly fitRows?: boolean;
}

/**
 * One series of a scatter chart: its own horizontal (x) and vertical (y) cells, one column each, so
 * a funnel's areas and each of its limit lines can lie at their own positions along the axis.
 */
export interface XYSeries {
  readonly name: string;
  readonly x: Rect;
  readonly y: Rect;
  readonly colour: string;
  /** Markers at the points (the areas); false for a line alone (a limit or the baseline). */
  readonly markers: boolean;
  /** A line joining the points (a limit or the baseline); false for markers alone. */
  readonly line: boolean;
}

/** A native chart made from a range on its sheet. */
export interface ChartSpec {
  /** XYScatter: a scatter chart of `xySeries` (source is then the first series' y cells). */
  readonly type: "BarStacked" | "Doughnut" | "LineMarkers" | "XYScatter";
  readonly source: Rect;
  readonly seriesBy: "Columns" | "Rows";
  readonly title: string;
  /** Series colours in series order ("#RRGGBB"); omitted series keep Excel's. */
  readonly seriesColours?: readonly (string | null)[];
  /**
   * Point colours of one series (doughnut slices, special-cause points of an SPC chart) in category
   * order; null leaves a point in its series' colour.
   */
  readonly pointColours?: readonly (string | null)[];
  /** The series (0-based) pointColours apply to; default 0. */
  readonly pointSeries?: number;
  /** Per series, false draws a line without markers (LineMarkers charts); omitted series keep them. */
  readonly seriesMarkers?: readonly boolean[];
  /** Top-left cell and the cell just past the bottom-right corner. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
  readonly legend: "Bottom" | "Right" | "None";
  /** Scatter charts: every series with its own x and y cells, in order. */
  readonly xySeries?: readonly XYSeries[];
  /** Titles of the horizontal (category) and vertical (value) axes. */
  readonly axisTitles?: { readonly category?: string; readonly value?: string };
}

/** Where users may type text the add-in carries over on refresh (keyed by indicator). */
export interface UserColumns {
  /** 0-based row of the header naming the columns. */
  readonly headerRow: number;
  /** Column of the indicator key (code, plus area when there are several). */
  readonly keyCol: number;
  readonly areaCol: number | null;
  readonly ownerCol: number | null;
  readonly commentaryCol: number | null;
}

/**
 * A fill by conditional formatting: each cell of range takes the fill and font colour when the cell of
 * its row in wordCol holds one of the words (an icon coloured by the word beside it).
 */
export interface TextFill {
  readonly range: Rect;
  readonly wordCol: number;
  readonly words: readonly string[];
  readonly fill: string;
  readonly fontColour: string;
}

/** One sheet, ready to write. */
export interface SheetSpec {
  readonly kind: SheetKind;
  readonly blocks: Block[];
  /** Columns whose cells hold status words: each gets the status fills by conditional formatting. */
  readonly statusRanges: Rect[];
  /** Column widths in points, from column A. */
  readonly columnWidths: number[];
  /** Rows frozen at the top (0 for none). */
  readonly freezeRows: number;
  /** Rows repeated at the top of every printed page, 0-based inclusive, or null. */
  readonly printTitleRows: { readonly first: number; readonly last: number } | null;
  readonly landscape: boolean;
  /** Rows a new printed page starts at (manual page breaks), so charts are never cut in two. */
  readonly pageBreaks?: readonly number[];
  readonly charts: ChartSpec[];
  /** Fills that follow the words in another column (icons), by conditional formatting. */
  readonly textFills?: readonly TextFill[];
  readonly userColumns: UserColumns | null;
  readonly tabColour?: string;
}

/**
 * Number formats the sheets use.
 * @example FORMATS.text // => "@"
 */
export const FORMATS = {
  text: "@",
  general: "General",
  measure: "#,##0.0##",
  percent: "0%",
  score: "0.00",
  count: "0",
} as const;

/**
 * Severity order, worst first: used for exception order and movement.
 * @example SEVERITY.Red < SEVERITY.Amber // => true
 */
export const SEVERITY: Readonly<Record<Status, number>> = MOVEMENT_SEVERITY;

/**
 * A block from rows of values, each column with its number format for numbers; text cells get "@".
 * @example block(0, 0, [["Code", 3]], ["@", "0"]).formats // => [["@", "0"]]
 */
export function block(row: number, col: number, values: CellValue[][], numberFormats: readonly string[] = [], style?: BlockStyle): Block {
  const formats = values.map((r) => r.map((v, j) => (typeof v === "number" ? numberFormats[j] ?? FORMATS.general : FORMATS.text)));
  return style ? { row, col, values, formats, style } : { row, col, values, formats };
}

/**
 * A value or blank: numbers that are not finite become "".
 * @example num(Number.NaN) // => ""
 */
export function num(v: number | null | undefined): CellValue {
  return v === null || v === undefined || !Number.isFinite(v) ? "" : v;
}
