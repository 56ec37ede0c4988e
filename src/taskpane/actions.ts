/**
 * Where the task pane gets its LaaActions: the Excel implementation (src/excel) over Office's own
 * Excel.run when the pane runs inside Excel, and null elsewhere, where the pane says honestly that it
 * is not connected to a workbook rather than showing made-up data.
 */
import { createLaaActions } from "../excel/actions";
import type { LaaActions } from "../excel/types";

/**
 * The actions the task pane runs against the open workbook; null when there is no workbook to work on
 * (outside Office, or in an Office host other than Excel).
 *
 * @example
 * createActions() // => null in a plain browser tab; the Excel actions inside Excel
 */
export function createActions(): LaaActions | null {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return null;
  if (Office.context?.host !== Office.HostType.Excel) return null;
  return createLaaActions((batch) => Excel.run(batch));
}
