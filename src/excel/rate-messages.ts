/**
 * Rate RAG's and Remove ratings' words, in one place (UK English, users' words). Each failure comes
 * with the next step to take; the task pane and the runner show both as they are.
 * @example rateMessages.emptySheet("Data") // => "Sheet Data is empty, so there is no indicator table to rate."
 */
export const rateMessages = {
  /** One indicator of the pane's list of assumed polarities (docs/methods.md#polarity-assumed). */
  polarityAssumedAt: (hasColumn: boolean) =>
    hasColumn ? "Polarity blank: rated as if higher is better. Fill in higher, lower or none." : "No Polarity column: rated as if higher is better.",
  selectTable: "Select a cell inside your indicator table and try again.",
  selectTableOrName: "Select a cell inside your indicator table (or name the range) and try again.",
  emptySheet: (sheet: string) => `Sheet ${sheet} is empty, so there is no indicator table to rate.`,
  emptySelection: (cells: string, sheet: string) => `The selected cells ${cells} on ${sheet} are all empty, so there is no indicator table to rate.`,
  notInTable: (cell: string, sheet: string) => `The selected cell ${cell} on ${sheet} is not inside a table of indicators.`,
  namedElsewhere: (name: string | undefined, sheet: string) => `The named range ${name} is on sheet ${sheet}; open that sheet first.`,
  namedElsewhereNext: (sheet: string) => `Go to ${sheet}, then click Rate RAG again.`,
  noHeader: (where: string) => `No header row was found in ${where}: the add-in looks for headers such as Code, Indicator, Polarity, Target and Actual.`,
  noHeaderNext: "Check the table has a header row with words like Indicator, Target and Actual, then try again.",
  noActual: (row: number, sheet: string) => `No actual or value column was found in the header row (row ${row}) of ${sheet}.`,
  noActualNext: "Name a column Actual, Outturn or Value, or label period columns like 2009/10, then try again (or correct the column mapping in the panel).",
  noRoom: (columns: number, where: string, lastColumn: string) =>
    `Rate RAG writes ${columns} columns beside the table, but ${where} reaches column ${lastColumn}, too near the sheet's last column (XFD) to leave room.`,
  noRoomNext: "Select only the cells of your indicator table (or name the range), then try again.",
  occupied: (columns: number, first: string, last: string, cell: string) =>
    `Rate RAG writes ${columns} columns (${first} to ${last}) beside the table, but ${cell} already holds data, and the add-in never overwrites your cells.`,
  occupiedNext: (first: string, last: string) => `Move what is in columns ${first} to ${last} (or insert empty columns after the table), then try again.`,
  upgradeOccupied: (columns: readonly string[], first: string, last: string, cell: string) =>
    `Rate RAG now also writes ${columns.slice(0, -1).join(", ")} and ${columns[columns.length - 1]}, so its columns beside the table grow by ${columns.length} (into columns ${first} to ${last}), but ${cell} already holds data, and the add-in never overwrites your cells.`,
  columnClash: (table: string | undefined, column: string) => `The table ${table} already has a column called "${column}" that the add-in did not write.`,
  columnClashNext: "Rename that column, then try again.",
  outputsChanged: (cell: string) => `The add-in's columns beside this table (from ${cell}) have been changed, so it will not write over them.`,
  outputsChangedNext: "Remove ratings from the panel (or restore the Status ... Rated at headers), then try again.",
  progressFinding: "Finding the indicator table",
  progressReading: "Reading the indicators",
  progressRating: "Rating the indicators",
  progressWriting: "Writing the ratings",
  progressDone: "Done",
} as const;
