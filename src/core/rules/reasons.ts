/**
 * The one-line reasons ratings carry (docs/methods.md#rag-rules), in one place, in UK English.
 * e.g. `Actual 72.0 is 3.0 (4.0%) short of target 75.0; amber band is 5% of target`.
 */
/**
 * Fixed-point text with four significant figures, between `minDecimals` and 4 decimals, trailing
 * zeros trimmed (2034.8493 -> "2034.8", 18.7986 -> "18.8", 0.7751 -> "0.7751"): a computed
 * trajectory value reads like the figures it came from. Written with toFixed rather than
 * toLocaleString/Intl: reasons are built 100,000 times a run and Intl is slow.
 */
function fixed(value: number, minDecimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e21) return String(value);
  const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(4, Math.max(minDecimals, 3 - magnitude));
  let s = value.toFixed(decimals);
  const dot = s.indexOf(".");
  let end = s.length;
  while (end > dot + 1 + minDecimals && s.charCodeAt(end - 1) === 48) end--;
  if (end === dot + 1) end = dot;
  s = s.slice(0, end);
  return s.charCodeAt(0) === 45 && Number(s) === 0 ? s.slice(1) : s;
}

/**
 * The text of a reason as one string in memory. A reason is joined from many pieces, and JavaScript
 * engines (V8, JavaScriptCore) keep a joined string as a tree of its pieces until it is read; a
 * rating keeps its reason until Rate RAG writes it, so for 100,000 ratings the garbage collector
 * would move every tree. Reading one character joins the pieces once. Same text, whatever the engine.
 * @example flatText(`Actual ${"72.0"} meets target`) // => "Actual 72.0 meets target"
 */
