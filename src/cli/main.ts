/**
 * laa-scorecard, the headless runner: the add-in's own commands over .xlsx files through
 * the emulator, many files at a time. `runCli` holds all the logic and returns the exit code, so tests
 * run it in-process; bin.cjs only calls it.
 *
 * Exit codes: 0 every file done (data problems are reported, not fatal); 2 usage error (nothing read
 * or written); 3 at least one file was not done (unreadable, nothing to work on, refused, or not
 * writable), each named on stderr and in the report, the others still done.
 */
import { realpathSync } from "node:fs";
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
  io.stderr.write(`laa-scorecard: ${printable(message)}\n${usage.hint}\n`);
  return EXIT.usage;
}

/**
 * Where a path really leads: links followed for the longest part that exists (the file itself may
 * not exist yet, or its folder), so `out/` being a link to the input folder is seen through.
 */
export function resolvedPath(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let head = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(head), ...rest.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return absolute;
      rest.push(path.basename(head));
      head = parent;
    }
  }
}

/** Control characters (terminal escapes, newlines that would forge log lines) shown as \x.. escapes. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
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
  const realInputs = new Map(inputs.map((i) => [resolvedPath(path.resolve(cwd, i)), i]));
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (args.inPlace) {
      // A linked input is written through its link: the link stays and its target is updated.
      files.push({ input, output: resolvedPath(absolute) });
      continue;
    }
    const output = path.resolve(cwd, args.out ?? ".", path.basename(input));
    // Compared after links are followed: --out through a link to the input folder is still the input.
    const real = resolvedPath(output);
    const overInput = realInputs.get(real);
    if (output === absolute || overInput !== undefined) return { ok: false, message: usage.outIsInput(printable(overInput ?? input)) };
    const other = byName.get(real);
    if (other) return { ok: false, message: usage.sameName(printable(path.basename(input)), printable(other), printable(input)) };
    byName.set(real, input);
    files.push({ input, output });
  }
  if (args.report !== null) {
    const report = resolvedPath(path.resolve(cwd, args.report));
    const clash = realInputs.get(report) ?? byName.get(report);
    if (clash !== undefined) return { ok: false, message: usage.reportOverFile(printable(args.report), printable(clash)) };
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
    const name = printable(path.basename(input));
    bar.update(i, total, 0, name);
    const entry = await processFile(path.resolve(cwd, input), {
      command: args.command, output, override: override.value, force: args.force,
      onProgress: (fraction, words) => bar.update(i, total, fraction, `${name}: ${words}`),
    });
    const relative = path.relative(cwd, output);
    const shownOutput = path.isAbsolute(input) || relative.startsWith("..") ? output : relative;
    const reported: FileReport = { ...entry, file: input, output: entry.output === null ? null : shownOutput };
    const shownInput = printable(input);
    entries.push(reported);
    bar.clear();
    if (reported.outcome === "done") {
      if (!args.quiet) io.stdout.write(`${summaryLine({ ...reported, file: shownInput }, printable(shownOutput))}\n`);
      for (const w of reported.warnings) io.stderr.write(`${shownInput}: ${printable(w)}\n`);
    } else {
      io.stderr.write(`laa-scorecard: ${printable((reported.message ?? reported.outcome).replace(path.resolve(cwd, input), input))}\n`);
      if (reported.nextStep) io.stderr.write(`  ${printable(reported.nextStep)}\n`);
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
