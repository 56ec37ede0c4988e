import { messages } from "./messages";

/**
 * What a raw worksheet cell holds once read as a number (docs/methods.md#polarity):
 * a number, a missing value with the reason it is missing, or text that is not a number.
 */
export type NumberReading =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "missing"; readonly reason: string }
  | { readonly kind: "invalid"; readonly message: string };

/** The not-available markers analysts type in place of a value (compared trimmed, case-insensitive). */
export const NOT_AVAILABLE_MARKERS: readonly string[] = ["n/a", "na", "-", "--", "..", "x", "*", ":", "n.a.", "not available"];

/** Excel's error values as they appear in cell values read through the Excel JavaScript API. */
export const EXCEL_ERROR_VALUES: readonly string[] = [
  "#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
];

const ERROR_SET = new Set(EXCEL_ERROR_VALUES);
const MARKER_SET = new Set(NOT_AVAILABLE_MARKERS);

/**
 * True when the text is one of Excel's error values (`#N/A`, `#DIV/0!` ...).
 * @example isExcelError("#DIV/0!") // => true
 */
export function isExcelError(raw: unknown): boolean {
  return typeof raw === "string" && ERROR_SET.has(raw.trim().toUpperCase());
}

// Numeric text the way Excel's VALUE() reads it in a UK locale: optional sign or accounting
// brackets, an optional currency sign, digits with comma thousands separators, a decimal part,
// an exponent, and an optional trailing percent sign.
const NUMERIC_TEXT = /^([+-])?\(?\s*([£$€])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*\)?\s*(%)?$/;

/**
 * Parses numeric text as Excel's VALUE() would: `"1,234"` is 1234, `" 45 "` is 45, `"12.5%"` is
 * 0.125, `"(5)"` is -5, `"£1,200"` is 1200. Returns undefined for anything else.
 *
 * @example parseNumericText("12.5%") // => 0.125
 * @example parseNumericText("1,234") // => 1234
 * @example parseNumericText("twelve") // => undefined
 */
export function parseNumericText(text: string): number | undefined {
  const trimmed = text.trim();
  const m = NUMERIC_TEXT.exec(trimmed);
  if (!m) return undefined;
  const bracketed = trimmed.includes("(");
  if (bracketed && !(trimmed.startsWith("(") || trimmed.startsWith("-(") || trimmed.startsWith("+(")) ) return undefined;
  if (bracketed !== trimmed.replace(/%$/, "").trim().endsWith(")")) return undefined;
  let value = Number(m[3].replace(/,/g, "") + (m[4] !== undefined ? `e${m[4]}` : ""));
  if (!Number.isFinite(value)) return undefined;
  if (m[1] === "-") value = -value;
  if (bracketed) value = -Math.abs(value);
  if (m[5] === "%") value = value / 100;
  return value;
}

/**
 * Reads a raw cell as a number, the way analysts' workbooks really look: numbers as they
 * are; numeric text as VALUE() reads it; blanks and not-available markers as missing with a reason;
 * Excel error values as missing with the reason "cell shows #N/A"; anything else is invalid.
 *
 * @param raw the cell value (number, string, boolean, null or undefined)
 * @param what how a message names the value, e.g. "Actual"
 * @example readNumber(" 45 ") // => { kind: "number", value: 45 }
 * @example readNumber("n/a") // => { kind: "missing", reason: "cell shows n/a" }
 * @example readNumber("#N/A") // => { kind: "missing", reason: "cell shows #N/A" }
 */
export function readNumber(raw: unknown, what = "Value"): NumberReading {
  if (raw === null || raw === undefined) return { kind: "missing", reason: "blank cell" };
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "invalid", message: messages.notANumber(what, raw) };
  }
  if (typeof raw === "string") {
    const trimmed = raw.trim();
    if (trimmed === "") return { kind: "missing", reason: "blank cell" };
    if (isExcelError(trimmed)) return { kind: "missing", reason: `cell shows ${trimmed.toUpperCase()}` };
    if (MARKER_SET.has(trimmed.toLowerCase())) return { kind: "missing", reason: `cell shows ${trimmed}` };
    const value = parseNumericText(trimmed);
    return value === undefined ? { kind: "invalid", message: messages.notANumber(what, raw) } : { kind: "number", value };
  }
  return { kind: "invalid", message: messages.notANumber(what, raw) };
}
