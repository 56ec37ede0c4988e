/**
 * --rules and --as-at: rule settings for every file of a run. The rules file is RuleSettings as JSON
 * (src/core/rules/types.ts), any subset of fields, merged over DEFAULT_RULE_SETTINGS and validated by
 * the core's validateRuleSettings (unknown fields are rejected, so a misspelt setting never passes
 * silently). Problems are usage errors (exit 2): nothing is read or written before they are fixed.
 */
import { readFile } from "node:fs/promises";
import { validateRuleSettings } from "../core/rules/ruleset";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "../core/rules/types";
import type { WorkbookSettings } from "../excel/types";
import { usage } from "./messages";

/** What the command line sets: a whole rule set, an as-at, both or neither. */
export interface RulesOverride {
  readonly rules: RuleSettings | null;
  readonly asAt: string | null;
}

/**
 * Reads and checks --rules and --as-at.
 * @example await loadRulesOverride(null, "2009/10") // => { ok: true, value: { rules: null, asAt: "2009/10" } }
 */
export async function loadRulesOverride(rulesFile: string | null, asAt: string | null): Promise<{ ok: true; value: RulesOverride } | { ok: false; message: string }> {
  if (asAt !== null && !validateRuleSettings({ ...DEFAULT_RULE_SETTINGS, asAt }).ok) return { ok: false, message: usage.badAsAt(asAt) };
  if (rulesFile === null) return { ok: true, value: { rules: null, asAt } };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(rulesFile, "utf8"));
  } catch (e) {
    return { ok: false, message: usage.rulesUnreadable(rulesFile, (e as Error).message) };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return { ok: false, message: usage.rulesInvalid(rulesFile, "it must be a JSON object of rule settings.") };
  const merged = { ...DEFAULT_RULE_SETTINGS, ...(json as object), ...(asAt !== null ? { asAt } : {}) };
  const checked = validateRuleSettings(merged);
  if (!checked.ok) return { ok: false, message: usage.rulesInvalid(rulesFile, checked.problem.message) };
  return { ok: true, value: { rules: checked.value, asAt } };
}

/**
 * The settings one file is run with: the override's rules (or the workbook's own) with the override's
 * as-at; the workbook's column mapping is kept (it describes that file's columns, not the rules).
 * Null when nothing is overridden, so the add-in reads the workbook's settings itself.
 * @example settingsFor({ rules: null, asAt: "2009/10" }, stored).rules.asAt // => "2009/10"
 */
export function settingsFor(override: RulesOverride, stored: WorkbookSettings): WorkbookSettings | null {
  if (override.rules === null && override.asAt === null) return null;
  const rules = override.rules ?? stored.rules;
  return { rules: override.asAt !== null ? { ...rules, asAt: override.asAt } : rules, mapping: stored.mapping };
}
