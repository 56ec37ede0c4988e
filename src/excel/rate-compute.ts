/**
 * The computing half of Rate RAG (pure): from the values of an indicator table to the rows of the
 * add-in's output columns, the counts by status and every problem with its cell. The Excel half
 * (rate-rag.ts) reads the values and writes these rows back.
 */
import { readNumber } from "../core/cells";
import { readIndicator, type Indicator } from "../core/indicator";
import { formatNumber } from "../core/messages";
import { parsePeriod, type Period } from "../core/periods";
import { rateIndicator, type Rating } from "../core/rules/engine";
import { ruleSetFromSettings } from "../core/rules/ruleset";
import { STATUSES, type RuleSettings, type Status } from "../core/rules/types";
import { countByStatus } from "../core/scorecard";
import { cellAddress } from "../core/a1";
import type { ColumnMapping } from "./mapping";
import { isBlank } from "./region";
import { rawIndicators, type TableOrigin } from "./rows";
import type { CellProblem, ColumnRole, StatusCounts } from "./types";
import { publicSourceHook } from "./public-source-rating";
import { whyNothingRated } from "../core/nothing-rated";
import { isValidNiCode, lookupNiReference } from "../core/ni-reference";
import { seriesMethodsNote, seriesReadings, TREND_PERIODS } from "../core/series";
import { benchmarkTrend, type BenchmarkTrend } from "../core/benchmark";
import { choosePolarity, explainPolarity, informationOnly, POLARITY_ASSUMED } from "../core/polarity-source";

import { LEGACY_OUTPUT_COLUMNS, OUTPUT_COLUMNS, SERIES_COLUMNS } from "./output-columns";

export { LEGACY_OUTPUT_COLUMNS, OUTPUT_COLUMNS, SERIES_COLUMNS };

/** Number formats of the output columns: text for words (so no text can become a formula), numbers for measures. */
export const OUTPUT_FORMATS: readonly string[] = ["@", "#,##0.0##", "0.0%", "0%", "@", "@", "@", "@", "@", "@"];

/** A row of output values, in OUTPUT_COLUMNS order; blank strings where there is nothing to say. */
export type OutputRow = [
  status: string, gap: number | string, gapPct: number | string, progress: number | string, direction: string,
  recentTrend: string, variation: string, assurance: string, reason: string, ratedAt: string,
];

/** One rated indicator, for the report and for the scorecard sheets. */
export interface RatedIndicator {
  readonly indicator: Indicator;
  readonly rating: Rating;
  /** Data-row index (0-based below the header) the rating is written on. */
  readonly row: number;
  /** Long tables: the benchmark each period was compared with (England's value that year), in sheet order. */
  readonly benchmarks?: readonly { readonly period: string; readonly value: number }[];
  /** The comparison with the benchmark at the settings' level and the recent trend (red-reds); absent when the table lacks either. */
  readonly benchmarkTrend?: BenchmarkTrend;
  /** True when the status rests on an assumed polarity (docs/methods.md#polarity-assumed). */
  readonly polarityAssumed?: boolean;
}

/** An indicator whose status rests on an assumed polarity, with the cell to fill in (or the row's first). */
export interface AssumedPolarity {
  readonly indicatorId: string;
  /** A1 address without the sheet: the Polarity cell when the table has that column, else the row's first cell. */
  readonly address: string;
}

/** What the computing half gives back. */
export interface RateComputation {
  /** One output row per data row (blank rows and skipped rows get blank outputs). */
  readonly outputs: OutputRow[];
  /** Every rated indicator with its rating, for the scorecard; empty when the builder counts them only (RatingOptions). */
  readonly rated: RatedIndicator[];
  /** How many indicators were rated (rated.length when they are kept). */
  readonly ratedCount: number;
  readonly counts: StatusCounts;
  readonly problems: CellProblem[];
  /** The as-at period used (the latest seen when each indicator used its own latest). */
  readonly asAt: string;
  /** One sentence when nothing could be rated because the table has nothing to compare with; else null. */
  readonly nothingRated: string | null;
  /** How many counted indicators have a status that rests on an assumed polarity (higher is better). */
  readonly polarityAssumed: number;
  /** Whether the table has a Polarity column (then the assumed ones are its blank cells). */
  readonly hasPolarityColumn: boolean;
  /** The counted indicators whose status rests on an assumed polarity, in table order (polarityAssumed of them). */
  readonly assumedPolarities: readonly AssumedPolarity[];
}

const BLANK: OutputRow = ["", "", "", "", "", "", "", "", "", ""];

