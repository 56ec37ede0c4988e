/**
 * Staying inside Excel's limits (docs/architecture.md): Excel on the web rejects a request or response
 * over 5 MB, and any read of more than 5 million cells
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The add-in plans its reads and writes in row blocks under a budget just below 5 MB, so the number of
 * round trips grows with the data's size divided by the budget, never with the row count.
 */

/**
 * The budget per request or response: 4.75 MB (4,980,736 bytes), under Excel on the web's 5 MB limit
 * whether a megabyte is read as 2^20 or 10^6 bytes. Writes are measured exactly (the JSON of what
 * is sent), so only the few hundred bytes of each request's envelope need the room left; reads are
 * estimated from the rows already read and sized with READ_HEADROOM besides.
 */
export const PAYLOAD_BUDGET_BYTES = 4.75 * 1024 * 1024;
/** Excel's limit on cells in one read. */
export const MAX_CELLS_PER_READ = 5_000_000;
/**
 * A read block is sized for the budget divided by this: the rows still to come may weigh more than
 * the average of those read so far (a response over 5 MB fails the whole sync).
 */
export const READ_HEADROOM = 1.25;
/**
 * Bytes a row is assumed to weigh before any row is read (about twenty cells of short text and
 * numbers): the first round trip reads the budget's worth of rows at this weight, so that the rows a
 * later sync writes are already read. A table whose first rows weigh more than about 5 MB in all makes
 * that round trip fail; it is then made again with only a sample of rows (rate-rag.ts).
 */
export const FIRST_BLOCK_ROW_BYTES = 300;

/** JSON size in bytes of a block of cell values, as it travels in a request or response. */
export function estimateBytes(values: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of values) bytes += rowBytes(row);
  return bytes;
}

/** JSON size in bytes of one row of cell values, with its brackets and the comma after it. */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 3;
  for (const v of row) {
    if (typeof v === "string") bytes += v.length * (/[^\x00-\x7f]/.test(v) ? 3 : 1) + 3;
    else if (typeof v === "number") bytes += String(v).length + 1;
    else if (typeof v === "boolean") bytes += 6;
    else bytes += 5;
  }
  return bytes;
}

/**
 * Bytes of a JSON text in UTF-8, as it travels: characters beyond ASCII take two or three bytes
 * (four for a surrogate pair, counted here as two characters of two bytes each).
 * @example utf8Bytes('["£1"]') // => 7
 */
export function utf8Bytes(json: string): number {
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c > 0x7f) bytes += c > 0x7ff && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * Splits rows into consecutive blocks whose estimated size stays under the budget (at least one row
 * per block), given the average bytes per row.
 * @example rowBlocks(10_000, 200, 1_000_000) // => [[0, 5000], [5000, 5000]]
 */
export function rowBlocks(rowCount: number, bytesPerRow: number, budget = PAYLOAD_BUDGET_BYTES, cellsPerRow = 1): [start: number, count: number][] {
  const size = blockRows(bytesPerRow, budget, cellsPerRow);
  const blocks: [number, number][] = [];
  for (let start = 0; start < rowCount; start += size) blocks.push([start, Math.min(size, rowCount - start)]);
  return blocks;
}

/**
 * Rows per read block: as many as the budget holds at `bytesPerRow`, and no more than Excel's cell
 * limit allows (at least one).
 * @example blockRows(200, 1_000_000) // => 5000
 */
export function blockRows(bytesPerRow: number, budget = PAYLOAD_BUDGET_BYTES, cellsPerRow = 1): number {
  const byBytes = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const byCells = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, cellsPerRow)));
  return Math.min(byBytes, byCells);
}
