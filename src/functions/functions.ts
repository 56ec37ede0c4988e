/* eslint-disable @typescript-eslint/no-explicit-any */
/*
 * Worksheet functions (DOMAIN.md section 10). Thin wrappers: coerce the arguments, call the core,
 * map problems to Excel errors in one helper (errors.ts). No arithmetic here.
 *
 * Parameters and results are typed `any[][]` because custom-functions-metadata requires the
 * TypeScript type to match the JSDoc type it turns into functions.json; broadcast() narrows them.
 *
 * Every argument that takes a single value also takes a range (declared as a matrix, so a single cell
 * arrives as [[value]]); the result spills in the common shape. The JSDoc below is read by
 * custom-functions-metadata-plugin to generate functions.json: keep descriptions in UK English.
 */
import { gap, parseGapMode } from "../core/gap";
import { broadcast } from "./broadcast";
import { numberArg, polarityArg } from "./coerce";

/**
 * Shortfall of an actual against its target: how far the target is missed (positive) or beaten (zero or negative). Polarity none gives #N/A.
 * @customfunction LAAGAP
 * @param {any[][]} actual The actual (outturn) value, or a range of them.
 * @param {any[][]} target The target value, or a range of them, in the same units as the actual.
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none"; also "higher is better", "low is good", "data only".
 * @param {any[][]} [mode] "abs" (default) for the gap in the indicator's units, or "pct" for the gap as a share of the target (0.04 = 4%).
 * @returns {any[][]} The gap, spilled in the shape of the ranges given.
 */
export function laagap(actual: any[][], target: any[][], polarity?: any[][], mode?: any[][]): any[][] {
  return broadcast(
    [
      { name: "actual", value: actual },
      { name: "target", value: target },
      { name: "polarity", value: polarity ?? null },
      { name: "mode", value: mode ?? null },
    ],
    ([a, t, p, m]) => {
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const gapMode = parseGapMode(m === "" ? null : m);
      if (!gapMode.ok) return gapMode;
      const act = numberArg(a, "actual");
      if (!act.ok) return act;
      const tgt = numberArg(t, "target");
      if (!tgt.ok) return tgt;
      return gap(act.value, tgt.value, pol.value, gapMode.value);
    },
  );
}
