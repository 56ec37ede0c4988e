/**
 * Every text the headless runner prints, in one place (docs/architecture.md: messages live in one module).
 */

/** The --help text: what each command does, the options, the exit codes and examples. */
export const HELP = `laa-scorecard: run LAA Scorecard's commands over .xlsx workbooks, many at a time.

Usage:
  laa-scorecard <command> <files...> (--out <dir> | --in-place) [options]

Commands:
  rate       Rate every indicator Red/Amber/Green (Blue, Grey) and write the status columns
             beside the indicator table (the add-in's Rate RAG).
  scorecard  Build the balanced-scorecard sheets and their charts.
  refresh    Refresh scorecard sheets built earlier (your commentary is kept).
  snapshot   Save a review snapshot of the current statuses.

Files:
  Paths or patterns: * and ? match within a folder name, ** matches any number of folders.
  Quote patterns so the runner expands them the same way on every shell.

Options:
  --out <dir>        Write each result to <dir>/<same file name> (the folder is created).
  --in-place         Write results over the input files (never the default).
  --rules <file>     Rule settings as JSON (preset, tolerance, blueMargin, ...), merged over the
                     defaults; without it each workbook's own settings are used.
  --as-at <period>   Rate as at a period label (2009/10, Q2 2010/11) or an ISO date (2010-09-30).
  --report <file>    Write a JSON report: one entry per file with rows rated, counts by status,
                     every problem with sheet, cell and message, and the round-trip counters.
  --force            Write even when the workbook holds parts this runner cannot keep (charts,
                     pivot tables, macros, images ...); they are then lost from the output.
  --quiet            No summary lines on stdout.
  -h, --help         This text.

Exit codes:
  0  every file was done (problems in the data are reported, not fatal)
  2  usage error (nothing was read or written)
  3  at least one file could not be read, rated or written (each is named; the others were done)

Examples:
  laa-scorecard rate "area-workbooks/*.xlsx" --out rated/ --report rated/report.json
  laa-scorecard rate north.xlsx south.xlsx --out out --as-at 2009/10 --rules rules.json
  laa-scorecard scorecard assets/samples/anycity-laa.xlsx --out out/
  laa-scorecard refresh "regions/**/*.xlsx" --in-place
`;

/** Usage errors (exit 2). */
export const usage = {
  noCommand: "Say what to do: rate, scorecard, refresh or snapshot.",
  unknownCommand: (c: string) => `Unknown command "${c}": use rate, scorecard, refresh or snapshot.`,
  noFiles: "Name at least one .xlsx file or pattern.",
  noMatch: (pattern: string) => `No file matches ${pattern}.`,
  noDestination: "Say where results go: --out <dir>, or --in-place to write over the inputs.",
  bothDestinations: "Use either --out or --in-place, not both.",
  outIsInput: (file: string) => `--out would write over the input ${file}; use another folder, or --in-place if that is what you mean.`,
  sameName: (name: string, a: string, b: string) => `Two inputs have the same name ${name} (${a} and ${b}), so --out would write one over the other.`,
  reportOverFile: (report: string, file: string) => `--report ${report} would write over the workbook ${file}; name another file for the report.`,
  badOption: (detail: string) => `${detail}`,
  rulesUnreadable: (file: string, why: string) => `Cannot read the rules file ${file}: ${why}.`,
  rulesInvalid: (file: string, why: string) => `The rules file ${file} is not valid: ${why}`,
  rulesUnknownKey: (file: string, key: string, known: readonly string[]) => `The rules file ${file} has an unknown setting "${key}" (known: ${known.join(", ")}).`,
  badAsAt: (value: string) => `--as-at ${value} is not a period label (2009/10, Q2 2010/11) or an ISO date (2010-09-30).`,
  notAvailable: (command: string) => `The ${command} command is not available in this build (the scorecard sheets have not been built into it yet); rate is.`,
  hint: "Run laa-scorecard --help for usage and examples.",
} as const;

/** Per-file failures (exit 3) and notes. */
export const fileMessages = {
  unreadable: (file: string, why: string) => `${file} could not be read: ${why}`,
  notXlsx: (file: string, why: string) => `${file} could not be read as an .xlsx workbook: ${why}`,
  otherFormat: (file: string, format: "encrypted" | "xls" | "ods" | "not-zip") => ({
    encrypted: `${file} is protected with a password (encrypted), so it cannot be read. Save a copy without the password (File > Info > Protect Workbook) and run it again.`,
    xls: `${file} is an old-style Excel 97-2003 workbook (.xls), not .xlsx. Open it in Excel and save it as an Excel Workbook (.xlsx).`,
    ods: `${file} is an OpenDocument spreadsheet (.ods), not .xlsx. Open it and save it as an Excel Workbook (.xlsx).`,
    "not-zip": `${file} could not be read as an .xlsx workbook: its contents are not an Excel package. Check it is the file you meant.`,
  })[format],
  tooBig: (file: string, sheets: readonly string[], limit: number) =>
    `${file} was not read: it is too large for this runner to load (${sheets.join("; ")}; the most it loads is ${Math.round(limit / 1024 / 1024)} MB of data per sheet). Remove unused rows or split the workbook.`,
  settingTooBig: (key: string, chars: number) =>
    `The stored setting "${key}" is too large to read (${(chars / 1024 / 1024).toFixed(1)} MB), so it was removed and the defaults are used.`,
  unwritable: (file: string, why: string) => `${file} could not be written: ${why}`,
  refused: (file: string, parts: readonly string[]) =>
    `${file} was not written: it holds ${parts.join("; ")}, which this runner cannot keep. Use --force to write it anyway without them.`,
  forced: (parts: readonly string[]) => `Written with --force: lost ${parts.join("; ")}.`,
  notRated: (file: string, message: string) => `${file} was not changed: ${message}`,
  failed: (file: string, why: string) => `${file} failed: ${why}`,
  noData: "The workbook has no data to rate.",
  noDataNext: "Open it in Excel and check it holds an indicator table.",
} as const;

/** Lines of the summary on stdout. */
export const summary = {
  rated: (file: string, out: string, rows: number, counts: string, problems: number) =>
    `${file}: rated ${rows} indicator${rows === 1 ? "" : "s"} (${counts}), ${problems} problem${problems === 1 ? "" : "s"} -> ${out}`,
  scorecard: (file: string, out: string, sheets: readonly string[], problems: number) =>
    `${file}: scorecard sheets ${sheets.join(", ")}, ${problems} problem${problems === 1 ? "" : "s"} -> ${out}`,
  snapshot: (file: string, out: string, saved: number, reviewDate: string) => `${file}: review snapshot of ${saved} indicators as at ${reviewDate} -> ${out}`,
  total: (done: number, failed: number) => `${done} file${done === 1 ? "" : "s"} done${failed ? `, ${failed} not done` : ""}.`,
  report: (file: string) => `Report: ${file}`,
} as const;
