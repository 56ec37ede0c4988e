/**
 * Charts, pictures and print settings of the user's sheets come through a run ("No data
 * loss"): the emulator's writer drops them (ROUND_TRIP_LOSSES), so the runner copies them from the
 * input package. Inputs are real packages: a native chart written by the emulator's own chart writer
 * (src/emulator/xlsx-charts.ts), a picture and print settings written by ExcelJS.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createExcelApi } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { saveXlsx } from "../../src/emulator/xlsx";
import { addChartsToXlsx } from "../../src/emulator/xlsx-charts";
import { worksheetParts, readPart, relsPathFor, parseRelationships, resolveTarget } from "../../src/emulator/xlsx-charts/package";
import { cli, readWithExcelJs, sampleDir, SAMPLES } from "./helpers";

jest.setTimeout(60_000);

/** The chart formulas (c:f) a sheet's drawing reaches, by following the package's relationships. */
async function sheetChartRefs(file: string, sheet: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const part = (await worksheetParts(zip)).get(sheet)!;
  const refs: string[] = [];
  for (const rel of parseRelationships(await readPart(zip, relsPathFor(part)))) {
    if (!rel.type.endsWith("/drawing")) continue;
    const drawing = resolveTarget(part, rel.target);
    for (const inner of parseRelationships(await readPart(zip, relsPathFor(drawing)))) {
      if (!inner.type.endsWith("/chart")) continue;
      const xml = (await readPart(zip, resolveTarget(drawing, inner.target)))!;
      refs.push(...[...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]));
    }
  }
  return refs.sort();
}

describe("laa-scorecard carries what the writer drops", () => {
  it("keeps a native chart on the user's own sheet, reading the same cells", async () => {
    const dir = await sampleDir();
    const wb = await loadXlsxFile(path.join(SAMPLES, "anycity-laa.xlsx"));
    const api = createExcelApi(wb);
    await api.run(async (context) => {
      const ws = context.workbook.worksheets.add("Budget chart");
      ws.getRange("A1:B4").values = [["Block", "Spend"], ["Children", 120], ["Safety", 80], ["Health", 95]];
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B4"), "Auto");
      chart.title.text = "Spend by block";
      await context.sync();
    });
    await fs.writeFile(path.join(dir, "with-chart.xlsx"), await saveXlsx(wb, { writeCharts: addChartsToXlsx }));
    const before = await sheetChartRefs(path.join(dir, "with-chart.xlsx"), "Budget chart");
    expect(before.length).toBeGreaterThan(0);

    const run = await cli(dir, ["rate", "with-chart.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await sheetChartRefs(path.join(dir, "out", "with-chart.xlsx"), "Budget chart")).toEqual(before);
  });

  it("keeps a picture and the print settings (titles, orientation, fit to page) of the user's sheets", async () => {
    const dir = await sampleDir();
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(path.join(SAMPLES, "anycity-laa.xlsx"));
    const logo = x.addImage({ buffer: (await fs.readFile(path.join(__dirname, "..", "..", "assets", "icon-32.png"))) as unknown as ExcelJS.Buffer, extension: "png" });
    const cover = x.addWorksheet("Cover");
    cover.getCell("A1").value = "Anycity LAA board pack";
    cover.addImage(logo, { tl: { col: 2, row: 2 }, ext: { width: 32, height: 32 } });
    const table = x.getWorksheet("LAA indicators")!;
    table.pageSetup.orientation = "landscape";
    table.pageSetup.fitToPage = true;
    table.pageSetup.fitToWidth = 1;
    table.pageSetup.fitToHeight = 0;
    table.pageSetup.printTitlesRow = "1:1";
    await x.xlsx.writeFile(path.join(dir, "pack.xlsx"));

    const run = await cli(dir, ["rate", "pack.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = await readWithExcelJs(path.join(dir, "out", "pack.xlsx"));
    const images = out.getWorksheet("Cover")!.getImages();
    expect(images).toHaveLength(1);
    const media = (out as unknown as { model: { media: { buffer: Uint8Array }[] } }).model.media;
    expect(Buffer.from(media[0].buffer).equals(await fs.readFile(path.join(__dirname, "..", "..", "assets", "icon-32.png")))).toBe(true);
    const setup = out.getWorksheet("LAA indicators")!.pageSetup;
    expect({ orientation: setup.orientation, fitToPage: setup.fitToPage, fitToWidth: setup.fitToWidth, fitToHeight: setup.fitToHeight, printTitlesRow: setup.printTitlesRow }).toEqual({
      orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1",
    });
  });
});
