/**
 * Whether the pane asks, before Rate RAG, to confirm that every indicator is to be rated as higher is
 * better (docs/methods.md#polarity-assumed). Pure: the detection and the stored settings come in.
 */
import type { DataSourceInfo, Detected, WorkbookSettings } from "../../excel/types";

/**
 * The source a confirmation is remembered for: a table or named range by its name, a plain range by
 * its sheet and top-left cell (rows added below keep the key).
 */
export function sourceKey(source: DataSourceInfo): string {
  if (source.kind !== "range" && source.name) return `${source.kind}:${source.name}`;
  return `range:${source.sheet}!${source.address.split(":")[0]}`;
}

/**
 * True when the table has no Polarity column, some statuses would rest on the assumed polarity (not
 * National Indicators, whose polarity the add-in knows, nor a table giving its own clues), the add-in
 * has not rated it before and the user has not confirmed it already.
 */
export function needsPolarityConfirmation(detection: Detected | null, settings: WorkbookSettings): boolean {
  if (detection === null) return false;
  if (detection.mapping.some((m) => m.role === "polarity")) return false;
  if ((detection.polarityAssumed ?? 0) === 0 || detection.rated === true) return false;
  return !(settings.polarityConfirmed ?? []).includes(sourceKey(detection.source));
}

/** The settings with the confirmation for this source remembered. */
export function withPolarityConfirmed(settings: WorkbookSettings, source: DataSourceInfo): WorkbookSettings {
  const key = sourceKey(source);
  const known = settings.polarityConfirmed ?? [];
  return known.includes(key) ? settings : { ...settings, polarityConfirmed: [...known, key] };
}
