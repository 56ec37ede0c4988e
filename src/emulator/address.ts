/**
 * A1 addresses as Excel writes and reads them: column letters, sheet-qualified references
 * ("'My Sheet'!A1:B2"), whole columns ("A:C") and whole rows ("2:5").
 * Source: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get
 * ("Get a range using an address" takes "A1:B2", whole columns and rows, and Sheet!A1 forms) and
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member
 * (Range.address is "Sheet1!A1:B4", sheet-qualified).
 * Written here rather than taken from a library: the rules are small and the emulator must stay
 * free of dependencies so it can run in a browser bundle.
 */
import { EmulatorError } from "./errors";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). Source: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3 */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** A parsed address: the rectangle and the sheet it names, if any. */
export interface ParsedAddress extends CellRect {
  readonly sheet?: string;
  /** "columns" for A:C, "rows" for 2:5, "cells" otherwise (keeps A:A printing as A:A). */
  readonly kind: "cells" | "columns" | "rows";
}

/**
 * Column letters to a 0-based index.
 * @example columnIndex("A") // => 0
 * @example columnIndex("AA") // => 26
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    const v = c >= 97 ? c - 96 : c - 64;
    if (v < 1 || v > 26) throw new EmulatorError("InvalidArgument", `columnIndex: "${letters}" is not a column`);
    n = n * 26 + v;
  }
  return n - 1;
}

/**
 * A 0-based column index to letters.
 * @example columnLetters(0) // => "A"
 * @example columnLetters(16383) // => "XFD"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Quotes a sheet name for an address when Excel would: anything but letters, digits, dots and
 * underscores, or a name that starts with a digit or looks like a cell.
 * @example quoteSheetName("Data") // => "Data"
 * @example quoteSheetName("My data") // => "'My data'"
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R(\d*)C(\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]+)$/;

function splitSheet(address: string): { sheet?: string; ref: string } {
  const trimmed = address.trim();
  if (trimmed.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < trimmed.length) {
      if (trimmed[i] === "'") {
        if (trimmed[i + 1] === "'") { name += "'"; i += 2; continue; }
        break;
      }
      name += trimmed[i++];
    }
    if (trimmed[i + 1] !== "!") throw new EmulatorError("InvalidArgument", `The address "${address}" is not valid.`);
    return { sheet: name, ref: trimmed.slice(i + 2) };
  }
  const bang = trimmed.lastIndexOf("!");
  if (bang >= 0) return { sheet: trimmed.slice(0, bang), ref: trimmed.slice(bang + 1) };
  return { ref: trimmed };
}

/**
 * Parses an A1 address: "B3", "A1:C10", "Sheet1!A1:B2", "'My sheet'!A:A", "3:5", "$A$1".
 * Throws InvalidArgument (Excel's code for a bad address) when it is not one.
 * @example parseAddress("B2:C4") // => { row: 1, col: 1, rowCount: 3, colCount: 2, kind: "cells" }
 */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, ref } = splitSheet(address);
  const parts = ref.split(":");
  if (parts.length > 2 || parts[0] === "") throw new EmulatorError("InvalidArgument", `The address "${address}" is not valid.`);
  const [a, b = parts[0]] = parts;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1, r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m1[1].toUpperCase()), c2 = columnIndex(m2[1].toUpperCase());
    return checked(address, sheet, Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1, "cells");
  }
  m1 = parts.length === 2 ? COL.exec(a) : null;
  m2 = parts.length === 2 ? COL.exec(b) : null;
  if (m1 && m2) {
    const c1 = columnIndex(m1[1].toUpperCase()), c2 = columnIndex(m2[1].toUpperCase());
    return checked(address, sheet, 0, Math.min(c1, c2), MAX_ROWS, Math.abs(c2 - c1) + 1, "columns");
  }
  m1 = parts.length === 2 ? ROW.exec(a) : null;
  m2 = parts.length === 2 ? ROW.exec(b) : null;
  if (m1 && m2) {
    const r1 = Number(m1[1]) - 1, r2 = Number(m2[1]) - 1;
    return checked(address, sheet, Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS, "rows");
  }
  throw new EmulatorError("InvalidArgument", `The address "${address}" is not valid.`);
}

function checked(address: string, sheet: string | undefined, row: number, col: number, rowCount: number, colCount: number, kind: ParsedAddress["kind"]): ParsedAddress {
  if (row < 0 || col < 0 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLUMNS) {
    throw new EmulatorError("InvalidArgument", `The address "${address}" is outside the worksheet.`);
  }
  return sheet === undefined ? { row, col, rowCount, colCount, kind } : { sheet, row, col, rowCount, colCount, kind };
}

/**
 * Writes a rectangle as Excel's Range.address does: "A1", "A1:C3", "A:C" for whole columns, "2:4"
 * for whole rows, sheet-qualified when a sheet is given.
 * @example formatAddress({ row: 0, col: 0, rowCount: 2, colCount: 3 }, "Data") // => "Data!A1:C2"
 */
export function formatAddress(rect: CellRect, sheet?: string, absolute = false): string {
  const d = absolute ? "$" : "";
  let ref: string;
  if (rect.rowCount === MAX_ROWS && rect.row === 0) {
    ref = `${d}${columnLetters(rect.col)}:${d}${columnLetters(rect.col + rect.colCount - 1)}`;
  } else if (rect.colCount === MAX_COLUMNS && rect.col === 0) {
    ref = `${d}${rect.row + 1}:${d}${rect.row + rect.rowCount}`;
  } else {
    const first = `${d}${columnLetters(rect.col)}${d}${rect.row + 1}`;
    ref = rect.rowCount === 1 && rect.colCount === 1 ? first : `${first}:${d}${columnLetters(rect.col + rect.colCount - 1)}${d}${rect.row + rect.rowCount}`;
  }
  return sheet === undefined ? ref : `${quoteSheetName(sheet)}!${ref}`;
}

/** The overlap of two rectangles, or null. */
export function intersect(a: CellRect, b: CellRect): CellRect | null {
  const row = Math.max(a.row, b.row), col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount), colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
  return rowEnd > row && colEnd > col ? { row, col, rowCount: rowEnd - row, colCount: colEnd - col } : null;
}
