/**
 * Indirectly standardised ratio and rate (docs/methods.md#isr): PHEindicatormethods' own results
 * (testdata_DSR_ISR.xlsx sheets testdata_multiarea_isr, refdata, testdata_err2 and testresults_ISR,
 * every row transcribed into test/fixtures/phe/isr-multiarea.json with its sheet and row) and
 * hand-worked small cases.
 */
import fixture from "../../../fixtures/phe/isr-multiarea.json";
import { isRate, isRatio, smr, type IsrReference } from "../../../../src/core/methods/isr";
import { exactPoissonLower, exactPoissonUpper } from "../../../../src/core/stats/intervals";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// refdata rows 2-20: the reference counts and populations of the 19 bands.
const reference: IsrReference = {
  counts: fixture.refdata.map((r) => r.refcount as number),
  populations: fixture.refdata.map((r) => r.refpop as number),
};

// The bands of an area: testdata_big, _small and _tiny from testdata_multiarea_isr rows 2-58, Area1 and
// Area2 from testdata_err2 rows 2-39 (both sheets list the bands in refdata's order).
function bands(area: string) {
  const rows = [...fixture.inputs, ...fixture.err2].filter((r) => r.area === area);
  return { counts: rows.map((r) => r.count), pops: rows.map((r) => r.pop) };
}

// testdata_tiny's band 10-14 (testdata_multiarea_isr row 42) is blank: PHEindicatormethods counts a
// blank count or population as 0, the core asks for the 0 (see "refuses a blank band" below), so the
// conformance check enters it as 0.
const zeroBlanks = (xs: readonly (number | null)[]) => xs.map((x) => x ?? 0);

describe("ISR against PHEindicatormethods' testresults_ISR (exact below 10 events, Byars from 10)", () => {
  it("checks all 16 result rows (rows 2-17)", () => {
    expect(fixture.results.map((r) => r.source.replace(/.* row /, "")).join()).toBe("2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17");
  });
  it.each(fixture.results.map((r) => [r.source, r] as const))("%s", (_s, r) => {
    const { counts, pops } = bands(r.area);
    const statistic = r.statistic as string;
    const multiplier = Number(/(?:per|x) (\d+)$/.exec(statistic)?.[1]);
    const calc = statistic.includes("rate") ? isRate : isRatio;
    const at95 = calc(zeroBlanks(counts), zeroBlanks(pops), reference, { multiplier, level: 95 });
    const at998 = calc(zeroBlanks(counts), zeroBlanks(pops), reference, { multiplier, level: 99.8 });
    if (!at95.ok || !at998.ok) throw new Error(`no ISR: ${JSON.stringify(at95)}`);
    expect(at95.value.observed).toBe(r.observed);
    expect(rel(at95.value.expected, r.expected)).toBeLessThan(1e-9);
    if (r.ref_rate !== null) {
      const rate = isRate(zeroBlanks(counts), zeroBlanks(pops), reference, { multiplier });
      expect(rate.ok && rel(rate.value.referenceRate, r.ref_rate as number)).toBeLessThan(1e-9);
    }
    expect(at95.value.method).toBe((r.method as string).toLowerCase());
    expect(rel(at95.value.value, r.value)).toBeLessThan(1e-9);
    expect(rel(at95.value.lower, r.lower95_0cl)).toBeLessThan(1e-9);
    expect(rel(at95.value.upper, r.upper95_0cl)).toBeLessThan(1e-9);
    // Rows 14-17 (testdata_err2) give the 95% limits only.
    if (r.lower99_8cl !== null) expect(rel(at998.value.lower, r.lower99_8cl)).toBeLessThan(1e-9);
    if (r.upper99_8cl !== null) expect(rel(at998.value.upper, r.upper99_8cl)).toBeLessThan(1e-9);
  });
  it("gives the same for the reference figures carried on each row of testdata_multiarea_isr", () => {
    // testdata_multiarea_isr rows 2-20 (testdata_big) carry refcount and refpop beside count and pop;
    // testresults_ISR row 2: 10011.137622091057 per 100,000.
    const rows = fixture.inputs.filter((r) => r.area === "testdata_big");
    const own = { counts: rows.map((r) => r.refcount), populations: rows.map((r) => r.refpop) };
    const r = isRate(rows.map((b) => b.count), rows.map((b) => b.pop), own);
    expect(r.ok && rel(r.value.value, 10011.137622091057)).toBeLessThan(1e-9);
  });
});

