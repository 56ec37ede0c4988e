/**
 * The Area comparison (the Target Analysis Tool's view) as plain data: indicators down, areas across,
 * each cell the area's status and quartile among the areas; at real size (a Fingertips export has
 * 150 areas) in pages of 12 areas across, each page repeating the indicator columns and starting a
 * printed page; then the funnel plots of the indicators whose areas have counts and denominators
 * (area-funnel.ts, docs/methods.md#funnel).
 *
 * Why pages across rather than one row per indicator and area: the grid is what a theme lead reads
 * (an indicator's areas side by side, an area's column down the indicators), and the long layout is
 * already the data table itself.
 */
import { areaFunnels, FUNNEL_MAX_CHARTS, funnelSection, type AreaSize } from "./area-funnel";
import { groupBy, type Entry } from "./entries";
import { scorecardMessages as m } from "./messages";
import { block, FORMATS, num, SHEET_TITLES, type Block, type CellValue, type ChartSpec, type Rect, type SheetSpec } from "./sheet-model";
import { areaQuantiles, HEADER, headings, NOTE, type BuildInput } from "./sheets";

/** Areas across one page of the Area comparison: 12 fit a landscape page at a readable size. */
export const AREAS_PER_PAGE = 12;

/** Column widths in points: code, indicator, polarity, benchmark, then one per area of a page. */
const WIDTHS = { code: 62, title: 170, polarity: 58, benchmark: 74, area: 72 } as const;

/**
 * The areas of each page, in order: pages of `perPage`, the last one shorter.
 * @example areaPages(["a", "b", "c"], 2) // => [["a", "b"], ["c"]]
 */
export function areaPages<T>(areas: readonly T[], perPage = AREAS_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < areas.length; i += perPage) pages.push(areas.slice(i, i + perPage));
  return pages;
}

/**
 * The Area comparison: indicators by areas in pages of 12 areas across, each cell the status and
 * quartile among all the areas (1 = best), and the benchmark; then up to 10 funnel plots.
 * @example areasSheet(input).statusRanges[0].cols // => 12 (one column per area of the first page)
 */
export function areasSheet(input: BuildInput, sizes: ReadonlyMap<Entry, AreaSize> = new Map(), perPage = AREAS_PER_PAGE, maxFunnels = FUNNEL_MAX_CHARTS): SheetSpec {
  const areas = [...new Set(input.entries.map((e) => e.area))];
  const pages = areaPages(areas, perPage);
  const q = areaQuantiles(input.entries);
  const byId = [...groupBy(input.entries, (e) => e.id).values()];
  const { funnels, none } = areaFunnels(byId, areas, sizes);
  const shown = funnels.slice(0, maxFunnels);
  const left = funnels.length - shown.length;
  const hasSizes = [...sizes.values()].some((s) => s.count !== null || s.denominator !== null);
  const extra = [
    m.areasLegend,
    ...(pages.length > 1 ? [m.areasPaged(areas.length, pages.length, perPage)] : []),
    ...(shown.length > 0 ? [m.funnelsLegend(shown.length)] : hasSizes ? [] : [m.funnelsNone]),
    ...(none.length > 0 ? [m.funnelSkipped(none.map((x) => `${x.id} (${x.reason})`).join("; "))] : []),
    ...(left > 0 ? [m.chartsLeftOut(shown.length, left, "the Area comparison", "funnel plots")] : []),
  ];
  const blocks: Block[] = headings(SHEET_TITLES.areas as string, input, extra);
  const statusRanges: Rect[] = [];
  const pageBreaks: number[] = [];
  const paged = pages.length > 1;
  let row = 5 + extra.length;
  pages.forEach((page, p) => {
    if (p > 0) pageBreaks.push(row);
    if (paged) {
      const from = p * perPage + 1;
      blocks.push(block(row++, 0, [[m.areasPage(from, from + page.length - 1, areas.length)]], [], { bold: true }));
    }
    blocks.push(block(row, 0, [["Code", "Indicator", "Polarity", "Benchmark", ...page]], [], HEADER));
    const rows: CellValue[][] = byId.map((list) => {
      const first = list[0];
      return [first.id, first.title, first.indicator.polarity, num(first.indicator.benchmark), ...page.map((a) => {
        const e = list.find((x) => x.area === a);
        if (!e) return "";
        const quart = q.get(e);
        return quart ? `${e.status}, Q${quart}` : e.status;
      })];
    });
    blocks.push(block(row + 1, 0, rows, [FORMATS.text, FORMATS.text, FORMATS.text, FORMATS.measure], { wrap: true, fitRows: true }));
    statusRanges.push({ row: row + 1, col: 4, rows: rows.length, cols: page.length });
    row += rows.length + 2;
  });
  const charts: ChartSpec[] = [];
  for (const f of shown) {
    pageBreaks.push(row);
    const section = funnelSection(f, row);
    blocks.push(...section.blocks);
    charts.push(section.chart);
    row += section.rows;
  }
  if (left > 0) blocks.push(block(row, 0, [[m.chartsLeftOut(shown.length, left, "the Area comparison", "funnel plots")]], [], NOTE));
  const top = 5 + extra.length + (paged ? 1 : 0);
  return {
    kind: "areas", blocks, statusRanges, pageBreaks,
    columnWidths: [WIDTHS.code, WIDTHS.title, WIDTHS.polarity, WIDTHS.benchmark, ...(pages[0] ?? []).map(() => WIDTHS.area), ...(shown.length > 0 ? Array(Math.max(0, 17 - 4 - (pages[0]?.length ?? 0))).fill(WIDTHS.area) : [])],
    // One page: its header stays in view, and on every printed page unless funnel pages follow. Several: each page has its own header.
    freezeRows: paged ? 0 : top + 1, printTitleRows: paged || shown.length > 0 ? null : { first: top, last: top }, landscape: true, charts, userColumns: null,
  };
}
