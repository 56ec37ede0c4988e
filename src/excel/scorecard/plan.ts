/**
 * The scorecard commands' planner: pure functions from what the reader read (index.ts) to the writes
 * (plan.ts operations) and the report. Which sheets are the add-in's, what users typed in them, which
 * names are free and what every sheet holds are decided here, without Excel or the emulator
 * (test/excel/scorecard/plan.test.ts).
 */
import { boxAddress, cellAddress, qualify } from "../../core/a1";
import { sheetOps, type WriteOp } from "../plan";
import { RateRagError, type RatedSource } from "../rate-plan";
import type { ScorecardReport } from "../types";
import { buildEntries, type CarriedText, type Entry, type Grouping, type SnapshotRow } from "./entries";
import { scorecardMessages as m } from "./messages";
import { fingerprint, freeName, ownedSheet, readSnapshots, SHEETS_KEY, typedText, type SheetsRecord } from "./ownership";
import { FORMATS, SHEET_NAMES, SHEET_TITLES, type SheetKind, type SheetSpec } from "./sheet-model";
import {
  checklistSheet, exceptionsSheet, HISTORY_HEADER, monitoringSheet, objectivesSheet, scorecardSheet, snapshotRows, trendsSheet, type BuildInput,
} from "./sheets";
import { hasSpc, spcChartsSheet, spcSummarySheet } from "./spc-sheets";
import { areasSheet } from "./area-sheet";
import type { AreaSize } from "./area-funnel";
import { readNumber } from "../../core/cells";
import { publicSourceHook } from "../public-source-rating";

/** What the reader read of one sheet the record says is the add-in's. */
export interface OwnedSheetRead {
  readonly name: string;
  /** A1's value: a sheet whose A1 is not the add-in's title has been replaced by the user's own. */
  readonly title: unknown;
  /** The used range's address, or null when the sheet is empty. */
  readonly usedAddress: string | null;
  /** The used range's values, for the sheets users type owner and commentary text in. */
  readonly usedValues: unknown[][] | null;
  readonly charts: readonly string[];
}

/**
 * The sheets Build scorecard makes for a table: the SPC sheets only when some indicator has enough
 * points for an XmR chart (docs/methods.md#spc), the Area comparison and Objectives only where they apply.
 */
export function scorecardKinds(rated: RatedSource, group: Grouping): SheetKind[] {
  const spc = hasSpc(buildEntries(rated.computed.rated, group, [], new Map()));
  return ["scorecard", "exceptions", "monitoring", "trends", ...(spc ? ["spcSummary" as const, "spcCharts" as const] : []), ...(group.multiArea ? ["areas" as const] : []), ...(group.hasObjectives ? ["objectives" as const] : [])];
}

/** The sheets whose typed text (owner, commentary) is carried over on refresh. */
export const TYPED_TEXT_KINDS: ReadonlySet<SheetKind> = new Set(["scorecard", "exceptions", "monitoring"]);

function sourceText(rated: RatedSource): string {
  const { top, left, bottom, right } = rated.box;
  const where = qualify(rated.sheet, boxAddress(top, left, bottom, right));
  return rated.kind === "table" ? `table ${rated.name} (${where}), ${rated.dataRows.length} rows` : `${where}, ${rated.dataRows.length} rows`;
}

function fromData(rated: RatedSource, group: Grouping): Map<string, { owner: string; commentary: string }> {
  const out = new Map<string, { owner: string; commentary: string }>();
  for (const { indicator } of rated.computed.rated) {
    const key = group.multiArea && (indicator.area || indicator.areaCode) ? `${indicator.id} | ${indicator.area || indicator.areaCode}` : indicator.id;
    out.set(key, { owner: indicator.owner, commentary: indicator.commentary });
  }
  return out;
}

/**
 * Each entry's count and denominator at the row it was rated on (the Count and Denominator columns),
 * for the Area comparison's funnel plots; empty when the table has neither column.
 */
