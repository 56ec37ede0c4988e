/*
 * Core throughput: rates 100,000 synthetic indicators with 12 financial years
 * each with the calculation core, against the floor for JavaScript: a bare loop over typed arrays
 * (Float64Array actuals and targets, polarity as Int8) computing the same shortfalls and Tolerance
 * statuses inline. Both run on the same data in the same process; the bench fails when they disagree
 * on any status or shortfall (then the ratio would compare different work). The data is synthetic
 * and seeded, so every run rates the same indicators: it measures speed, not a real workbook.
 */
import { performance } from "node:perf_hooks";
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
import type { Row } from "./table";
import { withRatio } from "./table";
import { mulberry32 as random } from "../../src/samples/prng";

/** Periods (financial years) per indicator. */
export const PERIODS = 12;
/** The first financial year with an actual (1999/00); the baseline is the year before. */
const FIRST_YEAR = 1999;
const BASELINE_YEAR = FIRST_YEAR - 1;
/** The Tolerance preset's band (docs/methods.md#rag-rules: default 5%) and the blue margin this bench sets. */
const TOLERANCE = DEFAULT_RULE_SETTINGS.tolerance;
const BLUE_MARGIN = 0.1;


function fy(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** True for the periods that carry a target (every third year: 2001/02, 2004/05, 2007/08, 2010/11). */
function hasTarget(k: number): boolean {
  return k % 3 === 2;
}

/**
 * `count` indicator rows as the Excel layer hands them to the core: 70% higher is better, most
 * improving, 3% of actuals "n/a", a target every third year, a floor, a benchmark and confidence limits.
 */
export function rawRows(count: number): RawIndicator[] {
  const rnd = random(20090331);
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
      const period = fy(FIRST_YEAR + k);
      const value = rnd() < 0.03 ? "n/a" : Math.round((base + step * k + (rnd() - 0.5) * 3) * 10) / 10;
      actuals.push({ period, value: { value, ref: `Data!${String.fromCharCode(68 + k)}${i + 2}` }, lower: { value: typeof value === "number" ? value - 3 : null }, upper: { value: typeof value === "number" ? value + 3 : null } });
      if (hasTarget(k)) targets.push({ period, value: { value: Math.round((base + planned * (k + 1)) * 10) / 10 } });
    }
    rows.push({
      id: { value: `NI ${i}` },
      title: { value: `Indicator ${i}` },
      perspective: { value: ["Customer", "Financial", "Process", "Learning"][i % 4] },
      polarity: { value: polarity },
      baseline: { value: base },
      baselinePeriod: { value: fy(BASELINE_YEAR) },
      targets,
      actuals,
      floor: { value: base - 5 },
      benchmark: { value: base + 1 },
    });
  }
  return rows;
}

/** The same indicators as typed arrays, for the floor loop (row i, period k at i * PERIODS + k). */
export interface TypedIndicators {
  readonly count: number;
  /** Actuals; NaN where the cell is missing ("n/a"). */
  readonly actuals: Float64Array;
  /** Targets; NaN in periods without a target. */
  readonly targets: Float64Array;
  /** 1 higher is better, -1 lower is better. */
  readonly polarity: Int8Array;
  readonly baseline: Float64Array;
  /** Excel date serial of each period's last day (31 March), shared by every row. */
  readonly periodEnd: Float64Array;
  readonly baselineEnd: number;
}

