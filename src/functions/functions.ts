/* eslint-disable @typescript-eslint/no-explicit-any */
/*
 * Worksheet functions (docs/methods.md#functions). Thin wrappers: coerce the arguments, call the core,
 * map problems to Excel errors in one helper (errors.ts). No arithmetic here.
 *
 * Parameters and results are typed `any[][]` because custom-functions-metadata requires the
 * TypeScript type to match the JSDoc type it turns into functions.json; broadcast() narrows them.
 *
 * Every argument that takes a single value also takes a range (declared as a matrix, so a single cell
 * arrives as [[value]]); the result spills in the common shape. Arguments that are lists by nature
 * (values, periods, statuses, weights) are read whole and never broadcast; blanks in them are
 * skipped as Excel's SLOPE skips them. The JSDoc below is read by custom-functions-metadata-plugin
 * to generate functions.json: keep descriptions in UK English.
 */
import { readNumber } from "../core/cells";
import { compareWithBenchmark } from "../core/compare";
import { directionOfTravel } from "../core/dot";
import { gap, parseGapMode } from "../core/gap";
import { shareFromNumber } from "../core/indicator";
import { progress, rewardShareOf, DEFAULT_REWARD_THRESHOLD } from "../core/progress";
import { fail, ok, type Result } from "../core/result";
import { score } from "../core/scorecard";
import { confidenceInterval, parseIntervalMethod } from "../core/stats/intervals";
import { quantileOf } from "../core/stats/quantiles";
import { dsr } from "../core/methods/dsr";
import { funnelAreaLabeller, funnelLimits, parseFunnelType, type FunnelInput } from "../core/methods/funnel";
import { isRate, isRatio, type IsrReference } from "../core/methods/isr";
import { madsFromMedian, madsWords } from "../core/methods/median-mads";
import { methodMessages } from "../core/methods/messages";
import { recentTrend, type TrendPoint } from "../core/methods/recent-trend";
import { xmrChart } from "../core/methods/spc";
import { trajectory } from "../core/trajectory";
import { forecast, slope } from "../core/trend";
import { broadcast, broadcastWide, listCells, optionalListCells, single } from "./broadcast";
import {
  axisList, axisPoint, dateArg, maybeNumberArg, nonNegativeArg, numberArg, numberList, optionalNumberArg, optionalWordArg, polarityArg, readingArg,
} from "./coerce";
import { functionMessages } from "./messages";
import { rateCell } from "./rag";

/** Default number of quantiles for LAAQUANTILE (docs/methods.md#functions: quartiles). */
const DEFAULT_QUANTILES = 4;

/**
 * Shortfall of an actual against its target: how far the target is missed (positive) or beaten (zero or negative). Polarity none gives #N/A.
 * @customfunction LAAGAP
 * @param {any[][]} actual The actual (outturn) value, or a range of them.
 * @param {any[][]} target The target value, or a range of them, in the same units as the actual.
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none"; also "higher is better", "low is good", "data only".
 * @param {any[][]} [mode] "abs" (default) for the gap in the indicator's units, or "pct" for the gap as a share of the target (0.04 = 4%).
 * @returns {any[][]} The gap, spilled in the shape of the ranges given.
 * @example =LAAGAP(72, 75) returns 3; =LAAGAP(72, 75, "higher", "pct") returns 0.04; =LAAGAP(C2:C200, D2:D200, "lower") spills a column
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
      const word = optionalWordArg(m, "mode");
      if (!word.ok) return word;
      const gapMode = parseGapMode(word.value);
      if (!gapMode.ok) return gapMode;
      const act = numberArg(a, "actual");
      if (!act.ok) return act;
      const tgt = numberArg(t, "target");
      if (!tgt.ok) return tgt;
      return gap(act.value, tgt.value, pol.value, gapMode.value);
    },
  );
}

/**
 * Share of the planned improvement achieved: (actual - baseline) / (target - baseline). 0 at the baseline, 1 at the target; #DIV/0! when the target equals the baseline.
 * @customfunction LAAPROGRESS
 * @param {any[][]} baseline The baseline value the improvement is measured from, or a range of them.
 * @param {any[][]} target The target value, or a range of them, in the same units as the baseline.
 * @param {any[][]} actual The actual (outturn) value, or a range of them.
 * @returns {any[][]} Progress as a fraction (0.6 = 60% of the planned improvement), spilled in the shape of the ranges given.
 * @example =LAAPROGRESS(60, 75, 69) returns 0.6
 */
