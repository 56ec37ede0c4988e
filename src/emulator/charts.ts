/**
 * Charts, their layout on the sheet, titles, legend, axes, series and points.
 * Each class mirrors the Excel JavaScript API class of the same name
 * (https://learn.microsoft.com/javascript/api/excel); the comment on each cites the page whose behaviour it copies.
 */
import { type CellRect, MAX_COLUMNS, MAX_ROWS } from "./address";
import { normaliseColour } from "./colours";
import { EmulatorError } from "./errors";
import { type ChartModel, type ChartSeriesModel, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type SheetModel, type CellModel } from "./model";
import { ClientObjectImpl, CollectionImpl, type ProxyType, type PropDef, type ClientResultImpl } from "./runtime";
import { type RangeRef, type Ctx, accessors, type } from "./object-helpers";
import { Range, refOf } from "./range";
import { headerText } from "./tables";
import { Worksheet } from "./worksheet";

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
  /** https://learn.microsoft.com/javascript/api/excel/excel.chartseries#excel-excel-chartseries-markerstyle-member (ExcelApi 1.7) */
  markerStyle: {
    get: (s) => s.series.markerStyle ?? "Automatic",
    set: (s, v) => {
      const styles = ["Invalid", "Automatic", "None", "Square", "Diamond", "Triangle", "X", "Star", "Dot", "Dash", "Circle", "Plus", "Picture"];
      if (typeof v !== "string" || !styles.includes(v)) throw new EmulatorError("InvalidArgument", `markerStyle must be one of ${styles.join(", ")}`);
      s.series.markerStyle = v;
    },
  },
  /** https://learn.microsoft.com/javascript/api/excel/excel.chartseries#excel-excel-chartseries-markerbackgroundcolor-member (ExcelApi 1.7): the series' colour here. */
  markerBackgroundColor: { get: (s) => s.series.colour ?? "", set: (s, v) => { s.series.colour = normaliseColour(v); } },
  markerForegroundColor: { get: (s) => s.series.colour ?? "", set: (s, v) => { s.series.colour = normaliseColour(v); } },
});
export class ChartSeries extends ClientObjectImpl<SeriesRef> {
  get _type() { return SERIES_TYPE; }
  get format(): ChartSeriesFormat { return this._child("format", () => new ChartSeriesFormat(this.context, `${this._path}.format`, () => this._model())); }
  get points(): ChartPointsCollection { return this._child("points", () => new ChartPointsCollection(this.context, `${this._path}.points`, () => this._model())); }
  setValues(sourceData: Range): void { this._sameContext(sourceData); this._call("setValues", { sourceData: sourceData._path }, (s) => { s.series.values = sourceData._model(); }); }
  setXAxisValues(sourceData: Range): void { this._sameContext(sourceData); this._call("setXAxisValues", { sourceData: sourceData._path }, (s) => { s.series.categories = sourceData._model(); }); }
  delete(): void { this._call("delete", {}, (s) => { s.chart.series = s.chart.series.filter((x) => x !== s.series); }); }
}
accessors(ChartSeries, ["name", "markerStyle", "markerBackgroundColor", "markerForegroundColor"]);

/** Colour target: a series, or one point of it. */
interface FillTarget { get(): string | undefined; set(c: string | undefined): void }
/** A series' line: its colour and its style ("None" draws no line). */
interface LineTarget extends FillTarget { style(): string | undefined; setStyle(v: string): void }

export class ChartSeriesFormat extends ClientObjectImpl<SeriesRef> {
  get _type() { return SERIES_FORMAT_TYPE; }
  get fill(): ChartFill {
    return this._child("fill", () => new ChartFill(this.context, `${this._path}.fill`, () => { const s = this._model(); return { get: () => s.series.colour, set: (c) => { s.series.colour = c; } }; }));
  }
  get line(): ChartLineFormat {
    return this._child("line", () => new ChartLineFormat(this.context, `${this._path}.line`, () => {
      const s = this._model();
      return { get: () => s.series.colour, set: (c) => { s.series.colour = c; }, style: () => s.series.lineStyle, setStyle: (v) => { s.series.lineStyle = v; } };
    }));
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

/** https://learn.microsoft.com/javascript/api/excel/excel.chartlineformat (lineStyle: ExcelApi 1.7). */
const LINE_STYLES = ["Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "None", "RoundDot"];
const LINE_TYPE = type<LineTarget>("ChartLineFormat", {
  color: { get: (t) => t.get() ?? "", set: (t, v) => t.set(normaliseColour(v)) },
  lineStyle: {
    get: (t) => t.style() ?? "Automatic",
    set: (t, v) => {
      if (typeof v !== "string" || !LINE_STYLES.includes(v)) throw new EmulatorError("InvalidArgument", `lineStyle must be one of ${LINE_STYLES.join(", ")}`);
      t.setStyle(v);
    },
  },
});
export class ChartLineFormat extends ClientObjectImpl<LineTarget> {
  get _type() { return LINE_TYPE; }
}
accessors(ChartLineFormat, ["color", "lineStyle"]);

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
