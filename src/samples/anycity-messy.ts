/**
 * "Messy Anycity": the Anycity LAA as analysts really leave it, with every problem listed as an
 * expected result (assets/samples/anycity-laa-messy.expected.json) for the Rate RAG tests.
 *
 * The sheet has a merged title block above the header, numbers stored as text (thousands separators,
 * percent signs, a trailing space), not-available markers, blanks, #N/A and #DIV/0! cells, a
 * duplicated code, an unknown polarity word, titles starting with `=` and `+` (text, never formulas),
 * a total row with a real SUM formula, and hidden rows.
 *
 * Plain data only (no Node, no ExcelJS): the generator writes it and the tests compare against it.
 */
import { parseNumericText } from "../core/cells";
import { ANYCITY_COLUMN, ANYCITY_HEADERS, ANYCITY_INDICATORS, anycityRow, type SampleCell } from "./anycity";

/** The sheet the messy sample lives on. */
export const MESSY_SHEET_NAME = "LAA Q2 report";
/** Row (1-based) of the header in the messy sheet. */
export const MESSY_HEADER_ROW = 5;

/** A cell of the messy sheet: plain value, a formula with its cached result, or an Excel error value. */
export type MessyCell = SampleCell | { readonly formula: string; readonly result: number } | { readonly error: "#N/A" | "#DIV/0!" };

/** Kinds of problem the messy sheet contains. */
export type MessyProblemKind =
  | "merged-title"
  | "text-number"
  | "not-available"
  | "blank"
  | "blank-polarity"
  | "error-value"
  | "duplicate-code"
  | "unknown-polarity"
  | "formula-like-title"
  | "total-row"
  | "hidden-row";

/** One expected problem: where it is and what a reader of the sheet should make of it. */
export interface MessyProblem {
  readonly sheet: string;
  /** A1 address of the cell (for merged-title, the top-left cell of the merge). */
  readonly address: string;
  readonly kind: MessyProblemKind;
  /** The indicator code of the row, when the problem is on an indicator row. */
  readonly indicatorId?: string;
  /** What the cell shows (text as typed, the error value, "" for blank). */
  readonly shows?: string;
  /** For text-number: the number it reads as (Excel VALUE() semantics, e.g. "64.0%" is 0.64). */
  readonly reads?: number;
  /** For merged-title: the merged range. */
  readonly range?: string;
  /** For duplicate-code: the address of the first row with the same code. */
  readonly firstAddress?: string;
  /** For blank-polarity: the polarity the reference list supplies. */
  readonly polarityFromReference?: "higher" | "lower" | "none";
  /** For total-row: the formula cell. */
  readonly formulaAddress?: string;
  readonly note: string;
}

/** One data row of the messy sheet and whether a rater should rate it. */
export interface MessyIndicatorRow {
  readonly row: number;
  readonly indicatorId: string;
  /** True when the row can be rated (it may still have cell-level problems such as n/a). */
  readonly good: boolean;
}

/** The expected-results file kept beside the messy workbook. */
export interface MessyExpected {
  readonly file: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly totalRow: number;
  readonly goodIndicatorRows: number;
  readonly goodRowsRule: string;
  readonly indicatorRows: readonly MessyIndicatorRow[];
  readonly problems: readonly MessyProblem[];
}

/** The whole messy sheet: cells by address, merges, hidden rows and the expected results. */
export interface MessySheet {
  readonly sheetName: string;
  /** Rows of cells, row 1 first; each row has one entry per column A..Q (null is blank). */
  readonly grid: readonly (readonly MessyCell[])[];
  readonly merges: readonly string[];
  readonly hiddenRows: readonly number[];
  readonly expected: MessyExpected;
}

const WIDTH = ANYCITY_HEADERS.length;
const LAST_COLUMN = "Q";

/**
 * Column letter of a 0-based column index (A..Z is enough here).
 * @example columnLetter(16) // => "Q"
 */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 25) throw new RangeError("columnLetter takes 0..25");
  return String.fromCharCode(65 + index);
}

