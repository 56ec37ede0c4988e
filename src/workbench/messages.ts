/** Every word the workbench page shows, in one place, in UK English. */

/** A sample workbook the page offers, and the cell selected when it opens (inside its indicator table). */
export interface SampleChoice {
  readonly file: string;
  readonly label: string;
  readonly sheet: string;
  readonly cell: string;
}

/** The samples in assets/samples (copied to dist/samples by webpack); the first is loaded at start. */
export const SAMPLES: readonly SampleChoice[] = [
  { file: "anycity-laa.xlsx", label: "Anycity LAA 2008-11 (tidy table)", sheet: "LAA indicators", cell: "B2" },
  { file: "anycity-laa-messy.xlsx", label: "Anycity LAA, as analysts leave it (messy)", sheet: "LAA Q2 report", cell: "B6" },
  { file: "region-community-safety.xlsx", label: "Northmoor community safety (long layout)", sheet: "Data", cell: "B2" },
  { file: "anycity-monthly.xlsx", label: "Anycity monthly performance (24 months, for SPC)", sheet: "Monthly performance", cell: "B2" },
];

export const WORKBENCH_TEXT = {
  title: "LAA Scorecard workbench",
  intro: "The real task pane working on a workbook held in this page. Nothing leaves your computer.",
  sampleLabel: "Sample workbook",
  openLabel: "Open .xlsx…",
  ownFile: (name: string) => `Your file: ${name}`,
  downloadLabel: "Download result",
  loading: (what: string) => `Opening ${what}…`,
  loaded: (what: string) => `Opened ${what}.`,
  openFailed: (what: string, why: string) => `${what} could not be opened: ${why}`,
  saveFailed: (why: string) => `The workbook could not be saved: ${why}`,
  saved: (name: string) => `Saved ${name}.`,
  sheetsLabel: "Sheets",
  gridLabel: (sheet: string) => `Cells of the sheet ${sheet}`,
  gridCut: (rows: number, cols: number) => `Only the first ${rows} rows and ${cols} columns are shown here; the download keeps everything.`,
  chartsHeading: (n: number) => (n === 1 ? "1 chart on this sheet" : `${n} charts on this sheet`),
  selectionLabel: (where: string) => `Selected: ${where}`,
  paneLabel: "Task pane",
  workbookLabel: "Workbook",
} as const;
