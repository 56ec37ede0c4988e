/**
 * A sample sheet to insert, as plain arrays the Excel API takes in one call each. The samples make it
 * (src/samples/anycity.ts anycityInsertPlan) and the Excel layer writes it (src/excel/sample-data.ts);
 * it lives here because neither of those layers may import the other.
 */
export interface SampleSheetPlan {
  readonly sheetName: string;
  readonly tableName: string;
  /** Header row then data rows; blanks are "" (the Excel API's blank). */
  readonly values: (string | number)[][];
  readonly numberFormats: string[][];
  /** Column widths in characters. */
  readonly columnWidths: readonly number[];
}
