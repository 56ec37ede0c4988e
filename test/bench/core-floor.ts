/*
 * The floor the core bench measures the core against: plain JavaScript over typed arrays that reads the
 * bench's raw rows and computes, for every indicator, what Rate RAG writes from the core's rating for
 * the Tolerance preset (docs/methods.md#tolerance, blue margin 10%, band 5%): status, gap, gap %,
 * progress, direction of travel, the reason text and the as-at period ("Rated at"). Written by hand on
 * purpose, without the core, so that checkSame compares two independent computations: it is the lower
 * bound for the same work, not a second implementation to maintain. It knows only what the bench's
 * rows hold (financial years, higher or lower is better, a baseline, numbers or "n/a").
 */
import type { RawIndicator, Rating } from "../../src/core";

/** The Tolerance preset's band (docs/methods.md#tolerance: default 5%) and the blue margin the bench sets. */
export const TOLERANCE = 0.05;
export const BLUE_MARGIN = 0.1;
/** The core's relative slack at boundaries (docs/methods.md#rag-rules: "exactly at the edge" read in decimal). */
const SLACK = 1e-12;
/** The reason's last clause for each status, with the percentages above as the core prints them. */
const BLUE_CLAUSE = "; blue margin is 10% of target";
const AMBER_CLAUSE = "; amber band is 5% of target";
const RED_CLAUSE = "; beyond the amber band of 5% of target";

/** The indicators as typed arrays (row i, period k at i * periods + k). */
export interface TypedIndicators {
  readonly count: number;
  readonly periods: number;
  /** Period labels ("1999/00" ...) and ends (Excel serials of 31 March), shared by every row. */
  readonly labels: readonly string[];
  readonly periodEnd: Float64Array;
  /** Actuals and their confidence limits; NaN where the cell is missing ("n/a") or blank. */
  readonly actuals: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Targets; NaN in periods without a target. */
  readonly targets: Float64Array;
  /** 1 higher is better, -1 lower is better. */
  readonly polarity: Int8Array;
  readonly baseline: Float64Array;
  readonly baselineEnd: number;
}

/** Status codes of the floor, and direction of travel codes (docs/methods.md#direction-of-travel). */
export const STATUS_CODES = ["Blue", "Green", "Amber", "Red", "Grey"] as const;
export const DIRECTION_CODES = ["Improving", "Worsening", "No change", "No significant change", "Not compared"] as const;
const [BLUE, GREEN, AMBER, RED, GREY] = [0, 1, 2, 3, 4];
const [IMPROVING, WORSENING, NO_CHANGE, NO_SIGNIFICANT_CHANGE, NOT_COMPARED] = [0, 1, 2, 3, 4];

/** What the floor computes per indicator, in the columns Rate RAG writes; NaN where a cell stays blank. */
export interface FloorOutputs {
  readonly status: Uint8Array;
  readonly gap: Float64Array;
  readonly gapPct: Float64Array;
  readonly progress: Float64Array;
  readonly direction: Uint8Array;
  readonly reason: string[];
  /** Index of the as-at period in `labels`. */
  readonly asAt: Int16Array;
}

/** Empty outputs for `count` indicators. */
export function floorOutputs(count: number): FloorOutputs {
  return {
    status: new Uint8Array(count),
    gap: new Float64Array(count),
    gapPct: new Float64Array(count),
    progress: new Float64Array(count),
    direction: new Uint8Array(count),
    reason: new Array<string>(count).fill(""),
    asAt: new Int16Array(count),
  };
}

/** Excel date serial (days since 30 December 1899) of 31 March of `year`. */
function endOfMarch(year: number): number {
  return (Date.UTC(year, 2, 31) - 2_209_161_600_000) / 86_400_000;
}

/** The start year of a financial year label "2009/10". */
function startYear(label: string): number {
  return Number(label.slice(0, 4));
}

/**
 * The plain read: the raw rows' cells into typed arrays, numbers as they are and anything else
 * missing. The period columns are those of the first row's actuals (one label per column, read once
 * for the table); each target goes to its period's column by a lookup of its label.
 */
