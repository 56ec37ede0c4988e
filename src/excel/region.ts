/**
 * Finding the block of cells an analyst means, from values already read (pure).
 * Excel's JavaScript API only gained Range.getSurroundingRegion in ExcelApi 1.15, newer than the
 * add-in requires, so the current region is computed here from the used range's values, the way
 * Excel's Ctrl+Shift+* does: grow the rectangle while any cell just outside it (including the
 * diagonals) holds something.
 */

/** A rectangle of cells, 0-based and inclusive, relative to the values it was found in. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** True when a cell holds nothing (null, undefined or text of spaces only). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function filled(values: readonly (readonly unknown[])[], r: number, c: number): boolean {
  return r >= 0 && r < values.length && c >= 0 && c < (values[r]?.length ?? 0) && !isBlank(values[r][c]);
}

/**
 * The current region around a cell: the smallest rectangle containing the cell, bounded on every
 * side by blank rows and columns (or the edge of the values).
 * @example currentRegion([["a", "b", null], [1, 2, null], [null, null, "x"]], 0, 0) // => top 0, left 0, bottom 2, right 2 (the diagonal joins "x")
 */
export function currentRegion(values: readonly (readonly unknown[])[], row: number, col: number): CellBox {
  let top = row, left = col, bottom = row, right = col;
  let grew = true;
  // Each side grows as far as it can before the others are looked at again, so a long table costs
  // one pass down its rows rather than one pass per row.
  while (grew) {
    grew = false;
    while (bottom < values.length - 1 && rangeHasValue(values, bottom + 1, left - 1, bottom + 1, right + 1)) { bottom++; grew = true; }
    while (top > 0 && rangeHasValue(values, top - 1, left - 1, top - 1, right + 1)) { top--; grew = true; }
    while (rangeHasValue(values, top - 1, right + 1, bottom + 1, right + 1)) { right++; grew = true; }
    while (left > 0 && rangeHasValue(values, top - 1, left - 1, bottom + 1, left - 1)) { left--; grew = true; }
  }
  return { top, left, bottom, right };
}

function rangeHasValue(values: readonly (readonly unknown[])[], r0: number, c0: number, r1: number, c1: number): boolean {
  for (let r = Math.max(0, r0); r <= Math.min(values.length - 1, r1); r++) {
    for (let c = Math.max(0, c0); c <= c1; c++) {
      if (filled(values, r, c)) return true;
    }
  }
  return false;
}
