/**
 * The RAG rule engine (docs/methods.md#rag-rules): rates one indicator with a rule set. The first rule
 * that matches decides; every rating carries a readable reason. Pure and allocation-light: it is
 * called once per indicator, 100,000 times in a large run.
 *
 * Decisions where docs/methods.md is silent (also in the report):
 * - Rule choice: an indicator's rule column wins. It selects the rules whose `when.rule` names it
 *   (first whose other conditions hold), or else a preset named directly ("stretch", "floor
 *   standard" ...) with the rule set's default parameters; any other text rates Grey, never a guess.
 *   Without a rule column, the first rule (not restricted to a rule name) whose conditions hold.
 * - Which target (section 5) for an undated actual: the undated target, else the last dated target.
 *   Before the first milestone with no dated baseline there is no target (Grey), rather than using
 *   a later target early. Missing target cells are skipped when choosing (a wide layout's blank
 *   intermediate targets mean "no milestone that year"), and named in the Grey reason otherwise.
 * - As-at: the rule set's (or the caller's) as-at period matches an actual of the same period, or of
 *   a period ending the same day (as-at 31/03/2010 finds 2009/10); an as-at date also finds the
 *   latest actual ending on or before it.
 * - Trajectory preset: the target is always the trajectory value through the dated baseline and the
 *   dated targets (so it needs a baseline); Tolerance uses the "which target" order.
 * - Stretch: progress runs from the baseline to the target, whatever the polarity.
 * - Floor standard: Green when the target is met, Amber when the floor is met, Red below it.
 * - Improvement-aware: "improved" means strictly better than the same period a year earlier by
 *   polarity; with no year-earlier actual an indicator outside tolerance is Grey (input missing).
 * - Benchmark: the as-at actual's own confidence limits, else the indicator's limits when the as-at
 *   actual is its latest; at 99.8% as docs/methods.md#benchmark-level derives them.
 * - Blue (Tolerance only) needs the target beaten, not just met: 0 < -shortfall and
 *   -shortfall >= blue margin x abs(target).
 * - SPC: the series as at the rating's period (docs/methods.md#spc-preset); Red (concern or failing)
 *   outranks Amber (hit and miss), which outranks Green (passing or improvement).
 * - Boundaries allow a relative slack of 1e-12 (see numbers.ts), so decimal edges are exact.
 */
import { comparisonAtLevel } from "../benchmark";
import { directionByMethod, type Direction } from "../dot";
import type { Indicator, Observation } from "../indicator";
import { atMost } from "../numbers";
import { comparePeriods, sameTimeYearEarlier, type Period } from "../periods";
import { progressOrNull, rewardShareOrNull } from "../progress";
import { likelyToAchieve } from "../trend";
import type { Polarity } from "../polarity";
import { trajectoryOnProfile, type TrajectoryPoint } from "../trajectory";
import { flatText, reasonPercent, reasons } from "./reasons";
import { spcStatus } from "./spc-preset";
import { compileRuleSet, matchKey, PRESET_WORDS, type CompiledRule } from "./ruleset";
import type { BenchmarkLevel, PresetName, RuleSet, Status } from "./types";

/** Options of {@link rateIndicator}. */
export interface RateOptions {
  /** Rate as at this period (overrides the rule set's); default the latest period with an actual. */
  readonly asAt?: Period | null;
  /**
   * Also work out `likelyToAchieve`, the forecast at the last target's date (docs/methods.md#trend-and-forecast).
   * Off by default: Rate RAG writes no forecast, so fitting a trend line for every indicator would be wasted.
   */
  readonly forecast?: boolean;
}

/** The options when none are given: one object, not a new one for every rating. */
const NO_OPTIONS: RateOptions = Object.freeze({});

