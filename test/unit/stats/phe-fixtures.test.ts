/**
 * The core against PHE rows transcribed into the project's own fixtures
 * (test/fixtures/phe/phe-transcribed.json, each case naming its workbook, sheet and row), so the
 * methods stay checked where ../shared/reference/phe is absent. Agreement is 1e-9 relative.
 */
import fixture from "../../fixtures/phe/phe-transcribed.json";
import { checkCase, type PheCase } from "./phe/cases";

const cases = fixture.cases as unknown as PheCase[];

describe("PHE rows transcribed into test/fixtures/phe", () => {
  it("name their source workbook, sheet and row", () => {
    for (const c of cases) expect(c.source).toMatch(/^testdata_\w+\.xlsx testdata_\w+ rows? \d+/);
  });

  it.each(cases.map((c) => [c.kind, c.source, c] as const))("%s: the core agrees with %s", (_kind, _source, c) => {
    const outcome = checkCase(c);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.rows).toBeGreaterThan(0);
  });

  it("cover every method PHE tests: Byars, Wilson, proportions, rates (both multipliers), means and quantiles", () => {
    const kinds = new Set(cases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(["byars", "mean", "proportion", "quantiles", "rate", "wilson"]);
    const rateMultipliers = new Set(cases.flatMap((c) => (c.kind === "rate" ? [c.multiplier] : [])));
    expect([...rateMultipliers].sort((a, b) => a - b)).toEqual([100, 100000]);
  });
});
