/**
 * Column letters for the column mapping: "column 0 of a source starting at C3" is column C.
 * 1-based wrappers over the one A1 module (src/core/a1.ts, 0-based).
 */
import { columnIndex, columnLetters as zeroBasedColumnLetters } from "../../core/a1";

/**
 * The 1-based column number of A1 column letters.
 *
 * @example
 * columnNumber("A") // => 1
 * columnNumber("AA") // => 27
 */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/**
 * A1 column letters of a 1-based column number.
 *
 * @example
 * columnLetters(28) // => "AB"
 */
export function columnLetters(column: number): string {
  return column > 0 ? zeroBasedColumnLetters(column - 1) : "";
}

/**
 * The letters of the column at a 0-based offset inside a source range such as "C3:P40";
 * null when the address does not start with a column letter (e.g. a whole-row reference).
 *
 * @example
 * columnInSource("C3:P40", 2) // => "E"
 */
export function columnInSource(address: string, offset: number): string | null {
  const match = /^\$?([A-Za-z]{1,3})/.exec(address);
  return match ? columnLetters(columnNumber(match[1]) + offset) : null;
}
