/**
 * Conformance with PHEindicatormethods' own test workbooks (docs/methods.md#confidence-intervals,
 * docs/methods.md#quantiles): every row that has inputs agrees to 1e-9 relative, and missing inputs
 * give no result.
 *
 * - Full run: every row of the workbooks, transcribed into test/fixtures/phe/phe-all.json by
 *   test/fixtures/phe/regenerate.ts (each case names its workbook, sheet and row). Nothing outside
 *   the repository is read, so this run is never skipped.
 * - The hand-picked rows in test/fixtures/phe/phe-transcribed.json, one test per case, so a failure
 *   names its row.
 */
import full from "../../fixtures/phe/phe-all.json";
import fixture from "../../fixtures/phe/phe-transcribed.json";
import { checkCase, checkCases, type PheCase } from "./phe/cases";

describe("PHE conformance against every row of PHEindicatormethods' test workbooks", () => {
  const all = full.cases as unknown as PheCase[];

  it("agrees with every row of every PHE workbook to 1e-9 relative, and gives no result for missing inputs", () => {
    const outcome = checkCases(all);
    console.log(`PHE conformance: ${outcome.rows} rows checked, ${outcome.mismatchedRows} mismatches`);
    expect(outcome.mismatches).toEqual([]);
    // Every row of every sheet with results was checked (PHE's quantile sheet alone has 1,017 rows).
    expect(outcome.rows).toBe(full.sheetRows);
    expect(outcome.rows).toBeGreaterThan(1017);
  });

  it("names the workbook and sheet of every case", () => {
    for (const c of all) expect(c.source).toMatch(/^testdata_\w+\.xlsx \w+/);
    const workbooks = new Set(all.map((c) => c.source.split(" ")[0]));
    expect([...workbooks].sort()).toEqual([
      "testdata_Byars_Wilson.xlsx",
      "testdata_Mean.xlsx",
      "testdata_Proportion.xlsx",
      "testdata_Quantiles.xlsx",
      "testdata_Rate.xlsx",
    ]);
  });
});

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
