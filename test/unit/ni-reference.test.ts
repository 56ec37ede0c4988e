import { parsePolarity } from "../../src/core/polarity";
import { ANYCITY_INDICATORS } from "../../src/samples/anycity";
import {
  LAA_BLOCKS,
  NI_REFERENCE,
  NI_SOURCES,
  POLARITY_FROM_REFERENCE,
  isValidNiCode,
  lookupNiReference,
  normaliseNiCode,
  polarityFromReference,
} from "../../src/core/ni-reference";
import { REGION_INDICATORS } from "../../src/samples/region";

// National Indicator codes run NI 1 to NI 199 with NI 31 withdrawn; anything else is rejected.
describe("National Indicator codes", () => {
  it.each(["NI 1", "NI 30", "NI 32", "NI 199", "ni 16", "NI16", "NI-16", "  NI  192 "])("accepts %p", (code) => {
    expect(isValidNiCode(code)).toBe(true);
  });
  it.each(["NI 31", "NI 0", "NI 200", "NI 016", "NI 1.5", "NI", "LI 3", "CS 01", "16", "", "NI 16a", "NII 16"])(
    "rejects %p",
    (code) => {
      expect(isValidNiCode(code)).toBe(false);
    },
  );
  it("rejects values that are not text", () => {
    expect(isValidNiCode(16)).toBe(false);
    expect(isValidNiCode(null)).toBe(false);
  });
  it("writes every accepted spelling in the canonical form", () => {
    expect(normaliseNiCode("ni16")).toBe("NI 16");
    expect(normaliseNiCode(" NI-192 ")).toBe("NI 192");
  });
  it("accepts exactly 198 codes between NI 0 and NI 300", () => {
    const accepted = Array.from({ length: 301 }, (_v, n) => `NI ${n}`).filter(isValidNiCode);
    expect(accepted).toHaveLength(198);
    expect(accepted).not.toContain("NI 31");
  });
});

describe("the reference list", () => {
  it("holds only valid, unique codes in code order", () => {
    const codes = NI_REFERENCE.map((e) => e.code);
    expect(codes.every(isValidNiCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const numbers = codes.map((c) => Number(c.slice(3)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });
  it("gives every entry a title, an LAA block, a polarity the core reads and a named source", () => {
    for (const e of NI_REFERENCE) {
      expect(e.title.trim().length).toBeGreaterThan(5);
      expect(LAA_BLOCKS).toContain(e.theme);
      expect(parsePolarity(e.polarity)).toEqual({ ok: true, value: e.polarity });
      expect(NI_SOURCES[e.source]).toBeDefined();
    }
  });
  it("agrees with the Anycity sample on the title and polarity of every indicator both hold", () => {
    // Anycity's own words may differ from the list only where the sample deliberately says so (none do).
    for (const i of ANYCITY_INDICATORS) {
      const ref = lookupNiReference(i.ref);
      expect(ref).toBeDefined();
      expect(i.title).toBe(ref!.title);
      const polarity = parsePolarity(i.polarity);
      if (polarity.ok && polarity.value !== "none") expect(polarity.value).toBe(ref!.polarity);
    }
  });
  it("agrees with the regional sample's NI indicators", () => {
    for (const ind of REGION_INDICATORS.filter((x) => x.id.startsWith("NI"))) {
      expect(lookupNiReference(ind.id)?.title).toBe(ind.name);
      const polarity = parsePolarity(ind.polarity);
      expect(polarity.ok && polarity.value).toBe(lookupNiReference(ind.id)?.polarity);
    }
  });
  it("does not list the withdrawn NI 31 or look up codes outside the set", () => {
    expect(lookupNiReference("NI 31")).toBeUndefined();
    expect(lookupNiReference("NI 250")).toBeUndefined();
  });
});

describe("filling a blank polarity from the reference list", () => {
  it("fills a blank polarity and marks it as from the list", () => {
    expect(polarityFromReference("NI 16", "")).toEqual({ polarity: "lower", fromReference: true });
    expect(polarityFromReference("ni192", null)).toEqual({ polarity: "higher", fromReference: true });
    expect(polarityFromReference("NI 16", "   ")).toEqual({ polarity: "lower", fromReference: true });
  });
  it("never overrides a polarity the user typed, even one the list disagrees with", () => {
    expect(polarityFromReference("NI 16", "Higher is better")).toBeUndefined();
    expect(polarityFromReference("NI 16", "sideways")).toBeUndefined();
  });
  it("leaves the default to the caller when the code is not on the list or not valid", () => {
    expect(polarityFromReference("NI 31", "")).toBeUndefined();
    expect(polarityFromReference("LI 3", "")).toBeUndefined();
    expect(polarityFromReference("NI 198", "")).toBeUndefined();
  });
  it("names the source in the words the reason uses", () => {
    expect(POLARITY_FROM_REFERENCE).toBe("polarity from the reference list");
  });
});
