/**
 * The scorecard commands the workbench hands the task pane (src/excel/scorecard). The
 * workbench has no bundle budget, so they are imported directly.
 */
export { scorecardCommands } from "../excel/scorecard";
