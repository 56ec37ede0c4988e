/*
 * Core throughput: reads and rates 100,000 synthetic indicators with 12 financial years each with
 * the calculation core (readIndicator, rateIndicator), against the floor for JavaScript
 * (core-floor.ts): a plain read of the same raw rows into typed arrays and a loop computing the same
 * outputs Rate RAG writes for the Tolerance preset (status, gap, gap %, progress, direction, reason,
 * as-at). Both run on the same data in the same process; the bench fails when they disagree on any
 * output of any indicator (then the ratio would compare different work). The data is synthetic and
 * seeded, so every run rates the same indicators: it measures speed, not a real workbook.
 */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  DEFAULT_RULE_SETTINGS,
  rateIndicator,
  readIndicator,
  ruleSetFromSettings,
  type Indicator,
  type PresetName,
  type RawIndicator,
  type Rating,
  type RuleSet,
} from "../../src/core";
import { BLUE_MARGIN, checkSame, floorLoop, floorOutputs, TOLERANCE, typedIndicators, type TypedIndicators } from "./core-floor";
import type { Row } from "./table";
import { withRatio } from "./table";
import { mulberry32 as random } from "../../src/samples/prng";

/** Periods (financial years) per indicator. */
export const PERIODS = 12;
/** The first financial year with an actual (1999/00); the baseline is the year before. */
const FIRST_YEAR = 1999;
const BASELINE_YEAR = FIRST_YEAR - 1;
/** The budget on read + rate against the floor: the core may take at most this many times the floor's time. */
export const CORE_BUDGET = 3;

function fy(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** True for the periods that carry a target (every third year: 2001/02, 2004/05, 2007/08, 2010/11). */
function hasTarget(k: number): boolean {
  return k % 3 === 2;
}

/**
 * `count` indicator rows as the Excel layer hands them to the core (src/excel/rows.ts, wide layout:
 * one period label per column, the same text on every row): 70% higher is better, most improving,
 * 3% of actuals "n/a", a target every third year, a floor, a benchmark and confidence limits 1 either
 * side of each actual (so that direction of travel gives Improving, Worsening and No significant change).
 */
export function rawRows(count: number): RawIndicator[] {
  const rnd = random(20090331);
  const labels = Array.from({ length: PERIODS }, (_, k) => fy(FIRST_YEAR + k));
  const baselineLabel = fy(BASELINE_YEAR);
  const rows: RawIndicator[] = [];
  for (let i = 0; i < count; i++) {
    const base = 50 + rnd() * 50;
    const polarity = rnd() < 0.7 ? "higher" : "lower";
    const good = polarity === "higher" ? 1 : -1;
    const step = good * (rnd() - 0.2) * 2; // most indicators improve, some worsen
    const planned = good * (0.5 + rnd()) * 1.2; // the planned improvement a year
    const actuals = [];
    const targets = [];
    for (let k = 0; k < PERIODS; k++) {
      const period = labels[k];
      const value = rnd() < 0.03 ? "n/a" : Math.round((base + step * k + (rnd() - 0.5) * 3) * 10) / 10;
      actuals.push({ period, value: { value, ref: `Data!${String.fromCharCode(68 + k)}${i + 2}` }, lower: { value: typeof value === "number" ? value - 1 : null }, upper: { value: typeof value === "number" ? value + 1 : null } });
      if (hasTarget(k)) targets.push({ period, value: { value: Math.round((base + planned * (k + 1)) * 10) / 10 } });
    }
    rows.push({
      id: { value: `NI ${i}` },
      title: { value: `Indicator ${i}` },
      perspective: { value: ["Customer", "Financial", "Process", "Learning"][i % 4] },
      polarity: { value: polarity },
      baseline: { value: base },
      baselinePeriod: { value: baselineLabel },
      targets,
      actuals,
      floor: { value: base - 5 },
      benchmark: { value: base + 1 },
    });
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds one call of `work` takes. */
function once(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * A full garbage collection, when V8 lets this process ask for one: run (untimed) before each side's
 * run, so that neither side pays for the garbage the other left (the raw rows make every full
 * collection slow, and it would otherwise land on whichever run happened to trigger it).
 */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") return gc as () => void;
  } catch {
    // No flag: measure without it.
  }
  return () => undefined;
})();

/** One side of the comparison: reading the raw rows, then rating what was read. */
interface Side {
  readonly read: () => void;
  readonly rate: () => void;
}

/** Median times of one side: reading, rating, and both in one run (the median of their sums). */
interface Times {
  readonly readMs: number;
  readonly rateMs: number;
  readonly totalMs: number;
}

function timesOf(reads: number[], rates: number[]): Times {
  return { readMs: median(reads), rateMs: median(rates), totalMs: median(reads.map((r, i) => r + rates[i])) };
}

/**
 * Medians of `rounds` runs of `slow` and of 3 x `rounds` runs of `fast`, interleaved (fast, slow,
 * fast, fast ...) after one warm-up of each, so that both see the same load on a shared machine; a
 * full garbage collection before each run.
 */
function sideBySide(rounds: number, fast: Side, slow: Side): { fast: Times; slow: Times } {
  const f = { reads: [] as number[], rates: [] as number[] };
  const s = { reads: [] as number[], rates: [] as number[] };
  const run = (side: Side, into: typeof f) => {
    collectGarbage();
    into.reads.push(once(side.read));
    into.rates.push(once(side.rate));
  };
  fast.read();
  fast.rate();
  slow.read();
  slow.rate();
  for (let r = 0; r < rounds; r++) {
    run(fast, f);
    run(slow, s);
    run(fast, f);
    run(fast, f);
  }
  return { fast: timesOf(f.reads, f.rates), slow: timesOf(s.reads, s.rates) };
}

/** The rule set of a preset as the bench rates with it (Tolerance with the floor's blue margin and band). */
export function rules(preset: PresetName): RuleSet {
  return ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset, tolerance: TOLERANCE, blueMargin: preset === "tolerance" ? BLUE_MARGIN : null });
}

