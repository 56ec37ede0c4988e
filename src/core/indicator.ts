/**
 * The indicator model and reading one indicator row from raw cells the way analysts'
 * workbooks really look. Plain data in, plain data out: the Excel layer passes each raw cell value
 * with an opaque `ref` (e.g. "Sheet1!D7") so every problem can name its cell.
 *
 * A row with a problem is reported, never dropped silently; a problem in one field never stops the
 * others being read. Problems that make a rating impossible (an unreadable polarity, tolerance or
 * data-only flag) are also kept on the indicator as `blockers`, so that rating it gives Grey with the
 * reason rather than a guess.
 */
import { readNumber } from "./cells";
import { messages } from "./messages";
import { parsePolarity, type Polarity } from "./polarity";
import { comparePeriods, parsePeriod, samePeriod, type Period } from "./periods";
import type { Result } from "./result";

/** A raw cell value and where it came from. */
export interface RawCell {
  readonly value: unknown;
  /** Opaque address for problems, e.g. "Sheet1!D7". */
  readonly ref?: string;
}

/** A raw value for one period (a target or an actual), with optional confidence limits. */
export interface RawPeriodValue {
  /** The period label, serial or date; or a {@link RawCell} holding it. Blank means undated. */
  readonly period: unknown;
  readonly value: RawCell;
  readonly lower?: RawCell;
  readonly upper?: RawCell;
  /** Count and denominator of the value (long tables of the public health profiles), when given. */
  readonly count?: RawCell;
  readonly denominator?: RawCell;
}

/** One indicator row as raw cells, field by field (any field may be absent). */
export interface RawIndicator {
  readonly id?: RawCell;
  readonly title?: RawCell;
  readonly perspective?: RawCell;
  readonly objective?: RawCell;
  readonly polarity?: RawCell;
  readonly unit?: RawCell;
  readonly baseline?: RawCell;
  readonly baselinePeriod?: RawCell;
  readonly targets: readonly RawPeriodValue[];
  readonly actuals: readonly RawPeriodValue[];
  readonly floor?: RawCell;
  readonly tolerance?: RawCell;
  readonly rule?: RawCell;
  readonly weight?: RawCell;
  readonly owner?: RawCell;
  readonly commentary?: RawCell;
  readonly area?: RawCell;
  readonly areaCode?: RawCell;
  readonly benchmark?: RawCell;
  readonly lowerCi?: RawCell;
  readonly upperCi?: RawCell;
  readonly dataOnly?: RawCell;
}

/** A problem found while reading one field of a row. */
export interface FieldProblem {
  /** The field, in the words of {@link RawIndicator} ("actual", "polarity" ...). */
  readonly field: string;
  readonly ref?: string;
  readonly message: string;
}

/** A value for a period (or undated), or the reason it is missing. */
export interface Observation {
  /** The period, or null for an undated value (a single overall target or actual). */
  readonly period: Period | null;
  readonly value: number | null;
  /** Why the value is missing ("blank cell", "cell shows n/a", or the reading problem); null when present. */
  readonly missingReason: string | null;
  /** Confidence limits of this value, when given. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly ref: string | null;
  /** The value's count and denominator, when the table gives them (docs/methods.md#benchmark-level). */
  readonly count?: number | null;
  readonly denominator?: number | null;
}

/** An indicator as the core computes with it (plain, JSON-serialisable data). */
export interface Indicator {
  readonly id: string;
  readonly title: string;
  readonly perspective: string;
  readonly objective: string;
  /** Which direction is good; `none` also when the polarity could not be read (see `blockers`). */
  readonly polarity: Polarity;
  readonly unit: string;
  readonly baseline: Observation;
  /** Targets in period order (one undated target at most, only when no target is dated). */
  readonly targets: readonly Observation[];
  /** Actuals in period order (one undated actual at most, only when no actual is dated). */
  readonly actuals: readonly Observation[];
  readonly floor: number | null;
  /** Per-indicator tolerance override as a fraction (0.05 = 5%), or null for the workbook's. */
  readonly tolerance: number | null;
  /** Per-indicator rule: a rule name of the rule set or a preset name; null for the workbook's. */
  readonly rule: string | null;
  readonly weight: number;
  readonly owner: string;
  readonly commentary: string;
  readonly area: string;
  readonly areaCode: string;
  readonly benchmark: number | null;
  /** Confidence limits of the latest actual when the table gives them per indicator. */
  readonly lowerCi: number | null;
  readonly upperCi: number | null;
  readonly dataOnly: boolean;
  /** Problems that make a rating impossible; rating gives Grey naming the first. */
  readonly blockers: readonly string[];
}