/**
 * A rating's output row, with the recent trend, variation and assurance of the indicator's series as
 * at `upTo` (blank where the series is too short, and then the reason says nothing of them). The
 * reason names the methods used; the SPC preset's own reason names the XmR chart already.
 */
function outputOf(rating: Rating, indicator: Indicator, upTo: Period | null): OutputRow {
  const { series, trend, spc } = seriesReadings(indicator, rating.target?.value ?? null, upTo);
  const note = seriesMethodsNote(trend !== null ? TREND_PERIODS : null, spc !== null ? series.values.length : null, rating.preset !== "spc");
  return [
    rating.status,
    rating.gap ?? "",
    rating.gapPct ?? "",
    rating.progress ?? "",
    rating.direction,
    trend?.words ?? "",
    spc?.variation ?? "",
    spc?.assurance ?? "",
    note === "" ? rating.reason : `${rating.reason}; ${note}`,
    rating.asAt ?? "",
  ];
}

/** Roles whose cells hold numbers: text, markers and errors in them are noted for the analyst. */
const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["baseline", "target", "actual", "value", "floor", "tolerance", "weight", "benchmark", "lowerCi", "upperCi", "count", "denominator"]);

/**
 * Notes on cells that were read but needed interpreting, so the analyst can tidy the sheet: numbers
 * stored as text, not-available markers and Excel error values (all read as docs/methods.md#polarity
 * says), and a target profile that stops (a blank target after a filled one).
 */
function cellNotes(row: readonly unknown[], r: number, mapping: ColumnMapping, origin: TableOrigin, label: string): { address: string; message: string }[] {
  const notes: { address: string; message: string }[] = [];
  let targetSeen = false;
  for (const e of mapping.entries) {
    if (TEXT_ROLES.has(e.role)) {
      const text = row[e.column];
      if (typeof text === "string" && FORMULA_LIKE.test(text)) {
        notes.push({ address: cellAddress(origin.headerRow + 1 + r, origin.firstColumn + e.column), message: `${label}: ${e.header} starts with "${text.trim()[0]}"; it is kept as text wherever the add-in writes it, never run as a formula` });
      }
      continue;
    }
    if (!NUMERIC_ROLES.has(e.role)) continue;
    const value = row[e.column];
    const address = cellAddress(origin.headerRow + 1 + r, origin.firstColumn + e.column);
    if (e.role === "target" && e.period !== undefined) {
      if (isBlank(value) && targetSeen) notes.push({ address, message: `${label}: no ${e.header} (blank cell), so the earlier target or the trajectory is used` });
      if (!isBlank(value)) targetSeen = true;
    }
    if (typeof value !== "string" || value.trim() === "") continue;
    const reading = readNumber(value, e.header);
    if (reading.kind === "number") notes.push({ address, message: `${label}: ${e.header} is a number stored as text ("${value}"), read as ${formatNumber(reading.value)}` });
    else if (reading.kind === "missing") notes.push({ address, message: `${label}: ${e.header} ${reading.reason}, so it is treated as missing` });
  }
  return notes;
}

/** Columns of words, where text that looks like a formula is noted (docs/architecture.md: text stays text). */
const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["id", "title", "perspective", "objective", "owner", "commentary", "area", "unit"]);
const FORMULA_LIKE = /^\s*(?:[=+@]|-(?=\D))/;

const NI_LIKE = /^\s*NI\s*\d+\s*$/i;

/**
 * Rates every indicator of a table (docs/methods.md#rag-rules) and lays the results out for writing.
 * Wide layout: one rating per indicator row. Long layout: every row is rated as at its own period,
 * and the counts take each indicator's rating as at the as-at period (its latest by default).
 * Hidden rows and the second row of a repeated code are reported and not rated; a blank polarity
 * of a National Indicator is filled from the reference list and the reason says so.
 */
export function computeRatings(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  origin: TableOrigin,
  sheet: string,
  settings: RuleSettings,
  hiddenRows: ReadonlySet<number> = new Set(),
): RateComputation {
  return ratingBuilder(mapping, origin, sheet, settings, hiddenRows).finish(rows);
}

/** computeRatings a block of rows at a time (ratingBuilder). */
export interface RatingBuilder {
  /**
   * True for the wide layout, whose rows are rated one by one as they are read (each against the codes
   * of the rows above it, for repeats); a long table's rows are rated together, by finish.
   */
  readonly incremental: boolean;
  /**
   * Rates the rows of `rows` not rated yet (the same array each time, grown at the end) and gives
   * their output rows; gives none for a long table.
   */
  add(rows: readonly (readonly unknown[])[]): readonly OutputRow[];
  /** Rates what is left and gives what computeRatings gives for the same rows. */
  finish(rows: readonly (readonly unknown[])[]): RateComputation;
}

