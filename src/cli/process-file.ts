/**
 * One file through one command: read, inspect, load into the emulator, choose the indicator table,
 * run the add-in's own src/excel code, save (with native charts), put back what the runner carries,
 * check nothing the user made was lost, then write to a temporary name and rename (never a partial
 * file). Every failure is a value in the file's report, so one bad file never stops the others.
 */
import { randomBytes } from "node:crypto";
import { chmod, chown, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { createExcelApi, type ExcelApi } from "../emulator";
import { addChartsToXlsx } from "../emulator/xlsx-charts";
import { loadXlsx, saveXlsxZip } from "../emulator/xlsx";
import type { WorkbookModel } from "../emulator/model";
import { OUTPUT_COLUMNS } from "../excel/rate-compute";
import { OUTPUTS_KEY, rateRag, RateRagError } from "../excel/rate-rag";
import { SHEETS_KEY } from "../excel/scorecard";
import { loadSettings, saveSettings } from "../excel/settings";
import type { CellProblem, ProgressListener } from "../excel/types";
import type { Command } from "./args";
import { fileMessages, usage } from "./messages";
import { inspectPackage, lossesOutside } from "./package-parts";
import { carryPartsInZip } from "./carry-parts";
import { passThroughInZip } from "./pass-through";
import { garbageCollector } from "./collect";
import { phaseClock, type PhaseClock } from "./phases";
import { restoreLookInZip } from "./restore-look";
import type { FileReport, ReportProblem } from "./report";
import { settingsFor, type RulesOverride } from "./rules";
import { scorecardCommands } from "./scorecard-commands";
import { chooseSource } from "./source";
import { zipPackage } from "./zip-deflate";
import { lostInPackages, type OwnedArea } from "./verify";

/** What processFile needs besides the file. */
export interface ProcessOptions {
  readonly command: Command;
  readonly output: string;
  readonly override: RulesOverride;
  readonly force: boolean;
  readonly onProgress?: ProgressListener;
}

function parseSetting(settings: ReadonlyMap<string, string>, key: string): unknown {
  const raw = settings.get(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The add-in's output columns beside each rated table (rate-rag.ts OUTPUTS_KEY). */
function outputColumns(settings: ReadonlyMap<string, string>): OwnedArea[] {
  const areas: OwnedArea[] = [];
  const records = parseSetting(settings, OUTPUTS_KEY);
  if (Array.isArray(records)) {
    for (const r of records) {
      if (!r || typeof r.sheet !== "string" || !Number.isInteger(r.headerRow) || !Number.isInteger(r.firstColumn)) continue;
      areas.push({ sheet: r.sheet, rect: { top: r.headerRow, left: r.firstColumn, bottom: r.headerRow + (Number.isInteger(r.rows) ? r.rows : 0), right: r.firstColumn + OUTPUT_COLUMNS.length - 1 } });
    }
  }
  return areas;
}

/** The add-in's own sheets by kind (the scorecard's record), e.g. [{ kind: "history", name: "RAG History" }]. */
function ownedSheets(settings: ReadonlyMap<string, string>): { kind: string; name: string }[] {
  const sheets = (parseSetting(settings, SHEETS_KEY) as { sheets?: unknown } | null)?.sheets;
  return Array.isArray(sheets) ? sheets.filter((s) => s && typeof s.name === "string").map((s) => ({ kind: String(s.kind), name: s.name as string })) : [];
}

/**
 * The sheets a command rebuilds: scorecard and refresh rebuild all the add-in's sheets, snapshot its
 * history sheet, rate none (it writes only its columns). Whatever is on them is the add-in's to
 * replace; every other sheet is the user's and must come through whole.
 */
function rebuiltSheets(command: Command, settings: ReadonlyMap<string, string>): string[] {
  if (command === "rate") return [];
  return ownedSheets(settings).filter((s) => command !== "snapshot" || s.kind === "history").map((s) => s.name);
}

function toReportProblems(problems: readonly CellProblem[]): ReportProblem[] {
  return problems.map((p) => ({ sheet: p.sheet, cell: p.address, message: p.message, ...(p.indicatorId ? { indicatorId: p.indicatorId } : {}) }));
}

/**
 * Writes bytes to a temporary name beside the target, then renames it over the target. The result
 * gets the input's permissions and, where the system allows, its owner (a 600 file stays 600).
 */
async function writeAtomically(target: string, bytes: Uint8Array, like: { mode: number; uid: number; gid: number }): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { mode: 0o600 });
    await chmod(temp, like.mode & 0o7777);
    try {
      await chown(temp, like.uid, like.gid);
    } catch {
      // Only the superuser may give a file away; a user's own file keeps its owner anyway.
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "ENOENT") return "no such file";
  if (err?.code === "EACCES" || err?.code === "EPERM") return "permission denied";
  if (err?.code === "EISDIR") return "it is a folder";
  return err?.message ?? String(e);
}

/**
 * What the file is when it is not an .xlsx package, by its first bytes: an OLE compound file is an
 * encrypted (password-protected) workbook when it holds an EncryptedPackage stream, else a legacy
 * .xls; a zip whose mimetype says so is an OpenDocument spreadsheet. Null: it may be an .xlsx.
 */
function otherFormat(bytes: Uint8Array): "encrypted" | "xls" | "ods" | "not-zip" | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const marker = Buffer.from("EncryptedPackage", "utf16le");
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker) ? "encrypted" : "xls";
  }
  if (!starts([0x50, 0x4b])) return "not-zip";
  // An ODF package stores its mimetype first, uncompressed (OpenDocument 1.2 Part 3, 3.3).
  if (Buffer.from(bytes.subarray(0, 120)).toString("latin1").includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  return null;
}