export function areaSizes(rated: RatedSource, entries: readonly Entry[]): Map<Entry, AreaSize> {
  const column = (role: "count" | "denominator") => rated.mapping.entries.find((e) => e.role === role && e.period === undefined)?.column;
  const countCol = column("count"), denominatorCol = column("denominator");
  const out = new Map<Entry, AreaSize>();
  if (countCol === undefined && denominatorCol === undefined) return out;
  // England's value of the rated row, where England is a row of the table (docs/methods.md#benchmark-rows).
  const hook = publicSourceHook(rated.dataRows, rated.mapping);
  const read = (row: readonly unknown[] | undefined, col: number | undefined): number | null => {
    if (!row || col === undefined) return null;
    const r = readNumber(row[col]);
    return r.kind === "number" ? r.value : null;
  };
  // Entries are built from the rated indicators one for one, in order (entries.ts buildEntries).
  entries.forEach((e, i) => {
    const row = rated.dataRows[rated.computed.rated[i]?.row ?? -1];
    const at = rated.computed.rated[i]?.row ?? -1;
    out.set(e, { count: read(row, countCol), denominator: read(row, denominatorCol), england: hook && at >= 0 ? hook.benchmark(at) ?? null : null });
  });
  return out;
}

function writtenMarks(data: ReadonlyMap<string, { owner: string; commentary: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of data) out[k] = `${fingerprint(v.owner)}.${fingerprint(v.commentary)}`;
  return out;
}

/** Picks each kind's sheet: the owned one, else a free name (a user's sheet of the wanted name is never touched). */
function assignNames(kinds: readonly SheetKind[], record: SheetsRecord, names: readonly string[]): { assigned: Map<SheetKind, { name: string; existing: boolean }>; renamed: { wanted: string; used: string }[] } {
  const assigned = new Map<SheetKind, { name: string; existing: boolean }>();
  const renamed: { wanted: string; used: string }[] = [];
  const taken = [...names];
  for (const kind of kinds) {
    const owned = ownedSheet(record, kind, names);
    if (owned) { assigned.set(kind, { name: owned, existing: true }); continue; }
    const wanted = SHEET_NAMES[kind];
    const name = freeName(wanted, taken);
    if (!name) throw new RateRagError(m.nameExhausted(wanted), m.nameExhaustedNext);
    taken.push(name);
    if (name !== wanted) renamed.push({ wanted, used: name });
    assigned.set(kind, { name, existing: false });
  }
  return { assigned, renamed };
}

function mergeRecord(record: SheetsRecord, kinds: Map<SheetKind, { name: string }>, names: readonly string[], extra: Partial<SheetsRecord>): SheetsRecord {
  const kept = record.sheets.filter((s) => !kinds.has(s.kind) && names.some((n) => n.toLowerCase() === s.name.toLowerCase()));
  return { ...record, ...extra, version: 1, sheets: [...kept, ...[...kinds].map(([kind, v]) => ({ kind, name: v.name }))] };
}

/** What Build scorecard's reader read. */
export interface ScorecardSnapshot {
  readonly rated: RatedSource;
  readonly group: Grouping;
  readonly record: SheetsRecord;
  readonly names: readonly string[];
  /** The recorded sheets of the kinds to build, as read. */
  readonly owned: ReadonlyMap<SheetKind, OwnedSheetRead>;
  /** The RAG History sheet's name and values, when the add-in has one. */
  readonly history: { readonly name: string; readonly values: unknown[][] | null } | null;
  /** ISO date of the build. */
  readonly builtOn: string;
  /** The sheet to show afterwards when the user was on one of the add-in's sheets. */
  readonly returnTo: string | null;
}

/**
 * Build scorecard / Refresh scorecards: every sheet's writes, the new record, the report and the sheet
 * to show. Text users typed in the add-in's sheets (owner, commentary) is carried over; a recorded
 * sheet the user has replaced with their own is left alone and a new one made.
 * @throws RateRagError when every candidate name for a sheet is taken
 */
