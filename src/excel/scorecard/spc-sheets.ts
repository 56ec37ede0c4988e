/**
 * The SPC summary and SPC charts sheets as plain data (docs/methods.md#spc): each indicator's series
 * of values by period goes to the core's XmR chart; the sheets show its words, mean and process
 * limits, and a line chart whose special-cause points take the Making Data Count colours.
 */
import { indicatorSeries } from "../../core/series";
import { SPC_MIN_POINTS, SPC_PROVISIONAL_BELOW, xmrChart, type SpcChart } from "../../core/methods/spc";
import type { Polarity } from "../../core/polarity";
import type { Entry } from "./entries";
import { scorecardMessages as m } from "./messages";
import { block, FORMATS, num, SHEET_TITLES, type Block, type BlockStyle, type CellValue, type ChartSpec, type SheetSpec, type TextFill } from "./sheet-model";
import { BLOCK_ROWS, HEADER, headings, measureFormat, NOTE, shortTitle, type BuildInput } from "./sheets";

/** At most this many charts on the SPC charts sheet; the rest are named in a note. */
export const SPC_MAX_CHARTS = 60;

/**
 * Making Data Count's colours: blue for improvement, orange for concern, purple for a special cause
 * with no polarity, grey for common cause.
 * @example SPC_COLOURS.improvement // => "#00B0F0"
 */
export const SPC_COLOURS = { improvement: "#00B0F0", concern: "#E46C0A", neither: "#7030A0", common: "#A6A6A6" } as const;

/** An indicator's series: period labels and values in period order. */
export interface SpcSeries {
  readonly labels: string[];
  readonly values: number[];
}

/** An indicator with its XmR chart, or the number of points it has when too few. */
export interface SpcEntry {
  readonly entry: Entry;
  readonly series: SpcSeries;
  readonly chart: SpcChart | null;
}

/**
 * The values an XmR chart is drawn from: the core's series of the indicator (indicatorSeries,
 * docs/methods.md#spc), the same points Rate RAG's Variation and Assurance read.
 * @example spcSeries(entryWithValues([19.8, 19.5])).values // => [19.8, 19.5]
 */
export function spcSeries(e: Entry): SpcSeries {
  const { labels, values } = indicatorSeries(e.indicator);
  return { labels, values };
}

/**
 * Every entry with its series and XmR chart (null when it has fewer than the core's minimum of points),
 * on the indicator's polarity and latest target.
 * @example spcEntries(entries).filter((s) => s.chart !== null).length
 */
export function spcEntries(entries: readonly Entry[]): SpcEntry[] {
  return entries.map((entry) => {
    const series = spcSeries(entry);
    if (series.values.length < SPC_MIN_POINTS) return { entry, series, chart: null };
    const chart = xmrChart(series.values, { polarity: entry.indicator.polarity, target: entry.rating.target?.value ?? null });
    return { entry, series, chart: chart.ok ? chart.value : null };
  });
}

/**
 * Whether any indicator has enough points for the SPC sheets.
 * @example hasSpc([]) // => false
 */
export function hasSpc(entries: readonly Entry[]): boolean {
  return entries.some((e) => spcSeries(e).values.length >= SPC_MIN_POINTS);
}

/**
 * The side a point word is on, for its arrow: an improvement is high when higher is better.
 * @example pointSide("Special cause improvement", "lower") // => "low"
 * @example pointSide("Common cause", "higher") // => null
 */
export function pointSide(word: string, polarity: Polarity): "high" | "low" | null {
  if (word === "Special cause high") return "high";
  if (word === "Special cause low") return "low";
  const good = polarity === "lower" ? "low" : "high";
  const bad = good === "high" ? "low" : "high";
  if (word === "Special cause improvement") return good;
  if (word === "Special cause concern") return bad;
  return null;
}

/**
 * The colour of a point word: blue improvement, orange concern, purple high or low, null common cause.
 * @example pointColour("Special cause concern") // => "#E46C0A"
 */