/** A rating with everything a person needs to check it (docs/methods.md#rag-rules). */
export interface Rating {
  readonly status: Status;
  /** One line a person can read, e.g. "Actual 72.0 is 3.0 (4.0%) short of target 75.0; amber band is 5% of target". */
  readonly reason: string;
  /** The preset that rated it; null when no rule was applied (data only, missing actual ...). */
  readonly preset: PresetName | null;
  /** The name of the rule that rated it, when the rule has one. */
  readonly rule: string | null;
  /** The as-at period's label; null when the indicator has no dated actual. */
  readonly asAt: string | null;
  readonly actual?: { readonly value: number; readonly period: string | null };
  /** The target compared with: its value and what it is ("target 2009/10", "trajectory to 2010/11"). */
  readonly target?: { readonly value: number; readonly label: string };
  /** Shortfall against the target (docs/methods.md#gap). */
  readonly gap?: number;
  /** Shortfall as a share of abs(target); absent when the target is 0. */
  readonly gapPct?: number;
  /** Share of planned improvement (section 3), when there is a baseline. */
  readonly progress?: number;
  readonly rewardShare?: number;
  readonly direction: Direction;
  /**
   * Forecast at the last target's date meets it (docs/methods.md#trend-and-forecast), when there are two or
   * more actuals and the caller asked for it ({@link RateOptions.forecast}).
   */
  readonly likelyToAchieve?: boolean;
}

/** The target chosen for a rating, with the words the reason uses for it. */
interface TargetChoice {
  readonly value: number;
  /** For Rating.target.label: "target 2009/10", "trajectory to 2010/11", "baseline 2007/08", "target". */
  readonly label: string;
  /** For reasons: "target 75.0 for 2009/10", "73.3 on the trajectory to 2010/11". */
  readonly phrase: string;
}

type Choice = TargetChoice | { readonly missing: string };

interface Outcome {
  readonly status: Status;
  readonly reason: string;
  /** True when the rule lacked an input (Grey): a rule with onMissing "next" passes on. */
  readonly lacking?: boolean;
  readonly target?: TargetChoice;
}

/** Everything about the indicator at the as-at period that several presets need. */
interface Context {
  readonly indicator: Indicator;
  readonly polarity: Polarity;
  readonly asAt: Period | null;
  readonly actualIndex: number;
  readonly actual: Observation;
  readonly actualValue: number;
  /** "Actual 72.0" or "Actual 72.0 for 2009/10". */
  readonly actualPhrase: string;
}

function findPeriod(list: readonly Observation[], period: Period): number {
  let sameEnd = -1;
  for (let i = 0; i < list.length; i++) {
    const p = list[i].period;
    if (p === null) continue;
    if (p.end === period.end) {
      if (p.kind === period.kind) return i;
      if (sameEnd < 0) sameEnd = i;
    }
  }
  return sameEnd;
}

function findActual(actuals: readonly Observation[], asAt: Period): number {
  const i = findPeriod(actuals, asAt);
  if (i >= 0 || asAt.kind !== "date") return i;
  for (let j = actuals.length - 1; j >= 0; j--) {
    const p = actuals[j].period;
    if (p !== null && p.end <= asAt.end && actuals[j].value !== null) return j;
  }
  return -1;
}

function shortfallOf(actual: number, target: number, polarity: Polarity): number {
  return polarity === "lower" ? actual - target : target - actual;
}

function scaleOf(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  return x > y ? x : y;
}

/** A dated milestone of a profile: the baseline or a target. */
interface Milestone extends TrajectoryPoint {
  readonly label: string;
  readonly baseline: boolean;
}

/** The dated baseline (when it has a value) and the dated targets after it, in date order. */
function milestones(indicator: Indicator): Milestone[] {
  const points: Milestone[] = [];
  const b = indicator.baseline;
  if (b.value !== null && b.period !== null) points.push({ at: b.period.end, value: b.value, label: b.period.label, baseline: true });
  for (const t of indicator.targets) {
    if (t.value === null || t.period === null) continue;
    const last = points[points.length - 1];
    if (last !== undefined && t.period.end <= last.at) continue; // on or before the baseline: not a milestone after it
    points.push({ at: t.period.end, value: t.value, label: t.period.label, baseline: false });
  }
  return points;
}

/**
 * Rating.target's label: "target 2009/10", "trajectory to 2010/11" or "baseline 2007/08". A table
 * names a few periods, so each text is made once and shared by every rating that names it.
 */
function labelText(kind: "target" | "trajectory" | "baseline", period: string): string {
  const texts = LABEL_TEXTS[kind];
  let text = texts.get(period);
  if (text === undefined) {
    text = flatText(kind === "trajectory" ? `trajectory to ${period}` : `${kind} ${period}`);
    if (texts.size >= 4096) texts.clear();
    texts.set(period, text);
  }
  return text;
}

