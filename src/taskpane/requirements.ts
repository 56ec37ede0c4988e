/**
 * Which feature needs which Office requirement set, so that on an Excel too old for one the pane can
 * say which feature and why. Sets and versions from Microsoft's "Excel JavaScript API requirement
 * sets" pages (learn.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel/...).
 * Pure: the entry file passes Office.context.requirements.isSetSupported in.
 */
import type { UnsupportedFeature } from "./components/App";

/** One feature and the requirement set it needs. */
export interface FeatureRequirement {
  readonly feature: string;
  readonly set: string;
  readonly version: string;
  /** The API in that set the feature uses, in words. */
  readonly uses: string;
}

/** The add-in's features and the requirement sets they need, oldest first. */
export const FEATURE_REQUIREMENTS: readonly FeatureRequirement[] = [
  { feature: "Scorecard charts", set: "ExcelApi", version: "1.1", uses: "charts" },
  { feature: "Saving rules in the workbook", set: "ExcelApi", version: "1.4", uses: "workbook settings" },
  { feature: "Status colours on rated cells", set: "ExcelApi", version: "1.6", uses: "conditional formats" },
  { feature: "Fast writing of large tables", set: "ExcelApi", version: "1.9", uses: "pausing screen updates while writing" },
  { feature: "Worksheet functions such as =LAAGAP", set: "CustomFunctionsRuntime", version: "1.3", uses: "custom functions that explain their errors" },
  { feature: "Ribbon buttons that work with the pane closed", set: "SharedRuntime", version: "1.1", uses: "the shared runtime" },
];


/**
 * The features whose requirement set this Excel does not support, each with a reason a person can act on.
 *
 * @example
 * findUnsupported((set, version) => !(set === "ExcelApi" && version === "1.9"))
 * // => [{ feature: "Fast writing of large tables", why: "It needs ExcelApi 1.9 (pausing screen updates ...) ..." }]
 */
export function findUnsupported(isSetSupported: (set: string, version: string) => boolean): UnsupportedFeature[] {
  return FEATURE_REQUIREMENTS.filter((r) => !isSetSupported(r.set, r.version)).map((r) => ({
    feature: r.feature,
    why: `It needs ${r.set} ${r.version} (${r.uses}), which this version of Excel does not have. Update Excel, or use Excel on the web.`,
  }));
}
