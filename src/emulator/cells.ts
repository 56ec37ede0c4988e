/**
 * Reading and writing cells as Range.values / formulas / numberFormat / text / valueTypes do.
 * Sources:
 * - Range.values: "Cells that contain an error will return the error string. If the returned value
 *   starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * - null inside a 2-D array leaves that cell unchanged; "" clears it:
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts#null-or-blank-property-values
 * - A single value (not an array) applies to every cell: Range.numberFormat reference,
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
 * - Blank cells read as "" with value type "Empty"; number format "General".
 */
import type { CellRect } from "./address";
import { EmulatorError } from "./errors";
import { formatValue } from "./number-format";
import type { CellModel, Scalar, SheetModel } from "./model";

/** Excel's error values. Source: https://support.microsoft.com/office/how-to-correct-a-name-error-b6d54e31-a743-4d7d-9b61-40002a7b4286 and siblings. */
export const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!"]);

export type CellProperty = "values" | "formulas" | "text" | "numberFormat" | "valueTypes";

/** The value Excel reports for one cell under each cell property. */
export function readCell(cell: CellModel | undefined, prop: CellProperty): Scalar {
  switch (prop) {
    case "values":
      return cell === undefined || cell.value === null ? "" : cell.value;
    case "formulas":
      if (cell === undefined) return "";
      if (cell.formula !== undefined) return cell.formula;
      return cell.value === null ? "" : cell.value;
    case "text":
      return cell === undefined ? "" : cell.error ? String(cell.value) : formatValue(cell.value, cell.numberFormat);
    case "numberFormat":
      return cell?.numberFormat ?? "General";
    case "valueTypes":
      if (cell === undefined || cell.value === null) return "Empty";
      if (cell.error) return "Error";
      return typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String";
  }
}

/** A 2-D array of one cell property over a rectangle. Blank rows are filled quickly. */
export function readGrid(sheet: SheetModel, rect: CellRect, prop: CellProperty): Scalar[][] {
  const out: Scalar[][] = new Array(rect.rowCount);
  const blank = readCell(undefined, prop);
  for (let i = 0; i < rect.rowCount; i++) {
    const row = sheet.rows[rect.row + i];
    const line: Scalar[] = new Array(rect.colCount);
    if (row === undefined) {
      line.fill(blank);
    } else {
      for (let j = 0; j < rect.colCount; j++) line[j] = readCell(row[rect.col + j], prop);
    }
    out[i] = line;
  }
  return out;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * Writes one input value into a cell the way typing it into Excel does (Range.values).
 * Returns false when the input is null (cell left unchanged).
 */
export function writeValue(sheet: SheetModel, row: number, col: number, input: unknown, asFormula: boolean): boolean {
  if (input === null || input === undefined) return false;
  if (input === "") {
    const cell = sheet.cell(row, col);
    if (cell) { cell.value = null; delete cell.formula; delete cell.error; }
    return true;
  }
  const cell = sheet.ensureCell(row, col);
  delete cell.formula;
  delete cell.error;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new EmulatorError("InvalidArgument", `${input} is not a number Excel can store`);
    cell.value = input;
    return true;
  }
  if (typeof input === "boolean") { cell.value = input; return true; }
  if (typeof input !== "string") throw new EmulatorError("InvalidArgument", `A cell cannot hold ${typeof input} values`);
  if (cell.numberFormat === "@") { cell.value = input; return true; }
  if (input.startsWith("'")) { cell.value = input.slice(1); return true; }
  if (input.startsWith("=") || (!asFormula && (input.startsWith("+") || input.startsWith("-")) && !NUMBER.test(input) && input.length > 1)) {
    cell.formula = input.startsWith("=") ? input : "=" + input;
    cell.value = null;
    return true;
  }
  if (NUMBER.test(input)) { cell.value = Number(input); return true; }
  if (PERCENT.test(input)) {
    cell.value = Number(input.slice(0, -1)) / 100;
    if (cell.numberFormat === undefined) cell.numberFormat = "0%";
    return true;
  }
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") { cell.value = upper === "TRUE"; return true; }
  if (ERROR_VALUES.has(upper)) { cell.value = upper; cell.error = true; return true; }
  cell.value = input;
  return true;
}

/**
 * Applies a grid (or one value for every cell) to a rectangle. Throws InvalidArgument when a 2-D
 * array does not match the range's shape, as Excel does. Returns the number of cells written.
 */
export function writeGrid(rect: CellRect, input: unknown, apply: (row: number, col: number, v: unknown) => boolean, what: string): number {
  let written = 0;
  if (!Array.isArray(input)) {
    for (let i = 0; i < rect.rowCount; i++) for (let j = 0; j < rect.colCount; j++) if (apply(rect.row + i, rect.col + j, input)) written++;
    return written;
  }
  if (input.length !== rect.rowCount || input.some((r) => !Array.isArray(r) || r.length !== rect.colCount)) {
    const cols = Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?";
    throw new EmulatorError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range: ${what} is ${input.length}x${cols} but the range is ${rect.rowCount}x${rect.colCount}`);
  }
  for (let i = 0; i < rect.rowCount; i++) {
    const line = input[i] as unknown[];
    for (let j = 0; j < rect.colCount; j++) if (apply(rect.row + i, rect.col + j, line[j])) written++;
  }
  return written;
}
