/**
 * Build scorecard / Refresh scorecards, Save review snapshot and Insert review checklist.
 *
 * Round trips for any size of table under the payload budget: one to read the add-in's record of its
 * sheets (and, when the user is on one of them, to go back to the indicator table), readAndRate's two,
 * one to read the owned sheets (user-typed text, review snapshots, what to clear), one to write every
 * sheet: 5, inside the budget of 6 for 500 indicators. Sheets whose writes exceed the 4 MB
 * budget go in further syncs, one per budget's worth.
 */
import { cellAddress } from "../../core/a1";
import { navigateLast } from "../navigate";
import type { ScorecardCommands } from "../actions";
import { PAYLOAD_BUDGET_BYTES } from "../payload";
import { RateRagError, readAndRate, type RatedSource } from "../rate-rag";
import type { ProgressListener, ScorecardReport } from "../types";
import { buildEntries, grouping, type CarriedText, type Entry, type Grouping, type SnapshotRow } from "./entries";
import { scorecardMessages as m } from "./messages";
import { fingerprint, freeName, ownedSheet, parseRecord, readSnapshots, SHEETS_KEY, typedText, type SheetsRecord } from "./ownership";
import { SHEET_NAMES, SHEET_TITLES, type SheetKind, type SheetSpec, FORMATS } from "./sheet-model";
import {
  areasSheet, checklistSheet, exceptionsSheet, HISTORY_HEADER, monitoringSheet, objectivesSheet, scorecardSheet, snapshotRows, trendsSheet, type BuildInput,
} from "./sheets";
import { hasSpc, spcChartsSheet, spcSummarySheet } from "./spc-sheets";
import { queueSheet, queueStatusRules, sheetSteps, type Target } from "./write";

export { CHECKLIST_QUESTIONS } from "./sheets";
export { SHEETS_KEY } from "./ownership";

/** Options of the commands (tests and the headless runner fix the date; the default is today, UTC). */
export interface ScorecardOptions {
  readonly onProgress?: ProgressListener;
  readonly refresh?: boolean;
  /** ISO date used as the build date or the review date. */
  readonly today?: string;
  /** Payload budget per sync in bytes (default 4 MB). */
  readonly budgetBytes?: number;
}

function today(options: ScorecardOptions): string {
  return options.today ?? new Date().toISOString().slice(0, 10);
}

/** Round trip 1: the record, the sheet names, the active sheet; back to the indicator table when on an owned sheet. */
async function preamble(context: Excel.RequestContext): Promise<{ record: SheetsRecord; names: string[]; returnTo: string | null }> {
  const item = context.workbook.settings.getItemOrNullObject(SHEETS_KEY);
  item.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const record = parseRecord(item.isNullObject ? null : item.value);
  const names = sheets.items.map((s) => s.name);
  const onOwned = record.sheets.some((s) => s.name.toLowerCase() === active.name.toLowerCase());
  let returnTo: string | null = null;
  if (onOwned && record.source && names.includes(record.source.sheet)) {
    // Queued, not synced: readAndRate's first round trip carries it.
    const ws = sheets.getItem(record.source.sheet);
    ws.activate();
    ws.getRange(record.source.cell).select();
    returnTo = active.name;
  }
  return { record, names, returnTo };
}

async function rate(context: Excel.RequestContext, onProgress?: ProgressListener): Promise<RatedSource> {
  const rated = await readAndRate(context, { onProgress });
  if (rated.computed.rated.length === 0) throw new RateRagError(m.noIndicators, m.noIndicatorsNext);
  return rated;
}

