/**
 * Writes one chart part (xl/charts/chartN.xml, a c:chartSpace) from a chart spec whose references
 * have been resolved. Element order follows the ECMA-376 Part 1 schema (dml-chart.xsd): CT_ChartSpace,
 * CT_Chart, CT_BarChart / CT_LineChart / CT_DoughnutChart / CT_ScatterChart, CT_BarSer / CT_LineSer / CT_PieSer / CT_ScatterSer, CT_DPt,
 * CT_CatAx and CT_ValAx are sequences, and Excel refuses a chart whose children are out of order.
 */
import type { ChartKind, ChartPartSpec } from "../chart-spec";
import { chartMessages } from "./messages";
import { NS } from "./package";
import { escapeXml } from "./xml";

/** One cached point: its 0-based index in the range and its value as text. */
export interface CachePoint {
  readonly idx: number;
  readonly text: string;
}

/** A cache for a reference: how many cells the range has and the non-blank values. */
export interface RefCache {
  readonly kind: "number" | "text";
  readonly count: number;
  readonly points: readonly CachePoint[];
}

/** A reference as the chart writes it: the formula (c:f) and, when every value is known, its cache. */
export interface ResolvedRef {
  readonly formula: string;
  readonly cache: RefCache | null;
}

/** A series with references resolved. */
export interface ResolvedSeries {
  readonly name: { readonly literal: string } | { readonly ref: ResolvedRef } | null;
  readonly categories: ResolvedRef;
  readonly values: ResolvedRef;
  readonly colour: string | null;
  /** Per-point colours in category order; null keeps the series' colour. */
  readonly pointColours: readonly (string | null)[];
  /** Line and scatter series: whether points have markers. */
  readonly markers: boolean;
  /** Scatter series: whether a line joins the points. */
  readonly line: boolean;
}

/** What {@link chartSpaceXml} draws. */
export interface ResolvedChart {
  readonly kind: ChartKind;
  readonly title?: string;
  readonly legend?: ChartPartSpec["legend"];
  readonly axisTitles?: ChartPartSpec["axisTitles"];
  readonly series: readonly ResolvedSeries[];
}

/** Looks: a partnership board reads these on paper and screens, so quiet greys and 10 pt text. */
const STYLE = {
  textColour: "404040",
  axisLineColour: "BFBFBF",
  gridColour: "D9D9D9",
  borderColour: "D9D9D9",
  bodySize: 1000,
  titleSize: 1400,
  /** Gap between bars as a percentage of a bar's width: ~50 makes bars wide enough to read. */
  gapWidth: 50,
  /** Doughnut hole as a percentage of its diameter. */
  holeSize: 55,
  /** Line width in EMU (2.25 pt) and marker size in points. */
  lineWidth: 28575,
  markerSize: 7,
  /** Thin white outline between stacked segments and doughnut slices (0.75 pt). */
  separatorWidth: 9525,
} as const;

const AXIS_IDS = { category: 111111111, value: 222222222 } as const;

/**
 * Checks a colour is RRGGBB hex and gives it upper case; throws otherwise.
 * @example checkedColour("2e8b57") // "2E8B57"
 */
export function checkedColour(colour: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(colour)) throw new Error(chartMessages.badColour(colour));
  return colour.toUpperCase();
}

const srgb = (hex: string) => `<a:srgbClr val="${hex}"/>`;
const solidFill = (hex: string) => `<a:solidFill>${srgb(hex)}</a:solidFill>`;
const line = (width: number, hex: string) => `<a:ln w="${width}">${solidFill(hex)}</a:ln>`;

/** c:txPr for a text element: size (hundredths of a point), bold, colour; rotation for vertical axis titles. */
function textProperties(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
    `${solidFill(STYLE.textColour)}</a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`
  );
}

