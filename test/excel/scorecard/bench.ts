/*
 * Scorecard bench: builds every scorecard sheet for 500 (and 2,000) generated indicators in
 * four perspectives through the emulator and prints the round trips, request sizes and time of a first
 * build and of a refresh, side by side in one run (docs/architecture.md: benches print, tests never assert
 * on time). Run: npx tsx test/excel/scorecard/bench.ts (the integrator may call runScorecardBench from
 * test/bench/bench.ts so that npm run bench includes it).
 */
import { performance } from "node:perf_hooks";
import { buildScorecard, saveSnapshot } from "../../../src/excel/scorecard";
import { generatedWorkbook } from "./generated";

/** Prints syncs, largest request and milliseconds for a build and a refresh of n indicators. */
export async function runScorecardBench(sizes: readonly number[] = [500, 2000]): Promise<void> {
  console.log("Scorecard sheets: syncs (budget 6 at 500 indicators), largest request, time");
  for (const n of sizes) {
    const api = await generatedWorkbook(n);
    let t = performance.now();
    const first = await api.runWithCounters((context) => buildScorecard(context, { today: "2010-10-20" }));
    const buildMs = performance.now() - t;
    await api.run((context) => saveSnapshot(context, { today: "2010-10-20" }));
    t = performance.now();
    const again = await api.runWithCounters((context) => buildScorecard(context, { today: "2010-10-21" }));
    const refreshMs = performance.now() - t;
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
    console.log(`${String(n).padStart(6)} indicators  build: ${first.counters.syncs} syncs, ${mb(first.counters.maxRequestBytes)}, ${buildMs.toFixed(0)} ms   refresh: ${again.counters.syncs} syncs, ${mb(again.counters.maxRequestBytes)}, ${refreshMs.toFixed(0)} ms   refresh/build time ${(refreshMs / buildMs).toFixed(2)}`);
  }
}

if (require.main === module) runScorecardBench().catch((e) => { console.error(e); process.exit(1); });
