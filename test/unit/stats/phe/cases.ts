/**
 * PHE reference rows as plain cases, and how the core is checked against one of them. Used by the
 * full conformance run over test/fixtures/phe (workbooks.ts reads them) and by the fixture
 * test over the rows transcribed into test/fixtures/phe (which names its source per case).
 */
import {
  byarsInterval,
  byarsLower,
  byarsUpper,
  EXACT_BELOW_EVENTS,
  meanInterval,
  quantiles,
  rateInterval,
  wilsonInterval,
  type ConfidenceInterval,
} from "../../../../src/core/stats";
import type { Polarity } from "../../../../src/core/polarity";
import type { Result } from "../../../../src/core/result";

/** Agreement required by the issue: 1e-9 relative. */
export const RELATIVE_TOLERANCE = 1e-9;

/** Limits PHE gives at one confidence level (as a fraction); null where the workbook cell is blank. */
export interface PheLimits {
  readonly level: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export type PheCase =
  | { readonly kind: "byars"; readonly source: string; readonly x: number; readonly limits: PheLimits }
  | { readonly kind: "wilson"; readonly source: string; readonly x: number; readonly n: number; readonly limits: PheLimits }
  | {
      readonly kind: "proportion" | "rate";
      readonly source: string;
      readonly numerator: number | null;
      readonly denominator: number | null;
      readonly multiplier: number;
      /** PHE's method label for a rate ("Exact" below 10 events, "Byars" from 10); null when missing. */
      readonly method?: string | null;
      readonly value: number | null;
      readonly limits: readonly PheLimits[];
    }
  | {
      readonly kind: "mean";
      readonly source: string;
      readonly values: readonly number[];
      readonly sum: number;
      readonly count: number;
      readonly sd: number;
      readonly value: number;
      readonly limits: readonly PheLimits[];
    }
  | {
      readonly kind: "quantiles";
      readonly source: string;
      /** Workbook row numbers of the values, for messages. */
      readonly rows: readonly number[];
      readonly n: number;
      readonly polarity: Polarity;
      readonly groups: readonly string[] | null;
      readonly values: readonly (number | null)[];
      /** PHE's QuantileInGrp (its top quantile is best); null = no quantile. */
      readonly pheQuantiles: readonly (number | null)[];
    };

/** The outcome of checking one case: how many workbook rows it covered and what disagreed. */
export interface CaseOutcome {
  readonly rows: number;
  readonly mismatchedRows: number;
  readonly mismatches: readonly string[];
}

/** True when `actual` agrees with `expected` to 1e-9 relative (exactly, when expected is 0). */
export function agrees(actual: number | null | undefined, expected: number | null): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return false;
  return actual === expected || Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.abs(expected);
}

function compare(found: string[], what: string, actual: number | null | undefined, expected: number | null): void {
  if (!agrees(actual, expected)) found.push(`${what}: expected ${expected}, got ${actual}`);
}

function compareInterval(found: string[], result: Result<ConfidenceInterval>, limits: PheLimits, value: number | null): void {
  const at = `at ${limits.level * 100}%`;
  if (!result.ok) {
    found.push(`${at}: expected limits, got problem "${result.problem.message}"`);
    return;
  }
  if (value !== null) compare(found, `value ${at}`, result.value.value, value);
  compare(found, `lower ${at}`, result.value.lower, limits.lower);
  compare(found, `upper ${at}`, result.value.upper, limits.upper);
}

function single(source: string, found: string[]): CaseOutcome {
  return { rows: 1, mismatchedRows: found.length > 0 ? 1 : 0, mismatches: found.map((m) => `${source}: ${m}`) };
}

/** Checks the core against one PHE case. */
export function checkCase(c: PheCase): CaseOutcome {
  const found: string[] = [];
  switch (c.kind) {
    case "byars": {
      const { level, lower, upper } = c.limits;
      if (lower === null) {
        // The workbook leaves the lower limit blank where Byars' bracket goes negative.
        if (byarsLower(c.x, level) !== undefined) found.push(`lower: expected blank, got ${byarsLower(c.x, level)}`);
        const whole = byarsInterval(c.x, level);
        if (whole.ok || whole.problem.kind !== "value") found.push("interval: expected a value problem (no lower limit)");
        compare(found, "upper", byarsUpper(c.x, level), upper);
      } else {
        compareInterval(found, byarsInterval(c.x, level), c.limits, c.x);
      }
      return single(c.source, found);
    }
    case "wilson":
      compareInterval(found, wilsonInterval(c.x, c.n, { level: c.limits.level }), c.limits, null);
      return single(c.source, found);
    case "proportion":
    case "rate": {
      for (const limits of c.limits) {
        const options = { level: limits.level, multiplier: c.multiplier };
        const result = c.kind === "proportion" ? wilsonInterval(c.numerator, c.denominator, options) : rateInterval(c.numerator, c.denominator, options);
        if (c.value === null) {
          // Missing inputs give no result (an na problem), never numbers.
          if (result.ok || result.problem.kind !== "na") found.push(`at ${limits.level * 100}%: expected no result (na) for missing input`);
        } else {
          compareInterval(found, result, limits, c.value);
        }
      }
      if (c.kind === "rate" && c.method && c.numerator !== null) {
        const ours = c.numerator < EXACT_BELOW_EVENTS ? "Exact" : "Byars";
        if (ours !== c.method) found.push(`method: expected ${c.method}, used ${ours}`);
      }
      return single(c.source, found);
    }
    case "mean": {
      for (const limits of c.limits) {
        const result = meanInterval(c.values, limits.level);
        compareInterval(found, result, limits, c.value);
        if (result.ok) {
          compare(found, "count", result.value.count, c.count);
          compare(found, "standard deviation", result.value.standardDeviation, c.sd);
          compare(found, "sum", result.value.value * result.value.count, c.sum);
        }
      }
      return single(c.source, found);
    }
    case "quantiles": {
      const result = quantiles(c.values, { n: c.n, polarity: c.polarity, groups: c.groups ?? undefined });
      if (!result.ok) return { rows: c.values.length, mismatchedRows: c.values.length, mismatches: [`${c.source}: ${result.problem.message}`] };
      const mismatches: string[] = [];
      c.pheQuantiles.forEach((phe, i) => {
        // PHE's top quantile holds the best values; ours numbers 1 = best (docs/methods.md#confidence-intervals).
        const expected = phe === null ? null : c.n + 1 - phe;
        if (result.value[i] !== expected) {
          mismatches.push(`${c.source} row ${c.rows[i]}: value ${c.values[i]} expected quantile ${expected} (PHE ${phe}), got ${result.value[i]}`);
        }
      });
      return { rows: c.values.length, mismatchedRows: mismatches.length, mismatches };
    }
  }
}

/** Checks every case and adds up rows and mismatches. */
export function checkCases(cases: readonly PheCase[]): CaseOutcome {
  let rows = 0;
  let mismatchedRows = 0;
  const mismatches: string[] = [];
  for (const c of cases) {
    const outcome = checkCase(c);
    rows += outcome.rows;
    mismatchedRows += outcome.mismatchedRows;
    mismatches.push(...outcome.mismatches);
  }
  return { rows, mismatchedRows, mismatches };
}
