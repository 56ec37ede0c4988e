/**
 * Sheet-qualified A1 references as chart series formulas hold them (c:f), e.g. 'Status summary'!$B$4:$B$7.
 */
import { chartMessages } from "./messages";

/** A parsed reference: the sheet and a rectangle of cells, 1-based, top-left to bottom-right. */
export interface SheetRange {
  readonly sheet: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  /** The reference as the chart writes it: sheet quoted when needed (or when given quoted), cells absolute. */
  readonly formula: string;
}

/**
 * Whether Excel needs a sheet name quoted in a formula: anything but ASCII letters, digits, "_" and ".",
 * a leading digit, or a name that reads as a cell address (A1 or R1C1 style). Quoting a name that
 * does not need it is harmless, so when in doubt this says yes.
 * @example sheetNeedsQuotes("Scorecard") // false
 * @example sheetNeedsQuotes("Status summary") // true
 */
export function sheetNeedsQuotes(sheet: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(sheet)) return true;
  return /^[RrCc]\d*([RrCc]\d*)?$/.test(sheet);
}

/**
 * Writes a sheet name as a formula prefix: quoted with apostrophes doubled when needed.
 * @example quoteSheet("Officers' notes") // "'Officers'' notes'"
 */
export function quoteSheet(sheet: string, forceQuotes = false): string {
  return forceQuotes || sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/**
 * Column letters to a 1-based number.
 * @example columnNumber("AB") // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A 1-based column number to letters.
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d+)`;
const REF = new RegExp(String.raw`^=?(?:'((?:[^']|'')+)'|([^'!:]+))!${CELL}(?::${CELL})?$`);

/**
 * Parses a sheet-qualified reference to one cell or a rectangle, and gives the form a chart formula
 * uses: cells made absolute (a series always refers to fixed cells), the sheet quoted when Excel
 * needs it or when the caller quoted it. Throws on anything else (programmer misuse).
 * @example parseSheetRange("'Scorecard'!B5:B8").formula // "'Scorecard'!$B$5:$B$8"
 * @example parseSheetRange("Trend!$A$2:$A$5").lastRow // 5
 */
export function parseSheetRange(ref: string): SheetRange {
  const m = REF.exec(ref.trim());
  if (!m) throw new Error(chartMessages.badReference(ref));
  const quoted = m[1] !== undefined;
  const sheet = quoted ? m[1].replace(/''/g, "'") : m[2].trim();
  const c1 = columnNumber(m[3]);
  const r1 = Number(m[4]);
  const c2 = m[5] ? columnNumber(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) : r1;
  if (r1 < 1 || r2 < 1 || c1 > 16384 || c2 > 16384 || r1 > 1048576 || r2 > 1048576) {
    throw new Error(chartMessages.badReference(ref));
  }
  const firstCol = Math.min(c1, c2);
  const lastCol = Math.max(c1, c2);
  const firstRow = Math.min(r1, r2);
  const lastRow = Math.max(r1, r2);
  const abs = (c: number, r: number) => `$${columnLetters(c)}$${r}`;
  const cells = m[5] ? `${abs(firstCol, firstRow)}:${abs(lastCol, lastRow)}` : abs(c1, r1);
  return { sheet, firstRow, firstCol, lastRow, lastCol, formula: `${quoteSheet(sheet, quoted)}!${cells}` };
}

/**
 * The cells of a one-row or one-column range in reading order, as [row, col] pairs; null for a
 * two-dimensional rectangle (multi-level categories), whose values the writer does not cache.
 * @example rangeCells(parseSheetRange("S!$B$2:$B$4")) // [[2, 2], [3, 2], [4, 2]]
 */
export function rangeCells(range: SheetRange): Array<[number, number]> | null {
  if (range.firstRow !== range.lastRow && range.firstCol !== range.lastCol) return null;
  const cells: Array<[number, number]> = [];
  for (let r = range.firstRow; r <= range.lastRow; r += 1) {
    for (let c = range.firstCol; c <= range.lastCol; c += 1) cells.push([r, c]);
  }
  return cells;
}
