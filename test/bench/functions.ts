/*
 * Bench for the worksheet functions, in a real formula engine (HyperFormula, through the
 * test-only bridge): the Tolerance status of 10,000 indicator rows computed three ways,
 *   (a) one spilled =LAARAG(A1:A10000, B1:B10000),
 *   (b) 10,000 single-cell =LAARAG(An, Bn),
 *   (c) the nested IF an analyst writes today for the same status (higher is better, 5% band),
 * each timed as build (parse + first evaluation) plus one full recalculation after the targets
 * change, median of a few runs. Prints and returns the ratios against (c) (docs/architecture.md:
 * benchmarks print ratios; tests never assert on time). The data is synthetic and seeded: it
 * measures speed, not a real workbook. Run alone with `npx tsx test/bench/functions.ts`.
 */
import { performance } from "node:perf_hooks";
import { HyperFormula } from "hyperformula";
import { laarag } from "../../src/functions/functions";
import { registerFunctions } from "../functions/hyperformula-bridge";
import { mulberry32 as random } from "../../src/samples/prng";

/** One figure of a bench run, as the integrator's bench.ts collects them. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  ratio?: number;
}

const ROWS = Number(process.env.BENCH_FUNCTION_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_FUNCTION_RUNS ?? 5);


/** Actuals (3% blank) around positive targets: some met, some within 5%, some further short. */
function data(seed: number): { actuals: (number | null)[]; targets: number[] } {
  const rnd = random(seed);
  const actuals: (number | null)[] = [];
  const targets: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    const target = 50 + Math.round(rnd() * 5000) / 100;
    targets.push(target);
    actuals.push(rnd() < 0.03 ? null : Math.round(target * (0.85 + rnd() * 0.25) * 100) / 100);
  }
  return { actuals, targets };
}

type Way = "spilled" | "single" | "nestedIf";

function formula(way: Way, row: number): string | null {
  const r = row + 1;
  switch (way) {
    case "spilled":
      return row === 0 ? `=LAARAG(A1:A${ROWS}, B1:B${ROWS})` : null;
    case "single":
      return `=LAARAG(A${r}, B${r})`;
    case "nestedIf":
      // What analysts write today for Tolerance, higher is better, 5% band (docs/methods.md#rag-rules).
      return `=IF(OR(A${r}="",B${r}=""),"Grey",IF(A${r}>=B${r},"Green",IF(A${r}>=B${r}*(1-0.05),"Amber","Red")))`;
  }
}

/** Builds the sheet, recalculates once with new targets, and returns the time and the statuses shown. */
function runOnce(way: Way): { ms: number; statuses: unknown[] } {
  const first = data(20090331);
  const second = data(20100331);
  const rows = first.actuals.map((a, i) => [a, first.targets[i], formula(way, i)]);
  const start = performance.now();
  const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  hf.setCellContents({ sheet: 0, row: 0, col: 1 }, second.targets.map((t) => [t]));
  const ms = performance.now() - start;
  const statuses = hf.getSheetValues(0).map((row) => row[2]);
  hf.destroy();
  return { ms, statuses };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(way: Way): { ms: number; statuses: unknown[] } {
  runOnce(way); // warm-up (JIT, HyperFormula's caches)
  const times: number[] = [];
  let statuses: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = runOnce(way);
    times.push(run.ms);
    statuses = run.statuses;
  }
  return { ms: median(times), statuses };
}

let registered = false;

/**
 * Measures (a) one spilled LAARAG over 10,000 rows, (b) 10,000 single-cell LAARAG and (c) the
 * nested IF for the same status, in HyperFormula, and returns the three times and the ratios
 * (a)/(c) and (b)/(c). Throws if the three ways disagree on any status (then the timing means nothing).
 */
export async function benchFunctions(): Promise<BenchFigure[]> {
  if (!registered) {
    registerFunctions([{ name: "LAARAG", fn: laarag as (...a: unknown[]) => unknown[][], params: 5, required: 2, shape: { kind: "broadcast", args: [0, 1, 2, 3, 4] } }]);
    registered = true;
  }
  const nested = measure("nestedIf");
  const spilled = measure("spilled");
  const singles = measure("single");
  for (let i = 0; i < ROWS; i++) {
    if (spilled.statuses[i] !== nested.statuses[i] || singles.statuses[i] !== nested.statuses[i]) {
      throw new Error(`Row ${i + 1}: spilled ${String(spilled.statuses[i])}, single ${String(singles.statuses[i])}, nested IF ${String(nested.statuses[i])}`);
    }
  }
  const rows = ROWS.toLocaleString("en-GB");
  return [
    { name: `LAARAG spilled over ${rows} rows (HyperFormula build + recalc)`, value: spilled.ms, unit: "ms", baseline: "nested IF", ratio: spilled.ms / nested.ms },
    { name: `LAARAG in ${rows} single cells (HyperFormula build + recalc)`, value: singles.ms, unit: "ms", baseline: "nested IF", ratio: singles.ms / nested.ms },
    { name: `Nested IF in ${rows} cells (HyperFormula build + recalc)`, value: nested.ms, unit: "ms" },
  ];
}

// Run alone (npx tsx test/bench/functions.ts); when bench.ts imports it, only benchFunctions is used.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  benchFunctions().then(
    (figures) => {
      for (const f of figures) {
        console.log(`${f.name.padEnd(64)} ${f.value.toFixed(1).padStart(9)} ${f.unit}${f.ratio !== undefined ? `  (${f.ratio.toFixed(2)} x ${f.baseline})` : ""}`);
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
