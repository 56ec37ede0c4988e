/**
 * Scorecard domain rules over rated indicators (docs/methods.md#scorecard-score, #quantiles): roll-ups
 * by perspective, the Exception report's order, and each area's quantile among the areas. Generic over
 * anything that carries a status, an indicator and its rating, so the scorecard sheets' entries (the
 * Excel layer) use them without the core knowing their other fields.
 */
import type { Indicator } from "./indicator";
import type { Status } from "./rules/types";
import { STATUSES } from "./rules/types";
import { countByStatus, rollUp, type RollUp, type StatusCountsRecord } from "./scorecard";
import { quantiles } from "./stats/quantiles";

/** What the roll-ups read of a rated indicator. */
export interface RatedItem {
  readonly status: Status;
  readonly indicator: Pick<Indicator, "weight" | "polarity">;
  readonly rating: { readonly gapPct?: number; readonly actual?: { readonly value: number | null } | null };
}

/**
 * Severity for ordering and movement, worst first; Grey (not rated) is below every rating.
 * @example MOVEMENT_SEVERITY.Red < MOVEMENT_SEVERITY.Amber // => true
 */
export const MOVEMENT_SEVERITY: Readonly<Record<Status, number>> = { Red: 0, Amber: 1, Green: 2, Blue: 3, Grey: -1 };

/**
 * Items grouped by a key, groups in first-seen order.
 * @example [...groupBy(["a1", "b1", "a2"], (s) => s[0]).keys()] // => ["a", "b"]
 */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** A group's roll-up: counts (Grey included), weighted score and status. */
export interface GroupSummary<T> {
  readonly name: string;
  readonly entries: readonly T[];
  readonly rollUp: RollUp;
}

/**
 * Rolls items up by group (by default their perspective), then the groups up to overall by their
 * scores, each group weighted 1; overall counts are over all items.
 * @example summarise([{ status: "Green", indicator: { weight: 1, polarity: "higher" }, rating: {} }], () => "P").overall.counts.Green // => 1
 */
export function summarise<T extends RatedItem>(items: readonly T[], key: (t: T) => string): { groups: GroupSummary<T>[]; overall: RollUp & { counts: StatusCountsRecord } } {
  const groups = [...groupBy(items, key)].map(([name, list]) => ({ name, entries: list, rollUp: rollUp(list.map((e) => ({ status: e.status, weight: e.indicator.weight }))) }));
  const over = rollUp(groups.map((g) => ({ status: g.rollUp.status, score: g.rollUp.score })));
  return { groups, overall: { ...over, counts: countByStatus(items.map((e) => e.status)) } };
}

/** What the Exception report's order reads of an item: status, rating, key, and whether it is a red-red. */
export type ExceptionItem = Pick<RatedItem, "status" | "rating"> & { readonly key: string; readonly redRed?: boolean };

/**
 * The Exception report's order: red-reds first (worse than the benchmark and getting worse,
 * docs/methods.md#recent-trend), then Red before Amber, then the largest shortfall (gap as a share of
 * the target) first, then by key.
 * @example [{ status: "Amber", rating: {}, key: "b" }, { status: "Red", rating: {}, key: "a" }].sort(exceptionOrder)[0].key // => "a"
 * @example [{ status: "Red", rating: { gapPct: 0.5 }, key: "a" }, { status: "Red", rating: {}, key: "b", redRed: true }].sort(exceptionOrder)[0].key // => "b"
 */
export function exceptionOrder(a: ExceptionItem, b: ExceptionItem): number {
  return (b.redRed ? 1 : 0) - (a.redRed ? 1 : 0) || MOVEMENT_SEVERITY[a.status] - MOVEMENT_SEVERITY[b.status] || (b.rating.gapPct ?? -Infinity) - (a.rating.gapPct ?? -Infinity) || a.key.localeCompare(b.key);
}

/**
 * The quantile (1 = best, quartiles by default) of each item's latest actual among the items of the
 * same indicator, as the public health profiles compute quantiles.
 * @example [...quantilesWithin([10, 20, 30, 40].map((v) => ({ id: "NI 1", status: "Green", indicator: { weight: 1, polarity: "higher" }, rating: { actual: { value: v } } })), (e) => e.id).values()] // => [4, 3, 2, 1]
 */
export function quantilesWithin<T extends RatedItem>(items: readonly T[], indicatorKey: (t: T) => string, n = 4): Map<T, number | null> {
  const out = new Map<T, number | null>();
  for (const list of groupBy(items, indicatorKey).values()) {
    const values = list.map((e) => e.rating.actual?.value ?? null);
    const q = quantiles(values, { n, polarity: list[0].indicator.polarity });
    list.forEach((e, i) => out.set(e, q.ok ? q.value[i] : null));
  }
  return out;
}

/**
 * Counts in status order (Blue, Green, Amber, Red, Grey).
 * @example countsInOrder({ Blue: 0, Green: 2, Amber: 1, Red: 0, Grey: 3 }) // => [0, 2, 1, 0, 3]
 */
export function countsInOrder(counts: StatusCountsRecord): number[] {
  return STATUSES.map((s) => counts[s]);
}
