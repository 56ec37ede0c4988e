/**
 * Scorecard maths (docs/methods.md#scorecard-score): points, weighted score, roll-up to perspective and overall,
 * status from a score, counts by status.
 *
 * Decisions where docs/methods.md is silent (also in the report):
 * - Status words read case-insensitively and trimmed ("green" is Green); a blank is not rated, like Grey.
 * - A weight that is blank counts as 1; a negative or unreadable weight is a `value` problem.
 *   Rated indicators whose weights are all 0 give `div0`.
 * - Roll-up "counts": the most common rated status, ties going to the worse one (a cautious reading);
 *   all Grey gives Grey.
 * - Roll-up of perspectives to overall by weighted score uses each child's own score when it has one
 *   (a perspective), else the points of its status (an indicator).
 */
import { fail, ok, type Result } from "./result";
import { isExcelError, readNumber } from "./cells";
import { messages } from "./messages";
import { STATUSES, type Status } from "./rules/types";

/**
 * Points by status (docs/methods.md#scorecard-score); Grey has none (it is excluded).
 * @example POINTS.Amber // => 0.5
 */
export const POINTS: Readonly<Record<Status, number | null>> = { Blue: 1, Green: 1, Amber: 0.5, Red: 0, Grey: null };

/** Cut-offs that turn a score into a status (docs/methods.md#scorecard-score). */
export interface ScoreCutoffs {
  /** Green at or above (default 0.75). */
  readonly green: number;
  /** Amber at or above (default 0.5); below is Red. */
  readonly amber: number;
}

/**
 * The default cut-offs: Green >= 0.75, Amber >= 0.5, else Red.
 * @example DEFAULT_CUTOFFS.green // => 0.75
 */
export const DEFAULT_CUTOFFS: ScoreCutoffs = { green: 0.75, amber: 0.5 };

const STATUS_WORDS: ReadonlyMap<string, Status> = new Map(STATUSES.map((s) => [s.toLowerCase(), s]));

/**
 * Points for a status: Blue 1, Green 1, Amber 0.5, Red 0, Grey null (not rated).
 * @example points("Amber") // => 0.5
 */
export function points(status: Status): number | null {
  return POINTS[status];
}

/**
 * Reads a status word (trimmed, any case); blank is null (not rated); other text is a `value` problem.
 * @example parseStatus(" green ") // => { ok: true, value: "Green" }
 */
export function parseStatus(raw: unknown): Result<Status | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw !== "string") return fail("value", messages.unknownStatus(raw));
  const word = raw.trim().toLowerCase();
  if (word === "") return ok(null);
  const status = STATUS_WORDS.get(word);
  return status !== undefined ? ok(status) : fail("value", messages.unknownStatus(raw));
}

/**
 * Score = weighted mean of points over rated indicators (docs/methods.md#scorecard-score): Grey and blanks are
 * excluded, weights default to 1. No rated indicator gives `na` (#N/A); unknown status words,
 * unreadable or negative weights, or weights of a different length give `value`.
 *
 * @example score(["Green", "Amber", "Red", "Grey"]) // => { ok: true, value: 0.5 }
 * @example score(["Green", "Red"], [3, 1]) // => { ok: true, value: 0.75 }
 */
export function score(statuses: readonly unknown[], weights?: readonly unknown[]): Result<number> {
  if (weights !== undefined && weights.length !== statuses.length) return fail("value", messages.weightsLength(statuses.length, weights.length));
  let total = 0;
  let weightSum = 0;
  let rated = 0;
  for (let i = 0; i < statuses.length; i++) {
    // An error where a status should be (a failed lookup) is missing data, not a misspelt status.
    if (isExcelError(statuses[i])) return fail("na", messages.statusIsError(i + 1, String(statuses[i]).trim().toUpperCase()));
    const s = parseStatus(statuses[i]);
    if (!s.ok) return s;
    let w = 1;
    if (weights !== undefined) {
      const r = readNumber(weights[i], "Weight");
      if (r.kind === "invalid" || (r.kind === "number" && r.value < 0)) return fail("value", messages.badScoreWeight(weights[i]));
      if (r.kind === "number") w = r.value;
    }
    if (s.value === null) continue;
    const p = POINTS[s.value];
    if (p === null) continue;
    rated++;
    total += p * w;
    weightSum += w;
  }
  if (rated === 0) return fail("na", messages.nothingRated);
  if (weightSum === 0) return fail("div0", messages.zeroWeights);
  const value = total / weightSum;
  return Number.isFinite(value) ? ok(value) : fail("value", messages.notFinite("Score"));
}

/**
 * The status a score shows (docs/methods.md#scorecard-score): Green at or above the green cut-off, Amber at or
 * above the amber cut-off, else Red. Throws a RangeError for cut-offs out of order (programmer
 * misuse); a score that is not a finite number gives Grey.
 *
 * @example statusFromScore(0.8) // => "Green"
 * @example statusFromScore(0.5) // => "Amber"
 */
