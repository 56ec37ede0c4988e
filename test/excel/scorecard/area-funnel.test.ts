/**
 * Build scorecard on the regional sample (12 areas, Count and Denominator columns) through the
 * emulator: the Area comparison's funnel plots. Expected labels and limits are the core's
 * funnelSignificance and funnelLimits (docs/methods.md#funnel) of the sample's own counts and
 * denominators, read from its Data table; the saved file holds a real c:scatterChart.
 */
import JSZip from "jszip";
import { funnelLimits, funnelSignificance } from "../../../src/core/methods/funnel";
import { chartSpecs, saveXlsx } from "../../../src/emulator/xlsx";
import { addChartsToXlsx } from "../../../src/emulator/xlsx-charts";
import { buildScorecard } from "../../../src/excel/scorecard";
import { cells, header, rated, region, rowOf } from "./helpers";

describe("the Area comparison's funnel plots (regional sample)", () => {
  it("labels each area of NI 16 as the core does from the sample's counts and denominators, and draws a scatter chart of them", async () => {
    const api = await region();
    const source = await rated(api);
    await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
    // The sample's NI 16 rows at the rated (latest) period: count and denominator from its Data table.
    const col = (role: string) => source.mapping.entries.find((e) => e.role === role && e.period === undefined)!.column;
    const ni16 = source.computed.rated.filter((r) => r.indicator.id === "NI 16");
    expect(ni16).toHaveLength(12);
    const counts = ni16.map((r) => source.dataRows[r.row][col("count")] as number);
    const denominators = ni16.map((r) => source.dataRows[r.row][col("denominator")] as number);
    const values = ni16.map((r) => r.rating.actual!.value);
    // The sample's NI 16 is a rate per 1,000 (value = count / denominator x 1,000).
    values.forEach((v, i) => expect(v).toBeCloseTo((counts[i] / denominators[i]) * 1000, 9));
    const funnelInput = { statistic: "rate" as const, rateType: "crude" as const, numerators: counts, rates: values, denominators, multiplier: 1000 };
    const labels = funnelSignificance(funnelInput);
    const limits = funnelLimits(funnelInput);
    if (!labels.ok || !limits.ok) throw new Error("the core gives no funnel");

    const v = cells(api, "Area comparison");
    const top = rowOf(v, "NI 16 Serious acquisitive crime rate: funnel plot");
    const h = header(v.slice(top), "Area", "Count", "Denominator", "Value", "Baseline", "Funnel label", "England");
    const at = (r: number, name: string) => v[top + h.row + 1 + r][h.col(name)];
    const shown = new Map(Array.from({ length: 12 }, (_, r) => [at(r, "Area"), { count: at(r, "Count"), label: at(r, "Funnel label"), baseline: at(r, "Baseline"), england: at(r, "England") }]));
    ni16.forEach((r, i) => {
      expect(shown.get(r.indicator.area)).toEqual({ count: counts[i], label: labels.value[i], baseline: limits.value.baseline, england: 14.6 });
    });

    const chart = chartSpecs(api.workbook).specs.find((s) => s.sheetName === "Area comparison" && s.title === "NI 16 Serious acquisitive crime rate")!;
    expect(chart.kind).toBe("scatter");
    expect(chart.axisTitles).toEqual({ category: "Denominator (population)", value: "Rate per 1,000" });
    const names = chart.series.map((s) => s.name);
    expect(names.slice(-6)).toEqual(["Baseline", "2 SD lower", "2 SD upper", "3 SD lower", "3 SD upper", "England"]);
    // Points have markers and no line; limits a line and no markers.
    expect(chart.series.filter((s) => s.line === true).map((s) => s.name)).toEqual(names.slice(-6));
    expect(chart.series.filter((s) => s.markers === false).map((s) => s.name)).toEqual(names.slice(-6));
    // The areas' series take their x from the Denominator column and y from the Value column.
    const letter = (name: string) => String.fromCharCode(65 + h.col(name));
    expect(chart.series[0].categoriesRef).toMatch(new RegExp(`^'Area comparison'!\\$${letter("Denominator")}\\$\\d+:\\$${letter("Denominator")}\\$\\d+$`));
    expect(chart.series[0].valuesRef).toMatch(new RegExp(`^'Area comparison'!\\$${letter("Value")}\\$`));

    // The saved file: a c:scatterChart whose series read x and y from those cells.
    const bytes = await saveXlsx(api.workbook, { writeCharts: addChartsToXlsx });
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async("string")));
    const xml = parts.find((x) => x.includes("<a:t>NI 16 Serious acquisitive crime rate</a:t>") && x.includes("<c:scatterChart>"))!;
    expect(xml).toBeDefined();
    expect(xml).toContain('<c:scatterStyle val="lineMarker"/>');
    expect(xml.match(/<c:valAx>/g)).toHaveLength(2);
    expect(xml).toContain(`<c:xVal><c:numRef><c:f>${chart.series[0].categoriesRef}</c:f>`);
    expect(xml).toContain(`<c:yVal><c:numRef><c:f>${chart.series[0].valuesRef}</c:f>`);
    // A limit series: a solid line, no markers; the areas: markers, no line.
    const series = xml.split("<c:ser>").slice(1);
    const limit = series.find((s) => s.includes("<c:v>3 SD upper</c:v>"))!;
    expect(limit).toContain('<c:marker><c:symbol val="none"/></c:marker>');
    expect(limit).toMatch(/<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="404040"\/>/);
    expect(series[0]).toContain('<c:symbol val="circle"/>');
    expect(series[0]).toContain('<a:ln w="28575"><a:noFill/></a:ln>');
    // The limits' cached values are funnelLimits' (the upper 3 SD line's first drawn point).
    const first3su = limits.value.points.find((p) => p.denominators!.upper3s >= Math.min(...denominators) / 2)!;
    expect(limit).toContain(`<c:v>${first3su.upper3s}</c:v>`);
  }, 60_000);
});