/** The longest add-in setting the runner reads (1 MB of JSON text; the add-in's own are a few KB). */
const MAX_SETTING_CHARS = 1024 * 1024;

/**
 * The most sheet XML the runner loads: the whole workbook is held in memory, at roughly 30 bytes of
 * memory per byte of sheet XML (BENCHMARKS.md: 300,000 eight-column indicator rows, 94 MB of XML,
 * peak under 3 GB), so a sheet filled to Excel's 1,048,576 rows across several columns is refused
 * before it is loaded rather than stopping the batch with the memory exhausted (Node's heap is about
 * 4 GB here).
 */
export const MAX_SHEET_XML_BYTES = 100 * 1024 * 1024;

/** Sheets whose XML is over {@link MAX_SHEET_XML_BYTES} unpacked (read from the zip directory, nothing unpacked), with their sizes in MB. */
function oversizedSheets(zip: JSZip): string[] {
  const found: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_SHEET_XML_BYTES) found.push(`${name} (${Math.round(size / 1024 / 1024)} MB of sheet data)`);
  }
  return found;
}

/** Runs the command through the emulator; gives what the report says about it. */
async function runCommand(api: ExcelApi, options: ProcessOptions, settings: ReturnType<typeof settingsFor>, clock: PhaseClock): Promise<Partial<FileReport>> {
  const userProgress = options.onProgress;
  // Rate RAG's own progress steps end the profile's phases (reading, rating, writing).
  const onProgress: ProgressListener | undefined = (fraction, label) => {
    if (label === "Reading the indicators") clock.mark("command: finding the table");
    else if (label.startsWith("Rating ")) clock.mark("table read");
    else if (label === "Writing the ratings") clock.mark("core");
    userProgress?.(fraction, label);
  };
  if (options.command === "rate") {
    const { result, counters } = await api.runWithCounters((context) => rateRag(context, { ...(settings ? { settings } : {}), onProgress }));
    return {
      source: { sheet: result.source.sheet, address: result.source.address, kind: result.source.kind, ...(result.source.name ? { name: result.source.name } : {}), layout: result.source.layout, chosenBy: "" },
      asAt: result.asAt, rowsRated: result.rated, counts: result.counts, problems: toReportProblems(result.problems), warnings: [...(result.nothingRated ? [result.nothingRated] : []), ...result.warnings], counters,
    };
  }
  const commands = scorecardCommands;
  if (!commands) throw new Error(usage.notAvailable(options.command));
  // The scorecard reads its rules from the workbook's settings, so --rules/--as-at are saved there first.
  if (settings) await api.run((context) => saveSettings(context, settings));
  if (options.command === "snapshot") {
    const { result, counters } = await api.runWithCounters((context) => commands.saveSnapshot(context));
    return { snapshot: result, counters, problems: [], warnings: [] };
  }
  const { result, counters } = await api.runWithCounters((context) => commands.buildScorecard(context, { refresh: options.command === "refresh", onProgress }));
  return { sheets: result.sheets, counts: result.counts, problems: toReportProblems(result.problems), warnings: [...result.warnings, ...result.renamed.map((r) => `Sheet ${r.wanted} is yours, so the scorecard went to ${r.used}.`)], counters };
}

/**
 * Runs one command over one file and writes the result to `options.output`.
 * Never throws for a problem with the file: the outcome says what happened.
 * @example const entry = await processFile("north.xlsx", { command: "rate", output: "out/north.xlsx", override: { rules: null, asAt: null }, force: false })
 */
