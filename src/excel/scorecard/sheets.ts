/**
 * The scorecard sheets as plain data: pure builders from rated indicators to SheetSpecs.
 * Every number comes from src/core (ratings, rollUp, countByStatus, quantiles, trajectory); every
 * status is written as its word (fills follow by conditional formatting in the writer).
 */
import type { Period } from "../../core/periods";
import { STATUSES } from "../../core/rules/types";
import { exceptionOrder, quantilesWithin, summarise as coreSummarise, type GroupSummary as CoreGroupSummary } from "../../core/rollups";
import { countByStatus, rollUp, type RollUp, type StatusCountsRecord } from "../../core/scorecard";
import { trajectoryOnProfile, type TrajectoryPoint } from "../../core/trajectory";
import { STATUS_STYLES } from "../status-style";
import type { WorkbookSettings } from "../types";
import { groupBy, type Entry, type Grouping } from "./entries";
import { describeRules, SCORING_TEXT } from "./rules-text";
import { scorecardMessages } from "./messages";
import { block, FORMATS, num, SHEET_TITLES, type Block, type CellValue, type ChartSpec, type Rect, type SheetSpec, type TextFill } from "./sheet-model";

/** What every builder needs. */
export interface BuildInput {
  readonly entries: readonly Entry[];
  readonly group: Grouping;
  readonly settings: WorkbookSettings;
  /** "'LAA indicators'!A1:Q44 (table AnycityLAA)". */
  readonly sourceText: string;
  readonly asAt: string;
  /** ISO date of the build. */
  readonly builtOn: string;
  /** Review date of the snapshot movement is measured against, or null. */
  readonly snapshotDate: string | null;
  /** Said on every sheet's headings when some statuses rest on an assumed polarity. */
  readonly polarityNote?: string;
}

export const TITLE = { bold: true, size: 16 } as const;
export const HEADER = { bold: true, fill: "#DDEBF7", underline: true, wrap: true, fitRows: true } as const;
const GROUP = { bold: true, fill: "#F2F2F2" } as const;
export const NOTE = { italic: true } as const;

/** Column widths in points (1 character is about 5.25 pt at Calibri 11). */
const W = { code: 62, title: 250, area: 90, period: 62, measure: 62, status: 58, word: 78, owner: 130, commentary: 300, reason: 300, polarity: 58 } as const;

/**
 * A sheet's title and heading lines (as at, data source, rule set, then the sheet's own lines).
 * @example headings("Trends", input).length // => 2
 */
export function headings(title: string, input: BuildInput, extra: string[] = []): Block[] {
  const lines: CellValue[][] = [
    [`As at ${input.asAt || "the latest period"}; built ${input.builtOn}`],
    [`Data source: ${input.sourceText}`],
    [`Rule set: ${describeRules(input.settings.rules)}`],
    ...extra.map((e) => [e] as CellValue[]),
  ];
  // The sheet's own summary line says it too, so no status on the sheet is read without it.
  if (input.polarityNote) {
    const last = lines[lines.length - 1];
    last[0] = `${String(last[0])} ${input.polarityNote}`;
  }
  return [block(0, 0, [[title]], [], TITLE), block(1, 0, lines, [], NOTE)];
}

/**
 * The number format of an indicator's values: as many decimals as its baseline, targets and actuals
 * are written with (at most 3), so a trajectory value shows like the targets it lies between.
  * @example measureFormat(entryWithValues([19.8, 19.5])) // => "#,##0.0"
 */
export function measureFormat(e: Entry): string {
  return decimalsFormat([e.indicator.baseline, ...e.indicator.targets, ...e.indicator.actuals].map((o) => o.value));
}

/**
 * The number format that shows every one of the values with its own decimals (at most 3).
 * @example decimalsFormat([106.08, 110]) // => "#,##0.00"
 */