export function laaprogress(baseline: any[][], target: any[][], actual: any[][]): any[][] {
  return broadcast(
    [
      { name: "baseline", value: baseline },
      { name: "target", value: target },
      { name: "actual", value: actual },
    ],
    ([b, t, a]) => {
      const base = numberArg(b, "baseline");
      if (!base.ok) return base;
      const tgt = numberArg(t, "target");
      if (!tgt.ok) return tgt;
      const act = numberArg(a, "actual");
      if (!act.ok) return act;
      return progress(base.value, tgt.value, act.value);
    },
  );
}

/**
 * Reward grant share (Local PSA / LAA Performance Reward Grant rule): 0 when progress is below the threshold, otherwise progress capped at 1.
 * @customfunction LAAREWARD
 * @param {any[][]} baseline The baseline value, or a range of them.
 * @param {any[][]} target The target value, or a range of them.
 * @param {any[][]} actual The actual (outturn) value, or a range of them.
 * @param {any[][]} [threshold] Least progress that earns any reward, as a fraction from 0 to 1 (default 0.6, also typed 60%).
 * @returns {any[][]} The share of the reward earned, from 0 to 1, spilled in the shape of the ranges given.
 * @example =LAAREWARD(60, 75, 72) returns 0.8; =LAAREWARD(60, 75, 68) returns 0 (progress 0.53 is below 0.6)
 */
export function laareward(baseline: any[][], target: any[][], actual: any[][], threshold?: any[][]): any[][] {
  return broadcast(
    [
      { name: "baseline", value: baseline },
      { name: "target", value: target },
      { name: "actual", value: actual },
      { name: "threshold", value: threshold ?? null },
    ],
    ([b, t, a, h]) => {
      const thr = optionalNumberArg(h, "threshold", DEFAULT_REWARD_THRESHOLD);
      if (!thr.ok) return thr;
      const base = numberArg(b, "baseline");
      if (!base.ok) return base;
      const tgt = numberArg(t, "target");
      if (!tgt.ok) return tgt;
      const act = numberArg(a, "actual");
      if (!act.ok) return act;
      return rewardShareOf(base.value, tgt.value, act.value, thr.value);
    },
  );
}

/**
 * Expected value at a date on the straight line from the baseline to the target (the trajectory or profiled target): the baseline before its date, the target after its date.
 * @customfunction LAATRAJECTORY
 * @param {any[][]} baseline The baseline value, or a range of them.
 * @param {any[][]} baselineDate When the baseline was measured: a date, or a period label such as "2007/08", "Q4 2007/08" or "Mar-08" (a period means its last day).
 * @param {any[][]} target The target value, or a range of them.
 * @param {any[][]} targetDate When the target is due: a date or a period label such as "2010/11"; must be after the baseline date.
 * @param {any[][]} asAt The date or period label to read the trajectory at, e.g. "Q2 2009/10".
 * @returns {any[][]} The trajectory value, in the units of the baseline and target, spilled in the shape of the ranges given.
 * @example =LAATRAJECTORY(60, "2007/08", 80, "2010/11", "2008/09") returns 66.67 (365 of 1,095 days along)
 */
export function laatrajectory(baseline: any[][], baselineDate: any[][], target: any[][], targetDate: any[][], asAt: any[][]): any[][] {
  return broadcast(
    [
      { name: "baseline", value: baseline },
      { name: "baselineDate", value: baselineDate },
      { name: "target", value: target },
      { name: "targetDate", value: targetDate },
      { name: "asAt", value: asAt },
    ],
    ([b, bd, t, td, at]) => {
      const base = numberArg(b, "baseline");
      if (!base.ok) return base;
      const baseAt = dateArg(bd, "baselineDate");
      if (!baseAt.ok) return baseAt;
      const tgt = numberArg(t, "target");
      if (!tgt.ok) return tgt;
      const tgtAt = dateArg(td, "targetDate");
      if (!tgtAt.ok) return tgtAt;
      const when = dateArg(at, "asAt");
      if (!when.ok) return when;
      return trajectory({ at: baseAt.value, value: base.value }, [{ at: tgtAt.value, value: tgt.value }], when.value);
    },
  );
}