function byRef(ref: string): SampleCell[] {
  const found = ANYCITY_INDICATORS.find((i) => i.ref === ref);
  if (!found) throw new Error(`No Anycity indicator ${ref}`);
  return anycityRow(found);
}

/** Formats a number as an analyst's pasted text: thousands separators, fixed decimals. */
function asText(value: number, decimals: number, suffix = ""): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) + suffix;
}

const C = ANYCITY_COLUMN;
const VALUE_COLUMNS = [C["Baseline 2007/08"], C["Target 2008/09"], C["Target 2009/10"], C["Target 2010/11"], C["Actual 2008/09"], C["Actual 2009/10"], C["Actual Q1 2010/11"], C["Actual Q2 2010/11"]];
const ACTUAL_COLUMNS = [C["Actual 2008/09"], C["Actual 2009/10"], C["Actual Q1 2010/11"], C["Actual Q2 2010/11"]];

/** Rows dropped from the LAA but left in the sheet, hidden, as analysts do. */
const HIDDEN_EXTRA: Readonly<Record<string, SampleCell[]>> = {
  "NI 2": ["NI 2", "% of people who feel that they belong to their neighbourhood", "Safer and Stronger Communities", "Designated", "Higher is better", "%", null, null, null, 62.0, 58.9, null, null, null, null, "Head of Neighbourhoods and Communities", "Removed from the LAA at the 2009 refresh; kept here for the Stronger Communities board."],
  "NI 6": ["NI 6", "Participation in regular volunteering", "Safer and Stronger Communities", "Designated", "Higher is better", "%", null, null, null, 25.0, 22.5, null, null, null, null, "Head of Neighbourhoods and Communities", "Removed from the LAA at the 2009 refresh."],
};

/**
 * Builds the messy sheet and its expected problems from the clean Anycity rows. Deterministic: every
 * change is listed here, none is random, so the expected list is exact.
 *
 * @example buildMessyAnycity().expected.goodIndicatorRows // => 42
 */
