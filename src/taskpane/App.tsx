import * as React from "react";
import { Body1, Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
});

export interface AppProps {
  /** The add-in's version, shown so analysts can say which one they used. */
  readonly version: string;
  /** Where the pane is running: "Excel" inside Excel, otherwise a note that it is outside Excel. */
  readonly host: string | null;
}

/** The task pane. Components never touch Office: what they need arrives as props. */
export function App({ version, host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="product-name">
      <Subtitle1 as="h1" id="product-name">
        LAA Scorecard
      </Subtitle1>
      <Caption1>Version {version}</Caption1>
      <Body1>
        {host === "Excel"
          ? "Type =LAAGAP(actual, target, polarity) in any cell to see how far an indicator is from its target."
          : "Open this panel from Excel (Home tab, LAA Scorecard group) to work on a workbook."}
      </Body1>
    </main>
  );
}