export function planScorecard(s: ScorecardSnapshot): { readonly ops: WriteOp[]; readonly report: ScorecardReport; readonly show: string } {
  const { rated, group, record, names } = s;
  const kinds = scorecardKinds(rated, group);
  // A recorded sheet whose title is not the add-in's was replaced by the user's own: leave it alone.
  const owned = new Map([...s.owned].filter(([kind, r]) => r.usedAddress === null || r.title === SHEET_TITLES[kind]));
  const verified: SheetsRecord = { ...record, sheets: record.sheets.filter((x) => !kinds.includes(x.kind) || owned.has(x.kind)) };
  const { assigned, renamed } = assignNames(kinds, verified, names);
  const warnings = [...(rated.computed.nothingRated ? [rated.computed.nothingRated] : []), ...rated.warnings, ...renamed.map((r) => m.renamed(r.wanted, r.used))];

  const data = fromData(rated, group);
  const carried = new Map<string, CarriedText>();
  for (const kind of TYPED_TEXT_KINDS) {
    const r = owned.get(kind);
    if (!r || r.usedValues === null) continue;
    for (const [key, typed] of typedText(r.usedValues, group.multiArea, record.written, data)) {
      const had = carried.get(key) ?? {};
      carried.set(key, { owner: had.owner ?? typed.owner, commentary: had.commentary ?? typed.commentary });
    }
  }
  let snapshots: SnapshotRow[] = [];
  if (s.history && s.history.values !== null) {
    const read = readSnapshots(s.history.values, group.multiArea);
    if (read) snapshots = read;
    else warnings.push(m.changedHistory(s.history.name));
  }
  const entries: Entry[] = buildEntries(rated.computed.rated, group, snapshots, carried);
  const snapshotDate = snapshots.reduce<string | null>((d, x) => (d === null || x.reviewDate > d ? x.reviewDate : d), null);
  const input: BuildInput = { entries, group, settings: rated.settings, sourceText: sourceText(rated), asAt: rated.computed.asAt, builtOn: s.builtOn, snapshotDate,
    ...(rated.computed.polarityAssumed > 0 ? { polarityNote: m.polarityAssumed(rated.computed.polarityAssumed, rated.computed.hasPolarityColumn) } : {}) };
  const builders: Record<string, (i: BuildInput) => SheetSpec> = { scorecard: scorecardSheet, exceptions: exceptionsSheet, monitoring: monitoringSheet, trends: trendsSheet, spcSummary: spcSummarySheet, spcCharts: (i) => spcChartsSheet(i), areas: (i) => areasSheet(i, areaSizes(rated, entries)), objectives: objectivesSheet };
  const specs = kinds.map((k) => builders[k](input));

  const newRecord = mergeRecord(verified, assigned, names, { source: { sheet: rated.sheet, cell: cellAddress(rated.box.top, rated.box.left) }, written: writtenMarks(data) });
  const ops: WriteOp[] = specs.flatMap((spec) => {
    const a = assigned.get(spec.kind) as { name: string; existing: boolean };
    const r = owned.get(spec.kind);
    return sheetOps(spec, { name: a.name, existing: a.existing, usedAddress: r ? r.usedAddress : null, charts: r ? r.charts : [] });
  });
  ops.push({ op: "setting", key: SHEETS_KEY, value: newRecord });
  const report: ScorecardReport = {
    sheets: specs.map((spec) => (assigned.get(spec.kind) as { name: string }).name),
    renamed,
    counts: rated.computed.counts,
    problems: rated.computed.problems.map((p) => ({ ...p, sheet: p.sheet || rated.sheet })),
    warnings,
  };
  return { ops, report, show: s.returnTo ?? (assigned.get("scorecard") as { name: string }).name };
}

/** What Save review snapshot's reader read of the RAG History sheet the add-in owns. */
export interface HistoryRead {
  readonly name: string;
  /** The used range (values only), or null when the sheet is empty. */
  readonly used: { readonly values: unknown[][]; readonly rowIndex: number; readonly rowCount: number } | null;
}