/** An observation with no period and no value: a blank cell. */
const BLANK_OBSERVATION: Observation = { period: null, value: null, missingReason: "blank cell", lower: null, upper: null, ref: null };

/**
 * An indicator with the given fields and every other field empty (no baseline, targets or actuals,
 * higher is better, weight 1): the one place that knows every field, for callers that build an
 * indicator from values already read (LAARAG's cells) rather than from a table row (readIndicator).
 * @example indicatorWith({ id: "NI 1" }).weight // => 1
 */
export function indicatorWith(fields: Partial<Indicator>): Indicator {
  return {
    id: "", title: "", perspective: "", objective: "", polarity: "higher", unit: "", baseline: BLANK_OBSERVATION,
    targets: [], actuals: [], floor: null, tolerance: null, rule: null, weight: 1, owner: "", commentary: "",
    area: "", areaCode: "", benchmark: null, lowerCi: null, upperCi: null, dataOnly: false, blockers: [],
    ...fields,
  };
}

/** The blockers of every indicator without one (shared: an indicator is never changed once read). */
const NO_BLOCKERS: readonly string[] = Object.freeze([]);

const TRUE_WORDS = new Set(["true", "yes", "y", "x", "1", "data only", "data-only"]);
const FALSE_WORDS = new Set(["", "false", "no", "n", "0"]);

/**
 * A tolerance or margin typed as a number: above 1 it is a percentage (5 means 5%); "5%" and 0.05
 * already are fractions. One rule for the indicator table's columns and the worksheet functions.
 * @example shareFromNumber(5) // => 0.05
 * @example shareFromNumber(0.05) // => 0.05
 */
export function shareFromNumber(value: number): number {
  return value > 1 ? value / 100 : value;
}

/**
 * Cell text as a person reads it: trimmed text, numbers as written, blank as "".
 * @example cellText({ value: 16 }) // => "16"
 */
export function cellText(cell: RawCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : "";
  return "";
}

/** A problem, with `ref` only when the cell's address is known (no `ref: undefined` keys). */
function problem(field: string, ref: string | null | undefined, message: string): FieldProblem {
  return ref === null || ref === undefined ? { field, message } : { field, ref, message };
}

function missing(period: Period | null, reason: string, ref: string | null): Observation {
  return { period, value: null, missingReason: reason, lower: null, upper: null, ref };
}

/** Reads one optional number field; invalid text is a problem and the field is null. */
function optionalNumber(cell: RawCell | undefined, field: string, label: string, problems: FieldProblem[]): number | null {
  if (cell === undefined) return null;
  const v = cell.value;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const r = readNumber(v, label);
  if (r.kind === "number") return r.value;
  if (r.kind === "invalid") problems.push(problem(field, cell.ref, r.message));
  return null;
}

/**
 * {@link optionalNumber} for a value of a series: the message names it "`what` for `where`" (e.g.
 * "Lower limit for 2009/10"), worded only when the cell is not a number.
 */
function seriesNumber(cell: RawCell | undefined, field: string, what: string, where: string, problems: FieldProblem[]): number | null {
  if (cell === undefined) return null;
  const v = cell.value;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return optionalNumber(cell, field, `${what} for ${where}`, problems);
}

/**
 * The period of the entry at each position of a series, as last read. A wide table's rows hand the
 * same label for the same column, so each column's label is looked up once per table, not once per
 * row; any other label is read as usual. Only text is kept: its readings are frozen and shared
 * already (periods.ts).
 */
interface PeriodMemo {
  readonly labels: unknown[];
  readonly readings: Result<Period>[];
}
const MEMO_POSITIONS = 512;
const targetPeriods: PeriodMemo = { labels: [], readings: [] };
const actualPeriods: PeriodMemo = { labels: [], readings: [] };

function periodAt(memo: PeriodMemo, i: number, raw: unknown): Result<Period> {
  if (memo.labels[i] === raw && typeof raw === "string") return memo.readings[i];
  const reading = parsePeriod(raw);
  if (typeof raw === "string" && i < MEMO_POSITIONS) {
    memo.labels[i] = raw;
    memo.readings[i] = reading;
  }
  return reading;
}