export function flatText(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

/** How 99.8% limits were found (docs/methods.md#benchmark-level), as a reason says it. */
const LIMITS_FROM = {
  standardError: "from the 95% limits with the same standard error",
  proportion: "from the count and denominator: Wilson score",
  rate: "from the count and denominator: Byars' method, exact below 10 events",
} as const;

/**
 * A number as a reason quotes it: four significant figures, at least one decimal, at most four,
 * no float noise (72 -> "72.0", 3.14159 -> "3.142", 0.1 + 0.2 -> "0.3", 2034.8493 -> "2034.8").
 * @example reasonNumber(72) // => "72.0"
 */
export function reasonNumber(value: number): string {
  return fixed(value, 1);
}

/**
 * A fraction as a percentage with one decimal: 0.04 -> "4.0%", 0.0344827 -> "3.4%".
 * @example reasonPercent(0.04) // => "4.0%"
 */
export function reasonPercent(fraction: number): string {
  const pct = fraction * 100;
  if (!Number.isFinite(pct) || Math.abs(pct) >= 1e21) return `${String(pct)}%`;
  const s = pct.toFixed(1);
  return `${s.charCodeAt(0) === 45 && Number(s) === 0 ? s.slice(1) : s}%`;
}

/**
 * A parameter as a percentage without forced decimals: 0.05 -> "5%".
 * @example settingPercent(0.05) // => "5%"
 */
export function settingPercent(fraction: number): string {
  // A rule set has a handful of settings, quoted in every rating's reason: each is worded once.
  let text = settingTexts.get(fraction);
  if (text === undefined) {
    text = `${fixed(fraction * 100, 0)}%`;
    if (settingTexts.size >= 256) settingTexts.clear();
    settingTexts.set(fraction, text);
  }
  return text;
}

const settingTexts = new Map<number, string>();

/**
 * Reason texts of ratings (one place for all of them).
 * @example reasons.noActual("2009/10") // => "No actual for 2009/10"
 */
export const reasons = {
  /** "Actual 72.0" or "Actual 72.0 for 2009/10". */
  actualPhrase: (value: number, period: string | null) => (period === null ? `Actual ${reasonNumber(value)}` : `Actual ${reasonNumber(value)} for ${period}`),
  /** "target 75.0" or "target 75.0 for 2009/10". */
  targetPhrase: (value: number, period: string | null) => (period === null ? `target ${reasonNumber(value)}` : `target ${reasonNumber(value)} for ${period}`),
  baselinePhrase: (value: number, period: string) => `the baseline ${reasonNumber(value)} for ${period}`,
  onTrajectory: (value: number, to: string) => `${reasonNumber(value)} on the trajectory to ${to}`,
  valueFor: (value: number, period: string) => `${reasonNumber(value)} for ${period}`,
  meets: (actual: string, target: string) => `${actual} meets ${target}`,
  /** `pct` is "" or " (4.0%)". */
  beats: (actual: string, target: string, by: number, pct: string) => `${actual} beats ${target} by ${reasonNumber(by)}${pct}`,
  /** `pct` is "" or " (4.0%)". */
  short: (actual: string, shortfall: number, pct: string, target: string) => `${actual} is ${reasonNumber(shortfall)}${pct} short of ${target}`,
  ruleDoesNotApply: (rule: string | null) => `Not rated: rule "${rule}" does not apply to this indicator`,
  withReason: (what: string, why: string | null) => (why ? `${what} (${why})` : what),
  noActual: (period: string | null) => (period === null ? "No actual" : `No actual for ${period}`),
  noTarget: (period: string | null) => (period === null ? "No target" : `No target for ${period}`),
  noTargetBeforeFirst: (period: string, first: string) =>
    `No target for ${period}: the first target is for ${first} and there is no dated baseline to draw a trajectory from`,
  dataOnly: "Data only: not rated",
  polarityNone: "Polarity none: data only, not rated",
  notRated: (why: string) => `Not rated: ${why}`,
  unknownRule: (raw: string) =>
    `Not rated: rule "${raw}" is not a rule of this workbook or a preset (tolerance, stretch, trajectory, floor, improvement, benchmark, spc)`,
  blueMargin: (margin: number) => `blue margin is ${settingPercent(margin)} of target`,
  band: (tolerance: number, own: boolean) => `amber band is ${settingPercent(tolerance)} of target${own ? " (this indicator's tolerance)" : ""}`,
  beyondBand: (tolerance: number, own: boolean) =>
    `beyond the amber band of ${settingPercent(tolerance)} of target${own ? " (this indicator's tolerance)" : ""}`,
  withinTolerance: (tolerance: number, own: boolean) =>
    `within the tolerance of ${settingPercent(tolerance)} of target${own ? " (this indicator's tolerance)" : ""}`,
  outsideTolerance: (tolerance: number, own: boolean) =>
    `outside the tolerance of ${settingPercent(tolerance)} of target${own ? " (this indicator's tolerance)" : ""}`,
  noBaseline: (why: string | null) => `No baseline${why ? ` (${why})` : ""}: progress needs one`,
  noBaselineForTrajectory: (why: string | null) => `No dated baseline${why ? ` (${why})` : ""} to draw a trajectory from`,
  noDatedTarget: "No dated target to draw a trajectory to",
  targetEqualsBaseline: (target: string) => `Progress cannot be worked out: ${target} equals the baseline`,
  progressOverflow: "Progress cannot be worked out: the numbers are too far apart for a finite share",
  progress: (p: number, baseline: number, target: string, threshold: number) =>
    `Progress is ${reasonPercent(p)} of the way from baseline ${reasonNumber(baseline)} to ${target}; stretch threshold is ${settingPercent(threshold)}`,
  noFloor: "No floor standard for this indicator",
  belowFloor: (actual: string, floor: number, target: string) => `${actual} is below the floor standard ${reasonNumber(floor)}; ${target} not met`,
  meetsFloor: (actual: string, floor: number, target: string) => `${actual} misses ${target} but meets the floor standard ${reasonNumber(floor)}`,
  improved: (yearEarlier: string) => `improved on ${yearEarlier}`,
  notImproved: (yearEarlier: string) => `no better than ${yearEarlier}`,
  noYearEarlier: (period: string, why: string | null) =>
    `no actual for ${period}${why ? ` (${why})` : ""} to tell whether it improved`,
  noYearEarlierUndated: "the actual has no period, so there is no year earlier to tell whether it improved",
  benchmark: (comparison: string, actual: string, lower: number, upper: number, benchmark: number) =>
    `${actual} (${reasonNumber(lower)} to ${reasonNumber(upper)}) is ${comparison === "Similar" ? "similar to" : `significantly ${comparison.toLowerCase()} than`} the benchmark ${reasonNumber(benchmark)}`,
  benchmarkAtLevel: (comparison: string, actual: string, lower: number, upper: number, benchmark: number, source: "standardError" | "proportion" | "rate") =>
    `${actual} (99.8% limits ${reasonNumber(lower)} to ${reasonNumber(upper)}, ${LIMITS_FROM[source]}) is ${comparison === "Similar" ? "similar to" : `significantly ${comparison.toLowerCase()} than`} the benchmark ${reasonNumber(benchmark)}`,
  noBenchmark: "No benchmark value to compare with",
  noInterval: (period: string | null) => `No confidence interval for the actual${period ? ` for ${period}` : ""} to compare with the benchmark`,
  badInterval: "The confidence interval is not usable (lower limit above upper)",
  // The SPC preset (docs/methods.md#spc-preset).
  spcTooFew: (count: number, needed: number) =>
    `Only ${count === 1 ? "1 value" : `${count} values`} in the series: an XmR chart needs at least ${needed}, so the SPC rule gives no status`,
  /** "XmR chart of 12 points: mean 70.1, process limits 65.2 to 75.0; provisional below 15 points". */
  spcChart: (points: number, mean: number, lower: number, upper: number, provisionalBelow: number | null) =>
    `XmR chart of ${points} points: mean ${reasonNumber(mean)}, process limits ${reasonNumber(lower)} to ${reasonNumber(upper)}${provisionalBelow !== null ? `; provisional below ${provisionalBelow} points` : ""}`,
  /** "Special cause concern, consistently failing against target 75.0 (XmR chart ...)". */
  spcWords: (variation: string, assurance: string | null, target: string | null, chart: string) =>
    `${variation}, ${assurance !== null && target !== null ? `${assurance.toLowerCase()} against ${target}` : "no target for assurance"} (${chart})`,
  spcCommonNoTarget: (chart: string) => `Common cause variation and no target, so the SPC rule gives no status (${chart})`,
} as const;
