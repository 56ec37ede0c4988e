/*
 * Bench for the headless runner: `laa-scorecard rate` over (a) one generated workbook of
 * 100,000 indicator rows and (b) 20 copies of the Anycity sample in one run, with (c) one Anycity
 * copy as the baseline for the per-run start-up cost. Each is a child process (the CLI as a user runs
 * it), measured for wall time and peak memory (GNU time -v's maximum resident set size when
 * /usr/bin/time is there, else the child's own process.resourceUsage().maxRSS), and the emulator's
 * counters (syncs, request and response bytes) are read from the run's --report. Prints figures
 * and ratios (docs/architecture.md: benchmarks print ratios; tests never assert on time). The 100,000-row
 * data is synthetic and seeded: it measures speed, not a real workbook.
 * Run alone with `npx tsx test/bench/runner.ts`.
 */
import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import type { Phase } from "../../src/cli/phases";
import type { RunReport } from "../../src/cli/report";
import { mulberry32 as random } from "../../src/samples/prng";

import type { BenchFigure } from "./table";

const ROWS = Number(process.env.BENCH_RUNNER_ROWS ?? 100_000);
/** The other sizes the runner is timed at, to show its time grows linearly with the rows. */
const SCALE = (process.env.BENCH_RUNNER_SCALE ?? "1000,10000,300000").split(",").map(Number).filter((n) => n > 0 && n !== ROWS);
/** Budgets against the floor measured in the same run, and for growth: each 10x of rows at most 12x of time (pro rata between other sizes). */
const FLOOR_TIME_BUDGET = 2;
const FLOOR_MEMORY_BUDGET = 2.5;
const GROWTH_BUDGET = 1.2;
const COPIES = Number(process.env.BENCH_RUNNER_COPIES ?? 20);
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "src", "cli", "bin.cjs");
const ANYCITY = path.join(ROOT, "assets", "samples", "anycity-laa.xlsx");
const GNU_TIME = "/usr/bin/time";
const FLOOR = path.join(__dirname, "runner-floor.cjs");


