/**
 * The schema of what the add-in stores in a workbook's settings, checked every time it is read
 * (docs/architecture.md: settings read from a workbook are validated; unknown or corrupt settings fall back
 * to defaults with a visible warning). Rules are checked by the core's validateRuleSettings; the
 * column mapping by a zod schema (zod rather than ajv: ajv generates code with new Function, which
 * the pages' Content-Security-Policy forbids).
 */
import { z } from "zod";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "../core/rules/types";
import { validateRuleSettings } from "../core/rules/ruleset";
import type { ColumnMappingEntry, WorkbookSettings } from "./types";

const roles = [
  "id", "title", "perspective", "objective", "polarity", "unit", "baseline", "baselinePeriod", "target", "actual", "period", "value",
  "weight", "owner", "tolerance", "rule", "floor", "benchmark", "lowerCi", "upperCi", "area", "areaCode", "commentary", "count", "denominator", "ignore",
] as const;

export const mappingEntrySchema = z.object({
  column: z.number().int().min(0).max(16383),
  header: z.string().max(255),
  role: z.enum(roles),
  period: z.string().max(40).optional(),
});

export const DEFAULT_WORKBOOK_SETTINGS: WorkbookSettings = { rules: DEFAULT_RULE_SETTINGS, mapping: null };

/**
 * Reads stored settings. Missing settings are the defaults with no warning; anything that does not
 * fit the schema falls back to the defaults for the part that is wrong, with a warning that says so.
 */
export function parseWorkbookSettings(raw: unknown): { settings: WorkbookSettings; warnings: string[] } {
  if (raw === null || raw === undefined) return { settings: DEFAULT_WORKBOOK_SETTINGS, warnings: [] };
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return { settings: DEFAULT_WORKBOOK_SETTINGS, warnings: ["The LAA Scorecard settings stored in this workbook could not be read, so the default rules and automatic column detection are used."] };
    }
  }
  const warnings: string[] = [];
  if (Array.isArray(value)) {
    return { settings: DEFAULT_WORKBOOK_SETTINGS, warnings: ["The LAA Scorecard settings stored in this workbook are a list, not the expected settings, so the default rules and automatic column detection are used."] };
  }
  const obj = (value !== null && typeof value === "object" ? value : {}) as { rules?: unknown; mapping?: unknown; polarityConfirmed?: unknown };
  // JSON.parse makes "__proto__" an ordinary key; like any unknown key it is ignored, and said so.
  const unknown = Object.keys(obj).filter((k) => k !== "rules" && k !== "mapping" && k !== "polarityConfirmed");
  if (unknown.length > 0) warnings.push(`The LAA Scorecard settings stored in this workbook hold entries it does not know (${unknown.slice(0, 5).join(", ")}), which are ignored.`);
  let rules: RuleSettings = DEFAULT_RULE_SETTINGS;
  if (obj.rules !== undefined) {
    // Settings saved by an older version may lack newer fields: those take their defaults.
    const merged = typeof obj.rules === "object" && obj.rules !== null ? { ...DEFAULT_RULE_SETTINGS, ...obj.rules } : obj.rules;
    const parsed = validateRuleSettings(merged);
    if (parsed.ok) rules = parsed.value;
    else warnings.push(`The stored rules are not valid (${parsed.problem.message}), so the default rules (Tolerance, 5% amber band) are used.`);
  }
  let mapping: readonly ColumnMappingEntry[] | null = null;
  if (obj.mapping !== undefined && obj.mapping !== null) {
    const parsed = z.array(mappingEntrySchema).safeParse(obj.mapping);
    if (parsed.success) mapping = parsed.data;
    else warnings.push(`The stored column mapping is not valid (${describe(parsed.error)}), so columns are detected from their headers.`);
  }
  let polarityConfirmed: readonly string[] | undefined;
  if (obj.polarityConfirmed !== undefined) {
    const parsed = z.array(z.string().max(600)).max(500).safeParse(obj.polarityConfirmed);
    if (parsed.success) polarityConfirmed = parsed.data;
    else warnings.push("The stored confirmations of an assumed polarity are not valid, so the task pane will ask again before rating a table without a Polarity column.");
  }
  if (value === null || typeof value !== "object") {
    warnings.push("The LAA Scorecard settings stored in this workbook are not in the expected form, so the defaults are used.");
  }
  return { settings: { rules, mapping, ...(polarityConfirmed && polarityConfirmed.length > 0 ? { polarityConfirmed } : {}) }, warnings };
}

function describe(error: z.ZodError | undefined): string {
  const issue = error?.issues[0];
  if (!issue) return "unreadable";
  return `${issue.path.join(".") || "value"}: ${issue.message}`;
}
