/**
 * The Area comparison's pure builder (no Excel): pages of 12 areas across at 13 and 150 areas, the
 * funnel plots' series and limits against the core's funnelLimits and funnelSignificance
 * (docs/methods.md#funnel), the labels, the caps, and the Trends cap.
 */
import { indicatorWith, type Indicator, type Observation } from "../../../src/core/indicator";
import { funnelLimits, funnelSignificance } from "../../../src/core/methods/funnel";
import { rateIndicator } from "../../../src/core/rules/engine";
import { ruleSetFromSettings } from "../../../src/core/rules/ruleset";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";
import type { AreaSize } from "../../../src/excel/scorecard/area-funnel";
import { funnelGroup } from "../../../src/excel/scorecard/area-funnel";
import { areasSheet, AREAS_PER_PAGE } from "../../../src/excel/scorecard/area-sheet";
import { buildEntries, type Entry } from "../../../src/excel/scorecard/entries";
import type { Block, SheetSpec } from "../../../src/excel/scorecard/sheet-model";
import { trendsSheet } from "../../../src/excel/scorecard/sheets";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../../src/excel/settings-schema";

const observation = (value: number): Observation => ({ period: null, value, missingReason: null, lower: null, upper: null, ref: null });

/** Entries of indicators by areas, each area's actual given (an undated actual, so each is rated on it). */
function entries(rows: readonly { id: string; area: string; value: number; polarity?: Indicator["polarity"] }[]): Entry[] {
  const ruleSet = ruleSetFromSettings(DEFAULT_RULE_SETTINGS);
  const rated = rows.map((r, row) => {
    const indicator = indicatorWith({ id: r.id, title: `Indicator ${r.id}`, area: r.area, polarity: r.polarity ?? "higher", actuals: [observation(r.value)] });
    return { indicator, rating: rateIndicator(indicator, ruleSet), row };
  });
  return buildEntries(rated, { by: "area", multiArea: true, hasObjectives: false }, [], new Map());
}

const input = (es: Entry[]) => ({ entries: es, group: { by: "area" as const, multiArea: true, hasObjectives: false }, settings: DEFAULT_WORKBOOK_SETTINGS, sourceText: "test", asAt: "2009/10", builtOn: "2026-12-03", snapshotDate: null });
const areaNames = (n: number) => Array.from({ length: n }, (_, i) => `Area ${String(i + 1).padStart(3, "0")}`);
/** The block whose first cell is `text`. */
const blockStarting = (spec: SheetSpec, text: string): Block => {
  const b = spec.blocks.find((x) => x.values[0]?.[0] === text);
  if (!b) throw new Error(`no block starting ${text}`);
  return b;
};
/** Every text written on the sheet, cell by cell. */
const texts = (spec: SheetSpec): string[] => spec.blocks.flatMap((b) => b.values.flat().filter((v): v is string => typeof v === "string"));
const headerBlocks = (spec: SheetSpec) => spec.blocks.filter((b) => b.values[0]?.[0] === "Code" && b.values[0]?.[3] === "Benchmark");

describe("the Area comparison in pages of 12 areas across", () => {
  it("keeps 12 areas on one page, with its header frozen and printed on every page", () => {
    const spec = areasSheet(input(entries(areaNames(12).map((area, i) => ({ id: "NI 1", area, value: i })))));
    expect(headerBlocks(spec)).toHaveLength(1);
    expect(spec.statusRanges.map((r) => r.cols)).toEqual([12]);
    expect(spec.pageBreaks).toEqual([]);
    expect(spec.freezeRows).toBe(spec.statusRanges[0].row);
    expect(spec.printTitleRows).toEqual({ first: headerBlocks(spec)[0].row, last: headerBlocks(spec)[0].row });
  });

  it("puts 13 areas on two pages (12 and 1), each repeating the indicator columns, the second starting a printed page", () => {
    const es = entries(areaNames(13).flatMap((area, i) => [{ id: "NI 1", area, value: i }, { id: "NI 2", area, value: 2 * i }]));
    const spec = areasSheet(input(es));
    const headers = headerBlocks(spec);
    expect(headers.map((h) => h.values[0].slice(0, 4))).toEqual([["Code", "Indicator", "Polarity", "Benchmark"], ["Code", "Indicator", "Polarity", "Benchmark"]]);
    expect(headers[0].values[0].slice(4)).toEqual(areaNames(12));
    expect(headers[1].values[0].slice(4)).toEqual(["Area 013"]);
    expect(spec.statusRanges.map((r) => [r.rows, r.cols])).toEqual([[2, 12], [2, 1]]);
    // The second page starts at its label row, "Areas 13 to 13 of 13", just above its header.
    const label = blockStarting(spec, "Areas 13 to 13 of 13");
    expect(spec.pageBreaks).toEqual([label.row]);
    expect(headers[1].row).toBe(label.row + 1);
    expect(spec.freezeRows).toBe(0);
    expect(spec.printTitleRows).toBeNull();
    expect(texts(spec)).toContain("13 areas, in 2 pages of up to 12 areas across; each page repeats the indicator columns and starts a printed page.");
  });

  it("puts 150 areas (a Fingertips export's size) on 13 pages: 12 of 12 and one of 6 (150 = 12 x 12 + 6)", () => {
    const es = entries(areaNames(150).map((area, i) => ({ id: "NI 1", area, value: i })));
    const spec = areasSheet(input(es));
    expect(AREAS_PER_PAGE).toBe(12);
    expect(spec.statusRanges.map((r) => r.cols)).toEqual([...Array(12).fill(12), 6]);
    expect(spec.pageBreaks).toHaveLength(12);
    expect(headerBlocks(spec)[12].values[0].slice(4)).toEqual(areaNames(150).slice(144));
    // Each page holds its own areas' cells: area 145 (value 144, the highest quarter of 0 to 149, higher
    // is better) is the first of page 13, and its quartile among all 150 areas is Q1.
    const body = spec.blocks.find((b) => b.row === headerBlocks(spec)[12].row + 1)!;
    expect(body.values[0][4]).toBe(`${es[144].status}, Q1`);
    expect(body.values[0].slice(0, 4)).toEqual(["NI 1", "Indicator NI 1", "higher", ""]);
  });
});

