/**
 * Percentages in the pane, fractions in the workbook: RuleSettings stores a tolerance of 5% as 0.05
 * (src/core/rules/types.ts); people type and read "5".
 */

/**
 * A stored fraction as the percentage text a field shows, without floating-point noise.
 * Formula: round(fraction x 100, 6 decimals).
 *
 * @example
 * percentText(0.07) // => "7"   (0.07 * 100 is 7.000000000000001 in binary floating point)
 * percentText(0.025) // => "2.5"
 */
export function percentText(fraction: number): string {
  return String(Math.round(fraction * 100 * 1e6) / 1e6);
}

/**
 * Reads a percentage a person typed ("5", "5%", " 2.5 ") as a fraction; null when it is not a
 * number from 0 to max.
 *
 * @example
 * parsePercent("7.5", 100) // => 0.075
 * parsePercent("abc", 100) // => null
 */
export function parsePercent(text: string, max: number): number | null {
  const cleaned = text.trim().replace(/%$/, "").trim();
  // Number("") is 0, so blank is rejected explicitly; only plain decimals are accepted.
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value < 0 || value > max) return null;
  return value / 100;
}

/**
 * Reads a whole number from min to max; null otherwise.
 *
 * @example
 * parseWholeNumber("3", 2, 20) // => 3
 * parseWholeNumber("2.5", 2, 20) // => null
 */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const cleaned = text.trim();
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : null;
}