export function decimalsFormat(values: readonly (number | null | string)[]): string {
  let decimals = 0;
  for (const v of values) {
    if (typeof v !== "number") continue;
    const text = String(Math.round(v * 1000) / 1000);
    const dot = text.indexOf(".");
    if (dot >= 0) decimals = Math.max(decimals, text.length - dot - 1);
  }
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(Math.min(3, decimals))}`;
}

/**
 * A chart title no longer than max characters, cut at a word with an ellipsis.
 * @example shortTitle("NI 16 Serious acquisitive crime") // => "NI 16 Serious acquisitive crime"
 */
export function shortTitle(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}\u2026`;
}

/** A perspective's (or objective's) roll-up: counts (Grey included), weighted score, status (docs/methods.md#scorecard-score). */
export type GroupSummary = CoreGroupSummary<Entry>;

/**
 * Rolls entries up by perspective, then perspectives up to overall (the core's summarise).
  * @example summarise(entries).overall.counts // => { Blue: 0, Green: 19, Amber: 10, Red: 8, Grey: 6 } (Anycity, worked by hand in test/samples/anycity-mix.test.ts)
 */
export function summarise(entries: readonly Entry[], key: (e: Entry) => string = (e) => e.perspective): { groups: GroupSummary[]; overall: RollUp & { counts: StatusCountsRecord } } {
  return coreSummarise(entries, key);
}

function countsRow(counts: StatusCountsRecord): number[] {
  return STATUSES.map((s) => counts[s]);
}

const STATUS_COLOURS = STATUSES.map((s) => STATUS_STYLES[s].fill);

/**
 * Detail columns shared by the Scorecard's detail; a Polarity column when some status rests on an
 * assumed polarity (it says "assumed" for those indicators, docs/methods.md#polarity-assumed).
 */
function detailHeader(group: Grouping, polarity: boolean): string[] {
  return ["Code", "Indicator", ...(group.multiArea ? ["Area"] : []), "As at", "Latest actual", "Target", "Gap", "Progress", "Status", "Previous status", "Movement", "Direction of travel", ...(polarity ? ["Polarity"] : []), "Owner", "Commentary"];
}

/**
 * The Scorecard sheet: headings, summary by perspective, overall mix, two charts, then the detail by perspective.
 * @example scorecardSheet(input).charts.map((c) => c.type) // => ["BarStacked", "Doughnut"]
 */
