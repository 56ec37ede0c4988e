import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

declare const __APP_VERSION__: string;

/** Entry point: the only file that talks to Office.onReady and sets up FluentProvider. */
function render(host: string | null): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App version={__APP_VERSION__} host={host} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host === Office.HostType.Excel ? "Excel" : null));
} else {
  render(null);
}