const LABEL_TEXTS = { target: new Map<string, string>(), trajectory: new Map<string, string>(), baseline: new Map<string, string>() } as const;

function milestoneChoice(m: Milestone, value: number): TargetChoice {
  return m.baseline
    ? { value, label: labelText("baseline", m.label), phrase: reasons.baselinePhrase(value, m.label) }
    : { value, label: labelText("target", m.label), phrase: reasons.targetPhrase(value, m.label) };
}

function trajectoryChoice(indicator: Indicator, asAt: Period, requireBaseline: boolean): Choice {
  const points = milestones(indicator);
  const hasBaseline = points.length > 0 && points[0].baseline;
  if (requireBaseline && !hasBaseline) return { missing: reasons.noBaselineForTrajectory(indicator.baseline.missingReason) };
  if (points.length === 0 || (hasBaseline && points.length === 1)) return { missing: requireBaseline ? reasons.noDatedTarget : reasons.noTarget(asAt.label) };
  const first = points[0];
  if (asAt.end < first.at && !first.baseline) return { missing: reasons.noTargetBeforeFirst(asAt.label, first.label) };
  const at = trajectoryOnProfile(points, asAt.end);
  if (at.from !== undefined && at.to !== undefined && at.from !== at.to) {
    return { value: at.value, label: labelText("trajectory", at.to.label), phrase: reasons.onTrajectory(at.value, at.to.label) };
  }
  // At a milestone, after the last (the last target) or before the first (the baseline).
  return milestoneChoice((at.from ?? at.to) as Milestone, at.value);
}

/** "Which target" (docs/methods.md#rag-rules). */
function chooseTarget(indicator: Indicator, asAt: Period | null): Choice {
  const targets = indicator.targets;
  if (targets.length === 0) return { missing: reasons.noTarget(asAt?.label ?? null) };
  let undated: Observation | undefined;
  for (const t of targets) if (t.period === null) undated = t;
  let missingWhy: string | null = null;
  if (asAt !== null) {
    const i = findPeriod(targets, asAt);
    if (i >= 0) {
      const t = targets[i];
      if (t.value !== null) return { value: t.value, label: labelText("target", (t.period as Period).label), phrase: reasons.targetPhrase(t.value, (t.period as Period).label) };
      missingWhy = t.missingReason;
    }
  }
  if (undated !== undefined) {
    if (undated.value !== null) return { value: undated.value, label: "target", phrase: reasons.targetPhrase(undated.value, null) };
    return { missing: reasons.withReason(reasons.noTarget(asAt?.label ?? null), undated.missingReason) };
  }
  if (asAt === null) {
    for (let j = targets.length - 1; j >= 0; j--) {
      const t = targets[j];
      if (t.value !== null) return { value: t.value, label: labelText("target", (t.period as Period).label), phrase: reasons.targetPhrase(t.value, (t.period as Period).label) };
    }
    return { missing: reasons.noTarget(null) };
  }
  const choice = trajectoryChoice(indicator, asAt, false);
  if ("missing" in choice && missingWhy !== null) return { missing: reasons.withReason(reasons.noTarget(asAt.label), missingWhy) };
  return choice;
}

/** " (4.0%)": the shortfall as a share of abs(target) for a reason, or "" when the target is 0. */
function shareText(short: number, absTarget: number): string {
  return absTarget === 0 ? "" : ` (${reasonPercent(Math.abs(short) / absTarget)})`;
}

function tolerancePreset(ctx: Context, rule: CompiledRule, target: TargetChoice, blue: boolean, bandFromIndicator: number | null, band: number): Outcome {
  const { actualValue: a, polarity } = ctx;
  const t = target.value;
  const own = bandFromIndicator !== null;
  const tolerance = own ? (bandFromIndicator as number) : band;
  const short = shortfallOf(a, t, polarity);
  const scale = scaleOf(a, t);
  const absT = Math.abs(t);
  const margin = rule.params.blueMargin;
  if (atMost(short, 0, scale)) {
    if (short === 0 || atMost(-short, 0, scale)) {
      return { status: "Green", reason: reasons.meets(ctx.actualPhrase, target.phrase), target };
    }
    const pct = shareText(short, absT);
    const beats = reasons.beats(ctx.actualPhrase, target.phrase, -short, pct);
    if (blue && margin !== null) {
      if (atMost(margin * absT, -short, scale)) return { status: "Blue", reason: `${beats}; ${reasons.blueMargin(margin)}`, target };
      return { status: "Green", reason: `${beats}; ${reasons.blueMargin(margin)}`, target };
    }
    return { status: "Green", reason: beats, target };
  }
  const shortText = reasons.short(ctx.actualPhrase, short, shareText(short, absT), target.phrase);
  if (atMost(short, tolerance * absT, scale)) return { status: "Amber", reason: `${shortText}; ${reasons.band(tolerance, own)}`, target };
  return { status: "Red", reason: `${shortText}; ${reasons.beyondBand(tolerance, own)}`, target };
}

