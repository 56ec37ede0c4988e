/* eslint-disable @typescript-eslint/no-explicit-any */
/*
 * The worksheet functions of the public health methods (docs/methods.md#functions): median distance,
 * recent trend, statistical process control, standardised rates and ratios, funnel plots. Thin
 * wrappers as in functions.ts (coerce the arguments, call the core, map problems to Excel errors in
 * errors.ts); functions.json is generated from the JSDoc of both files.
 */
import { fail, ok, type Result } from "../core/result";
import { dsr } from "../core/methods/dsr";
import { funnelAreaLabeller, funnelLimits, parseFunnelType, type FunnelInput } from "../core/methods/funnel";
import { isRate, isRatio, type IsrReference } from "../core/methods/isr";
import { madsFromMedian, madsWords } from "../core/methods/median-mads";
import { methodMessages } from "../core/methods/messages";
import { recentTrend, type TrendPoint } from "../core/methods/recent-trend";
import { xmrChart } from "../core/methods/spc";
import { broadcast, broadcastWide, listCells, optionalListCells, single } from "./broadcast";
import { maybeNumberArg, numberArg, numberList, optionalNumberArg, optionalWordArg, polarityArg } from "./coerce";
import { functionMessages } from "./messages";

/**
 * Distance of a value from the median of the comparator values, in median absolute deviations (Oflog's way): (value - median) / MAD, signed so that positive is better ("lower": below the median is positive; "none": positive is higher). #DIV/0! when the MAD is 0.
 * @customfunction LAAMADS
 * @param {any[][]} value The local value, or a range of them.
 * @param {any[][]} values All comparator values for the same measure and period (a row or column; blanks and "n/a" are ignored).
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none".
 * @returns {any[][]} The distance in MADs, spilled in the shape of value.
 * @example =LAAMADS(14, {10,11,12,13,14}) returns 2 (median 12, MAD 1); =LAAMADS(B2:B153, B2:B153, "lower") spills a column
 */
export function laamads(value: any[][], values: any[][], polarity?: any[][]): any[][] {
  const comparators = numberList(listCells(values) ?? [], "values");
  return broadcast(
    [
      { name: "value", value },
      { name: "polarity", value: polarity ?? null },
    ],
    ([v, p]) => {
      if (!comparators.ok) return comparators;
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const val = maybeNumberArg(v, "value");
      if (!val.ok) return val;
      return madsFromMedian(val.value, comparators.value, pol.value);
    },
  );
}

/**
 * Words for a distance from the median in MADs: "Broadly similar" below 0.5, then "Slightly", plain, "Much" (3 to 7.5) and "Very much" better or worse ("higher"/"lower" for polarity none).
 * @customfunction LAAMADSWORDS
 * @param {any[][]} distance The distance in MADs, positive = better (e.g. an LAAMADS result), or a range of them.
 * @param {any[][]} [polarity] "higher" (default) or "lower" give better/worse; "none" gives higher/lower.
 * @returns {any[][]} The words, spilled in the shape of distance.
 * @example =LAAMADSWORDS(2) returns "Better"; =LAAMADSWORDS(0.7, "none") returns "Slightly higher"
 */
export function laamadswords(distance: any[][], polarity?: any[][]): any[][] {
  return broadcast(
    [
      { name: "distance", value: distance },
      { name: "polarity", value: polarity ?? null },
    ],
    ([d, p]) => {
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const dist = numberArg(d, "distance");
      if (!dist.ok) return dist;
      return ok(madsWords(dist.value, pol.value));
    },
  );
}

/** An optional list argument of a recent trend, as long as the values. */
function trendList(raw: any[][] | undefined | null, name: string, length: number): Result<(number | null)[] | undefined> {
  const cells = optionalListCells(raw ?? null);
  if (cells === undefined) return ok(undefined);
  const list = numberList(cells, name);
  if (!list.ok) return list;
  if (list.value.length !== length) return fail("value", methodMessages.trendListLengths(name, list.value.length, length));
  return list;
}

