/**
 * Writes the sample workbooks into assets/samples/ (`npm run samples`):
 * - anycity-laa.xlsx: Anycity's LAA indicators as an Excel table, wide layout;
 * - anycity-laa-messy.xlsx and anycity-laa-messy.expected.json: the same as analysts leave it, and
 *   the list of its problems;
 * - region-community-safety.xlsx: twelve areas of one region, long layout, with confidence limits;
 * - anycity-monthly.xlsx: Anycity's monthly performance, 8 indicators x 24 months, wide layout with
 *   month columns (series long enough for the SPC sheets).
 *
 * Deterministic: the data modules are fixed or drawn from a seeded generator (prng.ts), and the
 * workbook dates are fixed, so regenerating gives the same content.
 *
 * Usage: npm run samples [-- <output folder>]   (default assets/samples)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  ANYCITY_COLUMN_WIDTHS,
  ANYCITY_HEADERS,
  ANYCITY_INDICATORS,
  ANYCITY_NUMBER_COLUMNS,
  ANYCITY_SHEET_NAME,
  ANYCITY_TABLE_NAME,
  anycityRow,
  numberFormatFor,
} from "./anycity";
import { buildMessyAnycity, type MessyCell } from "./anycity-messy";
import { REGION_COLUMN_WIDTHS, REGION_HEADERS, REGION_NOTES, REGION_SHEET_NAME, buildRegionRows, regionNumberFormat, type RateInterval } from "./region";
import { regionRateInterval } from "./region-ci";
import { MONTHLY_COLUMN_WIDTHS, MONTHLY_HEADERS, MONTHLY_INDICATORS, MONTHLY_NOTES, MONTHLY_NUMBER_COLUMNS, MONTHLY_SHEET_NAME, MONTHLY_TABLE_NAME, monthlyRow } from "./anycity-monthly";

/** The date every sample workbook says it was created and modified (a Q2 2010/11 report date). */
export const SAMPLE_WORKBOOK_DATE = new Date(Date.UTC(2010, 9, 15, 9, 0, 0));

/** File names the generator writes. */
export const SAMPLE_FILES = {
  anycity: "anycity-laa.xlsx",
  messy: "anycity-laa-messy.xlsx",
  messyExpected: "anycity-laa-messy.expected.json",
  region: "region-community-safety.xlsx",
  monthly: "anycity-monthly.xlsx",
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, bold: true, color: { argb: "FFFFFFFF" } };
/** Header rows hold two lines ("Target" / "2009/10"): LibreOffice does not grow wrapped rows itself. */
const HEADER_HEIGHT = 30;

function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "LAA Scorecard sample generator";
  wb.lastModifiedBy = "LAA Scorecard sample generator";
  wb.title = title;
  wb.created = SAMPLE_WORKBOOK_DATE;
  wb.modified = SAMPLE_WORKBOOK_DATE;
  return wb;
}

