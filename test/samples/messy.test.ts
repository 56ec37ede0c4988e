import * as fs from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { readNumber } from "../../src/core/cells";
import { parsePolarity } from "../../src/core/polarity";
import { ANYCITY_COLUMN, ANYCITY_HEADERS, ANYCITY_INDICATORS } from "../../src/samples/anycity";
import { type MessyExpected, type MessyProblem } from "../../src/samples/anycity-messy";
import { SAMPLE_FILES } from "../../src/samples/generate";
import { lookupNiReference } from "../../src/core/ni-reference";
import { SAMPLES_DIR, openWorkbook, plainValue } from "./xlsx-helpers";

// The messy workbook's expected-problem list must describe the file's cells exactly,
// because the Rate RAG tests take it as their expected results.
const expected: MessyExpected = JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, SAMPLE_FILES.messyExpected), "utf8"));

describe("messy Anycity and its expected-problem list", () => {
  let ws: ExcelJS.Worksheet;
  let sheetXml: string;
  let sharedStrings: string;
  beforeAll(async () => {
    const file = path.join(SAMPLES_DIR, SAMPLE_FILES.messy);
    ws = (await openWorkbook(file)).getWorksheet(expected.sheet)!;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    sharedStrings = await zip.file("xl/sharedStrings.xml")!.async("string");
  });
  const value = (address: string) => plainValue(ws.getCell(address).value);
  const ofKind = (kind: MessyProblem["kind"]) => expected.problems.filter((p) => p.kind === kind);

  it("lists every kind of problem the issue names", () => {
    const kinds = new Set(expected.problems.map((p) => p.kind));
    for (const kind of ["merged-title", "text-number", "not-available", "blank", "error-value", "duplicate-code", "unknown-polarity", "formula-like-title", "total-row", "hidden-row"]) {
      expect(kinds).toContain(kind);
    }
    expect(expected.problems.every((p) => p.sheet === expected.sheet)).toBe(true);
  });

  it("has the header below a merged title block", () => {
    expect(ANYCITY_HEADERS.map((_h, c) => value(`${String.fromCharCode(65 + c)}${expected.headerRow}`))).toEqual([...ANYCITY_HEADERS]);
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const p of ofKind("merged-title")) {
      expect(merges).toContain(p.range);
      expect(value(p.address)).toBe(p.shows);
      expect(Number(/\d+/.exec(p.address)![0])).toBeLessThan(expected.headerRow);
    }
  });

  it("stores the text-number cells as text that reads as the listed number (Excel VALUE semantics)", () => {
    expect(ofKind("text-number").length).toBeGreaterThan(5);
    for (const p of ofKind("text-number")) {
      expect(value(p.address)).toBe(p.shows);
      expect(readNumber(p.shows)).toEqual({ kind: "number", value: p.reads });
    }
    expect(ofKind("text-number").some((p) => p.shows!.includes(","))).toBe(true);
    expect(ofKind("text-number").some((p) => p.shows!.endsWith("%"))).toBe(true);
  });

  it("shows not-available markers and blanks that read as missing, not zero", () => {
    for (const p of ofKind("not-available")) {
      expect(value(p.address)).toBe(p.shows);
      expect(readNumber(p.shows).kind).toBe("missing");
    }
    expect(ofKind("not-available").map((p) => p.shows)).toEqual(expect.arrayContaining(["n/a", "-"]));
    for (const p of [...ofKind("blank"), ...ofKind("blank-polarity")]) expect(value(p.address)).toBeNull();
  });

  it("fills the blank polarity from the reference list", () => {
    for (const p of ofKind("blank-polarity")) {
      expect(lookupNiReference(p.indicatorId)?.polarity).toBe(p.polarityFromReference);
    }
  });

  it("holds real Excel error values where listed", () => {
    expect(ofKind("error-value").map((p) => p.shows).sort()).toEqual(["#DIV/0!", "#N/A"]);
    for (const p of ofKind("error-value")) {
      expect(value(p.address)).toEqual({ error: p.shows });
      expect(sheetXml).toMatch(new RegExp(`<c r="${p.address}"[^>]*t="e"`));
    }
  });

  it("has one duplicated code, pointing at the first row with it", () => {
    const [dup] = ofKind("duplicate-code");
    expect(value(dup.address)).toBe(dup.indicatorId);
    expect(value(dup.firstAddress!)).toBe(dup.indicatorId);
    expect(dup.firstAddress).not.toBe(dup.address);
  });

  it("has an unknown polarity word that the core rejects, and every other polarity cell reads", () => {
    const unknown = ofKind("unknown-polarity").map((p) => p.address);
    expect(unknown).toHaveLength(1);
    const letter = String.fromCharCode(65 + ANYCITY_COLUMN.Polarity);
    for (let r = expected.firstDataRow; r <= expected.lastDataRow; r++) {
      const address = `${letter}${r}`;
      expect(parsePolarity(value(address)).ok).toBe(!unknown.includes(address));
    }
  });

  it("stores titles starting with = or + as text cells, never formulas", () => {
    const titles = ofKind("formula-like-title");
    expect(titles.map((p) => p.shows![0]).sort()).toEqual(["+", "="]);
    for (const p of titles) {
      expect(value(p.address)).toBe(p.shows);
      const cellXml = new RegExp(`<c r="${p.address}"[^>]*>(.*?)</c>`).exec(sheetXml)![0];
      expect(cellXml).toContain('t="s"');
      expect(cellXml).not.toContain("<f>");
      expect(sharedStrings).toContain(p.shows);
    }
  });

  it("ends with a total row holding a real SUM whose cached result is the sum of the numbers above", () => {
    const [total] = ofKind("total-row");
    expect(value(total.address)).toBe("Total");
    const cell = value(total.formulaAddress!) as { formula: string; result: number };
    const letter = total.formulaAddress!.replace(/\d+/, "");
    expect(cell.formula).toBe(`SUM(${letter}${expected.firstDataRow}:${letter}${expected.lastDataRow})`);
    let sum = 0;
    for (let r = expected.firstDataRow; r <= expected.lastDataRow; r++) {
      const v = value(`${letter}${r}`);
      if (typeof v === "number") sum += v; // SUM skips text, as Excel's SUM does for cells in a range
    }
    expect(cell.result).toBeCloseTo(sum, 6);
    expect(Number(/\d+/.exec(total.address)![0])).toBe(expected.totalRow);
  });

  it("hides exactly the rows listed as hidden", () => {
    const hidden: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).hidden) hidden.push(r);
    expect(hidden).toEqual(ofKind("hidden-row").map((p) => Number(p.address.slice(1))));
  });

  it("counts good indicator rows by its stated rule, worked out again from the file", () => {
    const seen = new Set<unknown>();
    let good = 0;
    for (let r = expected.firstDataRow; r <= expected.lastDataRow; r++) {
      if (ws.getRow(r).hidden) continue;
      const code = value(`A${r}`);
      const duplicate = seen.has(code);
      seen.add(code);
      if (!duplicate && parsePolarity(value(`E${r}`)).ok) good += 1;
    }
    expect(expected.goodIndicatorRows).toBe(good);
    expect(expected.indicatorRows.filter((r) => r.good)).toHaveLength(good);
    // Every Anycity indicator but the one with the unknown polarity word is a good row.
    expect(good).toBe(ANYCITY_INDICATORS.length - ofKind("unknown-polarity").length);
  });

  it("keeps every row's code where indicatorRows says it is", () => {
    for (const r of expected.indicatorRows) expect(value(`A${r.row}`)).toBe(r.indicatorId);
  });
});
