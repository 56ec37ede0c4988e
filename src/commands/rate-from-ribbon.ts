/**
 * The ribbon's Rate RAG: runs Rate RAG with the workbook's saved settings without opening
 * the task pane, and reports its outcome where a person will see it.
 *
 * Excel commands cannot show a notification of their own, so:
 * - on success the Status column the add-in just wrote is selected (the fills show at once and the
 *   selection points at them), and the counts are kept for the task pane, which shows them when it
 *   is next opened (or at once when it is already open);
 * - on failure the task pane is opened and shows what went wrong and what to do next, in the same
 *   words the pane uses for its own Rate RAG button.
 */
import { parseAddress } from "../core/a1";
import type { RunBatch } from "../excel/actions";
import { navigateLast } from "../excel/navigate";
import { OUTPUTS_KEY, parseRecords, rateRag } from "../excel/rate-rag";
import type { RateReport } from "../excel/types";
import { describeFailure } from "../shared/failures";
import { publishRibbonOutcome, type RibbonOutcome } from "../shared/ribbon-outcome";

/** What the command needs from its host: Excel.run and a way to open the task pane. */
export interface RibbonHost {
  readonly run: RunBatch;
  /** Office.addin.showAsTaskpane in Excel. */
  readonly showPane: () => Promise<void>;
}

/**
 * Selects the data cells of the Status column written for `report`'s source (found through the
 * add-in's own record of its output columns, not by header text). Does nothing when there is no record.
 */
async function selectStatusColumn(context: Excel.RequestContext, report: RateReport): Promise<void> {
  const item = context.workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  item.load("value");
  await context.sync();
  // Validated as Rate RAG validates it (rate-plan.ts): a hand-edited record is never trusted.
  const records = parseRecords(item.isNullObject ? null : item.value);
  const source = parseAddress(report.source.address);
  const record = records.find((r) => r.sheet === report.source.sheet && r.sourceColumn === source.left);
  if (!record || !Number.isInteger(record.rows) || record.rows < 1) return;
  // The ratings are already written: a refused move (another workbook in front) is not a failure.
  await navigateLast(context, () => {
    const sheet = context.workbook.worksheets.getItem(record.sheet);
    sheet.activate();
    sheet.getRangeByIndexes(record.headerRow + 1, record.firstColumn, record.rows, 1).select();
  });
}

/**
 * Runs Rate RAG on the table under the selection with the workbook's saved settings, publishes the
 * outcome for the task pane and returns it. Never rejects: a failure is an outcome, shown in the pane.
 *
 * @example
 * await rateFromRibbon({ run: Excel.run, showPane: () => Office.addin.showAsTaskpane() })
 * // => { kind: "rated", report: { rated: 28, counts: { Green: 12, ... }, ... } }
 */
export async function rateFromRibbon(host: RibbonHost): Promise<RibbonOutcome> {
  let outcome: RibbonOutcome;
  try {
    const report = await host.run(async (context) => {
      const rated = await rateRag(context);
      await selectStatusColumn(context, rated);
      return rated;
    });
    outcome = { kind: "rated", report };
  } catch (error) {
    // The detail is for whoever debugs; the person sees the pane's words for the failure.
    console.error("LAA Scorecard: Rate RAG from the ribbon failed", error);
    outcome = { kind: "failed", ...describeFailure("rateRag", error) };
  }
  publishRibbonOutcome(outcome);
  if (outcome.kind === "failed") {
    try {
      await host.showPane();
    } catch (error) {
      console.error("LAA Scorecard: the task pane could not be opened to show the failure", error);
    }
  }
  return outcome;
}