/**
 * Recent trend by the public health profiles' method over the 5 latest periods with a value and both 95% limits: weighted slope of the values, or with counts and denominators the chi-squared test for trend in proportions; significant at 99.8% and only when the direction holds with each period left out.
 * @customfunction LAARECENTTREND
 * @param {any[][]} values The values in time order (a row or column).
 * @param {any[][]} lower The lower 95% confidence limit of each value, same number of cells.
 * @param {any[][]} upper The upper 95% confidence limit of each value, same number of cells.
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none" (then only "Increasing" or "Decreasing").
 * @param {any[][]} [counts] For proportions: the count (numerator) of each period.
 * @param {any[][]} [denominators] For proportions: the denominator of each period.
 * @returns {any[][]} "No significant change", "Increasing and getting better", "Decreasing and getting worse" and so on; "Cannot be calculated" messages come as #N/A.
 * @example =LAARECENTTREND(B2:B11, C2:C11, D2:D11, "lower")
 */
export function laarecenttrend(values: any[][], lower: any[][], upper: any[][], polarity?: any[][], counts?: any[][], denominators?: any[][]): any[][] {
  const ys = numberList(listCells(values) ?? [], "values");
  if (!ys.ok) return single(ys);
  const n = ys.value.length;
  const lo = trendList(lower, "lower", n);
  if (!lo.ok) return single(lo);
  const hi = trendList(upper, "upper", n);
  if (!hi.ok) return single(hi);
  const xs = trendList(counts, "counts", n);
  if (!xs.ok) return single(xs);
  const ns = trendList(denominators, "denominators", n);
  if (!ns.ok) return single(ns);
  const pol = polarityArg(listCells(polarity ?? null)?.[0] ?? null);
  if (!pol.ok) return single(pol);
  const points: TrendPoint[] = ys.value.map((value, i) => ({
    value,
    lower: lo.value?.[i] ?? null,
    upper: hi.value?.[i] ?? null,
    count: xs.value?.[i] ?? null,
    denominator: ns.value?.[i] ?? null,
  }));
  const trend = recentTrend(points, pol.value);
  return single(trend.ok ? ok(trend.value.words) : trend);
}

/** The values of an XmR chart and its options, read once per call. */
function spcInputs(values: any[][], polarity: any[][] | undefined, baselinePoints: any[][] | undefined) {
  const ys = numberList(listCells(values) ?? [], "values");
  if (!ys.ok) return ys;
  const pol = polarityArg(listCells(polarity ?? null)?.[0] ?? null);
  if (!pol.ok) return pol;
  const k = optionalNumberArg(listCells(baselinePoints ?? null)?.[0] ?? null, "baselinePoints", null);
  if (!k.ok) return k;
  return ok({ ys: ys.value, polarity: pol.value, baselinePoints: k.value });
}

/**
 * Statistical process control (Making Data Count XmR chart): spills one row of variation, assurance, mean, lower process limit and upper process limit. Limits are the mean +/- 2.66 x the mean moving range (large moving ranges screened); fewer than 15 points is provisional.
 * @customfunction LAASPC
 * @param {any[][]} values The values in time order (a row or column; blanks are skipped).
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none".
 * @param {any[][]} [target] The target, for assurance ("Consistently passing", "Hit and miss", "Consistently failing"); blank gives "No target".
 * @param {any[][]} [baselinePoints] Calculate the mean and limits from the first this many points only (default all).
 * @returns {any[][]} One row: variation (the latest point's word), assurance, mean, lower limit, upper limit.
 * @example =LAASPC(B2:B25, "lower", 30) spills e.g. "Common cause", "Hit and miss", 28.1, 21.3, 34.9
 */
export function laaspc(values: any[][], polarity?: any[][], target?: any[][], baselinePoints?: any[][]): any[][] {
  const inputs = spcInputs(values, polarity, baselinePoints);
  const tgt = optionalNumberArg(listCells(target ?? null)?.[0] ?? null, "target", null);
  return broadcastWide([], 5, () => {
    if (!inputs.ok) return inputs;
    if (!tgt.ok) return tgt;
    const chart = xmrChart(inputs.value.ys, { polarity: inputs.value.polarity, target: tgt.value, baselinePoints: inputs.value.baselinePoints });
    if (!chart.ok) return chart;
    const c = chart.value;
    const variation = c.provisional ? `${c.variation} (provisional: fewer than 15 points)` : c.variation;
    return ok([variation, c.assurance, c.mean, c.lower, c.upper]);
  });
}