/** Excel date serial (days since 30 December 1899) of 31 March of `year`. */
function endOfMarch(year: number): number {
  return (Date.UTC(year, 2, 31) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * Typed arrays from the raw rows, read without the core (so the check below compares two
 * independent computations): numbers as they are, anything else missing.
 */
export function typedIndicators(raws: readonly RawIndicator[]): TypedIndicators {
  const n = raws.length;
  const actuals = new Float64Array(n * PERIODS).fill(NaN);
  const targets = new Float64Array(n * PERIODS).fill(NaN);
  const polarity = new Int8Array(n);
  const baseline = new Float64Array(n);
  const periodEnd = new Float64Array(PERIODS);
  for (let k = 0; k < PERIODS; k++) periodEnd[k] = endOfMarch(FIRST_YEAR + k + 1);
  for (let i = 0; i < n; i++) {
    const r = raws[i];
    polarity[i] = r.polarity?.value === "lower" ? -1 : 1;
    baseline[i] = r.baseline?.value as number;
    r.actuals.forEach((a, k) => {
      if (typeof a.value.value === "number") actuals[i * PERIODS + k] = a.value.value;
    });
    for (const t of r.targets) {
      const k = Number(String(t.period).slice(0, 4)) - FIRST_YEAR;
      if (typeof t.value.value === "number") targets[i * PERIODS + k] = t.value.value;
    }
  }
  return { count: n, actuals, targets, polarity, baseline, periodEnd, baselineEnd: endOfMarch(BASELINE_YEAR + 1) };
}

/** Status codes of the floor loop, in the order of STATUSES. */
export const STATUS_CODES = ["Blue", "Green", "Amber", "Red", "Grey"] as const;

/**
 * The floor: Tolerance statuses (docs/methods.md#rag-rules, blue margin 10%, band 5%) and shortfalls
 * (section 2) in one pass over typed arrays, with nothing the core adds (reasons, direction of
 * travel, progress, forecasts, objects). As-at is the latest period with an actual; the target is
 * the one for that period, else the trajectory between the surrounding milestones (baseline and
 * targets, section 4), else the last target. Boundaries allow the core's relative slack of 1e-12.
 * Written by hand on purpose: it is the lower bound the core is measured against.
 */
export function floorLoop(data: TypedIndicators, status: Uint8Array, shortfall: Float64Array): void {
  const { count, actuals, targets, polarity, baseline, periodEnd, baselineEnd } = data;
  const P = PERIODS;
  const slack = 1e-12;
  for (let i = 0; i < count; i++) {
    const row = i * P;
    let k = P - 1;
    while (k >= 0 && actuals[row + k] !== actuals[row + k]) k--;
    if (k < 0) {
      status[i] = 4;
      shortfall[i] = NaN;
      continue;
    }
    const a = actuals[row + k];
    let t = targets[row + k];
    if (t !== t) {
      // Trajectory between the milestones around period k: the baseline, then each target after it.
      const at = periodEnd[k];
      let fromAt = baselineEnd;
      let fromValue = baseline[i];
      t = NaN;
      for (let j = 0; j < P; j++) {
        const v = targets[row + j];
        if (v !== v || periodEnd[j] <= fromAt) continue;
        if (at <= periodEnd[j]) {
          const s = (at - fromAt) / (periodEnd[j] - fromAt);
          const x = fromValue * (1 - s) + v * s;
          const lo = fromValue < v ? fromValue : v;
          const hi = fromValue < v ? v : fromValue;
          t = x < lo ? lo : x > hi ? hi : x;
          break;
        }
        fromAt = periodEnd[j];
        fromValue = v;
      }
      if (t !== t) t = fromValue; // after the last target: the last target
    }
    const short = polarity[i] < 0 ? a - t : t - a;
    shortfall[i] = short;
    const absA = a < 0 ? -a : a;
    const absT = t < 0 ? -t : t;
    const scale = absA > absT ? absA : absT;
    const eps = slack * scale;
    if (short <= eps) {
      status[i] = short !== 0 && -short > eps && BLUE_MARGIN * absT <= -short + eps ? 0 : 1;
    } else {
      status[i] = short <= TOLERANCE * absT + eps ? 2 : 3;
    }
  }
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
 * Medians of `rounds` runs of `slow` and of 3 x `rounds` runs of `fast`, interleaved (fast, slow,
 * fast, fast ...) after one warm-up of each, so that both see the same load on a shared machine.
 */
function sideBySide(rounds: number, fast: () => void, slow: () => void): { fastMs: number; slowMs: number } {
  fast();
  slow();
  const fastTimes: number[] = [];
  const slowTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    fastTimes.push(once(fast));
    slowTimes.push(once(slow));
    fastTimes.push(once(fast), once(fast));
  }
  return { fastMs: median(fastTimes), slowMs: median(slowTimes) };
}

function rules(preset: PresetName): RuleSet {
  return ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset, blueMargin: preset === "tolerance" ? BLUE_MARGIN : null });
}

/**
 * Throws unless the core's ratings and the floor loop's agree on every status, and on every
 * shortfall to within 1e-9 of its scale (the shortfall is compared with the core's `gap`).
 */
export function checkSame(ratings: readonly Rating[], status: Uint8Array, shortfall: Float64Array): void {
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    const floor = STATUS_CODES[status[i]];
    const gap = r.gap ?? NaN;
    const same = gap !== gap ? shortfall[i] !== shortfall[i] : Math.abs(gap - shortfall[i]) <= 1e-9 * Math.max(1, Math.abs(gap));
    if (r.status !== floor || !same) {
      throw new Error(`Core bench: indicator ${i} is ${r.status} with shortfall ${gap} in the core but ${floor} with shortfall ${shortfall[i]} in the typed-array loop; the ratio would compare different work`);
    }
  }
}

const OTHER_PRESETS: PresetName[] = ["stretch", "trajectory", "floor", "improvement", "benchmark"];

/**
 * Measures the core against the floor loop and returns the table rows. `count` indicators (default
 * 100,000): Tolerance rating and the floor loop side by side (medians of 3 and of 9 runs), single
 * runs for reading and for the other presets (each takes seconds on 100,000 rows).
 */
export function benchCore(count = 100_000): Row[] {
  const raws = rawRows(count);
  const n = count.toLocaleString("en-GB");
  const area = "Core";

  const readStart = performance.now();
  const indicators: Indicator[] = raws.map((r) => readIndicator(r).indicator);
  const readMs = performance.now() - readStart;

  const typed = typedIndicators(raws);
  const status = new Uint8Array(count);
  const shortfall = new Float64Array(count);
  const tolerance = rules("tolerance");
  let ratings: Rating[] = [];
  const { fastMs: floorMs, slowMs: coreMs } = sideBySide(
    3,
    () => floorLoop(typed, status, shortfall),
    () => {
      ratings = indicators.map((ind) => rateIndicator(ind, tolerance));
    },
  );
  checkSame(ratings, status, shortfall);
  ratings = [];

  const baseline = { baseline: "typed-array loop, same statuses", baselineValue: floorMs };
  const rows: Row[] = [
    withRatio({ area, figure: `Rate ${n} indicators x ${PERIODS} periods, Tolerance (rateIndicator)`, value: coreMs, unit: "ms", ...baseline, note: `${Math.round(count / (coreMs / 1000)).toLocaleString("en-GB")} indicators/s` }),
    withRatio({ area, figure: `Read ${n} raw rows (readIndicator)`, value: readMs, unit: "ms", ...baseline }),
    withRatio({ area, figure: `Read + rate ${n} rows (what Rate RAG computes)`, value: readMs + coreMs, unit: "ms", ...baseline }),
  ];
  for (const preset of OTHER_PRESETS) {
    const r = rules(preset);
    const ms = once(() => indicators.map((ind) => rateIndicator(ind, r).status));
    rows.push(withRatio({ area, figure: `Rate ${n} indicators, ${preset} preset`, value: ms, unit: "ms", baseline: "Tolerance preset", baselineValue: coreMs }));
  }
  return rows;
}