/**
 * Red/Amber/Green status of an actual against its target by the Tolerance rule: Green when the target is met, Amber when short by no more than the tolerance, Red otherwise, Blue when beaten by the blue margin. Grey when the actual or target is missing or the polarity is none.
 * @customfunction LAARAG
 * @param {any[][]} actual The actual (outturn) value, or a range of them (blank or "n/a" gives Grey).
 * @param {any[][]} target The target value, or a range of them (blank gives Grey).
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none" (Grey); also "higher is better", "low is good", "data only".
 * @param {any[][]} [tolerance] Amber band as a share of the target, 0 or more (default 0.05; 5% and 5 also mean 5%).
 * @param {any[][]} [blueMargin] Blue when the target is beaten by at least this share of it, 0 or more (e.g. 0.1, 10% or 10); omitted means no Blue.
 * @returns {any[][]} The status word (Blue, Green, Amber, Red or Grey), spilled in the shape of the ranges given.
 * @example =LAARAG(72, 75) returns "Amber" (3 short, 4% of target, within 5%); =LAARAG(B2:B200, C2:C200, "lower") spills a column
 */
export function laarag(actual: any[][], target: any[][], polarity?: any[][], tolerance?: any[][], blueMargin?: any[][]): any[][] {
  return broadcast(
    [
      { name: "actual", value: actual },
      { name: "target", value: target },
      { name: "polarity", value: polarity ?? null },
      { name: "tolerance", value: tolerance ?? null },
      { name: "blueMargin", value: blueMargin ?? null },
    ],
    ([a, t, p, tol, bm]) => {
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const band = nonNegativeArg(tol, "tolerance", null);
      if (!band.ok) return band;
      const blue = nonNegativeArg(bm, "blueMargin", null);
      if (!blue.ok) return blue;
      const act = readingArg(a, "actual");
      if (!act.ok) return act;
      const tgt = readingArg(t, "target");
      if (!tgt.ok) return tgt;
      // A number above 1 is a percentage (5 means 5%), as in the indicator table's Tolerance column.
      const share = (v: number | null) => (v === null ? null : shareFromNumber(v));
      return ok(rateCell(act.value, tgt.value, pol.value, share(band.value), share(blue.value)));
    },
  );
}

/**
 * Direction of travel from a previous value to the current one: Improving, Worsening or No change (Increasing or Decreasing for polarity none); Not compared when either value is missing.
 * @customfunction LAADOT
 * @param {any[][]} previous The earlier value (previous period, or the same period a year earlier), or a range of them.
 * @param {any[][]} current The current value, or a range of them.
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none"; also "higher is better", "low is good", "data only".
 * @param {any[][]} [threshold] No change when the change is at most this share of the previous value, 0 or more (default 0, e.g. 0.02 or 2%).
 * @returns {any[][]} The direction word, spilled in the shape of the ranges given.
 * @example =LAADOT(70, 72, "lower") returns "Worsening"
 */
export function laadot(previous: any[][], current: any[][], polarity?: any[][], threshold?: any[][]): any[][] {
  return broadcast(
    [
      { name: "previous", value: previous },
      { name: "current", value: current },
      { name: "polarity", value: polarity ?? null },
      { name: "threshold", value: threshold ?? null },
    ],
    ([pv, cv, p, h]) => {
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const thr = nonNegativeArg(h, "threshold", 0);
      if (!thr.ok) return thr;
      const prev = maybeNumberArg(pv, "previous");
      if (!prev.ok) return prev;
      const cur = maybeNumberArg(cv, "current");
      if (!cur.ok) return cur;
      return directionOfTravel(prev.value, cur.value, pol.value, thr.value);
    },
  );
}

/** The values (and periods, when given) of a trend, read once per call. */
function trendLists(values: any[][], periods: any[][] | undefined | null): Result<{ ys: (number | null)[]; xs: (number | null)[] | undefined }> {
  const ys = numberList(listCells(values) ?? [], "values");
  if (!ys.ok) return ys;
  const periodCells = optionalListCells(periods ?? null);
  if (periodCells === undefined) return ok({ ys: ys.value, xs: undefined });
  const xs = axisList(periodCells, "periods");
  if (!xs.ok) return xs;
  return ok({ ys: ys.value, xs: xs.value });
}

