/*
 * Ribbon commands (ExecuteFunction actions in manifest.xml). They share the task pane's runtime.
 * Rate RAG runs with the workbook's saved settings without opening the pane (rate-from-ribbon.ts says
 * how it reports its outcome).
 */
import { rateFromRibbon } from "./rate-from-ribbon";

async function rateRag(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await rateFromRibbon({ run: (batch) => Excel.run(batch), showPane: () => Office.addin.showAsTaskpane() });
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => Office.actions.associate("rateRag", rateRag));
}
