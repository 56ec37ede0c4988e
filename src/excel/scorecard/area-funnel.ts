/**
 * The Area comparison's funnel plots as plain data (docs/methods.md#funnel): for an indicator whose
 * areas have counts and denominators, a table of its areas (count, denominator, value, baseline and
 * each area's funnel label), the 2 and 3 SD limits beside it, and a native scatter chart of the
 * areas with the limit lines and the baseline (and England's value where the table gives one).
 * Which indicators get one: those whose every area's value is its count over its denominator times
 * a power of ten (the core's funnelFit), with at least 5 such areas; the first 10 in the table's order.
 */
import { funnelLimits, funnelSignificance, type FunnelInput, type FunnelLimits } from "../../core/methods/funnel";
import { funnelFit, type FunnelFit } from "../../core/methods/funnel-fit";
import type { Polarity } from "../../core/polarity";
import type { Entry } from "./entries";
import { scorecardMessages as m } from "./messages";
import { block, FORMATS, type Block, type CellValue, type ChartSpec, type Rect, type XYSeries } from "./sheet-model";
import { HEADER, measureFormat, NOTE, shortTitle } from "./sheets";
import { SPC_COLOURS } from "./spc-sheets";

/** At most this many funnel plots on the Area comparison; the rest are named in a note. */
export const FUNNEL_MAX_CHARTS = 10;

/** An area's count and denominator at the rated period, as the table gives them (null when blank). */
export interface AreaSize {
  readonly count: number | null;
  readonly denominator: number | null;
  /** England's value for that period where the table gives it as a row of its own (a Fingertips export). */
  readonly england?: number | null;
}

/** One indicator's funnel: its areas (first entry per area), figures, limits and labels. */
export interface AreaFunnel {
  readonly id: string;
  readonly title: string;
  readonly polarity: Polarity;
  readonly benchmark: number | null;
  readonly statistic: "proportion" | "rate";
  readonly multiplier: number;
  readonly areas: readonly { readonly entry: Entry; readonly count: number; readonly denominator: number; readonly value: number; readonly label: string | null }[];
  readonly limits: FunnelLimits;
}

/** An indicator with counts that gets no funnel, and why. */
export interface NoFunnel {
  readonly id: string;
  readonly reason: string;
}

/** Colours of the funnel's lines (the areas take FUNNEL_GROUPS'): the baseline black, the 2 SD lines mid grey, the 3 SD lines dark grey, England orange. */
export const FUNNEL_COLOURS = { baseline: "#000000", twoSd: "#7F7F7F", threeSd: "#404040", england: "#ED7D31" } as const;

function reasonOf(fit: Extract<FunnelFit, { ok: false }>): string {
  if (fit.reason === "tooFewAreas") return m.funnelTooFewAreas(fit.areas);
  if (fit.reason === "countAboveDenominator") return m.funnelCountAbove;
  return m.funnelNotCountOverDenominator;
}

/**
 * The funnel of each indicator code whose areas call for one (first entry per area, in area order),
 * and the indicators with counts that get none, with the reason.
 * @example areaFunnels(byId, sizes).funnels[0].statistic // => "rate" (counts per 100,000)
 */
export function areaFunnels(byId: readonly (readonly Entry[])[], areas: readonly string[], sizes: ReadonlyMap<Entry, AreaSize>): { funnels: AreaFunnel[]; none: NoFunnel[] } {
  const funnels: AreaFunnel[] = [];
  const none: NoFunnel[] = [];
  for (const list of byId) {
    const perArea = areas.map((a) => list.find((e) => e.area === a)).filter((e): e is Entry => e !== undefined);
    const figures = perArea.map((entry) => ({ entry, count: sizes.get(entry)?.count ?? null, denominator: sizes.get(entry)?.denominator ?? null, value: entry.rating.actual?.value ?? null }));
    if (!figures.some((f) => f.count !== null || f.denominator !== null)) continue;
    const first = list[0];
    const fit = funnelFit(figures);
    if (!fit.ok) { none.push({ id: first.id, reason: reasonOf(fit) }); continue; }
    const kept = figures.filter((f): f is typeof f & { count: number; denominator: number; value: number } =>
      f.count !== null && f.denominator !== null && f.value !== null && f.denominator > 0 && f.count >= 0);
    const input: FunnelInput = fit.statistic === "proportion"
      ? { statistic: "proportion", numerators: kept.map((f) => f.count), denominators: kept.map((f) => f.denominator), multiplier: fit.multiplier }
      : { statistic: "rate", rateType: "crude", numerators: kept.map((f) => f.count), rates: kept.map((f) => f.value), denominators: kept.map((f) => f.denominator), multiplier: fit.multiplier };
    const limits = funnelLimits(input);
    const labels = funnelSignificance(input);
    if (!limits.ok) { none.push({ id: first.id, reason: limits.problem.message }); continue; }
    if (!labels.ok) { none.push({ id: first.id, reason: labels.problem.message }); continue; }
    funnels.push({
      id: first.id, title: first.title, polarity: first.indicator.polarity, benchmark: first.indicator.benchmark ?? sizes.get(first)?.england ?? null, statistic: fit.statistic, multiplier: fit.multiplier,
      areas: kept.map((f, i) => ({ entry: f.entry, count: f.count, denominator: f.denominator, value: f.value, label: labels.value[i] })),
      limits: limits.value,
    });
  }
  return { funnels, none };
}