/** How a ratingBuilder keeps its results. */
export interface RatingOptions {
  /**
   * False: count the rated indicators without keeping them (their Indicator and Rating objects), as
   * Rate RAG, which writes only the output rows, does: at 100,000 rows they are about 100 MB
   * (docs/architecture.md#performance). The scorecard keeps them. Default true.
   */
  readonly keepRated?: boolean;
}

/**
 * Rows rated in one go when they arrive in blocks. The working objects of a block (each row's raw
 * indicator, its readings and rating) live until the block is done: a block of a sync's rows
 * (about 17,000) outlives V8's young generation and is then garbage in the old one; a few hundred
 * rows die young. At 100,000 rows, 51 MB is promoted to the old generation instead of 95 MB
 * (--trace-gc-nvp totals, BENCHMARKS.md).
 */
const RATE_CHUNK_ROWS = 512;

/**
 * computeRatings as rows arrive, so that Rate RAG can write the outputs of the rows read while it
 * reads the next (docs/architecture.md, Performance). Each row of a wide table is rated exactly as in
 * one pass, and finish lists the problems in one pass's order: the as-at setting, hidden rows,
 * repeated and unknown codes, skipped rows, then each indicator's, in row order.
 * @param hiddenRows data rows that are hidden (iterated in the order given, as in one pass)
 */
