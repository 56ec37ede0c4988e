/**
 * A native Excel chart as the .xlsx writer needs it: the emulator's chart objects are turned into
 * these on export, and the DrawingML writer (ExcelJS has no chart support, CONTRIBUTING.md#toolchain-notes) writes each
 * as xl/charts/chartN.xml with its drawing, relationships and content types.
 */

/** Chart kinds the add-in draws (clustered and stacked bar/column, doughnut, line, scatter: markers, with a line where asked). */
export type ChartKind = "barClustered" | "barStacked" | "columnClustered" | "columnStacked" | "doughnut" | "line" | "scatter";

/** One series, read from cell references (sheet-qualified A1, e.g. "'Scorecard'!$B$5:$B$8"). */
export interface ChartSeriesSpec {
  /** Series name: literal text, or a reference to the cell holding it. */
  readonly name?: string | { readonly ref: string };
  /** Categories; for a scatter chart the x values. */
  readonly categoriesRef: string;
  readonly valuesRef: string;
  /** Fill or line colour as RRGGBB hex, e.g. "2E8B57". */
  readonly colour?: string;
  /**
   * Per-point colours, RRGGBB hex, in category order: doughnut slices, or line markers (a special-cause
   * point of an SPC chart); null keeps the series' own colour for that point.
   */
  readonly pointColours?: readonly (string | null)[];
  /** Line charts: false draws the series without markers (a mean or limit line); default true. */
  readonly markers?: boolean;
  /** Scatter charts: true joins the points with a line (a funnel's limit); default markers alone. */
  readonly line?: boolean;
}

/** Where a chart sits: cell anchors, 0-based column and row, top-left to bottom-right. */
export interface ChartAnchor {
  readonly col: number;
  readonly row: number;
}

/** One chart on one sheet. */
export interface ChartPartSpec {
  /** The worksheet the chart is drawn on. */
  readonly sheetName: string;
  readonly kind: ChartKind;
  readonly title?: string;
  readonly series: readonly ChartSeriesSpec[];
  readonly from: ChartAnchor;
  readonly to: ChartAnchor;
  readonly legend?: "right" | "bottom" | "top" | "left" | "none";
  readonly axisTitles?: { readonly category?: string; readonly value?: string };
}
