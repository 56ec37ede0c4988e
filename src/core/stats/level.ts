import { fail, ok, type Result } from "../result";
import { statsMessages } from "./messages";

/** The confidence level used when none is given: 95%. */
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;

/**
 * Reads a confidence level the way PHE's methods accept it (docs/methods.md#confidence-intervals): a fraction from
 * 0.9 to 1 or a percentage from 90 to 100, so 0.95 and 95 both mean 95%. Blank means 95%.
 * Anything else (0.8, 14, 125, text) is an input problem (`value`) with a message saying what to give.
 *
 * @example parseConfidenceLevel(95) // => { ok: true, value: 0.95 }
 * @example parseConfidenceLevel(0.998) // => { ok: true, value: 0.998 }
 * @example parseConfidenceLevel(undefined) // => { ok: true, value: 0.95 }
 * @example parseConfidenceLevel(80).ok // => false
 */
export function parseConfidenceLevel(raw: unknown): Result<number> {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return ok(DEFAULT_CONFIDENCE_LEVEL);
  }
  if (typeof raw !== "number" || !Number.isFinite(raw)) return fail("value", statsMessages.levelNotANumber(raw));
  if (raw >= 0.9 && raw <= 1) return ok(raw);
  if (raw >= 90 && raw <= 100) return ok(raw / 100);
  return fail("value", statsMessages.levelOutOfRange(raw));
}