function stretchPreset(ctx: Context, rule: CompiledRule, target: TargetChoice): Outcome {
  const b = ctx.indicator.baseline;
  if (b.value === null) return { status: "Grey", reason: reasons.noBaseline(b.missingReason), lacking: true, target };
  const p = progressOrNull(b.value, target.value, ctx.actualValue);
  if (p === null) {
    const why = target.value === b.value ? reasons.targetEqualsBaseline(target.phrase) : reasons.progressOverflow;
    return { status: "Grey", reason: why, lacking: true, target };
  }
  const threshold = rule.params.stretchThreshold;
  const reason = reasons.progress(p, b.value, target.phrase, threshold);
  if (atMost(1, p, 1)) return { status: "Green", reason, target };
  if (atMost(threshold, p, 1)) return { status: "Amber", reason, target };
  return { status: "Red", reason, target };
}

function floorPreset(ctx: Context, target: TargetChoice): Outcome {
  const floor = ctx.indicator.floor;
  if (floor === null) return { status: "Grey", reason: reasons.noFloor, lacking: true, target };
  const a = ctx.actualValue;
  const short = shortfallOf(a, target.value, ctx.polarity);
  if (atMost(short, 0, scaleOf(a, target.value))) {
    return { status: "Green", reason: short === 0 ? reasons.meets(ctx.actualPhrase, target.phrase) : reasons.beats(ctx.actualPhrase, target.phrase, -short, ""), target };
  }
  if (atMost(shortfallOf(a, floor, ctx.polarity), 0, scaleOf(a, floor))) return { status: "Amber", reason: reasons.meetsFloor(ctx.actualPhrase, floor, target.phrase), target };
  return { status: "Red", reason: reasons.belowFloor(ctx.actualPhrase, floor, target.phrase), target };
}

function improvementPreset(ctx: Context, rule: CompiledRule, target: TargetChoice): Outcome {
  const own = ctx.indicator.tolerance;
  const tolerance = own ?? rule.params.improvementTolerance;
  const a = ctx.actualValue;
  const short = shortfallOf(a, target.value, ctx.polarity);
  const scale = scaleOf(a, target.value);
  const absT = Math.abs(target.value);
  if (atMost(short, tolerance * absT, scale)) {
    const how = atMost(short, 0, scale) ? reasons.meets(ctx.actualPhrase, target.phrase) : reasons.short(ctx.actualPhrase, short, "", target.phrase);
    return { status: "Green", reason: `${how}; ${reasons.withinTolerance(tolerance, own !== null)}`, target };
  }
  const shortText = `${reasons.short(ctx.actualPhrase, short, "", target.phrase)}, ${reasons.outsideTolerance(tolerance, own !== null)}`;
  const period = ctx.actual.period;
  if (period === null) return { status: "Grey", reason: `${shortText}; ${reasons.noYearEarlierUndated}`, lacking: true, target };
  const earlier = sameTimeYearEarlier(period);
  const j = findPeriod(ctx.indicator.actuals, earlier);
  const prior = j >= 0 ? ctx.indicator.actuals[j] : null;
  if (prior === null || prior.value === null) {
    return { status: "Grey", reason: `${shortText}; ${reasons.noYearEarlier(earlier.label, prior?.missingReason ?? null)}`, lacking: true, target };
  }
  const priorPhrase = reasons.valueFor(prior.value, earlier.label);
  const better = ctx.polarity === "lower" ? a < prior.value : a > prior.value;
  return better
    ? { status: "Amber", reason: `${shortText}; ${reasons.improved(priorPhrase)}`, target }
    : { status: "Red", reason: `${shortText}; ${reasons.notImproved(priorPhrase)}`, target };
}