export function scorecardSheet(input: BuildInput): SheetSpec {
  const { entries, group } = input;
  const { groups, overall } = summarise(entries);
  const redReds = entries.some((e) => e.benchmarkTrend !== null);
  const blocks: Block[] = headings(SHEET_TITLES.scorecard as string, input, [
    redReds ? `${SCORING_TEXT} ${scorecardMessages.scorecardRedReds(input.settings.rules.benchmarkLevel)}` : SCORING_TEXT,
    `Overall: ${overall.status}${overall.score !== null ? ` (score ${overall.score.toFixed(2)})` : ""}; ${entries.length} indicators. ${scorecardMessages.movementSince(input.snapshotDate)}`,
  ]);
  const statusRanges: Rect[] = [];
  // Summary: Perspective, the five counts, Indicators, Score, Status (counts first so the chart's range is contiguous).
  const sTop = 7;
  const groupWord = group.by === "area" ? "Area" : "Perspective";
  // The red-red count per group follows Status, only where the table has benchmarks and series.
  const redRedCount = (list: readonly Entry[]): CellValue[] => (redReds ? [list.filter((e) => e.redRed).length] : []);
  const sHeader = [groupWord, ...STATUSES, "Indicators", "Score", "Status", ...(redReds ? [scorecardMessages.redRedHeader] : [])];
  const sRows: CellValue[][] = groups.map((g) => [g.name, ...countsRow(g.rollUp.counts), g.entries.length, num(g.rollUp.score), g.rollUp.status, ...redRedCount(g.entries)]);
  const overallRow: CellValue[] = ["Overall", ...countsRow(overall.counts), entries.length, num(overall.score), overall.status, ...redRedCount(entries)];
  const fmt = [FORMATS.text, ...STATUSES.map(() => FORMATS.count), FORMATS.count, FORMATS.score, FORMATS.text, FORMATS.count];
  blocks.push(block(sTop, 1, [sHeader], [], HEADER), block(sTop + 1, 1, sRows, fmt), block(sTop + 1 + groups.length, 1, [overallRow], fmt, { bold: true }));
  statusRanges.push({ row: sTop + 1, col: 9, rows: groups.length + 1, cols: 1 });
  // Overall mix, for the doughnut.
  const mTop = sTop + groups.length + 3;
  const total = entries.length;
  blocks.push(block(mTop, 1, [["Overall mix", "Indicators", "Share"]], [], HEADER));
  blocks.push(block(mTop + 1, 1, STATUSES.map((s) => [s, overall.counts[s], total > 0 ? overall.counts[s] / total : ""]), [FORMATS.text, FORMATS.count, FORMATS.percent]));
  statusRanges.push({ row: mTop + 1, col: 1, rows: STATUSES.length, cols: 1 });
  const cTop = mTop + STATUSES.length + 2;
  const cHeight = 20;
  const charts: ChartSpec[] = [
    {
      type: "BarStacked", source: { row: sTop, col: 1, rows: groups.length + 1, cols: 1 + STATUSES.length }, seriesBy: "Columns",
      title: `Indicators by status and ${groupWord.toLowerCase()}`, seriesColours: STATUS_COLOURS, from: { row: cTop, col: 1 }, to: { row: cTop + cHeight, col: group.multiArea ? 4 : 3 }, legend: "Bottom",
    },
    {
      type: "Doughnut", source: { row: mTop, col: 1, rows: STATUSES.length + 1, cols: 2 }, seriesBy: "Columns",
      title: "Overall mix of statuses", pointColours: STATUS_COLOURS, from: { row: cTop, col: group.multiArea ? 5 : 4 }, to: { row: cTop + cHeight, col: group.multiArea ? 11 : 10 }, legend: "Right",
    },
  ];
  // Detail by perspective.
  const dTop = cTop + cHeight + 2;
  const polarity = entries.some((e) => e.polarityAssumed);
  const header = detailHeader(group, polarity);
  const a = group.multiArea ? 1 : 0;
  blocks.push(block(dTop - 1, 0, [[`Detail by ${groupWord.toLowerCase()}`]], [], { bold: true, size: 13 }), block(dTop, 0, [header], [], HEADER));
  let row = dTop + 1;
  for (const g of groups) {
    blocks.push(block(row, 0, [[`${g.name}: ${g.entries.length} indicators; ${g.rollUp.status}${g.rollUp.score !== null ? `, score ${g.rollUp.score.toFixed(2)}` : ""}`, ...header.slice(1).map(() => "")]], [], GROUP));
    row++;
    const rows = g.entries.map((e) => [
      e.id, e.title, ...(group.multiArea ? [e.area] : []), e.rating.actual?.period ?? e.rating.asAt ?? "", num(e.rating.actual?.value), num(e.rating.target?.value), num(e.rating.gap), num(e.rating.progress),
      e.status, e.previous ?? "", e.movement, e.rating.direction, ...(polarity ? [e.polarityAssumed ? scorecardMessages.polarityAssumedWord : ""] : []), e.owner, e.commentary,
    ]);
    const formats = g.entries.map((e) => [FORMATS.text, FORMATS.text, ...(group.multiArea ? [FORMATS.text] : []), FORMATS.text, measureFormat(e), measureFormat(e), measureFormat(e), FORMATS.percent, ...Array(polarity ? 7 : 6).fill(FORMATS.text)]);
    blocks.push({ row, col: 0, values: rows, formats: rows.map((r, i) => r.map((v, j) => (typeof v === "number" ? formats[i][j] : FORMATS.text))), style: { wrap: true, fitRows: true } });
    statusRanges.push({ row, col: 7 + a, rows: rows.length, cols: 2 });
    row += rows.length;
  }
  const widths = [W.code, W.title, ...(group.multiArea ? [W.area] : []), W.period, W.measure, W.measure, W.measure, W.measure, W.status, W.word, W.word, W.word, ...(polarity ? [W.polarity] : []), W.owner, W.commentary];
  return {
    kind: "scorecard", blocks, statusRanges, columnWidths: widths, freezeRows: 0, printTitleRows: { first: dTop, last: dTop }, landscape: true, charts,
    pageBreaks: [dTop - 1], // the summary and charts on page 1; the detail from page 2
    userColumns: { headerRow: dTop, keyCol: 0, areaCol: group.multiArea ? 2 : null, ownerCol: header.length - 2, commentaryCol: header.length - 1 },
  };
}

