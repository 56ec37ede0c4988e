/**
 * The Benchmark preset's funnel method (docs/methods.md#funnel-rag): each area of an indicator and
 * period is rated by its funnel label among the areas of that indicator and period, around the
 * baseline of all of them (their counts summed over their denominators summed). High or Low (0.025 or
 * 0.001) in the good direction is Green, Not significant Amber, in the bad direction Red (by
 * polarity). Areas whose figures call for no funnel (too few areas, values that are not count over
 * denominator) keep the interval method, and their reason says why.
 */
import { formatNumber } from "./messages";
import { funnelSignificance, type FunnelInput, type FunnelLabel } from "./methods/funnel";
import { funnelFit, type FunnelAreaFigures } from "./methods/funnel-fit";
import type { Polarity } from "./polarity";
import { reasonNumber } from "./rules/reasons";
import type { Status } from "./rules/types";

/** The funnel of one indicator and period: its baseline and each area's label (null: the area is not on it). */
export type FunnelBenchmark =
  | {
      readonly ok: true; readonly statistic: "proportion" | "rate"; readonly multiplier: number;
      /** Sum of counts over sum of denominators, times the multiplier. */
      readonly baseline: number;
      readonly areas: number;
      readonly labels: readonly (FunnelLabel | null)[];
    }
  | { readonly ok: false; readonly why: string };

/** The sentences of the funnel method (UK English, the users' words). */
export const funnelRagMessages = {
  noColumns: "interval method kept: the table has no Count and Denominator columns for a funnel plot",
  tooFewAreas: (n: number) => `interval method kept: ${n === 1 ? "only 1 area has" : `only ${n} areas have`} a count, a denominator and a value for this indicator and period (a funnel plot needs at least 5)`,
  notCountOverDenominator: "interval method kept: the values are not count over denominator times a power of ten, so a funnel plot would not fit them",
  countAbove: "interval method kept: a count is above its denominator, so the values are not proportions a funnel plot can take",
  notOnFunnel: "interval method kept: this area has no count, denominator or value for the funnel plot",
  noPolarity: "interval method kept: the indicator has no polarity, so above or below the funnel is neither better nor worse",
  failed: (message: string) => `interval method kept: ${message}`,
  baseline: (b: FunnelBenchmarkOk) => b.statistic === "rate" ? `${formatNumber(round1(b.baseline))} per ${b.multiplier.toLocaleString("en-GB")}` : b.multiplier === 100 ? `${formatNumber(round1(b.baseline))}%` : formatNumber(b.baseline),
  reason: (label: FunnelLabel, value: number, b: FunnelBenchmarkOk) => {
    const level = label.includes("0.001") ? "99.8%" : "95%";
    const where = label.startsWith("High") ? `above the funnel's ${level} limit` : label.startsWith("Low") ? `below the funnel's ${level} limit` : "within the funnel's 95% limits";
    return `Actual ${reasonNumber(value)} is ${label}: ${where} around the baseline of all ${b.areas} areas, ${funnelRagMessages.baseline(b)} (funnel plot)`;
  },
} as const;

type FunnelBenchmarkOk = Extract<FunnelBenchmark, { ok: true }>;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The funnel of the areas of one indicator and period (docs/methods.md#funnel-rag), from their counts,
 * denominators and values; the fit is the core's funnelFit (proportion or crude rate, at least 5 areas).
 * @example funnelBenchmark([{ count: 10, denominator: 100, value: 10 }, { count: 10, denominator: 100, value: 10 }, { count: 10, denominator: 100, value: 10 }, { count: 10, denominator: 100, value: 10 }, { count: 30, denominator: 100, value: 30 }]).baseline // => 14
 */
export function funnelBenchmark(figures: readonly FunnelAreaFigures[]): FunnelBenchmark {
  const fit = funnelFit(figures);
  if (!fit.ok) {
    return { ok: false, why: fit.reason === "tooFewAreas" ? funnelRagMessages.tooFewAreas(fit.areas) : fit.reason === "countAboveDenominator" ? funnelRagMessages.countAbove : funnelRagMessages.notCountOverDenominator };
  }
  // An area without all three figures is left off the funnel (a null cell) and keeps the interval method.
  const on = figures.map((f) => f.count !== null && f.denominator !== null && f.value !== null && Number.isFinite(f.count) && Number.isFinite(f.denominator) && Number.isFinite(f.value) && f.count >= 0 && f.denominator > 0);
  const cell = (i: number, v: number | null) => (on[i] ? v : null);
  const numerators = figures.map((f, i) => cell(i, f.count));
  const denominators = figures.map((f, i) => cell(i, f.denominator));
  const input: FunnelInput = fit.statistic === "proportion"
    ? { statistic: "proportion", numerators, denominators, multiplier: fit.multiplier }
    : { statistic: "rate", rateType: "crude", numerators, rates: figures.map((f, i) => cell(i, f.value)), denominators, multiplier: fit.multiplier };
  const labels = funnelSignificance(input);
  if (!labels.ok) return { ok: false, why: funnelRagMessages.failed(labels.problem.message) };
  let x = 0, n = 0;
  figures.forEach((f, i) => { if (on[i]) { x += f.count ?? 0; n += f.denominator ?? 0; } });
  return { ok: true, statistic: fit.statistic, multiplier: fit.multiplier, baseline: (x / n) * fit.multiplier, areas: fit.areas, labels: labels.value };
}

/**
 * One area's status and reason on its funnel, by polarity: beyond a limit in the good direction Green,
 * in the bad direction Red, within the limits Amber; a polarity of none, or an area not on the funnel,
 * gives `{ keep }` with the reason the interval method is kept.
 * @example funnelRag({ ok: true, statistic: "rate", multiplier: 1000, baseline: 15.94, areas: 6, labels: ["High (0.025)"] }, 0, 18.2, "lower").status // => "Red"
 */
export function funnelRag(b: FunnelBenchmark, area: number, value: number, polarity: Polarity): { status: Status; reason: string } | { keep: string } {
  if (!b.ok) return { keep: b.why };
  const label = b.labels[area] ?? null;
  if (label === null || !(label.startsWith("High") || label.startsWith("Low") || label === "Not significant")) return { keep: funnelRagMessages.notOnFunnel };
  const high = label.startsWith("High"), low = label.startsWith("Low");
  if ((high || low) && polarity === "none") return { keep: funnelRagMessages.noPolarity };
  const status: Status = !high && !low ? "Amber" : (high && polarity === "higher") || (low && polarity === "lower") ? "Green" : "Red";
  return { status, reason: funnelRagMessages.reason(label, value, b) };
}
