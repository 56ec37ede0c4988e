import { fail, ok, type Result } from "./result";
import { messages } from "./messages";
import { finite, isFiniteNumber } from "./numbers";

/**
 * Default reward threshold on progress (docs/methods.md#progress: Local PSA / LAA reward grant rule).
 * @example DEFAULT_REWARD_THRESHOLD // => 0.6
 */
export const DEFAULT_REWARD_THRESHOLD = 0.6;

/**
 * Share of the planned improvement achieved (docs/methods.md#progress):
 * `progress = (actual - baseline) / (target - baseline)`. 0 at the baseline, 1 at the target,
 * below 0 worse than baseline, above 1 beyond target. `target = baseline` is `div0`; a value that is
 * not a finite number is a `value` problem. Polarity is not needed: the direction of the planned
 * improvement is the direction from baseline to target.
 *
 * @example progress(60, 75, 69) // => { ok: true, value: 0.6 }
 * @example progress(10, 10, 12).ok // => false (div0: target equals baseline)
 */
export function progress(baseline: number, target: number, actual: number): Result<number> {
  if (!isFiniteNumber(baseline) || !isFiniteNumber(target) || !isFiniteNumber(actual)) return fail("value", messages.notFinite("Progress"));
  if (target === baseline) return fail("div0", messages.targetEqualsBaseline);
  return finite(shareOfPlan(baseline, target, actual), "Progress");
}

/**
 * {@link progress} as a plain number, null wherever progress gives a problem: for the rating engine,
 * which works it out for every indicator and only shows a number.
 * @example progressOrNull(60, 75, 69) // => 0.6
 * @example progressOrNull(10, 10, 12) // => null
 */
export function progressOrNull(baseline: number, target: number, actual: number): number | null {
  if (!isFiniteNumber(baseline) || !isFiniteNumber(target) || !isFiniteNumber(actual) || target === baseline) return null;
  const p = shareOfPlan(baseline, target, actual);
  return Number.isFinite(p) ? p : null;
}

/** (actual - baseline) / (target - baseline) for finite inputs with target != baseline, exact at both ends. */
function shareOfPlan(baseline: number, target: number, actual: number): number {
  if (actual === baseline) return 0;
  if (actual === target) return 1;
  const num = actual - baseline;
  const den = target - baseline;
  if (Number.isFinite(num) && Number.isFinite(den)) return num / den;
  // Only for huge inputs whose differences overflow: divide by a common scale first.
  const scale = Math.max(Math.abs(baseline), Math.abs(target), Math.abs(actual));
  return (actual / scale - baseline / scale) / (target / scale - baseline / scale);
}

/**
 * Reward share for a given progress (docs/methods.md#progress): 0 when `progress < threshold` (default
 * 0.6), otherwise `min(progress, 1)`. A threshold outside 0..1 or a non-finite progress is a
 * `value` problem.
 *
 * @example rewardShare(0.75) // => { ok: true, value: 0.75 }
 * @example rewardShare(0.55) // => { ok: true, value: 0 }
 * @example rewardShare(1.4) // => { ok: true, value: 1 }
 */
export function rewardShare(progressValue: number, threshold = DEFAULT_REWARD_THRESHOLD): Result<number> {
  if (!isFiniteNumber(threshold) || threshold < 0 || threshold > 1) return fail("value", messages.badThreshold(threshold));
  if (!isFiniteNumber(progressValue)) return fail("value", messages.notFinite("Progress"));
  return ok(progressValue < threshold ? 0 : Math.min(progressValue, 1));
}

/**
 * {@link rewardShare} as a plain number, null wherever it gives a problem (for the rating engine).
 * @example rewardShareOrNull(0.75, 0.6) // => 0.75
 * @example rewardShareOrNull(0.75, 2) // => null
 */
export function rewardShareOrNull(progressValue: number, threshold = DEFAULT_REWARD_THRESHOLD): number | null {
  if (!isFiniteNumber(threshold) || threshold < 0 || threshold > 1 || !isFiniteNumber(progressValue)) return null;
  return progressValue < threshold ? 0 : Math.min(progressValue, 1);
}

/**
 * Reward share straight from baseline, target and actual (what `LAAREWARD` shows).
 * @example rewardShareOf(60, 75, 72) // => { ok: true, value: 0.8 }
 */
export function rewardShareOf(baseline: number, target: number, actual: number, threshold = DEFAULT_REWARD_THRESHOLD): Result<number> {
  const p = progress(baseline, target, actual);
  return p.ok ? rewardShare(p.value, threshold) : p;
}