function observation(period: Period | null, value: number, lower: number | null, upper: number | null, ref: string | null): Observation {
  return { period, value, missingReason: null, lower, upper, ref };
}

function readSeries(entries: readonly RawPeriodValue[], field: "target" | "actual", problems: FieldProblem[]): Observation[] {
  const label = field === "target" ? "Target" : "Actual";
  const memo = field === "target" ? targetPeriods : actualPeriods;
  const lowerField = field === "actual" ? "lowerCi" : "lower";
  const upperField = field === "actual" ? "upperCi" : "upper";
  // Sized for every entry (the usual table has a value in each period column), cut to length below.
  const dated: Observation[] = new Array<Observation>(entries.length);
  let count = 0;
  let undated: Observation[] | null = null;
  let sorted = true;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    // The period: a label, serial or date, or a cell holding one.
    let periodRaw = entry.period;
    let periodRef: string | undefined;
    if (periodRaw !== null && typeof periodRaw === "object" && !(periodRaw instanceof Date) && "value" in periodRaw) {
      periodRef = (periodRaw as RawCell).ref;
      periodRaw = (periodRaw as RawCell).value;
    }
    const cell = entry.value;
    const ref = cell?.ref ?? null;
    let period: Period | null = null;
    const parsed = periodAt(memo, i, periodRaw);
    if (parsed.ok) period = parsed.value;
    else if (parsed.problem.kind === "value") {
      problems.push(problem(field, periodRef ?? ref ?? undefined, messages.fieldBadPeriod(label, periodRaw)));
      continue;
    }
    const v = cell?.value;
    let o: Observation;
    if (typeof v === "number" && Number.isFinite(v)) {
      // The usual cell, a number: read without wording any message.
      const where = period?.label ?? label;
      o = observation(period, v, seriesNumber(entry.lower, lowerField, "Lower limit", where, problems), seriesNumber(entry.upper, upperField, "Upper limit", where, problems), ref);
    } else {
      const reading = readNumber(v, period === null ? label : `${label} for ${period.label}`);
      if (period === null && reading.kind === "missing") continue; // nothing at all: an empty entry
      if (reading.kind === "number") {
        const where = period?.label ?? label;
        o = observation(period, reading.value, seriesNumber(entry.lower, lowerField, "Lower limit", where, problems), seriesNumber(entry.upper, upperField, "Upper limit", where, problems), ref);
      } else if (reading.kind === "missing") {
        o = missing(period, reading.reason, ref);
      } else {
        problems.push(problem(field, ref ?? undefined, reading.message));
        o = missing(period, reading.message, ref);
      }
    }
    if (entry.count !== undefined || entry.denominator !== undefined) {
      if (o.value !== null) {
        const where = period?.label ?? label;
        o = { ...o, count: seriesNumber(entry.count, "count", "Count", where, problems), denominator: seriesNumber(entry.denominator, "denominator", "Denominator", where, problems) };
      }
    }
    if (period === null) (undated ??= []).push(o);
    else {
      // Columns are usually in period order already (a period ending later is in order without
      // comparing kinds); equal periods keep their order (the first is used).
      if (sorted && count > 0) {
        const prev = dated[count - 1].period as Period;
        if (!(prev.end < period.end) && comparePeriods(prev, period) > 0) sorted = false;
      }
      dated[count++] = o;
    }
  }
  if (count !== dated.length) dated.length = count;
  if (count === 0) {
    if (undated === null) return [];
    for (let k = 1; k < undated.length; k++) problems.push(problem(field, undated[k].ref ?? undefined, messages.duplicateUndated(label)));
    return undated.length > 1 ? undated.slice(0, 1) : undated;
  }
  if (undated !== null) for (const extra of undated) problems.push(problem(field, extra.ref ?? undefined, messages.extraUndatedValue(label)));
  if (!sorted) dated.sort((a, b) => comparePeriods(a.period as Period, b.period as Period)); // stable: equal periods keep their order
  let kept = 1;
  for (let k = 1; k < dated.length; k++) {
    const o = dated[k];
    const prev = dated[kept - 1].period as Period;
    if (prev.end === (o.period as Period).end && samePeriod(prev, o.period as Period)) {
      problems.push(problem(field, o.ref ?? undefined, messages.duplicatePeriod(label, (o.period as Period).label)));
      continue;
    }
    dated[kept++] = o;
  }
  if (kept !== dated.length) dated.length = kept;
  return dated;
}