/** A c:title with literal rich text (chart title or axis title). */
function titleXml(text: string, size: number, bold: boolean, rotate = false): string {
  const bodyPr = rotate ? `<a:bodyPr rot="-5400000" vert="horz"/>` : `<a:bodyPr/>`;
  const rPr = `sz="${size}" b="${bold ? 1 : 0}"`;
  return (
    `<c:title><c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr ${rPr}>${solidFill(STYLE.textColour)}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" ${rPr}>${solidFill(STYLE.textColour)}</a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function cacheXml(cache: RefCache, element: "c:numCache" | "c:strCache"): string {
  const format = element === "c:numCache" ? "<c:formatCode>General</c:formatCode>" : "";
  const points = cache.points.map((p) => `<c:pt idx="${p.idx}"><c:v>${escapeXml(p.text)}</c:v></c:pt>`).join("");
  return `<${element}>${format}<c:ptCount val="${cache.count}"/>${points}</${element}>`;
}

function strRef(ref: ResolvedRef): string {
  const cache = ref.cache ? cacheXml(ref.cache, "c:strCache") : "";
  return `<c:strRef><c:f>${escapeXml(ref.formula)}</c:f>${cache}</c:strRef>`;
}

function numRef(ref: ResolvedRef): string {
  // A value cache holding text would be wrong (Excel plots text as 0), so only numbers are cached.
  const cache = ref.cache && ref.cache.kind === "number" ? cacheXml(ref.cache, "c:numCache") : "";
  return `<c:numRef><c:f>${escapeXml(ref.formula)}</c:f>${cache}</c:numRef>`;
}

function seriesNameXml(name: ResolvedSeries["name"]): string {
  if (!name) return "";
  if ("literal" in name) return `<c:tx><c:v>${escapeXml(name.literal)}</c:v></c:tx>`;
  return `<c:tx>${strRef(name.ref)}</c:tx>`;
}

/** Categories: numbers as c:numRef when every cached category is a number, otherwise c:strRef. */
function categoriesXml(ref: ResolvedRef): string {
  return `<c:cat>${ref.cache?.kind === "number" ? numRef(ref) : strRef(ref)}</c:cat>`;
}

function isStacked(kind: ChartKind): boolean {
  return kind === "barStacked" || kind === "columnStacked";
}

/**
 * A scatter series (CT_ScatterSer: idx, order, tx, spPr, marker, dPt, xVal, yVal, smooth): markers
 * alone for points, a line alone for a limit; the categories are the x values. A coloured point's
 * own spPr carries its fill (what LibreOffice colours the marker by) and no line.
 */
function scatterSeriesXml(s: ResolvedSeries, head: string): string {
  const colour = s.colour ?? STYLE.textColour;
  const spPr = s.line ? `<c:spPr><a:ln w="${STYLE.lineWidth}" cap="rnd">${solidFill(colour)}<a:round/></a:ln></c:spPr>` : `<c:spPr><a:ln w="${STYLE.lineWidth}"><a:noFill/></a:ln></c:spPr>`;
  const marker = s.markers ? `<c:marker><c:symbol val="circle"/><c:size val="${STYLE.markerSize}"/><c:spPr>${solidFill(colour)}${line(STYLE.separatorWidth, colour)}</c:spPr></c:marker>` : `<c:marker><c:symbol val="none"/></c:marker>`;
  const points = s.markers
    ? s.pointColours
      .map((hex, i) => (hex === null ? "" : `<c:dPt><c:idx val="${i}"/><c:marker><c:symbol val="circle"/><c:size val="${STYLE.markerSize}"/><c:spPr>${solidFill(hex)}${line(STYLE.separatorWidth, hex)}</c:spPr></c:marker><c:bubble3D val="0"/><c:spPr>${solidFill(hex)}<a:ln w="${STYLE.lineWidth}"><a:noFill/></a:ln></c:spPr></c:dPt>`))
      .join("")
    : "";
  return `<c:ser>${head}${spPr}${marker}${points}<c:xVal>${numRef(s.categories)}</c:xVal><c:yVal>${numRef(s.values)}</c:yVal><c:smooth val="0"/></c:ser>`;
}

function seriesXml(chart: ResolvedChart, s: ResolvedSeries, index: number): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${seriesNameXml(s.name)}`;
  if (chart.kind === "scatter") return scatterSeriesXml(s, head);
  const data = `${categoriesXml(s.categories)}<c:val>${numRef(s.values)}</c:val>`;
  if (chart.kind === "doughnut") {
    const points = s.pointColours
      .map((hex, i) =>
        hex === null ? "" : `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr>${solidFill(hex)}${line(STYLE.separatorWidth, "FFFFFF")}</c:spPr></c:dPt>`,
      )
      .join("");
    const fill = s.colour ? `<c:spPr>${solidFill(s.colour)}${line(STYLE.separatorWidth, "FFFFFF")}</c:spPr>` : "";
    return `<c:ser>${head}${fill}${points}${data}</c:ser>`;
  }
  if (chart.kind === "line") {
    const spPr = s.colour ? `<c:spPr><a:ln w="${STYLE.lineWidth}" cap="rnd">${solidFill(s.colour)}<a:round/></a:ln></c:spPr>` : "";
    const markerFill = s.colour ? `<c:spPr>${solidFill(s.colour)}${line(STYLE.separatorWidth, s.colour)}</c:spPr>` : "";
    const marker = s.markers ? `<c:marker><c:symbol val="circle"/><c:size val="${STYLE.markerSize}"/>${markerFill}</c:marker>` : `<c:marker><c:symbol val="none"/></c:marker>`;
    // A coloured point's marker (CT_DPt: idx, marker, bubble3D, spPr); the line colour in spPr is what
    // LibreOffice colours the marker by, and Excel draws the segment into the point in it.
    const points = s.markers
      ? s.pointColours
        .map((hex, i) =>
          hex === null ? "" : `<c:dPt><c:idx val="${i}"/><c:marker><c:symbol val="circle"/><c:size val="${STYLE.markerSize + 1}"/><c:spPr>${solidFill(hex)}${line(STYLE.separatorWidth, hex)}</c:spPr></c:marker><c:bubble3D val="0"/><c:spPr><a:ln w="${STYLE.lineWidth}" cap="rnd">${solidFill(hex)}<a:round/></a:ln></c:spPr></c:dPt>`,
        )
        .join("")
      : "";
    return `<c:ser>${head}${spPr}${marker}${points}${data}<c:smooth val="0"/></c:ser>`;
  }
  const outline = isStacked(chart.kind) ? line(STYLE.separatorWidth, "FFFFFF") : "<a:ln><a:noFill/></a:ln>";
  const spPr = s.colour ? `<c:spPr>${solidFill(s.colour)}${outline}</c:spPr>` : "";
  return `<c:ser>${head}${spPr}<c:invertIfNegative val="0"/>${data}</c:ser>`;
}

/**
 * The two axes of a bar, column or line chart. Horizontal bars list categories top to bottom in
 * table order (category axis reversed, value axis crossing at the last category so it stays at the
 * bottom), as a reader expects from the table beside the chart.
 */
function axesXml(chart: ResolvedChart): string {
  const horizontal = chart.kind === "barClustered" || chart.kind === "barStacked";
  const catPos = horizontal ? "l" : "b";
  const valPos = horizontal ? "b" : "l";
  const catTitle = chart.axisTitles?.category ? titleXml(chart.axisTitles.category, STYLE.bodySize, false, catPos === "l") : "";
  const valTitle = chart.axisTitles?.value ? titleXml(chart.axisTitles.value, STYLE.bodySize, false, valPos === "l") : "";
  const axisLine = `<c:spPr><a:noFill/>${line(9525, STYLE.axisLineColour)}</c:spPr>`;
  const catAx =
    `<c:catAx><c:axId val="${AXIS_IDS.category}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catPos}"/>${catTitle}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}${textProperties(STYLE.bodySize)}` +
    `<c:crossAx val="${AXIS_IDS.value}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${AXIS_IDS.value}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valPos}"/><c:majorGridlines><c:spPr>${line(9525, STYLE.gridColour)}</c:spPr></c:majorGridlines>${valTitle}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProperties(STYLE.bodySize)}` +
    `<c:crossAx val="${AXIS_IDS.category}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

/**
 * The two value axes of a scatter chart (CT_ValAx twice): x along the bottom, y up the left, each
 * crossing the other at its minimum so the points sit inside the frame.
 */
function scatterAxesXml(chart: ResolvedChart): string {
  const axisLine = `<c:spPr><a:noFill/>${line(9525, STYLE.axisLineColour)}</c:spPr>`;
  const axis = (id: number, cross: number, pos: "b" | "l", title: string | undefined, grid: boolean) =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>` +
    `${grid ? `<c:majorGridlines><c:spPr>${line(9525, STYLE.gridColour)}</c:spPr></c:majorGridlines>` : ""}${title ? titleXml(title, STYLE.bodySize, false, pos === "l") : ""}` +
    `<c:numFmt formatCode="${pos === "b" ? "#,##0" : "General"}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `${axisLine}${textProperties(STYLE.bodySize)}<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`;
  return axis(AXIS_IDS.category, AXIS_IDS.value, "b", chart.axisTitles?.category, false) + axis(AXIS_IDS.value, AXIS_IDS.category, "l", chart.axisTitles?.value, true);
}

function plotXml(chart: ResolvedChart): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i)).join("");
  const axIds = `<c:axId val="${AXIS_IDS.category}"/><c:axId val="${AXIS_IDS.value}"/>`;
  if (chart.kind === "doughnut") {
    const vary = chart.series[0]?.colour ? 0 : 1;
    return `<c:doughnutChart><c:varyColors val="${vary}"/>${series}<c:firstSliceAng val="0"/><c:holeSize val="${STYLE.holeSize}"/></c:doughnutChart>`;
  }
  if (chart.kind === "scatter") {
    return `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axIds}</c:scatterChart>${scatterAxesXml(chart)}`;
  }
  if (chart.kind === "line") {
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>${axesXml(chart)}`;
  }
  const dir = chart.kind.startsWith("bar") ? "bar" : "col";
  const stacked = isStacked(chart.kind);
  const overlap = stacked ? `<c:overlap val="100"/>` : "";
  return (
    `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
    `${series}<c:gapWidth val="${STYLE.gapWidth}"/>${overlap}${axIds}</c:barChart>${axesXml(chart)}`
  );
}

const LEGEND_POS = { right: "r", bottom: "b", top: "t", left: "l" } as const;

/** Where the legend goes when the spec does not say: beside a doughnut, under bars and lines. */
function legendXml(chart: ResolvedChart): string {
  const position = chart.legend ?? (chart.kind === "doughnut" ? "right" : "bottom");
  if (position === "none") return "";
  return `<c:legend><c:legendPos val="${LEGEND_POS[position]}"/><c:overlay val="0"/>${textProperties(STYLE.bodySize)}</c:legend>`;
}

/**
 * The chart part's XML: a c:chartSpace with the title, plot, legend and the references of each series.
 * @example chartSpaceXml({ kind: "doughnut", series: [s] }) // "<?xml ...><c:chartSpace ...>...</c:chartSpace>"
 */
export function chartSpaceXml(chart: ResolvedChart): string {
  const title = chart.title ? titleXml(chart.title, STYLE.titleSize, true) : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.relationships}">` +
    `<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="${chart.title ? 0 : 1}"/><c:plotArea><c:layout/>${plotXml(chart)}</c:plotArea>` +
    `${legendXml(chart)}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solidFill("FFFFFF")}${line(9525, STYLE.borderColour)}</c:spPr>` +
    `${textProperties(STYLE.bodySize)}` +
    `</c:chartSpace>`
  );
}