/**
 * The Making Data Count word of every value of an XmR chart ("Common cause", "Special cause improvement", "Special cause concern"; for polarity none "Special cause high"/"low"), spilled in the shape of the values; blanks stay blank.
 * @customfunction LAASPCPOINTS
 * @param {any[][]} values The values in time order (a row or column; blanks are skipped).
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none".
 * @param {any[][]} [baselinePoints] Calculate the mean and limits from the first this many points only (default all).
 * @returns {any[][]} A word for each value, in the shape of values.
 * @example =LAASPCPOINTS(B2:B25, "lower") spills a column of words beside the values
 */
export function laaspcpoints(values: any[][], polarity?: any[][], baselinePoints?: any[][]): any[][] {
  const inputs = spcInputs(values, polarity, baselinePoints);
  const chart = inputs.ok ? xmrChart(inputs.value.ys, { polarity: inputs.value.polarity, baselinePoints: inputs.value.baselinePoints }) : inputs;
  if (!chart.ok) return single(chart);
  const words = chart.value.points;
  const rows = Array.isArray(values) ? values : [[values]];
  let i = 0;
  return rows.map((row) => (Array.isArray(row) ? row : [row]).map(() => words[i++] ?? ""));
}

/**
 * Directly standardised rate (PHEindicatormethods' method) with Dobson confidence limits: spills DSR, lower, upper. One count and population per age band; the standard population defaults to the 2013 European Standard Population (19 bands, 0-4 to 90+). Fewer than 10 events in total is #N/A.
 * @customfunction LAADSR
 * @param {any[][]} counts The number of events in each age band, youngest first (a row or column).
 * @param {any[][]} populations The population of each age band, same number of cells.
 * @param {any[][]} [standard] The standard population of each age band (default the 2013 European Standard Population, 19 bands).
 * @param {any[][]} [level] Confidence level: 95 (default) or 99.8, as 0.95 or 95.
 * @param {any[][]} [multiplier] Rate per this many people (default 100000).
 * @returns {any[][]} One row: DSR, lower limit, upper limit.
 * @example =LAADSR(B2:B20, C2:C20) spills the rate per 100,000 and its 95% limits
 */
export function laadsr(counts: any[][], populations: any[][], standard?: any[][], level?: any[][], multiplier?: any[][]): any[][] {
  const xs = numberList(listCells(counts) ?? [], "counts");
  const ns = numberList(listCells(populations) ?? [], "populations");
  const std = optionalListCells(standard ?? null);
  const ws = std === undefined ? ok(undefined) : numberList(std, "standard");
  const lvl = optionalNumberArg(listCells(level ?? null)?.[0] ?? null, "level", null);
  const per = optionalNumberArg(listCells(multiplier ?? null)?.[0] ?? null, "multiplier", 100000);
  return broadcastWide([], 3, () => {
    if (!xs.ok) return xs;
    if (!ns.ok) return ns;
    if (!ws.ok) return ws;
    if (!lvl.ok) return lvl;
    if (!per.ok) return per;
    const gap = ws.value?.findIndex((w) => w === null) ?? -1;
    if (gap >= 0) {
      const raw = std?.[gap];
      const shown = typeof raw === "string" && raw.trim() !== "" ? `cell shows ${raw.trim()}` : "blank cell";
      return fail("na", functionMessages.missing(`standard population for age band ${gap + 1}`, shown));
    }
    const r = dsr(xs.value, ns.value, { standard: ws.value as number[] | undefined, level: lvl.value, multiplier: per.value });
    return r.ok ? ok([r.value.value, r.value.lower, r.value.upper]) : r;
  });
}

