/**
 * Emulator bench (docs/architecture.md: benchmarks are scripts that print ratios measured side by side in
 * one run; tests never assert on time). Run: `npx tsx test/emulator/bench.ts [rows]`.
 * The integrator's `npm run bench` can import `benchEmulator` and print its table.
 *
 * It rates nothing itself: it measures the round trips and bytes of the ways src/excel can move
 * 100,000 indicator rows through Excel, with the emulator's counters.
 */
import { createExcelApi, createWorkbook, type Counters } from "../../src/emulator";
import { readUsedRange, readUsedRangeInBlocks } from "../../src/excel/read-used-range";

export interface BenchRow {
  readonly name: string;
  readonly rows: number;
  readonly ms: number;
  readonly counters: Counters;
  readonly error?: string;
}

function rows(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [`NI ${i}`, `Indicator ${i}`, "lower", 100 + (i % 7), 95 + (i % 11), i % 3 === 0 ? "n/a" : 90 + (i % 13)]);
}

async function measure(name: string, rowCount: number, work: (Excel: ReturnType<typeof createExcelApi>) => Promise<Counters>): Promise<BenchRow> {
  const wb = createWorkbook(["Data"]);
  const Excel = createExcelApi(wb);
  const t0 = performance.now();
  try {
    const counters = await work(Excel);
    return { name, rows: rowCount, ms: performance.now() - t0, counters };
  } catch (e) {
    return { name, rows: rowCount, ms: performance.now() - t0, counters: wb.lastRun, error: (e as { code?: string }).code ?? String(e) };
  }
}

/** Runs the scenarios and returns one row each. */
export async function benchEmulator(rowCount = 100_000): Promise<BenchRow[]> {
  const data = rows(rowCount);
  const width = data[0].length;
  const fill = async (Excel: ReturnType<typeof createExcelApi>, block: number): Promise<Counters> => {
    const { counters } = await Excel.runWithCounters(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (let start = 0; start < data.length; start += block) {
        const part = data.slice(start, start + block);
        sheet.getRangeByIndexes(start, 0, part.length, width).values = part;
        // One sync per block on purpose: this bench compares block sizes.
        await context.sync();
      }
    });
    return counters;
  };
  const out: BenchRow[] = [];
  out.push(await measure(`write ${rowCount} rows in one sync`, rowCount, (Excel) => fill(Excel, rowCount)));
  out.push(await measure(`write ${rowCount} rows in blocks of 20,000`, rowCount, (Excel) => fill(Excel, 20_000)));
  const perRow = Math.min(rowCount, 10_000);
  out.push(await measure(`write ${perRow} rows with a sync per row (the anti-pattern)`, perRow, async (Excel) => {
    const { counters } = await Excel.runWithCounters(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (let i = 0; i < perRow; i++) {
        sheet.getRangeByIndexes(i, 0, 1, width).values = [data[i]];
        // The anti-pattern, measured on purpose.
        await context.sync();
      }
    });
    return counters;
  }));
  out.push(await measure(`read ${rowCount} rows with readUsedRange (one sync)`, rowCount, async (Excel) => {
    await fill(Excel, 20_000);
    return (await Excel.runWithCounters((context) => readUsedRange(context, "Data"))).counters;
  }));
  out.push(await measure(`read ${rowCount} rows with readUsedRangeInBlocks`, rowCount, async (Excel) => {
    await fill(Excel, 20_000);
    return (await Excel.runWithCounters((context) => readUsedRangeInBlocks(context, "Data"))).counters;
  }));
  return out;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(2);
}

/**
 * Prints the table. The emulator has no network, so its milliseconds are CPU time only; on Excel
 * each sync is a round trip, so "syncs per 1,000 rows" is the figure to compare across scenarios.
 */
export function printBench(result: readonly BenchRow[]): void {
  const best = Math.min(...result.filter((r) => !r.error).map((r) => r.counters.syncs / r.rows));
  console.log("scenario | syncs | syncs per 1,000 rows | x fewest | max request MB | max response MB | cells written | cells read | emulator ms | result");
  for (const r of result) {
    const c = r.counters;
    const per = c.syncs / r.rows;
    console.log([r.name, c.syncs, (per * 1000).toFixed(2), (per / best).toFixed(0), mb(c.maxRequestBytes), mb(c.maxResponseBytes), c.cellsWritten, c.cellsRead, r.ms.toFixed(0), r.error ?? "ok"].join(" | "));
  }
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100_000);
  benchEmulator(n).then(printBench).catch((e) => { console.error(e); process.exit(1); });
}