// Five areas of a percentage, worked by hand (docs/methods.md#funnel's worked example, with three
// more areas at the baseline): 40/100, 60/100 and three of 50/100 give a baseline of 250 / 500 = 50%.
// At n = 100 the 2 SD lines are 50 +/- 1.959964 x sqrt(0.25 / 100) x 100 = 40.2% and 59.8%, the 3 SD
// lines 50 +/- 3.090232 x 5 = 34.55% and 65.45%: 40 is Low (0.025), 60 High (0.025), 50 Not significant.
const FIVE = [
  { area: "Anycity", count: 40, denominator: 100 },
  { area: "Brackenbury", count: 60, denominator: 100 },
  { area: "Cobbleston", count: 50, denominator: 100 },
  { area: "Dunmere", count: 50, denominator: 100 },
  { area: "Eastholme", count: 50, denominator: 100 },
];

function fiveAreas(polarity: Indicator["polarity"] = "higher", id = "PC 1"): { es: Entry[]; sizes: Map<Entry, AreaSize> } {
  const es = entries(FIVE.map((a) => ({ id, area: a.area, value: (a.count / a.denominator) * 100, polarity })));
  return { es, sizes: new Map(es.map((e, i) => [e, { count: FIVE[i].count, denominator: FIVE[i].denominator }])) };
}

