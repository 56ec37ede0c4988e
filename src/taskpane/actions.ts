/**
 * Where the task pane gets its LaaActions. The integrator fills this with the Excel implementation
 * (src/excel); until then it returns null and the pane says honestly that it is not connected to a
 * workbook rather than showing made-up data.
 */
import type { LaaActions } from "../excel/types";

/**
 * The actions the task pane runs against the open workbook; null when there is no workbook to work on.
 *
 * @example
 * createActions() // => null (until the Excel implementation is wired in)
 */
export function createActions(): LaaActions | null {
  return null;
}