export function pointColour(word: string | null): string | null {
  if (word === "Special cause improvement") return SPC_COLOURS.improvement;
  if (word === "Special cause concern") return SPC_COLOURS.concern;
  if (word === "Special cause high" || word === "Special cause low") return SPC_COLOURS.neither;
  return null;
}

/** A small icon cell: a symbol in white on a fill, so it reads in greyscale by its symbol. */
interface Icon {
  readonly text: string;
  readonly fill: string;
}

/**
 * The variation icon: an arrow for a special cause (its side), a dash for common cause, filled in the word's colour.
 * @example variationIcon("Special cause improvement", "lower") // => { text: "\u2193", fill: "#00B0F0" }
 */
export function variationIcon(word: string, polarity: Polarity): Icon {
  const side = pointSide(word, polarity);
  return { text: side === "high" ? "\u2191" : side === "low" ? "\u2193" : "\u2013", fill: pointColour(word) ?? SPC_COLOURS.common };
}

/**
 * The assurance icon: P passing (blue), F failing (orange), ? hit and miss (grey); null with no target.
 * @example assuranceIcon("Consistently failing") // => { text: "F", fill: "#E46C0A" }
 */
export function assuranceIcon(word: string): Icon | null {
  if (word === "Consistently passing") return { text: "P", fill: SPC_COLOURS.improvement };
  if (word === "Consistently failing") return { text: "F", fill: SPC_COLOURS.concern };
  if (word === "Hit and miss") return { text: "?", fill: SPC_COLOURS.common };
  return null;
}

/**
 * The number format of a mean or process limit: two more decimals than the indicator's values (at most 3).
 * @example statFormat("#,##0") // => "#,##0.00"
 */
export function statFormat(measure: string): string {
  const dot = measure.indexOf(".");
  const decimals = Math.min(3, (dot < 0 ? 0 : measure.length - dot - 1) + 2);
  return `#,##0.${"0".repeat(decimals)}`;
}

/** Icons are white bold symbols on their fill. */
const ICON_FONT = "#FFFFFF";
/** The fill of a variation icon by the words beside it. */
const VARIATION_FILLS: readonly [readonly string[], string][] = [
  [["Special cause improvement"], SPC_COLOURS.improvement],
  [["Special cause concern"], SPC_COLOURS.concern],
  [["Special cause high", "Special cause low"], SPC_COLOURS.neither],
  [["Common cause"], SPC_COLOURS.common],
];
/** The fill of an assurance icon by the word beside it. */
const ASSURANCE_FILLS: readonly [readonly string[], string][] = [
  [["Consistently passing"], SPC_COLOURS.improvement],
  [["Consistently failing"], SPC_COLOURS.concern],
  [["Hit and miss"], SPC_COLOURS.common],
];
const W = { code: 62, title: 230, area: 90, period: 62, measure: 62, icon: 22, word: 125, flag: 70 } as const;

/**
 * The SPC summary: per indicator with enough points its latest value, target, variation and
 * assurance (each with an icon), mean, process limits, points and provisional flag; then the
 * indicators with too few points and why.
 * @example spcSummarySheet(input).kind // => "spcSummary"
 */
