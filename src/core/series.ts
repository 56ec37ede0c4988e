/**
 * An indicator's series of values by period, and what the series methods read from it: the recent
 * trend (docs/methods.md#recent-trend) and the XmR chart's variation and assurance
 * (docs/methods.md#spc). One place, so Rate RAG's columns, the SPC preset and the scorecard's SPC
 * sheets read the same points.
 */
import type { Indicator, Observation } from "./indicator";
import { recentTrend, TREND_PERIODS, type RecentTrend, type TrendPoint } from "./methods/recent-trend";
import { SPC_MIN_POINTS, SPC_PROVISIONAL_BELOW, xmrChart, type SpcChart } from "./methods/spc";
import type { Period } from "./periods";

/** An indicator's series in period order: labels, values and each value's 95% limits (null when not given). */
export interface IndicatorSeries {
  readonly labels: string[];
  readonly values: number[];
  readonly lower: (number | null)[];
  readonly upper: (number | null)[];
}

const dated = (o: Observation): boolean => o.period !== null && o.value !== null && Number.isFinite(o.value);

/**
 * The series of an indicator (docs/methods.md#spc, "On the scorecard"): its baseline and its actuals
 * for periods of the same kind as the latest dated actual (years with years, quarters with quarters),
 * blanks and undated values left out, an actual replacing a baseline of the same period, in period
 * order. With `upTo`, only periods ending on or before its end (the series as at that period).
 * @example indicatorSeries({ baseline: { period: null, value: null }, actuals: [] }).values // => []
 */
export function indicatorSeries(indicator: Pick<Indicator, "baseline" | "actuals">, upTo: Period | null = null): IndicatorSeries {
  const inTime = (o: Observation) => dated(o) && (upTo === null || (o.period as Period).end <= upTo.end);
  const actuals = indicator.actuals.filter(inTime);
  const baseline = indicator.baseline;
  const kind = actuals.length > 0 ? (actuals[actuals.length - 1].period as Period).kind : baseline.period?.kind;
  const byLabel = new Map<string, Observation>();
  for (const o of [baseline, ...actuals]) if (inTime(o) && (o.period as Period).kind === kind) byLabel.set((o.period as Period).label, o);
  const list = [...byLabel.values()].sort((a, b) => (a.period as Period).end - (b.period as Period).end);
  return {
    labels: list.map((o) => (o.period as Period).label),
    values: list.map((o) => o.value as number),
    lower: list.map((o) => o.lower),
    upper: list.map((o) => o.upper),
  };
}

/** What the series methods read from an indicator's series; null where the series is too short. */
export interface SeriesReadings {
  readonly series: IndicatorSeries;
  /** The recent trend over the last 5 periods with a value and both limits; null with fewer. */
  readonly trend: RecentTrend | null;
  /** The XmR chart (variation, assurance); null with fewer than SPC_MIN_POINTS values. */
  readonly spc: SpcChart | null;
}

/**
 * The recent trend and the XmR chart of an indicator's series as at a period, on its polarity; the
 * target (the rating's) gives the assurance.
 * @example seriesReadings({ baseline: { period: null, value: null }, actuals: [], polarity: "higher" }, null).spc // => null
 */
export function seriesReadings(indicator: Pick<Indicator, "baseline" | "actuals" | "polarity">, target: number | null, upTo: Period | null = null): SeriesReadings {
  const series = indicatorSeries(indicator, upTo);
  const points: TrendPoint[] = series.values.map((value, i) => ({ value, lower: series.lower[i], upper: series.upper[i] }));
  const trend = recentTrend(points, indicator.polarity);
  const chart = series.values.length >= SPC_MIN_POINTS ? xmrChart(series.values, { polarity: indicator.polarity, target }) : null;
  return { series, trend: trend.ok ? trend.value : null, spc: chart !== null && chart.ok ? chart.value : null };
}

/**
 * The words that name the series methods in a reason (docs/methods.md#recent-trend, #spc); "" when
 * neither applies. `withSpc` false leaves the XmR chart out (the SPC preset's reason names it already).
 * @example seriesMethodsNote(5, 8, true) // => "recent trend over the last 5 periods (public health profiles' method); variation and assurance from an XmR chart of 8 points (Making Data Count; provisional below 15 points)"
 * @example seriesMethodsNote(null, null, true) // => ""
 */
export function seriesMethodsNote(trendPeriods: number | null, spcPoints: number | null, withSpc: boolean): string {
  const parts: string[] = [];
  if (trendPeriods !== null) parts.push(`recent trend over the last ${trendPeriods} periods (public health profiles' method)`);
  if (withSpc && spcPoints !== null) {
    parts.push(`variation and assurance from an XmR chart of ${spcPoints} points (Making Data Count${spcPoints < SPC_PROVISIONAL_BELOW ? `; provisional below ${SPC_PROVISIONAL_BELOW} points` : ""})`);
  }
  return parts.join("; ");
}

/** Periods the recent trend uses, for callers that name it. */
export { TREND_PERIODS };
