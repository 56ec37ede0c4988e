/**
 * A generated indicator workbook for the sync budget and the objectives view: n indicators in four
 * Kaplan-Norton perspectives, each with an objective, written through the emulator's API as a table.
 * Values come from a seeded generator (Mulberry32), so every run builds the same workbook.
 */
import { createExcelApi, createWorkbook, type ExcelApi } from "../../../src/emulator";
import { mulberry32 as random } from "../../../src/samples/prng";


export const PERSPECTIVES = ["Customer", "Financial", "Internal process", "Learning and growth"] as const;
export const HEADERS = ["Code", "Indicator", "Perspective", "Objective", "Polarity", "Unit", "Baseline 2007/08", "Target 2008/09", "Target 2009/10", "Target 2010/11", "Actual 2008/09", "Actual 2009/10", "Owner", "Commentary"];

/** The rows of n indicators (header first). */
export function generatedRows(n: number, seed = 20101020): (string | number)[][] {
  const rnd = random(seed);
  const rows: (string | number)[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const perspective = PERSPECTIVES[i % 4];
    const lower = rnd() < 0.3;
    const base = Math.round(40 + rnd() * 40);
    const step = (lower ? -1 : 1) * (1 + Math.round(rnd() * 3));
    const drift = (rnd() - 0.35) * 2 * Math.abs(step);
    const a1 = Math.round((base + step + (lower ? -drift : drift)) * 10) / 10;
    const a2 = Math.round((base + 2 * step + 2 * (lower ? -drift : drift)) * 10) / 10;
    rows.push([
      `KPI ${String(i + 1).padStart(3, "0")}`, `Generated indicator ${i + 1}`, perspective, `${perspective} objective ${1 + (i % 3)}`, lower ? "lower" : "higher", "%",
      base, base + step, base + 2 * step, base + 3 * step, a1, rnd() < 0.05 ? "" : a2, `Owner ${1 + (i % 7)}`, `Generated commentary ${i + 1}`,
    ]);
  }
  return rows;
}

/** A workbook holding the generated table (named Generated) with a cell of it selected. */
export async function generatedWorkbook(n: number): Promise<ExcelApi> {
  const api = createExcelApi(createWorkbook(["Indicators"]));
  const rows = generatedRows(n);
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Indicators");
    const range = ws.getRangeByIndexes(0, 0, rows.length, HEADERS.length);
    range.values = rows;
    ws.tables.add(range, true).name = "Generated";
    ws.getRange("B3").select();
    await context.sync();
  });
  return api;
}
