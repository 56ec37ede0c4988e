/**
 * The emulator's public face: an in-memory workbook and an `Excel`-like namespace whose `run`
 * gives the real src/excel code a RequestContext with Excel's semantics.
 *
 * @example
 * const workbook = createWorkbook(["Data"]);
 * const Excel = createExcelApi(workbook);
 * await Excel.run(async (context) => { context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]]; await context.sync(); });
 * workbook.lastRun.syncs // => 1
 */
import { EmulatorError } from "./errors";
import { type Counters, type FormulaEngine, WorkbookModel } from "./model";
import { Workbook } from "./objects";
import { DEFAULT_LIMITS, type EmulatorLimits, RequestContextImpl } from "./runtime";

export { EmulatorError, isExcelError, type EmulatorErrorCode } from "./errors";
export { WorkbookModel, SheetModel, type Counters, type FormulaEngine, zeroCounters } from "./model";
export { parseAddress, formatAddress, columnIndex, columnLetters } from "./address";
export { PAYLOAD_LIMIT_BYTES, CELL_READ_LIMIT, DEFAULT_LIMITS, type EmulatorLimits } from "./runtime";

/** Office enums are objects whose keys are the lowerCamel form of their string values. */
function enumOf<V extends string>(values: readonly V[]): Readonly<Record<string, V>> {
  return Object.freeze(Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v])));
}

/** The Excel enums the add-in uses, with Excel's string values (https://learn.microsoft.com/javascript/api/excel#enums). */
export const excelEnums = {
  ChartType: enumOf(["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "Pie", "Doughnut", "Area", "XYScatter"] as const),
  ChartSeriesBy: enumOf(["Auto", "Columns", "Rows"] as const),
  ChartLegendPosition: enumOf(["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"] as const),
  ConditionalFormatType: enumOf(["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"] as const),
  ConditionalCellValueOperator: enumOf(["Invalid", "Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"] as const),
  ConditionalTextOperator: enumOf(["Invalid", "Contains", "NotContains", "BeginsWith", "EndsWith"] as const),
  ConditionalIconCriterionOperator: enumOf(["Invalid", "GreaterThan", "GreaterThanOrEqual"] as const),
  ConditionalFormatIconRuleType: enumOf(["Invalid", "Number", "Percent", "Formula", "Percentile"] as const),
  IconSet: enumOf(["Invalid", "ThreeArrows", "ThreeArrowsGray", "ThreeFlags", "ThreeTrafficLights1", "ThreeTrafficLights2", "ThreeSigns", "ThreeSymbols", "ThreeSymbols2", "FourArrows", "FourArrowsGray", "FourRedToBlack", "FourRating", "FourTrafficLights", "FiveArrows", "FiveArrowsGray", "FiveRating", "FiveQuarters", "ThreeStars", "ThreeTriangles", "FiveBoxes"] as const),
  SheetVisibility: enumOf(["Visible", "Hidden", "VeryHidden"] as const),
  CalculationMode: enumOf(["Automatic", "AutomaticExceptTables", "Manual"] as const),
  ClearApplyTo: enumOf(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"] as const),
  HorizontalAlignment: enumOf(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"] as const),
  RangeValueType: enumOf(["Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"] as const),
  ErrorCodes: enumOf(["AccessDenied", "ApiNotFound", "GeneralException", "InvalidArgument", "InvalidOperation", "InvalidReference", "ItemAlreadyExists", "ItemNotFound", "NotImplemented", "RangeExceedsLimit", "RequestAborted", "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "UnsupportedOperation", "MergedRangeConflict"] as const),
};

/** Options for createExcelApi. */
export interface ExcelApiOptions {
  /** Limits to enforce; default Excel on the web's (5 MB payloads, 5 million cells per read). */
  readonly limits?: EmulatorLimits;
}

/** What createExcelApi returns: `run` like Excel.run, the enums, and the workbook it acts on. */
export type ExcelApi = typeof excelEnums & {
  /** Excel.run: a fresh RequestContext per call; pending operations are synced when the batch's promise settles. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run that also returns that run's counters. */
  runWithCounters<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ result: T; counters: Counters }>;
  readonly workbook: WorkbookModel;
};

/**
 * An in-memory workbook with the given sheets (the first is active).
 * @example createWorkbook(["Data", "Scorecard"]).sheets.length // => 2
 */
export function createWorkbook(sheetNames: readonly string[] = ["Sheet1"], formulaEngine?: FormulaEngine): WorkbookModel {
  const wb = new WorkbookModel();
  for (const n of sheetNames) wb.addSheet(n);
  if (formulaEngine) wb.formulaEngine = formulaEngine;
  return wb;
}

/**
 * An `Excel`-like namespace over a workbook. src/excel code receives `context` typed as
 * Excel.RequestContext (the cast happens here, at the boundary).
 * Excel.run: https://learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1)
 * "The batch function ... must return a promise" (RunMustReturnPromise otherwise).
 */
export function createExcelApi(workbook: WorkbookModel, options: ExcelApiOptions = {}): ExcelApi {
  const limits = options.limits ?? DEFAULT_LIMITS;
  async function runWithCounters<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ result: T; counters: Counters }> {
    const ctx = new RequestContextImpl(workbook, limits);
    ctx.workbook = new Workbook(ctx, "Workbook", () => workbook);
    const finish = () => {
      ctx.closed = true;
      ctx.counters.runs = 1;
      const total = workbook.counters;
      for (const k of Object.keys(total) as (keyof Counters)[]) {
        total[k] = k.startsWith("max") ? Math.max(total[k], ctx.counters[k]) : total[k] + ctx.counters[k];
      }
      workbook.lastRun = { ...ctx.counters };
    };
    try {
      const pending = batch(ctx as unknown as Excel.RequestContext) as unknown;
      if (!pending || typeof (pending as Promise<T>).then !== "function") throw new EmulatorError("RunMustReturnPromise", undefined, "Excel.run");
      const result = await (pending as Promise<T>);
      if (ctx.pendingCount > 0) await ctx.sync();
      finish();
      return { result, counters: { ...ctx.counters } };
    } catch (e) {
      finish();
      throw e;
    }
  }
  return {
    ...excelEnums,
    workbook,
    run: async (batch) => (await runWithCounters(batch)).result,
    runWithCounters,
  };
}

/**
 * Makes `api` the global `Excel` (as office.js does in Excel), so code that calls `Excel.run` or reads
 * `Excel.ChartType.barClustered` runs unchanged in Node or the workbench. Returns a function that
 * restores what was there before.
 * @example const restore = installExcelGlobal(createExcelApi(createWorkbook())); ...; restore();
 */
export function installExcelGlobal(api: ExcelApi): () => void {
  const g = globalThis as { Excel?: unknown };
  const had = "Excel" in g;
  const before = g.Excel;
  g.Excel = api;
  return () => {
    if (had) g.Excel = before;
    else delete g.Excel;
  };
}
