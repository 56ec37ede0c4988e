/**
 * Helpers for the runner's tests: a temp folder with copies of the sample workbooks, and runCli with
 * its output captured.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import type { RunReport } from "../../src/cli/report";

export const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");

/** A fresh temp folder holding copies of the named sample files. */
export async function sampleDir(...names: string[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), "laa-cli-"));
  for (const n of names) await fs.copyFile(path.join(SAMPLES, n), path.join(dir, n));
  return dir;
}

/** What runCli printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process in `cwd`, not on a terminal unless asked. */
export async function cli(cwd: string, argv: string[], isTTY = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, isTTY, columns: 100, cwd });
  return { code, stdout, stderr };
}

/** Reads a report written with --report. */
export async function readReport(file: string): Promise<RunReport> {
  return JSON.parse(await fs.readFile(file, "utf8")) as RunReport;
}

/** SHA-256 of a file's bytes, to show a file was not touched. */
export async function digest(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

/** Reads a workbook with ExcelJS (an independent reader, not the emulator). */
export async function readWithExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
