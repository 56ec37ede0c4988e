/**
 * Where a file's time and memory go, phase by phase (package read, emulator import, table read,
 * core, writes, package write, style restoration, no-loss verification, zip write, file write), for the bench
 * (test/bench/runner.ts). Off unless LAA_SCORECARD_PHASES is set; then each file's phases are
 * printed to stderr as one line `laa-phases {json}` when the file is done. Costs nothing when off.
 */
import { performance } from "node:perf_hooks";

/** One phase: its wall time and the process's resident and heap memory when it ended, in MB. */
export interface Phase {
  readonly name: string;
  readonly ms: number;
  readonly rssMb: number;
  readonly heapMb: number;
}

const MB = 1024 * 1024;

/** A stopwatch that closes the open phase at each mark. */
export interface PhaseClock {
  /** Ends the phase under way, naming it. */
  mark(name: string): void;
  /** Prints the phases (when enabled). */
  flush(file: string): void;
}

const OFF: PhaseClock = { mark: () => undefined, flush: () => undefined };

/** A clock for one file: a real one when LAA_SCORECARD_PHASES is set, else one that does nothing. */
export function phaseClock(enabled = Boolean(process.env.LAA_SCORECARD_PHASES)): PhaseClock {
  if (!enabled) return OFF;
  const phases: Phase[] = [];
  let last = performance.now();
  return {
    mark(name) {
      const now = performance.now();
      const m = process.memoryUsage();
      phases.push({ name, ms: now - last, rssMb: m.rss / MB, heapMb: m.heapUsed / MB });
      last = performance.now();
    },
    flush(file) {
      process.stderr.write(`laa-phases ${JSON.stringify({ file, phases })}\n`);
    },
  };
}