describe("the funnel plot of an indicator with counts and denominators", () => {
  it("labels each area as the core does, worse first (by polarity), and gives the baseline of the hand calculation", () => {
    const { es, sizes } = fiveAreas("higher");
    const spec = areasSheet(input(es), sizes);
    const table = spec.blocks.find((b) => b.values.some((r) => r[1] === "Anycity" && r[2] === 40))!;
    const core = funnelSignificance({ statistic: "proportion", numerators: FIVE.map((a) => a.count), denominators: FIVE.map((a) => a.denominator), multiplier: 100 });
    expect(core.ok && core.value).toEqual(["Low (0.025)", "High (0.025)", "Not significant", "Not significant", "Not significant"]);
    // Higher is better: Anycity (low) is worse, Brackenbury (high) better, the rest similar.
    expect(table.values.map((r) => [r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ["Anycity", 40, 100, 40, 50, "Low (0.025)"],
      ["Brackenbury", 60, 100, 60, 50, "High (0.025)"],
      ["Cobbleston", 50, 100, 50, 50, "Not significant"],
      ["Dunmere", 50, 100, 50, 50, "Not significant"],
      ["Eastholme", 50, 100, 50, 50, "Not significant"],
    ]);
    expect(funnelGroup("Low (0.025)", "lower")).toBe("better");
    expect(funnelGroup("High (0.001)", "none")).toBe("higherOrLower");
  });

  it("draws a native scatter chart: the areas by group, the baseline and the four limit lines from cells holding funnelLimits' points", () => {
    const { es, sizes } = fiveAreas("higher");
    const spec = areasSheet(input(es), sizes);
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts[0];
    expect(chart.type).toBe("XYScatter");
    expect(chart.axisTitles).toEqual({ category: "Denominator", value: "Percentage" });
    const series = chart.xySeries!;
    expect(series.map((s) => [s.name, s.markers, s.line, s.colour])).toEqual([
      ["Worse than the baseline", true, false, "#E46C0A"],
      ["Better than the baseline", true, false, "#00B0F0"],
      ["Not significantly different", true, false, "#A6A6A6"],
      ["Baseline", false, true, "#000000"],
      ["2 SD lower", false, true, "#7F7F7F"],
      ["2 SD upper", false, true, "#7F7F7F"],
      ["3 SD lower", false, true, "#404040"],
      ["3 SD upper", false, true, "#404040"],
    ]);
    // Every cell a series points at, read back from the blocks.
    const at = (row: number, col: number) => {
      for (const b of spec.blocks) {
        const r = row - b.row, c = col - b.col;
        if (r >= 0 && c >= 0 && r < b.values.length && c < (b.values[r]?.length ?? 0)) return b.values[r][c];
      }
      return undefined;
    };
    const column = (rect: { row: number; col: number; rows: number }) => Array.from({ length: rect.rows }, (_, i) => at(rect.row + i, rect.col));
    expect(series.slice(0, 3).map((s) => [column(s.x), column(s.y)])).toEqual([[[100], [40]], [[100], [60]], [[100, 100, 100], [50, 50, 50]]]);
    expect(column(series[3].y)).toEqual([50, 50, 50, 50, 50]);
    const limits = funnelLimits({ statistic: "proportion", numerators: FIVE.map((a) => a.count), denominators: FIVE.map((a) => a.denominator), multiplier: 100 });
    if (!limits.ok) throw new Error("no limits");
    // All five denominators are 100, so the axis runs from neatFloor(100) = 90 (95 rounded down to its leading digit)
    // and every point is drawn (none is below half the smallest denominator).
    expect(limits.value.points[0].axis).toBe(90);
    expect(column(series[4].x)).toEqual(limits.value.points.map((p) => p.axis));
    expect(column(series[4].y)).toEqual(limits.value.points.map((p) => p.lower2s));
    expect(column(series[5].y)).toEqual(limits.value.points.map((p) => p.upper2s));
    expect(column(series[6].y)).toEqual(limits.value.points.map((p) => p.lower3s));
    expect(column(series[7].y)).toEqual(limits.value.points.map((p) => p.upper3s));
    // At n = 100 (the hand calculation above): 40.2 and 59.8, 34.55 and 65.45.
    const at100 = limits.value.points.find((p) => p.axis === 100)!;
    expect([at100.lower2s, at100.upper2s, at100.lower3s, at100.upper3s].map((v) => Math.round(v * 100) / 100)).toEqual([40.2, 59.8, 34.55, 65.45]);
  });

  it("marks England's value as its own line where the table gives a benchmark", () => {
    const { es, sizes } = fiveAreas("higher");
    const withEngland = es.map((e) => ({ ...e, indicator: { ...e.indicator, benchmark: 48 } }));
    const spec = areasSheet(input(withEngland), new Map(withEngland.map((e, i) => [e, sizes.get(es[i])!])));
    expect(spec.charts[0].xySeries!.map((s) => s.name).at(-1)).toBe("England");
  });

  it("draws no funnel for values that are not count / denominator times a power of ten, and says why", () => {
    const { es } = fiveAreas("higher");
    const sizes = new Map(es.map((e, i) => [e, { count: FIVE[i].count, denominator: FIVE[i].denominator * 3 }]));
    const spec = areasSheet(input(es), sizes);
    expect(spec.charts).toHaveLength(0);
    expect(texts(spec).filter((t) => t.startsWith("No funnel for PC 1 (the values are not count / denominator times a power of ten"))).toHaveLength(1);
  });

  it("draws at most 10 funnels and names how many more there are and how to see them", () => {
    const all = Array.from({ length: 12 }, (_, k) => fiveAreas("higher", `PC ${k + 1}`));
    const es = all.flatMap((x) => x.es);
    const sizes = new Map(all.flatMap((x) => [...x.sizes]));
    const spec = areasSheet(input(es), sizes);
    expect(spec.charts).toHaveLength(10);
    expect(spec.charts.map((c) => c.title)).toEqual(Array.from({ length: 10 }, (_, k) => `PC ${k + 1} Indicator PC ${k + 1}`));
    // Said in the headings and again at the end of the sheet.
    expect(texts(spec).filter((t) => t === "2 more indicators are not charted here: the Area comparison holds the first 10 funnel plots in the table's order, so the workbook stays quick to build, open and print. To chart others, filter the indicator table to them (hidden rows are left out) and build the scorecard again.")).toHaveLength(2);
  });
});

describe("the Trends sheet at real size", () => {
  it("charts the first 60 indicators in the table's order and names how many more there are", () => {
    const es = entries(Array.from({ length: 61 }, (_, i) => ({ id: `NI ${i + 1}`, area: i % 2 === 0 ? "Anycity" : "Brackenbury", value: i })));
    const spec = trendsSheet(input(es));
    expect(spec.charts).toHaveLength(60);
    expect(spec.charts[59].title.startsWith("NI 60 (")).toBe(true);
    expect(texts(spec).filter((t) => t.startsWith("1 more indicator"))).toEqual(Array(2).fill("1 more indicator is not charted here: Trends holds the first 60 charts in the table's order, so the workbook stays quick to build, open and print. To chart others, filter the indicator table to them (hidden rows are left out) and build the scorecard again."));
  });
});
