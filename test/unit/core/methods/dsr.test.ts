/**
 * Directly standardised rate (docs/methods.md#dsr): PHEindicatormethods' own results
 * (testdata_DSR_ISR.xlsx sheets testdata_multiarea and testresults_DSR, every row transcribed into
 * test/fixtures/phe/dsr-multiarea.json with its sheet and row) and hand-worked small cases.
 */
import fixture from "../../../fixtures/phe/dsr-multiarea.json";
import { dsr, ESP_2013 } from "../../../../src/core/methods/dsr";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("DSR against PHEindicatormethods' testresults_DSR (ESP 2013, Dobson limits)", () => {
  const areas = new Set(fixture.inputs.map((r) => r.area));
  const checked = fixture.results.filter((r) => areas.has(r.area as string));
  it("checks every result row whose area's age bands are in testdata_multiarea", () => {
    // rows 2, 3, 4, 6, 7, 8: testdata_big, _small, _tiny per 10,000 and per 100,000; the others use other standards or inputs
    expect(checked.map((r) => r.source.replace(/.* row /, "")).join()).toBe("2,3,4,6,7,8");
  });
  it.each(checked.map((r) => [r.source, r] as const))("%s", (_s, r) => {
    const bands = fixture.inputs.filter((i) => i.area === r.area);
    const multiplier = Number(/per (\d+)/.exec(r.statistic as string)?.[1] ?? 100000);
    const counts = bands.map((b) => b.count as number);
    const pops = bands.map((b) => b.pop as number);
    const at95 = dsr(counts, pops, { multiplier, level: 95 });
    const at998 = dsr(counts, pops, { multiplier, level: 99.8 });
    if (r.value === null) {
      // "dsr NA for total count < 10"
      expect(at95.ok).toBe(false);
      return;
    }
    if (!at95.ok || !at998.ok) throw new Error("no DSR");
    expect(rel(at95.value.value, r.value as number)).toBeLessThan(1e-9);
    expect(rel(at95.value.lower, r.lower95_0cl as number)).toBeLessThan(1e-9);
    expect(rel(at95.value.upper, r.upper95_0cl as number)).toBeLessThan(1e-9);
    expect(rel(at998.value.lower, r.lower99_8cl as number)).toBeLessThan(1e-9);
    expect(rel(at998.value.upper, r.upper99_8cl as number)).toBeLessThan(1e-9);
  });
});

describe("DSR by hand", () => {
  it("weights the band rates by the standard population", () => {
    // Two bands, standard 1 and 3: rates 10/1000 and 40/2000 -> (1 x 0.01 + 3 x 0.02) / 4 = 0.0175,
    // 1,750 per 100,000.
    const r = dsr([10, 40], [1000, 2000], { standard: [1, 3] });
    expect(r.ok && r.value.value).toBeCloseTo(1750, 9);
  });
  it("gives no DSR below 10 events in total (here 9)", () => {
    const r = dsr([4, 5], [1000, 2000], { standard: [1, 1] });
    expect(r.ok === false && r.problem.message).toMatch(/fewer than 10 events/);
  });
  it("gives #DIV/0! for a zero population, naming the band", () => {
    const r = dsr([10, 0], [1000, 0], { standard: [1, 1] });
    expect(r.ok === false && r.problem.kind).toBe("div0");
    expect(r.ok === false && r.problem.message).toMatch(/Age band 2/);
  });
  it("refuses a missing age band rather than shifting the bands", () => {
    const r = dsr(Array(18).fill(10), Array(18).fill(1000));
    expect(r.ok === false && r.problem.message).toMatch(/18 age bands but the standard population has 19/);
  });
  it("has the 19 ESP 2013 weights summing to 100,000", () => {
    expect(ESP_2013).toHaveLength(19);
    expect(ESP_2013.reduce((a, b) => a + b, 0)).toBe(100000);
  });
});
