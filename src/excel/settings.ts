/**
 * The workbook's stored settings (rules and column mapping), through Excel's settings collection
 * (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection, ExcelApi 1.4): values
 * are JSON-serialisable and travel with the workbook. Read values are validated (settings-schema.ts).
 */
import { parseWorkbookSettings } from "./settings-schema";
import type { WorkbookSettings } from "./types";

/** The key the add-in's rules and mapping are stored under. */
export const SETTINGS_KEY = "laa-scorecard.settings";

/** Reads the stored settings; corrupt or unknown settings give the defaults and a warning. */
export async function loadSettings(context: Excel.RequestContext): Promise<{ settings: WorkbookSettings; warnings: string[] }> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  return parseWorkbookSettings(item.isNullObject ? null : item.value);
}

/** Stores the settings in the workbook (they are saved with it). */
export async function saveSettings(context: Excel.RequestContext, settings: WorkbookSettings): Promise<void> {
  const confirmed = settings.polarityConfirmed && settings.polarityConfirmed.length > 0 ? { polarityConfirmed: settings.polarityConfirmed } : {};
  context.workbook.settings.add(SETTINGS_KEY, { rules: settings.rules, mapping: settings.mapping, ...confirmed });
  await context.sync();
}