/** The arguments LAAISR and LAASMR share, read once: the reference is counts and populations when refPopulations is given, else rates. */
function isrInputs(
  counts: any[][], populations: any[][], refCountsOrRates: any[][], refPopulations: any[][] | undefined, level: any[][] | undefined, multiplier: any[][] | undefined,
  defaultMultiplier: number,
): Result<{ xs: (number | null)[]; ns: (number | null)[]; reference: IsrReference; level: number | null; multiplier: number }> {
  const xs = numberList(listCells(counts) ?? [], "counts");
  if (!xs.ok) return xs;
  const ns = numberList(listCells(populations) ?? [], "populations");
  if (!ns.ok) return ns;
  const refPops = optionalListCells(refPopulations ?? null);
  const ref = numberList(listCells(refCountsOrRates) ?? [], refPops === undefined ? "reference rates" : "reference counts");
  if (!ref.ok) return ref;
  let reference: IsrReference = { rates: ref.value };
  if (refPops !== undefined) {
    const rn = numberList(refPops, "reference populations");
    if (!rn.ok) return rn;
    reference = { counts: ref.value, populations: rn.value };
  }
  const lvl = optionalNumberArg(listCells(level ?? null)?.[0] ?? null, "level", null);
  if (!lvl.ok) return lvl;
  const per = optionalNumberArg(listCells(multiplier ?? null)?.[0] ?? null, "multiplier", defaultMultiplier);
  if (!per.ok) return per;
  return ok({ xs: xs.value, ns: ns.value, reference, level: lvl.value, multiplier: per.value });
}

/**
 * Indirectly standardised rate (PHEindicatormethods' method): spills rate, lower, upper. The observed events over the events the reference rates predict for the area's populations, times the reference crude rate; exact Poisson limits below 10 events, Byars from 10. One cell per age band in every range; it needs the reference counts and populations.
 * @customfunction LAAISR
 * @param {any[][]} counts The number of events in each age band (a row or column; a band with none is 0).
 * @param {any[][]} populations The area's population of each age band, same number of cells.
 * @param {any[][]} refCountsOrRates The reference population's events in each age band (or, without refPopulations, its rates per person).
 * @param {any[][]} [refPopulations] The reference population of each age band.
 * @param {any[][]} [level] Confidence level: 95 (default) or 99.8, as 0.95 or 95.
 * @param {any[][]} [multiplier] Rate per this many people (default 100000).
 * @returns {any[][]} One row: rate, lower limit, upper limit.
 * @example =LAAISR(B2:B20, C2:C20, D2:D20, E2:E20) spills the rate per 100,000 and its 95% limits
 */
export function laaisr(
  counts: any[][], populations: any[][], refCountsOrRates: any[][], refPopulations?: any[][], level?: any[][], multiplier?: any[][],
): any[][] {
  const inputs = isrInputs(counts, populations, refCountsOrRates, refPopulations, level, multiplier, 100000);
  return broadcastWide([], 3, () => {
    if (!inputs.ok) return inputs;
    const { xs, ns, reference, level: lvl, multiplier: per } = inputs.value;
    const r = isRate(xs, ns, reference, { level: lvl, multiplier: per });
    return r.ok ? ok([r.value.value, r.value.lower, r.value.upper]) : r;
  });
}

/**
 * Standardised mortality (or admission) ratio, an indirectly standardised ratio: spills ratio, lower, upper. The observed events over the events the reference rates predict for the area's populations, times 100 (100 = as expected); exact Poisson limits below 10 events, Byars from 10.
 * @customfunction LAASMR
 * @param {any[][]} counts The number of events in each age band (a row or column; a band with none is 0).
 * @param {any[][]} populations The area's population of each age band, same number of cells.
 * @param {any[][]} refCountsOrRates The reference population's events in each age band (or, without refPopulations, its rates per person).
 * @param {any[][]} [refPopulations] The reference population of each age band.
 * @param {any[][]} [level] Confidence level: 95 (default) or 99.8, as 0.95 or 95.
 * @param {any[][]} [multiplier] 100 (default) for a standardised mortality ratio, 1 for a ratio around 1.
 * @returns {any[][]} One row: ratio, lower limit, upper limit.
 * @example =LAASMR(B2:B20, C2:C20, D2:D20, E2:E20) spills the ratio and its 95% limits
 */
