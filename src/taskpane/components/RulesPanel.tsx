import * as React from "react";
import {
  Body1, Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Subtitle2, Switch, makeStyles, tokens,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import type { BenchmarkLevel, BenchmarkMethod, DotMethod, PresetName, RuleSettings } from "../../core/rules/types";
import type { ColumnMappingEntry, ColumnRole } from "../../excel/types";
import { BENCHMARK_AREA_TEXT, BENCHMARK_LEVEL_TEXT, BENCHMARK_METHOD_TEXT, DONE, DOT_TEXT, FIELD_HINTS, PRESET_TEXT, VALIDATION } from "./messages";
import { parsePercent, parseWholeNumber, percentText } from "./percent";

const PRESETS = Object.keys(PRESET_TEXT) as PresetName[];
const DOT_METHODS = Object.keys(DOT_TEXT) as DotMethod[];

/** Largest percentage a tolerance-like field accepts; a band wider than 100% of target says nothing. */
const MAX_TOLERANCE_PERCENT = 100;
/** The slope method needs at least two periods (docs/methods.md#trend-and-forecast) and a narrow pane needs a bound. */
const SLOPE_PERIODS = { min: 2, max: 20 } as const;

/** What the form holds: text as typed, so a half-typed number is not lost. */
interface Draft {
  readonly preset: PresetName;
  readonly tolerance: string;
  readonly blueOn: boolean;
  readonly blueMargin: string;
  readonly stretchThreshold: string;
  readonly improvementTolerance: string;
  readonly asAt: string;
  readonly dotMethod: DotMethod;
  readonly dotThreshold: string;
  readonly slopePeriods: string;
  /** Benchmark area: England, the region, or the area typed in benchmarkText (docs/methods.md#benchmark-area). */
  readonly benchmarkMode: BenchmarkMode;
  readonly benchmarkText: string;
  readonly benchmarkLevel: BenchmarkLevel;
  /** The Benchmark preset's method (docs/methods.md#funnel-rag). */
  readonly benchmarkMethod: BenchmarkMethod;
}

type BenchmarkMode = "england" | "region" | "area";
const BENCHMARK_MODES: readonly BenchmarkMode[] = ["england", "region", "area"];

function benchmarkMode(area: string): BenchmarkMode {
  const key = area.trim().toLowerCase();
  return key === "england" || key === "region" ? key : key === "e92000001" ? "england" : "area";
}

/**
 * True when the table's rows give each other a benchmark, so the benchmark area can be chosen: a long
 * table with an area column and no Benchmark column (docs/methods.md#benchmark-rows).
 * @example hasBenchmarkRows([{ column: 0, header: "Area Code", role: "areaCode" }], "long") // => true
 */
export function hasBenchmarkRows(mapping: readonly ColumnMappingEntry[] | null, layout: "wide" | "long" | null): boolean {
  if (mapping === null || layout !== "long") return false;
  const has = (role: ColumnRole) => mapping.some((m) => m.role === role);
  return (has("areaCode") || has("area")) && !has("benchmark");
}

function toDraft(rules: RuleSettings): Draft {
  return {
    preset: rules.preset,
    tolerance: percentText(rules.tolerance),
    blueOn: rules.blueMargin !== null,
    blueMargin: percentText(rules.blueMargin ?? 0.05),
    stretchThreshold: percentText(rules.stretchThreshold),
    improvementTolerance: percentText(rules.improvementTolerance),
    asAt: rules.asAt ?? "",
    dotMethod: rules.dotMethod,
    dotThreshold: percentText(rules.dotThreshold),
    slopePeriods: String(rules.slopePeriods),
    benchmarkMode: benchmarkMode(rules.benchmarkArea),
    benchmarkText: benchmarkMode(rules.benchmarkArea) === "area" ? rules.benchmarkArea : "",
    benchmarkLevel: rules.benchmarkLevel,
    benchmarkMethod: rules.benchmarkMethod,
  };
}

type NumberField = "tolerance" | "blueMargin" | "stretchThreshold" | "improvementTolerance" | "dotThreshold" | "slopePeriods";

/** Which fields the chosen preset and method use (docs/methods.md#rag-rules, docs/methods.md#direction-of-travel). */
function visibleFields(draft: Draft): ReadonlySet<NumberField> {
  const fields = new Set<NumberField>(["dotThreshold"]);
  if (draft.preset === "tolerance" || draft.preset === "trajectory") fields.add("tolerance");
  if (draft.preset === "tolerance" && draft.blueOn) fields.add("blueMargin");
  if (draft.preset === "stretch") fields.add("stretchThreshold");
  if (draft.preset === "improvement") fields.add("improvementTolerance");
  if (draft.dotMethod === "slope") fields.add("slopePeriods");
  return fields;
}

const LABELS: Readonly<Record<NumberField, string>> = {
  tolerance: "Tolerance (%)",
  blueMargin: "Blue margin (%)",
  stretchThreshold: "Stretch threshold (%)",
  improvementTolerance: "Improvement tolerance (%)",
  dotThreshold: "No-change threshold (%)",
  slopePeriods: "Periods in the trend",
};

function parseField(field: NumberField, text: string): number | null {
  return field === "slopePeriods" ? parseWholeNumber(text, SLOPE_PERIODS.min, SLOPE_PERIODS.max) : parsePercent(text, MAX_TOLERANCE_PERCENT);
}

function invalidMessage(field: NumberField): string {
  return field === "slopePeriods"
    ? VALIDATION.wholeNumber(LABELS[field], SLOPE_PERIODS.min, SLOPE_PERIODS.max)
    : VALIDATION.percent(LABELS[field].replace(" (%)", ""), MAX_TOLERANCE_PERCENT);
}

/**
 * The rules a draft stands for, or the fields that stop it being saved. Fields the preset does not
 * show keep their stored value when their text is not a valid number.
 */
function toRules(draft: Draft, stored: RuleSettings, benchmarkShown: boolean): { rules: RuleSettings | null; invalid: ReadonlySet<NumberField | "benchmarkArea"> } {
  const shown = visibleFields(draft);
  const invalid = new Set<NumberField | "benchmarkArea">();
  const read = (field: NumberField, fallback: number): number => {
    const value = parseField(field, draft[field]);
    if (value !== null) return value;
    if (shown.has(field)) invalid.add(field);
    return fallback;
  };
  const rules: RuleSettings = {
    preset: draft.preset,
    tolerance: read("tolerance", stored.tolerance),
    blueMargin: draft.blueOn ? read("blueMargin", stored.blueMargin ?? 0.05) : null,
    stretchThreshold: read("stretchThreshold", stored.stretchThreshold),
    improvementTolerance: read("improvementTolerance", stored.improvementTolerance),
    asAt: draft.asAt.trim() === "" ? null : draft.asAt.trim(),
    dotMethod: draft.dotMethod,
    dotThreshold: read("dotThreshold", stored.dotThreshold),
    slopePeriods: read("slopePeriods", stored.slopePeriods),
    benchmarkArea: benchmarkShown ? draft.benchmarkMode === "area" ? draft.benchmarkText.trim() : draft.benchmarkMode : stored.benchmarkArea,
    benchmarkLevel: draft.benchmarkLevel,
    benchmarkMethod: draft.benchmarkMethod,
  };
  if (benchmarkShown && rules.benchmarkArea === "") invalid.add("benchmarkArea");
  return { rules: invalid.size === 0 ? rules : null, invalid };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface RulesPanelProps {
  /** The rules stored in the workbook (or the defaults). */
  readonly rules: RuleSettings;
  /** The column mapping in use, to say which columns hold floors and benchmarks; null when not detected. */
  readonly mapping: readonly ColumnMappingEntry[] | null;
  /** The detected table's layout, or null when none was detected (the benchmark area needs a long table). */
  readonly layout?: "wide" | "long" | null;
  readonly busy: boolean;
  /** Saves the rules; resolves true when they were saved (failures are shown by the caller). */
  readonly onSave: (rules: RuleSettings) => Promise<boolean>;
}

/** Says which column plays a role, for the presets that read one (floor, benchmark). */
function columnNote(mapping: readonly ColumnMappingEntry[] | null, role: ColumnRole, what: string): string {
  const columns = (mapping ?? []).filter((m) => m.role === role).map((m) => `"${m.header}"`);
  if (mapping === null) return `${what} come from the column mapped as ${what.toLowerCase()} on the Data tab.`;
  if (columns.length === 0) return `No column is mapped as ${what.toLowerCase()}: choose one on the Data tab, or every indicator is rated Grey.`;
  return `${what} come from the column ${columns.join(", ")} (change it on the Data tab).`;
}

/** Preset, tolerances, as-at period and direction-of-travel method, each explained in one line. */
export function RulesPanel({ rules, mapping, layout = null, busy, onSave }: RulesPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(rules));
  const [showErrors, setShowErrors] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  const benchmarkShown = hasBenchmarkRows(mapping, layout);
  const { rules: parsed, invalid } = toRules(draft, rules, benchmarkShown);
  const areaInvalid = showErrors && invalid.has("benchmarkArea");
  const shown = visibleFields(draft);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]): void => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const save = async (): Promise<void> => {
    setShowErrors(true);
    if (parsed === null) return;
    setSaved(await onSave(parsed));
  };

  const numberField = (field: NumberField, hint: string): React.JSX.Element | null =>
    shown.has(field) ? (
      <Field
        label={LABELS[field]}
        hint={hint}
        validationState={showErrors && invalid.has(field) ? "error" : "none"}
        validationMessage={showErrors && invalid.has(field) ? invalidMessage(field) : undefined}
      >
        <Input
          value={draft[field]}
          inputMode={field === "slopePeriods" ? "numeric" : "decimal"}
          contentAfter={field === "slopePeriods" ? undefined : <span aria-hidden="true">%</span>}
          onChange={(_, data) => update(field, data.value)}
        />
      </Field>
    ) : null;

  return (
    <form
      className={styles.root}
      aria-labelledby="rules-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h2" id="rules-heading">
        How indicators are rated
      </Subtitle2>
      <Field label="Preset" hint={PRESET_TEXT[draft.preset].explanation}>
        <Dropdown
          value={PRESET_TEXT[draft.preset].label}
          selectedOptions={[draft.preset]}
          onOptionSelect={(_, data) => data.optionValue && update("preset", data.optionValue as PresetName)}
        >
          {PRESETS.map((preset) => (
            <Option key={preset} value={preset}>
              {PRESET_TEXT[preset].label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {numberField("tolerance", FIELD_HINTS.tolerance)}
      {numberField("stretchThreshold", FIELD_HINTS.stretchThreshold)}
      {numberField("improvementTolerance", FIELD_HINTS.improvementTolerance)}
      {draft.preset === "floor" && <Body1>{columnNote(mapping, "floor", "Floors")}</Body1>}
      {draft.preset === "benchmark" && <Body1>{columnNote(mapping, "benchmark", "Benchmarks")}</Body1>}
      {draft.preset === "benchmark" && (
        <Field label={BENCHMARK_METHOD_TEXT.label} hint={BENCHMARK_METHOD_TEXT[draft.benchmarkMethod].explanation}>
          <Dropdown
            value={BENCHMARK_METHOD_TEXT[draft.benchmarkMethod].label}
            selectedOptions={[draft.benchmarkMethod]}
            onOptionSelect={(_, data) => data.optionValue && update("benchmarkMethod", data.optionValue as BenchmarkMethod)}
          >
            {(["interval", "funnel"] as const).map((method) => (
              <Option key={method} value={method}>
                {BENCHMARK_METHOD_TEXT[method].label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label="Benchmark comparison level" hint={BENCHMARK_LEVEL_TEXT[String(draft.benchmarkLevel) as "95" | "99.8"].explanation}>
        <Dropdown
          value={BENCHMARK_LEVEL_TEXT[String(draft.benchmarkLevel) as "95" | "99.8"].label}
          selectedOptions={[String(draft.benchmarkLevel)]}
          onOptionSelect={(_, data) => data.optionValue && update("benchmarkLevel", Number(data.optionValue) as BenchmarkLevel)}
        >
          {(["95", "99.8"] as const).map((level) => (
            <Option key={level} value={level}>
              {BENCHMARK_LEVEL_TEXT[level].label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {draft.preset === "tolerance" && (
        <Field hint={draft.blueOn ? FIELD_HINTS.blueOn : FIELD_HINTS.blueOff}>
          <Switch label="Rate Blue" checked={draft.blueOn} onChange={(_, data) => update("blueOn", data.checked)} />
        </Field>
      )}
      {numberField("blueMargin", FIELD_HINTS.blueMargin)}
      {benchmarkShown && (
        <Field label={BENCHMARK_AREA_TEXT.label} hint={BENCHMARK_AREA_TEXT[draft.benchmarkMode].explanation}>
          <Dropdown
            value={BENCHMARK_AREA_TEXT[draft.benchmarkMode].label}
            selectedOptions={[draft.benchmarkMode]}
            onOptionSelect={(_, data) => data.optionValue && update("benchmarkMode", data.optionValue as BenchmarkMode)}
          >
            {BENCHMARK_MODES.map((mode) => (
              <Option key={mode} value={mode}>
                {BENCHMARK_AREA_TEXT[mode].label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {benchmarkShown && draft.benchmarkMode === "area" && (
        <Field
          label={BENCHMARK_AREA_TEXT.areaField}
          validationState={areaInvalid ? "error" : "none"}
          validationMessage={areaInvalid ? BENCHMARK_AREA_TEXT.areaMissing : undefined}
        >
          <Input value={draft.benchmarkText} placeholder={BENCHMARK_AREA_TEXT.areaPlaceholder} onChange={(_, data) => update("benchmarkText", data.value)} />
        </Field>
      )}
      <Field label="As-at period or date" hint={FIELD_HINTS.asAt}>
        <Input value={draft.asAt} placeholder="Latest period with an actual" onChange={(_, data) => update("asAt", data.value)} />
      </Field>

      <Subtitle2 as="h2">Direction of travel</Subtitle2>
      <Field label="Compare with" hint={DOT_TEXT[draft.dotMethod].explanation}>
        <Dropdown
          value={DOT_TEXT[draft.dotMethod].label}
          selectedOptions={[draft.dotMethod]}
          onOptionSelect={(_, data) => data.optionValue && update("dotMethod", data.optionValue as DotMethod)}
        >
          {DOT_METHODS.map((method) => (
            <Option key={method} value={method}>
              {DOT_TEXT[method].label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {numberField("slopePeriods", FIELD_HINTS.slopePeriods)}
      {numberField("dotThreshold", FIELD_HINTS.dotThreshold)}

      {showErrors && parsed === null && (
        <MessageBar intent="warning">
          <MessageBarBody>{VALIDATION.fixFirst}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{DONE.rulesSaved}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabledFocusable={busy}>
          Save rules
        </Button>
      </div>
    </form>
  );
}
