/**
 * Every word the task pane shows a person, in one place (docs/architecture.md), in UK English
 * and the users' words (indicator, target, baseline, polarity, status, perspective, scorecard).
 */
import type { DotMethod, PresetName } from "../../core/rules/types";
import type { ColumnRole } from "../../excel/types";

/** A preset's name as the pane shows it and its one-line explanation (docs/methods.md#rag-rules). */
export interface Choice {
  readonly label: string;
  readonly explanation: string;
}

/**
 * The presets of docs/methods.md#rag-rules in plain English, in the order the pane lists them.
 *
 * @example
 * PRESET_TEXT.tolerance.label // => "Tolerance (default)"
 */
export const PRESET_TEXT: Readonly<Record<PresetName, Choice>> = {
  tolerance: {
    label: "Tolerance (default)",
    explanation: "Green when the target is met; Amber when short by no more than the tolerance; Red otherwise.",
  },
  stretch: {
    label: "Stretch",
    explanation:
      "Green when all the planned improvement from baseline to target is made; Amber when at least the threshold share of it is made; Red otherwise.",
  },
  trajectory: {
    label: "Trajectory",
    explanation:
      "Green when on or ahead of the straight line from baseline to target at the as-at period; Amber when within the tolerance of it; Red otherwise.",
  },
  floor: {
    label: "Floor standard",
    explanation: "Green when the target is met; Amber when the floor is met but not the target; Red when below the floor.",
  },
  improvement: {
    label: "Improvement-aware",
    explanation:
      "Green when within the tolerance of the target or better; Amber when outside it but better than the same period a year earlier; Red otherwise.",
  },
  benchmark: {
    label: "Benchmark",
    explanation:
      "Green when significantly better than the benchmark (its confidence interval clears it); Amber when similar; Red when significantly worse.",
  },
  spc: {
    label: "SPC (Making Data Count)",
    explanation:
      "Variation: is the latest point a special cause (improvement or concern) or the usual noise; assurance: do the process limits always meet the target (passing), never (failing) or sometimes (hit and miss). Red for concern or failing, Amber for hit and miss, Green for passing or improvement.",
  },
};

/** Direction-of-travel methods of docs/methods.md#direction-of-travel in plain English. */
export const DOT_TEXT: Readonly<Record<DotMethod, Choice>> = {
  previous: { label: "Previous period", explanation: "Compares the latest value with the one just before it." },
  yearEarlier: {
    label: "Same period a year earlier",
    explanation: "Compares the latest value with the same period a year before, so seasonal swings do not count.",
  },
  slope: {
    label: "Trend over recent periods",
    explanation: "Uses the direction of the straight-line trend through the latest few values.",
  },
  recentTrend: {
    label: "Recent trend (public health profiles)",
    explanation: "The profiles' recent trend over the latest 5 periods with confidence limits: getting better, getting worse or no significant change.",
  },
};

/** The benchmark comparison levels of docs/methods.md#benchmark-level in plain English. */
export const BENCHMARK_LEVEL_TEXT: Readonly<Record<"95" | "99.8", Choice>> = {
  "95": { label: "95%", explanation: "Compares with the benchmark through the 95% confidence limits, as most profiles do." },
  "99.8": { label: "99.8%", explanation: "Compares through 99.8% limits (from the counts, or widened from the 95% limits), so fewer areas differ by chance." },
};

/** The Benchmark preset's method (docs/methods.md#funnel-rag): one line each. */
export const BENCHMARK_METHOD_TEXT: Readonly<Record<"interval" | "funnel", Choice>> & { readonly label: string } = {
  label: "Benchmark comparison",
  interval: { label: "Confidence interval", explanation: "Compares each value's confidence interval with the benchmark." },
  funnel: { label: "Funnel plot", explanation: "Rates each area on a funnel plot of all areas (from the Count and Denominator columns); other tables keep the interval." },
};

/** What each column role means, as the column mapping lists it. */
export const ROLE_TEXT: Readonly<Record<ColumnRole, string>> = {
  id: "Indicator id",
  title: "Indicator title",
  perspective: "Perspective or theme",
  objective: "Objective",
  polarity: "Polarity",
  unit: "Unit",
  baseline: "Baseline",
  baselinePeriod: "Baseline period",
  target: "Target",
  actual: "Actual",
  period: "Period",
  value: "Value",
  weight: "Weight",
  owner: "Owner",
  tolerance: "Tolerance (per indicator)",
  rule: "Rule (per indicator)",
  floor: "Floor",
  benchmark: "Benchmark",
  lowerCi: "Lower confidence limit",
  upperCi: "Upper confidence limit",
  area: "Area",
  areaCode: "Area code",
  commentary: "Commentary",
  count: "Count",
  denominator: "Denominator",
  sex: "Sex",
  age: "Age",
  categoryType: "Category type",
  category: "Category (e.g. deprivation decile)",
  parentCode: "Parent (region) code",
  parentName: "Parent (region) name",
  median: "Median of the comparator group",
  rankOrder: "Rank order (which direction is good)",
  comparison: "Compared to England verdict",
  valueNote: "Value note",
  userStatus: "Your own status (kept as it is)",
  ignore: "Ignore this column",
};

