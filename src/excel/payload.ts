/**
 * Staying inside Excel's limits (docs/architecture.md): Excel on the web rejects a request or response
 * over 5 MB, and any read of more than 5 million cells
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The add-in plans its reads and writes in row blocks under a 4 MB budget, so the number of round
 * trips grows with the data's size divided by the budget, never with the row count.
 */

/** The budget per request or response: 4 MB, leaving room under Excel on the web's 5 MB limit. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** Excel's limit on cells in one read. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** JSON size in bytes of a block of cell values, as it travels in a request or response. */
export function estimateBytes(values: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of values) {
    bytes += 3;
    for (const v of row) {
      if (typeof v === "string") bytes += v.length * (/[^\x00-\x7f]/.test(v) ? 3 : 1) + 3;
      else if (typeof v === "number") bytes += String(v).length + 1;
      else if (typeof v === "boolean") bytes += 6;
      else bytes += 5;
    }
  }
  return bytes;
}

/**
 * Splits rows into consecutive blocks whose estimated size stays under the budget (at least one row
 * per block), given the average bytes per row.
 * @example rowBlocks(10_000, 200, 1_000_000) // => [[0, 5000], [5000, 5000]]
 */
export function rowBlocks(rowCount: number, bytesPerRow: number, budget = PAYLOAD_BUDGET_BYTES, cellsPerRow = 1): [start: number, count: number][] {
  const byBytes = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const byCells = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, cellsPerRow)));
  const size = Math.min(byBytes, byCells);
  const blocks: [number, number][] = [];
  for (let start = 0; start < rowCount; start += size) blocks.push([start, Math.min(size, rowCount - start)]);
  return blocks;
}
