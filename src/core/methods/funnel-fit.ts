/**
 * Which funnel an indicator's areas call for, read from their own figures (docs/methods.md#funnel):
 * when every area's value is its count over its denominator times one power of ten, the value is a
 * proportion (times 1 or 100, counts never above denominators) or a crude rate (times 1,000 or more);
 * anything else (a standardised rate, a score, a median) gets no funnel, as limits drawn around the
 * wrong statistic would mislead.
 */

/** One area's figures: its count, denominator and value as the table gives them (null when blank). */
export interface FunnelAreaFigures {
  readonly count: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}

/** The funnel an indicator's areas call for, or why none. */
export type FunnelFit =
  | { readonly ok: true; readonly statistic: "proportion" | "rate"; readonly multiplier: number; readonly areas: number }
  | { readonly ok: false; readonly reason: "tooFewAreas" | "notCountOverDenominator" | "countAboveDenominator"; readonly areas: number };

/** At least this many areas with a count, a denominator and a value make a funnel worth drawing. */
export const FUNNEL_MIN_AREAS = 5;
/** A value agrees with count / denominator x multiplier within this share of itself (rounding in the source). */
export const FUNNEL_FIT_TOLERANCE = 0.005;

const usable = (a: FunnelAreaFigures): a is { count: number; denominator: number; value: number } =>
  a.count !== null && a.denominator !== null && a.value !== null && Number.isFinite(a.count) && Number.isFinite(a.denominator) &&
  Number.isFinite(a.value) && a.count >= 0 && a.denominator > 0;

/**
 * The funnel an indicator's areas call for: the power of ten that takes each area's count over its
 * denominator to its value (the median area's, then checked on every area with a count above 0);
 * 1 or 100 with no count above its denominator is a proportion, 1,000 or more a crude rate.
 * @example funnelFit([{ count: 40, denominator: 100, value: 40 }, { count: 60, denominator: 100, value: 60 }, { count: 5, denominator: 50, value: 10 }, { count: 9, denominator: 30, value: 30 }, { count: 20, denominator: 80, value: 25 }]) // => { ok: true, statistic: "proportion", multiplier: 100, areas: 5 }
 * @example funnelFit([{ count: 51, denominator: 54000, value: 94.44 }]).ok // => false (one area is too few)
 */
export function funnelFit(figures: readonly FunnelAreaFigures[]): FunnelFit {
  const areas = figures.filter(usable);
  if (areas.length < FUNNEL_MIN_AREAS) return { ok: false, reason: "tooFewAreas", areas: areas.length };
  const positive = areas.filter((a) => a.count > 0 && a.value > 0);
  if (positive.length === 0) return { ok: false, reason: "notCountOverDenominator", areas: areas.length };
  const powers = positive.map((a) => Math.log10((a.value * a.denominator) / a.count)).sort((x, y) => x - y);
  const multiplier = 10 ** Math.round(powers[Math.floor(powers.length / 2)]);
  const agrees = areas.every((a) => Math.abs((a.count / a.denominator) * multiplier - a.value) <= FUNNEL_FIT_TOLERANCE * Math.max(Math.abs(a.value), 1e-9) + 1e-9);
  if (!agrees || multiplier < 1) return { ok: false, reason: "notCountOverDenominator", areas: areas.length };
  if (multiplier <= 100) {
    if (areas.some((a) => a.count > a.denominator)) return { ok: false, reason: "countAboveDenominator", areas: areas.length };
    return { ok: true, statistic: "proportion", multiplier, areas: areas.length };
  }
  return { ok: true, statistic: "rate", multiplier, areas: areas.length };
}
