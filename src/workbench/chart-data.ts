/**
 * The numbers and labels a chart of the emulator's workbook shows, read from the cells its series
 * point at (as Excel does: a chart has no data of its own). Pure; the workbench draws them in SVG.
 */
import type { ChartModel, SheetModel } from "../emulator/model";
import type { CellRect } from "../emulator/address";
import { formatValue } from "../emulator/number-format";

/** One series ready to draw. */
export interface SeriesData {
  readonly name: string;
  /** A number per category; null where the cell is blank, text or an error (Excel leaves a gap). */
  readonly values: readonly (number | null)[];
  readonly colour?: string;
  readonly pointColours: readonly (string | undefined)[];
}

/** A chart ready to draw. */
export interface ChartData {
  readonly title: string;
  /** Excel.ChartType, e.g. "BarStacked". */
  readonly type: string;
  readonly categories: readonly string[];
  readonly series: readonly SeriesData[];
  readonly width: number;
  readonly height: number;
  readonly legend: boolean;
}

function cellsOf(ref: { sheet: SheetModel; rect: CellRect }): { value: unknown; text: string; error: boolean }[] {
  const out: { value: unknown; text: string; error: boolean }[] = [];
  const { sheet, rect } = ref;
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      const cell = sheet.cell(r, c);
      out.push({ value: cell?.value ?? null, text: cell ? formatValue(cell.value, cell.numberFormat) : "", error: cell?.error === true });
    }
  }
  return out;
}

/**
 * A chart's categories and series values from the cells they refer to.
 *
 * @example
 * chartData(chart).series[0].values // => [12, 7, 3] for a series over cells holding 12, 7 and 3
 */
export function chartData(chart: ChartModel): ChartData {
  const series = chart.series.map((s, i): SeriesData => {
    const values = s.values ? cellsOf(s.values).map((c) => (typeof c.value === "number" && !c.error ? c.value : null)) : [];
    const nameCell = s.nameRef ? cellsOf(s.nameRef)[0]?.text : undefined;
    return { name: s.name ?? nameCell ?? `Series ${i + 1}`, values, colour: s.colour, pointColours: s.pointColours };
  });
  const withCategories = chart.series.find((s) => s.categories);
  const longest = Math.max(0, ...series.map((s) => s.values.length));
  const categories = withCategories?.categories
    ? cellsOf(withCategories.categories).map((c) => c.text)
    : Array.from({ length: longest }, (_, i) => String(i + 1));
  return {
    title: chart.title.visible ? chart.title.text : "",
    type: chart.type,
    categories,
    series,
    width: chart.width,
    height: chart.height,
    legend: chart.legend.visible,
  };
}