function benchmarkPreset(ctx: Context, level: BenchmarkLevel): Outcome {
  const ind = ctx.indicator;
  if (ind.benchmark === null) return { status: "Grey", reason: reasons.noBenchmark, lacking: true };
  // The as-at actual's own limits, else the indicator's when it is the latest (benchmark.ts).
  const c = comparisonAtLevel(ind, ctx.actualIndex, level);
  if (c === null) return { status: "Grey", reason: reasons.noInterval(ctx.actual.period?.label ?? null), lacking: true };
  if (c.limits === null || c.comparison === "Not compared") return { status: "Grey", reason: reasons.badInterval, lacking: true };
  const { comparison, limits } = c;
  const reason = limits.source === "given"
    ? reasons.benchmark(comparison, ctx.actualPhrase, limits.lower, limits.upper, ind.benchmark)
    : reasons.benchmarkAtLevel(comparison, ctx.actualPhrase, limits.lower, limits.upper, ind.benchmark, limits.source);
  return { status: comparison === "Better" ? "Green" : comparison === "Similar" ? "Amber" : "Red", reason };
}

function lastValueIndex(list: readonly Observation[]): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].value !== null) return i;
  return -1;
}

function evaluate(ctx: Context, rule: CompiledRule, level: BenchmarkLevel): Outcome {
  if (rule.preset === "benchmark") return benchmarkPreset(ctx, level);
  if (rule.preset === "spc") {
    // The target is optional: it gives the assurance (docs/methods.md#spc-preset).
    const choice = chooseTarget(ctx.indicator, ctx.asAt);
    const target = "missing" in choice ? undefined : choice;
    return { ...spcStatus(ctx.indicator, ctx.asAt, target ?? null), ...(target ? { target } : {}) };
  }
  const choice = rule.preset === "trajectory" ? (ctx.asAt === null ? { missing: reasons.noTarget(null) } : trajectoryChoice(ctx.indicator, ctx.asAt, true)) : chooseTarget(ctx.indicator, ctx.asAt);
  if ("missing" in choice) return { status: "Grey", reason: choice.missing, lacking: true };
  switch (rule.preset) {
    case "tolerance":
      return tolerancePreset(ctx, rule, choice, true, ctx.indicator.tolerance, rule.params.tolerance);
    case "trajectory":
      return tolerancePreset(ctx, rule, choice, false, ctx.indicator.tolerance, rule.params.tolerance);
    case "stretch":
      return stretchPreset(ctx, rule, choice);
    case "floor":
      return floorPreset(ctx, choice);
    case "improvement":
      return improvementPreset(ctx, rule, choice);
  }
}

/**
 * Forecast at the last dated target's date from the dated actuals up to the as-at one meets it
 * (docs/methods.md#trend-and-forecast): trend.ts's likelyToAchieve, so LAALIKELY and a rating agree.
 */
function likely(indicator: Indicator, index: number, polarity: Polarity): boolean | undefined {
  if (polarity === "none" || index < 1) return undefined;
  const targets = indicator.targets;
  let final: Observation | undefined;
  for (let j = targets.length - 1; j >= 0; j--) {
    if (targets[j].value !== null && targets[j].period !== null) {
      final = targets[j];
      break;
    }
  }
  if (final === undefined) return undefined;
  const actuals = indicator.actuals;
  const values: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i <= index; i++) {
    const o = actuals[i];
    if (o.value !== null && o.period !== null) {
      values.push(o.value);
      ends.push(o.period.end);
    }
  }
  if (values.length < 2) return undefined;
  const r = likelyToAchieve(values, ends, (final.period as Period).end, final.value as number, polarity);
  return r.ok ? r.value : undefined;
}

/** A Grey rating that applied no rule, with the actual when there is one. */
function grey(reason: string, asAt: string | null, direction: Direction, actual?: Rating["actual"]): Rating {
  return actual === undefined
    ? { status: "Grey", reason, preset: null, rule: null, asAt, direction }
    : { status: "Grey", reason, preset: null, rule: null, asAt, direction, actual };
}

