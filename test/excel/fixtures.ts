/**
 * Workbooks for the Excel-layer tests and benches: the committed samples opened with a cell selected,
 * and generated indicator tables. The generated table is a wide LAA-style table of n
 * indicators, written straight into an emulator workbook model (not through the API, so building
 * 100,000 rows costs no round trips). Values are deterministic: indicator i has baseline 50,
 * target 60, and an actual that cycles through met / 3% short / 20% short / missing.
 */
import * as path from "path";
import { createExcelApi, createWorkbook, type ExcelApi, type WorkbookModel } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { saveSettings } from "../../src/excel/settings";
import { DEFAULT_RULE_SETTINGS, type PresetName } from "../../src/core/rules/types";

export const SAMPLES = path.resolve(__dirname, "../../assets/samples");

/**
 * Opens a sample workbook from assets/samples with a cell of its data selected, as the analyst
 * would before clicking; with a preset, the workbook's rules are saved with that preset.
 */
export async function openSample(file: string, sheet: string, cell: string, preset?: PresetName): Promise<ExcelApi> {
  const api = createExcelApi(await loadXlsxFile(path.join(SAMPLES, file)));
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
    if (preset) await saveSettings(context, { rules: { ...DEFAULT_RULE_SETTINGS, preset }, mapping: null });
  });
  return api;
}

export const WIDE_HEADERS = ["Ref", "Indicator", "Theme", "Polarity", "Baseline 2007/08", "Target 2008/09", "Target 2009/10", "Target 2010/11", "Actual 2008/09", "Actual 2009/10", "Lead officer", "Commentary"];

/** The actual for indicator i: 60 (Green), 58.2 (3% short: Amber), 48 (20% short: Red) or blank (Grey). */
export function actualFor(i: number): number | null {
  return [60, 58.2, 48, null][i % 4];
}

export function wideWorkbook(n: number, sheetName = "Indicators", firstRow = 0, firstCol = 0): WorkbookModel {
  const wb = createWorkbook([sheetName]);
  const sheet = wb.sheets[0];
  const put = (r: number, c: number, v: unknown) => { if (v !== null) sheet.ensureCell(firstRow + r, firstCol + c).value = v as never; };
  WIDE_HEADERS.forEach((h, c) => put(0, c, h));
  const themes = ["Children and Young People", "Safer and Stronger Communities", "Healthier Communities and Older People", "Economic Development and Enterprise"];
  for (let i = 0; i < n; i++) {
    const r = i + 1;
    [`PI ${i + 1}`, `Indicator number ${i + 1}`, themes[i % 4], "Higher is better", 50, 56, 60, 64, actualFor(i) === null ? null : 55, actualFor(i), "Performance team", "On track with the agreed plan"].forEach((v, c) => put(r, c, v));
  }
  return wb;
}

/** A sheet of rows written straight into a new workbook, with A2 selected and the given rules saved. */
export async function tableApi(rows: readonly (readonly unknown[])[], preset: PresetName = "tolerance"): Promise<ExcelApi> {
  const wb = createWorkbook(["KPIs"]);
  rows.forEach((row, r) => row.forEach((v, c) => { if (v !== null) wb.sheets[0].ensureCell(r, c).value = v as never; }));
  const api = createExcelApi(wb);
  await api.run(async (context) => {
    context.workbook.worksheets.getItem("KPIs").getRange("A2").select();
    await context.sync();
    await saveSettings(context, { rules: { ...DEFAULT_RULE_SETTINGS, preset }, mapping: null });
  });
  return api;
}

/** A council KPI list with actuals only: no target, no benchmark, no median (figures invented). */
export const ACTUALS_ONLY = [
  ["Code", "Indicator", "Service", "Polarity", "Actual 2022/23"],
  ["HOU 1", "Days to decide a homelessness application", "Housing", "Lower", 41],
  ["BEN 2", "Days to process a new benefit claim", "Revenues and Benefits", "Lower", 18.5],
  ["WAS 3", "Household waste recycled (%)", "Environment", "Higher", 44.2],
];
