import { applyOverrides, classifyHeader, detectHeaderRow, mapColumns } from "../../src/excel/mapping";
import { currentRegion } from "../../src/excel/region";

// Header words analysts use, period labels per docs/methods.md#polarity.
describe("classifyHeader: the header words analysts use", () => {
  it.each([
    ["Ref", "id"], ["NI", "id"], ["Code", "id"], ["Indicator ID", "id"],
    ["Indicator", "title"], ["Indicator Name", "title"], ["Measure", "title"],
    ["Polarity", "polarity"], ["Good is", "polarity"], ["Direction", "polarity"],
    ["LAA block", "perspective"], ["Theme", "perspective"], ["Perspective", "perspective"],
    ["Lead officer", "owner"], ["Lead", "owner"], ["Owner", "owner"],
    ["Tolerance", "tolerance"], ["Floor", "floor"], ["England value", "benchmark"], ["Benchmark", "benchmark"],
    ["Lower CI 95.0 limit", "lowerCi"], ["Upper CI 95.0 limit", "upperCi"],
    ["Area Name", "area"], ["Area Code", "areaCode"], ["Commentary", "commentary"],
    ["Time period", "period"], ["Value", "value"], ["Count", "count"], ["Denominator", "denominator"], ["Weight", "weight"],
  ])("reads %p as %p", (header, role) => {
    expect(classifyHeader(header)?.role).toBe(role);
  });
  it("reads period-bearing headers with their period", () => {
    expect(classifyHeader("Target 2010/11")).toEqual({ role: "target", period: "2010/11" });
    expect(classifyHeader("Actual 2009/10")).toEqual({ role: "actual", period: "2009/10" });
    expect(classifyHeader("Baseline 2007/08")).toEqual({ role: "baseline", period: "2007/08" });
    expect(classifyHeader("Q1 2010/11")).toEqual({ role: "actual", period: "Q1 2010/11" });
    expect(classifyHeader("2008/09")).toEqual({ role: "actual", period: "2008/09" });
  });
  it("never takes the add-in's own output headers as input", () => {
    for (const h of ["Status", "Gap", "Gap %", "Progress", "Recent trend", "Variation", "Assurance", "Reason", "Rated at"]) expect(classifyHeader(h)).toBeUndefined();
  });
});

describe("mapColumns", () => {
  it("recognises the wide layout of an LAA monitoring sheet", () => {
    const m = mapColumns(["Ref", "Indicator", "LAA block", "Polarity", "Baseline 2007/08", "Target 2009/10", "Actual 2009/10", "Commentary"]);
    expect(m.layout).toBe("wide");
    expect(m.entries.map((e) => e.role)).toEqual(["id", "title", "perspective", "polarity", "baseline", "target", "actual", "commentary"]);
  });
  it("recognises the long layout of the Fingertips download", () => {
    const m = mapColumns(["Indicator ID", "Indicator Name", "Area Code", "Area Name", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count", "Denominator"]);
    expect(m.layout).toBe("long");
    expect(m.entries.map((e) => e.role)).toEqual(["id", "title", "areaCode", "area", "period", "value", "lowerCi", "upperCi", "count", "denominator"]);
  });
  it("lets a stored override change a column's role", () => {
    const m = applyOverrides(mapColumns(["Ref", "Indicator", "Score", "Actual"]), [{ column: 2, header: "Score", role: "target" }]);
    expect(m.entries[2].role).toBe("target");
  });
});

describe("finding the table", () => {
  it("finds the header row below a title and merged title cells", () => {
    const rows = [["Anycity LAA: quarterly report", null, null], [null, null, null], ["Ref", "Indicator", "Actual"], ["NI 16", "Serious acquisitive crime", 14]];
    expect(detectHeaderRow(rows)).toBe(2);
  });
  it("takes the current region as Excel's Ctrl+* does: bounded by blank rows and columns", () => {
    const values = [["Title", null, null, null], [null, null, null, null], ["Ref", "Actual", null, "x"], ["NI 1", 5, null, null]];
    expect(currentRegion(values, 3, 0)).toEqual({ top: 2, left: 0, bottom: 3, right: 1 });
  });
});

describe("the add-in's own columns", () => {
  it("ignores a whole block of its output headers, but still reads a lone Direction column as polarity", () => {
    const m = mapColumns(["Ref", "Direction", "Actual", "Status", "Gap", "Gap %", "Progress", "Direction", "Reason", "Rated at"]);
    expect(m.entries.map((e) => e.role)).toEqual(["id", "polarity", "actual", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore", "ignore"]);
    // Today's ten-column block likewise.
    const ten = mapColumns(["Ref", "Actual", "Status", "Gap", "Gap %", "Progress", "Direction", "Recent trend", "Variation", "Assurance", "Reason", "Rated at"]);
    expect(ten.entries.filter((e) => e.role !== "ignore").map((e) => e.role)).toEqual(["id", "actual"]);
    // The block written beside a table's own Status column: only that name has the distinct prefix,
    // and its Direction is still the add-in's, not a polarity column.
    const distinct = mapColumns(["Ref", "Actual", "Status", "LAA Status", "Gap", "Gap %", "Progress", "Direction", "Recent trend", "Variation", "Assurance", "Reason", "Rated at"]);
    expect(distinct.entries.filter((e) => e.role !== "ignore").map((e) => e.role)).toEqual(["id", "actual"]);
  });
});

describe("headers of public sources and council KPI lists", () => {
  it("recognises Fingertips export dimensions and clues", () => {
    // Header row in the shape of a Fingertips all-data export (fingertips.phe.org.uk "Export data").
    const m = mapColumns(["Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name", "Area Type", "Sex", "Age", "Category Type", "Category", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count", "Denominator", "Value note", "Compared to England value or percentiles"]);
    const roles = Object.fromEntries(m.entries.map((e) => [e.header, e.role]));
    expect(roles).toMatchObject({ "Parent Code": "parentCode", "Parent Name": "parentName", "Area Name": "area", Sex: "sex", Age: "age", "Category Type": "categoryType", Category: "category", "Value note": "valueNote", "Compared to England value or percentiles": "comparison" });
    expect(m.layout).toBe("long");
  });
  it("recognises council and Oflog headers", () => {
    const roles = (h: string[]) => mapColumns(h).entries.map((e) => e.role);
    expect(roles(["Service", "Code", "Measure", "Target", "Actual", "RAG"])).toEqual(["perspective", "id", "title", "target", "actual", "userStatus"]);
    expect(roles(["Directorate"])).toEqual(["perspective"]);
    expect(roles(["Portfolio"])).toEqual(["perspective"]);
    expect(roles(["Local authority name", "Financial year", "MEDIAN", "rank_order"])).toEqual(["area", "period", "median", "rankOrder"]);
  });
});