/** History column widths in points: Review date, Code, Area, Indicator, As at, Value, Target, Status. */
const HISTORY_WIDTHS: readonly number[] = [80, 62, 90, 250, 70, 70, 70, 58];

/**
 * Save review snapshot: the rows appended to the RAG History sheet (made the first time), its status
 * fills, and the record.
 * @throws RateRagError when the history sheet's columns were changed, or no name is free for it
 */
export function planSnapshot(
  rated: RatedSource, group: Grouping, record: SheetsRecord, names: readonly string[], history: HistoryRead | null, reviewDate: string,
): { readonly ops: WriteOp[]; readonly result: { readonly saved: number; readonly reviewDate: string; readonly sheet: string } } {
  let nextRow = 1;
  if (history?.used) {
    if (readSnapshots(history.used.values, group.multiArea) === null || history.used.rowIndex !== 0) {
      throw new RateRagError(m.changedHistory(history.name), m.restoreHistory(history.name, HISTORY_HEADER.join(", ")));
    }
    nextRow = history.used.rowIndex + history.used.rowCount;
  }
  const name = history?.name ?? freeName(SHEET_NAMES.history, names);
  if (!name) throw new RateRagError(m.nameExhausted(SHEET_NAMES.history), m.nameExhaustedNext);
  const ops: WriteOp[] = [];
  if (!history) {
    ops.push(
      { op: "prepareSheet", target: { name, existing: false, usedAddress: null, charts: [] }, columnWidths: HISTORY_WIDTHS, freezeRows: 1, landscape: true, printTitleRows: { first: 0, last: 0 }, pageBreaks: [] },
      { op: "cells", sheet: name, block: { row: 0, col: 0, values: [HISTORY_HEADER.slice()], formats: [HISTORY_HEADER.map(() => FORMATS.text)], style: { bold: true, fill: "#DDEBF7" } } },
    );
  }
  const entries = buildEntries(rated.computed.rated, group, [], new Map());
  const rows = snapshotRows(entries, reviewDate);
  const formats = rows.map((r) => r.map((v, j) => (typeof v === "number" ? (j === 5 || j === 6 ? FORMATS.measure : FORMATS.general) : FORMATS.text)));
  ops.push(
    { op: "cells", sheet: name, block: { row: nextRow, col: 0, values: rows, formats } },
    { op: "statusRules", sheet: name, rect: { row: 1, col: 7, rows: nextRow - 1 + rows.length, cols: 1 } },
  );
  const sheets = new Map<SheetKind, { name: string }>([["history", { name }]]);
  ops.push({ op: "setting", key: SHEETS_KEY, value: mergeRecord(record, sheets, [...names, name], { source: record.source ?? { sheet: rated.sheet, cell: cellAddress(rated.box.top, rated.box.left) } }) });
  return { ops, result: { saved: rows.length, reviewDate, sheet: name } };
}

/**
 * Insert review checklist: the checklist sheet and the record, or nothing when the add-in already made
 * one (its text is the users', so it is never rebuilt).
 * @throws RateRagError when no name is free for it
 */
export function planChecklist(record: SheetsRecord, names: readonly string[], builtOn: string): { readonly ops: WriteOp[]; readonly sheet: string; readonly created: boolean; readonly renamed: readonly { wanted: string; used: string }[] } {
  const owned = ownedSheet(record, "checklist", names);
  if (owned) return { ops: [], sheet: owned, created: false, renamed: [] };
  const { assigned, renamed } = assignNames(["checklist"], record, names);
  const name = (assigned.get("checklist") as { name: string }).name;
  const ops = sheetOps(checklistSheet(builtOn), { name, existing: false, usedAddress: null, charts: [] });
  ops.push({ op: "setting", key: SHEETS_KEY, value: mergeRecord(record, assigned, [...names, name], {}) });
  return { ops, sheet: name, created: true, renamed };
}
