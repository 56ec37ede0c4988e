import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { CellProblem } from "../../excel/types";
import { PANE_TEXT } from "./messages";

/** How many problems the list shows at once: a long list in a narrow pane helps nobody. */
export const MAX_PROBLEMS_SHOWN = 100;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  button: { justifyContent: "flex-start", textAlign: "start", width: "100%", minWidth: 0, height: "auto", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  text: { display: "flex", flexDirection: "column", alignItems: "flex-start", fontWeight: tokens.fontWeightRegular },
  where: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * A cell reference as Excel writes it: the sheet name quoted when it is not a plain word.
 *
 * @example
 * cellReference("Indicators", "D7") // => "Indicators!D7"
 * cellReference("LAA 2008", "D7") // => "'LAA 2008'!D7"
 */
export function cellReference(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

export interface ProblemListProps {
  readonly problems: readonly CellProblem[];
  /** Accessible name of the list, e.g. "Problems found by Rate RAG". */
  readonly label: string;
  /** Called with the problem's sheet and cell when a person picks it. */
  readonly onSelect: (sheet: string, address: string) => void;
}

/** Problems, each a button naming its cell; pressing it selects the cell in the workbook. */
export function ProblemList({ problems, label, onSelect }: ProblemListProps): React.JSX.Element {
  const styles = useStyles();
  if (problems.length === 0) return <Caption1>{PANE_TEXT.noProblems}</Caption1>;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {shown.map((p, i) => {
          const where = cellReference(p.sheet, p.address);
          return (
            <li key={`${where}-${i}`}>
              <Button
                appearance="subtle"
                className={styles.button}
                onClick={() => onSelect(p.sheet, p.address)}
              >
                <span className={styles.text}>
                  <span className={styles.where}>
                    {where}
                    {p.indicatorId ? ` (${p.indicatorId})` : ""}
                  </span>
                  <span>{p.message}</span>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {problems.length > shown.length && <Caption1>{PANE_TEXT.problemsMore(shown.length, problems.length)}</Caption1>}
    </>
  );
}
