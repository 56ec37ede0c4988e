/**
 * Native charts in workbooks ExcelJS writes. Expected structure: ECMA-376 Part 1 (DrawingML
 * charts, dml-chart.xsd; SpreadsheetML drawing and CT_Worksheet in sml.xsd) and Part 2 (relationships,
 * content types). Expected pictures: LibreOffice headless renders (CONTRIBUTING.md#toolchain-notes, "Looking at output").
 *
 * The workbook is a status-count table by perspective in the shape docs/methods.md#confidence-intervals describes
 * ("Counts by status per perspective are always shown, Grey included"). The counts are illustrative
 * test data, not real authority figures.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { mkdirSync, promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import type { ChartPartSpec } from "../../src/emulator/chart-spec";
import { addChartsToXlsx, parseSheetRange, quoteSheet } from "../../src/emulator/xlsx-charts";
import { withDrawingElement, withFrames } from "../../src/emulator/xlsx-charts/drawing-xml";
import { countPixelsNear, findRenderer, nonWhitePixels, pdfToPpm, readPpm, renderXlsxToPdf, renderXlsxToPng } from "./render";

/** The product's status colours (docs/methods.md#rag-rules). */
const STATUS_COLOURS = { Blue: "1F6FB2", Green: "2E8B57", Amber: "E69B00", Red: "C0392B", Grey: "8C8C8C" } as const;
type StatusName = keyof typeof STATUS_COLOURS;
const STATUSES = Object.keys(STATUS_COLOURS) as StatusName[];

const PERSPECTIVES = [
  "Children and Young People",
  "Safer and Stronger Communities",
  "Healthier Communities and Older People",
  "Economic Development and Enterprise",
];
/** Illustrative counts of indicators per status (Blue, Green, Amber, Red, Grey), one row per perspective. */
const COUNTS = [
  [2, 9, 4, 3, 1],
  [1, 7, 5, 2, 2],
  [0, 6, 6, 4, 1],
  [3, 5, 2, 1, 0],
];
const QUARTERS = ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4"];
/** Illustrative trend: indicators on track (Blue or Green) and off track (Amber or Red) per quarter. */
const ON_TRACK = [18, 21, 24, 26];
const OFF_TRACK = [20, 17, 15, 14];

const SUMMARY = "Status summary";
const TREND = "Trend";
const S = quoteSheet(SUMMARY); // 'Status summary'
const col = (i: number) => String.fromCharCode(66 + i); // B, C, D ... for status i

/** Builds the workbook with ExcelJS: a table, a note, a data bar and page setup on the summary sheet, an image on the trend sheet. */
async function buildWorkbook(options: { formulaResults: boolean } = { formulaResults: true }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet(SUMMARY, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 } });
  summary.getCell("A1").value = "Indicator status by perspective (illustrative test data)";
  summary.getCell("A1").font = { bold: true, size: 14 };
  summary.getCell("A1").note = "Counts of indicators by status; Grey means no data yet.";
  summary.addTable({
    name: "StatusCounts",
    ref: "A3",
    columns: [{ name: "Perspective" }, ...STATUSES.map((s) => ({ name: s }))],
    rows: PERSPECTIVES.map((p, i) => [p, ...COUNTS[i]]),
  });
  summary.getCell("A8").value = "All perspectives";
  STATUSES.forEach((_, i) => {
    const total = COUNTS.reduce((sum, row) => sum + row[i], 0);
    const formula = `SUM(${col(i)}4:${col(i)}7)`;
    summary.getCell(`${col(i)}8`).value = options.formulaResults ? { formula, result: total } : { formula };
  });
  summary.addConditionalFormatting({ ref: "F4:F7", rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } } as never] });
  summary.getColumn(1).width = 40;
  summary.headerFooter.oddFooter = "Page &P of &N";

  const trend = wb.addWorksheet(TREND, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 } });
  trend.addRow(["Quarter", "On track", "Off track"]);
  QUARTERS.forEach((q, i) => trend.addRow([q, ON_TRACK[i], OFF_TRACK[i]]));
  trend.getColumn(1).width = 14;
  const icon = wb.addImage({ buffer: readFileSync(path.join(__dirname, "../../assets/icon-64.png")) as never, extension: "png" });
  trend.addImage(icon, { tl: { col: 0, row: 7 }, ext: { width: 64, height: 64 } });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The three charts of the brief: stacked bar by perspective, doughnut of all statuses, line of the trend. */
