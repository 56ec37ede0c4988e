/**
 * Where the task pane gets its LaaActions: the Excel implementation (src/excel) over Office's own
 * Excel.run when the pane runs inside Excel, and null elsewhere, where the pane says honestly that it
 * is not connected to a workbook rather than showing made-up data.
 */
import { createLaaActions, type ScorecardCommands } from "../excel/actions";
import type { LaaActions } from "../excel/types";
import { anycityInsertPlan } from "../samples/anycity";

/**
 * The scorecard commands, loaded the first time one is used: the scorecard module (sheets, charts)
 * stays out of the pane's initial bundle (the 300 KB budget, src/scripts/check-bundle.ts) and webpack
 * fetches it as a separate chunk from the add-in's own origin (the CSP allows 'self').
 */
const lazyScorecard: ScorecardCommands = {
  buildScorecard: async (context, options) => (await import("../excel/scorecard")).scorecardCommands.buildScorecard(context, options),
  saveSnapshot: async (context) => (await import("../excel/scorecard")).scorecardCommands.saveSnapshot(context),
  insertReviewChecklist: async (context) => (await import("../excel/scorecard")).scorecardCommands.insertReviewChecklist(context),
};

/**
 * The actions the task pane runs against the open workbook; null when there is no workbook to work on
 * (outside Office, or in an Office host other than Excel).
 *
 * @example
 * createActions() // => null in a plain browser tab; the Excel actions inside Excel
 */
export function createActions(): LaaActions | null {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return null;
  if (Office.context?.host !== Office.HostType.Excel) return null;
  return createLaaActions((batch) => Excel.run(batch), lazyScorecard, anycityInsertPlan);
}
