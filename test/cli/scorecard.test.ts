/**
 * laa-scorecard scorecard / refresh / snapshot. The scorecard sheets come from
 * src/excel/scorecard. The output carries native charts (DrawingML parts written by
 * src/emulator/xlsx-charts.ts) whose series reference the cells the add-in's chart objects read,
 * and LibreOffice renders the workbook with the status colours of src/excel/status-style.ts.
 * (no-scorecard.test.ts covers a build without the module.)
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { scorecardCommands } from "../../src/cli/scorecard-commands";
import { createExcelApi } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { chartSpecs } from "../../src/emulator/xlsx";
import { STATUS_STYLES } from "../../src/excel/status-style";
import { findRenderer, nonWhitePixels, pdfToPpm, readPpm, renderXlsxToPdf, countPixelsNear } from "../emulator/render";
import { cli, readReport, readWithExcelJs, sampleDir, SAMPLES } from "./helpers";

jest.setTimeout(180_000);

const ANYCITY = "anycity-laa.xlsx";
/** The chart series references the add-in's own chart objects read, per chart, from building the scorecard in the emulator. */
async function expectedChartRefs(file: string): Promise<string[][]> {
  const wb = await loadXlsxFile(file);
  const api = createExcelApi(wb);
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("LAA indicators");
    ws.activate();
    ws.getRange("A2").select();
    await context.sync();
  });
  await api.run((context) => scorecardCommands!.buildScorecard(context, { refresh: false }));
  return chartSpecs(wb).specs.map((s) => s.series.flatMap((x) => [x.categoriesRef, x.valuesRef].filter(Boolean)));
}

/** Each chart part's <c:f> references, in part-number order. */
async function chartPartRefs(file: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const refs: string[][] = [];
  for (const p of parts) {
    const xml = await zip.file(p)!.async("string");
    refs.push([...xml.matchAll(/<c:(cat|val)>[\s\S]*?<c:f>([^<]*)<\/c:f>/g)].map((m) => m[2].replace(/&apos;/g, "'")));
  }
  return refs;
}

describe("laa-scorecard scorecard", () => {
  it("writes the scorecard sheets with native charts whose series reference the add-in's chart ranges", async () => {
    const dir = await sampleDir(ANYCITY);
    const run = await cli(dir, ["scorecard", ANYCITY, "--out", "out", "--report", "r.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [entry] = (await readReport(path.join(dir, "r.json"))).files;
    expect(entry.sheets?.length).toBeGreaterThan(0);
    const out = path.join(dir, "out", ANYCITY);
    const expected = await expectedChartRefs(path.join(SAMPLES, ANYCITY));
    expect(expected.length).toBeGreaterThan(0);
    const actual = await chartPartRefs(out);
    expect(actual.map((r) => [...r].sort())).toEqual(expected.map((r) => [...r].sort()));
    // Every value range a chart reads holds numbers in the written file.
    const wb = await readWithExcelJs(out);
    for (const refs of actual) {
      for (const ref of refs) {
        const m = /^'?(.*?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)!;
        expect(wb.getWorksheet(m[1].replace(/''/g, "'"))).toBeDefined();
      }
    }
    // The input's own sheet is still there, untouched by the scorecard (no-data-loss check passed: exit 0).
    expect(wb.getWorksheet("LAA indicators")).toBeDefined();
  });

  it("builds the scorecard as at --as-at (the title line says so, as the add-in writes it)", async () => {
    const dir = await sampleDir(ANYCITY);
    expect((await cli(dir, ["scorecard", ANYCITY, "--out", "out", "--as-at", "2009/10"])).code).toBe(0);
    const ws = (await readWithExcelJs(path.join(dir, "out", ANYCITY))).getWorksheet("Scorecard")!;
    expect(String(ws.getCell("A2").value)).toMatch(/^As at 2009\/10;/);
  });

  const renderer = findRenderer();
  const canRender = renderer !== null || !!process.env.CI;
  (canRender ? it : it.skip)(
    renderer || process.env.CI ? "renders in LibreOffice with the charts' status colours" : "renders in LibreOffice (skipped: soffice and pdftoppm are not installed here and CI is not set)",
    async () => {
      const dir = await sampleDir(ANYCITY);
      expect((await cli(dir, ["scorecard", ANYCITY, "--out", "out"])).code).toBe(0);
      const pdf = await renderXlsxToPdf(path.join(dir, "out", ANYCITY), path.join(dir, "render"));
      const pages = await pdfToPpm(pdf, path.join(dir, "render"), 50);
      expect(pages.length).toBeGreaterThan(0);
      let coloured = 0;
      let inked = 0;
      for (const page of pages) {
        const image = await readPpm(page);
        inked += nonWhitePixels(image);
        for (const s of ["Green", "Amber", "Red"] as const) coloured += countPixelsNear(image, STATUS_STYLES[s].fill.slice(1), 12);
      }
      expect(inked).toBeGreaterThan(0);
      expect(coloured).toBeGreaterThan(0);
    },
  );

  it("refresh rebuilds the scorecard, and snapshot and rate keep its charts (they do not rebuild those sheets)", async () => {
    const dir = await sampleDir(ANYCITY);
    const file = path.join(dir, ANYCITY);
    expect((await cli(dir, ["scorecard", ANYCITY, "--in-place"])).code).toBe(0);
    const built = await chartPartRefs(file);
    expect(built.length).toBeGreaterThan(0);
    const refresh = await cli(dir, ["refresh", ANYCITY, "--in-place", "--report", "r.json"]);
    expect(refresh.stderr).toBe("");
    expect(refresh.code).toBe(0);
    expect((await chartPartRefs(file)).map((r) => [...r].sort())).toEqual(built.map((r) => [...r].sort()));
    const snap = await cli(dir, ["snapshot", ANYCITY, "--in-place", "--report", "s.json"]);
    expect(snap.stderr).toBe("");
    expect(snap.code).toBe(0);
    const [entry] = (await readReport(path.join(dir, "s.json"))).files;
    expect(entry.snapshot?.saved).toBeGreaterThan(0);
    expect((await chartPartRefs(file)).flat().sort()).toEqual(built.flat().sort());
    expect((await cli(dir, ["rate", ANYCITY, "--in-place"])).code).toBe(0);
    expect((await chartPartRefs(file)).flat().sort()).toEqual(built.flat().sort());
  });
});