/** Exception report order: the core's (red-reds, then Red before Amber, then the largest shortfall, then code). */
export { exceptionOrder };

/**
 * The Exception report: red-reds first where the table has benchmarks and series, then Red and Amber
 * indicators, worst first, with reason, owner, commentary and previous status.
 * @example exceptionsSheet(input).kind // => "exceptions"
 */
export function exceptionsSheet(input: BuildInput): SheetSpec {
  const { group } = input;
  // Red-reds lead, marked in their own column, where the table has benchmarks and series (docs/methods.md#recent-trend).
  const trends = input.entries.some((e) => e.benchmarkTrend !== null);
  const list = input.entries.filter((e) => e.redRed || e.status === "Red" || e.status === "Amber").sort(exceptionOrder);
  const redReds = list.filter((e) => e.redRed).length;
  const red = list.filter((e) => e.status === "Red" && !e.redRed).length;
  const line = trends ? scorecardMessages.exceptionsWithRedReds(input.settings.rules.benchmarkLevel, redReds, red, list.length - redReds - red) : `${red} Red and ${list.length - red} Amber indicators, worst first.`;
  const blocks = headings(SHEET_TITLES.exceptions as string, input, [line]);
  const top = 6;
  const persp = group.by === "perspective";
  const trendHeader = trends ? [scorecardMessages.redRedHeader, scorecardMessages.recentTrendHeader] : [];
  const header = ["Code", "Indicator", ...(group.multiArea ? ["Area"] : []), ...(persp ? ["Perspective"] : []), "Status", "Previous status", ...trendHeader, "Gap %", "Reason", "Owner", "Commentary"];
  blocks.push(block(top, 0, [header], [], HEADER));
  const a = (group.multiArea ? 1 : 0) + (persp ? 1 : 0);
  const trendCells = (e: Entry): CellValue[] => (trends ? [e.redRed ? scorecardMessages.redRed : "", e.benchmarkTrend?.trend ?? ""] : []);
  const rows: CellValue[][] = list.map((e) => [e.id, e.title, ...(group.multiArea ? [e.area] : []), ...(persp ? [e.perspective] : []), e.status, e.previous ?? "", ...trendCells(e), num(e.rating.gapPct), e.rating.reason, e.owner, e.commentary]);
  if (rows.length > 0) blocks.push(block(top + 1, 0, rows, header.map((h) => (h === "Gap %" ? "0.0%" : FORMATS.text)), { wrap: true, fitRows: true }));
  else blocks.push(block(top + 1, 0, [[scorecardMessages.emptyExceptions]], [], NOTE));
  const redRedCol = 4 + a;
  const textFills: TextFill[] = trends && rows.length > 0 ? [{ range: { row: top + 1, col: redRedCol, rows: rows.length, cols: 1 }, wordCol: redRedCol, words: [scorecardMessages.redRed], fill: STATUS_STYLES.Red.fill, fontColour: STATUS_STYLES.Red.font }] : [];
  return {
    kind: "exceptions", blocks, statusRanges: rows.length > 0 ? [{ row: top + 1, col: 2 + a, rows: rows.length, cols: 2 }] : [],
    columnWidths: [W.code, W.title, ...(group.multiArea ? [W.area] : []), ...(persp ? [140] : []), W.status, W.word, ...(trends ? [W.word, 150] : []), W.measure, W.reason, W.owner, W.commentary],
    freezeRows: top + 1, printTitleRows: { first: top, last: top }, landscape: true, charts: [], ...(textFills.length > 0 ? { textFills } : {}),
    userColumns: { headerRow: top, keyCol: 0, areaCol: group.multiArea ? 2 : null, ownerCol: header.length - 2, commentaryCol: header.length - 1 },
  };
}

/**
 * The years (financial or calendar) that targets or actuals are given for, in order.
 * @example yearsOf(anycityEntries).map((p) => p.label) // => ["2007/08", "2008/09", "2009/10", "2010/11"]
 */
