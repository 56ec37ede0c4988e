/**
 * Which rules a table is rated by, given the columns it has (docs/methods.md#benchmark-rows). The
 * workbook's rules apply as they are, except in one case: a table of values with confidence limits
 * and a benchmark but no targets (the public health profiles' download) has nothing for the Tolerance
 * preset to compare with, so it is rated against the benchmark, and the note says so. The benchmark
 * is a Benchmark column, or benchmark rows: England's row (or the chosen benchmark area's,
 * docs/methods.md#benchmark-area) beside the areas' rows.
 */
import { messages } from "../messages";
import type { RuleSettings } from "./types";

/** The column roles of a table that decide its rules. */
export interface TableColumns {
  readonly target: boolean;
  readonly lowerCi: boolean;
  readonly upperCi: boolean;
  /** The benchmark column's header, or null when there is none. */
  readonly benchmark: string | null;
  /**
   * The benchmark area in words (benchmarkAreaWords) when rows of the table give other rows their
   * benchmark, or null (or absent) when none do.
   */
  readonly benchmarkRows?: string | null;
}

/**
 * The rules to rate a table by, and the note to show when they differ from the workbook's.
 * @example rulesForTable(DEFAULT_RULE_SETTINGS, { target: false, lowerCi: true, upperCi: true, benchmark: "England" }).rules.preset // => "benchmark"
 * @example rulesForTable(DEFAULT_RULE_SETTINGS, { target: false, lowerCi: true, upperCi: true, benchmark: null, benchmarkRows: "England" }).rules.preset // => "benchmark"
 */
export function rulesForTable(rules: RuleSettings, columns: TableColumns): { readonly rules: RuleSettings; readonly note: string | null } {
  if (rules.preset !== "tolerance" || columns.target || !columns.lowerCi || !columns.upperCi) return { rules, note: null };
  if (columns.benchmark !== null) return { rules: { ...rules, preset: "benchmark" }, note: messages.ratedAgainstBenchmark(columns.benchmark) };
  const rows = columns.benchmarkRows ?? null;
  if (rows !== null) return { rules: { ...rules, preset: "benchmark" }, note: messages.ratedAgainstBenchmarkRows(rows) };
  return { rules, note: null };
}