export function typedIndicators(raws: readonly RawIndicator[]): TypedIndicators {
  const n = raws.length;
  const labels = n > 0 ? raws[0].actuals.map((a) => String(a.period)) : [];
  const P = labels.length;
  const column = new Map<unknown, number>();
  for (let k = 0; k < P; k++) column.set(labels[k], k);
  const periodEnd = new Float64Array(P);
  for (let k = 0; k < P; k++) periodEnd[k] = endOfMarch(startYear(labels[k]) + 1);
  const actuals = new Float64Array(n * P).fill(NaN);
  const lower = new Float64Array(n * P).fill(NaN);
  const upper = new Float64Array(n * P).fill(NaN);
  const targets = new Float64Array(n * P).fill(NaN);
  const polarity = new Int8Array(n);
  const baseline = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = raws[i];
    const row = i * P;
    polarity[i] = r.polarity?.value === "lower" ? -1 : 1;
    const b = r.baseline?.value;
    baseline[i] = typeof b === "number" ? b : NaN;
    const as = r.actuals;
    for (let k = 0; k < as.length; k++) {
      const a = as[k];
      const v = a.value.value;
      if (typeof v !== "number") continue;
      actuals[row + k] = v;
      const lo = a.lower?.value;
      const hi = a.upper?.value;
      if (typeof lo === "number") lower[row + k] = lo;
      if (typeof hi === "number") upper[row + k] = hi;
    }
    const ts = r.targets;
    for (let j = 0; j < ts.length; j++) {
      const v = ts[j].value.value;
      const k = column.get(ts[j].period);
      if (typeof v === "number" && k !== undefined) targets[row + k] = v;
    }
  }
  const baselineLabel = raws[0]?.baselinePeriod?.value;
  const baselineEnd = typeof baselineLabel === "string" ? endOfMarch(startYear(baselineLabel) + 1) : NaN;
  return { count: n, periods: P, labels, periodEnd, actuals, lower, upper, targets, polarity, baseline, baselineEnd };
}

/**
 * A number as a reason quotes it (docs/methods.md#tolerance's "Actual 72.0 is 3.0 (4.0%) short"):
 * four significant figures, at least one decimal and at most four, trailing zeros trimmed.
 */
export function reasonNumber(v: number): string {
  const abs = v < 0 ? -v : v;
  const magnitude = abs === 0 ? 0 : Math.floor(Math.log10(abs));
  const decimals = magnitude >= 2 ? 1 : magnitude <= -1 ? 4 : 3 - magnitude;
  let s = v.toFixed(decimals);
  let end = s.length;
  const dot = end - decimals - 1;
  while (end > dot + 2 && s.charCodeAt(end - 1) === 48) end--;
  if (end !== s.length) s = s.slice(0, end);
  return s.charCodeAt(0) === 45 && Number(s) === 0 ? s.slice(1) : s;
}

/** A non-negative fraction as a percentage with one decimal: 0.04 is "4.0%". */
export function reasonPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * The reason as one string in memory: engines keep a joined string as a tree of its pieces until it
 * is read, and reading one character joins them once (the core does the same to the reasons it keeps).
 */
