/**
 * A one-line progress bar on a terminal (stderr, redrawn in place with a carriage return); on
 * anything else (a pipe, a log file, a scheduled job) it prints nothing at all.
 */

/** Where the bar is drawn and whether it is a terminal. */
export interface ProgressTarget {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width in columns (default 80). */
  readonly columns?: number;
}

/** Updates and clears the bar. */
export interface ProgressBar {
  /** Shows file `index` (0-based) of `total` at `fraction` (0..1) through it, with a few words. */
  update(index: number, total: number, fraction: number, words: string): void;
  /** Removes the bar so the summary that follows starts on a clean line. */
  clear(): void;
}

const BAR_WIDTH = 24;

/**
 * The bar's text for a given state (without the carriage return), cut to the terminal's width.
 * @example barLine(0, 2, 0.5, "north.xlsx: Rating", 80) // => "[######                  ]  25% 1/2 north.xlsx: Rating"
 */
export function barLine(index: number, total: number, fraction: number, words: string, columns: number): string {
  const overall = total === 0 ? 1 : Math.min(1, Math.max(0, (index + Math.min(1, Math.max(0, fraction))) / total));
  const filled = Math.round(overall * BAR_WIDTH);
  const line = `[${"#".repeat(filled)}${" ".repeat(BAR_WIDTH - filled)}] ${String(Math.floor(overall * 100)).padStart(3)}% ${index + 1}/${total} ${words}`;
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 2)) + "…" : line;
}

/**
 * A progress bar that draws only when the target is a terminal.
 * @example const bar = progressBar({ write: (t) => process.stderr.write(t), isTTY: !!process.stderr.isTTY });
 */
export function progressBar(target: ProgressTarget): ProgressBar {
  if (!target.isTTY) return { update: () => undefined, clear: () => undefined };
  const columns = target.columns ?? 80;
  let shown = false;
  return {
    update(index, total, fraction, words) {
      target.write(`\r${barLine(index, total, fraction, words, columns)}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) target.write("\r\x1b[K");
      shown = false;
    },
  };
}