export function statusFromScore(value: number, cutoffs: ScoreCutoffs = DEFAULT_CUTOFFS): Status {
  if (!(cutoffs.amber <= cutoffs.green) || !Number.isFinite(cutoffs.amber) || !Number.isFinite(cutoffs.green)) {
    throw new RangeError("statusFromScore requires finite cut-offs with amber <= green");
  }
  if (!Number.isFinite(value)) return "Grey";
  return value >= cutoffs.green ? "Green" : value >= cutoffs.amber ? "Amber" : "Red";
}

/** Counts by status, always all five. */
export type StatusCountsRecord = Record<Status, number>;

/**
 * Counts by status, always with all five statuses (docs/methods.md#scorecard-score: Grey included).
 * @example countByStatus(["Green", "Green", "Grey"]) // => { Blue: 0, Green: 2, Amber: 0, Red: 0, Grey: 1 }
 */
export function countByStatus(statuses: readonly Status[]): StatusCountsRecord {
  const counts: StatusCountsRecord = { Blue: 0, Green: 0, Amber: 0, Red: 0, Grey: 0 };
  for (const s of statuses) if (s in counts) counts[s]++;
  return counts;
}

/** How a perspective or the whole scorecard takes its status from its children. */
export type RollUpMethod = "score" | "worst" | "counts";

/** A child in a roll-up: an indicator (status, weight) or a perspective (status, weight, score). */
export interface RollUpChild {
  readonly status: Status;
  /** Default 1. */
  readonly weight?: number;
  /** A perspective's own score; when given it is used instead of the status's points. */
  readonly score?: number | null;
}

/** A roll-up's result. */
export interface RollUp {
  readonly status: Status;
  /** The weighted score, when the method is "score" and anything is rated. */
  readonly score: number | null;
  readonly counts: StatusCountsRecord;
  readonly reason: string;
}

/** Worst first, for "worst" and for breaking ties in "counts". */
const SEVERITY: Readonly<Record<Status, number>> = { Red: 0, Amber: 1, Green: 2, Blue: 3, Grey: 4 };

function describeCounts(counts: StatusCountsRecord): string {
  return STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(", ") || "nothing";
}

/**
 * Rolls children up to a perspective or the overall scorecard (docs/methods.md#scorecard-score): by weighted
 * score (default; status from the cut-offs), by worst child, or by counts (the most common rated
 * status, ties to the worse). Grey children are counted but never rated; no rated child gives Grey.
 * Throws a RangeError for a negative or non-finite weight (programmer misuse: weights come from
 * {@link readIndicator}, which has already checked them).
 *
 * @example rollUp([{ status: "Green" }, { status: "Amber" }, { status: "Grey" }]).status // => "Green" (score 0.75)
 * @example rollUp([{ status: "Green" }, { status: "Red" }], "worst").status // => "Red"
 */
export function rollUp(children: readonly RollUpChild[], method: RollUpMethod = "score", cutoffs: ScoreCutoffs = DEFAULT_CUTOFFS): RollUp {
  const counts = countByStatus(children.map((c) => c.status));
  let total = 0;
  let weightSum = 0;
  let rated = 0;
  let worst: Status | null = null;
  for (const c of children) {
    const w = c.weight ?? 1;
    if (!Number.isFinite(w) || w < 0) throw new RangeError("rollUp requires weights that are finite and 0 or more");
    if (c.status === "Grey") continue;
    rated++;
    if (worst === null || SEVERITY[c.status] < SEVERITY[worst]) worst = c.status;
    const p = c.score !== undefined && c.score !== null && Number.isFinite(c.score) ? c.score : (POINTS[c.status] as number);
    total += p * w;
    weightSum += w;
  }
  const countsText = describeCounts(counts);
  if (rated === 0) return { status: "Grey", score: null, counts, reason: messages.rollUpNothingRated(countsText) };
  if (method === "worst") return { status: worst as Status, score: null, counts, reason: messages.rollUpWorst(worst as Status, countsText) };
  if (method === "counts") {
    let best: Status = "Grey";
    for (const s of STATUSES) {
      if (s === "Grey") continue;
      if (best === "Grey" || counts[s] > counts[best] || (counts[s] === counts[best] && SEVERITY[s] < SEVERITY[best])) best = s;
    }
    return { status: best, score: null, counts, reason: messages.rollUpCounts(best, countsText) };
  }
  if (weightSum === 0) return { status: "Grey", score: null, counts, reason: messages.rollUpZeroWeights(countsText) };
  const value = total / weightSum;
  const status = statusFromScore(value, cutoffs);
  return { status, score: value, counts, reason: messages.rollUpScore(value, status, countsText) };
}
