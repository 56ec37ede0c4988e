/**
 * Entry point: the only file of the task pane that talks to Office. It waits for Office.onReady,
 * reads the Office theme, checks requirement sets and hands the components plain props.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { STATUSES } from "../core/rules/types";
import { lastRibbonOutcome, publishRibbonOutcome, subscribeRibbonOutcome } from "../commands/ribbon-outcome";
import type { RibbonOutcome } from "../commands/ribbon-outcome";
import type { RateReport } from "../excel/types";
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

/** One line for a ribbon Rate RAG: how many were rated, the counts by status and the number of problems. */
function ribbonSummary(report: RateReport): string {
  const counts = STATUSES.map((s) => `${s} ${report.counts[s]}`).join(", ");
  const problems = report.problems.length;
  const listed = problems === 0 ? "no problems" : `${problems} ${problems === 1 ? "problem" : "problems"} (press Rate RAG here to list them)`;
  return `Rated ${report.rated} ${report.rated === 1 ? "indicator" : "indicators"} as at ${report.asAt}: ${counts}; ${listed}.`;
}

/** The ribbon's last Rate RAG outcome (src/commands/rate-from-ribbon.ts), shown above the pane until dismissed. */
function RibbonOutcomeBar({ theme }: { theme: "light" | "dark" }): React.JSX.Element | null {
  const [outcome, setOutcome] = React.useState<RibbonOutcome | null>(lastRibbonOutcome);
  React.useEffect(() => subscribeRibbonOutcome(setOutcome), []);
  if (outcome === null) return null;
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div aria-live="polite" style={{ padding: "8px 12px 0" }}>
        <MessageBar intent={outcome.kind === "rated" ? "success" : "error"} layout="multiline">
          <MessageBarBody>
            {outcome.kind === "rated" ? (
              <>
                <MessageBarTitle>Rate RAG from the ribbon:</MessageBarTitle>
                {ribbonSummary(outcome.report)}
              </>
            ) : (
              <>
                <MessageBarTitle>{outcome.title}</MessageBarTitle>
                {outcome.detail} {outcome.nextStep}
              </>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Dismiss ribbon message" icon={<DismissRegular />} onClick={() => publishRibbonOutcome(null)} />}
          />
        </MessageBar>
      </div>
    </FluentProvider>
  );
}

function render(inExcel: boolean): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const theme = inExcel ? officeTheme() : "light";
  createRoot(container).render(
    <>
    {inExcel && <RibbonOutcomeBar theme={theme} />}
    <App
      actions={inExcel ? createActions() : null}
      theme={theme}
      unsupported={unsupportedFeatures(inExcel)}
      version={__APP_VERSION__}
    />
    </>,
  );
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