function sourceText(rated: RatedSource): string {
  const { top, left, bottom, right } = rated.box;
  const where = `${rated.sheet}!${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
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

/**
 * Build scorecard / Refresh scorecards: rates the indicator table and (re)builds every scorecard sheet
 * from it, carrying over owner and commentary text users typed in the add-in's sheets.
 * @throws RateRagError when there is nothing to rate, with the next step to take
  * @example await Excel.run((context) => buildScorecard(context)) // => { sheets: ["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts"], renamed: [], ... }
 */
export async function buildScorecard(context: Excel.RequestContext, options: ScorecardOptions = {}): Promise<ScorecardReport> {
  const progress = options.onProgress ?? (() => undefined);
  const { record, names, returnTo } = await preamble(context);
  const rated = await rate(context, progress);
  const group = grouping(rated.computed.rated);
  // The SPC sheets only when some indicator has enough points for an XmR chart (docs/methods.md#spc).
  const spc = hasSpc(buildEntries(rated.computed.rated, group, [], new Map()));
  const kinds: SheetKind[] = ["scorecard", "exceptions", "monitoring", "trends", ...(spc ? ["spcSummary" as const, "spcCharts" as const] : []), ...(group.multiArea ? ["areas" as const] : []), ...(group.hasObjectives ? ["objectives" as const] : [])];

  // Round trip: what the recorded sheets hold (their title, typed text, snapshots, what to clear).
  progress(0.55, "Reading the scorecard sheets");
  const historyName = ownedSheet(record, "history", names);
  const reads = new Map<SheetKind, { used: Excel.Range; first: Excel.Range; charts: Excel.ChartCollection }>();
  const wantValues = new Set<SheetKind>(["scorecard", "exceptions", "monitoring"]);
  for (const kind of kinds) {
    const name = ownedSheet(record, kind, names);
    if (!name) continue;
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject();
    used.load(wantValues.has(kind) ? "address, values" : "address");
    const first = ws.getRange("A1");
    first.load("values");
    const charts = ws.charts;
    charts.load("items/name");
    reads.set(kind, { used, first, charts });
  }
  let history: Excel.Range | null = null;
  if (historyName) {
    history = context.workbook.worksheets.getItem(historyName).getUsedRangeOrNullObject(true);
    history.load("values");
  }
  if (reads.size > 0 || history) await context.sync();
  // A recorded sheet whose title is not the add-in's was replaced by the user's own: leave it alone.
  for (const [kind, r] of reads) {
    const title = r.first.values[0][0];
    if (!r.used.isNullObject && title !== SHEET_TITLES[kind]) reads.delete(kind);
  }
  const verified: SheetsRecord = { ...record, sheets: record.sheets.filter((s) => !kinds.includes(s.kind) || reads.has(s.kind)) };
  const { assigned, renamed } = assignNames(kinds, verified, names);
  const warnings = [...(rated.computed.nothingRated ? [rated.computed.nothingRated] : []), ...rated.warnings, ...renamed.map((r) => m.renamed(r.wanted, r.used))];

  const data = fromData(rated, group);
  const written = record.written;
  const carried = new Map<string, CarriedText>();
  for (const kind of ["scorecard", "exceptions", "monitoring"] as const) {
    const r = reads.get(kind);
    if (!r || r.used.isNullObject) continue;
    for (const [key, typed] of typedText(r.used.values as unknown[][], group.multiArea, written, data)) {
      const had = carried.get(key) ?? {};
      carried.set(key, { owner: had.owner ?? typed.owner, commentary: had.commentary ?? typed.commentary });
    }
  }
  let snapshots: SnapshotRow[] = [];
  if (history && !history.isNullObject) {
    const read = readSnapshots(history.values as unknown[][], group.multiArea);
    if (read) snapshots = read;
    else warnings.push(m.changedHistory(historyName as string));
  }
  const entries: Entry[] = buildEntries(rated.computed.rated, group, snapshots, carried);
  const snapshotDate = snapshots.reduce<string | null>((d, s) => (d === null || s.reviewDate > d ? s.reviewDate : d), null);
  const input: BuildInput = { entries, group, settings: rated.settings, sourceText: sourceText(rated), asAt: rated.computed.asAt, builtOn: today(options), snapshotDate,
    ...(rated.computed.polarityAssumed > 0 ? { polarityNote: m.polarityAssumed(rated.computed.polarityAssumed, rated.computed.hasPolarityColumn) } : {}) };
  progress(0.7, "Laying out the scorecard sheets");
  const builders: Record<string, (i: BuildInput) => SheetSpec> = { scorecard: scorecardSheet, exceptions: exceptionsSheet, monitoring: monitoringSheet, trends: trendsSheet, spcSummary: spcSummarySheet, spcCharts: (i) => spcChartsSheet(i), areas: areasSheet, objectives: objectivesSheet };
  const specs = kinds.map((k) => builders[k](input));

  // Round trip(s): write every sheet, one sync per payload budget's worth of sheets.
  progress(0.8, "Writing the scorecard sheets");
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const newRecord = mergeRecord(verified, assigned, names, { source: { sheet: rated.sheet, cell: cellAddress(rated.box.top, rated.box.left) }, written: writtenMarks(data) });
  const steps = specs.flatMap((spec) => {
    const a = assigned.get(spec.kind)!;
    const r = reads.get(spec.kind);
    const target: Target = {
      name: a.name, existing: a.existing,
      usedAddress: r && !r.used.isNullObject ? r.used.address : null,
      charts: r ? r.charts.items.map((c) => c.name) : [],
    };
    return sheetSteps(context, spec, target);
  });
  let pending = 0;
  let first = true;
  for (const step of steps) {
    if (pending > 0 && pending + step.bytes > budget) {
      await context.sync();
      pending = 0;
    }
    if (pending === 0) {
      suspend(context, first);
      first = false;
    }
    step.run();
    pending += step.bytes;
  }
  context.workbook.settings.add(SHEETS_KEY, newRecord);
  await context.sync();
  // The view moves last, on its own (navigate.ts): a refusal (the user switched workbook) leaves the built sheets as they are.
  await navigateLast(context, () => context.workbook.worksheets.getItem(returnTo ?? assigned.get("scorecard")!.name).activate());
  progress(1, "Done");
  return {
    sheets: specs.map((s) => assigned.get(s.kind)!.name),
    renamed,
    counts: rated.computed.counts,
    problems: rated.computed.problems.map((p) => ({ ...p, sheet: p.sheet || rated.sheet })),
    warnings,
  };
}

/**
 * Calculation is suspended for every write block, screen updating once per command: repeated
 * suspendScreenUpdatingUntilNextSync calls make the window flicker
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating).
 * ExcelApi 1.8 / 1.9, as Rate RAG.
 */
function suspend(context: Excel.RequestContext, screen: boolean): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (screen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/**
 * Save review snapshot: appends the current ratings to the RAG History sheet (review date, indicator,
 * value, target, status), creating it the first time. The scorecard's movement compares with the
 * latest snapshot.
 * @throws RateRagError when there is nothing to rate, or the history sheet's columns were changed
  * @example await Excel.run((context) => saveSnapshot(context)) // => { saved: 43, reviewDate: "2010-10-20", sheet: "RAG History" }
 */
export async function saveSnapshot(context: Excel.RequestContext, options: ScorecardOptions = {}): Promise<{ readonly saved: number; readonly reviewDate: string; readonly sheet: string }> {
  const { record, names, returnTo } = await preamble(context);
  const rated = await rate(context, options.onProgress);
  const group = grouping(rated.computed.rated);
  const reviewDate = today(options);
  const owned = ownedSheet(record, "history", names);
  let nextRow = 1;
  if (owned) {
    const used = context.workbook.worksheets.getItem(owned).getUsedRangeOrNullObject(true);
    used.load("values, rowIndex, rowCount");
    await context.sync();
    if (!used.isNullObject) {
      if (readSnapshots(used.values as unknown[][], group.multiArea) === null || used.rowIndex !== 0) {
        throw new RateRagError(m.changedHistory(owned), `Restore the header row (${HISTORY_HEADER.join(", ")}) on ${owned}, or rename that sheet so a new history starts, then try again.`);
      }
      nextRow = used.rowIndex + used.rowCount;
    }
  }
  const name = owned ?? freeName(SHEET_NAMES.history, names);
  if (!name) throw new RateRagError(m.nameExhausted(SHEET_NAMES.history), m.nameExhaustedNext);
  const ws = owned ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
  if (!owned) {
    const header = ws.getRangeByIndexes(0, 0, 1, HISTORY_HEADER.length);
    header.numberFormat = [HISTORY_HEADER.map(() => FORMATS.text)];
    header.values = [HISTORY_HEADER.slice()];
    header.format.font.bold = true;
    header.format.fill.color = "#DDEBF7";
    [80, 62, 90, 250, 70, 70, 70, 58].forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w; });
    ws.freezePanes.freezeRows(1);
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows("$1:$1");
  }
  const entries = buildEntries(rated.computed.rated, group, [], new Map());
  const rows = snapshotRows(entries, reviewDate);
  const body = ws.getRangeByIndexes(nextRow, 0, rows.length, HISTORY_HEADER.length);
  body.numberFormat = rows.map((r) => r.map((v, j) => (typeof v === "number" ? (j === 5 || j === 6 ? FORMATS.measure : FORMATS.general) : FORMATS.text)));
  body.values = rows;
  const status = ws.getRangeByIndexes(1, 7, nextRow - 1 + rows.length, 1);
  status.conditionalFormats.clearAll();
  queueStatusRules(status);
  const sheets = new Map<SheetKind, { name: string }>([["history", { name }]]);
  context.workbook.settings.add(SHEETS_KEY, mergeRecord(record, sheets, [...names, name], { source: record.source ?? { sheet: rated.sheet, cell: cellAddress(rated.box.top, rated.box.left) } }));
  await context.sync();
  if (returnTo) await navigateLast(context, () => context.workbook.worksheets.getItem(returnTo).activate());
  return { saved: rows.length, reviewDate, sheet: name };
}

/**
 * Insert review checklist: adds the five-question checklist sheet (evidence, assessment, actions), or
 * goes to it when the add-in already made one (its text is the users', so it is never rebuilt).
  * @example await Excel.run((context) => insertReviewChecklist(context)) // => { sheet: "Review checklist", created: true, renamed: [] }
 */
export async function insertReviewChecklist(context: Excel.RequestContext, options: ScorecardOptions = {}): Promise<{ readonly sheet: string; readonly created: boolean; readonly renamed: readonly { wanted: string; used: string }[] }> {
  const item = context.workbook.settings.getItemOrNullObject(SHEETS_KEY);
  item.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const record = parseRecord(item.isNullObject ? null : item.value);
  const names = sheets.items.map((s) => s.name);
  const owned = ownedSheet(record, "checklist", names);
  if (owned) {
    await navigateLast(context, () => sheets.getItem(owned).activate());
    return { sheet: owned, created: false, renamed: [] };
  }
  const { assigned, renamed } = assignNames(["checklist"], record, names);
  const name = assigned.get("checklist")!.name;
  const ws = queueSheet(context, checklistSheet(today(options)), { name, existing: false, usedAddress: null, charts: [] });
  context.workbook.settings.add(SHEETS_KEY, mergeRecord(record, assigned, [...names, name], {}));
  await context.sync();
  await navigateLast(context, () => ws.activate());
  return { sheet: name, created: true, renamed };
}

/**
 * The scorecard commands as the task pane and ribbon use them (src/excel/actions.ts).
 * @example createLaaActions(Excel.run, scorecardCommands)
 */
export const scorecardCommands: ScorecardCommands = {
  buildScorecard: (context, options) => buildScorecard(context, { onProgress: options.onProgress, refresh: options.refresh }),
  saveSnapshot: (context) => saveSnapshot(context),
  insertReviewChecklist: (context) => insertReviewChecklist(context),
};