export function spcSummarySheet(input: BuildInput): SheetSpec {
  const { group } = input;
  const all = spcEntries(input.entries);
  const charted = all.filter((s) => s.chart !== null);
  const tooFew = all.filter((s) => s.chart === null);
  const blocks: Block[] = headings(SHEET_TITLES.spcSummary as string, input, [m.spcExplained, m.spcMethod(SPC_PROVISIONAL_BELOW), m.spcIconKey, m.spcSummaryCount(charted.length, tooFew.length)]);
  const top = 9;
  const a = group.multiArea ? 1 : 0;
  const header = ["Code", "Indicator", ...(group.multiArea ? ["Area"] : []), "Latest period", "Latest value", "Target", "", "Variation", "", "Assurance", "Mean", "Lower process limit", "Upper process limit", "Points", "Provisional"];
  blocks.push(block(top, 0, [header], [], HEADER));
  const iconCol = 5 + a;
  // The rows in column blocks (the icon columns centred and bold); the icons take their fills from
  // the word beside them by conditional formatting, a few rules per column for any number of rows.
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  charted.forEach((s) => {
    const { entry: e, series, chart } = s;
    const c = chart as SpcChart;
    const f = measureFormat(e);
    const sf = statFormat(f);
    const n = series.values.length;
    const line: CellValue[] = [
      e.id, e.title, ...(group.multiArea ? [e.area] : []), series.labels[n - 1], series.values[n - 1], num(e.rating.target?.value),
      variationIcon(c.variation, e.indicator.polarity).text, c.variation, assuranceIcon(c.assurance)?.text ?? "", c.assurance, c.mean, c.lower, c.upper, n, c.provisional ? m.spcProvisional : "",
    ];
    const numberFormats = [FORMATS.text, FORMATS.text, ...(group.multiArea ? [FORMATS.text] : []), FORMATS.text, f, f, FORMATS.text, FORMATS.text, FORMATS.text, FORMATS.text, sf, sf, sf, FORMATS.count, FORMATS.text];
    values.push(line);
    formats.push(line.map((v, j) => (typeof v === "number" ? numberFormats[j] : FORMATS.text)));
  });
  const textFills: TextFill[] = [];
  if (values.length > 0) {
    const cut = (from: number, to: number, style?: BlockStyle): Block => ({ row: top + 1, col: from, values: values.map((r) => r.slice(from, to)), formats: formats.map((r) => r.slice(from, to)), ...(style ? { style } : {}) });
    const icon = { bold: true, center: true } as const;
    blocks.push(cut(0, iconCol), cut(iconCol, iconCol + 1, icon), cut(iconCol + 1, iconCol + 2), cut(iconCol + 2, iconCol + 3, icon), cut(iconCol + 3, header.length));
    const rows = values.length;
    for (const [word, fill] of VARIATION_FILLS) textFills.push({ range: { row: top + 1, col: iconCol, rows, cols: 1 }, wordCol: iconCol + 1, words: word, fill, fontColour: ICON_FONT });
    for (const [word, fill] of ASSURANCE_FILLS) textFills.push({ range: { row: top + 1, col: iconCol + 2, rows, cols: 1 }, wordCol: iconCol + 3, words: word, fill, fontColour: ICON_FONT });
  }
  let row = top + 1 + charted.length;
  if (tooFew.length > 0) {
    row++;
    blocks.push(block(row++, 0, [[m.spcNotCharted]], [], { bold: true, size: 13 }));
    blocks.push(block(row++, 0, [["Code", "Indicator", ...(group.multiArea ? ["Area"] : []), "Reason"]], [], HEADER));
    const rows: CellValue[][] = tooFew.map((s) => [s.entry.id, s.entry.title, ...(group.multiArea ? [s.entry.area] : []), m.spcTooFew(SPC_MIN_POINTS, s.series.values.length)]);
    blocks.push(block(row, 0, rows));
    row += rows.length;
  }
  return {
    kind: "spcSummary", blocks, statusRanges: [], textFills,
    columnWidths: [W.code, W.title, ...(group.multiArea ? [W.area] : []), W.period, W.measure, W.measure, W.icon, W.word, W.icon, W.word, W.measure, W.measure, W.measure, 44, W.flag],
    freezeRows: top + 1, printTitleRows: { first: top, last: top }, landscape: true, charts: [], userColumns: null,
  };
}

/** Series of an SPC chart's table, in order, with their colours and whether they have markers. */
const SPC_SERIES = [
  { name: "Value", colour: "#404040", markers: true },
  { name: "Mean", colour: "#000000", markers: false },
  { name: "Lower process limit", colour: SPC_COLOURS.common, markers: false },
  { name: "Upper process limit", colour: SPC_COLOURS.common, markers: false },
  { name: "Target", colour: "#C00000", markers: false },
] as const;

