/**
 * A1 addresses, the one module every layer uses: the add-in builds addresses of the cells it reads,
 * writes and reports ("Sheet1!D7", "'NIs, 2008 (final)'!B3:H40"). Excel returns sheet-qualified
 * addresses from Range.address
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member);
 * a multi-area address (RangeAreas.address, visible cells) joins areas with commas, so a sheet name
 * holding a comma is only told apart by its quotes. A range that spans every column of the sheet
 * comes back as whole rows ("'Q3 data'!1:20", as the used range of a sheet with a value in column
 * XFD does) and one that spans every row as whole columns ("A:C"); "Get a range using an address"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get) takes both forms.
 * Pure: the emulator keeps its own copy
 * (src/emulator/address.ts, import-free), and test/unit/a1-agreement.test.ts checks the two agree.
 */

/**
 * A 0-based column index as letters.
 * @example columnLetters(0) // => "A"
 * @example columnLetters(27) // => "AB"
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

/** Letters to a 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell (0-based row and column) as "D7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD).
 * Source: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 */
export const SHEET_ROWS = 1048576;
export const SHEET_COLUMNS = 16384;

/**
 * A rectangle (0-based, inclusive) as Range.address writes it: "B3:H40", "B3" for one cell, "1:20"
 * when it spans every column, "A:C" when it spans every row.
 * @example boxAddress(2, 1, 39, 7) // => "B3:H40"
 * @example boxAddress(0, 0, 19, 16383) // => "1:20"
 * @example boxAddress(0, 0, 1048575, 2) // => "A:C"
 */
export function boxAddress(top: number, left: number, bottom: number, right: number): string {
  if (top === 0 && bottom === SHEET_ROWS - 1) return `${columnLetters(left)}:${columnLetters(right)}`;
  if (left === 0 && right === SHEET_COLUMNS - 1) return `${top + 1}:${bottom + 1}`;
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}

/**
 * Quotes a sheet name for an address when Excel would: anything but letters, digits, dots and
 * underscores, or a name that starts with a digit or looks like a cell (A1) or an R1C1 reference.
 * @example quoteSheetName("Data") // => "Data"
 * @example quoteSheetName("My data") // => "'My data'"
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R(\d*)C(\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A sheet-qualified address as Excel writes it: 'Anycity LAA'!A1. */
export function qualify(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/** A parsed A1 rectangle, 0-based and inclusive, with its sheet when the address named one. */
export interface A1Box {
  readonly sheet?: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/**
 * Parses the forms Range.address returns: "Sheet1!B3:H40", "'My sheet'!A1", "B3", whole rows
 * ("'Q3 data'!1:20", every column of those rows) and whole columns ("A:C", every row), into one
 * rectangle.
 * @example parseAddress("'Anycity LAA'!B3:H40") // => { sheet: "Anycity LAA", top: 2, left: 1, bottom: 39, right: 7 }
 * @example parseAddress("'Q3 data'!1:20") // => { sheet: "Q3 data", top: 0, left: 0, bottom: 19, right: 16383 }
 * @example parseAddress("B:C") // => { sheet: undefined, top: 0, left: 1, bottom: 1048575, right: 2 }
 */
export function parseAddress(address: string): A1Box {
  const { sheet, ref } = splitSheet(address);
  const parts = ref.split(":");
  const [a, b = a] = parts;
  let r0: number, c0: number, r1: number, c1: number;
  const ma = CELL.exec(a), mb = CELL.exec(b);
  const ca = COLUMN.exec(a), cb = COLUMN.exec(b);
  const ra = ROW.exec(a), rb = ROW.exec(b);
  if (parts.length <= 2 && ma && mb) {
    [r0, c0, r1, c1] = [Number(ma[2]) - 1, columnIndex(ma[1]), Number(mb[2]) - 1, columnIndex(mb[1])];
  } else if (parts.length === 2 && ca && cb) {
    [r0, c0, r1, c1] = [0, columnIndex(ca[1]), SHEET_ROWS - 1, columnIndex(cb[1])];
  } else if (parts.length === 2 && ra && rb) {
    [r0, c0, r1, c1] = [Number(ra[1]) - 1, 0, Number(rb[1]) - 1, SHEET_COLUMNS - 1];
  } else {
    throw new Error(`parseAddress: "${address}" is not an A1 cell, rectangle, whole row or whole column`);
  }
  if ([r0, r1].some((r) => r < 0 || r >= SHEET_ROWS) || [c0, c1].some((c) => c < 0 || c >= SHEET_COLUMNS)) {
    throw new Error(`parseAddress: "${address}" is outside the worksheet`);
  }
  return { sheet, top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) };
}

/**
 * Splits "'Bob''s data'!A1:B2" into the sheet ("Bob's data") and the reference ("A1:B2"). A quoted
 * name is read to its closing quote (doubled quotes are one quote), so "!", "," and "(" inside it
 * are part of the name.
 * @example splitSheet("'Bob''s data'!A1") // => { sheet: "Bob's data", ref: "A1" }
 */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let name = "";
    for (let i = 1; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") { name += "'"; i++; continue; }
        if (text[i + 1] !== "!") break;
        return { sheet: name, ref: text.slice(i + 2) };
      }
      name += text[i];
    }
    throw new Error(`parseAddress: "${address}" has an unclosed sheet name`);
  }
  const bang = text.lastIndexOf("!");
  return bang >= 0 ? { sheet: text.slice(0, bang), ref: text.slice(bang + 1) } : { ref: text };
}

/**
 * The areas of a multi-area address, split at the commas outside quoted sheet names.
 * @example splitAreas("'NIs, 2008 (final)'!A1:B2,'NIs, 2008 (final)'!A4:B5") // => ["'NIs, 2008 (final)'!A1:B2", "'NIs, 2008 (final)'!A4:B5"]
 */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted; // a doubled quote toggles twice: still inside
    else if (ch === "," && !quoted) {
      areas.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  areas.push(address.slice(start).trim());
  return areas.filter((a) => a !== "");
}
