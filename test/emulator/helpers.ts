import { createExcelApi, createWorkbook, type ExcelApi, type ExcelApiOptions } from "../../src/emulator";
import type { WorkbookModel } from "../../src/emulator/model";

/** A workbook with the given sheets and an Excel namespace over it. */
export function setup(sheets: string[] = ["Data"], options?: ExcelApiOptions): { wb: WorkbookModel; Excel: ExcelApi } {
  const wb = createWorkbook(sheets);
  return { wb, Excel: createExcelApi(wb, options) };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; debugInfo: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; debugInfo: { errorLocation?: string } };
  }
  throw new Error("expected a rejection");
}

/** The error a function throws synchronously. */
export function thrown(f: () => unknown): { code: string; message: string; debugInfo: { errorLocation?: string } } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string; debugInfo: { errorLocation?: string } };
  }
  throw new Error("expected a throw");
}
