import { zeroCounters } from "../../src/emulator";
import { counterRows, RATE_RAG_10K_SYNCS } from "./round-trips";
import { runnerRows } from "./runner-rows";
import { figureRows, formatNumber, formatTable, MB, withRatio } from "./table";

// The bench table: every figure with its same-run baseline and ratio; budgets on counts
// and sizes decide pass or FAIL. The 5 MB limit is Excel on the web's payload limit per request and
// response (Microsoft Learn, "Resource limits and performance optimization for Office Add-ins").

describe("bench table", () => {
  it("divides the value by the baseline measured in the same run", () => {
    expect(withRatio({ area: "Core", figure: "rate", value: 640, unit: "ms", baseline: "loop", baselineValue: 2 }).ratio).toBe(320);
    expect(withRatio({ area: "Core", figure: "rate", value: 640, unit: "ms", baseline: "loop", baselineValue: 0 }).ratio).toBeUndefined();
  });

  it("takes an area bench's baseline value as value / ratio", () => {
    const [row] = figureRows("Functions", [{ name: "LAARAG spilled", value: 300, unit: "ms", baseline: "nested IF", ratio: 0.25 }]);
    expect(row).toMatchObject({ area: "Functions", figure: "LAARAG spilled", baseline: "nested IF", baselineValue: 1200, ratio: 0.25 });
  });

  it("prints thousands with separators and small numbers with decimals", () => {
    expect(formatNumber(155681.4)).toBe("155,681");
    expect(formatNumber(1.944)).toBe("1.94");
    expect(formatNumber(12)).toBe("12");
  });

  it("prints one line per figure under the eight columns, FAIL for a broken budget and the reason for a missing figure", () => {
    const lines = formatTable([
      { area: "Round trips", figure: "Rate RAG: syncs", value: 4, unit: "syncs", baseline: "floor", baselineValue: 2, ratio: 2, budget: "<= 3 syncs", pass: false },
      { area: "Task pane", figure: "first render", value: null, unit: "ms", note: "not measured: /usr/bin/chromium is missing" },
    ]);
    expect(lines[0].split("|").map((c) => c.trim())).toEqual(["area", "figure", "value", "unit", "baseline", "ratio", "budget", "pass/fail"]);
    expect(lines[2].split("|").map((c) => c.trim())).toEqual(["Round trips", "Rate RAG: syncs", "4", "syncs", "floor (2 syncs)", "2.00x", "<= 3 syncs", "FAIL"]);
    expect(lines[3].split("|").map((c) => c.trim())).toEqual(["Task pane", "first render", "-", "ms", "", "", "", "not measured: /usr/bin/chromium is missing"]);
  });
});

describe("round-trip budgets", () => {
  const counters = (syncs: number, maxRequestBytes: number) => ({ ...zeroCounters(), syncs, maxRequestBytes, maxResponseBytes: 1000 });

  it("passes Rate RAG on 10,000 rows at 3 syncs and fails it at 4", () => {
    expect(counterRows("Round trips", "Rate RAG", counters(3, 1000), 1, null, RATE_RAG_10K_SYNCS)[0]).toMatchObject({ ratio: 1.5, pass: true });
    expect(counterRows("Round trips", "Rate RAG", counters(4, 1000), 1, null, RATE_RAG_10K_SYNCS)[0]).toMatchObject({ ratio: 2, pass: false });
  });

  it("fails a request of 5 MB and passes one just under it", () => {
    const request = (bytes: number) => counterRows("Round trips", "Rate RAG", counters(3, bytes), 1, null, null).find((r) => r.figure.endsWith("largest request"));
    expect(request(5 * MB)?.pass).toBe(false);
    expect(request(5 * MB - 1)?.pass).toBe(true);
  });
});

describe("headless runner rows", () => {
  it("compares the runner's syncs with the floor of 2 per workbook and its largest request with 5 MB", () => {
    const rows = runnerRows([
      { name: "rate: 20 Anycity workbooks, emulator syncs (all files)", value: 60, unit: "syncs" },
      { name: "rate: 100,000-row workbook, emulator syncs", value: 10, unit: "syncs" },
      { name: "rate: 100,000-row workbook, largest request", value: 5 * MB, unit: "bytes" },
      { name: "rate: 100,000-row workbook, request bytes", value: 2 * MB, unit: "bytes" },
      { name: "rate: 20 Anycity workbooks in one run", value: 3000, unit: "ms", baseline: "1 workbook", ratio: 2.5 },
    ]);
    expect(rows[0]).toMatchObject({ baselineValue: 40, ratio: 1.5 });
    expect(rows[1]).toMatchObject({ baselineValue: 2, ratio: 5 });
    expect(rows[2]).toMatchObject({ value: 5, unit: "MB", pass: false });
    expect(rows[3]).toMatchObject({ value: 2, unit: "MB" });
    expect(rows[4]).toMatchObject({ baseline: "1 workbook", baselineValue: 1200, ratio: 2.5 });
  });
});
