/**
 * The scorecard sheets' words and messages, in one place (UK English, users' words).
 * @example scorecardMessages.renamed("Scorecard", "Scorecard (2)")
 */
export const scorecardMessages = {
  noPerspective: "(no perspective)",
  allIndicators: "All indicators",
  noObjective: "(no objective)",
  movementNew: "New",
  movementSame: "No change",
  movementNotCompared: "Not compared",
  /** The Scorecard's overall line: what the Movement column compares with. */
  movementSince: (snapshotDate: string | null) =>
    snapshotDate === null
      ? "No review snapshot is saved yet, so every indicator's Movement says New (Save review snapshot before a review to compare the next one with it)."
      : `Movement is since the review snapshot of ${snapshotDate}.`,
  movementUp: "Improved",
  movementDown: "Worsened",
  renamed: (wanted: string, used: string) => `A sheet called "${wanted}" is yours, so the add-in left it alone and used "${used}".`,
  noIndicators: "No indicators were rated, so there is nothing to put on a scorecard.",
  noIndicatorsNext: "Select a cell inside your indicator table (with at least one indicator row) and try again.",
  nameExhausted: (wanted: string) => `Every name from "${wanted}" to "${wanted} (99)" is taken by your sheets.`,
  nameExhaustedNext: "Rename or delete one of those sheets, then try again.",
  changedHistory: (sheet: string) => `The review snapshots on ${sheet} no longer have the add-in's columns (Review date, Code, Area, Indicator, As at, Value, Target, Status), so earlier snapshots were not read.`,
  restoreHistory: (sheet: string, columns: string) => `Restore the header row (${columns}) on ${sheet}, or rename that sheet so a new history starts, then try again.`,
  progressReadingSheets: "Reading the scorecard sheets",
  progressLayingOut: "Laying out the scorecard sheets",
  progressWriting: "Writing the scorecard sheets",
  progressDone: "Done",
  emptyExceptions: "No indicator is Red or Amber.",
  /** The Scorecard detail's Polarity cell of an indicator whose status rests on an assumed polarity. */
  polarityAssumedWord: "assumed",
  /** Red-reds (docs/methods.md#recent-trend): worse than the benchmark and getting worse. */
  redRed: "Red-red",
  redRedHeader: "Red-red",
  recentTrendHeader: "Recent trend",
  exceptionsWithRedReds: (level: number, redReds: number, red: number, amber: number) =>
    redReds === 0
      ? `No red-reds (significantly worse than the benchmark at ${level}% and getting worse by the recent trend); ${red} Red and ${amber} Amber indicators, worst first.`
      : `${redReds === 1 ? "1 red-red" : `${redReds} red-reds`} (significantly worse than the benchmark at ${level}% and getting worse by the recent trend) first, then ${red} other Red and ${amber} Amber indicators, worst first.`,
  scorecardRedReds: (level: number) => `Red-red: significantly worse than the benchmark at ${level}% and getting worse by the recent trend (the public health profiles' method).`,
  /** On every sheet's heading when some statuses rest on an assumed polarity (docs/methods.md#polarity-assumed). */
  polarityAssumed: (n: number, hasColumn: boolean) =>
    `Polarity assumed (higher is better) for ${n === 1 ? "1 indicator" : `${n} indicators`}: ${hasColumn ? "check the Polarity column" : "add a Polarity column"} where lower is better; each says "polarity assumed" in its reason.`,
  /** The Area comparison legend; the method is named publicly, see docs/methods.md. */
  areasLegend: "Each cell: the area's status, then its quartile among the areas on the latest value (Q1 = best quarter), with quantiles as the public health profiles compute them (PHEindicatormethods).",
  /** SPC summary (docs/methods.md#spc): what variation and assurance mean, in one line. */
  spcExplained: "Variation: is the latest value ordinary ups and downs (common cause) or a signal to act on (special cause: improvement or concern)? Assurance: judged from the process limits, will the target be met every time (consistently passing), only sometimes (hit and miss), or not at all (consistently failing)?",
  spcMethod: (provisionalBelow: number) =>
    `XmR charts as NHS England's Making Data Count: the mean and the process limits (mean \u00b1 2.66 \u00d7 the mean moving range) from the baseline and the actuals for periods of the same length as the latest actual; a chart of fewer than ${provisionalBelow} points is provisional.`,
  spcIconKey: "Icons: \u2191 / \u2193 a special cause high or low (blue: improvement, orange: concern, purple: no polarity), \u2013 common cause; P consistently passing, ? hit and miss, F consistently failing.",
  spcNotCharted: "Not charted",
  spcTooFew: (min: number, count: number) => `Fewer than ${min} points (${count === 1 ? "1 point" : `${count} points`})`,
  spcSummaryCount: (charted: number, tooFew: number) =>
    `${charted === 1 ? "1 indicator" : `${charted} indicators`} with an XmR chart${tooFew > 0 ? `; ${tooFew} with too few points, listed at the end` : ""}.`,
  spcChartsLegend: "Each chart: the values with the mean and the lower and upper process limits, and the target where there is one. Special-cause points are blue for an improvement and orange for a concern (purple where the indicator has no polarity).",
  spcChartsLeftOut: (shown: number, left: number) =>
    `${left === 1 ? "1 indicator is" : `${left} indicators are`} not charted here: the sheet holds the first ${shown} charts, so it stays quick to open and print. Every indicator is on the SPC summary.`,
  spcProvisional: "Provisional",
  areasPaged: (areas: number, pages: number, perPage: number) =>
    `${areas} areas, in ${pages} pages of up to ${perPage} areas across; each page repeats the indicator columns and starts a printed page.`,
  areasPage: (from: number, to: number, of: number) => `Areas ${from} to ${to} of ${of}`,
  funnelsLegend: (count: number) =>
    `${count === 1 ? "1 funnel plot follows" : `${count} funnel plots follow`} the areas: each area's value against its denominator, with the baseline (the areas together) and the 2 SD (95%) and 3 SD (99.8%) limits. Areas beyond the 2 SD limits are blue where that is better, orange where worse (purple where the indicator has no polarity); the others grey.`,
  funnelsNone: "No funnel plots: the table has no Count and Denominator columns, which a funnel needs for each area.",
  funnelSkipped: (list: string) => `No funnel for ${list}.`,
  funnelTooFewAreas: (areas: number) => `only ${areas === 1 ? "1 area has" : `${areas} areas have`} a count, a denominator and a value (a funnel needs 5)`,
  funnelCountAbove: "some counts are above their denominators, which a proportion cannot be",
  funnelNotCountOverDenominator: "the values are not count / denominator times a power of ten (for example a standardised rate), so limits from the counts would not fit them",
  funnelHeading: "funnel plot",
  funnelNote: (statistic: "proportion" | "rate", multiplier: number, areas: number, baseline: number, england: number | null) =>
    `${statistic === "rate" ? `Crude rate per ${multiplier.toLocaleString("en-GB")}` : multiplier === 100 ? "Percentage" : "Proportion"} of ${areas} areas. Baseline (the areas together, drawn black): ${baseline.toLocaleString("en-GB", { maximumFractionDigits: 2 })}${england !== null ? `; England (orange): ${england.toLocaleString("en-GB", { maximumFractionDigits: 2 })}` : ""}. Each area's funnel label: High or Low beyond the 2 SD (0.025) or 3 SD (0.001) limit, else Not significant.`,
  funnelLimitsHeading: "Limits drawn on the chart",
  funnelLimitsHeadingRate: "Limits drawn on the chart: each limit's population, then its rate",
  /** The funnel's series of areas, by how they compare with the baseline (area-funnel.ts funnelGroup). */
  funnelGroupSeries: { worse: "Worse than the baseline", better: "Better than the baseline", higherOrLower: "Higher or lower than the baseline", similar: "Not significantly different" },
  funnelBaselineSeries: "Baseline",
  funnelAxisPopulation: "Denominator (population)",
  funnelAxisDenominator: "Denominator",
  funnelAxisRate: (multiplier: number) => `Rate per ${multiplier.toLocaleString("en-GB")}`,
  funnelAxisPercent: "Percentage",
  funnelAxisProportion: "Proportion",
  trendsLegend: (limits: boolean) =>
    `Each chart shows the actuals against the target trajectory (baseline to targets, straight lines between milestones) where there are targets, and the benchmark where there is one.${limits ? " Lines without markers: the 95% confidence limits." : ""}`,
  /** A chart sheet that holds the first charts only (Trends, Area comparison's funnels). */
  chartsLeftOut: (shown: number, left: number, sheet: string, what = "charts") =>
    `${left === 1 ? "1 more indicator is" : `${left} more indicators are`} not charted here: ${sheet} holds the first ${shown} ${what} in the table's order, so the workbook stays quick to build, open and print. To chart others, filter the indicator table to them (hidden rows are left out) and build the scorecard again.`,
} as const;