export function yearsOf(entries: readonly Entry[]): Period[] {
  const seen = new Map<string, Period>();
  for (const e of entries) {
    for (const o of [...e.indicator.targets, ...e.indicator.actuals]) {
      if (o.period && (o.period.kind === "financialYear" || o.period.kind === "year")) seen.set(o.period.label, o.period);
    }
  }
  return [...seen.values()].sort((x, y) => x.end - y.end);
}

function valueFor(list: readonly { period: Period | null; value: number | null }[], label: string): CellValue {
  return num(list.find((o) => o.period?.label === label)?.value);
}

/**
 * The Monitoring report (LAA annual-review layout): baseline, targets and actuals by year, progress, reward share, status, commentary.
 * @example monitoringSheet(input).printTitleRows // => { first: 6, last: 6 }
 */
export function monitoringSheet(input: BuildInput): SheetSpec {
  const { entries, group } = input;
  const years = yearsOf(entries);
  const blocks = headings(SHEET_TITLES.monitoring as string, input, [`Reward share: 0 below ${Math.round(input.settings.rules.stretchThreshold * 100)}% progress, otherwise progress up to 100% (Performance Reward Grant rule).`]);
  const top = 6;
  // A year's Target (or Actual) column appears when some indicator has a target (or actual) for it.
  const has = (list: "targets" | "actuals", y: Period) => entries.some((e) => e.indicator[list].some((o) => o.period?.label === y.label && o.value !== null));
  const yearCols = years.flatMap((y) => [...(has("targets", y) ? [{ y, list: "targets" as const }] : []), ...(has("actuals", y) ? [{ y, list: "actuals" as const }] : [])]);
  const persp = group.by === "perspective";
  const header = ["Code", "Indicator", ...(group.multiArea ? ["Area"] : []), ...(persp ? ["Perspective"] : []), "Polarity", "Unit", "Baseline", "Baseline period", ...yearCols.map((c) => `${c.list === "targets" ? "Target" : "Actual"} ${c.y.label}`), "Progress", "Reward share", "Status", "Commentary"];
  blocks.push(block(top, 0, [header], [], HEADER));
  const rows: CellValue[][] = entries.map((e) => [
    e.id, e.title, ...(group.multiArea ? [e.area] : []), ...(persp ? [e.perspective] : []), e.indicator.polarity, e.indicator.unit, num(e.indicator.baseline.value), e.indicator.baseline.period?.label ?? "",
    ...yearCols.map((c) => valueFor(e.indicator[c.list], c.y.label)),
    num(e.rating.progress), num(e.rating.rewardShare), e.status, e.commentary,
  ]);
  blocks.push({
    row: top + 1, col: 0, values: rows, style: { wrap: true, fitRows: true },
    formats: rows.map((r, i) => r.map((v, j) => (typeof v !== "number" ? FORMATS.text : header[j] === "Progress" || header[j] === "Reward share" ? FORMATS.percent : measureFormat(entries[i])))),
  });
  const statusCol = header.length - 2;
  return {
    kind: "monitoring", blocks, statusRanges: [{ row: top + 1, col: statusCol, rows: rows.length, cols: 1 }],
    columnWidths: [W.code, W.title, ...(group.multiArea ? [W.area] : []), ...(persp ? [140] : []), 58, 110, W.measure, W.period, ...yearCols.map(() => W.measure), W.measure, W.measure, W.status, W.commentary],
    freezeRows: top + 1, printTitleRows: { first: top, last: top }, landscape: true, charts: [],
    userColumns: { headerRow: top, keyCol: 0, areaCol: group.multiArea ? 2 : null, ownerCol: null, commentaryCol: header.length - 1 },
  };
}

/**
 * Every period any entry has (baseline, targets, actuals), in order.
 * @example periodsOf(anycityEntries).map((p) => p.label) // => ["2007/08", "2008/09", "2009/10", "Q1 2010/11", "Q2 2010/11", "2010/11"]
 */
