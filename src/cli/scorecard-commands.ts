/**
 * The scorecard commands the runner calls (scorecard, refresh, snapshot): src/excel/scorecard's own,
 * the same the task pane and the ribbon use. Typed as possibly null so a build without the module
 * can set this to null; the runner then says those commands are not available (exit 2).
 */
import type { ScorecardCommands } from "../excel/actions";
import { scorecardCommands as commands } from "../excel/scorecard";

/** The scorecard module's commands, or null in a build without it. */
export const scorecardCommands: ScorecardCommands | null = commands;
