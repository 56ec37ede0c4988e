import { isExcelError, readNumber } from "../core/cells";
import { parsePeriod } from "../core/periods";
import { parsePolarity, type Polarity } from "../core/polarity";
import { fail, ok, type Result } from "../core/result";
import type { CellInput } from "./broadcast";
import { functionMessages } from "./messages";

/**
 * Coercion of argument cells to what the core expects (docs/methods.md#functions). Missing numbers are
 * #N/A (missing data), text that is not a number is #VALUE! (bad input); each message names the
 * argument. No arithmetic: reading and checking only.
 */

function isBlank(raw: CellInput): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/**
 * A required number: numbers as they are, numeric text as VALUE() reads it; blank, "n/a" or an
 * error value is #N/A; other text is #VALUE!.
 * @example numberArg("1,250", "actual") // => { ok: true, value: 1250 }
 */
export function numberArg(raw: CellInput, name: string): Result<number> {
  const reading = readNumber(raw, name);
  switch (reading.kind) {
    case "number":
      return ok(reading.value);
    case "missing":
      return fail("na", functionMessages.missing(name, reading.reason));
    case "invalid":
      return fail("value", reading.message);
  }
}

/**
 * A number that may be missing (LAADOT, LAACOMPARE: missing gives "Not compared"): null when blank,
 * "n/a" or an error value; text that is not a number is #VALUE!.
 * @example maybeNumberArg("n/a", "previous") // => { ok: true, value: null }
 */
export function maybeNumberArg(raw: CellInput, name: string): Result<number | null> {
  const reading = readNumber(raw, name);
  switch (reading.kind) {
    case "number":
      return ok(reading.value);
    case "missing":
      return ok(null);
    case "invalid":
      return fail("value", reading.message);
  }
}

/**
 * An optional number: omitted or blank gives `fallback`; "n/a" or an error value is #N/A; text
 * that is not a number is #VALUE!.
 * @example optionalNumberArg(null, "threshold", 0.6) // => { ok: true, value: 0.6 }
 */
export function optionalNumberArg<F extends number | null>(raw: CellInput, name: string, fallback: F): Result<number | F> {
  if (isBlank(raw)) return ok(fallback);
  return numberArg(raw, name);
}

/**
 * An optional setting of 0 or more (tolerance, blue margin, direction threshold) as a fraction:
 * omitted or blank gives `fallback`; negative is #VALUE!. "5%" reads as 0.05.
 * @example nonNegativeArg("5%", "tolerance", 0.05) // => { ok: true, value: 0.05 }
 */
export function nonNegativeArg<F extends number | null>(raw: CellInput, name: string, fallback: F): Result<number | F> {
  const r = optionalNumberArg(raw, name, fallback);
  if (r.ok && r.value !== null && r.value < 0) return fail("value", functionMessages.notNonNegative(name, raw));
  return r;
}

/**
 * An optional word (polarity, mode, method): blank is null (the default); an error value is #N/A.
 * Returns the raw word for the core's parser.
 */
function wordArg(raw: CellInput, name: string): Result<CellInput> {
  if (isBlank(raw)) return ok(null);
  if (isExcelError(raw)) return fail("na", functionMessages.errorInWord(name, String(raw).trim().toUpperCase()));
  return ok(raw);
}

/**
 * A polarity argument: omitted or blank is `higher`; unknown words are #VALUE!; an error value #N/A.
 * @example polarityArg("low is good") // => { ok: true, value: "lower" }
 */
export function polarityArg(raw: CellInput): Result<Polarity> {
  const word = wordArg(raw, "polarity");
  return word.ok ? parsePolarity(word.value) : word;
}

/**
 * Any other optional word, passed to the core's parser (which knows the accepted words and the
 * default): blank is null; an error value is #N/A.
 * @example optionalWordArg("", "mode") // => { ok: true, value: null }
 */
export function optionalWordArg(raw: CellInput, name: string): Result<CellInput> {
  return wordArg(raw, name);
}

/**
 * A date on the time axis (LAATRAJECTORY's dates, LAAFORECAST's `at`): an Excel date serial or a
 * period label (docs/methods.md#polarity), as the serial of the period's end. Blank or an error value is
 * #N/A; text that is not a period is #VALUE!.
 * @example dateArg("2008/09", "baselineDate") // => { ok: true, value: 39903 }
 */
export function dateArg(raw: CellInput, name: string): Result<number> {
  if (isBlank(raw)) return fail("na", functionMessages.missing(name, "blank cell"));
  if (isExcelError(raw)) return fail("na", functionMessages.missing(name, `cell shows ${String(raw).trim().toUpperCase()}`));
  const p = parsePeriod(raw);
  return p.ok ? ok(p.value.end) : fail(p.problem.kind, functionMessages.notAPeriod(name, p.problem.message));
}

/**
 * A point on a trend's x axis (LAATREND and LAAFORECAST periods, LAAFORECAST `at`): numbers (and
 * numeric text) as they are, as Excel's SLOPE takes them; text that is a period label (docs/methods.md
 * section 1) as the serial of the period's end; null when missing (the point is skipped).
 * @example axisPoint(3, "periods") // => { ok: true, value: 3 }
 * @example axisPoint("2008/09", "periods") // => { ok: true, value: 39903 }
 */
export function axisPoint(raw: CellInput, name: string): Result<number | null> {
  const reading = readNumber(raw, name);
  if (reading.kind === "number") return ok(reading.value);
  if (reading.kind === "missing") return ok(null);
  if (typeof raw !== "string") return fail("value", reading.message);
  const p = parsePeriod(raw);
  return p.ok ? ok(p.value.end) : fail("value", functionMessages.notAPeriod(name, p.problem.message));
}

/**
 * A list of numbers (values, weights): missing cells are null (skipped by the core, as Excel's
 * SLOPE skips blanks); a cell of text that is not a number is #VALUE! naming its position.
 * @example numberList([1, null, "n/a", "4"], "values") // => { ok: true, value: [1, null, null, 4] }
 */
export function numberList(cells: readonly CellInput[], name: string): Result<(number | null)[]> {
  const out = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = maybeNumberArg(cells[i], name);
    if (!r.ok) return fail("value", functionMessages.listItem(name, i + 1, r.problem.message));
    out[i] = r.value;
  }
  return ok(out);
}

/**
 * A list of x-axis points (periods): numbers or period labels, missing cells null.
 * @example axisList(["2008/09", "2009/10"], "periods").ok // => true
 */
export function axisList(cells: readonly CellInput[], name: string): Result<(number | null)[]> {
  const out = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = axisPoint(cells[i], name);
    if (!r.ok) return fail("value", functionMessages.listItem(name, i + 1, r.problem.message));
    out[i] = r.value;
  }
  return ok(out);
}

/**
 * An actual or target for LAARAG: a number, or why it is missing (rated Grey); text that is not a
 * number is #VALUE!.
 * @example readingArg("n/a", "actual") // => { ok: true, value: { missing: "cell shows n/a" } }
 */
export function readingArg(raw: CellInput, name: string): Result<{ value: number } | { missing: string }> {
  const reading = readNumber(raw, name);
  switch (reading.kind) {
    case "number":
      return ok({ value: reading.value });
    case "missing":
      return ok({ missing: reading.reason });
    case "invalid":
      return fail("value", reading.message);
  }
}
