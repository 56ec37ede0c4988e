import { indicatorWith, type Indicator, type Observation } from "../core/indicator";
import type { Polarity } from "../core/polarity";
import { rateIndicator } from "../core/rules/engine";
import { ruleSetFromSettings } from "../core/rules/ruleset";
import { DEFAULT_RULE_SETTINGS, type RuleSet, type Status } from "../core/rules/types";

/**
 * LAARAG's bridge to the rule engine (docs/methods.md#rag-rules, docs/methods.md#functions): one actual against one target,
 * rated by the Tolerance preset. The engine rates whole indicators, so each cell becomes a minimal
 * undated indicator (one actual, one target) and is rated with a rule set compiled once per blue
 * margin. The tolerance goes on the indicator (a per-indicator override), so a column of tolerances
 * needs no rule set per row. No arithmetic here: the status comes from the core.
 */

/** The value read from an actual or target cell: a number, or why it is missing. */
export type CellReading = { readonly value: number } | { readonly missing: string };

function observation(reading: CellReading): Observation {
  return "value" in reading
    ? { period: null, value: reading.value, missingReason: null, lower: null, upper: null, ref: null }
    : { period: null, value: null, missingReason: reading.missing, lower: null, upper: null, ref: null };
}

/**
 * The minimal indicator LAARAG rates: undated actual and target, the polarity, an optional
 * tolerance override; every other field empty (the core's indicatorWith).
 * @example cellIndicator({ value: 72 }, { value: 75 }, "higher", null).actuals[0].value // => 72
 */
export function cellIndicator(actual: CellReading, target: CellReading, polarity: Polarity, tolerance: number | null): Indicator {
  return indicatorWith({ polarity, targets: [observation(target)], actuals: [observation(actual)], tolerance });
}

/**
 * Rule sets for the Tolerance preset by blue margin (null: no Blue), built and compiled once. Only
 * a few margins occur in a workbook; the cache is cleared if odd inputs make it large.
 */
const ruleSets = new Map<number | null, RuleSet>();
const RULE_SET_LIMIT = 256;

/**
 * The Tolerance rule set with a given blue margin (a fraction, checked >= 0 by the caller).
 * @example toleranceRuleSet(null).rules // => [{ preset: "tolerance" }]
 */
export function toleranceRuleSet(blueMargin: number | null): RuleSet {
  let ruleSet = ruleSets.get(blueMargin);
  if (ruleSet === undefined) {
    if (ruleSets.size >= RULE_SET_LIMIT) ruleSets.clear();
    ruleSet = ruleSetFromSettings({ ...DEFAULT_RULE_SETTINGS, preset: "tolerance", blueMargin });
    ruleSets.set(blueMargin, ruleSet);
  }
  return ruleSet;
}

/**
 * The Tolerance status of one actual against one target (docs/methods.md#rag-rules), by the core's engine.
 * Missing actual or target, or polarity none, is Grey.
 * @example rateCell({ value: 72 }, { value: 75 }, "higher", null, null) // => "Amber"
 */
export function rateCell(actual: CellReading, target: CellReading, polarity: Polarity, tolerance: number | null, blueMargin: number | null): Status {
  return rateIndicator(cellIndicator(actual, target, polarity, tolerance), toleranceRuleSet(blueMargin)).status;
}
