/**
 * Range.text: a value shown through its number format, for the formats the add-in writes
 * (General, 0, 0.0.., #,##0.., percentages, @ text, and d/m/y dates).
 * Source for the meaning of the codes: https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68
 * Written here because no number-format library is installed (ssf/numfmt are not in node_modules);
 * formats outside this list fall back to General, which tests can detect.
 */
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

/** An Excel date serial (1900 system) to a UTC date. Serial 25569 is 1 Jan 1970. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

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
 * The text Excel shows for a value under a number format.
 * @example formatValue(0.256, "0.0%") // => "25.6%"
 * @example formatValue(1234.5, "#,##0.00") // => "1,234.50"
 * @example formatValue(45000, "dd/mm/yyyy") // => "15/03/2023"
 */
export function formatValue(value: Scalar, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const code = (numberFormat ?? "General").split(";")[value < 0 ? 1 : 0] ?? numberFormat ?? "General";
  const fmt = code.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, (q) => q).trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return formatGeneral(value);
  const pct = /^(#,##)?0(\.0+)?%$/.exec(fmt);
  if (pct) return formatFixed(value * 100, pct[2] ? pct[2].length - 1 : 0, !!pct[1]) + "%";
  const num = /^(#,##)?0(\.0+)?$/.exec(fmt);
  if (num) return formatFixed(value, num[2] ? num[2].length - 1 : 0, !!num[1]);
  if (/[dmy]/i.test(fmt) && !/[0#]/.test(fmt)) return formatDate(value, fmt);
  return formatGeneral(value);
}
