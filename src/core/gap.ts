import { fail, ok, type Result } from "./result";
import { messages } from "./messages";
import { finite } from "./numbers";
import type { Polarity } from "./polarity";

/**
 * Shortfall against target (docs/methods.md#gap): `target - actual` when higher is better,
 * `actual - target` when lower is better. Positive means the target is missed by that much; zero or
 * negative means met or exceeded. Polarity `none` has no shortfall (an `na` problem).
 *
 * @example shortfall(72, 75, "higher") // => { ok: true, value: 3 }
 * @example shortfall(12, 10, "lower") // => { ok: true, value: 2 }
 */
export function shortfall(actual: number, target: number, polarity: Polarity): Result<number> {
  if (polarity === "none") return fail("na", messages.noShortfallWithoutPolarity);
  return finite(polarity === "higher" ? target - actual : actual - target, "The gap");
}

/** How a gap is expressed: in the indicator's own units, or as a share of the target. */
export type GapMode = "abs" | "pct";

/**
 * The gap as `LAAGAP` shows it (docs/methods.md#functions): the shortfall (`abs`) or the shortfall divided
 * by the absolute target (`pct`, a fraction: 0.04 is 4%). A zero target in `pct` mode is `div0`.
 *
 * @example gap(72, 75, "higher", "pct") // => { ok: true, value: 0.04 }
 */
export function gap(actual: number, target: number, polarity: Polarity, mode: GapMode = "abs"): Result<number> {
  const short = shortfall(actual, target, polarity);
  if (!short.ok || mode === "abs") return short;
  if (target === 0) return fail("div0", messages.gapPctZeroTarget);
  return finite(short.value / Math.abs(target), "The gap");
}

/**
 * Reads the gap mode word (`abs` default, `pct`), case-insensitive; blank is `abs`.
 * @example parseGapMode("PCT") // => { ok: true, value: "pct" }
 */
export function parseGapMode(raw: unknown): Result<GapMode> {
  if (raw === null || raw === undefined) return ok("abs");
  const word = typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
  if (word === "" || word === "abs") return ok("abs");
  if (word === "pct" || word === "%") return ok("pct");
  return fail("value", messages.unknownGapMode(raw));
}
