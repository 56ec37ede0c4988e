/**
 * Why a whole table came out Grey, in one plain sentence with what to add (docs/methods.md#nothing-rated).
 * A status needs something to compare the actual with: a target (the target-based rules), a
 * benchmark (a Benchmark column, or England or another benchmark area's rows of a long table) or a
 * median (the Median comparison). When every indicator is Grey and the table lacks what its rules
 * compare with, the cause is the table, not each row, and the user is told so once.
 */
import { messages } from "./messages";
import type { PresetName, Status } from "./rules/types";

/** What a table offers to compare its actuals with. */
export interface ComparisonBases {
  /** The rules chosen for the table. */
  readonly preset: PresetName;
  /** A Target column (of any period). */
  readonly target: boolean;
  /** A Benchmark column, or rows of the benchmark area (England by default). */
  readonly benchmark: boolean;
  /** A median column used by the Median comparison. */
  readonly median: boolean;
}

/**
 * The sentence for a table where nothing could be rated, or null when something was rated or the
 * table has what its rules need (then each row's reason says what is missing).
 * @example whyNothingRated(["Grey", "Grey"], { preset: "tolerance", target: false, benchmark: false, median: false })
 * // => "Nothing could be rated: the table has no Target column, no England or benchmark rows and no median. Add a Target column, or a Benchmark column, to rate against."
 */
export function whyNothingRated(statuses: readonly Status[], bases: ComparisonBases): string | null {
  if (statuses.length === 0 || statuses.some((s) => s !== "Grey")) return null;
  if (bases.median) return null;
  // The SPC rule rates from the series alone; each row's reason says why it is Grey (docs/methods.md#spc-preset).
  if (bases.preset === "spc") return null;
  if (!bases.target && !bases.benchmark) return messages.nothingRatedNoBasis;
  if (bases.preset === "benchmark" && !bases.benchmark) return messages.nothingRatedNoBenchmark;
  if (bases.preset !== "benchmark" && !bases.target) return messages.nothingRatedNoTarget;
  return null;
}
