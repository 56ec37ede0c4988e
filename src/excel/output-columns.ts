/**
 * The names of the add-in's own output columns, in one leaf module: Rate RAG writes them
 * (rate-compute.ts, rate-plan.ts) and the column mapping recognises them as the add-in's, never as
 * input (mapping.ts). Recent trend, Variation and Assurance read the indicator's series
 * (docs/methods.md#recent-trend, docs/methods.md#spc).
 */

/** The add-in's own output columns, in order. */
export const OUTPUT_COLUMNS = ["Status", "Gap", "Gap %", "Progress", "Direction", "Recent trend", "Variation", "Assurance", "Reason", "Rated at"] as const;

/**
 * The output columns an earlier version wrote (before the series columns): a block with exactly these
 * headers is the add-in's own, and a re-run writes the current layout over it.
 */
export const LEGACY_OUTPUT_COLUMNS = ["Status", "Gap", "Gap %", "Progress", "Direction", "Reason", "Rated at"] as const;

/** The output columns that the earlier layout lacks (they go after Direction). */
export const SERIES_COLUMNS = ["Recent trend", "Variation", "Assurance"] as const;

/**
 * What an output column's name starts with when the table already has a column of its own with that
 * name (a council's Status): "LAA Status" (rate-plan.ts outputNames).
 */
export const DISTINCT_PREFIX = "LAA ";
