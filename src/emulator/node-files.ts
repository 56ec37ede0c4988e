/**
 * Node-only helpers: open and save .xlsx files on disk. Kept apart from the emulator's core so the
 * core stays free of Node APIs and runs in a browser bundle.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { WorkbookModel } from "./model";
import { type SaveXlsxOptions, loadXlsx, saveXlsx } from "./xlsx";

/**
 * Reads an .xlsx file into an emulator workbook.
 * @example const wb = await loadXlsxFile("assets/sample.xlsx");
 */
export async function loadXlsxFile(path: string): Promise<WorkbookModel> {
  return loadXlsx(new Uint8Array(await readFile(path)));
}

/**
 * Writes an emulator workbook to an .xlsx file.
 * @example await saveXlsxFile(wb, "out.xlsx", { writeCharts: addChartsToXlsx });
 */
export async function saveXlsxFile(wb: WorkbookModel, path: string, options?: SaveXlsxOptions): Promise<void> {
  await writeFile(path, await saveXlsx(wb, options));
}
