/**
 * The computing half of Rate RAG (pure): from the values of an indicator table to the rows of the
 * add-in's output columns, the counts by status and every problem with its cell. The Excel half
 * (rate-rag.ts) reads the values and writes these rows back.
 */
import { readIndicator, type Indicator } from "../core/indicator";
import { parsePeriod, type Period } from "../core/periods";
import { rateIndicator, type Rating } from "../core/rules/engine";
import { ruleSetFromSettings } from "../core/rules/ruleset";
import { STATUSES, type RuleSettings, type Status } from "../core/rules/types";
import { countByStatus } from "../core/scorecard";
import { cellAddress } from "./a1";
import type { ColumnMapping } from "./mapping";
import { duplicateCodes, rawIndicators, type TableOrigin } from "./rows";
import type { CellProblem, StatusCounts } from "./types";

/** The add-in's own output columns, in order (issue 7). */
export const OUTPUT_COLUMNS = ["Status", "Gap", "Gap %", "Progress", "Direction", "Reason", "Rated at"] as const;

/** Number formats of the output columns: text for words (so no text can become a formula), numbers for measures. */
export const OUTPUT_FORMATS: readonly string[] = ["@", "#,##0.0##", "0.0%", "0%", "@", "@", "@"];

/** A row of output values, in OUTPUT_COLUMNS order; blank strings where there is nothing to say. */
export type OutputRow = [status: string, gap: number | string, gapPct: number | string, progress: number | string, direction: string, reason: string, ratedAt: string];

/** One rated indicator, for the report and for the scorecard sheets. */
export interface RatedIndicator {
  readonly indicator: Indicator;
  readonly rating: Rating;
  /** Data-row index (0-based below the header) the rating is written on. */
  readonly row: number;
}

/** What the computing half gives back. */
export interface RateComputation {
  /** One output row per data row (blank rows and skipped rows get blank outputs). */
  readonly outputs: OutputRow[];
  readonly rated: RatedIndicator[];
  readonly counts: StatusCounts;
  readonly problems: CellProblem[];
  /** The as-at period used (the latest seen when each indicator used its own latest). */
  readonly asAt: string;
}

const BLANK: OutputRow = ["", "", "", "", "", "", ""];

function outputOf(rating: Rating): OutputRow {
  return [
    rating.status,
    rating.gap ?? "",
    rating.gapPct ?? "",
    rating.progress ?? "",
    rating.direction,
    rating.reason,
    rating.asAt ?? "",
  ];
}

/**
 * Rates every indicator of a table (DOMAIN.md section 5) and lays the results out for writing.
 * Wide layout: one rating per indicator row. Long layout: every row is rated as at its own period,
 * and the counts take each indicator's rating as at the as-at period (its latest by default).
 */
export function computeRatings(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  origin: TableOrigin,
  sheet: string,
  settings: RuleSettings,
): RateComputation {
  const ruleSet = ruleSetFromSettings(settings);
  const asAtSetting = settings.asAt ? parsePeriod(settings.asAt) : null;
  const asAt: Period | null = asAtSetting && asAtSetting.ok ? asAtSetting.value : null;
  const problems: CellProblem[] = [];
  if (asAtSetting && !asAtSetting.ok) {
    problems.push({ sheet, address: "", message: `The as-at period "${settings.asAt}" is not a period label (for example 2009/10 or Q2 2010/11), so each indicator is rated at its latest period.` });
  }
  const outputs: OutputRow[] = rows.map(() => [...BLANK]);
  const rated: RatedIndicator[] = [];
  const { indicators, skipped } = rawIndicators(rows, mapping, origin);
  for (const s of skipped) problems.push({ sheet, address: cellAddress(origin.headerRow + 1 + s.row, origin.firstColumn), message: s.reason });
  for (const [code, sheetRows] of duplicateCodes(rows, mapping, origin)) {
    problems.push({
      sheet,
      address: cellAddress(sheetRows[1] - 1, origin.firstColumn + (mapping.entries.find((e) => e.role === "id")?.column ?? 0)),
      message: `Code ${code} appears on ${sheetRows.length} rows (${sheetRows.join(", ")}): each row is rated, but check which one is right`,
      indicatorId: code,
    });
  }

  let latest: Period | null = null;
  const countable: Status[] = [];
  for (const source of indicators) {
    const { indicator, problems: fieldProblems } = readIndicator(source.raw);
    for (const p of fieldProblems) {
      problems.push({ sheet, address: p.ref ?? "", message: `${source.label}: ${p.message}`, indicatorId: indicator.id || undefined });
    }
    if (mapping.layout === "wide" || !source.rowPeriods) {
      const rating = rateIndicator(indicator, ruleSet, { asAt });
      const row = source.rows[0];
      outputs[row] = outputOf(rating);
      rated.push({ indicator, rating, row });
      countable.push(rating.status);
      latest = later(latest, rating.asAt);
      continue;
    }
    // Long layout: rate each row as at its own period; count the one at the as-at period.
    let counted: Rating | null = null;
    let countedRow = source.rows[0];
    source.rows.forEach((row, i) => {
      const p = parsePeriod(source.rowPeriods?.[i] ?? null);
      const rowAsAt = p.ok ? p.value : asAt;
      if (asAt && p.ok && p.value.end > asAt.end) return; // rows after the as-at period are left blank
      const rating = rateIndicator(indicator, ruleSet, { asAt: rowAsAt });
      outputs[row] = outputOf(rating);
      if (counted === null || (p.ok && (counted.asAt === null || (parsePeriod(counted.asAt).ok && p.value.end >= (parsePeriod(counted.asAt) as { value: Period }).value.end)))) {
        counted = rating;
        countedRow = row;
      }
    });
    if (counted !== null) {
      const c: Rating = counted;
      rated.push({ indicator, rating: c, row: countedRow });
      countable.push(c.status);
      latest = later(latest, c.asAt);
    }
  }
  const counts = countByStatus(countable);
  return { outputs, rated, counts: Object.fromEntries(STATUSES.map((s) => [s, counts[s]])) as StatusCounts, problems, asAt: asAt?.label ?? latest?.label ?? "" };
}

function later(current: Period | null, label: string | null): Period | null {
  if (label === null) return current;
  const p = parsePeriod(label);
  if (!p.ok) return current;
  return current === null || p.value.end > current.end ? p.value : current;
}
