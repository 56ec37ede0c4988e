/**
 * Quantiles among comparators by PHE's method (docs/methods.md#confidence-intervals; PHEindicatormethods
 * `phe_quantile`), numbered so that 1 = best.
 */
import { fail, ok, type Result } from "../result";
import type { Polarity } from "../polarity";
import { statsMessages } from "./messages";
import type { MaybeNumber } from "./intervals";

/** Options for {@link quantiles} and {@link quantileOf}. */
export interface QuantileOptions {
  /** How many quantiles: 10 deciles, 7 septiles, 5 quintiles, 4 quartiles. */
  readonly n: number;
  /** Which direction is good; default `higher`. Polarity `none` puts the highest values in quantile 1. */
  readonly polarity?: Polarity;
}

/** Options for {@link quantiles}: as {@link QuantileOptions}, plus a group label per value. */
export interface GroupedQuantileOptions extends QuantileOptions {
  /**
   * A group label per value (e.g. the region), same length as the values: quantiles are assigned
   * within each group separately. Missing labels form a group of their own. Default: one group.
   */
  readonly groups?: readonly (string | number | null | undefined)[];
}

function isPresent(v: MaybeNumber): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}

function checkCount(n: number): Result<number> {
  return Number.isInteger(n) && n >= 1 ? ok(n) : fail("value", statsMessages.quantileCountInvalid(n));
}

// PHE ranks ascending on `max - value` when it inverts (its `invert = TRUE`, used for
// low-is-good indicators) and on the value itself otherwise; we keep that arithmetic (rather than
// ranking descending on the value) so that ties fall exactly as PHE's do.
function invertsFor(polarity: Polarity | undefined): boolean {
  return polarity === "lower";
}

/**
 * PHE's quantile for a rank among `count` values, renumbered so that 1 = best (docs/methods.md#confidence-intervals):
 * PHE's `floor(n + 1 - ceil((count + 1 - rank) / (count / n)))`, 0 read as 1, then `n + 1 - that`.
 */
function quantileForRank(rank: number, count: number, n: number): number {
  const phe = Math.floor(n + 1 - Math.ceil((count + 1 - rank) / (count / n)));
  return n + 1 - (phe === 0 ? 1 : phe);
}

/** Assigns the quantiles of one group (positions into `values`) into `out`. */
function assignGroup(values: readonly MaybeNumber[], positions: readonly number[], n: number, invert: boolean, out: (number | null)[]): void {
  const count = positions.length;
  if (count < n || count === 0) return;
  let max = -Infinity;
  if (invert) for (const p of positions) max = Math.max(max, values[p] as number);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[positions[i]] as number;
    keys[i] = invert ? max - v : v;
  }
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
  let rank = 1;
  for (let i = 0; i < count; i++) {
    // Ties share the lowest rank of their run (R's ties.method = "min").
    if (i > 0 && keys[order[i]] !== keys[order[i - 1]]) rank = i + 1;
    out[positions[order[i]]] = quantileForRank(rank, count, n);
  }
}

/**
 * Assigns each value its quantile among the values of its group, by PHE's method (docs/methods.md
 * section 8): ranks with ties at the minimum rank, missing values ignored (they get null),
 * `floor(n + 1 - ceil((N + 1 - rank) / (N / n)))` with 0 read as 1; a group with fewer than n
 * values gets null throughout. Numbered so that **1 = best**: for `higher` the highest values are in
 * quantile 1, for `lower` the lowest; for `none` the highest (as `higher`).
 *
 * Runs in O(N log N) for N values, so one call can rank a whole column.
 *
 * Problems: n not a whole number of at least 1 is a `value` problem. Misuse (groups of a different
 * length from values) throws.
 *
 * @example quantiles([10, 20, 30, 40], { n: 4 }) // => ok([4, 3, 2, 1])
 * @example quantiles([10, 20, 30, 40], { n: 4, polarity: "lower" }) // => ok([1, 2, 3, 4])
 * @example quantiles([1, 2, null], { n: 4 }) // => ok([null, null, null]) (too few values)
 */
