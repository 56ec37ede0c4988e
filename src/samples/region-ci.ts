/**
 * THE ONE PLACE where the regional sample takes its confidence limits from the calculation core:
 * the core's rate interval (src/core/stats, docs/methods.md#confidence-intervals), 95%, exact Poisson limits below
 * 10 events and Byars from 10, on the indicator's multiplier. The samples never compute limits
 * themselves.
 */
import { rateInterval } from "../core/stats";
import { type RateInterval } from "./region";

/**
 * The 95% limits of count / denominator x multiplier, from the core.
 *
 * The sample's counts and denominators are always valid, so a problem here is a bug in the sample
 * generator and throws (programmer misuse), rather than writing a blank limit.
 *
 * @example regionRateInterval(5, 100, 100000).lower // => 1623.48639... (docs/methods.md#confidence-intervals, exact)
 */
export const regionRateInterval: RateInterval = (count, denominator, multiplier) => {
  const result = rateInterval(count, denominator, { multiplier, level: 0.95, method: "rate" });
  if (!result.ok) throw new Error(`regionRateInterval: ${result.problem.message}`);
  return { lower: result.value.lower, upper: result.value.upper };
};