/** How an area compares with the baseline, by its funnel label and the indicator's polarity. */
export type FunnelGroup = "worse" | "better" | "higherOrLower" | "similar";

/** The groups in the order the areas' table lists them (the signals first), with their colours (the SPC sheets'). */
export const FUNNEL_GROUPS: readonly { readonly group: FunnelGroup; readonly colour: string }[] = [
  { group: "worse", colour: SPC_COLOURS.concern },
  { group: "better", colour: SPC_COLOURS.improvement },
  { group: "higherOrLower", colour: SPC_COLOURS.neither },
  { group: "similar", colour: SPC_COLOURS.common },
];

/**
 * An area's group: beyond a limit it is better or worse by the indicator's polarity (higher or lower
 * when it has none); inside the limits, similar. "High" and "Low" alone say nothing of better or worse.
 * @example funnelGroup("High (0.025)", "lower") // => "worse"
 * @example funnelGroup("Not significant", "lower") // => "similar"
 */
export function funnelGroup(label: string | null, polarity: Polarity): FunnelGroup {
  const high = label?.startsWith("High") ?? false;
  const low = label?.startsWith("Low") ?? false;
  if (!high && !low) return "similar";
  if (polarity === "none") return "higherOrLower";
  return (high && polarity === "higher") || (low && polarity === "lower") ? "better" : "worse";
}

/** Rows a funnel section takes beyond its tables: label, note and a gap. */
const CHART_ROWS = 22;

/**
 * The axis words of a funnel: its denominator along the bottom, its value up the side.
 * @example funnelAxisTitles({ statistic: "rate", multiplier: 100000 }) // => { category: "Denominator (population)", value: "Rate per 100,000" }
 */
export function funnelAxisTitles(f: Pick<AreaFunnel, "statistic" | "multiplier">): { category: string; value: string } {
  if (f.statistic === "rate") return { category: m.funnelAxisPopulation, value: m.funnelAxisRate(f.multiplier) };
  return { category: m.funnelAxisDenominator, value: f.multiplier === 100 ? m.funnelAxisPercent : m.funnelAxisProportion };
}

/**
 * One funnel's section from a row: a label and note, the areas' table (code, area, count,
 * denominator, value, baseline, label, and England where given; the areas worse than the baseline
 * first, then better, then similar) on the left, each group a series of points in its colour; the chart at the right
 * and the limits table under it. Limit points at less than half the smallest area's denominator are
 * left blank, so the lines do not fan out over an empty corner and squash the areas.
 * @example funnelSection(funnel, 40).chart.xySeries.map((s) => s.name)[0] // => "Worse than the baseline"
 */
