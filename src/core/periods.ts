/**
 * Period labels as UK public-sector analysts write them (docs/methods.md#polarity). Each period is used as
 * a point in time at its END, as an Excel date serial, so periods of any kind sort on one axis.
 *
 * Written by hand rather than with date-fns: the only date arithmetic needed is "last day of a
 * month" and serial <-> calendar date in UTC, and the label grammar (financial years, quarters of a
 * financial year) is domain-specific; date-fns would add a dependency for two lines of Date.UTC.
 *
 * Decisions where docs/methods.md is silent (noted in the report as well):
 * - `YYYY-YY` is a financial year when YY is the year after YYYY (`2008-09`, `2009-10`); otherwise it
 *   is a month (`2009-04`). So `2009-10` is the financial year 2009/10, not October 2009.
 * - Two-digit years follow Excel's rule: 00-29 are 2000-2029, 30-99 are 1930-1999.
 * - A number from 1900 to 2100 (a cell holding 2009) is that calendar year; any other number from 61
 *   (1 March 1900) up to 2958465 (31 December 9999) is an Excel date serial taken as it is.
 * - `09/10` and `Q1 09/10` (two-digit financial years, common in LAA returns) are read when the
 *   second year follows the first; two-digit years follow Excel's 1930 rule.
 * - `Q1 2009` (a quarter with a single year) is not read: quarters belong to financial years
 *   (`Q1 2009/10`), and guessing calendar or financial would be a guess.
 * - Dates (JS Date objects, ISO `2009-03-31`, UK `31/03/2009`) are days; a Date's UTC time is used,
 *   as ExcelJS and the Excel layer produce UTC dates.
 */
import { fail, ok, type Result } from "./result";
import { messages } from "./messages";

/** What kind of period a label names. */
export type PeriodKind = "financialYear" | "quarter" | "month" | "year" | "date";

/** A period: its canonical label, its kind and its end as an Excel date serial. */
export interface Period {
  /** Canonical label: `2009/10`, `Q3 2009/10`, `Apr 2009`, `2009` or an ISO date `2009-03-31`. */
  readonly label: string;
  readonly kind: PeriodKind;
  /** Excel date serial of the period's last day (days since 1899-12-30; 39903 = 31 March 2009). */
  readonly end: number;
}

