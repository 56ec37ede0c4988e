/**
 * Every message the calculation core gives a person, in one place (ARCHITECTURE.md guideline 3),
 * in UK English and the users' words.
 */

/** Shows a number the way a reason or message quotes it: up to 4 significant decimals, no float noise. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded.toLocaleString("en-GB", { maximumFractionDigits: 4, useGrouping: false });
}

function quote(raw: unknown): string {
  return typeof raw === "string" ? `"${raw}"` : String(raw);
}

export const messages = {
  polarityNotText: (raw: unknown) =>
    `Polarity ${quote(raw)} is not a word: use higher, lower or none (or blank for higher)`,
  unknownPolarity: (raw: unknown) =>
    `Unknown polarity ${quote(raw)}: use higher, lower or none (also "higher is better", "low is good", "data only")`,
  noActual: "No actual value",
  noTarget: "No target value",
  notANumber: (what: string, raw: unknown) => `${what} ${quote(raw)} is not a number`,
  noShortfallWithoutPolarity: "Polarity none has no shortfall: the indicator is data only",
  gapPctZeroTarget: "The gap as a percentage of target divides by zero: the target is 0",
  unknownGapMode: (raw: unknown) => `Mode ${quote(raw)} is not known: use "abs" or "pct"`,
} as const;
