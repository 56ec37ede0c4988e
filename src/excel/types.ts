/**
 * Plain data that crosses from the Excel layer to the task pane, the ribbon command and the
 * headless runner. Nothing here touches Office; the task pane's components take these as props.
 */
import type { RuleSettings, Status } from "../core/rules/types";

/** A data problem with the cell it was found in (docs/architecture.md: every problem names sheet and cell). */
export interface CellProblem {
  readonly sheet: string;
  /** A1 address of the cell (or range) without the sheet, e.g. "D7". */
  readonly address: string;
  readonly message: string;
  /** The indicator the row belongs to, when known. */
  readonly indicatorId?: string;
}

/** What a column of the indicator table means. */
export type ColumnRole =
  | "id" | "title" | "perspective" | "objective" | "polarity" | "unit"
  | "baseline" | "baselinePeriod" | "target" | "actual" | "period" | "value"
  | "weight" | "owner" | "tolerance" | "rule" | "floor" | "benchmark" | "lowerCi" | "upperCi"
  | "area" | "areaCode" | "commentary" | "count" | "denominator"
  // Dimensions and clues of public-source tables (docs/methods.md#benchmark-rows).
  | "sex" | "age" | "categoryType" | "category" | "parentCode" | "parentName"
  | "median" | "rankOrder" | "comparison" | "valueNote" | "userStatus"
  | "ignore";

/** One column of the source and the role it plays; wide layouts give period columns a period label. */
export interface ColumnMappingEntry {
  /** 0-based column index within the source range. */
  readonly column: number;
  readonly header: string;
  readonly role: ColumnRole;
  /** For a target or actual column of a wide layout: the period it belongs to, e.g. "2009/10". */
  readonly period?: string;
}

/** Where the indicator data was found. */
export interface DataSourceInfo {
  readonly sheet: string;
  /** A1 address of the whole source including its header row, e.g. "A3:P40". */
  readonly address: string;
  readonly kind: "table" | "range" | "name";
  /** Table or range name when kind is "table" or "name". */
  readonly name?: string;
  readonly layout: "wide" | "long";
  /** Data rows below the header. */
  readonly rows: number;
}

/** Counts by status, always with all five statuses. */
export type StatusCounts = Readonly<Record<Status, number>>;

/** What Rate RAG reports. */
export interface RateReport {
  readonly source: DataSourceInfo;
  /** The as-at period used, as a label ("2009/10") or ISO date. */
  readonly asAt: string;
  readonly rated: number;
  readonly counts: StatusCounts;
  readonly problems: readonly CellProblem[];
  /** Things the user should know that are not about one cell (e.g. settings fell back to defaults). */
  readonly warnings: readonly string[];
  /** Why nothing could be rated, with what to add, when the table has nothing to compare with; shown first. */
  readonly nothingRated?: string;
  /** Present when some statuses rest on an assumed polarity (docs/methods.md#polarity-assumed), for the pane to ask. */
  readonly polarityAssumed?: PolarityAssumedReport;
}

/** The statuses that rest on an assumed polarity (higher is better), for the pane to have them confirmed. */
export interface PolarityAssumedReport {
  readonly count: number;
  /** Whether the table has a Polarity column (its blank cells are the ones to fill in), or one is to be added. */
  readonly hasPolarityColumn: boolean;
  /** Each indicator with the cell to go to: its Polarity cell, or its row's first cell. */
  readonly indicators: readonly CellProblem[];
}

/** What Build scorecard / Refresh scorecards report. */
export interface ScorecardReport {
  readonly sheets: readonly string[];
  /** Sheets that could not take their usual name because a user's sheet has it. */
  readonly renamed: readonly { readonly wanted: string; readonly used: string }[];
  readonly counts: StatusCounts;
  readonly problems: readonly CellProblem[];
  readonly warnings: readonly string[];
}

/** The workbook's stored settings. */
export interface WorkbookSettings {
  readonly rules: RuleSettings;
  /** Column mapping overrides by header text; absent means detect automatically. */
  readonly mapping: readonly ColumnMappingEntry[] | null;
  /**
   * Sources (sourceKey in src/taskpane/components/polarity-confirm.ts) whose rating on an assumed
   * polarity the user confirmed in the task pane, so it is not asked again (docs/methods.md#polarity-assumed).
   */
  readonly polarityConfirmed?: readonly string[];
}

/** Progress of a long action, for the task pane's progress bar (0..1) and its words. */
export type ProgressListener = (fraction: number, message: string) => void;

/** The indicator table under the selection, as detect finds it. */
export interface Detected {
  readonly source: DataSourceInfo;
  readonly mapping: readonly ColumnMappingEntry[];
  readonly problems: readonly CellProblem[];
  /** How many statuses would rest on an assumed polarity (docs/methods.md#polarity-assumed); 0 when none. */
  readonly polarityAssumed?: number;
  /** True when the add-in has rated this source before (its output columns are recorded). */
  readonly rated?: boolean;
}

/** Everything the task pane and the ribbon can ask the workbook to do. */
export interface LaaActions {
  detect(): Promise<Detected>;
  rateRag(onProgress?: ProgressListener): Promise<RateReport>;
  buildScorecard(onProgress?: ProgressListener): Promise<ScorecardReport>;
  refreshScorecards(onProgress?: ProgressListener): Promise<ScorecardReport>;
  saveSnapshot(): Promise<{ readonly saved: number; readonly reviewDate: string }>;
  removeRatings(): Promise<{ readonly removedColumns: number }>;
  insertSampleData(): Promise<{ readonly sheet: string }>;
  /** Adds the partnership review checklist sheet, or returns the existing one untouched. */
  insertReviewChecklist(): Promise<{ readonly sheet: string; readonly created: boolean }>;
  loadSettings(): Promise<{ readonly settings: WorkbookSettings; readonly warnings: readonly string[] }>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
}