export function quantiles(values: readonly MaybeNumber[], options: GroupedQuantileOptions): Result<(number | null)[]> {
  const n = checkCount(options.n);
  if (!n.ok) return n;
  const { groups } = options;
  if (groups !== undefined && groups.length !== values.length) {
    throw new RangeError(`quantiles needs one group label per value: ${groups.length} labels for ${values.length} values`);
  }
  const byGroup = new Map<unknown, number[]>();
  values.forEach((v, i) => {
    if (!isPresent(v)) return;
    const key = groups ? (groups[i] ?? null) : null;
    const list = byGroup.get(key);
    if (list) list.push(i);
    else byGroup.set(key, [i]);
  });
  const out: (number | null)[] = new Array<number | null>(values.length).fill(null);
  const invert = invertsFor(options.polarity);
  for (const positions of byGroup.values()) assignGroup(values, positions, n.value, invert, out);
  return ok(out);
}

/** Places one value among a fixed set of comparators: its quantile, 1 = best, or the problem. */
export type QuantileRanker = (value: MaybeNumber) => Result<number>;

/** Lower bound: how many entries of the ascending array are strictly below `key`. */
function countBelow(sorted: Float64Array, key: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Prepares comparator values once (sorted, O(N log N)) so that each value is then placed in
 * O(log N): the way to rank a spilled column of values against one range (LAAQUANTILE with a range
 * as its value). Same method and numbering as {@link quantiles} (1 = best).
 *
 * Problems: a bad n is `value` (returned at once); fewer than n comparator values, a missing value or
 * a value not among the comparators is `na` (returned by the ranker).
 *
 * @example makeQuantileRanker([10, 20, 30, 40], { n: 4 }).ok // => true (its ranker gives 40 -> ok(1), 10 -> ok(4))
 */
export function makeQuantileRanker(comparators: readonly MaybeNumber[], options: QuantileOptions): Result<QuantileRanker> {
  const n = checkCount(options.n);
  if (!n.ok) return n;
  const invert = invertsFor(options.polarity);
  const present = comparators.filter(isPresent);
  const count = present.length;
  let max = -Infinity;
  for (const c of present) if (c > max) max = c;
  const sortedValues = Float64Array.from(present).sort();
  // The same keys PHE ranks on (max - value when inverted), so ties fall exactly as PHE's do.
  const sortedKeys = invert ? Float64Array.from(present, (c) => max - c).sort() : sortedValues;
  return ok((value) => {
    if (!isPresent(value)) return fail("na", statsMessages.quantileNoValue);
    const at = countBelow(sortedValues, value);
    if (at >= count || sortedValues[at] !== value) return fail("na", statsMessages.quantileValueNotAmongComparators(value));
    if (count < n.value) return fail("na", statsMessages.quantileTooFewValues(count, n.value));
    const rank = countBelow(sortedKeys, invert ? max - value : value) + 1;
    return ok(quantileForRank(rank, count, n.value));
  });
}

// Rankers kept per comparator array (by identity) and options, so a worksheet function broadcasting
// many values against one range sorts that range once. Comparators are read-only by contract.
const rankerCache = new WeakMap<readonly MaybeNumber[], Map<string, Result<QuantileRanker>>>();

/**
 * The quantile of one value among comparator values (LAAQUANTILE, docs/methods.md#confidence-intervals, docs/methods.md#functions),
 * 1 = best, by the same method as {@link quantiles}. The value must be one of the comparators (as
 * Excel's RANK.EQ requires). Repeated calls with the same comparator array reuse its sorted form
 * (see {@link makeQuantileRanker}), so the array must not be changed between calls.
 *
 * Problems: a missing value, a value not among the comparators, or fewer than n comparator values
 * is `na`; a bad n is `value`.
 *
 * @example quantileOf(40, [10, 20, 30, 40], { n: 4 }) // => { ok: true, value: 1 }
 * @example quantileOf(40, [10, 20, 30, 40], { n: 4, polarity: "lower" }) // => { ok: true, value: 4 }
 */
export function quantileOf(value: MaybeNumber, comparators: readonly MaybeNumber[], options: QuantileOptions): Result<number> {
  let byOptions = rankerCache.get(comparators);
  if (!byOptions) {
    byOptions = new Map();
    rankerCache.set(comparators, byOptions);
  }
  const key = `${options.n}|${invertsFor(options.polarity)}`;
  let ranker = byOptions.get(key);
  if (!ranker) {
    ranker = makeQuantileRanker(comparators, options);
    byOptions.set(key, ranker);
  }
  return ranker.ok ? ranker.value(value) : ranker;
}
