import { median, medianAbsoluteDeviation, medianDistance } from "../../../src/core/median-distance";

// Hand-worked group: 10, 12, 14, 16, 18, 20, 40 -> median 16; |x-16| = 6,4,2,0,2,4,24 -> sorted 0,2,2,4,4,6,24 -> MAD 4.
const group = [10, 12, 14, 16, 18, 20, 40];

describe("median and raw MAD", () => {
  it("takes the middle value and the median of absolute deviations", () => {
    expect(median(group)).toBe(16);
    expect(medianAbsoluteDeviation(group)).toBe(4);
    expect(median([1, 2, 3, 4])).toBe(2.5); // (2 + 3) / 2
  });
});

describe("Median preset (distance in MADs, words, status)", () => {
  const cases: [number, "higher" | "lower" | "none", string, string][] = [
    [17, "higher", "broadly similar", "Amber"], // (17-16)/4 = 0.25
    [18, "higher", "slightly better", "Green"], // (18-16)/4 = 0.5, the Green edge
    [14, "higher", "slightly worse", "Red"], // (14-16)/4 = -0.5
    [24, "lower", "worse", "Red"], // (24-16)/4 = 2, plain word
    [50, "higher", "very much better", "Green"], // (50-16)/4 = 8.5
    [40, "none", "much higher", "Grey"], // (40-16)/4 = 6
  ];
  it.each(cases)("value %p polarity %p is %p (%p)", (value, polarity, words, status) => {
    const r = medianDistance(value, group, polarity);
    expect(r.ok && r.value.words).toBe(words);
    expect(r.ok && r.value.status).toBe(status);
  });
  it("uses plain words from 1.5 up to 3 and 'much' from 3 to 7.5 inclusive", () => {
    // Each band includes its lower edge, as 0.5 is "slightly" (docs/methods.md#median-mads):
    // (10-16)/4 = -1.5: plain "better" for lower-is-better; (4-16)/4 = -3 exactly: "much better".
    const at15 = medianDistance(10, group, "lower");
    expect(at15.ok && at15.value).toMatchObject({ distance: -1.5, words: "better", status: "Green" });
    const at3 = medianDistance(4, group, "lower");
    expect(at3.ok && at3.value).toMatchObject({ distance: -3, words: "much better", status: "Green" });
    const past3 = medianDistance(3, group, "lower");
    expect(past3.ok && past3.value.words).toBe("much better");
    // (46-16)/4 = 7.5: still "much"; (47-16)/4 = 7.75: "very much".
    expect(medianDistance(46, group, "higher")).toMatchObject({ ok: true, value: { words: "much better" } });
    expect(medianDistance(47, group, "higher")).toMatchObject({ ok: true, value: { words: "very much better" } });
  });
  it("refuses to scale by a MAD of 0 unless the value is the median", () => {
    const same = [5, 5, 5, 6];
    expect(medianDistance(5, same, "higher")).toMatchObject({ ok: true, value: { words: "broadly similar", status: "Amber" } });
    expect(medianDistance(6, same, "higher")).toMatchObject({ ok: false, problem: { kind: "div0" } });
    expect(medianDistance(6, [], "higher")).toMatchObject({ ok: false, problem: { kind: "na" } });
  });
});