function flat(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

/**
 * The floor loop: per indicator, the as-at period (the latest with an actual), the target (the
 * as-at period's, else the trajectory between the milestones either side, else the last target:
 * docs/methods.md#which-target), the shortfall and its share of the target (docs/methods.md#gap),
 * progress from the baseline (docs/methods.md#progress), the Tolerance status with the core's slack,
 * the direction of travel from the previous period (docs/methods.md#direction-of-travel: overlapping
 * confidence limits are "No significant change") and the reason in the core's words.
 */
export function floorLoop(data: TypedIndicators, out: FloorOutputs): void {
  const { count, periods: P, labels, periodEnd, actuals, lower, upper, targets, polarity, baseline, baselineEnd } = data;
  const { status, gap, gapPct, progress, direction, reason, asAt } = out;
  for (let i = 0; i < count; i++) {
    const row = i * P;
    let k = P - 1;
    while (k >= 0 && actuals[row + k] !== actuals[row + k]) k--;
    if (k < 0) {
      status[i] = GREY;
      gap[i] = gapPct[i] = progress[i] = NaN;
      direction[i] = NOT_COMPARED;
      reason[i] = `No actual for ${labels[P - 1]}`;
      asAt[i] = P - 1;
      continue;
    }
    asAt[i] = k;
    const a = actuals[row + k];
    const higher = polarity[i] > 0;

    let dir = NOT_COMPARED;
    if (k > 0) {
      const prev = actuals[row + k - 1];
      if (prev === prev) {
        const pl = lower[row + k - 1];
        const pu = upper[row + k - 1];
        const cl = lower[row + k];
        const cu = upper[row + k];
        // NaN fails every comparison, so missing limits never overlap.
        if (pl <= pu && cl <= cu && pl <= cu && cl <= pu) dir = NO_SIGNIFICANT_CHANGE;
        else if (a === prev) dir = NO_CHANGE;
        else dir = a > prev === higher ? IMPROVING : WORSENING;
      }
    }
    direction[i] = dir;

    let t = targets[row + k];
    let targetPhrase = "";
    if (t === t) targetPhrase = `target ${reasonNumber(t)} for ${labels[k]}`;
    else {
      // The trajectory between the milestones around period k: the baseline, then each target after it.
      const at = periodEnd[k];
      let fromAt = baselineEnd;
      let fromValue = baseline[i];
      let last = -1;
      for (let j = 0; j < P; j++) {
        const v = targets[row + j];
        if (v !== v || periodEnd[j] <= fromAt) continue;
        if (at < periodEnd[j]) {
          const s = (at - fromAt) / (periodEnd[j] - fromAt);
          const x = fromValue * (1 - s) + v * s;
          const lo = fromValue < v ? fromValue : v;
          const hi = fromValue < v ? v : fromValue;
          t = x < lo ? lo : x > hi ? hi : x;
          targetPhrase = `${reasonNumber(t)} on the trajectory to ${labels[j]}`;
          break;
        }
        fromAt = periodEnd[j];
        fromValue = v;
        last = j;
      }
      if (t !== t && last >= 0) {
        t = fromValue; // after the last target: the last target
        targetPhrase = `target ${reasonNumber(t)} for ${labels[last]}`;
      }
    }
    if (t !== t) {
      status[i] = GREY;
      gap[i] = gapPct[i] = progress[i] = NaN;
      reason[i] = `No target for ${labels[k]}`;
      continue;
    }

    const short = higher ? t - a : a - t;
    const absT = t < 0 ? -t : t;
    const absA = a < 0 ? -a : a;
    const eps = SLACK * (absA > absT ? absA : absT);
    gap[i] = short;
    gapPct[i] = t === 0 ? NaN : short / absT;
    const b = baseline[i];
    progress[i] = b !== b || t === b ? NaN : a === b ? 0 : a === t ? 1 : (a - b) / (t - b);

    const actualPhrase = `Actual ${reasonNumber(a)} for ${labels[k]}`;
    const pct = absT === 0 ? "" : ` (${reasonPercent((short < 0 ? -short : short) / absT)})`;
    if (short <= eps) {
      if (short === 0 || -short <= eps) {
        status[i] = GREEN;
        reason[i] = flat(`${actualPhrase} meets ${targetPhrase}`);
      } else {
        status[i] = BLUE_MARGIN * absT <= -short + eps ? BLUE : GREEN;
        reason[i] = flat(`${actualPhrase} beats ${targetPhrase} by ${reasonNumber(-short)}${pct}${BLUE_CLAUSE}`);
      }
    } else {
      const amber = short <= TOLERANCE * absT + eps;
      status[i] = amber ? AMBER : RED;
      reason[i] = flat(`${actualPhrase} is ${reasonNumber(short)}${pct} short of ${targetPhrase}${amber ? AMBER_CLAUSE : RED_CLAUSE}`);
    }
  }
}

/** True when two numbers agree to 1e-9 of their size, or are both absent (NaN / undefined). */
function same(core: number | undefined, floor: number): boolean {
  if (core === undefined) return floor !== floor;
  return Math.abs(core - floor) <= 1e-9 * Math.max(1, Math.abs(core));
}

/**
 * Throws unless the core's ratings and the floor's outputs agree for every indicator on everything
 * Rate RAG writes: status, gap, gap %, progress, direction, reason and as-at (numbers to 1e-9 of
 * their size, words exactly). Otherwise the ratio would compare different work.
 */
export function checkSame(ratings: readonly Rating[], out: FloorOutputs, labels: readonly string[]): void {
  if (ratings.length !== out.status.length) throw new Error(`Core bench: ${ratings.length} ratings but ${out.status.length} floor rows`);
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    const differ = (what: string, core: unknown, floor: unknown) => {
      throw new Error(`Core bench: indicator ${i} has ${what} ${JSON.stringify(core)} in the core but ${JSON.stringify(floor)} in the floor loop; the ratio would compare different work`);
    };
    if (r.status !== STATUS_CODES[out.status[i]]) differ("status", r.status, STATUS_CODES[out.status[i]]);
    if (!same(r.gap, out.gap[i])) differ("gap", r.gap, out.gap[i]);
    if (!same(r.gapPct, out.gapPct[i])) differ("gap %", r.gapPct, out.gapPct[i]);
    if (!same(r.progress, out.progress[i])) differ("progress", r.progress, out.progress[i]);
    if (r.direction !== DIRECTION_CODES[out.direction[i]]) differ("direction", r.direction, DIRECTION_CODES[out.direction[i]]);
    if (r.reason !== out.reason[i]) differ("reason", r.reason, out.reason[i]);
    if (r.asAt !== labels[out.asAt[i]]) differ("as-at", r.asAt, labels[out.asAt[i]]);
  }
}
