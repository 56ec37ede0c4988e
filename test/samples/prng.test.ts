import { mulberry32, normalDraw, poissonDraw } from "../../src/samples/prng";

// The samples' generator must repeat itself exactly (deterministic seed).
describe("seeded generator for the samples", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = mulberry32(2008);
    const b = mulberry32(2008);
    const c = mulberry32(2009);
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
  });
  it("draws numbers in [0, 1) spread evenly (mean near 1/2, each tenth near 10%)", () => {
    const r = mulberry32(42);
    const draws = Array.from({ length: 20000 }, r);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
    for (let d = 0; d < 10; d++) {
      const share = draws.filter((x) => Math.floor(x * 10) === d).length / draws.length;
      expect(Math.abs(share - 0.1)).toBeLessThan(0.01);
    }
  });
  it("draws standard normal values (mean near 0, variance near 1)", () => {
    const r = mulberry32(7);
    const xs = Array.from({ length: 20000 }, () => normalDraw(r));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
  it.each([0.5, 4, 25, 400])("draws Poisson counts with mean and variance near %p", (mean) => {
    const r = mulberry32(11);
    const ks = Array.from({ length: 20000 }, () => poissonDraw(r, mean));
    expect(ks.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    const m = ks.reduce((s, x) => s + x, 0) / ks.length;
    const v = ks.reduce((s, x) => s + (x - m) ** 2, 0) / (ks.length - 1);
    expect(Math.abs(m - mean) / mean).toBeLessThan(0.05);
    expect(Math.abs(v - mean) / mean).toBeLessThan(0.1);
  });
  it("refuses a seed that is not an integer and a negative mean (programmer misuse throws)", () => {
    expect(() => mulberry32(1.5)).toThrow("mulberry32 requires an integer seed");
    expect(() => poissonDraw(mulberry32(1), -1)).toThrow(RangeError);
  });
});
