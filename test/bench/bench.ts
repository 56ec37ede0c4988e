/*
 * npm run bench: rates 100,000 indicators with 12 periods each (issue 3) and prints rows per second,
 * for each preset and for reading raw rows, measured side by side in one run (ARCHITECTURE.md:
 * benchmarks print ratios; tests never assert on time). The data is synthetic and seeded, so every
 * run rates the same indicators: it measures speed, not a real workbook.
 */
import { performance } from "node:perf_hooks";
import {
  DEFAULT_RULE_SETTINGS,
  countByStatus,
  rateIndicator,
  readIndicator,
  ruleSetFromSettings,
  type Indicator,
  type PresetName,
  type RawIndicator,
  type Status,
} from "../../src/core";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const PERIODS = 12;

/** Mulberry32: a small seeded generator, so each run uses the same synthetic data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fy(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

function rawRows(): RawIndicator[] {
  const rnd = random(20090331);
  const rows: RawIndicator[] = [];
  for (let i = 0; i < ROWS; i++) {
    const base = 50 + rnd() * 50;
    const polarity = rnd() < 0.7 ? "higher" : "lower";
    const good = polarity === "higher" ? 1 : -1;
    const step = good * (rnd() - 0.2) * 2; // most indicators improve, some worsen
    const planned = good * (0.5 + rnd()) * 1.2; // the planned improvement a year
    const actuals = [];
    const targets = [];
    for (let k = 0; k < PERIODS; k++) {
      const period = fy(1999 + k);
      const value = rnd() < 0.03 ? "n/a" : Math.round((base + step * k + (rnd() - 0.5) * 3) * 10) / 10;
      actuals.push({ period, value: { value, ref: `Data!${String.fromCharCode(68 + k)}${i + 2}` }, lower: { value: typeof value === "number" ? value - 3 : null }, upper: { value: typeof value === "number" ? value + 3 : null } });
      if (k % 3 === 2) targets.push({ period, value: { value: Math.round((base + planned * (k + 1)) * 10) / 10 } });
    }
    rows.push({
      id: { value: `NI ${i}` },
      title: { value: `Indicator ${i}` },
      perspective: { value: ["Customer", "Financial", "Process", "Learning"][i % 4] },
      polarity: { value: polarity },
      baseline: { value: base },
      baselinePeriod: { value: fy(1998) },
      targets,
      actuals,
      floor: { value: base - 5 },
      benchmark: { value: base + 1 },
    });
  }
  return rows;
}

function time<T>(label: string, rows: number, run: () => T): { result: T; perSecond: number } {
  const start = performance.now();
  const result = run();
  const seconds = (performance.now() - start) / 1000;
  const perSecond = rows / seconds;
  console.log(`${label.padEnd(34)} ${Math.round(perSecond).toLocaleString("en-GB").padStart(12)} rows/s  (${seconds.toFixed(2)} s)`);
  return { result, perSecond };
}

const raws = rawRows();
console.log(`${ROWS.toLocaleString("en-GB")} synthetic indicators, ${PERIODS} financial years each\n`);
const { result: indicators } = time("readIndicator", ROWS, () => raws.map((r) => readIndicator(r).indicator));

const presets: PresetName[] = ["tolerance", "stretch", "trajectory", "floor", "improvement", "benchmark"];
const rates: Record<string, number> = {};
for (const preset of presets) {
  const rules = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset, blueMargin: preset === "tolerance" ? 0.1 : null });
  const { result, perSecond } = time(`rateIndicator (${preset})`, ROWS, () => indicators.map((ind: Indicator) => rateIndicator(ind, rules).status));
  rates[preset] = perSecond;
  const counts = countByStatus(result as Status[]);
  console.log(`${"".padEnd(34)} ${Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(", ")}`);
}
const slopeRules = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, dotMethod: "slope", slopePeriods: 4 });
time("rateIndicator (tolerance, slope DoT)", ROWS, () => indicators.map((ind) => rateIndicator(ind, slopeRules).status));
const defaultRules = ruleSetFromSettings(DEFAULT_RULE_SETTINGS);
time("read + rate (tolerance)", ROWS, () => raws.map((r) => rateIndicator(readIndicator(r).indicator, defaultRules).status));

const slowest = Math.min(...Object.values(rates));
const fastest = Math.max(...Object.values(rates));
console.log(`\nfastest preset / slowest preset: ${(fastest / slowest).toFixed(2)}`);