/**
 * Reads one indicator row from raw cells. Numbers as they are, numeric text as Excel's
 * VALUE() reads it, blanks and not-available markers as missing with the reason, error values as
 * missing ("cell shows #N/A"), period labels per docs/methods.md#polarity, polarity words per section 1
 * (unknown text is a problem, never a guess). Never throws; every problem names its field and cell.
 *
 * Decisions: a tolerance above 1 is read as a percentage (5 means 5%; "5%" and 0.05 already are);
 * a blank weight is 1 and an unreadable or negative one is reported and 1 is used; a data-only cell
 * reads yes/y/x/true/1/"data only" as yes and blank/no/n/false/0 as no; a target or actual without a
 * period is allowed only when none in its list has a period (a single overall value).
 *
 * @example
 * readIndicator({ id: { value: "NI 16" }, polarity: { value: "low is good" },
 *   targets: [{ period: "2009/10", value: { value: 75 } }], actuals: [{ period: "2009/10", value: { value: "n/a", ref: "D7" } }] })
 * // => indicator.polarity "lower", indicator.actuals[0].missingReason "cell shows n/a", problems []
 */
export function readIndicator(raw: RawIndicator): { indicator: Indicator; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const blockers: string[] = [];

  let polarity: Polarity = "higher";
  if (raw.polarity !== undefined) {
    const p = parsePolarity(raw.polarity.value);
    if (p.ok) polarity = p.value;
    else {
      polarity = "none";
      problems.push(problem("polarity", raw.polarity.ref, p.problem.message));
      blockers.push(p.problem.message);
    }
  }

  let baseline: Observation;
  let baselinePeriod: Period | null = null;
  if (raw.baselinePeriod !== undefined) {
    const p = parsePeriod(raw.baselinePeriod.value);
    if (p.ok) baselinePeriod = p.value;
    else if (p.problem.kind === "value") problems.push(problem("baselinePeriod", raw.baselinePeriod.ref, messages.fieldBadPeriod("Baseline", raw.baselinePeriod.value)));
  }
  if (raw.baseline !== undefined) {
    const v = raw.baseline.value;
    const r = typeof v === "number" && Number.isFinite(v) ? null : readNumber(v, "Baseline");
    const ref = raw.baseline.ref ?? null;
    if (r === null) baseline = observation(baselinePeriod, v as number, null, null, ref);
    else if (r.kind === "number") baseline = observation(baselinePeriod, r.value, null, null, ref);
    else if (r.kind === "missing") baseline = missing(baselinePeriod, r.reason, ref);
    else {
      problems.push(problem("baseline", raw.baseline.ref, r.message));
      baseline = missing(baselinePeriod, r.message, ref);
    }
  } else baseline = missing(baselinePeriod, "no baseline given", null);

  let tolerance: number | null = null;
  if (raw.tolerance !== undefined) {
    const r = readNumber(raw.tolerance.value, "Tolerance");
    if (r.kind === "number") {
      if (r.value < 0) {
        const message = messages.negativeTolerance(raw.tolerance.value);
        problems.push(problem("tolerance", raw.tolerance.ref, message));
        blockers.push(message);
      } else tolerance = shareFromNumber(r.value);
    } else if (r.kind === "invalid") {
      problems.push(problem("tolerance", raw.tolerance.ref, r.message));
      blockers.push(r.message);
    }
  }

  let weight = 1;
  if (raw.weight !== undefined) {
    const r = readNumber(raw.weight.value, "Weight");
    if (r.kind === "number" && r.value >= 0) weight = r.value;
    else if (r.kind !== "missing") problems.push(problem("weight", raw.weight.ref, messages.badWeight(raw.weight.value)));
  }

  let dataOnly = false;
  if (raw.dataOnly !== undefined) {
    const v = raw.dataOnly.value;
    if (typeof v === "boolean") dataOnly = v;
    else if (v !== null && v !== undefined) {
      const word = typeof v === "string" || typeof v === "number" ? String(v).trim().toLowerCase() : "\u0000not a word";
      if (TRUE_WORDS.has(word)) dataOnly = true;
      else if (!FALSE_WORDS.has(word)) {
        const message = messages.badDataOnly(v);
        problems.push(problem("dataOnly", raw.dataOnly.ref, message));
        blockers.push(message);
      }
    }
  }

  const floor = optionalNumber(raw.floor, "floor", "Floor", problems);
  const benchmark = optionalNumber(raw.benchmark, "benchmark", "Benchmark", problems);
  let lowerCi = optionalNumber(raw.lowerCi, "lowerCi", "Lower confidence limit", problems);
  let upperCi = optionalNumber(raw.upperCi, "upperCi", "Upper confidence limit", problems);
  if (lowerCi !== null && upperCi !== null && lowerCi > upperCi) {
    problems.push(problem("lowerCi", raw.lowerCi?.ref, messages.badCiOrder));
    lowerCi = null;
    upperCi = null;
  }

  const targets = readSeries(raw.targets ?? [], "target", problems);
  const actuals = readSeries(raw.actuals ?? [], "actual", problems);
  const rule = cellText(raw.rule);

  const indicator: Indicator = {
    id: cellText(raw.id),
    title: cellText(raw.title),
    perspective: cellText(raw.perspective),
    objective: cellText(raw.objective),
    polarity,
    unit: cellText(raw.unit),
    baseline,
    targets,
    actuals,
    floor,
    tolerance,
    rule: rule === "" ? null : rule,
    weight,
    owner: cellText(raw.owner),
    commentary: cellText(raw.commentary),
    area: cellText(raw.area),
    areaCode: cellText(raw.areaCode),
    benchmark,
    lowerCi,
    upperCi,
    dataOnly,
    blockers: blockers.length > 0 ? blockers : NO_BLOCKERS,
  };
  return { indicator, problems };
}