/**
 * Slope of the least-squares line through the values (as Excel's SLOPE): the change per period. Pairs with a blank are skipped; fewer than two points is #N/A, all periods equal #DIV/0!.
 * @customfunction LAATREND
 * @param {any[][]} values The values in period order (a row or column; blanks and "n/a" are skipped).
 * @param {any[][]} [periods] The period of each value, same number of cells: numbers (default 1, 2, 3 ...) or period labels such as "2008/09" (then the slope is per day).
 * @returns {any[][]} The slope, in the values' units per period.
 * @example =LAATREND({10,12,15,15}) returns 1.8, as =SLOPE({10,12,15,15},{1,2,3,4})
 */
export function laatrend(values: any[][], periods?: any[][]): any[][] {
  const lists = trendLists(values, periods);
  if (!lists.ok) return single(lists);
  return single(slope(lists.value.ys, lists.value.xs));
}

/**
 * Forecast at a period from the least-squares line through the values (as Excel's FORECAST.LINEAR). Pairs with a blank are skipped; fewer than two points is #N/A, all periods equal #DIV/0!.
 * @customfunction LAAFORECAST
 * @param {any[][]} values The values in period order (a row or column; blanks and "n/a" are skipped).
 * @param {any[][]} at The period to forecast at, on the same axis as the periods (e.g. 6 for the sixth period, or "2010/11" when periods are labels), or a range of them.
 * @param {any[][]} [periods] The period of each value, same number of cells: numbers (default 1, 2, 3 ...) or period labels such as "2008/09".
 * @returns {any[][]} The forecast value, spilled in the shape of at.
 * @example =LAAFORECAST({10,12,15,15}, 6) returns 19.3, as =FORECAST.LINEAR(6,{10,12,15,15},{1,2,3,4})
 */
export function laaforecast(values: any[][], at: any[][], periods?: any[][]): any[][] {
  const lists = trendLists(values, periods);
  return broadcast([{ name: "at", value: at }], ([x]) => {
    if (!lists.ok) return lists;
    const point = axisPoint(x, "at");
    if (!point.ok) return point;
    if (point.value === null) {
      const reading = readNumber(x, "at");
      return fail("na", functionMessages.missing("at", reading.kind === "missing" ? reading.reason : "blank cell"));
    }
    return forecast(lists.value.ys, point.value, lists.value.xs);
  });
}

/**
 * Confidence interval by the public health methods (PHEindicatormethods): Wilson score for a proportion, or exact Poisson / Byars for a count or rate. Spills the lower and upper limits side by side.
 * @customfunction LAACI
 * @param {any[][]} numerator The count of events (0 or more), or a range of them.
 * @param {any[][]} denominator The population or number of cases (more than 0), or a range of them; for a proportion at least the numerator.
 * @param {any[][]} [method] "wilson" (default, a proportion), "rate" (exact below 10 events, Byars from 10), "exact" or "byars".
 * @param {any[][]} [level] Confidence level: 0.9 to 1 or 90 to 100 (default 0.95; 99.8 is also common).
 * @param {any[][]} [multiplier] Scales the limits: 1 (default) for a proportion, 100 for a percentage, 100000 for a rate per 100,000.
 * @returns {any[][]} The lower and upper limits side by side: 1 row x 2 columns for one input, n rows x 2 columns for a column of n inputs.
 * @example =LAACI(65, 100) spills 0.5525 and 0.7364 (Wilson, 95%); =LAACI(B2:B20, C2:C20, "rate", 95, 100000) spills 19 rows x 2
 */
export function laaci(numerator: any[][], denominator: any[][], method?: any[][], level?: any[][], multiplier?: any[][]): any[][] {
  return broadcastWide(
    [
      { name: "numerator", value: numerator },
      { name: "denominator", value: denominator },
      { name: "method", value: method ?? null },
      { name: "level", value: level ?? null },
      { name: "multiplier", value: multiplier ?? null },
    ],
    2,
    ([x, n, m, l, k]) => {
      const word = optionalWordArg(m, "method");
      if (!word.ok) return word;
      const how = parseIntervalMethod(word.value);
      if (!how.ok) return how;
      const lvl = optionalNumberArg(l, "level", null);
      if (!lvl.ok) return lvl;
      const scale = optionalNumberArg(k, "multiplier", null);
      if (!scale.ok) return scale;
      const events = numberArg(x, "numerator");
      if (!events.ok) return events;
      const size = numberArg(n, "denominator");
      if (!size.ok) return size;
      const ci = confidenceInterval(events.value, size.value, { method: how.value, level: lvl.value, multiplier: scale.value });
      return ci.ok ? ok([ci.value.lower, ci.value.upper]) : ci;
    },
  );
}

