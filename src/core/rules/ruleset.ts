/**
 * Rule sets as plain data: building one from the task pane's settings, validating one read from a
 * workbook, and compiling one once for fast rating.
 *
 * Validation is written by hand rather than with ajv: ajv compiles schemas with
 * `new Function`, which the add-in pages' Content-Security-Policy (no 'unsafe-eval') would block at
 * run time, and the schema here is small. The messages name the exact setting that is wrong.
 */
import { fail, ok, type Result } from "../result";
import { messages } from "../messages";
import { parsePeriod, type Period } from "../periods";
import {
  DEFAULT_RULE_SETTINGS,
  type DirectionSettings,
  type BenchmarkLevel,
  type BenchmarkMethod,
  type DotMethod,
  type PresetName,
  type PresetParams,
  type Rule,
  type RuleSet,
  type RuleSettings,
} from "./types";

/**
 * Every preset name, in docs/methods.md#rag-rules's order.
 * @example PRESETS.length // => 7
 */
export const PRESETS: readonly PresetName[] = ["tolerance", "stretch", "trajectory", "floor", "improvement", "benchmark", "spc"];
const DOT_METHODS: readonly DotMethod[] = ["previous", "yearEarlier", "slope", "recentTrend"];
/** The benchmark comparison levels (docs/methods.md#benchmark-level). */
const BENCHMARK_LEVELS: readonly BenchmarkLevel[] = [95, 99.8];
/** The Benchmark preset's methods (docs/methods.md#funnel-rag). */
const BENCHMARK_METHODS: readonly BenchmarkMethod[] = ["interval", "funnel"];
const benchmarkLevel = (raw: unknown, path: string): Result<BenchmarkLevel> =>
  raw === 95 || raw === 99.8 ? ok(raw) : fail("value", messages.ruleSetBadField(path, `one of ${BENCHMARK_LEVELS.join(", ")}`));

/**
 * The words an indicator's rule column may use to name a preset directly (trimmed, any case).
 * @example PRESET_WORDS["floor standard"] // => "floor"
 */
export const PRESET_WORDS: Readonly<Record<string, PresetName>> = {
  tolerance: "tolerance",
  default: "tolerance",
  stretch: "stretch",
  trajectory: "trajectory",
  profile: "trajectory",
  floor: "floor",
  "floor standard": "floor",
  improvement: "improvement",
  "improvement-aware": "improvement",
  "improvement aware": "improvement",
  benchmark: "benchmark",
  comparison: "benchmark",
  spc: "spc",
  "statistical process control": "spc",
  xmr: "spc",
};

/**
 * The presets' parameters by default (docs/methods.md#rag-rules).
 * @example DEFAULT_PRESET_PARAMS.tolerance // => 0.05
 */
export const DEFAULT_PRESET_PARAMS: PresetParams = {
  tolerance: DEFAULT_RULE_SETTINGS.tolerance,
  blueMargin: DEFAULT_RULE_SETTINGS.blueMargin,
  stretchThreshold: DEFAULT_RULE_SETTINGS.stretchThreshold,
  improvementTolerance: DEFAULT_RULE_SETTINGS.improvementTolerance,
};

const SPACES = /\s+/g;

/**
 * Normalises a name for matching: trimmed, single spaces, lower case.
 * @example matchKey("  Floor   Standard ") // => "floor standard"
 */
export function matchKey(text: string): string {
  return text.trim().replace(SPACES, " ").toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Validation

type Check<T> = (raw: unknown, path: string) => Result<T>;

function isObject(raw: unknown): raw is Record<string, unknown> {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw);
}

const fraction = (raw: unknown, path: string): Result<number> =>
  typeof raw === "number" && Number.isFinite(raw) && raw >= 0 && raw <= 1 ? ok(raw) : fail("value", messages.ruleSetBadField(path, "a number from 0 to 1"));
const nonNegative = (raw: unknown, path: string): Result<number> =>
  typeof raw === "number" && Number.isFinite(raw) && raw >= 0 ? ok(raw) : fail("value", messages.ruleSetBadField(path, "a number of 0 or more"));
