/**
 * Where an indicator's polarity comes from when its cell is blank (docs/methods.md#benchmark-rows,
 * #polarity-assumed): a clue in a public-source table (the Compared to England verdict, rank_order),
 * else the National Indicator reference list for an NI code, else the default (higher is better),
 * which every status resting on it then says. Also the information-only rule (docs/methods.md#information-only).
 */
import type { RawIndicator } from "./indicator";
import { messages } from "./messages";
import { polarityFromReference, POLARITY_FROM_REFERENCE } from "./ni-reference";
import { isInformationOnly } from "./public-sources";
import type { Rating } from "./rules/engine";

/** Appended to the reason of every status whose polarity was assumed (docs/methods.md#polarity). */
export const POLARITY_ASSUMED = "polarity assumed: higher is better (no polarity given)";

/** A public-source table's clue for one series: a polarity with its reason, or why it cannot say. */
export type PolarityClue = { readonly polarity: string; readonly reason: string } | { readonly problem: string };

/** Where the polarity used came from. */
export type PolaritySource =
  | { readonly kind: "given" }
  | { readonly kind: "clue"; readonly reason: string }
  | { readonly kind: "reference" }
  | { readonly kind: "assumed" };

function blank(raw: RawIndicator): boolean {
  const v = raw.polarity?.value;
  return raw.polarity === undefined || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The indicator with its polarity filled in where it can be, where that came from, and the notes to
 * report (a clue that conflicts; a polarity taken from the reference list). The clue is asked for only
 * when the polarity is blank.
 * @example choosePolarity({ id: { value: "NI 16" }, polarity: { value: "", ref: "E4" } }, () => null).source.kind // => "reference"
 */
export function choosePolarity(raw: RawIndicator, clueOf: () => PolarityClue | null): { readonly raw: RawIndicator; readonly source: PolaritySource; readonly notes: readonly { readonly ref: string; readonly message: string }[] } {
  if (!blank(raw)) return { raw, source: { kind: "given" }, notes: [] };
  const clue = clueOf();
  const notes: { ref: string; message: string }[] = [];
  let filled = raw;
  let source: PolaritySource = { kind: "assumed" };
  if (clue && "problem" in clue) notes.push({ ref: raw.polarity?.ref ?? "", message: clue.problem });
  else if (clue) {
    filled = { ...raw, polarity: { value: clue.polarity, ref: raw.polarity?.ref } };
    source = { kind: "clue", reason: clue.reason };
  }
  const ref = polarityFromReference(filled.id?.value, filled.polarity?.value ?? null);
  if (ref && (filled.polarity || filled.id)) {
    filled = { ...filled, polarity: { value: ref.polarity, ref: filled.polarity?.ref } };
    source = { kind: "reference" };
    if (filled.polarity?.ref) notes.push({ ref: filled.polarity.ref, message: messages.polarityFromReference(ref.polarity) });
  }
  return { raw: filled, source, notes };
}

/**
 * A rating's reason with where its polarity came from; an assumed polarity is named on every status
 * but Grey (a Grey status rests on no polarity).
 * @example explainPolarity({ status: "Red", reason: "Short of target" }, { kind: "assumed" }).reason // => "Short of target; polarity assumed: higher is better (no polarity given)"
 */
export function explainPolarity(rating: Rating, source: PolaritySource): Rating {
  switch (source.kind) {
    case "reference":
      return { ...rating, reason: `${rating.reason}; ${POLARITY_FROM_REFERENCE}` };
    case "clue":
      return { ...rating, reason: `${rating.reason}; ${source.reason}` };
    case "assumed":
      return rating.status !== "Grey" ? { ...rating, reason: `${rating.reason}; ${POLARITY_ASSUMED}` } : rating;
    default:
      return rating;
  }
}

/**
 * A target of 0 with a figure of 0 or more is for information: Grey, never Green (docs/methods.md#information-only).
 * @example informationOnly({ status: "Green", reason: "Met", preset: "tolerance", target: { value: 0 }, actual: { value: 3 } }).status // => "Grey"
 */
export function informationOnly(rating: Rating): Rating {
  if (!rating.target || !isInformationOnly(undefined, rating.target.value, rating.actual?.value)) return rating;
  return { ...rating, status: "Grey", preset: null, reason: messages.informationOnly(rating.actual?.value ?? "blank") };
}
