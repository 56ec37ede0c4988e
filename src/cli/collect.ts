/**
 * A full garbage collection between the runner's phases for a large workbook, when Node was started
 * with --expose-gc (bin.cjs starts a large run so). Each phase lets go of what the last one built:
 * the emulator's workbook after the save, a large sheet's old text and bytes after the style
 * restoration. V8 would collect them only once the heap had grown to several times what is live, and
 * on a 100,000-row workbook that growth was the run's peak memory (BENCHMARKS.md, latest run). A
 * collection costs tens of milliseconds against phases of seconds there; for a small workbook it
 * would cost more than its phases (20 Anycity workbooks in one run took 2.5 times as long), so
 * workbooks under LARGE_WORKBOOK_BYTES are left to V8. Without --expose-gc (a small file run
 * in-process, the tests) it does nothing.
 */

/** Workbooks from this size are large (the size from which bin.cjs rates in a child Node). */
export const LARGE_WORKBOOK_BYTES = 2 * 1024 * 1024;

/**
 * What collects a phase's garbage for a workbook of `size` bytes: a full collection when the
 * workbook is large and Node exposes one, else nothing.
 * @example garbageCollector(100)() // does nothing
 */
export function garbageCollector(size: number): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  return gc && size >= LARGE_WORKBOOK_BYTES ? () => gc() : () => undefined;
}