const nullableNonNegative = (raw: unknown, path: string): Result<number | null> => (raw === null ? ok(null) : nonNegative(raw, path));
const slopePeriods = (raw: unknown, path: string): Result<number> =>
  typeof raw === "number" && Number.isInteger(raw) && raw >= 2 && raw <= 1000 ? ok(raw) : fail("value", messages.ruleSetBadField(path, "a whole number from 2 to 1000"));
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (raw, path) =>
    typeof raw === "string" && (values as readonly string[]).includes(raw) ? ok(raw as T) : fail("value", messages.ruleSetBadField(path, `one of ${values.join(", ")}`));
const asAtCheck = (raw: unknown, path: string): Result<string | null> => {
  if (raw === null) return ok(null);
  if (typeof raw !== "string") return fail("value", messages.ruleSetBadField(path, "a period label, an ISO date or null"));
  if (raw.trim() === "") return ok(null);
  const p = parsePeriod(raw);
  return p.ok ? ok(raw) : fail("value", `${path}: ${p.problem.message}`);
};
const nonEmptyText = (raw: unknown, path: string): Result<string> =>
  typeof raw === "string" && raw.trim() !== "" ? ok(raw) : fail("value", messages.ruleSetBadField(path, "non-empty text"));
const textList = (raw: unknown, path: string): Result<readonly string[]> => {
  if (!Array.isArray(raw)) return fail("value", messages.ruleSetBadField(path, "a list of text"));
  for (let i = 0; i < raw.length; i++) {
    const t = nonEmptyText(raw[i], `${path}[${i}]`);
    if (!t.ok) return t;
  }
  return ok(raw as string[]);
};

/** Longest area code or name accepted as a benchmark area (area names run to about 60 characters). */
const MAX_AREA_TEXT = 100;
const benchmarkAreaCheck = (raw: unknown, path: string): Result<string> =>
  typeof raw === "string" && raw.trim() !== "" && raw.trim().length <= MAX_AREA_TEXT
    ? ok(raw.trim())
    : fail("value", messages.ruleSetBadField(path, `"england", "region" or an area code or name (up to ${MAX_AREA_TEXT} characters)`));

/** Checks an object's known fields and rejects unknown ones; `optional` fields may be absent. */
function checkObject(
  raw: unknown,
  path: string,
  fields: Readonly<Record<string, Check<unknown>>>,
  optional: readonly string[],
): Result<Record<string, unknown>> {
  if (!isObject(raw)) return fail("value", messages.ruleSetBadField(path, "an object"));
  for (const key of Object.keys(raw)) if (!(key in fields)) return fail("value", messages.ruleSetUnknownField(`${path}.${key}`));
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(fields)) {
    if (!(key in raw) || raw[key] === undefined) {
      if (optional.includes(key)) continue;
      return fail("value", messages.ruleSetBadField(`${path}.${key}`, "given"));
    }
    const r = check(raw[key], `${path}.${key}`);
    if (!r.ok) return r;
    out[key] = r.value;
  }
  return ok(out);
}

const PARAM_FIELDS: Readonly<Record<keyof PresetParams, Check<unknown>>> = {
  tolerance: nonNegative,
  blueMargin: nullableNonNegative,
  stretchThreshold: fraction,
  improvementTolerance: nonNegative,
};
const PARAM_KEYS = Object.keys(PARAM_FIELDS);

const ruleCheck: Check<Rule> = (raw, path) => {
  const r = checkObject(
    raw,
    path,
    {
      name: nonEmptyText,
      preset: oneOf(PRESETS),
      params: (p, at) => checkObject(p, at, PARAM_FIELDS, PARAM_KEYS),
      when: (w, at) =>
        checkObject(w, at, { indicators: textList, perspectives: textList, rule: nonEmptyText }, ["indicators", "perspectives", "rule"]),
      onMissing: oneOf(["grey", "next"] as const),
    },
    ["name", "params", "when", "onMissing"],
  );
  return r as Result<Rule>;
};

function hasConditions(rule: Rule): boolean {
  const w = rule.when;
  return w !== undefined && (w.indicators !== undefined || w.perspectives !== undefined || w.rule !== undefined);
}