export function laasmr(
  counts: any[][], populations: any[][], refCountsOrRates: any[][], refPopulations?: any[][], level?: any[][], multiplier?: any[][],
): any[][] {
  const inputs = isrInputs(counts, populations, refCountsOrRates, refPopulations, level, multiplier, 100);
  return broadcastWide([], 3, () => {
    if (!inputs.ok) return inputs;
    const { xs, ns, reference, level: lvl, multiplier: per } = inputs.value;
    const r = isRatio(xs, ns, reference, { level: lvl, multiplier: per });
    return r.ok ? ok([r.value.value, r.value.lower, r.value.upper]) : r;
  });
}

/** The figures of a funnel's areas and its options, read once per call (LAAFUNNEL, LAAFUNNELSIG). */
function funnelInputs(
  numerators: any[][], denominatorsOrRates: any[][], type: any[][] | undefined, multiplier: any[][] | undefined, years: any[][] | undefined | null,
  populations: any[][] | undefined,
): Result<FunnelInput> {
  const kind = optionalWordArg(listCells(type ?? null)?.[0] ?? null, "type");
  if (!kind.ok) return kind;
  const t = parseFunnelType(kind.value);
  if (!t.ok) return t;
  const xs = numberList(listCells(numerators) ?? [], "numerators");
  if (!xs.ok) return xs;
  const second = numberList(listCells(denominatorsOrRates) ?? [], "denominatorsOrRates");
  if (!second.ok) return second;
  const per = optionalNumberArg(listCells(multiplier ?? null)?.[0] ?? null, "multiplier", t.value.statistic === "rate" ? FUNNEL_RATE_MULTIPLIER : FUNNEL_PROPORTION_MULTIPLIER);
  if (!per.ok) return per;
  const y = optionalNumberArg(listCells(years ?? null)?.[0] ?? null, "years", 1);
  if (!y.ok) return y;
  const pops = optionalListCells(populations ?? null);
  const ns = pops === undefined ? ok(undefined) : numberList(pops, "populations");
  if (!ns.ok) return ns;
  switch (t.value.statistic) {
    case "proportion":
      return ok({ statistic: "proportion", numerators: xs.value, denominators: second.value, multiplier: per.value });
    case "ratio":
      return ok({ statistic: "ratio", numerators: xs.value, denominators: second.value, ratioType: t.value.ratioType });
    case "rate":
      return ok({
        statistic: "rate", rateType: t.value.rateType, numerators: xs.value, rates: second.value, denominators: ns.value, multiplier: per.value, yearsOfData: y.value,
      });
  }
}

/** LAAFUNNEL's default multiplier for proportions (a percentage) and for rates (per 100,000, as LAADSR and LAAISR). */
const FUNNEL_PROPORTION_MULTIPLIER = 100;
const FUNNEL_RATE_MULTIPLIER = 100000;

/**
 * Funnel plot limits (PHEindicatormethods' calculate_funnel_limits): spills 100 rows to draw the funnel through, each: axis point, baseline, 2 SD (95%) lower and upper limits, 3 SD (99.8%) lower and upper limits, then where each of the four limits lies on the horizontal axis (the axis point for proportions; the expected events for ratios, the population per year for rates). No header row.
 * @customfunction LAAFUNNEL
 * @param {any[][]} numerators Every area's numerator (observed events for ratios and rates), a row or column; a blank leaves the area out.
 * @param {any[][]} denominatorsOrRates Every area's denominator (proportion), expected events (ratio) or rate per multiplier (rate), same number of cells.
 * @param {any[][]} [type] "proportion" (default), "isr" (observed / expected x 100), "count" (observed / expected - 1), "dsr" or "crude" (rates).
 * @param {any[][]} [multiplier] Per this many: default 100 for proportions (a percentage), 100000 for rates; not used for ratios.
 * @param {any[][]} [years] Rates only: the years of data the rates cover (default 1), so the populations are per year.
 * @param {any[][]} [populations] Rates only: every area's population, needed for a crude rate with no events.
 * @returns {any[][]} 100 rows of 10 columns: axis, baseline, lower 2 SD, upper 2 SD, lower 3 SD, upper 3 SD, and the horizontal position of each of the four limits.
 * @example =LAAFUNNEL(B2:B40, C2:C40) spills the limits of a percentage around the baseline of 39 areas
 */