export function buildMessyAnycity(): MessySheet {
  const problems: MessyProblem[] = [];
  const sheet = MESSY_SHEET_NAME;
  const add = (p: Omit<MessyProblem, "sheet">) => problems.push({ sheet, ...p });

  // Title block above the header.
  const blankRow = (): MessyCell[] => Array.from({ length: WIDTH }, () => null);
  const title = [blankRow(), blankRow(), blankRow(), blankRow()];
  title[0][0] = "Anycity Partnership: Local Area Agreement 2008-11";
  title[1][0] = "Performance monitoring report, Quarter 2 2010/11 (data as at 30 September 2010)";
  title[2][0] = "Prepared by the Partnership Performance Team. DRAFT: not for publication.";
  const merges = [`A1:${LAST_COLUMN}1`, `A2:${LAST_COLUMN}2`, `A3:${LAST_COLUMN}3`];
  merges.forEach((range, k) =>
    add({ address: `A${k + 1}`, kind: "merged-title", range, shows: title[k][0] as string, note: "Title text merged across the table's width above the header: the header is row 5, not row 1." }),
  );

  // Data rows in report order, with the extra (hidden, duplicate) rows slotted in.
  const order: { ref: string; cells: MessyCell[]; tag?: "hidden" | "duplicate" }[] = [];
  for (const i of ANYCITY_INDICATORS) {
    order.push({ ref: i.ref, cells: anycityRow(i) });
    if (i.ref === "NI 1") order.push({ ref: "NI 2", cells: [...HIDDEN_EXTRA["NI 2"]], tag: "hidden" });
    if (i.ref === "NI 4") order.push({ ref: "NI 6", cells: [...HIDDEN_EXTRA["NI 6"]], tag: "hidden" });
    if (i.ref === "NI 195") {
      // Last quarter's NI 16 row pasted in again: same code, Q2 not yet filled in.
      const old = byRef("NI 16");
      old[C["Actual Q2 2010/11"]] = null;
      old[C.Commentary] = "Q1 update: burglary down 9% on last year.";
      order.push({ ref: "NI 16", cells: old, tag: "duplicate" });
    }
  }
  const firstDataRow = MESSY_HEADER_ROW + 1;
  const rowOf = (ref: string, tag?: string) => firstDataRow + order.findIndex((o) => o.ref === ref && o.tag === tag);
  const cellsOf = (ref: string) => order.find((o) => o.ref === ref && o.tag === undefined)!.cells;
  const at = (ref: string, column: number) => `${columnLetter(column)}${rowOf(ref)}`;

  // Numbers stored as text.
  const textNumbers = (ref: string, columns: number[], decimals: number, suffix: string, noteText: string) => {
    const cells = cellsOf(ref);
    for (const c of columns) {
      const v = cells[c];
      if (typeof v !== "number") continue;
      const shows = asText(v, decimals, suffix);
      cells[c] = shows;
      add({ address: at(ref, c), kind: "text-number", indicatorId: ref, shows, reads: parseNumericText(shows)!, note: noteText });
    }
  };
  textNumbers("NI 111", VALUE_COLUMNS, 0, "", "Number stored as text with a thousands separator; reads as the number.");
  textNumbers("NI 40", ACTUAL_COLUMNS, 0, "", "Pasted from the treatment system as text with a thousands separator; reads as the number.");
  textNumbers("NI 59", VALUE_COLUMNS, 1, "%", "Percentage stored as text with a percent sign; reads as a fraction (64.0% is 0.64), consistently across the row.");
  {
    const c = C["Actual Q2 2010/11"];
    cellsOf("NI 20")[c] = "8.8 ";
    add({ address: at("NI 20", c), kind: "text-number", indicatorId: "NI 20", shows: "8.8 ", reads: 8.8, note: "Number stored as text with a trailing space; reads as 8.8." });
  }

  // Not-available markers and blanks.
  const marker = (ref: string, column: number, shows: string, noteText: string) => {
    cellsOf(ref)[column] = shows;
    add({ address: at(ref, column), kind: "not-available", indicatorId: ref, shows, note: noteText });
  };
  marker("NI 32", C["Actual Q1 2010/11"], "n/a", "Not available: the Q1 MARAC return was late; missing, not zero.");
  marker("NI 8", C["Actual 2009/10"], "-", "Dash for not yet published; missing, not zero.");
  marker("NI 116", C["Actual 2009/10"], "n/a", "Not available: not yet published.");
  marker("NI 1", C["Actual 2009/10"], "n/a", "Not available: no Place Survey in 2009/10.");
  marker("NI 56", C.Floor, "-", "Dash in the Floor column: no floor standard.");
  {
    const c = C["Target 2010/11"];
    cellsOf("NI 93")[c] = null;
    add({ address: at("NI 93", c), kind: "blank", indicatorId: "NI 93", shows: "", note: "Target 2010/11 left blank (not yet agreed); the 2009/10 target still applies to 2009/10." });
  }
  {
    const c = C.Polarity;
    cellsOf("NI 112")[c] = null;
    add({ address: at("NI 112", c), kind: "blank-polarity", indicatorId: "NI 112", shows: "", polarityFromReference: "lower", note: "Blank polarity: the reference list gives lower, and the reason says 'polarity from the reference list'." });
  }

  // Excel error values.
  cellsOf("NI 119")[C["Actual 2009/10"]] = { error: "#N/A" };
  add({ address: at("NI 119", C["Actual 2009/10"]), kind: "error-value", indicatorId: "NI 119", shows: "#N/A", note: "A lookup that found no survey result left #N/A; missing, not an error of the add-in." });
  cellsOf("NI 130")[C["Actual Q1 2010/11"]] = { error: "#DIV/0!" };
  add({ address: at("NI 130", C["Actual Q1 2010/11"]), kind: "error-value", indicatorId: "NI 130", shows: "#DIV/0!", note: "The rate's population cell was empty when Q1 was calculated; missing." });

  // Unknown polarity word.
  cellsOf("NI 47")[C.Polarity] = "Lower = better";
  add({ address: at("NI 47", C.Polarity), kind: "unknown-polarity", indicatorId: "NI 47", shows: "Lower = better", note: "Not a polarity word the add-in knows: the row is reported, not rated (never a guess)." });

  // Titles that look like formulas (written as text).
  cellsOf("NI 155")[C.Indicator] = "=Number of affordable homes delivered (gross)";
  add({ address: at("NI 155", C.Indicator), kind: "formula-like-title", indicatorId: "NI 155", shows: "=Number of affordable homes delivered (gross)", note: "Title starting with = stored as text; must stay text when written back." });
  cellsOf("NI 123")[C.Indicator] = "+Stopping smoking (four-week quitters)";
  add({ address: at("NI 123", C.Indicator), kind: "formula-like-title", indicatorId: "NI 123", shows: "+Stopping smoking (four-week quitters)", note: "Title starting with + stored as text; must stay text when written back." });

  // Hidden rows and the duplicate.
  const hiddenRows = order.map((o, k) => (o.tag === "hidden" ? firstDataRow + k : 0)).filter((r) => r > 0);
  for (const r of hiddenRows) {
    const ref = order[r - firstDataRow].ref;
    add({ address: `A${r}`, kind: "hidden-row", indicatorId: ref, note: "Hidden row (indicator dropped at the 2009 refresh): not part of the LAA, not rated." });
  }
  const dupRow = rowOf("NI 16", "duplicate");
  add({ address: `A${dupRow}`, kind: "duplicate-code", indicatorId: "NI 16", shows: "NI 16", firstAddress: `A${rowOf("NI 16")}`, note: "Second row with code NI 16 (last quarter's row pasted again): reported; the first row is the one rated." });

  // Total row with a real SUM formula over Actual 2008/09.
  const lastDataRow = firstDataRow + order.length - 1;
  const totalRow = lastDataRow + 1;
  const totalCells = blankRow();
  totalCells[C.Indicator] = "Total";
  const sumColumn = C["Actual 2008/09"];
  const sumLetter = columnLetter(sumColumn);
  const sum = order.reduce((acc, o) => acc + (typeof o.cells[sumColumn] === "number" ? (o.cells[sumColumn] as number) : 0), 0);
  totalCells[sumColumn] = { formula: `SUM(${sumLetter}${firstDataRow}:${sumLetter}${lastDataRow})`, result: Math.round(sum * 1e6) / 1e6 };
  add({ address: `B${totalRow}`, kind: "total-row", shows: "Total", formulaAddress: `${sumLetter}${totalRow}`, note: "A total row under the indicators (SUM of Actual 2008/09): not an indicator." });

  const unknownRow = rowOf("NI 47");
  const indicatorRows: MessyIndicatorRow[] = order.map((o, k) => {
    const row = firstDataRow + k;
    return { row, indicatorId: o.ref, good: o.tag === undefined && row !== unknownRow };
  });

  const header: MessyCell[] = [...ANYCITY_HEADERS];
  const grid: MessyCell[][] = [...title, header, ...order.map((o) => o.cells), totalCells];
  problems.sort((a, b) => rowNumber(a.address) - rowNumber(b.address) || a.address.localeCompare(b.address));

  return {
    sheetName: sheet,
    grid,
    merges,
    hiddenRows,
    expected: {
      file: "anycity-laa-messy.xlsx",
      sheet,
      headerRow: MESSY_HEADER_ROW,
      firstDataRow,
      lastDataRow,
      totalRow,
      goodIndicatorRows: indicatorRows.filter((r) => r.good).length,
      goodRowsRule:
        "Rows between the header and the total row that a rater should rate: every visible indicator row except the second occurrence of a duplicated code and the row with an unknown polarity. Rows with missing or text cells are still good rows.",
      indicatorRows,
      problems,
    },
  };
}

function rowNumber(address: string): number {
  return Number(/\d+/.exec(address)![0]);
}
