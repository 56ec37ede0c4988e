/**
 * THE ONE PLACE where the regional sample takes its confidence limits from the calculation core.
 *
 * PENDING: the core's exact/Byars rate interval (src/core/stats, DOMAIN.md section 8) has not landed
 * on this branch yet. Until it does this is null, and the generator writes the regional workbook
 * without confidence-limit columns rather than with invented ones.
 */
import { type RateInterval } from "./region";

/** The core's 95% rate interval, or null while it is not available. */
export const regionRateInterval: RateInterval | null = null;
