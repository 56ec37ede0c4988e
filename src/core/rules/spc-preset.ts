/**
 * The SPC preset (docs/methods.md#spc-preset): a status from the XmR chart of the indicator's series
 * as at the rating's period (docs/methods.md#spc). Special cause concern or consistently failing is
 * Red; hit and miss is Amber; consistently passing or special cause improvement is Green; common
 * cause with no target is Grey with the reason, and so is a series too short for a chart.
 */
import type { Indicator } from "../indicator";
import { SPC_MIN_POINTS, SPC_PROVISIONAL_BELOW } from "../methods/spc";
import type { Period } from "../periods";
import { seriesReadings } from "../series";
import { reasons } from "./reasons";
import type { Status } from "./types";

/** The SPC preset's status and reason; `lacking` when an input it needs is missing (Grey). */
export interface SpcOutcome {
  readonly status: Status;
  readonly reason: string;
  readonly lacking?: boolean;
}

/**
 * Rates an indicator by its XmR chart. `target` is the target the rating compares with (its value
 * and the reason's words for it), or null when there is none; polarity "none" is the engine's Grey
 * before this is called.
 * @example spcStatus({ baseline: { period: null, value: null }, actuals: [], polarity: "higher" }, null, null).status // => "Grey"
 */
export function spcStatus(
  indicator: Pick<Indicator, "baseline" | "actuals" | "polarity">,
  asAt: Period | null,
  target: { readonly value: number; readonly phrase: string } | null,
): SpcOutcome {
  const { series, spc } = seriesReadings(indicator, target?.value ?? null, asAt);
  if (spc === null) return { status: "Grey", reason: reasons.spcTooFew(series.values.length, SPC_MIN_POINTS), lacking: true };
  const chart = reasons.spcChart(series.values.length, spc.mean, spc.lower, spc.upper, spc.provisional ? SPC_PROVISIONAL_BELOW : null);
  const v = spc.variation;
  const a = target === null ? null : spc.assurance;
  const words = reasons.spcWords(v, a, target?.phrase ?? null, chart);
  if (v === "Special cause concern" || a === "Consistently failing") return { status: "Red", reason: words };
  if (a === "Hit and miss") return { status: "Amber", reason: words };
  if (a === "Consistently passing" || v === "Special cause improvement") return { status: "Green", reason: words };
  return { status: "Grey", reason: reasons.spcCommonNoTarget(chart), lacking: true };
}