const OTHER_PRESETS: PresetName[] = ["stretch", "trajectory", "floor", "improvement", "benchmark"];

/**
 * Measures the core against the floor and returns the table rows. `count` indicators (default
 * 100,000): the core's read + Tolerance rating and the floor's side by side (medians of 5 and of 15
 * runs), then single runs of the other presets on what the core read.
 */
export function benchCore(count = 100_000): Row[] {
  const raws = rawRows(count);
  const n = count.toLocaleString("en-GB");
  const area = "Core";
  const tolerance = rules("tolerance");

  let indicators: Indicator[] = [];
  let ratings: Rating[] = [];
  let typed: TypedIndicators = typedIndicators([]);
  const out = floorOutputs(count);
  const { fast: floor, slow: core } = sideBySide(
    5,
    { read: () => (typed = typedIndicators(raws)), rate: () => floorLoop(typed, out) },
    {
      read: () => {
        indicators = raws.map((r) => readIndicator(r).indicator);
      },
      rate: () => {
        ratings = indicators.map((ind) => rateIndicator(ind, tolerance));
      },
    },
  );
  checkSame(ratings, out, typed.labels);
  ratings = [];

  const ratio = core.totalMs / floor.totalMs;
  const rows: Row[] = [
    withRatio({ area, figure: `Rate ${n} indicators x ${PERIODS} periods, Tolerance (rateIndicator)`, value: core.rateMs, unit: "ms", baseline: "floor loop, same outputs", baselineValue: floor.rateMs, note: `${Math.round(count / (core.rateMs / 1000)).toLocaleString("en-GB")} indicators/s` }),
    withRatio({ area, figure: `Read ${n} raw rows (readIndicator)`, value: core.readMs, unit: "ms", baseline: "plain read into typed arrays", baselineValue: floor.readMs }),
    withRatio({
      area,
      figure: `Read + rate ${n} rows (what Rate RAG computes)`,
      value: core.totalMs,
      unit: "ms",
      baseline: "plain read + floor loop, same outputs",
      baselineValue: floor.totalMs,
      budget: `<= ${CORE_BUDGET}x`,
      pass: ratio <= CORE_BUDGET,
    }),
  ];
  for (const preset of OTHER_PRESETS) {
    const r = rules(preset);
    const ms = once(() => indicators.map((ind) => rateIndicator(ind, r).status));
    rows.push(withRatio({ area, figure: `Rate ${n} indicators, ${preset} preset`, value: ms, unit: "ms", baseline: "Tolerance preset", baselineValue: core.rateMs }));
  }
  return rows;
}