export function ratingBuilder(
  mapping: ColumnMapping,
  origin: TableOrigin,
  sheet: string,
  settings: RuleSettings,
  hiddenRows: ReadonlySet<number> = new Set(),
  { keepRated = true }: RatingOptions = {},
): RatingBuilder {
  const ruleSet = ruleSetFromSettings(settings);
  const asAtSetting = settings.asAt ? parsePeriod(settings.asAt) : null;
  const asAt: Period | null = asAtSetting && asAtSetting.ok ? asAtSetting.value : null;
  const at = (r: number, c: number) => cellAddress(origin.headerRow + 1 + r, origin.firstColumn + c);
  const sheetRow = (r: number) => origin.headerRow + 2 + r;
  const idEntry = mapping.entries.find((e) => e.role === "id" && e.period === undefined);
  const titleEntry = mapping.entries.find((e) => e.role === "title" && e.period === undefined);
  const polarityEntry = mapping.entries.find((e) => e.role === "polarity" && e.period === undefined);
  const labelOf = (rows: readonly (readonly unknown[])[], r: number) => String((idEntry && rows[r][idEntry.column]) || (titleEntry && rows[r][titleEntry.column]) || `row ${sheetRow(r)}`).trim();
  const incremental = mapping.layout === "wide";

  const skip = new Set<number>();
  const firstOfCode = new Map<string, number>();
  const codeProblems: CellProblem[] = [];
  const skippedProblems: CellProblem[] = [];
  const indicatorProblems: CellProblem[] = [];
  const outputs: OutputRow[] = [];
  const rated: RatedIndicator[] = [];
  let ratedCount = 0;
  const keep = (r: () => RatedIndicator): void => {
    ratedCount++;
    if (keepRated) rated.push(r());
  };
  const countable: Status[] = [];
  let latest: Period | null = null;
  let assumedPolarity = 0;
  const assumedList: AssumedPolarity[] = [];
  let indicatorCount = 0;
  let niReferenced = false;
  let hook: ReturnType<typeof publicSourceHook> = null;
  let done = 0;

  /** Rates rows [from, to). */
  function rateRows(rows: readonly (readonly unknown[])[], from: number, to = rows.length): void {
    for (let r = from; r < to; r++) outputs.push([...BLANK]);
    for (const r of hiddenRows) {
      if (r < from || r >= to || rows[r].every(isBlank)) continue;
      skip.add(r);
    }
    if (idEntry && mapping.layout === "wide") {
      for (let r = from; r < to; r++) {
        if (skip.has(r)) continue;
        const id = String(rows[r][idEntry.column] ?? "").trim();
        if (id === "") continue;
        const key = id.toUpperCase().replace(/\s+/g, " ");
        const firstRow = firstOfCode.get(key);
        if (firstRow === undefined) {
          firstOfCode.set(key, r);
          if (NI_LIKE.test(id) && !isValidNiCode(id)) {
            codeProblems.push({ sheet, address: at(r, idEntry.column), message: `${id} is not a National Indicator code (they run NI 1 to NI 199; NI 31 was withdrawn): check the code`, indicatorId: id });
          }
          continue;
        }
        skip.add(r);
        codeProblems.push({ sheet, address: at(r, idEntry.column), message: `Code ${id} appears again on row ${sheetRow(r)} (first on row ${sheetRow(firstRow)}): only the first row is rated`, indicatorId: id });
      }
    }

    const { indicators, skipped } = rawIndicators(rows, mapping, origin, skip, from, to);
    for (const s of skipped) skippedProblems.push({ sheet, address: at(s.row, s.column), message: s.reason });
    indicatorCount += indicators.length;
    if (!niReferenced && indicators.some((i) => lookupNiReference(i.raw.id?.value))) niReferenced = true;
    const problems = indicatorProblems;
    // Public-source tables: benchmark rows, context rows, polarity clues, the Median preset (long tables only).
    hook = publicSourceHook(rows, mapping, settings.benchmarkArea, settings.benchmarkMethod);
    // Named with the area too: a public table has one indicator code for every area.
    const noteAssumed = (label: string, area: string, row: number): void => {
      assumedList.push({ indicatorId: area && !label.includes(area) ? `${label}, ${area}` : label, address: at(row, polarityEntry ? polarityEntry.column : idEntry ? idEntry.column : 0) });
    };
    for (const source of indicators) {
      // A blank polarity: a clue in a public-source table, the NI reference list, or the default (core rules).
      const chosen = choosePolarity(source.raw, () => hook?.polarity(source.rows) ?? null);
      const raw = chosen.raw;
      for (const n of chosen.notes) problems.push({ sheet, address: n.ref, message: `${source.label}: ${n.message}`, indicatorId: source.label });
      const { indicator, problems: fieldProblems } = readIndicator(raw);
      for (const p of fieldProblems) {
        problems.push({ sheet, address: p.ref ?? "", message: `${source.label}: ${p.message}`, indicatorId: indicator.id || undefined });
      }
      if (mapping.layout === "wide") for (const n of cellNotes(rows[source.rows[0]], source.rows[0], mapping, origin, source.label)) problems.push({ sheet, ...n, indicatorId: indicator.id || undefined });
      const assumed = chosen.source.kind === "assumed";
      if (assumed) assumedPolarity++;
      const finish = (rating: Rating): Rating => explainPolarity(rating, chosen.source);
      if (mapping.layout === "wide" || !source.rowPeriods) {
        const rating = informationOnly(finish(rateIndicator(indicator, ruleSet, { asAt })));
        const row = source.rows[0];
        outputs[row] = outputOf(rating, indicator, asAt);
        const shown = assumed && rating.reason.includes(POLARITY_ASSUMED);
        keep(() => {
          const trend = rating.status === "Grey" && rating.preset === null ? null : benchmarkTrend(indicator, rating.asAt, settings.benchmarkLevel);
          return { indicator, rating, row, ...(shown ? { polarityAssumed: true } : {}), ...(trend ? { benchmarkTrend: trend } : {}) };
        });
        countable.push(rating.status);
        if (shown) noteAssumed(source.label, indicator.area || indicator.areaCode, row);
        latest = later(latest, rating.asAt);
        continue;
      }
      // Long layout: rate each row as at its own period; count the one at the as-at period.
      let counted: { rating: Rating; row: number; end: number; rowIndicator: Indicator } | null = null;
      const benchmarks: { period: string; value: number }[] = [];
      source.rows.forEach((row, i) => {
        const p = parsePeriod(source.rowPeriods?.[i] ?? null);
        if (asAt && p.ok && p.value.end > asAt.end) return; // rows after the as-at period are left blank
        // Each row is compared with its own period's benchmark (England's value that year).
        const benchCell = source.rowBenchmarks?.[i];
        const bench = benchCell ? readNumber(benchCell.value) : undefined;
        const fromRows = !bench && hook ? hook.benchmark(row) : undefined;
        const rowIndicator = bench ? { ...indicator, benchmark: bench.kind === "number" ? bench.value : null } : fromRows !== undefined ? { ...indicator, benchmark: fromRows } : indicator;
        if (p.ok && rowIndicator.benchmark !== null) benchmarks.push({ period: p.value.label, value: rowIndicator.benchmark });
        const context = hook?.contextReason(row);
        const base = rateIndicator(rowIndicator, ruleSet, { asAt: p.ok ? p.value : asAt });
        if (context !== undefined) {
          outputs[row] = outputOf({ ...base, status: "Grey", reason: context, preset: null }, indicator, p.ok ? p.value : asAt);
          return; // context rows are shown, not rated or counted
        }
        const rating = finish(hook?.funnel(row, indicator.polarity, base) ?? hook?.median(row, indicator.polarity, base) ?? base);
        outputs[row] = outputOf(rating, indicator, p.ok ? p.value : asAt);
        const end = p.ok ? p.value.end : -Infinity;
        if (counted === null || end >= counted.end) counted = { rating, row, end, rowIndicator };
      });
      if (counted !== null) {
        const c: { rating: Rating; row: number; rowIndicator: Indicator } = counted;
        const shown = assumed && c.rating.reason.includes(POLARITY_ASSUMED);
        // Red-reds: the counted row's comparison with its own period's benchmark and the series' recent trend (docs/methods.md#recent-trend).
        keep(() => {
          const trend = c.rating.status === "Grey" && c.rating.preset === null ? null : benchmarkTrend(c.rowIndicator, c.rating.actual?.period ?? null, settings.benchmarkLevel);
          return { indicator, rating: c.rating, row: c.row, ...(shown ? { polarityAssumed: true } : {}), ...(benchmarks.length > 0 ? { benchmarks } : {}), ...(trend ? { benchmarkTrend: trend } : {}) };
        });
        countable.push(c.rating.status);
        if (shown) noteAssumed(source.label, indicator.area || indicator.areaCode, c.row);
        latest = later(latest, c.rating.asAt);
      }
    }
    done = to;
  }

  return {
    incremental,
    add(rows) {
      if (!incremental || done >= rows.length) return [];
      const from = done;
      // A few hundred rows at a time, so each row's working objects die young (docs/architecture.md#performance).
      while (done < rows.length) rateRows(rows, done, Math.min(done + RATE_CHUNK_ROWS, rows.length));
      return outputs.slice(from);
    },
    finish(rows) {
      if (!incremental) {
        outputs.length = 0;
        done = 0;
      }
      if (done < rows.length || rows.length === 0) rateRows(rows, done);
      const problems: CellProblem[] = [];
      if (asAtSetting && !asAtSetting.ok) {
        problems.push({ sheet, address: "", message: `The as-at period "${settings.asAt}" is not a period label (for example 2009/10 or Q2 2010/11), so each indicator is rated at its latest period.` });
      }
      for (const r of hiddenRows) {
        if (r < 0 || r >= rows.length || rows[r].every(isBlank)) continue;
        problems.push({ sheet, address: at(r, 0), message: `Row ${sheetRow(r)} (${labelOf(rows, r)}) is hidden, so it was not rated`, ...(idEntry ? { indicatorId: labelOf(rows, r) } : {}) });
      }
      problems.push(...codeProblems, ...skippedProblems, ...indicatorProblems);
      if (polarityEntry === undefined && assumedPolarity > 0 && !niReferenced) {
        problems.push({ sheet, address: "", message: `The table has no Polarity column, so ${assumedPolarity === indicatorCount ? "every indicator is" : `${assumedPolarity} indicators are`} rated as higher is better (each says "polarity assumed" in its reason): add a Polarity column if lower is better for some` });
      }
      const counts = countByStatus(countable);
      const hasRole = (role: ColumnRole) => mapping.entries.some((e) => e.role === role);
      const h = hook;
      const nothingRated = whyNothingRated(countable, {
        preset: settings.preset,
        target: hasRole("target"),
        benchmark: hasRole("benchmark") || (h !== null && rows.some((_, r) => h.benchmark(r) !== undefined)),
        median: h !== null && hasRole("median"),
      });
      return { outputs, rated, ratedCount, counts: Object.fromEntries(STATUSES.map((s) => [s, counts[s]])) as StatusCounts, problems, asAt: asAt?.label ?? latest?.label ?? "", nothingRated, polarityAssumed: assumedList.length, hasPolarityColumn: polarityEntry !== undefined, assumedPolarities: assumedList };
    },
  };
}

/** Appended to the reason of every status whose polarity was assumed (the core's, docs/methods.md#polarity). */
export { POLARITY_ASSUMED };

function later(current: Period | null, label: string | null): Period | null {
  if (label === null) return current;
  const p = parsePeriod(label);
  if (!p.ok) return current;
  return current === null || p.value.end > current.end ? p.value : current;
}
