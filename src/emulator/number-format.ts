/**
 * Range.text: a value shown through its number format, for the formats the add-in writes
 * (General, 0, 0.0.., #,##0.., percentages, @ text, and d/m/y dates).
 * Source for the meaning of the codes: https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68
 * Written here because no number-format library is installed (ssf/numfmt are not in node_modules);
 * formats outside this list fall back to General, which tests can detect.
 */
import { dateOfSerial } from "./date-serial";
import type { Scalar } from "./model";

/**
 * Formats a number as Excel's General format does: up to 11 significant characters, no grouping.
 * @example formatGeneral(0.1 + 0.2) // => "0.3"
 * @example formatGeneral(1234567.891) // => "1234567.891"
 */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, "E").replace("E+", "E+").replace(/e/, "E");
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, 10 - intDigits);
  return String(Number(n.toFixed(decimals)));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An Excel date serial (1900 system) to a UTC date (date-serial.ts). */
export const serialToDate = dateOfSerial;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, code: string): string {
  const d = serialToDate(serial);
  return code.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss/gi, (tok) => {
    const t = tok.toLowerCase();
    switch (t) {
      case "yyyy": return String(d.getUTCFullYear());
      case "yy": return pad(d.getUTCFullYear() % 100, 2);
      case "mmmm": return d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
      case "mmm": return MONTHS[d.getUTCMonth()];
      case "mm": return pad(d.getUTCMonth() + 1, 2);
      case "m": return String(d.getUTCMonth() + 1);
      case "dd": return pad(d.getUTCDate(), 2);
      case "d": return String(d.getUTCDate());
      case "hh": return pad(d.getUTCHours(), 2);
      case "h": return String(d.getUTCHours());
      case "ss": return pad(d.getUTCSeconds(), 2);
      default: return tok;
    }
  });
}

function formatFixed(n: number, decimals: number, grouping: boolean): string {
  const s = Math.abs(n).toFixed(decimals);
  const [int, frac] = s.split(".");
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  const sign = n < 0 && Number(s) !== 0 ? "-" : "";
  return sign + grouped + (frac ? "." + frac : "");
}

/**
 * Decimals as a format's placeholders ask: each "0" always shows a digit, each "#" only a significant
 * one ("# displays only significant digits and does not display insignificant zeros", Number format
 * codes, Microsoft support). A format with a point keeps it even when no decimal is left ("0.##" shows
 * 1 as "1.").
 */
function formatDecimals(n: number, zeros: string, hashes: string, grouping: boolean, point: boolean): string {
  const s = formatFixed(n, zeros.length + hashes.length, grouping);
  if (hashes.length === 0) return s;
  const [int, frac = ""] = s.split(".");
  let kept = frac;
  while (kept.length > zeros.length && kept.endsWith("0")) kept = kept.slice(0, -1);
  return kept === "" ? (point ? `${int}.` : int) : `${int}.${kept}`;
}

/**
 * The text Excel shows for a value under a number format.
 * @example formatValue(0.256, "0.0%") // => "25.6%"
 * @example formatValue(1234.5, "#,##0.00") // => "1,234.50"
 * @example formatValue(-8.8931505, "#,##0.0##") // => "-8.893"
 * @example formatValue(45000, "dd/mm/yyyy") // => "15/03/2023"
 */
export function formatValue(value: Scalar, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const code = (numberFormat ?? "General").split(";")[value < 0 ? 1 : 0] ?? numberFormat ?? "General";
  const fmt = code.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, (q) => q).trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return formatGeneral(value);
  const pct = /^(#,##)?0(\.(0*)(#*))?%$/.exec(fmt);
  if (pct) return formatDecimals(value * 100, pct[3] ?? "", pct[4] ?? "", !!pct[1], pct[2] !== undefined) + "%";
  const num = /^(#,##)?0(\.(0*)(#*))?$/.exec(fmt);
  if (num) return formatDecimals(value, num[3] ?? "", num[4] ?? "", !!num[1], num[2] !== undefined);
  if (/[dmy]/i.test(fmt) && !/[0#]/.test(fmt)) return formatDate(value, fmt);
  return formatGeneral(value);
}
