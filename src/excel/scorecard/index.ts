/**
 * Build scorecard / Refresh scorecards, Save review snapshot and Insert review checklist, each as
 * read -> pure plan (plan.ts) -> apply (the one writer, ../writer.ts) -> show (../navigate.ts).
 *
 * Round trips for any size of table under the payload budget: one to read the add-in's record of its
 * sheets (and, when the user is on one of them, to go back to the indicator table), readAndRate's two,
 * one to read the owned sheets (user-typed text, review snapshots, what to clear), one to write every
 * sheet, one to show the result: 6 for 500 indicators. Sheets whose writes exceed the payload budget
 * (../payload.ts) go in further syncs, one per budget's worth.
 */
import { navigateLast } from "../navigate";
import type { ScorecardCommands } from "../actions";
import { RateRagError, readAndRate, type RatedSource } from "../rate-rag";
import type { ProgressListener, ScorecardReport } from "../types";
import { applyPlan } from "../writer";
import { grouping } from "./entries";
import { scorecardMessages as m } from "./messages";
import { ownedSheet, parseRecord, SHEETS_KEY, type SheetsRecord } from "./ownership";
import { planChecklist, planScorecard, planSnapshot, scorecardKinds, TYPED_TEXT_KINDS, type HistoryRead, type OwnedSheetRead } from "./plan";
import type { SheetKind } from "./sheet-model";

export { CHECKLIST_QUESTIONS } from "./sheets";
export { SHEETS_KEY } from "./ownership";

/** Options of the commands (tests and the headless runner fix the date; the default is today, UTC). */
export interface ScorecardOptions {
  readonly onProgress?: ProgressListener;
  readonly refresh?: boolean;
  /** ISO date used as the build date or the review date. */
  readonly today?: string;
  /** Payload budget per sync in bytes (default PAYLOAD_BUDGET_BYTES, ../payload.ts). */
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
    // Queued, not synced: readAndRate's first round trip carries it, before anything is written.
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

/** Round trip: what the recorded sheets of these kinds hold (their title, typed text, what to clear) and the RAG History. */
async function readOwned(context: Excel.RequestContext, kinds: readonly SheetKind[], record: SheetsRecord, names: readonly string[]): Promise<{ owned: Map<SheetKind, OwnedSheetRead>; history: { name: string; values: unknown[][] | null } | null }> {
  const queued: { kind: SheetKind; name: string; used: Excel.Range; first: Excel.Range; charts: Excel.ChartCollection }[] = [];
  for (const kind of kinds) {
    const name = ownedSheet(record, kind, names);
    if (!name) continue;
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject();
    used.load(TYPED_TEXT_KINDS.has(kind) ? "address, values" : "address");
    const first = ws.getRange("A1");
    first.load("values");
    const charts = ws.charts;
    charts.load("items/name");
    queued.push({ kind, name, used, first, charts });
  }
  const historyName = ownedSheet(record, "history", names);
  const history = historyName ? context.workbook.worksheets.getItem(historyName).getUsedRangeOrNullObject(true) : null;
  history?.load("values");
  if (queued.length > 0 || history) await context.sync();
  const owned = new Map<SheetKind, OwnedSheetRead>();
  for (const q of queued) {
    owned.set(q.kind, {
      name: q.name, title: q.first.values[0][0], usedAddress: q.used.isNullObject ? null : q.used.address,
      usedValues: !q.used.isNullObject && TYPED_TEXT_KINDS.has(q.kind) ? (q.used.values as unknown[][]) : null,
      charts: q.charts.items.map((c) => c.name),
    });
  }
  return { owned, history: historyName && history ? { name: historyName, values: history.isNullObject ? null : (history.values as unknown[][]) } : null };
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
  progress(0.55, m.progressReadingSheets);
  const { owned, history } = await readOwned(context, scorecardKinds(rated, group), record, names);
  progress(0.7, m.progressLayingOut);
  const { ops, report, show } = planScorecard({ rated, group, record, names, owned, history, builtOn: today(options), returnTo });
  progress(0.8, m.progressWriting);
  await applyPlan(context, ops, { budgetBytes: options.budgetBytes });
  // The view moves last, on its own (navigate.ts): a refusal (the user switched workbook) leaves the built sheets as they are.
  await navigateLast(context, () => context.workbook.worksheets.getItem(show).activate());
  progress(1, m.progressDone);
  return report;
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
  const owned = ownedSheet(record, "history", names);
  let history: HistoryRead | null = null;
  if (owned) {
    const used = context.workbook.worksheets.getItem(owned).getUsedRangeOrNullObject(true);
    used.load("values, rowIndex, rowCount");
    await context.sync();
    history = { name: owned, used: used.isNullObject ? null : { values: used.values as unknown[][], rowIndex: used.rowIndex, rowCount: used.rowCount } };
  }
  const { ops, result } = planSnapshot(rated, group, record, names, history, today(options));
  await applyPlan(context, ops, { budgetBytes: options.budgetBytes });
  if (returnTo) await navigateLast(context, () => context.workbook.worksheets.getItem(returnTo).activate());
  return result;
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
  const plan = planChecklist(parseRecord(item.isNullObject ? null : item.value), sheets.items.map((s) => s.name), today(options));
  await applyPlan(context, plan.ops);
  await navigateLast(context, () => sheets.getItem(plan.sheet).activate());
  return { sheet: plan.sheet, created: plan.created, renamed: plan.renamed };
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