function ruleMatches(rule: CompiledRule, indicator: Indicator): boolean {
  if (rule.ids !== null && !rule.ids.has(matchKey(indicator.id))) return false;
  if (rule.perspectives !== null && !rule.perspectives.has(matchKey(indicator.perspective))) return false;
  return true;
}

/**
 * Rates one indicator (docs/methods.md#rag-rules) with a rule set: works out the as-at period (the
 * option, else the rule set's, else the latest period with an actual), the actual for it, the
 * direction of travel (section 6), then picks the rule (the indicator's rule column first, else the
 * first matching rule) and applies its preset. Indicators that cannot be rated are Grey with the
 * reason: data only, polarity none, a problem found when reading the row, no actual, no target,
 * no baseline, no floor, no benchmark or confidence interval. Never throws for data; a rule set that
 * fails {@link validateRuleSet} throws (programmer misuse).
 *
 * @example
 * const rules = ruleSetFromSettings(DEFAULT_RULE_SETTINGS);
 * rateIndicator(makeIndicator({ targets: [[null, 75]], actuals: [[null, 72]] }), rules)
 * // => { status: "Amber", reason: "Actual 72.0 is 3.0 (4.0%) short of target 75.0; amber band is 5% of target", ... }
 */
export function rateIndicator(indicator: Indicator, ruleSet: RuleSet, options: RateOptions = NO_OPTIONS): Rating {
  const compiled = compileRuleSet(ruleSet);
  const actuals = indicator.actuals;
  let asAt: Period | null = options.asAt ?? compiled.asAt;
  let index = -1;
  if (actuals.length === 1 && actuals[0].period === null) index = 0;
  else if (asAt === null) {
    index = lastValueIndex(actuals);
    if (index >= 0) asAt = actuals[index].period;
    else if (actuals.length > 0) asAt = actuals[actuals.length - 1].period;
  } else index = findActual(actuals, asAt);
  const asAtLabel = asAt !== null ? asAt.label : null;
  const polarity = indicator.polarity;
  const dir = directionByMethod(indicator.actuals, index, polarity, compiled.direction);

  if (indicator.blockers.length > 0) return grey(reasons.notRated(indicator.blockers[0]), asAtLabel, dir);
  const obs = index >= 0 ? actuals[index] : undefined;
  const actual = obs !== undefined && obs.value !== null ? { value: obs.value, period: obs.period !== null ? obs.period.label : null } : undefined;
  if (indicator.dataOnly) return grey(reasons.dataOnly, asAtLabel, dir, actual);
  if (polarity === "none") return grey(reasons.polarityNone, asAtLabel, dir, actual);
  if (obs === undefined || obs.value === null || actual === undefined) {
    const label = obs?.period?.label ?? asAtLabel;
    return grey(reasons.withReason(reasons.noActual(label), obs?.missingReason ?? null), asAtLabel, dir);
  }

  let candidates: readonly CompiledRule[];
  if (indicator.rule !== null) {
    const key = matchKey(indicator.rule);
    const named = compiled.byRuleKey.get(key);
    if (named !== undefined) candidates = named;
    else {
      const preset = PRESET_WORDS[key];
      if (preset === undefined) return grey(reasons.unknownRule(indicator.rule), asAtLabel, dir, actual);
      candidates = [compiled.presetRules[preset]];
    }
  } else candidates = compiled.general;

  const ctx: Context = {
    indicator,
    polarity,
    asAt: obs.period ?? asAt,
    actualIndex: index,
    actual: obs,
    actualValue: obs.value,
    actualPhrase: obs.period === null ? reasons.actualPhrase(obs.value, null) : reasons.actualPhrase(obs.value, obs.period.label),
  };
  let outcome: Outcome | undefined;
  let used: CompiledRule | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const rule = candidates[i];
    if (!ruleMatches(rule, indicator)) continue;
    outcome = evaluate(ctx, rule, compiled.benchmarkLevel);
    used = rule;
    if (!(outcome.lacking && rule.next)) break;
  }
  if (outcome === undefined || used === undefined) {
    return grey(reasons.ruleDoesNotApply(indicator.rule), asAtLabel, dir, actual);
  }

  let target = outcome.target;
  if (target === undefined) {
    const c = chooseTarget(indicator, ctx.asAt);
    if (!("missing" in c)) target = c;
  }
  // The measures first, then the rating as one object literal: with every measure (the usual case)
  // all its keys at once, else the keys present added in the same order (no undefined keys).
  let gap: number | undefined;
  let gapPct: number | undefined;
  let progressValue: number | undefined;
  let share: number | undefined;
  if (target !== undefined) {
    const short = shortfallOf(obs.value, target.value, polarity);
    if (Number.isFinite(short)) {
      gap = short;
      const pct = short / Math.abs(target.value);
      if (target.value !== 0 && Number.isFinite(pct)) gapPct = pct;
    }
    const b = indicator.baseline.value;
    if (b !== null) {
      const p = progressOrNull(b, target.value, obs.value);
      if (p !== null) {
        progressValue = p;
        const r = rewardShareOrNull(p, used.params.stretchThreshold);
        if (r !== null) share = r;
      }
    }
  }
  const rating: {
    -readonly [K in keyof Rating]: Rating[K];
  } =
    target !== undefined && gap !== undefined && gapPct !== undefined && progressValue !== undefined && share !== undefined
      ? { status: outcome.status, reason: flatText(outcome.reason), preset: used.preset, rule: used.name, asAt: asAtLabel, actual, direction: dir, target: { value: target.value, label: target.label }, gap, gapPct, progress: progressValue, rewardShare: share }
      : { status: outcome.status, reason: flatText(outcome.reason), preset: used.preset, rule: used.name, asAt: asAtLabel, actual, direction: dir };
  if (target !== undefined && rating.target === undefined) {
    rating.target = { value: target.value, label: target.label };
    if (gap !== undefined) rating.gap = gap;
    if (gapPct !== undefined) rating.gapPct = gapPct;
    if (progressValue !== undefined) rating.progress = progressValue;
    if (share !== undefined) rating.rewardShare = share;
  }
  if (options.forecast === true) {
    const l = likely(indicator, index, polarity);
    if (l !== undefined) rating.likelyToAchieve = l;
  }
  return rating;
}

