/**
 * From rated indicators to the rows every scorecard sheet shows (pure): each indicator with its
 * perspective, key, carried-over text, previous status from the latest review snapshot, and movement.
 */
import type { BenchmarkTrend } from "../../core/benchmark";
import type { Indicator } from "../../core/indicator";
import type { Rating } from "../../core/rules/engine";
import type { Status } from "../../core/rules/types";
import { STATUSES } from "../../core/rules/types";
import type { RatedIndicator } from "../rate-compute";
import { groupBy, MOVEMENT_SEVERITY as SEVERITY } from "../../core/rollups";
import { scorecardMessages as m } from "./messages";

/** One indicator as the scorecard sheets show it. */
export interface Entry {
  /** Code, plus " | area" when the data has several areas: the key carried-over text is kept under. */
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly perspective: string;
  readonly objective: string;
  readonly area: string;
  readonly indicator: Indicator;
  readonly rating: Rating;
  readonly status: Status;
  readonly owner: string;
  readonly commentary: string;
  /** Status at the latest earlier review snapshot, or null when no snapshot has the indicator. */
  readonly previous: Status | null;
  readonly movement: string;
  /** True when the status rests on an assumed polarity (docs/methods.md#polarity-assumed). */
  readonly polarityAssumed: boolean;
  /** Comparison with the benchmark and recent trend (docs/methods.md#recent-trend); null when the table lacks either. */
  readonly benchmarkTrend: BenchmarkTrend | null;
  /** Worse than the benchmark and getting worse by the recent trend. */
  readonly redRed: boolean;
  /** The benchmark each period was compared with (long tables), in period order; empty when none. */
  readonly benchmarks: readonly { readonly period: string; readonly value: number }[];
}

/** A review snapshot row (RAG History). */
export interface SnapshotRow {
  readonly reviewDate: string;
  readonly key: string;
  readonly status: Status;
}

/** Text users typed in owned sheets, by key. */
export interface CarriedText {
  readonly owner?: string;
  readonly commentary?: string;
}

/** How the scorecard groups indicators, decided from the data. */
export interface Grouping {
  /** "perspective" when the data has a perspective (theme, block) column; else "area" when several areas; else "all". */
  readonly by: "perspective" | "area" | "all";
  readonly multiArea: boolean;
  readonly hasObjectives: boolean;
}

/**
 * Decides the grouping: perspectives from the data when there are any, else areas when there are
 * several (the regional extract's "where"), else one group.
 * @example grouping([]) // => { by: "all", multiArea: false, hasObjectives: false }
 */
export function grouping(rated: readonly RatedIndicator[]): Grouping {
  const perspectives = new Set(rated.map((r) => r.indicator.perspective).filter((p) => p !== ""));
  const areas = new Set(rated.map((r) => r.indicator.area || r.indicator.areaCode).filter((a) => a !== ""));
  const multiArea = areas.size > 1;
  return {
    by: perspectives.size > 0 ? "perspective" : multiArea ? "area" : "all",
    multiArea,
    hasObjectives: rated.some((r) => r.indicator.objective !== ""),
  };
}

/**
 * The key of an indicator: its code, and its area when the data has several areas.
 * @example entryKey("NI 16", "Anycity", true) // => "NI 16 | Anycity"
 */
export function entryKey(id: string, area: string, multiArea: boolean): string {
  return multiArea && area !== "" ? `${id} | ${area}` : id;
}

/**
 * Movement of status since the last review snapshot: "Improved" / "Worsened" / "No change", "Not compared"
 * when either status is Grey (and they differ), "New" when no snapshot has the indicator.
 * Severity order Red < Amber < Green < Blue (docs/methods.md#scorecard-score points, Blue above Green).
 * @example movement("Green", "Amber") // => "Improved"
 */
export function movement(current: Status, previous: Status | null): string {
  if (previous === null) return m.movementNew;
  if (current === previous) return m.movementSame;
  if (current === "Grey" || previous === "Grey") return m.movementNotCompared;
  return SEVERITY[current] > SEVERITY[previous] ? m.movementUp : m.movementDown;
}

/**
 * The latest snapshot status per key: the latest review date wins, and among rows of the same date the
 * later row (snapshots append).
  * @example latestSnapshot([{ reviewDate: "2010-07-15", key: "NI 16", status: "Red" }, { reviewDate: "2010-10-20", key: "NI 16", status: "Amber" }]).get("NI 16")?.status // => "Amber"
 */
export function latestSnapshot(rows: readonly SnapshotRow[]): Map<string, SnapshotRow> {
  const out = new Map<string, SnapshotRow>();
  for (const r of rows) {
    const had = out.get(r.key);
    if (!had || r.reviewDate >= had.reviewDate) out.set(r.key, r);
  }
  return out;
}

/**
 * Builds the entries in data order, with carried-over text and movement since the latest snapshot.
 * @example buildEntries(rated, { by: "perspective", multiArea: false, hasObjectives: false }, [], new Map())[0].movement // => "New"
 */
export function buildEntries(rated: readonly RatedIndicator[], group: Grouping, snapshots: readonly SnapshotRow[], carried: ReadonlyMap<string, CarriedText>): Entry[] {
  const latest = latestSnapshot(snapshots);
  return rated.map(({ indicator, rating, polarityAssumed, benchmarks, benchmarkTrend }) => {
    const area = indicator.area || indicator.areaCode;
    const key = entryKey(indicator.id, area, group.multiArea);
    const perspective = group.by === "perspective" ? indicator.perspective || m.noPerspective : group.by === "area" ? area : m.allIndicators;
    const carry = carried.get(key) ?? {};
    const previous = latest.get(key)?.status ?? null;
    return {
      key, id: indicator.id, title: indicator.title, perspective, objective: indicator.objective || m.noObjective, area, indicator, rating,
      status: rating.status, owner: carry.owner ?? indicator.owner, commentary: carry.commentary ?? indicator.commentary,
      previous, movement: movement(rating.status, previous), polarityAssumed: polarityAssumed === true,
      benchmarkTrend: benchmarkTrend ?? null, redRed: benchmarkTrend?.redRed ?? false, benchmarks: benchmarks ?? [],
    };
  });
}

/** Groups entries by a field, keeping first-seen order (the core's groupBy). */
export { groupBy };

/**
 * Reads a status word exactly as the add-in writes it; anything else is null.
 * @example statusWord("Amber") // => "Amber"
 */
export function statusWord(v: unknown): Status | null {
  return typeof v === "string" && (STATUSES as readonly string[]).includes(v.trim()) ? (v.trim() as Status) : null;
}
