import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Status } from "../../core/rules/types";
import { STATUSES } from "../../core/rules/types";
import type { StatusCounts as Counts } from "../../excel/types";

/**
 * The fill colour of each status as RRGGBB: the same colours the rated cells and scorecards use.
 * The colour is never the only signal (docs/methods.md#polarity): the word and the count sit beside it.
 */
export const STATUS_COLOURS: Readonly<Record<Status, string>> = {
  Blue: "1F6FB2",
  Green: "2E8B57",
  Amber: "E69B00",
  Red: "C0392B",
  Grey: "8C8C8C",
};

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  swatch: {
    width: "14px",
    height: "14px",
    flexShrink: 0,
    borderRadius: tokens.borderRadiusSmall,
    outline: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  word: { minWidth: "4em" },
  count: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
});

export interface StatusCountsProps {
  readonly counts: Counts;
  /** Accessible name of the list, e.g. "Indicators by status". */
  readonly label: string;
}

/** Counts by status, best first, each as swatch + word + count (all five statuses, Grey included). */
export function StatusCounts({ counts, label }: StatusCountsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {STATUSES.map((status) => (
        <li key={status} className={styles.item} data-status={status}>
          <span aria-hidden="true" className={styles.swatch} style={{ backgroundColor: `#${STATUS_COLOURS[status]}` }} />
          <span className={styles.word}>{status}</span>
          <span className={styles.count}>{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}
