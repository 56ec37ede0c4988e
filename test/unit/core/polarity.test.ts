import { parsePolarity } from "../../../src/core/polarity";

// The accepted words are docs/methods.md#polarity's list.
describe("parsePolarity (docs/methods.md#polarity)", () => {
  it.each([
    ["higher", "higher"], ["High", "higher"], ["up", "higher"], ["Increase", "higher"], ["higher is better", "higher"],
    ["High is good", "higher"], ["RAG - High is good", "higher"], ["+", "higher"],
    ["lower", "lower"], ["LOW", "lower"], ["down", "lower"], ["decrease", "lower"], ["Lower is better", "lower"],
    ["low is good", "lower"], ["RAG - Low is good", "lower"], ["-", "lower"],
    ["none", "none"], ["n/a", "none"], ["Not applicable", "none"], ["no polarity", "none"], ["BOB", "none"], ["Data only", "none"],
  ])("reads %p as %p", (word, polarity) => {
    expect(parsePolarity(word)).toEqual({ ok: true, value: polarity });
  });
  it("trims and ignores case and doubled spaces", () => {
    expect(parsePolarity("  RAG -  low IS good ")).toEqual({ ok: true, value: "lower" });
  });
  it("takes a blank as the default, higher", () => {
    expect(parsePolarity("")).toEqual({ ok: true, value: "higher" });
    expect(parsePolarity("   ")).toEqual({ ok: true, value: "higher" });
    expect(parsePolarity(null)).toEqual({ ok: true, value: "higher" });
  });
  it("never guesses: unknown text is an input problem that quotes the text", () => {
    const result = parsePolarity("Smaller");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.kind).toBe("value");
      expect(result.problem.message).toContain('"Smaller"');
    }
  });
  it("does not take words JavaScript objects carry (constructor, toString) as a polarity", () => {
    for (const word of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const result = parsePolarity(word);
      expect([word, result.ok]).toEqual([word, false]);
    }
  });
});
