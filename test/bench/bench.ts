/*
 * npm run bench (issue 12): every speed figure of the add-in, side by side in one run, in one table,
 * also written to bench/results.json with the machine's facts. Each figure is shown with the baseline
 * measured in the same run and their ratio (times on shared machines drift; ratios drift less), and
 * with its budget where it has one. Budgets are counts and sizes (syncs, bytes, KB), never times; the
 * run exits 1 when one does not hold, or when an area fails (e.g. the core and the typed-array loop
 * disagree on a status). BENCHMARKS.md explains every figure.
 *
 * Areas: core throughput, worksheet functions in HyperFormula, round trips and payload through the
 * emulator, the task pane (bundle size, first render in Chromium) and the headless runner.
 * BENCH_ONLY=core,functions runs some areas only (names as in AREAS below).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { benchCore } from "./core";
import { benchFunctions } from "./functions";
import { benchRoundTrips } from "./round-trips";
import { figureRows, formatTable, machineFacts, type BenchFigure, type Row } from "./table";
import { benchTaskPane } from "./taskpane";

const ROOT = path.resolve(__dirname, "..", "..");
const RESULTS = path.join(ROOT, "bench", "results.json");
const RUNNER_SOURCE = path.join(__dirname, "runner.ts");

/** The headless runner's figures, or "not measured yet" rows while test/bench/runner.ts is not there. */
async function runnerRows(): Promise<Row[]> {
  const area = "Headless runner";
  if (!existsSync(RUNNER_SOURCE)) {
    const note = "not measured yet: headless runner not built";
    return [
      { area, figure: "rate: 100,000-row workbook, wall time", value: null, unit: "ms", note },
      { area, figure: "rate: 100,000-row workbook, peak memory", value: null, unit: "MB", note },
      { area, figure: "rate: 20 sample workbooks in one run, wall time", value: null, unit: "ms", note },
      { area, figure: "rate: 20 sample workbooks in one run, peak memory", value: null, unit: "MB", note },
    ];
  }
  // Loaded by path at run time, so this file compiles before the runner's bench exists.
  const runner = (await import(RUNNER_SOURCE.replace(/\.ts$/, ""))) as { benchRunner(): Promise<BenchFigure[]> };
  return figureRows(area, await runner.benchRunner());
}

/** The areas in the order they run (the core first, on a fresh heap). */
const AREAS: ReadonlyArray<{ name: string; title: string; run: () => Promise<Row[]> }> = [
  { name: "core", title: "Core", run: async () => benchCore(Number(process.env.BENCH_ROWS ?? 100_000)) },
  { name: "functions", title: "Functions", run: async () => figureRows("Functions", await benchFunctions()) },
  { name: "round-trips", title: "Round trips", run: () => benchRoundTrips() },
  { name: "taskpane", title: "Task pane", run: () => benchTaskPane() },
  { name: "runner", title: "Headless runner", run: () => runnerRows() },
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
  const machine = machineFacts();
  console.log(`npm run bench: ${machine.date}, Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB\n`);
  const started = performance.now();
  const rows: Row[] = [];
  const errors: string[] = [];
  for (const area of AREAS) {
    if (only && !only.includes(area.name)) continue;
    const t = performance.now();
    process.stderr.write(`  measuring ${area.title}...`);
    try {
      rows.push(...(await area.run()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`${area.title}: ${message}`);
      rows.push({ area: area.title, figure: "(area failed)", value: null, unit: "", pass: false, note: `FAILED: ${message.split("\n")[0]}` });
    }
    process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(formatTable(rows).join("\n"));
  const notes = rows.filter((r) => r.value !== null && r.note !== undefined);
  if (notes.length > 0) {
    console.log("\nNotes:");
    for (const r of notes) console.log(`  ${r.figure}: ${r.note}`);
  }
  const failed = rows.filter((r) => r.pass === false);
  const budgets = rows.filter((r) => r.pass !== undefined);
  console.log(`\n${budgets.length - failed.length} of ${budgets.length} budgets hold; ${rows.filter((r) => r.value === null && r.pass !== false).length} figures not measured; run took ${seconds.toFixed(0)} s.`);
  for (const e of errors) console.error(`\n${e}`);

  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ command: "npm run bench", machine, seconds: Math.round(seconds), rows, errors }, null, 2)}\n`);
  console.log(`Written to ${path.relative(ROOT, RESULTS)}.`);
  if (failed.length > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
