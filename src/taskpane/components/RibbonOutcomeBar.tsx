/**
 * The ribbon's last Rate RAG outcome as the task pane shows it (src/commands/rate-from-ribbon.ts says
 * why the outcome goes to the pane): a message above the pane until dismissed. The task pane's entry
 * file passes it to App, which shows it inside the page's one FluentProvider.
 */
import * as React from "react";
import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { STATUSES } from "../../core/rules/types";
import type { RateReport } from "../../excel/types";
import { lastRibbonOutcome, publishRibbonOutcome, subscribeRibbonOutcome } from "../../shared/ribbon-outcome";
import type { RibbonOutcome } from "../../shared/ribbon-outcome";

/**
 * One line for a ribbon Rate RAG: how many were rated, the counts by status and the number of problems.
 * @example ribbonSummary(report) // => "Rated 43 indicators as at Q2 2010/11: Blue 0, Green 19, Amber 10, Red 8, Grey 6; no problems."
 * (the Anycity sample, whose mix test/samples/anycity-mix.test.ts works out by hand)
 */
export function ribbonSummary(report: RateReport): string {
  const counts = STATUSES.map((s) => `${s} ${report.counts[s]}`).join(", ");
  const problems = report.problems.length;
  const listed = problems === 0 ? "no problems" : `${problems} ${problems === 1 ? "problem" : "problems"} (press Rate RAG here to list them)`;
  const line = `Rated ${report.rated} ${report.rated === 1 ? "indicator" : "indicators"} as at ${report.asAt}: ${counts}; ${listed}.`;
  return report.nothingRated ? `${report.nothingRated} ${line}` : line;
}

/** The ribbon's last Rate RAG outcome (src/commands/rate-from-ribbon.ts), shown above the pane until dismissed. */
export function RibbonOutcomeBar(): React.JSX.Element | null {
  const [outcome, setOutcome] = React.useState<RibbonOutcome | null>(lastRibbonOutcome);
  React.useEffect(() => subscribeRibbonOutcome(setOutcome), []);
  if (outcome === null) return null;
  return (
    <div aria-live="polite" style={{ padding: "8px 12px 0" }}>
      <MessageBar intent={outcome.kind === "rated" ? (outcome.report.nothingRated ? "warning" : "success") : "error"} layout="multiline">
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
  );
}
