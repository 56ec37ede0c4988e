/*
 * npm run bench: every speed figure of the add-in, side by side in one run, in one table,
 * also written to bench/results.json with the machine's facts. Each figure is shown with the baseline
 * measured in the same run and their ratio (times on shared machines drift; ratios drift less), and
 * with its budget where it has one. Budgets are counts and sizes (syncs, bytes, KB) and the core's
 * ratio to its floor measured side by side, never absolute times; the run exits 1 when one does not
 * hold, or when an area fails (e.g. the core and its floor loop disagree on an output). BENCHMARKS.md explains every figure.
 *
 * Areas: core throughput, worksheet functions in HyperFormula, round trips and payload through the
 * emulator, the task pane (bundle size, first render in Chromium) and the headless runner.
 * BENCH_ONLY=core,functions runs some areas only (names as in AREAS below).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { benchCore } from "./core";
import { benchFunctions } from "./functions";
import { benchRoundTrips } from "./round-trips";
import { benchRunner } from "./runner";
import { runnerRows } from "./runner-rows";
import { figureRows, formatTable, machineFacts, type Row } from "./table";
import { benchTaskPane } from "./taskpane";

const ROOT = path.resolve(__dirname, "..", "..");
const RESULTS = path.join(ROOT, "bench", "results.json");

/** The areas in the order they run (the core first, on a fresh heap). */
const AREAS: ReadonlyArray<{ name: string; title: string; run: () => Promise<Row[]> }> = [
  { name: "core", title: "Core", run: async () => benchCore(Number(process.env.BENCH_ROWS ?? 100_000)) },
  { name: "functions", title: "Functions", run: async () => figureRows("Functions", await benchFunctions()) },
  { name: "round-trips", title: "Round trips", run: () => benchRoundTrips() },
  { name: "taskpane", title: "Task pane", run: () => benchTaskPane() },
  { name: "runner", title: "Headless runner", run: async () => runnerRows(await benchRunner()) },
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
