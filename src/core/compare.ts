import { isFiniteNumber } from "./numbers";
import type { Polarity } from "./polarity";

/** Outcome of comparing a value with a benchmark (docs/methods.md#confidence-intervals). */
export type Comparison = "Better" | "Similar" | "Worse" | "Higher" | "Lower" | "Not compared";

/**
 * Compares a value with a benchmark (e.g. England) through its confidence interval (docs/methods.md
 * section 8, PHEindicatormethods): lower limit above the benchmark is significantly higher, upper
 * limit below it significantly lower, otherwise `Similar`. By polarity `Better`/`Worse`; polarity
 * `none` gives `Higher`/`Lower`. Any input missing or not a finite number, or limits that are the
 * wrong way round (lower above upper), gives `Not compared`. The value itself is only checked for
 * presence: significance comes from the limits, as in PHE's method.
 *
 * @example compareWithBenchmark(25, 22, 28, 20, "higher") // => "Better"
 * @example compareWithBenchmark(25, 22, 28, 20, "lower") // => "Worse"
 * @example compareWithBenchmark(25, 19, 31, 20, "higher") // => "Similar"
 * @example compareWithBenchmark(null, 19, 31, 20, "higher") // => "Not compared"
 */
export function compareWithBenchmark(value: unknown, lower: unknown, upper: unknown, benchmark: unknown, polarity: Polarity): Comparison {
  if (!isFiniteNumber(value) || !isFiniteNumber(lower) || !isFiniteNumber(upper) || !isFiniteNumber(benchmark)) return "Not compared";
  if (lower > upper) return "Not compared";
  const side = lower > benchmark ? 1 : upper < benchmark ? -1 : 0;
  if (side === 0) return "Similar";
  if (polarity === "none") return side > 0 ? "Higher" : "Lower";
  return (side > 0) === (polarity === "higher") ? "Better" : "Worse";
}