/** Landscape, one page wide: how an analyst prints a monitoring report (and how LibreOffice renders it). */
function printOnePageWide(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Indents a text column that follows right-aligned numbers, so the two do not run together. */
function indentColumn(ws: ExcelJS.Worksheet, column: number, lastRow: number): void {
  for (let r = 2; r <= lastRow; r++) ws.getCell(r, column).alignment = { indent: 1 };
}

function addNotesSheet(wb: ExcelJS.Workbook, name: string, lines: readonly string[]): void {
  const ws = wb.addWorksheet(name);
  const width = 110;
  ws.getColumn(1).width = width;
  printOnePageWide(ws);
  lines.forEach((line, k) => {
    const cell = ws.getCell(k + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (k === 0) cell.font = { name: "Calibri", bold: true, size: 14 };
    // Wrapped rows do not grow by themselves in every reader: size them for the lines they need.
    else ws.getRow(k + 1).height = 15 * Math.ceil(line.length / (width * 0.95)) + 4;
  });
}

const ANYCITY_NOTES: readonly string[] = [
  "About this sample: Anycity Local Area Agreement 2008-11",
  "Anycity is fictional: a mid-sized English unitary authority of about 250,000 people, whose LAA Abi manages. Every value, target, officer and comment is invented for demonstrations and tests.",
  "Indicator codes and titles are from the 2008 National Indicator Set (NI 1 to NI 199). Polarity, unit and targets are as an LAA monitoring report would show them.",
  "Periods are financial years (2008/09 ends 31 March 2009). Quarterly columns are quarters of 2010/11 (Q1 = April to June); they are rolling 12 months unless the commentary says otherwise.",
  "Type: Designated = one of the LAA's designated improvement targets; Statutory education = a statutory early years and education target; Data only = a context indicator with no target (polarity Data only, status Grey).",
  "Floor: the worst value the partnership accepts (used by the Floor standard rule).",
  "Made by npm run samples (src/samples/generate.ts) with a fixed seed and fixed dates; regenerate rather than edit by hand.",
];

/** Writes the clean Anycity workbook: the indicators as an Excel table (wide layout) and a notes sheet. */
export function buildAnycityWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook("Anycity Local Area Agreement 2008-11");
  const ws = wb.addWorksheet(ANYCITY_SHEET_NAME, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.addTable({
    name: ANYCITY_TABLE_NAME,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ANYCITY_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: ANYCITY_INDICATORS.map(anycityRow),
  });
  ANYCITY_COLUMN_WIDTHS.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  printOnePageWide(ws);
  ws.getRow(1).height = HEADER_HEIGHT;
  indentColumn(ws, ANYCITY_HEADERS.indexOf("Lead officer") + 1, ANYCITY_INDICATORS.length + 1);
  ws.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  ANYCITY_INDICATORS.forEach((ind, r) => {
    for (const c of ANYCITY_NUMBER_COLUMNS) ws.getCell(r + 2, c + 1).numFmt = numberFormatFor(ind.decimals);
  });
  addNotesSheet(wb, "About this sample", ANYCITY_NOTES);
  return wb;
}

function toExcelValue(cell: MessyCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === "string" || typeof cell === "number") return cell;
  if ("formula" in cell) return { formula: cell.formula, result: cell.result };
  return { error: cell.error } as ExcelJS.CellErrorValue;
}

/** Writes the messy Anycity workbook (a plain range, not a table). */
export function buildMessyWorkbook(): ExcelJS.Workbook {
  const messy = buildMessyAnycity();
  const wb = newWorkbook("Anycity LAA Q2 2010/11 (working copy)");
  const ws = wb.addWorksheet(messy.sheetName);
  messy.grid.forEach((row, r) => row.forEach((cell, c) => {
    if (cell !== null) ws.getCell(r + 1, c + 1).value = toExcelValue(cell);
  }));
  for (const range of messy.merges) ws.mergeCells(range);
  ws.getCell("A1").font = { name: "Calibri", bold: true, size: 14 };
  ws.getCell("A2").font = { name: "Calibri", bold: true };
  ws.getCell("A3").font = { name: "Calibri", italic: true, color: { argb: "FFC00000" } };
  ws.getRow(messy.expected.headerRow).height = HEADER_HEIGHT;
  ws.getRow(messy.expected.headerRow).eachCell((cell) => {
    cell.font = { name: "Calibri", size: 11, bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  ws.getRow(messy.expected.totalRow).font = { name: "Calibri", bold: true };
  ANYCITY_COLUMN_WIDTHS.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const r of messy.hiddenRows) ws.getRow(r).hidden = true;
  printOnePageWide(ws);
  return wb;
}

/** Writes the regional community safety workbook (long layout) with the confidence limits from `interval`. */
export function buildRegionWorkbook(interval: RateInterval): ExcelJS.Workbook {
  const wb = newWorkbook("Regional community safety indicators");
  const ws = wb.addWorksheet(REGION_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = REGION_HEADERS;
  const rows = buildRegionRows(interval);
  ws.addTable({
    name: "RegionCommunitySafety",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((row) => headers.map((h) => row[h] ?? null)),
  });
  headers.forEach((h, c) => {
    const col = ws.getColumn(c + 1);
    col.width = REGION_COLUMN_WIDTHS[h];
    if (h === "Polarity") indentColumn(ws, c + 1, rows.length + 1);
    const fmt = regionNumberFormat(h);
    if (fmt) col.numFmt = fmt;
  });
  printOnePageWide(ws);
  ws.getRow(1).height = HEADER_HEIGHT;
  ws.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  addNotesSheet(wb, "Notes", REGION_NOTES);
  return wb;
}

/** Writes Anycity's monthly performance workbook: the indicators as an Excel table with month columns, and notes. */
export function buildMonthlyWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook("Anycity monthly performance 2008-10");
  const ws = wb.addWorksheet(MONTHLY_SHEET_NAME, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.addTable({
    name: MONTHLY_TABLE_NAME,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: MONTHLY_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: MONTHLY_INDICATORS.map(monthlyRow),
  });
  MONTHLY_COLUMN_WIDTHS.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  printOnePageWide(ws);
  ws.getRow(1).height = HEADER_HEIGHT;
  indentColumn(ws, MONTHLY_HEADERS.indexOf("Lead officer") + 1, MONTHLY_INDICATORS.length + 1);
  ws.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  MONTHLY_INDICATORS.forEach((ind, r) => {
    for (const c of MONTHLY_NUMBER_COLUMNS) ws.getCell(r + 2, c + 1).numFmt = numberFormatFor(ind.decimals);
  });
  addNotesSheet(wb, "About this sample", MONTHLY_NOTES);
  return wb;
}

/**
 * Re-packs an .xlsx with a fixed date on every part, so that regenerating gives identical bytes and
 * the committed files only change when their content does (ExcelJS stamps parts with the time of writing).
 */
export async function stableZip(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const part = zip.files[name];
    if (part.dir) continue;
    out.file(name, await part.async("uint8array"), { date: SAMPLE_WORKBOOK_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Writes every sample into `outDir` and returns the paths written. */
export async function generateSamples(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const save = async (wb: ExcelJS.Workbook, name: string) => {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, await stableZip(Buffer.from(await wb.xlsx.writeBuffer())));
    written.push(file);
  };
  await save(buildAnycityWorkbook(), SAMPLE_FILES.anycity);
  await save(buildMessyWorkbook(), SAMPLE_FILES.messy);
  const expectedFile = path.join(outDir, SAMPLE_FILES.messyExpected);
  fs.writeFileSync(expectedFile, JSON.stringify(buildMessyAnycity().expected, null, 2) + "\n");
  written.push(expectedFile);
  await save(buildRegionWorkbook(regionRateInterval), SAMPLE_FILES.region);
  await save(buildMonthlyWorkbook(), SAMPLE_FILES.monthly);
  return written;
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const outDir = process.argv[2] ?? path.join(__dirname, "..", "..", "assets", "samples");
  generateSamples(outDir).then(
    (files) => process.stdout.write(files.map((f) => `wrote ${f}`).join("\n") + "\n"),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
