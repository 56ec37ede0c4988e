import { fail, ok, type Result } from "./result";
import { messages } from "./messages";

/** Which direction is good (docs/methods.md#polarity). */
export type Polarity = "higher" | "lower" | "none";

const WORDS: Readonly<Record<string, Polarity>> = {
  higher: "higher",
  high: "higher",
  up: "higher",
  increase: "higher",
  "higher is better": "higher",
  "high is good": "higher",
  "rag - high is good": "higher",
  "+": "higher",
  lower: "lower",
  low: "lower",
  down: "lower",
  decrease: "lower",
  "lower is better": "lower",
  "low is good": "lower",
  "rag - low is good": "lower",
  "-": "lower",
  none: "none",
  "n/a": "none",
  "not applicable": "none",
  "no polarity": "none",
  bob: "none",
  "data only": "none",
};

/**
 * Reads a polarity word as analysts type it (docs/methods.md#polarity): case-insensitive, trimmed,
 * blank meaning the default `higher`. Any other text is an input problem, never a guess.
 *
 * @example parsePolarity("RAG - Low is good") // => { ok: true, value: "lower" }
 * @example parsePolarity("") // => { ok: true, value: "higher" }
 * @example parsePolarity("sideways").ok // => false
 */
export function parsePolarity(raw: unknown): Result<Polarity> {
  if (raw === null || raw === undefined) return ok("higher");
  if (typeof raw !== "string") return fail("value", messages.polarityNotText(raw));
  // A table repeats a few words on every row: each is read once (results are frozen, as they are shared).
  const hit = wordCache.get(raw);
  if (hit !== undefined) return hit;
  const word = raw.trim().replace(/\s+/g, " ").toLowerCase();
  // Own keys only: "constructor" or "toString" in a polarity cell is not a polarity.
  const polarity = Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
  const r: Result<Polarity> = word === "" ? ok("higher") : polarity ? ok(polarity) : fail("value", messages.unknownPolarity(raw));
  if (!r.ok) Object.freeze(r.problem);
  if (wordCache.size >= 1024) wordCache.clear();
  wordCache.set(raw, Object.freeze(r));
  return r;
}

const wordCache = new Map<string, Result<Polarity>>();
