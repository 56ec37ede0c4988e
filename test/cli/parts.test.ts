/**
 * The runner's smaller pieces: pattern expansion, the progress line, package inspection, merged
 * cells put back at their schema position, and writing that is never partial.
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expandPattern, segmentRegExp } from "../../src/cli/glob";
import { inspectPackage, lossesOutside } from "../../src/cli/package-parts";
import { barLine, progressBar } from "../../src/cli/progress";
import { withMergeCells } from "../../src/cli/restore-look";
import { cli, readReport, sampleDir } from "./helpers";

jest.setTimeout(60_000);

describe("file patterns", () => {
  it("matches * and ? within a name only, like a shell", () => {
    expect(segmentRegExp("area-??.xlsx").test("area-01.xlsx")).toBe(true);
    expect(segmentRegExp("area-??.xlsx").test("area-1.xlsx")).toBe(false);
    expect(segmentRegExp("*.xlsx").test("north.xlsx.bak")).toBe(false);
    expect(segmentRegExp("a+b (1).xlsx").test("a+b (1).xlsx")).toBe(true);
  });

  it("expands ** across folders, sorted, and passes a plain path through even when missing", async () => {
    const dir = await fs.mkdtemp(path.join(tmpdir(), "laa-glob-"));
    for (const f of ["b.xlsx", "a.xlsx", "notes.txt", "sub/c.xlsx", "sub/deeper/d.xlsx", ".hidden/e.xlsx"]) {
      await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await fs.writeFile(path.join(dir, f), "");
    }
    expect(expandPattern("*.xlsx", dir)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(expandPattern("**/*.xlsx", dir)).toEqual(["a.xlsx", "b.xlsx", path.join("sub", "c.xlsx"), path.join("sub", "deeper", "d.xlsx")]);
    expect(expandPattern(path.join(dir, "sub", "*", "*.xlsx"), "/")).toEqual([path.join(dir, "sub", "deeper", "d.xlsx")]);
    expect(expandPattern("missing.xlsx", dir)).toEqual(["missing.xlsx"]);
  });
});

describe("progress line", () => {
  it("shows the share done over all files and cuts to the terminal width", () => {
    // File 2 of 4, half way through it: (1 + 0.5) / 4 = 37.5%.
    expect(barLine(1, 4, 0.5, "south.xlsx: Rating", 80)).toBe(`[${"#".repeat(9)}${" ".repeat(15)}]  37% 2/4 south.xlsx: Rating`);
    expect(barLine(0, 1, 0, "x".repeat(200), 40).length).toBe(39);
  });

  it("draws nothing when not on a terminal", () => {
    let written = "";
    const bar = progressBar({ write: (t) => (written += t), isTTY: false });
    bar.update(0, 1, 0.5, "a");
    bar.clear();
    expect(written).toBe("");
  });
});

describe("package inspection", () => {
  it("names data validation and protected sheets, which the writer cannot keep, unless the sheet is the add-in's (hyperlinks are kept, and checked after writing)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Inputs");
    ws.getCell("A1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Higher,Lower"'] };
    ws.getCell("A2").value = { text: "Guidance", hyperlink: "https://www.gov.uk/" };
    await ws.protect("", {});
    const found = await inspectPackage(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(lossesOutside(found.losses, new Set())).toEqual(expect.arrayContaining(["data validation on sheet Inputs", "sheet protection on sheet Inputs"]));
    expect(lossesOutside(found.losses, new Set()).some((l) => l.startsWith("hyperlinks"))).toBe(false);
    // On a sheet the add-in owns (it rebuilds its sheets), they do not stop the write.
    expect(lossesOutside(found.losses, new Set(["Inputs"]))).toEqual([]);
  });

  it("reads the saved selection of the active sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Cover");
    wb.addWorksheet("Data", { views: [{ activeCell: "C7", state: "normal" }] });
    (wb as unknown as { views: unknown[] }).views = [{ activeTab: 1, x: 0, y: 0, width: 10000, height: 20000, visibility: "visible" }];
    const found = await inspectPackage(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(found.selection).toEqual({ sheet: "Data", ref: "C7" });
  });
});

describe("merged cells put back", () => {
  it("go after sheetData and before conditional formats (ECMA-376 Part 1, 18.3.1.99 element order)", () => {
    const xml = `<worksheet><sheetData/><conditionalFormatting sqref="A1"/><pageMargins/></worksheet>`;
    expect(withMergeCells(xml, `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`)).toBe(
      `<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><conditionalFormatting sqref="A1"/><pageMargins/></worksheet>`,
    );
  });
});

describe("writing", () => {
  it("reports a result it cannot write (exit 3), leaves no partial or temporary file, and does the other files", async () => {
    const dir = await sampleDir("anycity-laa.xlsx", "anycity-laa-messy.xlsx");
    // A folder where the output file should go makes the final rename fail.
    await fs.mkdir(path.join(dir, "out", "anycity-laa.xlsx"), { recursive: true });
    const run = await cli(dir, ["rate", "anycity-laa.xlsx", "anycity-laa-messy.xlsx", "--out", "out", "--report", "r.json"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("could not be written");
    expect((await readReport(path.join(dir, "r.json"))).files.map((f) => f.outcome)).toEqual(["unwritable", "done"]);
    expect((await fs.readdir(path.join(dir, "out"))).sort()).toEqual(["anycity-laa-messy.xlsx", "anycity-laa.xlsx"]);
    expect(await fs.readdir(path.join(dir, "out", "anycity-laa.xlsx"))).toEqual([]);
  });
});