const CHARTS: ChartPartSpec[] = [
  {
    sheetName: SUMMARY,
    kind: "barStacked",
    title: "Indicator status by perspective",
    from: { col: 7, row: 1 },
    to: { col: 16, row: 20 },
    legend: "bottom",
    axisTitles: { value: "Indicators" },
    series: STATUSES.map((status, i) => ({
      name: { ref: `${S}!$${col(i)}$3` },
      categoriesRef: `${S}!$A$4:$A$7`,
      valuesRef: `${S}!$${col(i)}$4:$${col(i)}$7`,
      colour: STATUS_COLOURS[status],
    })),
  },
  {
    sheetName: SUMMARY,
    kind: "doughnut",
    title: "All indicators by status",
    from: { col: 0, row: 10 },
    to: { col: 5, row: 30 },
    legend: "right",
    series: [
      {
        name: { ref: `${S}!$A$8` },
        categoriesRef: `${S}!$B$3:$F$3`,
        valuesRef: `${S}!$B$8:$F$8`,
        pointColours: STATUSES.map((s) => STATUS_COLOURS[s]),
      },
    ],
  },
  {
    sheetName: TREND,
    kind: "line",
    title: "Indicators on and off track by quarter",
    from: { col: 4, row: 1 },
    to: { col: 13, row: 20 },
    axisTitles: { category: "Quarter", value: "Indicators" },
    series: [
      { name: "On track (Blue or Green)", categoriesRef: "Trend!$A$2:$A$5", valuesRef: "Trend!$B$2:$B$5", colour: STATUS_COLOURS.Green },
      { name: { ref: "Trend!$C$1" }, categoriesRef: "Trend!$A$2:$A$5", valuesRef: "Trend!$C$2:$C$5", colour: STATUS_COLOURS.Red },
    ],
  },
];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (n) => ["c:ser", "c:dPt", "c:pt", "xdr:twoCellAnchor", "Relationship", "Override"].includes(n) });
type Node = Record<string, unknown>;
const get = (node: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((n, k) => (n as Node | undefined)?.[k], node);

async function text(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`missing part ${part}`);
  return file.async("string");
}

