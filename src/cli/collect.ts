/**
 * A full garbage collection between the runner's phases, when Node was started with --expose-gc
 * (bin.cjs starts a large run so). Each phase lets go of what the last one built: the emulator's
 * workbook after the save, a large sheet's old text and bytes after the style restoration. V8 would
 * collect them only once the heap had grown to several times what is live, and on a 100,000-row
 * workbook that growth was the run's peak memory (BENCHMARKS.md, runner memory). A collection costs
 * tens of milliseconds against a phase of seconds. Without --expose-gc (a small file run in-process,
 * the tests) it does nothing.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
