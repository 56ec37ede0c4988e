/**
 * The one table of `npm run bench`: each row is a figure with its absolute value, the
 * baseline measured in the same run, their ratio, and a budget when the figure has one. Budgets are
 * on counts and sizes (syncs, bytes), and on times only as ratios to a baseline measured in the same
 * run (the core against its floor loop, the runner against its floor and its growth with the rows):
 * absolute times are never pass/fail (they drift on shared machines).
 */
import { cpus, totalmem } from "node:os";

/** One row of the bench table. */
export interface Row {
  /** Which part of the product: "Round trips", "Core", "Functions", "Task pane", "Headless runner". */
  readonly area: string;
  readonly figure: string;
  /** The absolute value; null when the figure was not measured (the note says why). */
  readonly value: number | null;
  readonly unit: string;
  /** What the value is compared with, e.g. "typed-array loop" or "floor of 2 syncs". */
  readonly baseline?: string;
  /** The baseline's own value, in the row's unit, when there is one. */
  readonly baselineValue?: number;
  /** value / baseline value. */
  readonly ratio?: number;
  /** The budget in words, e.g. "<= 3 syncs", "< 5 MB". */
  readonly budget?: string;
  /** Whether the budget holds; absent when the figure has no budget. */
  readonly pass?: boolean;
  /** Why a figure was not measured, or what to read it with. */
  readonly note?: string;
}

/** The figure shape the area benches (functions.ts, runner.ts) return. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  ratio?: number;
  /** The budget in words and whether it holds, for a ratio the issue sets a budget on. */
  budget?: string;
  pass?: boolean;
}

/** 1 MB as the 5 MB payload limit counts it (5 x 1024 x 1024 bytes). */
export const MB = 1024 * 1024;

/**
 * A row with its ratio computed from the baseline value (left out when the baseline is 0 or missing).
 *
 * @example withRatio({ area: "Core", figure: "x", value: 30, unit: "ms", baseline: "loop", baselineValue: 10 }).ratio // => 3
 */
export function withRatio(row: Row): Row {
  if (row.value === null || row.baselineValue === undefined || row.baselineValue === 0) return row;
  return { ...row, ratio: row.value / row.baselineValue };
}

/**
 * Rows from an area bench's figures (functions.ts, runner.ts). Their baseline's own value is
 * value / ratio, so the table can show it beside the name.
 *
 * @example figureRows("Functions", [{ name: "spilled", value: 30, unit: "ms", baseline: "nested IF", ratio: 0.5 }])[0].baselineValue // => 60
 */
export function figureRows(area: string, figures: readonly BenchFigure[]): Row[] {
  return figures.map((f) => ({
    area,
    figure: f.name,
    value: f.value,
    unit: f.unit,
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
    ...(f.ratio !== undefined && f.ratio > 0 && Number.isFinite(f.ratio) ? { ratio: f.ratio, baselineValue: f.value / f.ratio } : {}),
    ...(f.budget !== undefined ? { budget: f.budget, pass: !!f.pass } : {}),
  }));
}

/**
 * A number as the table prints it: thousands separated, decimals by size.
 *
 * @example formatNumber(1234.567) // => "1,235"
 * @example formatNumber(3.14159) // => "3.14"
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const digits = abs >= 100 || Number.isInteger(x) ? 0 : abs >= 10 ? 1 : 2;
  return x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratioText(r: number | undefined): string {
  if (r === undefined) return "";
  if (r >= 100) return `${formatNumber(r)}x`;
  return `${r.toFixed(r < 0.1 ? 3 : 2)}x`;
}

function baselineText(row: Row): string {
  if (row.baseline === undefined) return "";
  return row.baselineValue === undefined ? row.baseline : `${row.baseline} (${formatNumber(row.baselineValue)} ${row.unit})`;
}

function verdict(row: Row): string {
  if (row.value === null) return row.note ?? "not measured";
  if (row.pass === undefined) return "";
  return row.pass ? "pass" : "FAIL";
}

/** The table as text lines: a header, a rule, one line per row (columns padded to fit). */
export function formatTable(rows: readonly Row[]): string[] {
  const header = ["area", "figure", "value", "unit", "baseline", "ratio", "budget", "pass/fail"];
  const cells = rows.map((r) => [r.area, r.figure, r.value === null ? "-" : formatNumber(r.value), r.unit, baselineText(r), ratioText(r.ratio), r.budget ?? "", verdict(r)]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((line) => line[c].length)));
  const right = new Set([2, 5]);
  const line = (cols: string[]) => cols.map((text, c) => (c === cols.length - 1 ? text : right.has(c) ? text.padStart(widths[c]) : text.padEnd(widths[c]))).join(" | ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)];
}

/** Facts about the machine and the run, stored beside the figures in bench/results.json. */
export interface MachineFacts {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
}

/** The facts of this machine now. */
export function machineFacts(): MachineFacts {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  };
}
