/**
 * Turns a rejected action into words a person can act on: what did not happen and what to do next.
 * Technical detail (stack traces, API error codes) never reaches the screen; the pane logs it with
 * console.error instead (docs/architecture.md: the Excel layer never swallows an error, the
 * task pane shows it).
 */

/** The things the pane can ask the workbook to do. */
export type ActionKey =
  | "detect" | "rateRag" | "buildScorecard" | "refreshScorecards" | "saveSnapshot"
  | "removeRatings" | "insertSampleData" | "insertReviewChecklist" | "loadSettings" | "saveSettings" | "selectCell";

/** What the error MessageBar shows. */
export interface Failure {
  readonly title: string;
  readonly detail: string;
  readonly nextStep: string;
}

const GENERAL: Readonly<Record<ActionKey, Failure>> = {
  detect: {
    title: "No indicator table found",
    detail: "The pane could not find a table of indicators on the active sheet.",
    nextStep: "Select a cell inside your indicator table and press Detect again.",
  },
  rateRag: {
    title: "Rate RAG did not finish",
    detail: "No new ratings were confirmed.",
    nextStep: "Select a cell inside your indicator table and try again.",
  },
  buildScorecard: {
    title: "The scorecard was not built",
    detail: "The scorecard sheet could not be completed.",
    nextStep: "Select a cell inside your indicator table and try again.",
  },
  refreshScorecards: {
    title: "The scorecards were not refreshed",
    detail: "The scorecard sheets could not be brought up to date.",
    nextStep: "Check that the indicator table is still in place, then try again; Build scorecard makes a new one.",
  },
  saveSnapshot: {
    title: "The review snapshot was not saved",
    detail: "The statuses could not be copied to the snapshot sheet.",
    nextStep: "Run Rate RAG first, then try again.",
  },
  removeRatings: {
    title: "The ratings were not removed",
    detail: "The add-in's rating columns could not be removed.",
    nextStep: "Select a cell inside your indicator table and try again.",
  },
  insertSampleData: {
    title: "The sample data was not inserted",
    detail: "A sheet of sample indicators could not be added.",
    nextStep: "Check that the workbook is not protected, then try again.",
  },
  insertReviewChecklist: {
    title: "The review checklist was not inserted",
    detail: "The checklist sheet could not be added.",
    nextStep: "Check that the workbook is not protected, then try again.",
  },
  loadSettings: {
    title: "Saved settings could not be read",
    detail: "The pane is showing the default rules instead.",
    nextStep: "Check the rules on the Rules tab and press Save rules to store them again.",
  },
  saveSettings: {
    title: "The settings were not saved",
    detail: "The workbook did not accept the settings.",
    nextStep: "Check that the workbook is not read-only or protected, then press Save again.",
  },
  selectCell: {
    title: "That cell could not be selected",
    detail: "Its sheet may have been renamed, hidden or deleted.",
    nextStep: "Run the action again to refresh the list of problems.",
  },
};

/**
 * Failures that Excel reports with a known code (OfficeExtension.Error.code, listed in Microsoft's
 * "Error handling with the application-specific JavaScript APIs" page) and that a person can fix.
 */
const BY_CODE: Readonly<Record<string, Omit<Failure, "title">>> = {
  InvalidOperationInCellEditMode: {
    detail: "Excel is still editing a cell.",
    nextStep: "Press Enter or Esc to finish editing the cell, then try again.",
  },
  AccessDenied: {
    detail: "Excel refused the change: the sheet or workbook may be protected or read-only.",
    nextStep: "Unprotect the sheet (Review, Unprotect Sheet) or save an editable copy, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    detail: "The table is larger than Excel can pass to an add-in in one go.",
    nextStep: "Rate a smaller table (for example one perspective per sheet) and try again.",
  },
  ResponsePayloadSizeLimitExceeded: {
    detail: "The table is larger than Excel can pass to an add-in in one go.",
    nextStep: "Rate a smaller table (for example one perspective per sheet) and try again.",
  },
  ItemNotFound: {
    detail: "A sheet or table the add-in needed is no longer there.",
    nextStep: "Select a cell inside your indicator table and try again.",
  },
  ActivityLimitReached: {
    detail: "Excel is busy with too many requests.",
    nextStep: "Wait a moment and try again.",
  },
  ServiceNotAvailable: {
    detail: "Excel could not reach its service.",
    nextStep: "Check your connection, wait a moment and try again.",
  },
};

/**
 * How the Excel layer can word a failure for people itself: an Error carrying `userMessage` (and
 * optionally `nextStep`) is shown with those words. This is a convention, not part of LaaActions.
 */
interface WordedError {
  readonly userMessage?: unknown;
  readonly nextStep?: unknown;
  readonly code?: unknown;
}

/**
 * The MessageBar text for a rejected action: the error's own words when it carries them
 * (`userMessage`), else the words for a known Excel error code, else the action's general words.
 *
 * @example
 * describeFailure("rateRag", new Error("x is undefined")).nextStep
 * // => "Select a cell inside your indicator table and try again."
 */
export function describeFailure(action: ActionKey, error: unknown): Failure {
  const general = GENERAL[action];
  const worded: WordedError = typeof error === "object" && error !== null ? (error as WordedError) : {};
  if (typeof worded.userMessage === "string" && worded.userMessage.trim() !== "") {
    return {
      title: general.title,
      detail: worded.userMessage,
      nextStep: typeof worded.nextStep === "string" && worded.nextStep.trim() !== "" ? worded.nextStep : general.nextStep,
    };
  }
  const known = typeof worded.code === "string" ? BY_CODE[worded.code] : undefined;
  return known ? { title: general.title, ...known } : general;
}
