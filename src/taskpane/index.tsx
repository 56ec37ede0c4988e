/**
 * Entry point: the only file of the task pane that talks to Office. It waits for Office.onReady,
 * reads the Office theme, checks requirement sets and hands the components plain props.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { RibbonOutcomeBar } from "./components/RibbonOutcomeBar";
import { createActions } from "./actions";
import { App } from "./components/App";
import type { UnsupportedFeature } from "./components/App";
import { findUnsupported } from "./requirements";
import { themeForBackground } from "./theme";

declare const __APP_VERSION__: string;

/** The Office theme, or light when Office does not tell (older hosts, or outside Office). */
function officeTheme(): "light" | "dark" {
  try {
    return themeForBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light";
  }
}

/** The features this Excel is too old for; none when there is no Excel to ask. */
function unsupportedFeatures(inExcel: boolean): UnsupportedFeature[] {
  if (!inExcel) return [];
  return findUnsupported((set, version) => Office.context.requirements.isSetSupported(set, version));
}

function render(inExcel: boolean): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const theme = inExcel ? officeTheme() : "light";
  createRoot(container).render(
    // One FluentProvider per page (App's): the ribbon's outcome is shown inside it.
    <App
      actions={inExcel ? createActions() : null}
      theme={theme}
      unsupported={unsupportedFeatures(inExcel)}
      version={__APP_VERSION__}
      banner={inExcel ? <RibbonOutcomeBar /> : null}
    />,
  );
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