export function periodsOf(entries: readonly Entry[]): Period[] {
  const seen = new Map<string, Period>();
  for (const e of entries) {
    const all = [e.indicator.baseline, ...e.indicator.targets, ...e.indicator.actuals];
    for (const o of all) if (o.period) seen.set(o.period.label, o.period);
  }
  return [...seen.values()].sort((x, y) => x.end - y.end);
}

/**
 * The target trajectory at each period's end (docs/methods.md#trajectory): the straight line from the baseline
 * through the dated targets (core trajectoryOnProfile); blank when there is no dated milestone.
  * @example trajectoryRow(ni59, periods) // => [64, 70, 75, 76.2..., 77.5..., 80]
 */
export function trajectoryRow(e: Entry, periods: readonly Period[]): CellValue[] {
  const milestones: TrajectoryPoint[] = [];
  const b = e.indicator.baseline;
  if (b.period && b.value !== null) milestones.push({ at: b.period.end, value: b.value });
  for (const t of e.indicator.targets) if (t.period && t.value !== null && !milestones.some((x) => x.at === t.period!.end)) milestones.push({ at: t.period.end, value: t.value });
  milestones.sort((x, y) => x.at - y.at);
  if (milestones.length === 0) return periods.map(() => "");
  return periods.map((p) => trajectoryOnProfile(milestones, p.end).value);
}

/**
 * The benchmark series of a Trends chart: each period's benchmark (a long table's England value that
 * year) or the indicator's one benchmark across every period, then the actuals' lower and upper 95%
 * limits where the data has them (lines without markers).
 * @example benchmarkSeries(entryWithLimits, periods).map((s) => s.line[0]) // => ["Benchmark", "Lower 95% limit", "Upper 95% limit"]
 */
export function benchmarkSeries(e: Entry, periods: readonly Period[]): { line: CellValue[]; colour: string; markers?: false }[] {
  const out: { line: CellValue[]; colour: string; markers?: false }[] = [];
  if (e.benchmarks.length > 0) out.push({ line: ["Benchmark", ...periods.map((p) => num(e.benchmarks.find((b) => b.period === p.label)?.value))], colour: "#ED7D31" });
  else if (e.indicator.benchmark !== null) out.push({ line: ["Benchmark", ...periods.map(() => e.indicator.benchmark as number)], colour: "#ED7D31" });
  const limit = (side: "lower" | "upper") => periods.map((p) => num(e.indicator.actuals.find((o) => o.period?.label === p.label && o.value !== null)?.[side]));
  const lower = limit("lower");
  const upper = limit("upper");
  if (lower.some((x) => x !== "") && upper.some((x) => x !== "")) {
    out.push({ line: ["Lower 95% limit", ...lower], colour: "#9DC3E6", markers: false }, { line: ["Upper 95% limit", ...upper], colour: "#9DC3E6", markers: false });
  }
  return out;
}

/** Rows of one indicator's block on a chart sheet: two blocks fill a printed page. */
export const BLOCK_ROWS = 17;

/** At most this many charts on the Trends sheet (as on SPC charts); the rest are named in a note. */
export const TRENDS_MAX_CHARTS = 60;

/**
 * The Trends sheet: per indicator (the first 60 in the table's order), actuals against the target
 * trajectory (and the benchmark), with a line chart beside the numbers; a note names how many more
 * there are and how to see them.
 * @example trendsSheet(input).charts.length // => one line chart per indicator, at most 60
 */