/** Excel serial of 1 January 1970 (the Unix epoch). */
const UNIX_EPOCH_SERIAL = 25569;
/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;
/** 1 March 1900: the first serial where Excel's calendar agrees with the real one. */
const FIRST_SERIAL = 61;
/** 31 December 9999, Excel's last date. */
const LAST_SERIAL = 2_958_465;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Compiled once (no per-call regex compilation).
const FY = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const QUARTER_FIRST = /^q([1-4])\s*(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const QUARTER_LAST = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*q([1-4])$/;
const MONTH_NAME = /^([a-z]+)\.?[\s-]*(\d{2}|\d{4})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^\d{4}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const SPACES = /\s+/g;
const SERIAL_TEXT = /^\d{5,7}(?:\.\d+)?$/;

/**
 * The Excel date serial of a calendar date (1 March 1900 onwards).
 * @example dateToSerial(2009, 3, 31) // => 39903
 */
export function dateToSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * The Excel date serial (1900 system, fractional for a time of day) of an instant in milliseconds since 1970 (UTC).
 * @example timeToSerial(Date.UTC(2009, 2, 31, 12)) // => 39903.5
 */
export function timeToSerial(ms: number): number {
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * The calendar date of an Excel date serial, as `[year, month, day]` (time of day ignored).
 * @example serialToDate(39903) // => [2009, 3, 31]
 */
export function serialToDate(serial: number): [number, number, number] {
  const d = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * The ISO text of a serial's date, e.g. for a date period's label.
 * @example serialToIso(39903) // => "2009-03-31"
 */
export function serialToIso(serial: number): string {
  const [y, m, d] = serialToDate(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthEnd(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return Date.UTC(year, month, 0) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

function twoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function financialYear(start: number): Period {
  const label = `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  return { label, kind: "financialYear", end: monthEnd(start + 1, 3) };
}

function quarter(q: number, start: number): Period {
  // Q1 = Apr-Jun, Q2 = Jul-Sep, Q3 = Oct-Dec (all in the first year), Q4 = Jan-Mar of the next.
  const endMonth = q * 3 + 3;
  const end = endMonth > 12 ? monthEnd(start + 1, endMonth - 12) : monthEnd(start, endMonth);
  return { label: `Q${q} ${financialYear(start).label}`, kind: "quarter", end };
}

function month(year: number, m: number): Period {
  return { label: `${MONTH_SHORT[m - 1]} ${year}`, kind: "month", end: monthEnd(year, m) };
}

function calendarYear(year: number): Period {
  return { label: String(year), kind: "year", end: monthEnd(year, 12) };
}

function dateFromSerial(serial: number): Period {
  return { label: serialToIso(serial), kind: "date", end: serial };
}

/**
 * The start year of `YYYY/YY`, `YYYY/YYYY` or `YY/YY` when the second year follows the first, else
 * undefined. (`09/10` as text can only be a financial year: Excel turns a typed date into a serial.)
 */
function fyStart(first: string, second: string): number | undefined {
  if (first.length === 2 && second.length !== 2) return undefined;
  const start = first.length === 2 ? twoDigitYear(Number(first)) : Number(first);
  if (second.length === 2) return Number(second) === (start + 1) % 100 ? start : undefined;
  return Number(second) === start + 1 ? start : undefined;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= Date.UTC(y, m, 0) / MS_PER_DAY - Date.UTC(y, m - 1, 0) / MS_PER_DAY;
}

function parseText(raw: string): Result<Period> {
  const text = raw.trim().replace(SPACES, " ").toLowerCase();
  if (text === "") return fail("na", messages.blankPeriod);
  let m: RegExpExecArray | null;
  if ((m = QUARTER_FIRST.exec(text)) || (m = QUARTER_LAST.exec(text))) {
    const first = m[1].length === 1;
    const q = Number(first ? m[1] : m[3]);
    const start = first ? fyStart(m[2], m[3]) : fyStart(m[1], m[2]);
    return start === undefined ? fail("value", messages.unknownPeriod(raw)) : ok(quarter(q, start));
  }
  if ((m = FY.exec(text))) {
    const start = fyStart(m[1], m[2]);
    if (start !== undefined) return ok(financialYear(start));
    const ym = YEAR_MONTH.exec(text);
    if (ym) {
      const mm = Number(ym[2]);
      if (mm >= 1 && mm <= 12) return ok(month(Number(ym[1]), mm));
    }
    return fail("value", messages.unknownPeriod(raw));
  }
  if ((m = MONTH_NAME.exec(text))) {
    const mm = MONTHS[m[1]];
    if (mm === undefined) return fail("value", messages.unknownPeriod(raw));
    const year = m[2].length === 2 ? twoDigitYear(Number(m[2])) : Number(m[2]);
    return ok(month(year, mm));
  }
  if (YEAR.test(text)) return Number(text) >= 1900 ? ok(calendarYear(Number(text))) : fail("value", messages.unknownPeriod(raw));
  if ((m = ISO_DATE.exec(text))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? ok(dateFromSerial(dateToSerial(y, mo, d))) : fail("value", messages.unknownPeriod(raw));
  }
  if ((m = UK_DATE.exec(text))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? ok(dateFromSerial(dateToSerial(y, mo, d))) : fail("value", messages.unknownPeriod(raw));
  }
  if (SERIAL_TEXT.test(text)) return parseNumber(Number(text), raw);
  return fail("value", messages.unknownPeriod(raw));
}

// Labels repeat on every row of a table (a wide layout's headers, a long layout's period column),
// so parsed labels are cached. Results are frozen because they are shared; the cache is cleared
// when full so that odd inputs cannot grow it without bound.
const CACHE_LIMIT = 4096;
const textCache = new Map<string, Result<Period>>();

function parseTextCached(raw: string): Result<Period> {
  const hit = textCache.get(raw);
  if (hit !== undefined) return hit;
  let r = parseText(raw);
  // Excel's calendar starts on 1 March 1900 (serial 61); earlier or later than 9999 is not a period.
  if (r.ok && (r.value.end < FIRST_SERIAL || r.value.end > LAST_SERIAL)) r = fail("value", messages.unknownPeriod(raw));
  if (r.ok) Object.freeze(r.value);
  else Object.freeze(r.problem);
  Object.freeze(r);
  if (textCache.size >= CACHE_LIMIT) textCache.clear();
  textCache.set(raw, r);
  return r;
}

function parseNumber(n: number, raw: unknown): Result<Period> {
  if (!Number.isFinite(n)) return fail("value", messages.unknownPeriod(raw));
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return ok(calendarYear(n));
  if (n >= FIRST_SERIAL && n <= LAST_SERIAL) return ok(dateFromSerial(n));
  return fail("value", messages.unknownPeriod(raw));
}

/**
 * Reads a period label, number or date (docs/methods.md#polarity): financial years (`2008/09`,
 * `2008-09`, `2008/2009`, `FY2008/09`), quarters of a financial year (`Q1 2009/10`, `2009/10 Q3`),
 * months (`Apr-09`, `April 2009`, `2009-04`), calendar years (`2009`), Excel date serials (39903)
 * and dates (JS Date, `2009-03-31`, `31/03/2009`). Blank is an `na` problem; unreadable text a
 * `value` problem. Never throws.
 *
 * @example parsePeriod("2008/09") // => { ok: true, value: { label: "2008/09", kind: "financialYear", end: 39903 } }
 * @example parsePeriod("Q1 2009/10").ok && parsePeriod("Q1 2009/10").value.end // => 39994 (30 June 2009)
 * @example parsePeriod("sometime").ok // => false
 */
export function parsePeriod(raw: unknown): Result<Period> {
  if (raw === null || raw === undefined) return fail("na", messages.blankPeriod);
  if (typeof raw === "string") return parseTextCached(raw);
  if (typeof raw === "number") return parseNumber(raw, raw);
  if (raw instanceof Date) {
    const time = raw.getTime();
    if (!Number.isFinite(time)) return fail("value", messages.unknownPeriod(raw));
    return parseNumberAsSerial(time / MS_PER_DAY + UNIX_EPOCH_SERIAL, raw);
  }
  return fail("value", messages.unknownPeriod(raw));
}

function parseNumberAsSerial(serial: number, raw: unknown): Result<Period> {
  return serial >= FIRST_SERIAL && serial <= LAST_SERIAL ? ok(dateFromSerial(serial)) : fail("value", messages.unknownPeriod(raw));
}

const KIND_ORDER: Readonly<Record<PeriodKind, number>> = { date: 0, month: 1, quarter: 2, year: 3, financialYear: 3 };

/**
 * Orders periods chronologically by their end; periods ending on the same day order the shorter
 * first (a date, a month, a quarter, then a year), so sorting is deterministic. Returns a negative
 * number, zero or a positive number, as `Array.prototype.sort` expects.
 *
 * @example ["2009/10", "Q1 2009/10", "2008/09"].map(l => parsePeriod(l).value).sort(comparePeriods).map(p => p.label)
 * // => ["2008/09", "Q1 2009/10", "2009/10"]
 */
export function comparePeriods(a: Period, b: Period): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * True when two periods are the same period (same kind and end), whatever label spelled them.
 * @example samePeriod(parsePeriod("2009-10").value, parsePeriod("FY2009/10").value) // => true
 */
export function samePeriod(a: Period, b: Period): boolean {
  return a.end === b.end && a.kind === b.kind;
}

/**
 * The same period a year earlier (docs/methods.md#direction-of-travel, direction of travel "year earlier"): a
 * financial year gives the previous one, Q3 2009/10 gives Q3 2008/09, a month the same month a
 * year earlier, a date the same date (29 February gives 28 February).
 *
 * @example sameTimeYearEarlier(parsePeriod("Q3 2009/10").value).label // => "Q3 2008/09"
 */
export function sameTimeYearEarlier(period: Period): Period {
  // Cached by kind and end: direction of travel asks this for every indicator of a run.
  const cache = yearEarlierCache[period.kind];
  const hit = cache.get(period.end);
  if (hit !== undefined) return hit;
  const earlier = Object.freeze(yearEarlier(period));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(period.end, earlier);
  return earlier;
}

const yearEarlierCache: Readonly<Record<PeriodKind, Map<number, Period>>> = {
  financialYear: new Map(),
  quarter: new Map(),
  month: new Map(),
  year: new Map(),
  date: new Map(),
};

function yearEarlier(period: Period): Period {
  const [y, m, d] = serialToDate(period.end);
  switch (period.kind) {
    case "financialYear":
      return financialYear(y - 2);
    case "quarter": {
      const start = m <= 3 ? y - 1 : y;
      return quarter(m <= 3 ? 4 : (m - 3) / 3, start - 1);
    }
    case "month":
      return month(y - 1, m);
    case "year":
      return calendarYear(y - 1);
    case "date": {
      const day = Math.min(d, new Date(Date.UTC(y - 1, m, 0)).getUTCDate());
      return dateFromSerial(dateToSerial(y - 1, m, day) + (period.end - Math.floor(period.end)));
    }
  }
}

/** What a period column of a wide layout holds. */
export type PeriodHeaderRole = "actual" | "target" | "baseline" | "period";

/** A recognised period column header. */
export interface PeriodHeader {
  readonly role: PeriodHeaderRole;
  readonly period: Period;
}

const HEADER_WORDS: readonly (readonly [PeriodHeaderRole, readonly string[]])[] = [
  ["actual", ["actual", "actuals", "outturn", "out-turn", "out turn", "result", "performance", "value"]],
  ["target", ["target", "targets", "tgt", "milestone", "profile", "profiled target"]],
  ["baseline", ["baseline", "base line"]],
];
const WORD_ALTERNATION = HEADER_WORDS.flatMap(([, words]) => words)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[-\s]/g, "[-\\s]?"))
  .join("|");
const HEADER_LEADING = new RegExp(`^(${WORD_ALTERNATION})\\b\\s*(?:for\\b|in\\b)?[\\s:(-]*(.+?)\\)?$`);
const HEADER_TRAILING = new RegExp(`^(.+?)[\\s:)-]+(${WORD_ALTERNATION})$`);

/** 1 January 1950: numeric headers from here on are dates. */
const HEADER_SERIAL_FROM = 18264;

function roleOf(word: string): PeriodHeaderRole {
  const plain = word.replace(/[-\s]/g, "");
  for (const [role, words] of HEADER_WORDS) if (words.some((w) => w.replace(/[-\s]/g, "") === plain)) return role;
  return "period";
}

/**
 * Recognises a period column header of a wide layout: a bare period (`2009/10`, role `period`) or a
 * period with a role word before or after it (`Actual 2009/10`, `Target 2010/11`,
 * `2009/10 outturn`, `Baseline (2007/08)`). Returns undefined for any other header.
 *
 * @example isPeriodHeader("Target 2010/11") // => { role: "target", period: { label: "2010/11", kind: "financialYear", end: 40633 } }
 * @example isPeriodHeader("Owner") // => undefined
 */
export function isPeriodHeader(text: unknown): PeriodHeader | undefined {
  if (typeof text === "number") {
    // A header cell holding a number is a year (2009) or a date (a serial from 1950 on); smaller
    // numbers are more likely codes than 1900s dates.
    const p = parsePeriod(text);
    return p.ok && (p.value.kind === "year" || text >= HEADER_SERIAL_FROM) ? { role: "period", period: p.value } : undefined;
  }
  if (typeof text !== "string") return undefined;
  const clean = text.trim().replace(SPACES, " ").toLowerCase();
  if (clean === "") return undefined;
  const bare = parseText(clean);
  if (bare.ok) return { role: "period", period: bare.value };
  let m = HEADER_LEADING.exec(clean);
  if (m) {
    const p = parseText(m[2]);
    if (p.ok) return { role: roleOf(m[1]), period: p.value };
  }
  m = HEADER_TRAILING.exec(clean);
  if (m) {
    const p = parseText(m[1].replace(/^\(/, ""));
    if (p.ok) return { role: roleOf(m[2]), period: p.value };
  }
  return undefined;
}
