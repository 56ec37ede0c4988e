/**
 * Messages the worksheet functions add to the core's (docs/methods.md#functions), in one place
 * (docs/architecture.md), in UK English and the users' words. Each names the argument, as a
 * person sees it in Excel's formula tooltip.
 */

function quote(raw: unknown): string {
  return typeof raw === "string" ? `"${raw}"` : String(raw);
}

/** The messages, by what went wrong; e.g. `functionMessages.missing("actual", "blank cell")` is "No actual (blank cell)". */
export const functionMessages = {
  /** Missing data in a required argument, e.g. "No actual (blank cell)". */
  missing: (name: string, reason: string) => `No ${name} (${reason})`,
  /** An error value where a word was expected. */
  errorInWord: (name: string, code: string) => `No ${name} (cell shows ${code})`,
  /** Ranges of different shapes. */
  shapeMismatch: (first: string, rows: number, cols: number, second: string, r: number, c: number) =>
    `${first} is ${rows}x${cols} but ${second} is ${r}x${c}: ranges must be the same shape, or a single cell`,
  /** A range with no cells (only possible from code, not from a worksheet). */
  emptyRange: (name: string) => `${name} is an empty range`,
  /** A setting that must be 0 or more (tolerance, blue margin, thresholds). */
  notNonNegative: (name: string, raw: unknown) => `${name} ${quote(raw)} must be a number of 0 or more (0.05 or 5% means 5%)`,
  /** A cell in a list argument that is not a number, with its position (1 = first cell, row by row). */
  listItem: (name: string, position: number, message: string) => `${name}, cell ${position}: ${message}`,
  /** A period or number that cannot be read on a time axis. */
  notAPeriod: (name: string, message: string) => `${name}: ${message}`,
} as const;
