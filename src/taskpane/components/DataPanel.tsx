import * as React from "react";
import { Body1, Button, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowResetRegular, SaveRegular, TableSearchRegular } from "@fluentui/react-icons";
import type { CellProblem, ColumnMappingEntry, ColumnRole, DataSourceInfo } from "../../excel/types";
import { columnInSource } from "./columns";
import { PANE_TEXT, ROLE_TEXT, SOURCE_TEXT } from "./messages";
import { ProblemList } from "./ProblemList";

/** What detect() found. */
export interface Detection {
  readonly source: DataSourceInfo;
  readonly mapping: readonly ColumnMappingEntry[];
  readonly problems: readonly CellProblem[];
}

const ROLES = Object.keys(ROLE_TEXT) as ColumnRole[];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface DataPanelProps {
  /** What detect() last found; null before it has run or when it failed. */
  readonly detection: Detection | null;
  /** True when the workbook holds a saved mapping that overrides automatic detection. */
  readonly mappingSaved: boolean;
  /** True while any action runs: the buttons are disabled. */
  readonly busy: boolean;
  readonly onDetect: () => void;
  readonly onSaveMapping: (mapping: readonly ColumnMappingEntry[]) => void;
  readonly onResetMapping: () => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
}

/** Where the indicators are, what each column means (correctable), and the problems found. */
export function DataPanel(props: DataPanelProps): React.JSX.Element {
  const { detection, mappingSaved, busy, onDetect, onSaveMapping, onResetMapping, onSelectCell } = props;
  const styles = useStyles();
  const [draft, setDraft] = React.useState<readonly ColumnMappingEntry[]>(detection?.mapping ?? []);
  // A new detection replaces the draft. Adjusted during render rather than by remounting the panel,
  // so keyboard focus stays on the button that was pressed (React docs: "adjusting some state when a
  // prop changes").
  const [draftOf, setDraftOf] = React.useState(detection);
  if (draftOf !== detection) {
    setDraftOf(detection);
    setDraft(detection?.mapping ?? []);
  }
  const changed = detection !== null && draft.some((d, i) => d.role !== detection.mapping[i]?.role);

  const setRole = (index: number, role: ColumnRole): void =>
    setDraft((current) => current.map((entry, i) => (i === index ? { ...entry, role } : entry)));

  return (
    <div className={styles.root}>
      <section aria-labelledby="data-source-heading" className={styles.section}>
        <Subtitle2 as="h2" id="data-source-heading">
          Indicator data
        </Subtitle2>
        {detection ? (
          <dl className={styles.facts}>
            <dt className={styles.term}>Sheet</dt>
            <dd className={styles.value}>{detection.source.sheet}</dd>
            <dt className={styles.term}>Range</dt>
            <dd className={styles.value}>
              {detection.source.address}
              {detection.source.name ? ` (${SOURCE_TEXT.kind[detection.source.kind]} ${detection.source.name})` : ""}
            </dd>
            <dt className={styles.term}>Layout</dt>
            <dd className={styles.value}>{SOURCE_TEXT.layout[detection.source.layout]}</dd>
            <dt className={styles.term}>Rows</dt>
            <dd className={styles.value}>{detection.source.rows}</dd>
          </dl>
        ) : (
          <Body1>{PANE_TEXT.noSource}</Body1>
        )}
        <div className={styles.row}>
          <Button icon={<TableSearchRegular />} disabledFocusable={busy} onClick={onDetect}>
            Detect again
          </Button>
        </div>
      </section>

      {detection && (
        <section aria-labelledby="data-mapping-heading" className={styles.section}>
          {/* Focusable from script only: the polarity check after Rate RAG brings the person here. */}
          <Subtitle2 as="h2" id="data-mapping-heading" tabIndex={-1}>
            Column mapping
          </Subtitle2>
          <Caption1>
            {mappingSaved ? "Using the mapping saved in this workbook." : "Detected automatically."} Correct any column
            the add-in has misread, then save.
          </Caption1>
          {draft.map((entry, index) => {
            const letter = columnInSource(detection.source.address, entry.column);
            const header = entry.header.trim() === "" ? `Column ${letter ?? entry.column + 1}` : entry.header;
            const where = letter ? `Column ${letter}` : `Column ${entry.column + 1}`;
            return (
              <Field
                key={entry.column}
                label={header}
                hint={entry.period ? `${where}, period ${entry.period}` : where}
              >
                <Select value={entry.role} onChange={(_, data) => setRole(index, data.value as ColumnRole)}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_TEXT[role]}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
          <div className={styles.row}>
            <Button appearance="primary" icon={<SaveRegular />} disabledFocusable={busy || !changed} onClick={() => onSaveMapping(draft)}>
              Save column mapping
            </Button>
            <Button icon={<ArrowResetRegular />} disabledFocusable={busy || !mappingSaved} onClick={onResetMapping}>
              Detect automatically
            </Button>
          </div>
        </section>
      )}

      {detection && (
        <section aria-labelledby="data-problems-heading" className={styles.section}>
          <Subtitle2 as="h2" id="data-problems-heading">
            Problems in the data ({detection.problems.length})
          </Subtitle2>
          <ProblemList problems={detection.problems} label="Problems in the data" onSelect={onSelectCell} />
        </section>
      )}
    </div>
  );
}
