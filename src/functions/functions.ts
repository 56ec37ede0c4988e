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
import { trajectory } from "../core/trajectory";
import { forecast, slope } from "../core/trend";
import { broadcast, broadcastWide, listCells, optionalListCells, single } from "./broadcast";
import { axisList, axisPoint, dateArg, maybeNumberArg, nonNegativeArg, numberArg, numberList, optionalNumberArg, optionalWordArg, polarityArg, readingArg } from "./coerce";
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

export * from "./methods";
