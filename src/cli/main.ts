/**
 * laa-scorecard, the headless runner: the add-in's own commands over .xlsx files through
 * the emulator, many files at a time. `runCli` holds all the logic and returns the exit code, so tests
 * run it in-process; bin.cjs only calls it.
 *
 * Exit codes: 0 every file done (data problems are reported, not fatal); 2 usage error (nothing read
 * or written); 3 at least one file was not done (unreadable, nothing to work on, refused, or not
 * writable), each named on stderr and in the report, the others still done.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { STATUSES } from "../core/rules/types";
import { parseCliArgs, type CliArgs } from "./args";
import { expandPattern, hasPattern } from "./glob";
import { HELP, summary, usage } from "./messages";
import { processFile } from "./process-file";
import { progressBar } from "./progress";
import type { FileReport, RunReport } from "./report";
import { loadRulesOverride } from "./rules";
import { scorecardCommands } from "./scorecard-commands";

/** Where runCli writes and whether stderr is a terminal (for the progress bar). */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly isTTY: boolean;
  /** Terminal width for the progress bar. */
  readonly columns?: number;
  /** Folder relative paths and patterns start from (default process.cwd()). */
  readonly cwd?: string;
}

/** Exit codes. */
export const EXIT = { done: 0, usage: 2, fileFailed: 3 } as const;

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`laa-scorecard: ${message}\n${usage.hint}\n`);
  return EXIT.usage;
}

/** Inputs and where each goes, or a usage problem. */
function plan(args: CliArgs, cwd: string): { ok: true; files: { input: string; output: string }[] } | { ok: false; message: string } {
  const inputs: string[] = [];
  for (const pattern of args.patterns) {
    const found = expandPattern(pattern, cwd);
    if (found.length === 0 && hasPattern(pattern)) return { ok: false, message: usage.noMatch(pattern) };
    for (const f of found) if (!inputs.includes(f)) inputs.push(f);
  }
  const files: { input: string; output: string }[] = [];
  const byName = new Map<string, string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (args.inPlace) {
      files.push({ input, output: absolute });
      continue;
    }
    const output = path.resolve(cwd, args.out ?? ".", path.basename(input));
    if (output === absolute) return { ok: false, message: usage.outIsInput(input) };
    const other = byName.get(output);
    if (other) return { ok: false, message: usage.sameName(path.basename(input), other, input) };
    byName.set(output, input);
    files.push({ input, output });
  }
  return { ok: true, files };
}

function countsText(entry: FileReport): string {
  const c = entry.counts;
  return c ? STATUSES.map((s) => `${s} ${c[s]}`).join(", ") : "";
}

function summaryLine(entry: FileReport, shownOutput: string): string {
  if (entry.command === "rate") return summary.rated(entry.file, shownOutput, entry.rowsRated ?? 0, countsText(entry), entry.problems.length);
  if (entry.command === "snapshot" && entry.snapshot) return summary.snapshot(entry.file, shownOutput, entry.snapshot.saved, entry.snapshot.reviewDate);
  return summary.scorecard(entry.file, shownOutput, entry.sheets ?? [], entry.problems.length);
}

/**
 * Runs the command line and gives the exit code.
 * @example const code = await runCli(["rate", "north.xlsx", "--out", "out"], { stdout: process.stdout, stderr: process.stderr, isTTY: false }) // 0
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const parsed = parseCliArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(HELP);
    return EXIT.done;
  }
  if (parsed.kind === "usage") return usageError(io, parsed.message);
  const args = parsed.args;
  if (args.command !== "rate" && !scorecardCommands) return usageError(io, usage.notAvailable(args.command));
  const override = await loadRulesOverride(args.rules === null ? null : path.resolve(cwd, args.rules), args.asAt);
  if (!override.ok) return usageError(io, override.message);
  const planned = plan(args, cwd);
  if (!planned.ok) return usageError(io, planned.message);

  const startedAt = new Date().toISOString();
  if (args.out !== null) {
    try {
      await mkdir(path.resolve(cwd, args.out), { recursive: true });
    } catch (e) {
      io.stderr.write(`laa-scorecard: cannot create the folder ${args.out}: ${(e as Error).message}\n`);
      return EXIT.fileFailed;
    }
  }
  const bar = progressBar({ write: (t) => io.stderr.write(t), isTTY: io.isTTY, ...(io.columns ? { columns: io.columns } : {}) });
  const entries: FileReport[] = [];
  const total = planned.files.length;
  for (let i = 0; i < total; i++) {
    const { input, output } = planned.files[i];
    const name = path.basename(input);
    bar.update(i, total, 0, name);
    const entry = await processFile(path.resolve(cwd, input), {
      command: args.command, output, override: override.value, force: args.force,
      onProgress: (fraction, words) => bar.update(i, total, fraction, `${name}: ${words}`),
    });
    const relative = path.relative(cwd, output);
    const shownOutput = path.isAbsolute(input) || relative.startsWith("..") ? output : relative;
    const reported: FileReport = { ...entry, file: input, output: entry.output === null ? null : shownOutput };
    entries.push(reported);
    bar.clear();
    if (reported.outcome === "done") {
      if (!args.quiet) io.stdout.write(`${summaryLine(reported, shownOutput)}\n`);
      for (const w of reported.warnings) io.stderr.write(`${input}: ${w}\n`);
    } else {
      io.stderr.write(`laa-scorecard: ${(reported.message ?? reported.outcome).replace(path.resolve(cwd, input), input)}\n`);
      if (reported.nextStep) io.stderr.write(`  ${reported.nextStep}\n`);
    }
  }
  bar.clear();
  const failed = entries.filter((e) => e.outcome !== "done").length;
  const exitCode = failed > 0 ? EXIT.fileFailed : EXIT.done;
  if (!args.quiet) io.stdout.write(`${summary.total(total - failed, failed)}\n`);
  if (args.report !== null) {
    const report: RunReport = { tool: "laa-scorecard", command: args.command, startedAt, exitCode, files: entries };
    const target = path.resolve(cwd, args.report);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
      const shown = path.relative(cwd, target);
      if (!args.quiet) io.stdout.write(`${summary.report(shown.startsWith("..") || path.isAbsolute(args.report) ? target : shown)}\n`);
    } catch (e) {
      io.stderr.write(`laa-scorecard: the report ${args.report} could not be written: ${(e as Error).message}\n`);
      return EXIT.fileFailed;
    }
  }
  return exitCode;
}