/** Rows of a printed page's chart blocks: two blocks of BLOCK_ROWS, as on Trends. */
const PAGE_ROWS = 2 * BLOCK_ROWS;

/**
 * The SPC charts sheet: per indicator with enough points (the first 60), a table of its values, mean,
 * process limits and target down the periods, with a line chart beside it whose special-cause points
 * are coloured. Blocks are BLOCK_ROWS tall, two a printed page as on Trends; a longer series makes
 * its block taller (and starts a page), never a chart cut in two.
 * @example spcChartsSheet(input).charts[0].pointSeries // => 0 (the values)
 */
export function spcChartsSheet(input: BuildInput, maxCharts = SPC_MAX_CHARTS): SheetSpec {
  const charted = spcEntries(input.entries).filter((s) => s.chart !== null);
  const shown = charted.slice(0, maxCharts);
  const left = charted.length - shown.length;
  const blocks = headings(SHEET_TITLES.spcCharts as string, input, [m.spcChartsLegend, ...(left > 0 ? [m.spcChartsLeftOut(shown.length, left)] : [])]);
  const charts: ChartSpec[] = [];
  const pageBreaks: number[] = [];
  const first = left > 0 ? 7 : 6;
  const tableCols = SPC_SERIES.length + 1;
  let row = first;
  let onPage = 0;
  for (const { entry: e, series, chart } of shown) {
    const c = chart as SpcChart;
    const n = series.values.length;
    // Label, title, header and one row per point; the chart beside, at most a page tall.
    const height = Math.max(BLOCK_ROWS, n + 4);
    if (onPage > 0 && onPage + height > PAGE_ROWS) { pageBreaks.push(row); onPage = 0; }
    const label = `${e.id}${e.area && input.group.multiArea ? ` (${e.area})` : ""}`;
    blocks.push(block(row, 0, [[label, `${c.variation}; ${c.assurance}${c.provisional ? `; ${m.spcProvisional.toLowerCase()}` : ""}`]], [], { bold: true }));
    blocks.push(block(row + 1, 0, [[e.title]], [], { wrap: false, italic: true }));
    const f = measureFormat(e);
    const target = e.rating.target?.value ?? null;
    const lines = SPC_SERIES.filter((l) => l.name !== "Target" || target !== null);
    const valuesAt = (i: number): CellValue[] => [series.values[i], c.mean, c.lower, c.upper, ...(target !== null ? [target] : [])];
    blocks.push(block(row + 2, 0, [["Period", ...lines.map((l) => l.name)]], [], HEADER));
    blocks.push(block(row + 3, 0, series.labels.map((label, i) => [label, ...valuesAt(i)]), [FORMATS.text, f, ...lines.slice(1).map((l) => (l.name === "Target" ? f : statFormat(f)))]));
    charts.push({
      type: "LineMarkers", source: { row: row + 2, col: 0, rows: n + 1, cols: lines.length + 1 }, seriesBy: "Columns", title: shortTitle(`${label} ${e.title}`),
      seriesColours: lines.map((l) => l.colour), seriesMarkers: lines.map((l) => l.markers),
      pointColours: c.points.map(pointColour), pointSeries: 0,
      from: { row, col: tableCols + 1 }, to: { row: row + Math.min(height, PAGE_ROWS) - 1, col: tableCols + 9 }, legend: "Bottom",
    });
    row += height;
    onPage += height;
  }
  if (left > 0) blocks.push(block(row, 0, [[m.spcChartsLeftOut(shown.length, left)]], [], NOTE));
  return {
    kind: "spcCharts", blocks, statusRanges: [], columnWidths: [120, ...Array(tableCols - 1).fill(W.period), 20, ...Array(8).fill(60)],
    freezeRows: 0, printTitleRows: null, landscape: true, charts, userColumns: null, pageBreaks,
  };
}