export function laafunnel(
  numerators: any[][], denominatorsOrRates: any[][], type?: any[][], multiplier?: any[][], years?: any[][], populations?: any[][],
): any[][] {
  const inputs = funnelInputs(numerators, denominatorsOrRates, type, multiplier, years, populations);
  const limits = inputs.ok ? funnelLimits(inputs.value) : inputs;
  if (!limits.ok) return single(limits);
  const { baseline, points } = limits.value;
  return points.map((p) => {
    const at = p.denominators ?? { lower2s: p.axis, upper2s: p.axis, lower3s: p.axis, upper3s: p.axis };
    return [p.axis, baseline, p.lower2s, p.upper2s, p.lower3s, p.upper3s, at.lower2s, at.upper2s, at.lower3s, at.upper3s];
  });
}

/**
 * An area's funnel plot label (PHEindicatormethods' assign_funnel_significance) against the baseline of all the areas: "High (0.001)" or "Low (0.001)" outside the 3 SD (99.8%) limits, "High (0.025)" or "Low (0.025)" outside the 2 SD (95%) limits, else "Not significant"; a DSR of fewer than 10 events is "Not applicable for events less than 10 for dsrs". Spills over a range of areas.
 * @customfunction LAAFUNNELSIG
 * @param {any[][]} numerator The area's numerator (observed events for ratios and rates), or a range of them.
 * @param {any[][]} denominatorOrRate The area's denominator (proportion), expected events (ratio) or rate per multiplier (rate), or a range of them.
 * @param {any[][]} numerators Every area's numerator, the area's included (a row or column; a blank leaves that area out of the baseline).
 * @param {any[][]} denominatorsOrRates Every area's denominator, expected events or rate, same number of cells.
 * @param {any[][]} [type] "proportion" (default), "isr" (observed / expected x 100), "count" (observed / expected - 1), "dsr" or "crude" (rates).
 * @param {any[][]} [multiplier] Rates only: the rates are per this many (default 100000).
 * @param {any[][]} [population] Rates only: the area's population, or a range of them, needed for a crude rate with no events.
 * @param {any[][]} [populations] Rates only: every area's population, needed for a crude rate with no events.
 * @returns {any[][]} The label, spilled in the shape of the area's ranges.
 * @example =LAAFUNNELSIG(B2:B40, C2:C40, B2:B40, C2:C40) spills each area's label beside it
 */
export function laafunnelsig(
  numerator: any[][], denominatorOrRate: any[][], numerators: any[][], denominatorsOrRates: any[][], type?: any[][], multiplier?: any[][],
  population?: any[][], populations?: any[][],
): any[][] {
  const inputs = funnelInputs(numerators, denominatorsOrRates, type, multiplier, null, populations);
  const labeller = inputs.ok ? funnelAreaLabeller(inputs.value) : inputs;
  return broadcast(
    [
      { name: "numerator", value: numerator },
      { name: "denominatorOrRate", value: denominatorOrRate },
      { name: "population", value: population ?? null },
    ],
    ([x, d, n]) => {
      if (!labeller.ok) return labeller;
      const num = numberArg(x, "numerator");
      if (!num.ok) return num;
      // A blank rate is allowed where the method does not need it (a DSR with no events): the core decides.
      const second = numberArg(d, "denominatorOrRate");
      if (!second.ok && second.problem.kind !== "na") return second;
      const pop = maybeNumberArg(n, "population");
      if (!pop.ok) return pop;
      const label = labeller.value({ numerator: num.value, denominatorOrRate: second.ok ? second.value : null, population: pop.value });
      if (!label.ok) return label;
      if (label.value !== null) return ok(label.value);
      // No label: the blank denominator or rate was needed after all.
      return second.ok ? fail("na", functionMessages.missing("denominatorOrRate", "blank cell")) : second;
    },
  );
}