/**
 * Validates a rule set read from a workbook (or anywhere JSON comes from): the shape, every value's
 * range, unique rule names, an as-at that parses, and a last rule that is a default (no
 * conditions). Returns the rule set or a `value` problem naming the first wrong setting. Never throws.
 *
 * @example validateRuleSet(ruleSetFromSettings(DEFAULT_RULE_SETTINGS)).ok // => true
 * @example validateRuleSet({ version: 1, rules: [] }).ok // => false
 */
export function validateRuleSet(json: unknown): Result<RuleSet> {
  if (!isObject(json)) return fail("value", messages.ruleSetNotObject);
  const r = checkObject(
    json,
    "ruleSet",
    {
      version: (v, at) => (v === 1 ? ok(1) : fail("value", messages.ruleSetBadField(at, "1"))),
      defaults: (d, at) => checkObject(d, at, PARAM_FIELDS, []),
      rules: (list, at) => {
        if (!Array.isArray(list)) return fail("value", messages.ruleSetBadField(at, "a list of rules"));
        if (list.length === 0) return fail("value", messages.ruleSetNoRules);
        const rules: Rule[] = [];
        const names = new Set<string>();
        for (let i = 0; i < list.length; i++) {
          const rule = ruleCheck(list[i], `${at}[${i}]`);
          if (!rule.ok) return rule;
          if (rule.value.name !== undefined) {
            const key = matchKey(rule.value.name);
            if (names.has(key)) return fail("value", messages.ruleSetDuplicateName(rule.value.name));
            names.add(key);
          }
          rules.push(rule.value);
        }
        if (hasConditions(rules[rules.length - 1])) return fail("value", messages.ruleSetNoDefault);
        return ok(rules);
      },
      asAt: asAtCheck,
      direction: (d, at) => checkObject(d, at, { method: oneOf(DOT_METHODS), threshold: nonNegative, slopePeriods }, []),
      benchmarkLevel,
    },
    ["benchmarkLevel"],
  );
  return r as Result<RuleSet>;
}

/**
 * Validates rule settings read from a workbook (the task pane's choices). Returns them or a `value`
 * problem naming the first wrong setting, so the caller can fall back to the defaults with a warning.
 *
 * @example validateRuleSettings(DEFAULT_RULE_SETTINGS).ok // => true
 * @example validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, tolerance: -1 }).ok // => false
 */
export function validateRuleSettings(json: unknown): Result<RuleSettings> {
  const r = checkObject(
    json,
    "settings",
    {
      preset: oneOf(PRESETS),
      tolerance: nonNegative,
      blueMargin: nullableNonNegative,
      stretchThreshold: fraction,
      improvementTolerance: nonNegative,
      asAt: asAtCheck,
      dotMethod: oneOf(DOT_METHODS),
      dotThreshold: nonNegative,
      slopePeriods,
      // Benchmark area of public tables (docs/methods.md#benchmark-area)
      benchmarkArea: benchmarkAreaCheck,
      benchmarkLevel,
      // Benchmark method (docs/methods.md#funnel-rag)
      benchmarkMethod: oneOf(BENCHMARK_METHODS),
    },
    [],
  );
  return r as Result<RuleSettings>;
}

/**
 * The rule set the task pane's settings describe: one default rule with the chosen preset, the
 * parameters as defaults (so an indicator's rule column can name any preset), the as-at period and
 * the direction of travel settings. Throws a RangeError for settings that fail
 * {@link validateRuleSettings} (programmer misuse: validate settings read from a workbook first).
 *
 * @example ruleSetFromSettings(DEFAULT_RULE_SETTINGS).rules // => [{ preset: "tolerance" }]
 */
export function ruleSetFromSettings(settings: RuleSettings): RuleSet {
  const checked = validateRuleSettings(settings);
  if (!checked.ok) throw new RangeError(`ruleSetFromSettings: ${checked.problem.message}`);
  const s = checked.value;
  const ruleSet: RuleSet = {
    version: 1,
    defaults: {
      tolerance: s.tolerance,
      blueMargin: s.blueMargin,
      stretchThreshold: s.stretchThreshold,
      improvementTolerance: s.improvementTolerance,
    },
    rules: [{ preset: s.preset }],
    asAt: s.asAt === null || s.asAt.trim() === "" ? null : s.asAt,
    direction: { method: s.dotMethod, threshold: s.dotThreshold, slopePeriods: s.slopePeriods },
    ...(s.benchmarkLevel !== 95 ? { benchmarkLevel: s.benchmarkLevel } : {}),
  };
  compileRuleSet(ruleSet); // compile now so the first rating pays nothing
  return ruleSet;
}

