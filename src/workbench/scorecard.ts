/**
 * The scorecard commands the workbench hands the task pane. The scorecard module (issue 10) is not
 * merged yet, so there are none and Build scorecard says honestly that it is not available; once
 * src/excel/scorecard/index.ts exists this file exports its `scorecardCommands` instead.
 */
import type { ScorecardCommands } from "../excel/actions";

export const scorecardCommands: ScorecardCommands | undefined = undefined;