/** Hints under the rule fields: one line each, what the choice does. */
export const FIELD_HINTS = {
  tolerance: "How far short of target still counts as Amber, as a percentage of the target (5% of a target of 80 is 4).",
  improvementTolerance: "How far from target still counts as Green, as a percentage of the target.",
  stretchThreshold: "The share of the planned improvement that counts as Amber; 60% is the Performance Reward Grant rule.",
  blueOn: "Rate Blue when the target is beaten by a clear margin.",
  blueOff: "No indicator is rated Blue.",
  blueMargin: "Blue when the target is beaten by at least this percentage of the target.",
  asAt: "The period or date to rate as at, e.g. 2009/10, Q3 2009/10 or 2010-03-31. Leave blank for the latest period with an actual.",
  dotThreshold: "Changes no bigger than this percentage of the earlier value count as No change.",
  slopePeriods: "How many of the latest periods the trend line uses.",
} as const;

/** The benchmark area choice of a table with benchmark rows (docs/methods.md#benchmark-area). */
export const BENCHMARK_AREA_TEXT = {
  label: "Benchmark area",
  england: { label: "England", explanation: "Each area is compared with the England row (E92000001) of the same indicator, period and other dimensions." },
  region: { label: "Region", explanation: "Each area is compared with the row of its region, the area named in its Parent Code column." },
  area: { label: "Another area", explanation: "Each area is compared with the rows of the area you name, by its code or name as the table writes it." },
  areaField: "Area code or name",
  areaPlaceholder: "For example E12000007 or London region",
  areaMissing: "Type the code or name of the area to compare with.",
} as const;

/** Says how many statuses rest on an assumed polarity after Rate RAG (docs/methods.md#polarity-assumed). */
export const POLARITY_TEXT = {
  title: "Check the polarity",
  assumed: (n: number, hasColumn: boolean) =>
    `${n === 1 ? "1 status rests" : `${n} statuses rest`} on an assumed polarity (higher is better), because ${hasColumn ? "the Polarity cell is blank" : "the table has no Polarity column"}. Where lower is better, ${hasColumn ? "fill in the Polarity cell" : "add a Polarity column"} and rate again.`,
  openMapping: "Open the column mapping",
  showList: (n: number) => `Show the ${n === 1 ? "indicator" : `${n} indicators`}`,
  hideList: "Hide the list",
  listLabel: "Indicators rated with an assumed polarity",
} as const;

/** Words for the question asked before the first rating of a table without a Polarity column. */
export const POLARITY_CONFIRM_TEXT = {
  title: "No Polarity column",
  question: "This table has no Polarity column, so every indicator will be rated as higher is better.",
  rateAnyway: "Rate anyway",
  choose: "Choose the Polarity column",
} as const;

/** Words for the data source. */
export const SOURCE_TEXT = {
  layout: { wide: "Wide: one column per period", long: "Long: one row per indicator and period" },
  kind: { table: "Excel table", range: "Range", name: "Named range" },
} as const;

/** Validation messages for the rule fields. */
export const VALIDATION = {
  percent: (what: string, max: number) => `${what} must be a number from 0 to ${max} (a percentage).`,
  wholeNumber: (what: string, min: number, max: number) => `${what} must be a whole number from ${min} to ${max}.`,
  fixFirst: "Some rules need correcting before they can be saved: see the messages under the fields.",
} as const;

/** Messages after an action succeeds. */
export const DONE = {
  rated: (rated: number, asAt: string) =>
    `Rated ${rated} ${rated === 1 ? "indicator" : "indicators"} as at ${asAt}.`,
  built: (sheets: readonly string[]) =>
    sheets.length === 0 ? "No scorecard sheet was needed." : `Built ${listOf(sheets)}.`,
  refreshed: (sheets: readonly string[]) =>
    sheets.length === 0 ? "There were no scorecard sheets to refresh." : `Refreshed ${listOf(sheets)}.`,
  renamed: (wanted: string, used: string) => `A sheet of yours is already called "${wanted}", so the scorecard went on "${used}".`,
  snapshot: (saved: number, reviewDate: string) =>
    `Saved a review snapshot of ${saved} ${saved === 1 ? "indicator" : "indicators"} dated ${reviewDate}.`,
  removed: (columns: number) =>
    columns === 0 ? "There were no rating columns to remove." : `Removed ${columns} rating ${columns === 1 ? "column" : "columns"}.`,
  sample: (sheet: string) => `Sample indicators are on the sheet "${sheet}".`,
  checklist: (sheet: string, created: boolean) =>
    created ? `The review checklist is on the sheet "${sheet}": answer each question with evidence, a status and actions.` : `The review checklist is already on the sheet "${sheet}"; your answers were left as they are.`,
  rulesSaved: "Rules saved in this workbook.",
  mappingSaved: "Column mapping saved in this workbook.",
  mappingReset: "Column mapping set back to automatic detection.",
} as const;

function listOf(sheets: readonly string[]): string {
  const quoted = sheets.map((s) => `"${s}"`);
  const noun = sheets.length === 1 ? "sheet" : "sheets";
  return `${noun} ${quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}` : quoted[0]}`;
}

/** Words around the whole pane. */
export const PANE_TEXT = {
  outsideExcelTitle: "Open this panel from Excel",
  outsideExcel:
    "LAA Scorecard works on the workbook open in Excel. In Excel, open it from the Home tab (LAA Scorecard group); nothing here is connected to a workbook.",
  unsupportedTitle: (feature: string) => `${feature} is not available in this Excel`,
  loadWarningsTitle: "Some saved settings could not be used",
  working: "Working…",
  noSource: "No indicator table found yet.",
  problemsMore: (shown: number, total: number) => `Showing the first ${shown} of ${total} problems.`,
  noProblems: "No problems found.",
  methodsGuide: "Methods guide",
  methodsGuideAbout: "What every number and status means, and how it is worked out (opens in a new window).",
} as const;
