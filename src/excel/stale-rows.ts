/**
 * How many rows of an earlier run's outputs below today's rows the add-in may clear. The output
 * record in the workbook's settings says how many rows were written, but a record can be stale (the
 * table is shorter now and the user has typed below it) or forged (1,048,000 rows): the record alone
 * proves nothing. A row is cleared only when the cells themselves still show the add-in wrote them:
 * its Status cell begins with a status word, or all its output cells are empty (clearing an empty
 * row loses nothing). The first row that fails stops the clearing, so a user's cell below the table
 * and everything after it survive. Pure: no Office.
 */
import { STATUSES } from "../core/rules/types";

/**
 * @param newRows data rows written today
 * @param recordRows data rows the record says an earlier run wrote
 * @param lastUsedRow 0-based data-row index of the last row inside the sheet's used range (rows past it are empty)
 * @param cellAt output cell (data row index, output column index) as read, null when empty or not read
 * @returns the number of data rows from `newRows` on that may be cleared
 * @example staleRowsToClear(3, 5, 4, (r, c) => (c === 0 ? "Red" : "x")) // => 2
 */
export function staleRowsToClear(newRows: number, recordRows: number, lastUsedRow: number, width: number, cellAt: (row: number, col: number) => unknown): number {
  const end = Math.min(recordRows, lastUsedRow + 1);
  let row = newRows;
  for (; row < end; row++) {
    const status = cellAt(row, 0);
    const isOurs = typeof status === "string" && STATUSES.some((s) => status.startsWith(s));
    let empty = true;
    for (let c = 0; c < width && empty; c++) empty = cellAt(row, c) === null || cellAt(row, c) === "";
    if (!isOurs && !empty) break;
  }
  return Math.max(0, row - newRows);
}