/**
 * Compares a value with a benchmark (e.g. England) through the value's confidence interval: Better, Similar or Worse by polarity (Higher, Similar or Lower for polarity none); Not compared when an input is missing.
 * @customfunction LAACOMPARE
 * @param {any[][]} value The local value, or a range of them.
 * @param {any[][]} lower The lower confidence limit of the value, or a range of them.
 * @param {any[][]} upper The upper confidence limit of the value, or a range of them.
 * @param {any[][]} benchmark The benchmark value (e.g. England), or a range of them.
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none"; also "higher is better", "low is good", "data only".
 * @returns {any[][]} The comparison word, spilled in the shape of the ranges given.
 * @example =LAACOMPARE(25, 22, 28, 20) returns "Better"; with "lower" it returns "Worse"
 */
export function laacompare(value: any[][], lower: any[][], upper: any[][], benchmark: any[][], polarity?: any[][]): any[][] {
  return broadcast(
    [
      { name: "value", value },
      { name: "lower", value: lower },
      { name: "upper", value: upper },
      { name: "benchmark", value: benchmark },
      { name: "polarity", value: polarity ?? null },
    ],
    ([v, lo, hi, bm, p]) => {
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const val = maybeNumberArg(v, "value");
      if (!val.ok) return val;
      const low = maybeNumberArg(lo, "lower");
      if (!low.ok) return low;
      const high = maybeNumberArg(hi, "upper");
      if (!high.ok) return high;
      const bench = maybeNumberArg(bm, "benchmark");
      if (!bench.ok) return bench;
      return ok(compareWithBenchmark(val.value, low.value, high.value, bench.value, pol.value));
    },
  );
}

/**
 * Quantile of a value among comparator values by the public health (PHE) method, numbered so that 1 = best: for lower is better the lowest values are in quantile 1.
 * @customfunction LAAQUANTILE
 * @param {any[][]} value The value to place, which must be one of the values, or a range of them.
 * @param {any[][]} values All comparator values, the value included (a row or column; blanks and "n/a" are ignored).
 * @param {any[][]} [n] How many quantiles: 4 (default, quartiles), 5 quintiles, 10 deciles.
 * @param {any[][]} [polarity] Which direction is good: "higher" (default), "lower" or "none" (quantile 1 holds the highest values).
 * @returns {any[][]} The quantile, 1 = best, spilled in the shape of the ranges given.
 * @example =LAAQUANTILE(40, {10,20,30,40}) returns 1; =LAAQUANTILE(B2:B152, B2:B152, 10, "lower") spills deciles
 */
export function laaquantile(value: any[][], values: any[][], n?: any[][], polarity?: any[][]): any[][] {
  // Read once per call: quantileOf sorts this array once and places each value in it.
  const comparators = numberList(listCells(values) ?? [], "values");
  return broadcast(
    [
      { name: "value", value },
      { name: "n", value: n ?? null },
      { name: "polarity", value: polarity ?? null },
    ],
    ([v, q, p]) => {
      if (!comparators.ok) return comparators;
      const pol = polarityArg(p);
      if (!pol.ok) return pol;
      const count = optionalNumberArg(q, "n", DEFAULT_QUANTILES);
      if (!count.ok) return count;
      const val = numberArg(v, "value");
      if (!val.ok) return val;
      return quantileOf(val.value, comparators.value, { n: count.value, polarity: pol.value });
    },
  );
}

/**
 * Scorecard score: the weighted mean of points over rated indicators (Blue 1, Green 1, Amber 0.5, Red 0; Grey and blanks excluded). #N/A when nothing is rated.
 * @customfunction LAASCORE
 * @param {any[][]} statuses The status words (Blue, Green, Amber, Red, Grey), e.g. a column of LAARAG results.
 * @param {any[][]} [weights] A weight for each status, 0 or more, same number of cells (default 1 each; a blank weight counts as 1).
 * @returns {any[][]} The score from 0 to 1.
 * @example =LAASCORE({"Green","Amber","Red","Grey"}) returns 0.5
 */
export function laascore(statuses: any[][], weights?: any[][]): any[][] {
  return single(score(listCells(statuses) ?? [], optionalListCells(weights ?? null)));
}

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