export function trendsSheet(input: BuildInput, maxCharts = TRENDS_MAX_CHARTS): SheetSpec {
  const shown = input.entries.slice(0, maxCharts);
  const left = input.entries.length - shown.length;
  const periods = periodsOf(shown);
  const limits = shown.some((e) => e.benchmarks.length > 0 || e.indicator.actuals.some((o) => o.lower !== null));
  const blocks = headings(SHEET_TITLES.trends as string, input, [scorecardMessages.trendsLegend(limits), ...(left > 0 ? [scorecardMessages.chartsLeftOut(shown.length, left, "Trends")] : [])]);
  const charts: ChartSpec[] = [];
  const statusRanges: Rect[] = [];
  const width = periods.length + 1;
  const first = left > 0 ? 7 : 6;
  let row = first;
  for (const e of shown) {
    const label = `${e.id}${e.area && input.group.multiArea ? ` (${e.area})` : ""}`;
    blocks.push(block(row, 0, [[label, e.status]], [], { bold: true }));
    blocks.push(block(row + 1, 0, [[e.title]], [], { wrap: false, italic: true }));
    const f = measureFormat(e);
    // Series with their colours: actuals always; the trajectory when there are dated milestones; the benchmark when given.
    const trajectoryValues = trajectoryRow(e, periods);
    const series: { line: CellValue[]; colour: string; markers?: false }[] = [
      { line: ["Actual", ...periods.map((p) => valueFor(e.indicator.actuals, p.label))], colour: "#1F4E79" },
      ...(trajectoryValues.some((x) => x !== "") ? [{ line: ["Target trajectory", ...trajectoryValues], colour: "#7F7F7F" }] : []),
      ...benchmarkSeries(e, periods),
    ];
    const lines: CellValue[][] = [["Period", ...periods.map((p) => p.label)], ...series.map((x) => x.line)];
    // The limit lines show their own decimals (106.08 beside actuals written as 110).
    const limitFormat = decimalsFormat(series.filter((x) => x.markers === false).flatMap((x) => x.line.slice(1)));
    const seriesRows = lines.slice(1);
    blocks.push(block(row + 2, 0, lines.slice(0, 1), [], HEADER), { row: row + 3, col: 0, values: seriesRows, formats: seriesRows.map((r, i) => r.map((v) => (typeof v !== "number" ? FORMATS.text : series[i].markers === false ? limitFormat : f))) });
    charts.push({
      type: "LineMarkers", source: { row: row + 2, col: 0, rows: lines.length, cols: width }, seriesBy: "Rows", title: shortTitle(`${label} ${e.title}`),
      seriesColours: series.map((x) => x.colour), ...(series.some((x) => x.markers === false) ? { seriesMarkers: series.map((x) => x.markers !== false) } : {}), from: { row, col: width + 1 }, to: { row: row + BLOCK_ROWS - 1, col: width + 8 }, legend: "Bottom",
    });
    row += BLOCK_ROWS;
  }
  if (left > 0) blocks.push(block(row, 0, [[scorecardMessages.chartsLeftOut(shown.length, left, "Trends")]], [], NOTE));
  // One set of status rules for the whole status column: its other cells hold period labels and numbers.
  if (shown.length > 0) statusRanges.push({ row: first, col: 1, rows: row - first, cols: 1 });
  return {
    kind: "trends", blocks, statusRanges, columnWidths: [120, ...periods.map(() => W.period), 20, ...Array(7).fill(60)], freezeRows: 0, printTitleRows: null, landscape: true, charts, userColumns: null,
    // Two indicators a printed page (a page one page wide holds at least 36 rows of 15 pt), never a chart cut in two.
    pageBreaks: shown.map((_, i) => first + i * BLOCK_ROWS).filter((_, i) => i > 0 && i % 2 === 0),
  };
}

/**
 * The quantile of each area's latest actual among the areas, per indicator code (the core's quantilesWithin, 1 = best, quartiles).
 * @example areaQuantiles(regionEntries).get(anycityNi16) // => 4 (the worst quarter of the areas)
 */
export function areaQuantiles(entries: readonly Entry[], n = 4): Map<Entry, number | null> {
  return quantilesWithin(entries, (e) => e.id, n);
}

/**
 * The Objectives sheet: indicators roll up to objectives, objectives to perspectives (each with counts, score and status).
 * @example objectivesSheet(input).kind // => "objectives"
 */
