/*
 * Ribbon commands (ExecuteFunction actions in manifest.xml). They share the task pane's runtime.
 * Until the Rate RAG engine is wired in, the Rate RAG button opens the panel.
 */
async function rateRag(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => Office.actions.associate("rateRag", rateRag));
}
