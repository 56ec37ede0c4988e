import * as React from "react";
import {
  Button, Caption1, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, makeStyles, tokens,
} from "@fluentui/react-components";
import {
  ArrowSyncRegular, CameraRegular, ClipboardTaskListLtrRegular, DeleteRegular, DocumentAddRegular, PlayRegular, TableAddRegular,
} from "@fluentui/react-icons";
import type { CellProblem, PolarityAssumedReport, RateReport, ScorecardReport, StatusCounts as Counts } from "../../excel/types";
import type { ActionKey } from "../../shared/failures";
import { DONE, PANE_TEXT, POLARITY_CONFIRM_TEXT, POLARITY_TEXT } from "./messages";
import { ProblemList } from "./ProblemList";
import { StatusCounts } from "./StatusCounts";

/** The actions this panel offers, in the order it shows them. */
export type PanelAction = Extract<
  ActionKey,
  "rateRag" | "buildScorecard" | "refreshScorecards" | "saveSnapshot" | "removeRatings" | "insertSampleData" | "insertReviewChecklist"
>;

/** What the last finished action reported. */
export type ActionResult =
  | { readonly kind: "rateRag"; readonly report: RateReport }
  | { readonly kind: "buildScorecard" | "refreshScorecards"; readonly report: ScorecardReport }
  | { readonly kind: "saveSnapshot"; readonly saved: number; readonly reviewDate: string }
  | { readonly kind: "removeRatings"; readonly removedColumns: number }
  | { readonly kind: "insertSampleData"; readonly sheet: string }
  | { readonly kind: "insertReviewChecklist"; readonly sheet: string; readonly created: boolean };

/** Progress of the running action: fraction is null until the action reports one. */
export interface Progress {
  readonly fraction: number | null;
  readonly message: string;
}

const BUTTONS: readonly { key: PanelAction; label: string; icon: React.JSX.Element; primary?: boolean }[] = [
  { key: "rateRag", label: "Rate RAG", icon: <PlayRegular />, primary: true },
  { key: "buildScorecard", label: "Build scorecard", icon: <TableAddRegular /> },
  { key: "refreshScorecards", label: "Refresh scorecards", icon: <ArrowSyncRegular /> },
  { key: "saveSnapshot", label: "Save review snapshot", icon: <CameraRegular /> },
  { key: "removeRatings", label: "Remove ratings", icon: <DeleteRegular /> },
  { key: "insertSampleData", label: "Insert sample data", icon: <DocumentAddRegular /> },
  { key: "insertReviewChecklist", label: "Insert review checklist", icon: <ClipboardTaskListLtrRegular /> },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  button: { justifyContent: "flex-start", textAlign: "start" },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ActionsPanelProps {
  /** The action running now, or null; every button is disabled while one runs. */
  readonly running: ActionKey | null;
  readonly progress: Progress | null;
  readonly result: ActionResult | null;
  readonly onRun: (action: PanelAction) => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
  /** Opens the column mapping (the Data tab), where a Polarity column can be mapped or checked. */
  readonly onOpenMapping?: () => void;
  /** Present while the pane asks to confirm rating on an assumed polarity, before the first rating. */
  readonly polarityQuestion?: { readonly onRateAnyway: () => void; readonly onChoose: () => void };
}

interface Summary {
  readonly lines: readonly string[];
  readonly counts?: Counts;
  readonly problems?: readonly CellProblem[];
  readonly warnings?: readonly string[];
  /** Why nothing could be rated: shown first, above the summary. */
  readonly nothingRated?: string;
  /** Statuses resting on an assumed polarity, to have confirmed. */
  readonly polarityAssumed?: PolarityAssumedReport;
}

/** The words, counts and lists a result is shown with. */
function summarise(result: ActionResult): Summary {
  switch (result.kind) {
    case "rateRag": {
      const r = result.report;
      return { lines: [DONE.rated(r.rated, r.asAt)], counts: r.counts, problems: r.problems, warnings: r.warnings, ...(r.nothingRated ? { nothingRated: r.nothingRated } : {}), ...(r.polarityAssumed ? { polarityAssumed: r.polarityAssumed } : {}) };
    }
    case "buildScorecard":
    case "refreshScorecards": {
      const r = result.report;
      const done = result.kind === "buildScorecard" ? DONE.built(r.sheets) : DONE.refreshed(r.sheets);
      return {
        lines: [done, ...r.renamed.map((x) => DONE.renamed(x.wanted, x.used))],
        counts: r.counts,
        problems: r.problems,
        warnings: r.warnings,
      };
    }
    case "saveSnapshot":
      return { lines: [DONE.snapshot(result.saved, result.reviewDate)] };
    case "removeRatings":
      return { lines: [DONE.removed(result.removedColumns)] };
    case "insertSampleData":
      return { lines: [DONE.sample(result.sheet)] };
    case "insertReviewChecklist":
      return { lines: [DONE.checklist(result.sheet, result.created)] };
  }
}

/**
 * How many statuses rest on an assumed polarity, with the way to the column mapping and, on demand,
 * the indicators (each a button that selects its Polarity cell).
 */
function PolarityCheck({ report, onOpenMapping, onSelectCell }: { report: PolarityAssumedReport; onOpenMapping?: () => void; onSelectCell: (sheet: string, address: string) => void }): React.JSX.Element {
  const [listed, setListed] = React.useState(false);
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{POLARITY_TEXT.title}</MessageBarTitle>
          {POLARITY_TEXT.assumed(report.count, report.hasPolarityColumn)}
        </MessageBarBody>
        <MessageBarActions>
          {onOpenMapping && <Button onClick={onOpenMapping}>{POLARITY_TEXT.openMapping}</Button>}
          <Button aria-expanded={listed} onClick={() => setListed((v) => !v)}>
            {listed ? POLARITY_TEXT.hideList : POLARITY_TEXT.showList(report.count)}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {listed && <ProblemList problems={report.indicators} label={POLARITY_TEXT.listLabel} onSelect={onSelectCell} />}
    </>
  );
}

