/**
 * Collecting a phase's garbage (src/cli/collect.ts): only for a large workbook, whose phases take
 * seconds, and only when Node exposes a collector (bin.cjs starts a large run with --expose-gc).
 * A collection for each phase of a small workbook would cost more than the phase.
 */
import { garbageCollector, LARGE_WORKBOOK_BYTES } from "../../src/cli/collect";

describe("collecting garbage between the runner's phases", () => {
  const g = globalThis as { gc?: () => void };
  const before = g.gc;
  // Assigned, never deleted: under npm test Node runs with --expose-gc, and its gc cannot be deleted.
  afterEach(() => {
    g.gc = before;
  });

  it("collects for a workbook of 2 MB or more, never for a smaller one", () => {
    let calls = 0;
    g.gc = () => {
      calls++;
    };
    expect(LARGE_WORKBOOK_BYTES).toBe(2 * 1024 * 1024);
    garbageCollector(LARGE_WORKBOOK_BYTES - 1)();
    expect(calls).toBe(0);
    garbageCollector(LARGE_WORKBOOK_BYTES)();
    expect(calls).toBe(1);
  });

  it("does nothing when Node was started without --expose-gc", () => {
    g.gc = undefined;
    expect(() => garbageCollector(100 * LARGE_WORKBOOK_BYTES)()).not.toThrow();
  });
});
