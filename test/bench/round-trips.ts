/*
 * Round trips and payload: Rate RAG at 1,000 / 10,000 / 100,000 rows and Build scorecard
 * for 500 indicators, run through the emulator (the real src/excel code) and counted with its
 * counters. On Excel each sync is a round trip to the workbook, so syncs decide speed on the web
 * (docs/architecture.md); the floor is 2 (one read, one write). Every request and response must stay under
 * Excel on the web's 5 MB limit. These are counts and sizes, so the bench fails when a budget does
 * not hold. The emulator's milliseconds are CPU time only (no network) and are shown for context.
 */
import { performance } from "node:perf_hooks";
import { createExcelApi, createWorkbook, PAYLOAD_LIMIT_BYTES, type Counters, type ExcelApi, type WorkbookModel } from "../../src/emulator";
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { rateRag } from "../../src/excel/rate-rag";
import { scorecardCommands } from "../../src/excel/scorecard";
import { wideWorkbook } from "../excel/fixtures";
import { MB, withRatio, type Row } from "./table";

/** One read and one write: the fewest syncs a command that reads the workbook and writes to it can take. */
export const SYNC_FLOOR = 2;
/** The budgets (counts, BENCHMARKS.md): Rate RAG on 10,000 and 100,000 rows, Build scorecard for 500 indicators. */
export const RATE_RAG_10K_SYNCS = 3;
export const RATE_RAG_100K_SYNCS = 6;
export const SCORECARD_500_SYNCS = 6;

const limitMb = PAYLOAD_LIMIT_BYTES / MB;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(2);
}

/**
 * The emulator's time floor for a command on this workbook: one sync reading the sheet's used range
 * and one writing a block of `outputColumns` columns beside it, with the payload limits lifted (so
 * 100,000 rows need no chunking). Milliseconds of the two syncs.
 */
async function ioFloorMs(workbook: WorkbookModel, sheet: string, outputColumns: number): Promise<number> {
  const api = createExcelApi(workbook, { limits: { payloadBytes: Number.POSITIVE_INFINITY, cellsPerRead: Number.POSITIVE_INFINITY } });
  const start = performance.now();
  await api.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange();
    used.load(["values", "rowCount", "columnCount"]);
    await context.sync();
    const block = (used.values as unknown[][]).map((row, r) => Array.from({ length: outputColumns }, (_, c) => (r === 0 ? `Output ${c + 1}` : c === 0 ? "Green" : row.length)));
    context.workbook.worksheets.getItem(sheet).getRangeByIndexes(0, used.columnCount, used.rowCount, outputColumns).values = block as never;
    await context.sync();
  });
  return performance.now() - start;
}

