import { readIndicator, readNumber, parsePolarity, rateIndicator, ruleSetFromSettings, DEFAULT_RULE_SETTINGS } from "../../../src/core";
import { rateInterval } from "../../../src/core/stats";

// A value with no prototype has no toString, so String(value) throws. fast-check's anything() once
// produced one ({__proto__: null}) and a data function threw: data functions never throw.
const bare = Object.create(null) as object;

describe("values with no prototype", () => {
  it("are reported as problems, never thrown, when read as numbers, words or a whole row", () => {
    expect(readNumber(bare, "Actual")).toEqual({ kind: "invalid", message: "Actual an object is not a number" });
    expect(parsePolarity(bare).ok).toBe(false);
    const { indicator, problems } = readIndicator({ id: { value: bare }, dataOnly: { value: bare }, targets: [{ period: bare, value: { value: bare } }], actuals: [] });
    expect(problems.length).toBeGreaterThan(0);
    expect(rateIndicator(indicator, ruleSetFromSettings(DEFAULT_RULE_SETTINGS)).status).toBe("Grey");
    expect(rateInterval(bare as never, 100).ok).toBe(false);
  });
});
