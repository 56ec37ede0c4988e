/** The rule set in words, for the scorecard's heading (docs/methods.md#rag-rules presets, section 9 points). */
import type { RuleSettings } from "../../core/rules/types";
import { DEFAULT_CUTOFFS } from "../../core/scorecard";

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/**
 * One line describing how statuses were decided.
 * @example describeRules(DEFAULT_RULE_SETTINGS) // => "Tolerance: Green when the target is met, Amber when short by up to 5% of target, otherwise Red; Grey when not rated."
 */
export function describeRules(rules: RuleSettings): string {
  const grey = "Grey when not rated.";
  switch (rules.preset) {
    case "tolerance":
      return `Tolerance: ${rules.blueMargin !== null ? `Blue when beaten by ${pct(rules.blueMargin)} of target or more, ` : ""}Green when the target is met, Amber when short by up to ${pct(rules.tolerance)} of target, otherwise Red; ${grey}`;
    case "stretch":
      return `Stretch: Green when progress reaches 100% of the planned improvement, Amber from ${pct(rules.stretchThreshold)}, otherwise Red; ${grey}`;
    case "trajectory":
      return `Trajectory: Green when on the target trajectory, Amber within ${pct(rules.tolerance)} of it, otherwise Red; ${grey}`;
    case "floor":
      return `Floor standard: Green when the target is met, Amber when the floor is met, otherwise Red; ${grey}`;
    case "improvement":
      return `Improvement-aware: Green within ${pct(rules.improvementTolerance)} of target or better, Amber when improved on a year earlier, otherwise Red; ${grey}`;
    case "benchmark":
      return `Benchmark: Green when significantly better than the benchmark, Amber when similar, Red when significantly worse${rules.benchmarkLevel === 99.8 ? " (99.8% limits)" : ""}; ${grey}`;
    case "spc":
      return `SPC (Making Data Count XmR chart): Red for special cause concern or consistently failing, Amber for hit and miss, Green for consistently passing or special cause improvement; ${grey}`;
  }
}

/**
 * How scores are made (docs/methods.md#scorecard-score).
 * @example SCORING_TEXT.startsWith("Score: Blue and Green 1") // => true
 */
export const SCORING_TEXT = `Score: Blue and Green 1, Amber 0.5, Red 0, Grey left out (weighted mean); perspective and overall status Green from ${DEFAULT_CUTOFFS.green.toFixed(2)}, Amber from ${DEFAULT_CUTOFFS.amber.toFixed(2)}, otherwise Red.`;