/** Selects `cell` on `sheet` (as the user does before Rate RAG) in its own run, not counted. */
async function select(api: ExcelApi, sheet: string, cell: string): Promise<void> {
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** The rows for one command's counters: syncs against the floor, largest request and response against 5 MB. */
export function counterRows(area: string, what: string, counters: Counters, ms: number, floorMs: number | null, syncBudget: number | null): Row[] {
  const moved = `${mb(counters.requestBytes + counters.responseBytes)} MB moved in all; ${counters.cellsRead.toLocaleString("en-GB")} cells read, ${counters.cellsWritten.toLocaleString("en-GB")} written`;
  const syncs: Row = withRatio({ area, figure: `${what}: syncs`, value: counters.syncs, unit: "syncs", baseline: "floor: 1 read + 1 write", baselineValue: SYNC_FLOOR, note: moved });
  const budgeted = syncBudget === null ? syncs : { ...syncs, budget: `<= ${syncBudget} syncs`, pass: counters.syncs <= syncBudget };
  const size = (figure: string, bytes: number): Row =>
    withRatio({ area, figure: `${what}: ${figure}`, value: bytes / MB, unit: "MB", baseline: "Excel on the web limit", baselineValue: limitMb, budget: `< ${limitMb} MB`, pass: bytes < PAYLOAD_LIMIT_BYTES });
  return [
    budgeted,
    size("largest request", counters.maxRequestBytes),
    size("largest response", counters.maxResponseBytes),
    withRatio({ area, figure: `${what}: emulator time (CPU only, no network)`, value: ms, unit: "ms", ...(floorMs === null ? {} : { baseline: "emulator: 1 read + 1 write of the same cells", baselineValue: floorMs }) }),
  ];
}

/** Rate RAG on an n-row wide indicator table (test/excel/fixtures.ts), counted. */
async function rateRagRows(n: number): Promise<Row[]> {
  const api = createExcelApi(wideWorkbook(n));
  await select(api, "Indicators", "B2");
  const start = performance.now();
  const { result, counters } = await api.runWithCounters((context) => rateRag(context));
  const ms = performance.now() - start;
  if (result.rated !== n) throw new Error(`Round-trips bench: Rate RAG rated ${result.rated} of ${n} rows`);
  const floorMs = await ioFloorMs(wideWorkbook(n), "Indicators", OUTPUT_COLUMNS.length);
  const budget = n === 10_000 ? RATE_RAG_10K_SYNCS : n === 100_000 ? RATE_RAG_100K_SYNCS : null;
  return counterRows("Round trips", `Rate RAG, ${n.toLocaleString("en-GB")} rows`, counters, ms, floorMs, budget);
}

/** The four balanced-scorecard perspectives the generated table uses. */
const PERSPECTIVES = ["Customer", "Financial", "Internal process", "Learning and growth"];
const SCORECARD_HEADERS = ["Code", "Indicator", "Perspective", "Objective", "Polarity", "Baseline 2007/08", "Target 2008/09", "Target 2009/10", "Target 2010/11", "Actual 2008/09", "Actual 2009/10", "Owner", "Commentary"];

/**
 * A wide indicator table of n indicators in four perspectives, written straight into the model (as
 * wideWorkbook does, so building it costs no round trips). Actuals cycle through met, 3% short, 20%
 * short and missing, as in test/excel/fixtures.ts.
 */
export function scorecardWorkbook(n: number): WorkbookModel {
  const wb = createWorkbook(["Indicators"]);
  const sheet = wb.sheets[0];
  const put = (r: number, c: number, v: unknown) => {
    if (v !== null) sheet.ensureCell(r, c).value = v as never;
  };
  SCORECARD_HEADERS.forEach((h, c) => put(0, c, h));
  for (let i = 0; i < n; i++) {
    const perspective = PERSPECTIVES[i % 4];
    const actual = [60, 58.2, 48, null][i % 4];
    const row = [`KPI ${i + 1}`, `Indicator number ${i + 1}`, perspective, `${perspective} objective ${1 + (i % 3)}`, i % 5 === 0 ? "Lower is better" : "Higher is better", 50, 56, 60, 64, actual === null ? null : 55, actual, `Owner ${1 + (i % 7)}`, "On track with the agreed plan"];
    row.forEach((v, c) => put(i + 1, c, v));
  }
  return wb;
}

/** Build scorecard for n indicators in four perspectives, counted; its time against Rate RAG on the same table. */
async function scorecardRows(n: number): Promise<Row[]> {
  const what = `Build scorecard, ${n.toLocaleString("en-GB")} indicators`;
  const api = createExcelApi(scorecardWorkbook(n));
  await select(api, "Indicators", "B2");
  const start = performance.now();
  const { result, counters } = await api.runWithCounters((context) => scorecardCommands.buildScorecard(context, { refresh: false }));
  const ms = performance.now() - start;
  const rated = Object.values(result.counts).reduce((sum, c) => sum + c, 0);
  if (rated !== n) throw new Error(`Round-trips bench: Build scorecard counted ${rated} of ${n} indicators`);

  const rateApi = createExcelApi(scorecardWorkbook(n));
  await select(rateApi, "Indicators", "B2");
  const rateStart = performance.now();
  await rateApi.run((context) => rateRag(context));
  const rateMs = performance.now() - rateStart;

  const rows = counterRows("Round trips", what, counters, ms, null, n === 500 ? SCORECARD_500_SYNCS : null);
  const time = rows.length - 1;
  rows[time] = withRatio({ ...rows[time], baseline: "Rate RAG on the same table", baselineValue: rateMs });
  return rows;
}

/** All round-trip rows: Rate RAG at 1,000, 10,000 and 100,000 rows, then Build scorecard for 500. */
export async function benchRoundTrips(sizes: readonly number[] = [1_000, 10_000, 100_000], scorecardIndicators = 500): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) rows.push(...(await rateRagRows(n)));
  rows.push(...(await scorecardRows(scorecardIndicators)));
  return rows;
}