export async function processFile(file: string, options: ProcessOptions): Promise<FileReport> {
  const started = Date.now();
  const base = { file, command: options.command, output: null, problems: [], warnings: [] } as const;
  const clock = phaseClock();
  const done = (entry: Omit<FileReport, "milliseconds">): FileReport => {
    clock.flush(file);
    return { ...entry, milliseconds: Date.now() - started };
  };
  const progress = options.onProgress ?? (() => undefined);

  let bytes: Uint8Array;
  let inputStat;
  try {
    bytes = new Uint8Array(await readFile(file));
    inputStat = await stat(file);
  } catch (e) {
    return done({ ...base, outcome: "unreadable", message: fileMessages.unreadable(file, reason(e)) });
  }
  progress(0.02, "Reading");
  const collectGarbage = garbageCollector(bytes.length);
  const format = otherFormat(bytes);
  if (format) return done({ ...base, outcome: "unreadable", message: fileMessages.otherFormat(file, format) });
  let inspection;
  let wb: WorkbookModel | null;
  let inZip: JSZip;
  try {
    // The input is opened once: every reader after ExcelJS's shares it, and a part is unpacked once (readPart).
    inZip = await JSZip.loadAsync(bytes);
    const tooBig = oversizedSheets(inZip);
    if (tooBig.length > 0) return done({ ...base, outcome: "refused", message: fileMessages.tooBig(file, tooBig, MAX_SHEET_XML_BYTES) });
    inspection = await inspectPackage(inZip);
    clock.mark("package read");
    wb = await loadXlsx(bytes, inZip);
  } catch (e) {
    return done({ ...base, outcome: "unreadable", message: fileMessages.notXlsx(file, reason(e)) });
  }
  const loadWarnings = [...wb.loadWarnings];
  for (const [key, value] of [...wb.settings]) {
    if (value.length <= MAX_SETTING_CHARS) continue;
    // Excel keeps an add-in's settings small; one this large cannot be read in one request.
    wb.settings.delete(key);
    loadWarnings.push(fileMessages.settingTooBig(key, value.length));
  }
  const inputSheets = new Set(wb.sheets.map((s) => s.name));
  const inputColumns = outputColumns(wb.settings);
  const inputRebuilt = new Set(rebuiltSheets(options.command, wb.settings));
  const carried = new Set([...inputSheets].filter((s) => !inputRebuilt.has(s)));
  const partLosses = lossesOutside(inspection.losses, inputRebuilt, carried);
  if (partLosses.length > 0 && !options.force) {
    return done({ ...base, outcome: "refused", lost: partLosses, message: fileMessages.refused(file, partLosses) });
  }
  let api: ExcelApi | null = createExcelApi(wb);
  // What ExcelJS built while reading is garbage now (collect.ts says why each of these is here).
  collectGarbage();
  clock.mark("emulator import");

  let outcome: Partial<FileReport>;
  let chosenBy: string;
  try {
    const stored = await api.run((context) => loadSettings(context));
    loadWarnings.push(...stored.warnings);
    const settings = settingsFor(options.override, stored.settings);
    chosenBy = (await chooseSource(api, inspection.selection, settings ?? undefined)).why;
    clock.mark("source choice");
    outcome = await runCommand(api, options, settings, clock);
    collectGarbage();
    clock.mark(options.command === "rate" ? "writes" : "command");
  } catch (e) {
    if (e instanceof RateRagError) return done({ ...base, outcome: "not-done", message: fileMessages.notRated(file, e.userMessage), nextStep: e.nextStep });
    return done({ ...base, outcome: "not-done", message: fileMessages.failed(file, reason(e)) });
  }

  progress(0.8, "Checking nothing is lost");
  const rebuilt = new Set([...inputRebuilt, ...rebuiltSheets(options.command, wb.settings), ...wb.sheets.filter((s) => !inputSheets.has(s.name)).map((s) => s.name)]);
  const owned: OwnedArea[] = [...inputColumns, ...outputColumns(wb.settings), ...[...rebuilt].map((sheet) => ({ sheet, rect: null }))];
  // The output stays an opened package until it is written, so each part is compressed once.
  const outZip = await saveXlsxZip(wb, { writeCharts: addChartsToXlsx });
  // The emulator's workbook is not needed past the save: let it go before the put-backs and the check.
  wb = null;
  api = null;
  collectGarbage();
  clock.mark("package write (ExcelJS save)");
  await restoreLookInZip(inZip, outZip, inspection.carry, owned);
  // The sheets as saved, text and bytes, were replaced by the restored ones.
  collectGarbage();
  const userSheets = new Set([...inputSheets].filter((s) => !rebuilt.has(s)));
  await carryPartsInZip(inZip, outZip, userSheets);
  await passThroughInZip(inZip, outZip, userSheets);
  collectGarbage();
  clock.mark("style restoration");
  // Checked on the opened packages, before they are zipped: nothing is unpacked again.
  const lost = [...partLosses, ...(await lostInPackages(inZip, outZip, owned))];
  collectGarbage();
  clock.mark("no-loss verification");
  const report: Omit<FileReport, "milliseconds"> = {
    ...base, ...outcome, outcome: "done", output: options.output,
    ...(outcome.source ? { source: { ...outcome.source, chosenBy } } : {}),
    ...(lost.length > 0 ? { lost } : {}),
    warnings: [...new Set([...loadWarnings, ...(outcome.warnings ?? []), ...(lost.length > 0 && options.force ? [fileMessages.forced(lost)] : [])])],
  };
  if (lost.length > 0 && !options.force) {
    return done({ ...report, outcome: "refused", output: null, message: fileMessages.refused(file, lost) });
  }
  progress(0.95, "Writing");
  const saved = await zipPackage(outZip);
  clock.mark("package write (zip)");
  try {
    await writeAtomically(options.output, saved, inputStat);
    clock.mark("file write");
  } catch (e) {
    return done({ ...report, outcome: "unwritable", output: null, message: fileMessages.unwritable(options.output, reason(e)) });
  }
  progress(1, "Done");
  return done(report);
}