export function funnelSection(f: AreaFunnel, row: number): { blocks: Block[]; chart: ChartSpec; rows: number } {
  const blocks: Block[] = [];
  const fmt = measureFormat(f.areas[0].entry);
  const england = f.benchmark;
  blocks.push(block(row, 0, [[`${f.id} ${f.title}: ${m.funnelHeading}`]], [], { bold: true, size: 13 }));
  blocks.push(block(row + 1, 0, [[m.funnelNote(f.statistic, f.multiplier, f.areas.length, f.limits.baseline, england)]], [], NOTE));
  const top = row + 2;
  const header = ["Code", "Area", "Count", "Denominator", "Value", "Baseline", "Funnel label", ...(england !== null ? ["England"] : [])];
  blocks.push(block(top, 0, [header], [], HEADER));
  // The areas by group (worse, better, higher or lower, similar), each in area order, so each group is one series of the chart.
  const grouped = FUNNEL_GROUPS.map((g) => ({ ...g, areas: f.areas.filter((a) => funnelGroup(a.label, f.polarity) === g.group) })).filter((g) => g.areas.length > 0);
  const ordered = grouped.flatMap((g) => g.areas);
  const areaRows: CellValue[][] = ordered.map((a) => [f.id, a.entry.area, a.count, a.denominator, a.value, f.limits.baseline, a.label ?? "", ...(england !== null ? [england] : [])]);
  blocks.push(block(top + 1, 0, areaRows, [FORMATS.text, FORMATS.text, "#,##0", "#,##0", fmt, "#,##0.00", FORMATS.text, fmt]));
  // The limits beside the chart: a proportion's four lines share the axis; a rate's lie at their own populations.
  const limTop = top + CHART_ROWS + 2;
  const limCol = 9;
  const rate = f.statistic === "rate";
  const minX = Math.min(...f.areas.map((a) => a.denominator));
  const keep = (x: number) => x >= minX / 2;
  const limHeader = rate
    ? ["Population", "2 SD lower", "Population", "2 SD upper", "Population", "3 SD lower", "Population", "3 SD upper"]
    : ["Denominator", "2 SD lower", "2 SD upper", "3 SD lower", "3 SD upper"];
  const allRows: CellValue[][] = f.limits.points.map((p) => {
    if (!rate) return keep(p.axis) ? [p.axis, p.lower2s, p.upper2s, p.lower3s, p.upper3s] : [p.axis, "", "", "", ""];
    const d = p.denominators as NonNullable<typeof p.denominators>;
    const pair = (x: number, y: number): CellValue[] => (keep(x) ? [x, y] : ["", ""]);
    return [...pair(d.lower2s, p.lower2s), ...pair(d.upper2s, p.upper2s), ...pair(d.lower3s, p.lower3s), ...pair(d.upper3s, p.upper3s)];
  });
  const limRows = allRows.filter((r) => r.slice(rate ? 0 : 1).some((v) => v !== ""));
  blocks.push(block(limTop, limCol, [[rate ? m.funnelLimitsHeadingRate : m.funnelLimitsHeading]], [], { bold: true }));
  // Not wrapped: this row is also a row of the areas' table, which a taller header row would split.
  blocks.push(block(limTop + 1, limCol, [limHeader], [], { bold: true, fill: HEADER.fill, underline: true }));
  blocks.push(block(limTop + 2, limCol, limRows, limHeader.map((h) => (h.startsWith("Population") || h === "Denominator" ? "#,##0" : "#,##0.00"))));
  const n = f.areas.length;
  const pts = limRows.length;
  const col = (c: number, r0: number, rows: number): Rect => ({ row: r0, col: c, rows, cols: 1 });
  const limit = (name: string, xCol: number, yCol: number, colour: string): XYSeries => ({ name, x: col(limCol + xCol, limTop + 2, pts), y: col(limCol + yCol, limTop + 2, pts), colour, markers: false, line: true });
  const xySeries: XYSeries[] = [
    ...(() => {
      let at = top + 1;
      return grouped.map((g): XYSeries => {
        const series = { name: m.funnelGroupSeries[g.group], x: col(3, at, g.areas.length), y: col(4, at, g.areas.length), colour: g.colour, markers: true, line: false };
        at += g.areas.length;
        return series;
      });
    })(),
    { name: m.funnelBaselineSeries, x: col(3, top + 1, n), y: col(5, top + 1, n), colour: FUNNEL_COLOURS.baseline, markers: false, line: true },
    ...(rate
      ? [limit("2 SD lower", 0, 1, FUNNEL_COLOURS.twoSd), limit("2 SD upper", 2, 3, FUNNEL_COLOURS.twoSd), limit("3 SD lower", 4, 5, FUNNEL_COLOURS.threeSd), limit("3 SD upper", 6, 7, FUNNEL_COLOURS.threeSd)]
      : [limit("2 SD lower", 0, 1, FUNNEL_COLOURS.twoSd), limit("2 SD upper", 0, 2, FUNNEL_COLOURS.twoSd), limit("3 SD lower", 0, 3, FUNNEL_COLOURS.threeSd), limit("3 SD upper", 0, 4, FUNNEL_COLOURS.threeSd)]),
    ...(england !== null ? [{ name: "England", x: col(3, top + 1, n), y: col(7, top + 1, n), colour: FUNNEL_COLOURS.england, markers: false, line: true }] : []),
  ];
  const chart: ChartSpec = {
    type: "XYScatter", source: xySeries[0].y, seriesBy: "Columns", title: shortTitle(`${f.id} ${f.title}`), xySeries,
    axisTitles: funnelAxisTitles(f),
    from: { row: top, col: limCol }, to: { row: top + CHART_ROWS, col: limCol + 8 }, legend: "Bottom",
  };
  return { blocks, chart, rows: Math.max(n + 1, CHART_ROWS + 2 + pts + 2) + 3 };
}