/**
 * The question before the first rating of a table without a Polarity column
 * (docs/methods.md#polarity-assumed); focus moves to it so a keyboard user answers it at once.
 */
function PolarityQuestion({ onRateAnyway, onChoose }: { onRateAnyway: () => void; onChoose: () => void }): React.JSX.Element {
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), []);
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-labelledby="polarity-question-title" aria-describedby="polarity-question-body">
      <MessageBarBody>
        <MessageBarTitle id="polarity-question-title">{POLARITY_CONFIRM_TEXT.title}</MessageBarTitle>
        <span id="polarity-question-body">{POLARITY_CONFIRM_TEXT.question}</span>
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={first} appearance="primary" onClick={onRateAnyway}>{POLARITY_CONFIRM_TEXT.rateAnyway}</Button>
        <Button onClick={onChoose}>{POLARITY_CONFIRM_TEXT.choose}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** The actions, progress while one runs, and what the last one did. */
export function ActionsPanel({ running, progress, result, onRun, onSelectCell, onOpenMapping, polarityQuestion }: ActionsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const summary = result ? summarise(result) : null;
  return (
    <div className={styles.root}>
      <section aria-labelledby="actions-heading" className={styles.results}>
        <Subtitle2 as="h2" id="actions-heading">
          Actions
        </Subtitle2>
        <div className={styles.grid}>
          {BUTTONS.map((b) => (
            <Button
              key={b.key}
              className={styles.button}
              appearance={b.primary ? "primary" : "secondary"}
              icon={b.icon}
              disabledFocusable={running !== null}
              onClick={() => onRun(b.key)}
            >
              {b.label}
            </Button>
          ))}
        </div>
      </section>

      {polarityQuestion && <PolarityQuestion {...polarityQuestion} />}

      {running !== null && (
        <Field label={progress?.message || PANE_TEXT.working}>
          <ProgressBar value={progress?.fraction ?? undefined} max={1} />
        </Field>
      )}

      <section aria-labelledby="results-heading" className={styles.results}>
        <Subtitle2 as="h2" id="results-heading">
          Results
        </Subtitle2>
        {summary === null ? (
          <Caption1>Results of the last action appear here.</Caption1>
        ) : (
          <>
            {/* Only the one-line summary is announced; the counts and problems are there to read on demand. */}
            <div aria-live="polite">
              {summary.nothingRated && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{summary.nothingRated}</MessageBarBody>
                </MessageBar>
              )}
              <MessageBar intent="success">
                <MessageBarBody>
                  <MessageBarTitle>Done.</MessageBarTitle>
                  {summary.lines.join(" ")}
                </MessageBarBody>
              </MessageBar>
            </div>
            {summary.warnings?.map((w, i) => (
              <MessageBar key={i} intent="warning">
                <MessageBarBody>{w}</MessageBarBody>
              </MessageBar>
            ))}
            {summary.polarityAssumed && <PolarityCheck report={summary.polarityAssumed} onOpenMapping={onOpenMapping} onSelectCell={onSelectCell} />}
            {summary.counts && <StatusCounts counts={summary.counts} label="Indicators by status" />}
            {summary.problems && (
              <>
                <Subtitle2 as="h3">Problems ({summary.problems.length})</Subtitle2>
                <ProblemList problems={summary.problems} label="Problems found by the last action" onSelect={onSelectCell} />
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}