// ---------------------------------------------------------------------------------------------
// Compilation (precomputed once per rule set, cached by identity)

/** A rule ready for matching: keys normalised, sets built, parameters merged with the defaults. */
export interface CompiledRule {
  readonly index: number;
  readonly name: string | null;
  readonly preset: PresetName;
  readonly params: PresetParams;
  readonly ids: ReadonlySet<string> | null;
  readonly perspectives: ReadonlySet<string> | null;
  readonly ruleKey: string | null;
  readonly next: boolean;
}

/** A rule set ready for rating. */
export interface CompiledRuleSet {
  readonly rules: readonly CompiledRule[];
  readonly defaults: PresetParams;
  readonly asAt: Period | null;
  readonly direction: DirectionSettings;
  /** The Benchmark preset's comparison level (docs/methods.md#benchmark-level). */
  readonly benchmarkLevel: BenchmarkLevel;
  /** Rules selected by an indicator's rule column, by normalised name. */
  readonly byRuleKey: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Rules that apply without a rule column, in order. */
  readonly general: readonly CompiledRule[];
  /** Synthetic rules for preset names typed in a rule column. */
  readonly presetRules: Readonly<Record<PresetName, CompiledRule>>;
}

const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();
let lastRuleSet: RuleSet | null = null;
let lastCompiled: CompiledRuleSet | null = null;

/**
 * Compiles a rule set once (cached by object identity, so rule sets are treated as immutable).
 * Throws a RangeError for a rule set that fails {@link validateRuleSet}: validate stored JSON first.
 *
 * @example compileRuleSet(ruleSetFromSettings(DEFAULT_RULE_SETTINGS)).general.length // => 1
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  // A run rates every indicator with one rule set: the last one compiled is checked first.
  if (ruleSet === lastRuleSet && lastCompiled !== null) return lastCompiled;
  const cached = compiledCache.get(ruleSet);
  if (cached !== undefined) {
    lastRuleSet = ruleSet;
    lastCompiled = cached;
    return cached;
  }
  const valid = validateRuleSet(ruleSet);
  if (!valid.ok) throw new RangeError(`compileRuleSet: ${valid.problem.message}`);
  const rules: CompiledRule[] = ruleSet.rules.map((rule, index) => ({
    index,
    name: rule.name ?? null,
    preset: rule.preset,
    params: { ...ruleSet.defaults, ...(rule.params ?? {}) },
    ids: rule.when?.indicators ? new Set(rule.when.indicators.map(matchKey)) : null,
    perspectives: rule.when?.perspectives ? new Set(rule.when.perspectives.map(matchKey)) : null,
    ruleKey: rule.when?.rule !== undefined ? matchKey(rule.when.rule) : null,
    next: rule.onMissing === "next",
  }));
  const byRuleKey = new Map<string, CompiledRule[]>();
  for (const r of rules) {
    if (r.ruleKey === null) continue;
    const list = byRuleKey.get(r.ruleKey) ?? [];
    list.push(r);
    byRuleKey.set(r.ruleKey, list);
  }
  const presetRules = {} as Record<PresetName, CompiledRule>;
  for (const preset of PRESETS) {
    presetRules[preset] = { index: -1, name: null, preset, params: ruleSet.defaults, ids: null, perspectives: null, ruleKey: null, next: false };
  }
  const asAt = ruleSet.asAt === null ? null : parsePeriod(ruleSet.asAt);
  const compiled: CompiledRuleSet = {
    rules,
    defaults: ruleSet.defaults,
    asAt: asAt !== null && asAt.ok ? asAt.value : null,
    direction: ruleSet.direction,
    benchmarkLevel: ruleSet.benchmarkLevel ?? 95,
    byRuleKey,
    general: rules.filter((r) => r.ruleKey === null),
    presetRules,
  };
  compiledCache.set(ruleSet, compiled);
  lastRuleSet = ruleSet;
  lastCompiled = compiled;
  return compiled;
}
