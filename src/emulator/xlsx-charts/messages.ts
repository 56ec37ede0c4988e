/**
 * Every message the DrawingML chart writer gives, in one place (docs/architecture.md). These are
 * all programmer-misuse errors (a chart spec that cannot be written, or a package that is not an .xlsx):
 * the writer throws them rather than writing a chart Excel would refuse to open.
 */
/** The texts, by situation. @example throw new Error(chartMessages.badColour("green")) */
export const chartMessages = {
  notAnXlsx: (why: string) => `The workbook is not an .xlsx package the chart writer can read: ${why}`,
  unknownSheet: (sheet: string, known: readonly string[]) =>
    `No worksheet named "${sheet}" in the workbook (it has ${known.map((s) => `"${s}"`).join(", ") || "no worksheets"})`,
  badReference: (ref: string) =>
    `"${ref}" is not a sheet-qualified cell reference such as 'Scorecard'!$B$5:$B$8`,
  badColour: (colour: string) => `Colour "${colour}" is not RRGGBB hex such as 2E8B57`,
  badAnchor: (sheet: string) =>
    `The chart anchor on "${sheet}" needs whole, non-negative columns and rows, with "to" right of and below "from"`,
  noSeries: (sheet: string) => `A chart on "${sheet}" has no series: give at least one`,
  doughnutOneSeries: "A doughnut chart draws one series of slices: give exactly one",
  malformedXml: (part: string) => `The package part ${part} is not well-formed XML`,
} as const;