/**
 * The latest period with an actual value, the default as-at period (docs/methods.md#rag-rules); null when
 * the indicator has no dated actual value.
 * @example latestActualPeriod(makeIndicator({ actuals: [["2008/09", 70], ["2009/10", null]] }))?.label // => "2008/09"
 */
export function latestActualPeriod(indicator: Indicator): Period | null {
  const i = lastValueIndex(indicator.actuals);
  return i >= 0 ? indicator.actuals[i].period : null;
}

/** Ratings of many indicators and their counts by status (all five). */
export interface RatingRun {
  readonly ratings: Rating[];
  readonly counts: Record<Status, number>;
}

/**
 * Rates many indicators with one rule set (a whole table): one rating per indicator, in order, and
 * the counts by status. A problem with one indicator is in its rating (Grey with the reason); it
 * never stops the others.
 *
 * @example rateIndicators([makeIndicator({ targets: [[null, 75]], actuals: [[null, 72]] })], ruleSetFromSettings(DEFAULT_RULE_SETTINGS)).counts.Amber // => 1
 */
export function rateIndicators(indicators: readonly Indicator[], ruleSet: RuleSet, options: RateOptions = NO_OPTIONS): RatingRun {
  const counts: Record<Status, number> = { Blue: 0, Green: 0, Amber: 0, Red: 0, Grey: 0 };
  const ratings: Rating[] = new Array(indicators.length);
  for (let i = 0; i < indicators.length; i++) {
    const r = rateIndicator(indicators[i], ruleSet, options);
    ratings[i] = r;
    counts[r.status]++;
  }
  return { ratings, counts };
}

/**
 * The latest period with an actual value over many indicators: a common as-at period for a whole
 * table (the Excel layer's report names it). Null when no indicator has a dated actual value.
 *
 * @example latestActualPeriodOf([makeIndicator({ actuals: [["2008/09", 1]] }), makeIndicator({ actuals: [["2009/10", 2]] })])?.label // => "2009/10"
 */
export function latestActualPeriodOf(indicators: readonly Indicator[]): Period | null {
  let latest: Period | null = null;
  for (const ind of indicators) {
    const p = latestActualPeriod(ind);
    if (p !== null && (latest === null || comparePeriods(p, latest) > 0)) latest = p;
  }
  return latest;
}