export function objectivesSheet(input: BuildInput): SheetSpec {
  const blocks = headings(SHEET_TITLES.objectives as string, input, [SCORING_TEXT]);
  const top = 6;
  const header = ["Level", "Perspective, objective or indicator", ...STATUSES, "Indicators", "Score", "Status"];
  blocks.push(block(top, 0, [header], [], HEADER));
  const fmt = [FORMATS.text, FORMATS.text, ...STATUSES.map(() => FORMATS.count), FORMATS.count, FORMATS.score, FORMATS.text];
  let row = top + 1;
  for (const [perspective, list] of groupBy(input.entries, (e) => e.perspective)) {
    const objectives = [...groupBy(list, (e) => e.objective)].map(([name, es]) => ({ name, es, r: rollUp(es.map((e) => ({ status: e.status, weight: e.indicator.weight }))) }));
    const p = rollUp(objectives.map((o) => ({ status: o.r.status, score: o.r.score })));
    const pCounts = countByStatus(list.map((e) => e.status));
    blocks.push(block(row++, 0, [["Perspective", perspective, ...countsRow(pCounts), list.length, num(p.score), p.status]], fmt, GROUP));
    for (const o of objectives) {
      blocks.push(block(row++, 0, [["Objective", `   ${o.name}`, ...countsRow(o.r.counts), o.es.length, num(o.r.score), o.r.status]], fmt, { bold: true }));
      const rows: CellValue[][] = o.es.map((e) => ["Indicator", `      ${e.id} ${e.title}`, ...STATUSES.map(() => ""), "", "", e.status]);
      blocks.push(block(row, 0, rows, fmt));
      row += rows.length;
    }
  }
  return {
    kind: "objectives", blocks, statusRanges: [{ row: top + 1, col: header.length - 1, rows: Math.max(1, row - top - 1), cols: 1 }],
    columnWidths: [70, 320, ...STATUSES.map(() => 44), 62, 50, W.status], freezeRows: top + 1, printTitleRows: { first: top, last: top }, landscape: false, charts: [], userColumns: null,
  };
}

/**
 * The five questions of the review checklist, in order.
 * @example CHECKLIST_QUESTIONS.length // => 5
 */
export const CHECKLIST_QUESTIONS: readonly string[] = [
  "Is there a robust system for gathering and analysing data against each outcome, and how is it used?",
  "How are the partners' performance systems aligned, so that they share one view of performance?",
  "Is there partnership-wide governance that manages performance across the outcomes, including reallocating resources?",
  "Are there clear and transparent rewards and sanctions?",
  "Is there a system for learning lessons, so that review and improvement never stop?",
];

/**
 * The Review checklist: the five questions with columns for evidence, assessment (a status word) and actions.
 * @example checklistSheet("2010-10-20").statusRanges[0].rows // => 5
 */
export function checklistSheet(builtOn: string): SheetSpec {
  const blocks: Block[] = [
    block(0, 0, [["Review checklist: managing performance in partnership"]], [], TITLE),
    block(1, 0, [[`Inserted ${builtOn}. A partnership that manages its performance well can answer each question convincingly. Assessment: type Green, Amber or Red.`]], [], NOTE),
    block(3, 0, [["#", "Question", "Evidence", "Assessment", "Actions"]], [], HEADER),
    block(4, 0, CHECKLIST_QUESTIONS.map((q, i) => [i + 1, q, "", "", ""]), [FORMATS.count, FORMATS.text, FORMATS.text, FORMATS.text, FORMATS.text], { wrap: true, fitRows: true }),
  ];
  return {
    kind: "checklist", blocks, statusRanges: [{ row: 4, col: 3, rows: CHECKLIST_QUESTIONS.length, cols: 1 }], columnWidths: [24, 300, 260, 70, 260],
    freezeRows: 4, printTitleRows: { first: 3, last: 3 }, landscape: true, charts: [], userColumns: null,
  };
}

/**
 * RAG History columns (review snapshots), in order.
 * @example HISTORY_HEADER[7] // => "Status"
 */
export const HISTORY_HEADER = ["Review date", "Code", "Area", "Indicator", "As at", "Value", "Target", "Status"] as const;

/**
 * Snapshot rows for the RAG History sheet: one per indicator, with the review date.
 * @example snapshotRows(entries, "2010-10-20")[0][0] // => "2010-10-20"
 */
export function snapshotRows(entries: readonly Entry[], reviewDate: string): CellValue[][] {
  return entries.map((e) => [reviewDate, e.id, e.area, e.title, e.rating.actual?.period ?? e.rating.asAt ?? "", num(e.rating.actual?.value), num(e.rating.target?.value), e.status]);
}