/** Resolves a relationship target the way OPC does (ECMA-376 Part 2, 9.3). */
function resolve(source: string, target: string): string {
  const parts = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

function rels(xml: string): Array<{ id: string; type: string; target: string }> {
  return ((get(parser.parse(xml), "Relationships", "Relationship") as Node[]) ?? []).map((r) => ({
    id: String(r["@_Id"]),
    type: String(r["@_Type"]),
    target: String(r["@_Target"]),
  }));
}

/** Follows workbook.xml and its rels to a sheet's part, as Excel does. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wb = await text(zip, "xl/workbook.xml");
  const sheets = get(parser.parse(wb), "workbook", "sheets", "sheet") as Node | Node[];
  const sheet = (Array.isArray(sheets) ? sheets : [sheets]).find((s) => s["@_name"] === name) as Node;
  const rel = rels(await text(zip, "xl/_rels/workbook.xml.rels")).find((r) => r.id === sheet["@_r:id"]);
  return resolve("xl/workbook.xml", rel!.target);
}

/** The drawing part a sheet links to, and the chart parts that drawing links to, following the relationships. */
async function drawingOf(zip: JSZip, sheetName: string) {
  const part = await sheetPart(zip, sheetName);
  const sheetXml = await text(zip, part);
  const drawingIds = [...sheetXml.matchAll(/<drawing r:id="([^"]+)"\/>/g)].map((m) => m[1]);
  const sheetRels = rels(await text(zip, part.replace(/([^/]+)$/, "_rels/$1.rels")));
  const drawingRel = sheetRels.find((r) => r.id === drawingIds[0]);
  const drawingPath = resolve(part, drawingRel!.target);
  const drawingRels = rels(await text(zip, drawingPath.replace(/([^/]+)$/, "_rels/$1.rels")));
  return { part, sheetXml, drawingIds, drawingRel: drawingRel!, drawingPath, drawingXml: await text(zip, drawingPath), drawingRels };
}

/** Chart parts in the order the drawing's frames refer to them. */
async function chartsOf(zip: JSZip, sheetName: string): Promise<Array<{ path: string; doc: Node; anchor: Node }>> {
  const d = await drawingOf(zip, sheetName);
  const anchors = (get(parser.parse(d.drawingXml), "xdr:wsDr", "xdr:twoCellAnchor") as Node[]).filter((a) => a["xdr:graphicFrame"]);
  return Promise.all(
    anchors.map(async (anchor) => {
      const relId = String(get(anchor, "xdr:graphicFrame", "a:graphic", "a:graphicData", "c:chart", "@_r:id"));
      const rel = d.drawingRels.find((r) => r.id === relId)!;
      expect(rel.type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart");
      const chartPath = resolve(d.drawingPath, rel.target);
      return { path: chartPath, doc: parser.parse(await text(zip, chartPath)) as Node, anchor };
    }),
  );
}

const plotOf = (doc: Node) => get(doc, "c:chartSpace", "c:chart", "c:plotArea") as Node;
const refOf = (node: unknown, kind: "c:strRef" | "c:numRef") => get(node, kind, "c:f");

let withCharts: Uint8Array;
let zip: JSZip;

beforeAll(async () => {
  withCharts = await addChartsToXlsx(await buildWorkbook(), CHARTS);
  zip = await JSZip.loadAsync(withCharts);
});

describe("addChartsToXlsx: chart parts", () => {
  it("writes one well-formed chart part per chart, declared in [Content_Types].xml", async () => {
    const chartParts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts).toHaveLength(CHARTS.length);
    const types = await text(zip, "[Content_Types].xml");
    for (const p of chartParts) {
      expect(XMLValidator.validate(await text(zip, p))).toBe(true);
      expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    }
  });

  it("keeps every XML part of the package well-formed", async () => {
    const xmlParts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    for (const p of xmlParts) expect([p, XMLValidator.validate(await text(zip, p))]).toEqual([p, true]);
  });

  it("draws the perspective chart as horizontal stacked bars with 100% overlap, gap width 50 and the status colours", async () => {
    const [bar] = await chartsOf(zip, SUMMARY);
    const barChart = get(plotOf(bar.doc), "c:barChart") as Node;
    expect(get(barChart, "c:barDir", "@_val")).toBe("bar");
    expect(get(barChart, "c:grouping", "@_val")).toBe("stacked");
    expect(get(barChart, "c:overlap", "@_val")).toBe("100");
    expect(get(barChart, "c:gapWidth", "@_val")).toBe("50");
    const colours = (barChart["c:ser"] as Node[]).map((s) => get(s, "c:spPr", "a:solidFill", "a:srgbClr", "@_val"));
    expect(colours).toEqual(CHARTS[0].series.map((s) => s.colour));
  });

  it("draws the doughnut with a hole and one slice colour per status, in category order", async () => {
    const [, doughnut] = await chartsOf(zip, SUMMARY);
    const chart = get(plotOf(doughnut.doc), "c:doughnutChart") as Node;
    expect(Number(get(chart, "c:holeSize", "@_val"))).toBeGreaterThanOrEqual(10);
    const [ser] = chart["c:ser"] as Node[];
    const slices = (ser["c:dPt"] as Node[]).map((p) => [get(p, "c:idx", "@_val"), get(p, "c:spPr", "a:solidFill", "a:srgbClr", "@_val")]);
    expect(slices).toEqual(CHARTS[1].series[0].pointColours!.map((c, i) => [String(i), c]));
  });

  it("draws the trend as lines with markers, titled axes and the series colours", async () => {
    const [line] = await chartsOf(zip, TREND);
    const plot = plotOf(line.doc);
    const chart = get(plot, "c:lineChart") as Node;
    expect(get(chart, "c:marker", "@_val")).toBe("1");
    for (const [i, ser] of (chart["c:ser"] as Node[]).entries()) {
      expect(get(ser, "c:marker", "c:symbol", "@_val")).toBe("circle");
      expect(get(ser, "c:spPr", "a:ln", "a:solidFill", "a:srgbClr", "@_val")).toBe(CHARTS[2].series[i].colour);
    }
    const axisTitle = (ax: string) => get(plot, ax, "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t");
    expect([axisTitle("c:catAx"), axisTitle("c:valAx")]).toEqual([CHARTS[2].axisTitles!.category, CHARTS[2].axisTitles!.value]);
  });

  it("gives each chart its title and legend position", async () => {
    const all = [...(await chartsOf(zip, SUMMARY)), ...(await chartsOf(zip, TREND))];
    const titles = all.map((c) => get(c.doc, "c:chartSpace", "c:chart", "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t"));
    expect(titles).toEqual(CHARTS.map((c) => c.title));
    const legends = all.map((c) => get(c.doc, "c:chartSpace", "c:chart", "c:legend", "c:legendPos", "@_val"));
    // CT_LegendPos: b, r, t, l; the line chart gives none and gets the default, bottom.
    expect(legends).toEqual(["b", "r", "b"]);
  });
});

describe("addChartsToXlsx: series references", () => {
  it("refers each series to exactly the ranges given, sheet names with spaces quoted", async () => {
    const all = [...(await chartsOf(zip, SUMMARY)), ...(await chartsOf(zip, TREND))];
    all.forEach(({ doc }, chartIndex) => {
      const plot = plotOf(doc);
      const group = (plot["c:barChart"] ?? plot["c:doughnutChart"] ?? plot["c:lineChart"]) as Node;
      const written = (group["c:ser"] as Node[]).map((s) => ({
        name: refOf(get(s, "c:tx"), "c:strRef") ?? get(s, "c:tx", "c:v"),
        categories: refOf(get(s, "c:cat"), "c:strRef") ?? refOf(get(s, "c:cat"), "c:numRef"),
        values: refOf(get(s, "c:val"), "c:numRef"),
      }));
      const given = CHARTS[chartIndex].series.map((s) => ({
        name: typeof s.name === "string" ? s.name : s.name?.ref,
        categories: s.categoriesRef,
        values: s.valuesRef,
      }));
      expect(written).toEqual(given);
    });
    expect(CHARTS[0].series[0].valuesRef).toBe("'Status summary'!$B$4:$B$7");
  });

  it("caches the cell values, including SUM results ExcelJS saved, so non-calculating viewers show the chart", async () => {
    const [bar, doughnut] = await chartsOf(zip, SUMMARY);
    const barSer = (get(plotOf(bar.doc), "c:barChart", "c:ser") as Node[])[0];
    const catPts = get(barSer, "c:cat", "c:strRef", "c:strCache", "c:pt") as Node[];
    expect(catPts.map((p) => p["c:v"])).toEqual(PERSPECTIVES);
    expect(get(barSer, "c:tx", "c:strRef", "c:strCache", "c:pt", "0", "c:v")).toBe("Blue");
    const valPts = get(barSer, "c:val", "c:numRef", "c:numCache", "c:pt") as Node[];
    expect(valPts.map((p) => Number(p["c:v"]))).toEqual(COUNTS.map((row) => row[0]));
    const ser = (get(plotOf(doughnut.doc), "c:doughnutChart", "c:ser") as Node[])[0];
    const totals = STATUSES.map((_, i) => COUNTS.reduce((sum, row) => sum + row[i], 0));
    const pts = get(ser, "c:val", "c:numRef", "c:numCache", "c:pt") as Node[];
    expect(pts.map((p) => Number(p["c:v"]))).toEqual(totals);
    expect(get(ser, "c:val", "c:numRef", "c:numCache", "c:ptCount", "@_val")).toBe(String(STATUSES.length));
  });

  it("writes no value cache when a formula was saved without its result, rather than a wrong one", async () => {
    const out = await JSZip.loadAsync(await addChartsToXlsx(await buildWorkbook({ formulaResults: false }), CHARTS));
    const [, doughnut] = await chartsOf(out, SUMMARY);
    const ser = (get(plotOf(doughnut.doc), "c:doughnutChart", "c:ser") as Node[])[0];
    expect(get(ser, "c:val", "c:numRef", "c:f")).toBe(CHARTS[1].series[0].valuesRef);
    expect(get(ser, "c:val", "c:numRef", "c:numCache")).toBeUndefined();
    // The categories are plain text cells, so they are still cached.
    expect(get(ser, "c:cat", "c:strRef", "c:strCache", "c:ptCount", "@_val")).toBe(String(STATUSES.length));
  });

  it("quotes sheet names that need it (apostrophes doubled) and makes cell references absolute", () => {
    expect(parseSheetRange("'Scorecard'!B5:B8").formula).toBe("'Scorecard'!$B$5:$B$8");
    expect(parseSheetRange("Scorecard!$B$5:$B$8").formula).toBe("Scorecard!$B$5:$B$8");
    expect(parseSheetRange("'Officers'' notes'!c2").formula).toBe("'Officers'' notes'!$C$2");
    expect(parseSheetRange("'Officers'' notes'!c2").sheet).toBe("Officers' notes");
    expect(quoteSheet("Status summary")).toBe("'Status summary'");
    expect(quoteSheet("Q1")).toBe("'Q1'"); // reads as cell Q1
    expect(quoteSheet("Safer&Stronger")).toBe("'Safer&Stronger'");
    expect(() => parseSheetRange("B5:B8")).toThrow(/sheet-qualified/);
  });
});

describe("addChartsToXlsx: drawings and relationships", () => {
  it("links a new drawing from the summary sheet, with an override and a relationship for each chart", async () => {
    const d = await drawingOf(zip, SUMMARY);
    expect(d.drawingIds).toHaveLength(1);
    expect(d.drawingRel.type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing");
    expect(await text(zip, "[Content_Types].xml")).toContain(`<Override PartName="/${d.drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    const charts = await chartsOf(zip, SUMMARY);
    expect(charts.map((c) => zip.file(c.path) !== null)).toEqual([true, true]);
    const anchors = charts.map((c) => ["xdr:from", "xdr:to"].map((end) => [Number(get(c.anchor, end, "xdr:col")), Number(get(c.anchor, end, "xdr:row"))]));
    expect(anchors).toEqual(CHARTS.slice(0, 2).map((c) => [[c.from.col, c.from.row], [c.to.col, c.to.row]]));
  });

  it("adds the line chart to the drawing ExcelJS wrote for the image instead of a second drawing", async () => {
    const before = await JSZip.loadAsync(await buildWorkbook());
    const original = await drawingOf(before, TREND);
    const d = await drawingOf(zip, TREND);
    expect(d.drawingIds).toHaveLength(1);
    expect(d.drawingPath).toBe(original.drawingPath);
    expect(d.drawingXml).toContain("<xdr:pic>");
    expect(d.drawingRels.filter((r) => r.type.endsWith("/image"))).toEqual(original.drawingRels);
    const ids = [...d.drawingXml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts <drawing> where CT_Worksheet wants it: after headerFooter, before tableParts and extLst", async () => {
    // CT_Worksheet's sequence, ECMA-376 Part 1, sml.xsd.
    const order = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
    const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse((await drawingOf(zip, SUMMARY)).sheetXml) as Array<Record<string, Node[]>>;
    const children = doc.find((n) => n.worksheet)!.worksheet.map((n) => Object.keys(n)[0]);
    // The ExcelJS sheet exercises the neighbours: a note (legacyDrawing), a table, and a data bar whose
    // cfRule holds an extLst of its own besides the sheet's extLst.
    expect(children).toEqual(expect.arrayContaining(["headerFooter", "drawing", "legacyDrawing", "tableParts", "extLst"]));
    // Every element the schema puts before <drawing> is before it, every other one after it. (The
    // whole sequence is not checked: ExcelJS 4.4 itself writes legacyDrawing after extLst.)
    const at = children.indexOf("drawing");
    children.forEach((child, i) => {
      if (i !== at) expect([child, i < at]).toEqual([child, order.indexOf(child) < order.indexOf("drawing")]);
    });
  });

  it("numbers parts on from those already there when charts are added to a package twice", async () => {
    const twice = await JSZip.loadAsync(await addChartsToXlsx(withCharts, [CHARTS[0]]));
    const charts = Object.keys(twice.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/charts/chart4.xml"]);
    const d = await drawingOf(twice, SUMMARY);
    expect(d.drawingIds).toHaveLength(1);
    expect((await chartsOf(twice, SUMMARY)).map((c) => c.path)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart4.xml"]);
  });

  it("refuses a sheet whose <drawing> points at a missing part rather than giving it a second drawing", async () => {
    const book = await JSZip.loadAsync(await buildWorkbook());
    const original = await drawingOf(book, TREND);
    book.remove(original.drawingPath);
    const broken = new Uint8Array(await book.generateAsync({ type: "uint8array" }));
    await expect(addChartsToXlsx(broken, [CHARTS[2]])).rejects.toThrow(/drawing .* is missing/);
  });

  it("refuses, before writing anything, a chart on a sheet the workbook lacks or with a bad colour", async () => {
    const book = await buildWorkbook();
    await expect(addChartsToXlsx(book, [{ ...CHARTS[0], sheetName: "Scorecard" }])).rejects.toThrow(/No worksheet named "Scorecard"/);
    const badColour = { ...CHARTS[2], series: [{ ...CHARTS[2].series[0], colour: "green" }] };
    await expect(addChartsToXlsx(book, [badColour])).rejects.toThrow(/RRGGBB/);
    const badRef = { ...CHARTS[2], series: [{ ...CHARTS[2].series[0], valuesRef: "'Targets'!$B$2:$B$5" }] };
    await expect(addChartsToXlsx(book, [badRef])).rejects.toThrow(/No worksheet named "Targets"/);
  });
});

const renderer = findRenderer();
// CI installs LibreOffice and poppler (.ci/run), so there a missing renderer fails the test instead of skipping it.
const renderIt = renderer || process.env.CI ? it : it.skip;
const RENDER_CLAIM = "LibreOffice draws the three charts: each status colour gains pixels over the same workbook without charts";
const renderTitle = renderer
  ? RENDER_CLAIM
  : process.env.CI
    ? `${RENDER_CLAIM} (CI must install LibreOffice and pdftoppm, .ci/run)`
    : `SKIPPED (LibreOffice soffice or poppler pdftoppm not on PATH): ${RENDER_CLAIM}`;

describe("addChartsToXlsx: rendered by LibreOffice", () => {
  const outDir = path.join(__dirname, "../../test-output/xlsx-charts");

  renderIt(
    renderTitle,
    async () => {
      mkdirSync(outDir, { recursive: true });
      const chartsFile = path.join(outDir, "status-charts.xlsx");
      const plainFile = path.join(outDir, "status-no-charts.xlsx");
      await fs.writeFile(chartsFile, withCharts);
      await fs.writeFile(plainFile, await buildWorkbook());

      const pngs = await renderXlsxToPng(chartsFile, outDir);
      expect(pngs.length).toBeGreaterThanOrEqual(2); // one page per sheet, fitted
      for (const png of pngs) expect((await fs.stat(png)).size).toBeGreaterThan(1000);

      const pages = await Promise.all((await pdfToPpm(path.join(outDir, "status-charts.pdf"), outDir)).map(readPpm));
      const plainPages = await Promise.all((await pdfToPpm(await renderXlsxToPdf(plainFile, outDir), outDir)).map(readPpm));
      for (const page of pages) expect(nonWhitePixels(page)).toBeGreaterThan(0);
      // Bars, slices and line markers are solid fills, so their colours reach the pixels exactly. The
      // add-in icon on the trend sheet has red, amber and green in it too, hence "more than without charts".
      const pixels = (imgs: typeof pages, hex: string) => imgs.reduce((n, img) => n + countPixelsNear(img, hex), 0);
      for (const status of STATUSES) {
        const added = pixels(pages, STATUS_COLOURS[status]) - pixels(plainPages, STATUS_COLOURS[status]);
        expect([status, added > 50]).toEqual([status, true]);
      }
      // The summary sheet (first page) gains every status colour from the bars and the doughnut; its
      // text is anti-aliased to greys near Grey, so the check is a gain, not an absence beforehand.
      for (const status of STATUSES) {
        const added = countPixelsNear(pages[0], STATUS_COLOURS[status]) - countPixelsNear(plainPages[0], STATUS_COLOURS[status]);
        expect([status, added > 50]).toEqual([status, true]);
      }
      // The trend page (the second sheet) gains the Green and Red lines.
      const last = (imgs: typeof pages) => imgs[imgs.length - 1];
      for (const hex of [STATUS_COLOURS.Green, STATUS_COLOURS.Red]) {
        expect(countPixelsNear(last(pages), hex) - countPixelsNear(last(plainPages), hex)).toBeGreaterThan(20);
      }
    },
    180_000,
  );
});

describe("addChartsToXlsx: other chart kinds and packages", () => {
  it("writes clustered and stacked bars and columns with the barDir and grouping Excel reads (c:overlap only when stacked)", async () => {
    const kinds = ["barClustered", "barStacked", "columnClustered", "columnStacked"] as const;
    const specs: ChartPartSpec[] = kinds.map((kind, i) => ({ ...CHARTS[0], kind, from: { col: 0, row: 40 + i * 20 }, to: { col: 8, row: 58 + i * 20 } }));
    const out = await JSZip.loadAsync(await addChartsToXlsx(await buildWorkbook(), specs));
    const written = (await chartsOf(out, SUMMARY)).map(({ doc }) => {
      const bar = get(plotOf(doc), "c:barChart");
      return [get(bar, "c:barDir", "@_val"), get(bar, "c:grouping", "@_val"), get(bar, "c:overlap", "@_val")];
    });
    expect(written).toEqual([
      ["bar", "clustered", undefined],
      ["bar", "stacked", "100"],
      ["col", "clustered", undefined],
      ["col", "stacked", "100"],
    ]);
  });

  it("leaves colours to the theme when the spec gives none, varying doughnut slices by point", async () => {
    const plainDoughnut: ChartPartSpec = { ...CHARTS[1], series: [{ ...CHARTS[1].series[0], pointColours: undefined }] };
    const out = await JSZip.loadAsync(await addChartsToXlsx(await buildWorkbook(), [plainDoughnut]));
    const [{ doc }] = await chartsOf(out, SUMMARY);
    const chart = get(plotOf(doc), "c:doughnutChart") as Node;
    expect(get(chart, "c:varyColors", "@_val")).toBe("1");
    expect(get(chart, "c:ser", "0", "c:dPt")).toBeUndefined();
    expect(get(chart, "c:ser", "0", "c:spPr")).toBeUndefined();
  });

  it("finds a sheet by its name in workbook.xml, not by its tab position or file number", async () => {
    const book = await JSZip.loadAsync(await buildWorkbook());
    const wbXml = await text(book, "xl/workbook.xml");
    // Swap the two tabs: "Trend" first. The sheet files and relationships stay as they were.
    const sheets = /<sheets>(<sheet [^>]*\/>)(<sheet [^>]*\/>)<\/sheets>/.exec(wbXml)!;
    book.file("xl/workbook.xml", wbXml.replace(sheets[0], `<sheets>${sheets[2]}${sheets[1]}</sheets>`));
    const swapped = new Uint8Array(await book.generateAsync({ type: "uint8array" }));
    const out = await JSZip.loadAsync(await addChartsToXlsx(swapped, [CHARTS[0]]));
    expect((await drawingOf(out, SUMMARY)).part).toBe((await drawingOf(zip, SUMMARY)).part);
    expect((await drawingOf(out, TREND)).drawingXml).not.toContain("graphicFrame");
  });

  it("escapes a sheet name with an apostrophe and an ampersand in the series formula, which reads back exactly", async () => {
    const wb = new ExcelJS.Workbook();
    const name = "Officers' notes & actions";
    const ws = wb.addWorksheet(name);
    ws.addRow(["Status", "Indicators"]);
    STATUSES.forEach((s, i) => ws.addRow([s, COUNTS[0][i]]));
    const q = quoteSheet(name);
    expect(q).toBe("'Officers'' notes & actions'");
    const spec: ChartPartSpec = {
      sheetName: name,
      kind: "columnClustered",
      from: { col: 3, row: 1 },
      to: { col: 10, row: 16 },
      series: [{ name: { ref: `${q}!$B$1` }, categoriesRef: `${q}!$A$2:$A$6`, valuesRef: `${q}!$B$2:$B$6`, colour: STATUS_COLOURS.Blue }],
    };
    const out = await JSZip.loadAsync(await addChartsToXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), [spec]));
    const [{ path: chartPath, doc }] = await chartsOf(out, name);
    expect(await text(out, chartPath)).toContain("<c:f>'Officers'' notes &amp; actions'!$B$2:$B$6</c:f>");
    const ser = get(plotOf(doc), "c:barChart", "c:ser", "0");
    expect([refOf(get(ser, "c:tx"), "c:strRef"), refOf(get(ser, "c:cat"), "c:strRef"), refOf(get(ser, "c:val"), "c:numRef")]).toEqual([
      spec.series[0].name && typeof spec.series[0].name === "object" ? spec.series[0].name.ref : null,
      spec.series[0].categoriesRef,
      spec.series[0].valuesRef,
    ]);
    // No title given: Excel must not invent one from the single series' name.
    expect(get(doc, "c:chartSpace", "c:chart", "c:autoTitleDeleted", "@_val")).toBe("1");
  });
});

describe("xlsx-charts helpers on XML ExcelJS does not write", () => {
  it("inserts <drawing> among a prefixed worksheet's own children, skipping comments and '>' inside attribute values", () => {
    const sheet =
      `<x:worksheet xmlns:x="${"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}"><x:sheetData/>` +
      `<x:headerFooter><x:oddHeader a="b>c">&amp;P</x:oddHeader></x:headerFooter><!-- <extLst/> --><x:tableParts count="0"/></x:worksheet>`;
    const out = withDrawingElement(sheet, "rId9", "sheet");
    expect(out).toContain(`</x:headerFooter><!-- <extLst/> --><x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/><x:tableParts`);
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it("declares its own namespaces on chart anchors added to a drawing that binds other prefixes", () => {
    const drawing = `<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor/></wsDr>`;
    const out = withFrames(drawing, [{ from: { col: 1, row: 1 }, to: { col: 5, row: 10 }, shapeId: 2, description: "A & B", chartRelId: "rId1" }]);
    expect(out).toContain(`<xdr:twoCellAnchor xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`);
    expect(out).toContain(`descr="A &amp; B"`);
    expect(XMLValidator.validate(out)).toBe(true);
  });
});

describe("addChartsToXlsx: schema element order", () => {
  // Child sequences of the complex types the writer uses, transcribed from ECMA-376 Part 1 (5th ed.)
  // dml-chart.xsd, dml-main.xsd and dml-spreadsheetDrawing.xsd. Excel rejects ("repairs") a part
  // whose children are out of order; LibreOffice is lenient, so its render alone would not catch it.
  const AX_HEAD = ["c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx", "c:crosses", "c:crossesAt"];
  const SEQUENCES: Record<string, string[]> = {
    "c:chartSpace": ["c:date1904", "c:lang", "c:roundedCorners", "c:style", "c:clrMapOvr", "c:pivotSource", "c:protection", "c:chart", "c:spPr", "c:txPr", "c:externalData", "c:printSettings", "c:userShapes", "c:extLst"],
    "c:chart": ["c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall", "c:backWall", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs", "c:showDLblsOverMax", "c:extLst"],
    "c:plotArea": ["c:layout", "c:barChart", "c:lineChart", "c:doughnutChart", "c:catAx", "c:valAx", "c:dTable", "c:spPr", "c:extLst"],
    "c:barChart": ["c:barDir", "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:gapWidth", "c:overlap", "c:serLines", "c:axId", "c:extLst"],
    "c:lineChart": ["c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:dropLines", "c:hiLowLines", "c:upDownBars", "c:marker", "c:smooth", "c:axId", "c:extLst"],
    "c:doughnutChart": ["c:varyColors", "c:ser", "c:dLbls", "c:firstSliceAng", "c:holeSize", "c:extLst"],
    "c:barChart/c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst"],
    "c:lineChart/c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:smooth", "c:extLst"],
    "c:doughnutChart/c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:explosion", "c:dPt", "c:dLbls", "c:cat", "c:val", "c:extLst"],
    "c:dPt": ["c:idx", "c:invertIfNegative", "c:marker", "c:bubble3D", "c:explosion", "c:spPr", "c:pictureOptions", "c:extLst"],
    "c:ser/c:marker": ["c:symbol", "c:size", "c:spPr", "c:extLst"],
    "c:catAx": [...AX_HEAD, "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"],
    "c:valAx": [...AX_HEAD, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
    "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
    "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
    "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
    "c:strRef": ["c:f", "c:strCache", "c:extLst"],
    "c:numRef": ["c:f", "c:numCache", "c:extLst"],
    "c:numCache": ["c:formatCode", "c:ptCount", "c:pt", "c:extLst"],
    "c:strCache": ["c:ptCount", "c:pt", "c:extLst"],
    "c:spPr": ["a:xfrm", "a:custGeom", "a:prstGeom", "a:noFill", "a:solidFill", "a:gradFill", "a:pattFill", "a:ln", "a:effectLst", "a:scene3d", "a:sp3d", "a:extLst"],
    "a:ln": ["a:noFill", "a:solidFill", "a:gradFill", "a:pattFill", "a:prstDash", "a:custDash", "a:round", "a:bevel", "a:miter", "a:headEnd", "a:tailEnd", "a:extLst"],
    "c:rich": ["a:bodyPr", "a:lstStyle", "a:p"],
    "c:txPr": ["a:bodyPr", "a:lstStyle", "a:p"],
    "a:p": ["a:pPr", "a:r", "a:br", "a:fld", "a:endParaRPr"],
    "xdr:twoCellAnchor": ["xdr:from", "xdr:to", "xdr:sp", "xdr:grpSp", "xdr:graphicFrame", "xdr:cxnSp", "xdr:pic", "xdr:contentPart", "xdr:clientData"],
    "xdr:from": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
    "xdr:to": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
    "xdr:graphicFrame": ["xdr:nvGraphicFramePr", "xdr:xfrm", "a:graphic", "xdr:extLst"],
  };
  type Ordered = Array<Record<string, unknown>>;
  const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true });

  /** Walks the tree and gives every place where children break their parent's sequence. */
  function orderProblems(nodes: Ordered, parents: string[] = []): string[] {
    const problems: string[] = [];
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ":@")!;
      if (name === "#text") continue;
      const children = node[name] as Ordered;
      const names = children.map((c) => Object.keys(c).find((k) => k !== ":@")!).filter((n) => n !== "#text");
      const sequence = SEQUENCES[`${parents[parents.length - 1]}/${name}`] ?? SEQUENCES[name];
      if (sequence) {
        const positions = names.map((n) => sequence.indexOf(n));
        const unknown = names.filter((_, i) => positions[i] < 0);
        if (unknown.length) problems.push(`${[...parents, name].join(">")}: unexpected ${unknown.join(", ")}`);
        else if (positions.some((p, i) => i > 0 && p < positions[i - 1])) problems.push(`${[...parents, name].join(">")}: ${names.join(", ")}`);
      }
      problems.push(...orderProblems(children, [...parents, name]));
    }
    return problems;
  }

  it("writes every chart and drawing element in the order the DrawingML schemas require", async () => {
    const kinds = ["barClustered", "barStacked", "columnClustered", "columnStacked"] as const;
    const more: ChartPartSpec[] = kinds.map((kind, i) => ({ ...CHARTS[0], kind, from: { col: 0, row: 40 + i * 20 }, to: { col: 8, row: 58 + i * 20 } }));
    const out = await JSZip.loadAsync(await addChartsToXlsx(await buildWorkbook(), [...CHARTS, ...more]));
    const parts = Object.keys(out.files).filter((p) => /^xl\/(charts\/chart|drawings\/drawing)\d+\.xml$/.test(p));
    expect(parts.length).toBe(CHARTS.length + more.length + 2);
    for (const p of parts) {
      const doc = orderedParser.parse(await text(out, p)) as Ordered;
      expect([p, orderProblems(doc)]).toEqual([p, []]);
    }
  });
});
