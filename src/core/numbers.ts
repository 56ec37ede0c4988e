/**
 * Small numeric helpers shared by the measures. Not exported from the core index: they are plumbing.
 */
import { messages } from "./messages";
import { fail, ok, type Result } from "./result";

/**
 * True for a finite number (not NaN, not +/-Infinity, not a string).
 * @example isFiniteNumber(NaN) // => false
 */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * Boundary comparisons allow a relative slack of 1e-12 of the larger magnitude involved, so that
 * decimal fractions land on the documented side of an edge: 5% of 0.3 is 0.015, and an actual of
 * 0.285 is exactly at that Amber edge although 0.3 - 0.285 is 0.015000000000000013 in binary.
 * @example RELATIVE_SLACK // => 1e-12
 * (Decision: docs/methods.md#rag-rules says "exactly at the tolerance edge is Amber"; analysts' numbers are
 * decimals, so "exactly" is read in decimal, not in binary floating point.)
 */
export const RELATIVE_SLACK = 1e-12;

/**
 * `a <= b`, allowing the relative slack against `scale` (the magnitude of the numbers compared).
 * @example atMost(0.3 - 0.285, 0.05 * 0.3, 0.3) // => true
 */
export function atMost(a: number, b: number, scale: number): boolean {
  return a <= b + RELATIVE_SLACK * scale;
}

/**
 * Wraps a computed number, turning an overflow (Infinity or NaN) into a value problem that names
 * `what` was computed ("Progress cannot be worked out ..."); the message is worded only then.
 * @example finite(1e308 * 10, "Progress").ok // => false
 */
export function finite(value: number, what: string): Result<number> {
  return Number.isFinite(value) ? ok(value) : fail("value", messages.notFinite(what));
}
