/**
 * The JSON report (--report): one entry per file with what was done, rows rated, counts by status,
 * every problem with sheet, cell and message, and the emulator's counters for the command's run.
 */
import type { Counters } from "../emulator";
import type { StatusCounts } from "../excel/types";
import type { Command } from "./args";

/** What happened to one file. */
export type FileOutcome =
  | "done"
  /** The file could not be read (missing, unreadable, not an .xlsx). */
  | "unreadable"
  /** The command found nothing it could work on (no indicator table): the file was not written. */
  | "not-done"
  /** The file holds parts the writer cannot keep, and --force was not given. */
  | "refused"
  /** The output could not be written. */
  | "unwritable";

/** One data problem, as the report gives it. */
export interface ReportProblem {
  readonly sheet: string;
  /** A1 address of the cell (or range), e.g. "D7". */
  readonly cell: string;
  readonly message: string;
  readonly indicatorId?: string;
}

/** One file's entry. */
export interface FileReport {
  /** The input path as given (after pattern expansion). */
  readonly file: string;
  readonly command: Command;
  readonly outcome: FileOutcome;
  /** Where the result was written; null when nothing was written. */
  readonly output: string | null;
  /** Why the file was not done, in words for a person, and what to do next. */
  readonly message?: string;
  readonly nextStep?: string;
  /** Where the indicator table was found and how the runner chose it. */
  readonly source?: { readonly sheet: string; readonly address: string; readonly kind: string; readonly name?: string; readonly layout?: string; readonly chosenBy: string };
  readonly asAt?: string;
  readonly rowsRated?: number;
  readonly counts?: StatusCounts;
  readonly problems: readonly ReportProblem[];
  readonly warnings: readonly string[];
  /** What the writer could not keep (only with --force, or listed on refusal). */
  readonly lost?: readonly string[];
  /** Sheets written by scorecard/refresh. */
  readonly sheets?: readonly string[];
  /** The review snapshot saved by snapshot. */
  readonly snapshot?: { readonly saved: number; readonly reviewDate: string };
  /** The emulator's counters for the command's Excel.run: syncs, request and response bytes, cells. */
  readonly counters?: Counters;
  /** Wall time for this file in milliseconds (reading, running, checking, writing). */
  readonly milliseconds: number;
}

/** The whole report. */
export interface RunReport {
  readonly tool: "laa-scorecard";
  readonly command: Command;
  readonly startedAt: string;
  readonly exitCode: number;
  readonly files: readonly FileReport[];
}
