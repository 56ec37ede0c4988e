/**
 * A1 addresses for the Excel layer: the add-in builds addresses of the cells it reads, writes and
 * reports ("Sheet1!D7"). Excel returns sheet-qualified addresses from Range.address
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member).
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

/** A rectangle (0-based, inclusive) as "B3:H40", or "B3" for one cell. */
export function boxAddress(top: number, left: number, bottom: number, right: number): string {
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

/**
 * Parses "Sheet1!B3:H40", "'My sheet'!A1" or "B3" (the forms Range.address returns).
 * @example parseAddress("'Anycity LAA'!B3:H40") // => { sheet: "Anycity LAA", top: 2, left: 1, bottom: 39, right: 7 }
 */
export function parseAddress(address: string): A1Box {
  let sheet: string | undefined;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const [a, b = a] = ref.split(":");
  const ma = CELL.exec(a);
  const mb = CELL.exec(b);
  if (!ma || !mb) throw new Error(`parseAddress: "${address}" is not an A1 cell or rectangle`);
  const r0 = Number(ma[2]) - 1, c0 = columnIndex(ma[1]), r1 = Number(mb[2]) - 1, c1 = columnIndex(mb[1]);
  return { sheet, top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) };
}
