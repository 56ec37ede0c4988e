import { fail, ok, type Result } from "./result";
import { messages } from "./messages";
import { isFiniteNumber } from "./numbers";

/** A dated value: `at` is an Excel date serial (or any number on the same time axis). */
export interface TrajectoryPoint {
  readonly at: number;
  readonly value: number;
}

/** Where on a profile a trajectory value comes from. */
export interface TrajectoryValue<P extends TrajectoryPoint = TrajectoryPoint> {
  readonly value: number;
  /** The milestone at or before `at` (undefined before the first). */
  readonly from?: P;
  /** The milestone at or after `at` (undefined after the last). */
  readonly to?: P;
}

/**
 * Interpolation that never leaves its end points: `a(1-t) + bt` (no overflow for huge values of
 * opposite sign, unlike `a + (b-a)t`), clamped to [min(a,b), max(a,b)] against rounding.
 */
function between(a: number, b: number, t: number): number {
  const v = a * (1 - t) + b * t;
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The trajectory value on a profile of milestones at `at`, with the milestones it lies between
 * (docs/methods.md#trajectory). `milestones` must be sorted by `at` with distinct dates (the caller's
 * duty; {@link trajectory} checks and sorts). Before the first milestone the value is the first;
 * after the last, the last; between two, the straight line through them.
 *
 * @example trajectoryOnProfile([{ at: 0, value: 60 }, { at: 10, value: 80 }], 5).value // => 70
 */
export function trajectoryOnProfile<P extends TrajectoryPoint>(milestones: readonly P[], at: number): TrajectoryValue<P> {
  const n = milestones.length;
  if (n === 0) throw new RangeError("trajectoryOnProfile requires at least one milestone");
  const first = milestones[0];
  if (at <= first.at) return at === first.at ? { value: first.value, from: first, to: first } : { value: first.value, to: first };
  for (let i = 1; i < n; i++) {
    const to = milestones[i];
    if (at <= to.at) {
      const from = milestones[i - 1];
      if (at === to.at) return { value: to.value, from: to, to };
      return { value: between(from.value, to.value, (at - from.at) / (to.at - from.at)), from, to };
    }
  }
  const last = milestones[n - 1];
  return { value: last.value, from: last };
}

/**
 * Expected value at `at` on the straight line from the baseline to the target, or piecewise through
 * a profile of milestone targets (docs/methods.md#trajectory): before the baseline date it is the baseline,
 * after the last target date the last target. Data problems come back as values: non-finite inputs,
 * no target, or a target dated on or before the baseline (`value`).
 *
 * @example trajectory({ at: 39538, value: 60 }, [{ at: 40268, value: 80 }], 39903) // => { ok: true, value: 70 }
 */
export function trajectory(baseline: TrajectoryPoint, targets: readonly TrajectoryPoint[], at: number): Result<number> {
  if (!isFiniteNumber(at) || !isFiniteNumber(baseline.at) || !isFiniteNumber(baseline.value)) return fail("value", messages.notFinite("Trajectory"));
  if (targets.length === 0) return fail("na", messages.noTarget);
  for (const t of targets) if (!isFiniteNumber(t.at) || !isFiniteNumber(t.value)) return fail("value", messages.notFinite("Trajectory"));
  const sorted = targets.length === 1 ? targets : [...targets].sort((a, b) => a.at - b.at);
  if (sorted[0].at <= baseline.at) return fail("value", messages.targetNotAfterBaseline);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].at === sorted[i - 1].at) return fail("value", messages.duplicateMilestone);
  return ok(trajectoryOnProfile([baseline, ...sorted], at).value);
}
