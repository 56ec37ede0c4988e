/*
 * The headless runner's figures (test/bench/runner.ts) as table rows, with the baselines and budgets
 * the rest of the table uses: emulator syncs against the floor of 2 per workbook (one read, one
 * write), the largest request against Excel on the web's 5 MB limit (a size, so a budget), byte
 * totals in MB. Wall times and peak memory keep the runner's own baseline (one Anycity workbook).
 */
import { PAYLOAD_LIMIT_BYTES } from "../../src/emulator";
import { SYNC_FLOOR } from "./round-trips";
import { figureRows, MB, withRatio, type BenchFigure, type Row } from "./table";

/** How many workbooks a runner figure is about: "rate: 20 Anycity workbooks ..." is 20, otherwise 1. */
function workbooks(name: string): number {
  const m = /\b(\d+) [A-Za-z]+ workbooks\b/.exec(name);
  return m ? Number(m[1]) : 1;
}

/**
 * Rows for the runner's figures.
 *
 * @example runnerRows([{ name: "rate: 20 Anycity workbooks, emulator syncs (all files)", value: 60, unit: "syncs" }])[0].ratio // => 1.5
 */
export function runnerRows(figures: readonly BenchFigure[]): Row[] {
  const area = "Headless runner";
  const limitMb = PAYLOAD_LIMIT_BYTES / MB;
  return figures.map((f) => {
    if (f.unit === "syncs" && f.ratio === undefined) {
      const n = workbooks(f.name);
      return withRatio({ area, figure: f.name, value: f.value, unit: "syncs", baseline: `floor: 1 read + 1 write${n > 1 ? ` per workbook, x ${n}` : ""}`, baselineValue: SYNC_FLOOR * n });
    }
    if (f.unit === "bytes" && /largest (request|response)/.test(f.name)) {
      return withRatio({ area, figure: f.name, value: f.value / MB, unit: "MB", baseline: "Excel on the web limit", baselineValue: limitMb, budget: `< ${limitMb} MB`, pass: f.value < PAYLOAD_LIMIT_BYTES });
    }
    if (f.unit === "bytes") return { area, figure: f.name, value: f.value / MB, unit: "MB" };
    return figureRows(area, [f])[0];
  });
}
