/**
 * The LaaActions the task pane, the ribbon and the workbench use, over any Excel.run: Office's own
 * in Excel, the emulator's in the workbench and the headless runner. Each action is one Excel.run.
 */
import { boxAddress } from "../core/a1";
import { rateRag, readAndRate, removeRatings } from "./rate-rag";
import { insertSampleData, type SampleSheetPlan } from "./sample-data";
import { loadSettings, saveSettings } from "./settings";
import type { LaaActions, ScorecardReport } from "./types";

/** Excel.run's shape. */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The scorecard commands, provided by the scorecard module (kept separate so its code loads only when used). */
export interface ScorecardCommands {
  buildScorecard(context: Excel.RequestContext, options: { onProgress?: (f: number, m: string) => void; refresh: boolean }): Promise<ScorecardReport>;
  saveSnapshot(context: Excel.RequestContext): Promise<{ readonly saved: number; readonly reviewDate: string }>;
  insertReviewChecklist(context: Excel.RequestContext): Promise<{ readonly sheet: string; readonly created: boolean }>;
}

/**
 * Builds the actions over a run function. The sample sheet comes from the caller (src/samples makes
 * it), so this layer never imports the samples.
 */
export function createLaaActions(run: RunBatch, scorecard?: ScorecardCommands, samplePlan?: () => SampleSheetPlan): LaaActions {
  const needScorecard = (): ScorecardCommands => {
    if (!scorecard) throw Object.assign(new Error("Scorecards are not available in this build."), { userMessage: "Scorecards are not available in this version of the add-in.", nextStep: "Use Rate RAG for now." });
    return scorecard;
  };
  return {
    detect: () =>
      run(async (context) => {
        const rated = await readAndRate(context);
        return {
          source: { sheet: rated.sheet, address: boxAddress(rated.box.top, rated.box.left, rated.box.bottom, rated.box.right), kind: rated.kind, layout: rated.mapping.layout, rows: rated.dataRows.length, ...(rated.name ? { name: rated.name } : {}) },
          mapping: rated.mapping.entries,
          problems: rated.computed.problems,
          polarityAssumed: rated.computed.polarityAssumed,
          rated: rated.record !== undefined,
        };
      }),
    rateRag: (onProgress) => run((context) => rateRag(context, { onProgress })),
    buildScorecard: (onProgress) => run((context) => needScorecard().buildScorecard(context, { onProgress, refresh: false })),
    refreshScorecards: (onProgress) => run((context) => needScorecard().buildScorecard(context, { onProgress, refresh: true })),
    saveSnapshot: () => run((context) => needScorecard().saveSnapshot(context)),
    removeRatings: () => run((context) => removeRatings(context)),
    insertSampleData: () => {
      if (!samplePlan) return Promise.reject(Object.assign(new Error("Sample data is not available in this build."), { userMessage: "Sample data is not available in this version of the add-in." }));
      const plan = samplePlan();
      return run((context) => insertSampleData(context, plan));
    },
    insertReviewChecklist: () => run((context) => needScorecard().insertReviewChecklist(context)),
    loadSettings: () => run((context) => loadSettings(context)),
    saveSettings: (settings) => run((context) => saveSettings(context, settings)),
    selectCell: (sheet, address) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
  };
}
