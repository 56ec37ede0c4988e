/**
 * The shapes shared by the RAG rule engine (docs/methods.md#rag-rules), the Excel layer and the task pane.
 * Plain, JSON-serialisable data: a workbook stores these in its settings.
 */
import { DEFAULT_REWARD_THRESHOLD } from "../progress";

/** Statuses, fixed spelling, title case (docs/methods.md#polarity). */
export type Status = "Blue" | "Green" | "Amber" | "Red" | "Grey";

/** Every status, best first; the order scorecards and counts use. */
export const STATUSES: readonly Status[] = ["Blue", "Green", "Amber", "Red", "Grey"];

/** The presets of docs/methods.md#rag-rules. */
export type PresetName = "tolerance" | "stretch" | "trajectory" | "floor" | "improvement" | "benchmark" | "spc";

/** How direction of travel compares (docs/methods.md#direction-of-travel). */
export type DotMethod = "previous" | "yearEarlier" | "slope" | "recentTrend";

/** The confidence level of the Benchmark preset's comparison (docs/methods.md#benchmark-level): 95 or 99.8. */
export type BenchmarkLevel = 95 | 99.8;

/** How the Benchmark preset compares (docs/methods.md#funnel-rag): each value's interval with the benchmark, or each area on a funnel plot. */
export type BenchmarkMethod = "interval" | "funnel";

/**
 * The workbook's rule choices as the task pane edits them and a workbook stores them.
 * Fractions, not percentages: a tolerance of 0.05 is 5% of target.
 */
export interface RuleSettings {
  /** Which preset rates indicators that have no per-indicator override. */
  readonly preset: PresetName;
  /** Amber band as a share of abs(target) for Tolerance and Trajectory (default 0.05); Improvement-aware uses improvementTolerance. */
  readonly tolerance: number;
  /** Blue when the target is exceeded by at least this share of abs(target); null means no Blue. */
  readonly blueMargin: number | null;
  /** Stretch preset and reward grant threshold on progress (default 0.6). */
  readonly stretchThreshold: number;
  /** Improvement-aware preset's tolerance (default 0.10). */
  readonly improvementTolerance: number;
  /** Period label or ISO date to rate as at; null means the latest period with an actual. */
  readonly asAt: string | null;
  /** Direction of travel method. */
  readonly dotMethod: DotMethod;
  /** Direction of travel threshold as a share of abs(previous) (default 0). */
  readonly dotThreshold: number;
  /** Periods used by the slope method (default 3). */
  readonly slopePeriods: number;

  // Benchmark area of public tables (docs/methods.md#benchmark-area)
  /**
   * Which rows give each row of a public table with benchmark rows its benchmark: "england" (default,
   * the England row, E92000001), "region" (the row of each area's Parent Code), or an area's code or
   * name as the table writes it.
   */
  readonly benchmarkArea: string;

  // Benchmark comparison level (docs/methods.md#benchmark-level); direction method "recentTrend" is in DotMethod.
  /** Confidence level of the Benchmark preset's comparison and of red-reds: 95 (default) or 99.8. */
  readonly benchmarkLevel: BenchmarkLevel;

  // Benchmark method (docs/methods.md#funnel-rag)
  /**
   * How the Benchmark preset compares: "interval" (default) each value's confidence interval with the
   * benchmark; "funnel" each area of a table with counts and denominators by its funnel label among the
   * areas of its indicator and period.
   */
  readonly benchmarkMethod: BenchmarkMethod;
}

/** The defaults docs/methods.md#rag-rules, docs/methods.md#direction-of-travel give. */
export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  preset: "tolerance",
  tolerance: 0.05,
  blueMargin: null,
  stretchThreshold: DEFAULT_REWARD_THRESHOLD,
  improvementTolerance: 0.1,
  asAt: null,
  dotMethod: "previous",
  dotThreshold: 0,
  slopePeriods: 3,
  // Benchmark area of public tables
  benchmarkArea: "england",

  // Benchmark comparison level
  benchmarkLevel: 95,

  // Benchmark method
  benchmarkMethod: "interval",
};

/** The parameters a preset uses (docs/methods.md#rag-rules); fractions, not percentages. */
export interface PresetParams {
  /** Amber band for Tolerance and Trajectory, as a share of abs(target) (default 0.05). */
  readonly tolerance: number;
  /** Blue margin for Tolerance as a share of abs(target); null means no Blue. */
  readonly blueMargin: number | null;
  /** Stretch threshold on progress, and the reward grant threshold (default 0.6). */
  readonly stretchThreshold: number;
  /** Improvement-aware tolerance (default 0.10). */
  readonly improvementTolerance: number;
}

/** When a rule applies. Every condition given must hold; a rule without conditions is a default. */
export interface RuleConditions {
  /** Indicator ids (compared trimmed, case-insensitive). */
  readonly indicators?: readonly string[];
  /** Perspectives or themes (compared trimmed, case-insensitive). */
  readonly perspectives?: readonly string[];
  /**
   * A rule name an indicator's rule column selects (compared trimmed, case-insensitive). A rule
   * with this condition applies only to indicators whose rule column names it.
   */
  readonly rule?: string;
}

/** One rule of a rule set: a preset with parameters, optionally restricted by conditions. */
export interface Rule {
  /** A name for reasons and the task pane, e.g. "Health floor targets". */
  readonly name?: string;
  readonly preset: PresetName;
  /** Parameters that differ from the rule set's defaults. */
  readonly params?: Partial<PresetParams>;
  readonly when?: RuleConditions;
  /**
   * What happens when this rule lacks its inputs (e.g. no confidence interval for Benchmark):
   * "grey" (default) rates Grey; "next" lets the next matching rule decide.
   */
  readonly onMissing?: "grey" | "next";
}

/** How direction of travel is worked out (docs/methods.md#direction-of-travel). */
export interface DirectionSettings {
  readonly method: DotMethod;
  readonly threshold: number;
  readonly slopePeriods: number;
}

/**
 * A RAG rule set (docs/methods.md#rag-rules): plain JSON data, stored in a workbook and validated on the
 * way in. Ordered rules; the first that matches decides; the last is always a default (no `when`).
 */
export interface RuleSet {
  readonly version: 1;
  /** Parameters every rule starts from; also used when an indicator's rule column names a preset. */
  readonly defaults: PresetParams;
  readonly rules: readonly Rule[];
  /** Period label or ISO date to rate as at; null means each indicator's latest period with an actual. */
  readonly asAt: string | null;
  readonly direction: DirectionSettings;
  /** The Benchmark preset's comparison level (docs/methods.md#benchmark-level); absent means 95. */
  readonly benchmarkLevel?: BenchmarkLevel;
}