/**
 * Builds an indicator from plain numbers (tests, the bench, and callers that already have typed
 * data). Missing fields take the defaults of {@link readIndicator}; the series are sorted.
 *
 * @example makeIndicator({ id: "NI 16", polarity: "lower", targets: [["2009/10", 75]], actuals: [["2009/10", 72]] }).actuals[0].value // => 72
 */
export function makeIndicator(spec: {
  id?: string;
  title?: string;
  perspective?: string;
  polarity?: Polarity;
  baseline?: number | null;
  baselinePeriod?: string | null;
  targets?: readonly (readonly [string | number | null, number | null])[];
  actuals?: readonly (readonly [string | number | null, number | null])[];
  floor?: number | null;
  tolerance?: number | null;
  rule?: string | null;
  weight?: number;
  benchmark?: number | null;
  lowerCi?: number | null;
  upperCi?: number | null;
  dataOnly?: boolean;
}): Indicator {
  const raw: RawIndicator = {
    id: { value: spec.id ?? "" },
    title: { value: spec.title ?? "" },
    perspective: { value: spec.perspective ?? "" },
    polarity: { value: spec.polarity ?? "higher" },
    baseline: { value: spec.baseline ?? null },
    baselinePeriod: { value: spec.baselinePeriod ?? null },
    targets: (spec.targets ?? []).map(([period, value]) => ({ period, value: { value } })),
    actuals: (spec.actuals ?? []).map(([period, value]) => ({ period, value: { value } })),
    floor: { value: spec.floor ?? null },
    tolerance: { value: spec.tolerance ?? null },
    rule: { value: spec.rule ?? null },
    weight: { value: spec.weight ?? null },
    benchmark: { value: spec.benchmark ?? null },
    lowerCi: { value: spec.lowerCi ?? null },
    upperCi: { value: spec.upperCi ?? null },
    dataOnly: { value: spec.dataOnly ?? false },
  };
  const { indicator, problems } = readIndicator(raw);
  if (problems.length > 0) throw new RangeError(`makeIndicator: ${problems.map((p) => p.message).join("; ")}`);
  return indicator;
}

/** A problem found reading one row of a table: the row's position (0-based) and the field problem. */
export interface RowProblem extends FieldProblem {
  readonly row: number;
}

/**
 * Reads many indicator rows (a whole table). Every row gives an indicator, in order; every problem
 * names its row. A problem in one row never stops the others.
 *
 * @example readIndicators([{ targets: [], actuals: [] }, { polarity: { value: "up-ish" }, targets: [], actuals: [] }]).problems[0].row // => 1
 */
export function readIndicators(rows: readonly RawIndicator[]): { indicators: Indicator[]; problems: RowProblem[] } {
  const indicators: Indicator[] = new Array(rows.length);
  const problems: RowProblem[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = readIndicator(rows[i]);
    indicators[i] = r.indicator;
    for (const p of r.problems) problems.push({ row: i, ...p });
  }
  return { indicators, problems };
}
