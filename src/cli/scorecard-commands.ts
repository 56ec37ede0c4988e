/**
 * The scorecard commands the runner can call (scorecard, refresh, snapshot). They come from
 * src/excel/scorecard once that module is part of the build; until then this is null and the runner
 * says those commands are not available (exit 2).
 */
import type { ScorecardCommands } from "../excel/actions";

/** The scorecard module's commands, or null in a build without it. */
export const scorecardCommands: ScorecardCommands | null = null;