describe("ISR by hand", () => {
  // Two bands, populations 1,000 and 2,000; reference counts 100 and 50 in 10,000 each, so reference
  // rates 0.01 and 0.005 and E = 1000 x 0.01 + 2000 x 0.005 = 20; reference crude rate
  // 150 / 20,000 = 750 per 100,000.
  const ref = { counts: [100, 50], populations: [10000, 10000] };

  it("divides the observed count by the count the reference rates predict", () => {
    // O = 10 + 20 = 30, ratio 30 / 20 = 1.5, SMR 150, rate 1.5 x 750 = 1,125 per 100,000.
    const ratio = isRatio([10, 20], [1000, 2000], ref);
    expect(ratio.ok && ratio.value).toMatchObject({ observed: 30, expected: 20, method: "byars" });
    expect(ratio.ok && ratio.value.value).toBeCloseTo(1.5, 12);
    const s = smr([10, 20], [1000, 2000], ref);
    expect(s.ok && s.value.value).toBeCloseTo(150, 10);
    const rate = isRate([10, 20], [1000, 2000], ref);
    expect(rate.ok && rate.value.referenceRate).toBeCloseTo(750, 10);
    expect(rate.ok && rate.value.value).toBeCloseTo(1125, 9);
  });
  it("takes reference rates directly for the ratio", () => {
    const r = smr([10, 20], [1000, 2000], { rates: [0.01, 0.005] });
    expect(r.ok && r.value.value).toBeCloseTo(150, 10);
  });
  it("uses exact Poisson limits below 10 events in total (here 7)", () => {
    // O = 3 + 4 = 7, E = 20: limits are the exact limits of 7 events divided by 20, times 100.
    // Exact limits of 7 at 95%: chisq_quantile(0.025, 14) / 2 = 2.8143... and
    // chisq_quantile(0.975, 16) / 2 = 14.4227... (the stats module's own functions).
    const r = smr([3, 4], [1000, 2000], ref);
    if (!r.ok) throw new Error("no SMR");
    expect(r.value.method).toBe("exact");
    expect(r.value.value).toBeCloseTo(35, 10);
    expect(r.value.lower).toBeCloseTo((exactPoissonLower(7, 0.95) / 20) * 100, 10);
    expect(r.value.upper).toBeCloseTo((exactPoissonUpper(7, 0.95) / 20) * 100, 10);
    expect(r.value.lower).toBeCloseTo((2.81427 / 20) * 100, 2);
    expect(r.value.upper).toBeCloseTo((14.42268 / 20) * 100, 2);
  });
  it("gives a ratio of 0 with exact limits for no events", () => {
    // Exact lower limit of 0 events is 0; upper chisq_quantile(0.975, 2) / 2 = -ln(0.025) = 3.6889.
    const r = isRatio([0, 0], [1000, 2000], ref);
    expect(r.ok && [r.value.value, r.value.lower]).toEqual([0, 0]);
    expect(r.ok && r.value.upper).toBeCloseTo(-Math.log(0.025) / 20, 10);
  });
  it("gives #DIV/0! for a zero reference population, naming the band", () => {
    const r = isRatio([10, 20], [1000, 2000], { counts: [100, 0], populations: [10000, 0] });
    expect(r.ok === false && r.problem.kind).toBe("div0");
    expect(r.ok === false && r.problem.message).toMatch(/Age band 2: the reference population is 0/);
  });
  it("accepts a zero population in a band, which expects no events there (testdata_err2 Area1)", () => {
    // Band 2 population 0: E = 1000 x 0.01 + 0 = 10, O = 30, ratio 3.
    const r = isRatio([10, 20], [1000, 0], ref);
    expect(r.ok && r.value.expected).toBe(10);
    expect(r.ok && r.value.value).toBe(3);
  });
  it("gives #DIV/0! when the expected count is 0", () => {
    const r = isRatio([1, 2], [1000, 2000], { rates: [0, 0] });
    expect(r.ok === false && r.problem.kind).toBe("div0");
    expect(r.ok === false && r.problem.message).toMatch(/expected count is 0/);
  });
  it("refuses a blank band (missing age band) with #N/A naming it, rather than taking it as 0", () => {
    // testdata_multiarea_isr row 42: testdata_tiny's band 3 (10-14) has no count or population.
    const { counts, pops } = bands("testdata_tiny");
    const r = isRatio(counts, pops, reference);
    expect(r.ok === false && r.problem.kind).toBe("na");
    expect(r.ok === false && r.problem.message).toMatch(/Age band 3: no count/);
  });
  it("refuses a band count mismatch rather than shifting the bands", () => {
    const r = isRatio(Array(18).fill(10), Array(19).fill(1000), reference);
    expect(r.ok === false && r.problem.kind).toBe("value");
    expect(r.ok === false && r.problem.message).toMatch(/populations have 19 age bands but the counts have 18/);
    const shortRef = isRatio(Array(19).fill(10), Array(19).fill(1000), { counts: reference.counts.slice(1), populations: reference.populations } as IsrReference);
    expect(shortRef.ok === false && shortRef.problem.message).toMatch(/reference counts have 18 age bands/);
  });
  it("refuses negative counts and populations (testdata_err1 and testdata_err3)", () => {
    // testdata_err1 row 7: count -26 in band 25-29 (band 6); testdata_err3 row 3: population -558 in band 5-9.
    const negCount = isRatio([10, -26], [1000, 2000], ref);
    expect(negCount.ok === false && negCount.problem.message).toMatch(/Age band 2: the count is negative/);
    const negPop = isRatio([10, 20], [1000, -558], ref);
    expect(negPop.ok === false && negPop.problem.message).toMatch(/Age band 2: the population is negative/);
  });
  it("accepts the confidence levels 95 and 99.8 and refuses 0.74 and 100%", () => {
    expect(isRatio([10, 20], [1000, 2000], ref, { level: 0.998 }).ok).toBe(true);
    expect(isRatio([10, 20], [1000, 2000], ref, { level: 0.74 }).ok).toBe(false);
    const full = isRatio([10, 20], [1000, 2000], ref, { level: 100 });
    expect(full.ok === false && full.problem.message).toMatch(/no upper limit/);
  });
  it("needs reference counts and populations, not rates alone, for the rate", () => {
    const r = isRate([10, 20], [1000, 2000], { rates: [0.01, 0.005] });
    expect(r.ok === false && r.problem.message).toMatch(/reference crude rate/);
  });
  it("refuses a multiplier of 0", () => {
    expect(isRatio([10, 20], [1000, 2000], ref, { multiplier: 0 }).ok).toBe(false);
  });
});
