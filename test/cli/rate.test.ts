/**
 * laa-scorecard rate, run in-process over copies of the sample workbooks. Expected
 * ratings come from the add-in's own Rate RAG (src/excel/rate-rag.ts) run on the same file through
 * the emulator: the runner must report exactly what the add-in reports, file by file.
 */
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { createExcelApi } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { rateRag } from "../../src/excel/rate-rag";
import type { RateReport, WorkbookSettings } from "../../src/excel/types";
import { cli, digest, readReport, readWithExcelJs, sampleDir, SAMPLES } from "./helpers";

jest.setTimeout(60_000);

const ANYCITY = "anycity-laa.xlsx";
const MESSY = "anycity-laa-messy.xlsx";
const REGION = "region-community-safety.xlsx";

/** The add-in's own Rate RAG on a file, with a cell inside the indicator table selected (as a user would). */
async function addinRate(file: string, sheet: string, cell: string, settings?: WorkbookSettings): Promise<RateReport> {
  const api = createExcelApi(await loadXlsxFile(file));
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
  return api.run((context) => rateRag(context, settings ? { settings } : {}));
}

describe("laa-scorecard rate", () => {
  it("writes each rated workbook to --out and a report with rows rated, counts by status, problems and counters", async () => {
    const dir = await sampleDir(ANYCITY, MESSY);
    const run = await cli(dir, ["rate", ANYCITY, MESSY, "--out", "out", "--report", "out/report.json"]);
    expect(run.code).toBe(0);
    const report = await readReport(path.join(dir, "out", "report.json"));
    expect(report.exitCode).toBe(0);
    expect(report.files.map((f) => [f.file, f.outcome, f.output])).toEqual([
      [ANYCITY, "done", path.join("out", ANYCITY)],
      [MESSY, "done", path.join("out", MESSY)],
    ]);
    // Anycity's table AnycityLAA is on sheet "LAA indicators" (assets/samples/README.md); the messy copy's header is row 5 of "LAA Q2 report".
    const expected = [await addinRate(path.join(SAMPLES, ANYCITY), "LAA indicators", "A2"), await addinRate(path.join(SAMPLES, MESSY), "LAA Q2 report", "A6")];
    report.files.forEach((entry, i) => {
      expect(entry.rowsRated).toBe(expected[i].rated);
      expect(entry.counts).toEqual(expected[i].counts);
      expect(entry.asAt).toBe(expected[i].asAt);
      expect(entry.problems).toEqual(expected[i].problems.map((p) => ({ sheet: p.sheet, cell: p.address, message: p.message, ...(p.indicatorId ? { indicatorId: p.indicatorId } : {}) })));
      // rate-rag.ts: a table that fits the payload budget is read with the first round trip; Anycity's
      // is an Excel table, whose address takes one more (locate, address, write: 3), the messy copy a
      // plain range (locate, write: 2).
      expect(entry.counters?.syncs).toBe(i === 0 ? 3 : 2);
      expect(entry.counters?.requestBytes).toBeGreaterThan(0);
      expect(entry.counters?.responseBytes).toBeGreaterThan(0);
    });
    expect(report.files[0].source).toMatchObject({ sheet: "LAA indicators", kind: "table", name: "AnycityLAA", chosenBy: "first indicator table" });
    // The Status column lands right of the table's last column Q (README: A..Q), in the written file.
    const out = await readWithExcelJs(path.join(dir, "out", ANYCITY));
    const ws = out.getWorksheet("LAA indicators")!;
    expect(ws.getCell("R1").value).toBe("Status");
    const statuses = Array.from({ length: expected[0].rated }, (_, i) => String(ws.getCell(`R${i + 2}`).value));
    expect(statuses.every((s) => ["Blue", "Green", "Amber", "Red", "Grey"].includes(s))).toBe(true);
    expect(run.stdout).toContain(`${ANYCITY}: rated ${expected[0].rated} indicators`);
  });

  it("reports the messy workbook's problems with their sheet and cell (anycity-laa-messy.expected.json)", async () => {
    const dir = await sampleDir(MESSY);
    expect((await cli(dir, ["rate", MESSY, "--out", "out", "--report", "report.json"])).code).toBe(0);
    const [entry] = (await readReport(path.join(dir, "report.json"))).files;
    const expectedList = JSON.parse(await fs.readFile(path.join(SAMPLES, "anycity-laa-messy.expected.json"), "utf8")) as { problems: { sheet: string; address: string; kind: string; indicatorId?: string }[] };
    // The unknown polarity (E30, NI 47) and the duplicated code (A33, NI 16) are in the expected list with these cells.
    for (const kind of ["unknown-polarity", "duplicate-code"]) {
      const p = expectedList.problems.find((x) => x.kind === kind)!;
      expect(entry.problems).toContainEqual(expect.objectContaining({ sheet: p.sheet, cell: p.address, indicatorId: p.indicatorId }));
    }
    for (const p of entry.problems) {
      expect(p.sheet).toBe("LAA Q2 report");
      expect(p.cell).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
      expect(p.message.length).toBeGreaterThan(0);
    }
  });

  it("rates as at --as-at and with --rules, as the add-in does with those settings", async () => {
    const dir = await sampleDir(ANYCITY);
    await fs.writeFile(path.join(dir, "rules.json"), JSON.stringify({ tolerance: 0.1, blueMargin: 0.05 }));
    const run = await cli(dir, ["rate", ANYCITY, "--out", "out", "--rules", "rules.json", "--as-at", "2009/10", "--report", "r.json"]);
    expect(run.code).toBe(0);
    const [entry] = (await readReport(path.join(dir, "r.json"))).files;
    const settings: WorkbookSettings = { rules: { ...DEFAULT_RULE_SETTINGS, tolerance: 0.1, blueMargin: 0.05, asAt: "2009/10" }, mapping: null };
    const expected = await addinRate(path.join(SAMPLES, ANYCITY), "LAA indicators", "A2", settings);
    expect(entry.asAt).toBe("2009/10");
    expect(entry.counts).toEqual(expected.counts);
    expect(entry.rowsRated).toBe(expected.rated);
  });

  it("expands quoted patterns (* and **) and rates every matching file", async () => {
    const dir = await sampleDir(ANYCITY, MESSY);
    await fs.mkdir(path.join(dir, "north", "q2"), { recursive: true });
    await fs.copyFile(path.join(SAMPLES, REGION), path.join(dir, "north", "q2", REGION));
    const run = await cli(dir, ["rate", "**/*.xlsx", "--out", "out", "--report", "r.json"]);
    expect(run.code).toBe(0);
    expect((await readReport(path.join(dir, "r.json"))).files.map((f) => f.file)).toEqual([MESSY, ANYCITY, path.join("north", "q2", REGION)]); // sorted: "-" comes before "."
    expect((await fs.readdir(path.join(dir, "out"))).sort()).toEqual([MESSY, ANYCITY, REGION]);
  });

  it("draws a progress bar on stderr only when stderr is a terminal", async () => {
    const dir = await sampleDir(ANYCITY);
    const tty = await cli(dir, ["rate", ANYCITY, "--out", "a"], true);
    expect(tty.stderr).toMatch(/\r\[#* *\] +\d+% 1\/1 anycity-laa\.xlsx/);
    const plain = await cli(dir, ["rate", ANYCITY, "--out", "b"], false);
    expect(plain.stderr).toBe("");
  });
});

describe("laa-scorecard exit codes", () => {
  it("gives 3 for a missing file and a corrupt .xlsx, names them, and still does the other files", async () => {
    const dir = await sampleDir(ANYCITY);
    await fs.writeFile(path.join(dir, "corrupt.xlsx"), "this is not a zip package");
    const run = await cli(dir, ["rate", "missing.xlsx", "corrupt.xlsx", ANYCITY, "--out", "out", "--report", "r.json"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("missing.xlsx could not be read: no such file");
    expect(run.stderr).toContain("corrupt.xlsx could not be read as an .xlsx workbook");
    const report = await readReport(path.join(dir, "r.json"));
    expect(report.files.map((f) => [f.file, f.outcome])).toEqual([["missing.xlsx", "unreadable"], ["corrupt.xlsx", "unreadable"], [ANYCITY, "done"]]);
    expect(await fs.readdir(path.join(dir, "out"))).toEqual([ANYCITY]);
  });

  it("gives 3 for a workbook with no indicator table, with the next step, and writes nothing for it", async () => {
    const dir = await sampleDir(ANYCITY);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Shopping").addRows([["Milk", 2], ["Bread", 1]]);
    await wb.xlsx.writeFile(path.join(dir, "shopping.xlsx"));
    const run = await cli(dir, ["rate", "shopping.xlsx", ANYCITY, "--out", "out", "--report", "r.json"]);
    expect(run.code).toBe(3);
    const report = await readReport(path.join(dir, "r.json"));
    expect(report.files[0]).toMatchObject({ outcome: "not-done", output: null });
    expect(report.files[0].nextStep).toBeTruthy();
    expect(await fs.readdir(path.join(dir, "out"))).toEqual([ANYCITY]);
  });

  it.each([
    ["no command", []],
    ["an unknown command", ["frobnicate", ANYCITY, "--out", "out"]],
    ["no files", ["rate", "--out", "out"]],
    ["no destination", ["rate", ANYCITY]],
    ["both --out and --in-place", ["rate", ANYCITY, "--out", "out", "--in-place"]],
    ["an unknown option", ["rate", ANYCITY, "--out", "out", "--colour"]],
    ["an as-at that is neither a period nor a date", ["rate", ANYCITY, "--out", "out", "--as-at", "next tuesday"]],
    ["a rules file that does not exist", ["rate", ANYCITY, "--out", "out", "--rules", "nope.json"]],
    ["a pattern that matches nothing", ["rate", "*.xlsm", "--out", "out"]],
  ])("gives 2 for %s, before reading or writing anything", async (_what, argv) => {
    const dir = await sampleDir(ANYCITY);
    const before = await digest(path.join(dir, ANYCITY));
    const run = await cli(dir, argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("laa-scorecard --help");
    expect((await fs.readdir(dir)).sort()).toEqual([ANYCITY]);
    expect(await digest(path.join(dir, ANYCITY))).toBe(before);
  });

  it.each([
    ["an unknown setting", { tolerence: 0.1 }, "tolerence"],
    ["a negative tolerance", { tolerance: -1 }, "tolerance"],
  ])("gives 2 for a rules file with %s, naming it", async (_what, rules, word) => {
    const dir = await sampleDir(ANYCITY);
    await fs.writeFile(path.join(dir, "rules.json"), JSON.stringify(rules));
    const run = await cli(dir, ["rate", ANYCITY, "--out", "out", "--rules", "rules.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(word);
  });

  it("shows help with examples and exit codes, exit 0", async () => {
    const run = await cli(process.cwd(), ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain("laa-scorecard rate");
    expect(run.stdout).toMatch(/3 +at least one file/);
  });
});

describe("laa-scorecard never writes over its input unless --in-place", () => {
  it("refuses --out pointing at the input's own folder (exit 2) and leaves the file alone", async () => {
    const dir = await sampleDir(ANYCITY);
    const before = await digest(path.join(dir, ANYCITY));
    const run = await cli(dir, ["rate", ANYCITY, "--out", "."]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--in-place");
    expect(await digest(path.join(dir, ANYCITY))).toBe(before);
  });

  it("writes over the input with --in-place, leaving no temporary file behind", async () => {
    const dir = await sampleDir(ANYCITY);
    const before = await digest(path.join(dir, ANYCITY));
    expect((await cli(dir, ["rate", ANYCITY, "--in-place"])).code).toBe(0);
    expect(await digest(path.join(dir, ANYCITY))).not.toBe(before);
    expect(await fs.readdir(dir)).toEqual([ANYCITY]);
    const ws = (await readWithExcelJs(path.join(dir, ANYCITY))).getWorksheet("LAA indicators")!;
    expect(ws.getCell("R1").value).toBe("Status");
  });

  it("rating a rated file again changes no status (the add-in's outputs are recognised, not duplicated)", async () => {
    const dir = await sampleDir(ANYCITY);
    expect((await cli(dir, ["rate", ANYCITY, "--in-place", "--report", "1.json"])).code).toBe(0);
    expect((await cli(dir, ["rate", ANYCITY, "--in-place", "--report", "2.json"])).code).toBe(0);
    const [first] = (await readReport(path.join(dir, "1.json"))).files;
    const [second] = (await readReport(path.join(dir, "2.json"))).files;
    expect(second.counts).toEqual(first.counts);
    const ws = (await readWithExcelJs(path.join(dir, ANYCITY))).getWorksheet("LAA indicators")!;
    // The outputs start at R (the table is A:Q) and take OUTPUT_COLUMNS.length columns; the one after is empty.
    const after = 18 + OUTPUT_COLUMNS.length; // 1-based column just right of the block (AB for ten columns)
    expect(ws.getCell(1, after - 1).value).toBe(OUTPUT_COLUMNS[OUTPUT_COLUMNS.length - 1]);
    expect(ws.getCell(1, after).value).toBeNull();
  });
});

describe("laa-scorecard refuses parts it cannot keep unless --force", () => {
  it.each([
    ["a chart", "xl/charts/chart1.xml", "charts"],
    ["a pivot table", "xl/pivotTables/pivotTable1.xml", "pivot tables"],
    ["macros", "xl/vbaProject.bin", "macros"],
    ["an image", "xl/media/image1.png", "images"],
  ])("does not write a workbook holding %s, says why, and writes it with --force", async (_what, part, words) => {
    const dir = await sampleDir(ANYCITY);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(SAMPLES, ANYCITY)));
    zip.file(part, "<placeholder/>");
    await fs.writeFile(path.join(dir, "with-part.xlsx"), await zip.generateAsync({ type: "uint8array" }));
    const run = await cli(dir, ["rate", "with-part.xlsx", ANYCITY, "--out", "out", "--report", "r.json"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`with-part.xlsx was not written: it holds ${words}`);
    expect(run.stderr).toContain("--force");
    expect(await fs.readdir(path.join(dir, "out"))).toEqual([ANYCITY]);
    expect((await readReport(path.join(dir, "r.json"))).files[0]).toMatchObject({ outcome: "refused", output: null });

    const forced = await cli(dir, ["rate", "with-part.xlsx", "--out", "forced", "--force", "--report", "f.json"]);
    expect(forced.code).toBe(0);
    const [entry] = (await readReport(path.join(dir, "f.json"))).files;
    expect(entry.outcome).toBe("done");
    expect(entry.lost?.join("; ")).toContain(words);
    expect(forced.stderr).toContain("Written with --force");
  });
});