/** A wide-layout indicator table of `rows` rows (the Anycity headers' shape) as an .xlsx file, written by ExcelJS's streaming writer. */
async function writeLargeWorkbook(file: string, rows: number): Promise<void> {
  const rnd = random(20100930);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Indicators");
  ws.addRow(["Code", "Indicator", "Polarity", "Baseline 2007/08", "Target 2008/09", "Target 2009/10", "Actual 2008/09", "Actual 2009/10"]).commit();
  for (let i = 0; i < rows; i++) {
    const higher = rnd() < 0.7;
    const base = Math.round((40 + rnd() * 50) * 10) / 10;
    const step = (higher ? 1 : -1) * (1 + rnd() * 3);
    const actual = (k: number) => Math.round((base + step * k + (rnd() - 0.5) * 6) * 10) / 10;
    ws.addRow([`BX ${i + 1}`, `Synthetic indicator ${i + 1}`, higher ? "Higher" : "Lower", base, Math.round((base + step) * 10) / 10, Math.round((base + 2 * step) * 10) / 10, actual(1), rnd() < 0.02 ? "n/a" : actual(2)]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** What one child run measured. */
interface RunMeasure {
  readonly ms: number;
  readonly peakMb: number;
  readonly report: RunReport;
  /** The runner's per-phase profile (src/cli/phases.ts), when it was asked for. */
  readonly phases: readonly Phase[];
}

/** Wall time, peak resident memory and stderr of one Node script run as a child process. */
async function measureNode(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; peakMb: number; stderr: string; stdout: string }> {
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  // Without GNU time, a one-line wrapper makes the child print its own peak RSS at exit.
  const wrapped = useTime
    ? ["-v", process.execPath, script, ...args]
    : ["-e", `process.on("exit",()=>process.stderr.write("maxRSS "+process.resourceUsage().maxRSS+"\\n"));process.argv.splice(1,1,${JSON.stringify(script)});require(${JSON.stringify(script)})`, "--", ...args];
  const started = performance.now();
  const { stderr, stdout } = await new Promise<{ stderr: string; stdout: string }>((resolve, reject) => {
    execFile(command, wrapped, { maxBuffer: 64 * 1024 * 1024, env }, (error, out, err) => {
      if (error && (error as { code?: number }).code !== 0 && !/Exit status: 0/.test(err)) reject(new Error(`${path.basename(script)} ${args.join(" ")} failed: ${err}`));
      else resolve({ stderr: err, stdout: out });
    });
  });
  const ms = performance.now() - started;
  const kb = Number((useTime ? /Maximum resident set size \(kbytes\): (\d+)/ : /maxRSS (\d+)/).exec(stderr)?.[1] ?? NaN);
  return { ms, peakMb: kb / 1024, stderr, stdout };
}

/** Runs the CLI as a child process (with its phase profile on): wall time, peak resident memory, its report and phases. */
async function measureRun(args: string[], reportFile: string): Promise<RunMeasure> {
  const { ms, peakMb, stderr } = await measureNode(BIN, args, { ...process.env, LAA_SCORECARD_PHASES: "1" });
  const report = JSON.parse(await fs.readFile(reportFile, "utf8")) as RunReport;
  if (report.exitCode !== 0) throw new Error(`laa-scorecard ${args.join(" ")} exited ${report.exitCode}: ${report.files.map((f) => f.message).filter(Boolean).join("; ")}`);
  const line = stderr.split("\n").find((l) => l.startsWith("laa-phases "));
  const phases = line ? (JSON.parse(line.slice("laa-phases ".length)) as { phases: Phase[] }).phases : [];
  return { ms, peakMb, report, phases };
}

/**
 * The floor: ExcelJS's streaming reader and writer alone read the workbook and write it back with
 * the 10 output columns filled (test/bench/runner-floor.cjs), in a child process like the runner.
 */
async function measureFloor(input: string, output: string): Promise<{ ms: number; peakMb: number }> {
  const { ms, peakMb, stdout } = await measureNode(FLOOR, [input, output]);
  const rows = Number(stdout.trim());
  if (!(rows > ROWS)) throw new Error(`The floor wrote ${stdout.trim()} rows of ${ROWS + 1}: its time would compare different work.`);
  return { ms, peakMb };
}

function totals(report: RunReport): { syncs: number; requestBytes: number; responseBytes: number; rows: number } {
  return report.files.reduce(
    (t, f) => ({ syncs: t.syncs + (f.counters?.syncs ?? 0), requestBytes: t.requestBytes + (f.counters?.requestBytes ?? 0), responseBytes: t.responseBytes + (f.counters?.responseBytes ?? 0), rows: t.rows + (f.rowsRated ?? 0) }),
    { syncs: 0, requestBytes: 0, responseBytes: 0, rows: 0 },
  );
}

/** One figure per phase of the large run: its time (share of the run) and the resident memory when it ended. */
function phaseFigures(phases: readonly Phase[], totalMs: number, rows: string): BenchFigure[] {
  return phases.flatMap((p) => [
    { name: `phase (${rows} rows): ${p.name}`, value: p.ms, unit: "ms", baseline: "whole run", ratio: p.ms / totalMs },
    { name: `phase (${rows} rows): ${p.name}, memory at end (RSS)`, value: p.rssMb, unit: "MB" },
  ]);
}

/**
 * Runs the three scenarios and returns wall times, peak memory, ratios and the emulator counters.
 * Throws when a run does not finish with exit code 0 (then the figures mean nothing).
 */
export async function benchRunner(): Promise<BenchFigure[]> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), "laa-bench-runner-"));
  try {
    const large = path.join(dir, "large", "large.xlsx");
    await fs.mkdir(path.dirname(large), { recursive: true });
    await writeLargeWorkbook(large, ROWS);
    const copies = path.join(dir, "copies");
    await fs.mkdir(copies);
    for (let i = 1; i <= COPIES; i++) await fs.copyFile(ANYCITY, path.join(copies, `area-${String(i).padStart(2, "0")}.xlsx`));
    const one = path.join(dir, "one");
    await fs.mkdir(one);
    await fs.copyFile(ANYCITY, path.join(one, "area.xlsx"));

    const single = await measureRun(["rate", path.join(one, "area.xlsx"), "--out", path.join(dir, "out-one"), "--report", path.join(dir, "one.json"), "--quiet"], path.join(dir, "one.json"));
    const many = await measureRun(["rate", path.join(copies, "*.xlsx"), "--out", path.join(dir, "out-copies"), "--report", path.join(dir, "copies.json"), "--quiet"], path.join(dir, "copies.json"));
    const big = await measureRun(["rate", large, "--out", path.join(dir, "out-large"), "--report", path.join(dir, "large.json"), "--quiet"], path.join(dir, "large.json"));
    const floor = await measureFloor(large, path.join(dir, "floor.xlsx"));
    // The same workbook shape at other sizes, each rated alone, for the growth rows.
    const scaled = new Map<number, RunMeasure>([[ROWS, big]]);
    for (const n of SCALE) {
      const file = path.join(dir, `scale-${n}`, "scale.xlsx");
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeLargeWorkbook(file, n);
      scaled.set(n, await measureRun(["rate", file, "--out", path.join(dir, `out-scale-${n}`), "--report", path.join(dir, `scale-${n}.json`), "--quiet"], path.join(dir, `scale-${n}.json`)));
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    }
    const sizes = [...scaled.keys()].sort((a, b) => a - b);
    const growth: BenchFigure[] = sizes.flatMap((n, i) => {
      const run = scaled.get(n)!;
      const size = n.toLocaleString("en-GB");
      const rowsFigures: BenchFigure[] = n === ROWS ? [] : [
        { name: `rate: ${size}-row workbook`, value: run.ms, unit: "ms" },
        { name: `rate: ${size}-row workbook, peak memory`, value: run.peakMb, unit: "MB" },
      ];
      if (i === 0) return rowsFigures;
      const prev = sizes[i - 1];
      const ratio = run.ms / scaled.get(prev)!.ms;
      const allowed = GROWTH_BUDGET * (n / prev);
      return [...rowsFigures, {
        name: `growth: ${prev.toLocaleString("en-GB")} -> ${size} rows (${n / prev}x rows), time`, value: run.ms, unit: "ms",
        baseline: `${prev.toLocaleString("en-GB")}-row run`, ratio, budget: `<= ${allowed.toFixed(1)}x`, pass: ratio <= allowed,
      }];
    });
    const bigTotals = totals(big.report);
    const manyTotals = totals(many.report);
    const rows = ROWS.toLocaleString("en-GB");
    if (bigTotals.rows !== ROWS) console.warn(`laa-scorecard rated ${bigTotals.rows} of ${ROWS} rows of the large workbook: the timing covers a run that missed rows (see the report's problems).`);
    return [
      { name: "rate: 1 Anycity workbook (start-up + 43 rows)", value: single.ms, unit: "ms" },
      { name: "rate: 1 Anycity workbook, peak memory", value: single.peakMb, unit: "MB" },
      { name: `rate: ${COPIES} Anycity workbooks in one run`, value: many.ms, unit: "ms", baseline: "1 workbook", ratio: many.ms / single.ms },
      { name: `rate: ${COPIES} Anycity workbooks, peak memory`, value: many.peakMb, unit: "MB", baseline: "1 workbook", ratio: many.peakMb / single.peakMb },
      { name: `rate: ${COPIES} Anycity workbooks, emulator syncs (all files)`, value: manyTotals.syncs, unit: "syncs" },
      { name: `rate: ${COPIES} Anycity workbooks, request bytes (all files)`, value: manyTotals.requestBytes, unit: "bytes" },
      { name: `rate: ${COPIES} Anycity workbooks, response bytes (all files)`, value: manyTotals.responseBytes, unit: "bytes" },
      { name: `rate: ${rows}-row workbook`, value: big.ms, unit: "ms", baseline: "1 workbook", ratio: big.ms / single.ms },
      { name: `rate: ${rows}-row workbook, peak memory`, value: big.peakMb, unit: "MB", baseline: "1 workbook", ratio: big.peakMb / single.peakMb },
      { name: `rate: ${rows}-row workbook, rows rated`, value: bigTotals.rows, unit: "rows" },
      { name: `rate: ${rows}-row workbook, emulator syncs`, value: bigTotals.syncs, unit: "syncs" },
      { name: `rate: ${rows}-row workbook, request bytes`, value: bigTotals.requestBytes, unit: "bytes" },
      { name: `rate: ${rows}-row workbook, response bytes`, value: bigTotals.responseBytes, unit: "bytes" },
      { name: `rate: ${rows}-row workbook, largest request`, value: big.report.files[0].counters?.maxRequestBytes ?? NaN, unit: "bytes" },
      { name: `floor: ExcelJS streaming read + write of the ${rows}-row workbook, 10 filled columns`, value: floor.ms, unit: "ms" },
      { name: `floor: ExcelJS streaming read + write, peak memory`, value: floor.peakMb, unit: "MB" },
      { name: `rate: ${rows}-row workbook against the floor (time)`, value: big.ms, unit: "ms", baseline: "ExcelJS streaming floor", ratio: big.ms / floor.ms, budget: `<= ${FLOOR_TIME_BUDGET}x`, pass: big.ms / floor.ms <= FLOOR_TIME_BUDGET },
      { name: `rate: ${rows}-row workbook against the floor (peak memory)`, value: big.peakMb, unit: "MB", baseline: "ExcelJS streaming floor", ratio: big.peakMb / floor.peakMb, budget: `<= ${FLOOR_MEMORY_BUDGET}x`, pass: big.peakMb / floor.peakMb <= FLOOR_MEMORY_BUDGET },
      ...growth,
      ...phaseFigures(big.phases, big.ms, rows),
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// Run alone (npx tsx test/bench/runner.ts); when bench.ts imports it, only benchRunner is used.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  benchRunner().then(
    (figures) => {
      for (const f of figures) {
        console.log(`${f.name.padEnd(64)} ${f.value.toFixed(1).padStart(12)} ${f.unit}${f.ratio !== undefined ? `  (${f.ratio.toFixed(2)} x ${f.baseline})` : ""}`);
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
