import { DOMAIN_FUNCTION_IDS } from "../../src/scripts/manifest-checks";
import fs from "node:fs";
import path from "node:path";
import { ALL_FUNCTIONS } from "./all-functions";

// The generated dist/functions.json (custom-functions-metadata-plugin reads the JSDoc of
// src/functions/functions.ts) against docs/methods.md#functions's table: every function, no
// namespace (users type =LAAGAP(...)), the parameter names in the table's order, [optional] ones
// optional, and every argument and result a matrix (ranges in, spilled results out).
// `npm test` builds before jest; in a worktree run `npx webpack --mode production` first.

/** docs/methods.md#functions, transcribed: name, then parameters with `?` marking [optional]. */
const SECTION_10: Readonly<Record<string, readonly string[]>> = {
  LAAGAP: ["actual", "target", "polarity?", "mode?"],
  LAAPROGRESS: ["baseline", "target", "actual"],
  LAAREWARD: ["baseline", "target", "actual", "threshold?"],
  LAATRAJECTORY: ["baseline", "baselineDate", "target", "targetDate", "asAt"],
  LAARAG: ["actual", "target", "polarity?", "tolerance?", "blueMargin?"],
  LAADOT: ["previous", "current", "polarity?", "threshold?"],
  LAATREND: ["values", "periods?"],
  LAAFORECAST: ["values", "at", "periods?"],
  LAACI: ["numerator", "denominator", "method?", "level?", "multiplier?"],
  LAACOMPARE: ["value", "lower", "upper", "benchmark", "polarity?"],
  LAAQUANTILE: ["value", "values", "n?", "polarity?"],
  LAASCORE: ["statuses", "weights?"],
  LAARECENTTREND: ["values", "lower", "upper", "polarity?", "counts?", "denominators?"],
  LAASPC: ["values", "polarity?", "target?", "baselinePoints?"],
  LAASPCPOINTS: ["values", "polarity?", "baselinePoints?"],
  LAAMADS: ["value", "values", "polarity?"],
  LAAMADSWORDS: ["distance", "polarity?"],
  LAADSR: ["counts", "populations", "standard?", "level?", "multiplier?"],
  LAAISR: ["counts", "populations", "refCountsOrRates", "refPopulations?", "level?", "multiplier?"],
  LAASMR: ["counts", "populations", "refCountsOrRates", "refPopulations?", "level?", "multiplier?"],
  LAAFUNNEL: ["numerators", "denominatorsOrRates", "type?", "multiplier?", "years?", "populations?"],
  LAAFUNNELSIG: ["numerator", "denominatorOrRate", "numerators", "denominatorsOrRates", "type?", "multiplier?", "population?", "populations?"],
};

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string; type?: string };
}

const file = path.join(__dirname, "..", "..", "dist", "functions.json");

describe("dist/functions.json for every worksheet function (docs/methods.md#functions)", () => {
  const built = fs.existsSync(file);
  it("has been built (npm test builds it; in a worktree run npx webpack --mode production)", () => {
    expect(built).toBe(true);
  });
  const metadata: { functions: FunctionMetadata[] } = built ? JSON.parse(fs.readFileSync(file, "utf8")) : { functions: [] };
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));

  it("lets Excel pass error values and data types to the functions, so each cell of a range is rated on its own", () => {
    // custom-functions-json#allowerrorfordatatypeany: without the flag Excel shows an argument's error and never
    // calls the function, so =LAARAG(C2:C40, D2:D40) would be one #N/A for one missing actual.
    const top = metadata as unknown as { allowErrorForDataTypeAny?: boolean; allowCustomDataForDataTypeAny?: boolean };
    expect(top.allowErrorForDataTypeAny).toBe(true);
    expect(top.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("names the same functions as the manifest check and the formula-engine bridge", () => {
    expect([...DOMAIN_FUNCTION_IDS].sort()).toEqual(Object.keys(SECTION_10).sort());
    expect(ALL_FUNCTIONS.map((f) => f.name).sort()).toEqual(Object.keys(SECTION_10).sort());
  });

  it("defines exactly these functions, each id its own name without a namespace", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SECTION_10).sort());
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^LAA[A-Z]+$/);
    }
  });

  it.each(Object.entries(SECTION_10))("declares %s with the parameter names, optional flags and matrix dimensionality of section 10", (id, params) => {
    const f = byId.get(id);
    expect(f).toBeDefined();
    const fn = f as FunctionMetadata;
    expect(fn.parameters.map((p) => [p.name, p.optional ?? false, p.dimensionality])).toEqual(
      params.map((p) => [p.replace("?", ""), p.endsWith("?"), "matrix"]),
    );
    expect(fn.result.dimensionality).toBe("matrix");
  });

  it("describes every function and every parameter for Excel's formula tooltip", () => {
    for (const f of metadata.functions) {
      expect((f.description ?? "").length).toBeGreaterThan(40);
      for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(15);
    }
  });

  it("states the defaults of the optional settings in their descriptions", () => {
    const about = (id: string, name: string) => byId.get(id)?.parameters.find((p) => p.name === name)?.description ?? "";
    expect(about("LAARAG", "tolerance")).toMatch(/default 0\.05/);
    expect(about("LAAREWARD", "threshold")).toMatch(/default 0\.6/);
    expect(about("LAAQUANTILE", "n")).toMatch(/4 \(default/);
    expect(about("LAACI", "method")).toMatch(/"wilson" \(default/);
    expect(about("LAACI", "level")).toMatch(/default 0\.95/);
    for (const id of ["LAAGAP", "LAARAG", "LAADOT", "LAACOMPARE", "LAAQUANTILE"]) expect(about(id, "polarity")).toMatch(/"higher" \(default\)/);
  });

  it("agrees with the test bridge's parameter counts, so the engine tests call the functions as Excel does", () => {
    for (const b of ALL_FUNCTIONS) {
      const f = byId.get(b.name) as FunctionMetadata;
      expect(f.parameters).toHaveLength(b.params);
      expect(f.parameters.filter((p) => !p.optional)).toHaveLength(b.required);
    }
  });

  it("is registered under the same ids in the built functions bundle", () => {
    const bundle = fs.readFileSync(path.join(path.dirname(file), "functions.js"), "utf8");
    for (const id of Object.keys(SECTION_10)) expect(bundle).toContain(`associate("${id}"`);
  });
});
