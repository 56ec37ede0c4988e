import {
  seriesKey, benchmarkFromRows, isContextRow, polarityFromComparison, polarityFromRankOrder, isInformationOnly, type PublicRow,
} from "../../../src/core/public-sources";

// A Fingertips-shaped fragment (shape of a Fingertips all-data export: Area Code, Parent Code, Sex, Age,
// Category Type, Category, Time period, Value); figures invented for the test.
const row = (areaCode: string, areaName: string, age: string, value: number, extra: Partial<PublicRow> = {}): PublicRow => ({
  indicator: "Campylobacter rate", areaCode, areaName, area: areaCode, sex: "Persons", age, period: "2015 - 17", value, ...extra,
});
const rows: PublicRow[] = [
  row("E92000001", "England", "All ages", 100),
  row("E92000001", "England", "0-9 yrs", 140),
  row("E12000004", "East Midlands region", "All ages", 90, { parentCode: "E92000001" }),
  row("E10000007", "Derbyshire", "All ages", 80, { parentCode: "E12000004" }),
  row("E10000007", "Derbyshire", "0-9 yrs", 150, { parentCode: "E12000004" }),
  row("E92000001", "England", "All ages", 120, { categoryType: "County & UA deprivation deciles", category: "Most deprived decile" }),
];

describe("series identity by every dimension", () => {
  it("treats rows as duplicates only when every dimension agrees", () => {
    expect(seriesKey(rows[3])).not.toBe(seriesKey(rows[4])); // same area and indicator, different Age
    expect(seriesKey(rows[0])).not.toBe(seriesKey(rows[5])); // same England row apart from Category
    expect(seriesKey(rows[3])).toBe(seriesKey({ ...rows[3], indicator: " campylobacter  RATE " }));
  });
});

describe("benchmark rows", () => {
  it("takes England's row with the same age by default", () => {
    const b = benchmarkFromRows(rows);
    expect(b[3]).toBe(100); // Derbyshire All ages vs England All ages
    expect(b[4]).toBe(140); // Derbyshire 0-9 yrs vs England 0-9 yrs, not All ages
    expect(b[0]).toBeUndefined(); // England is not its own benchmark
    expect(b[5]).toBeUndefined(); // the decile row has no England row with the same category
  });
  it("takes the region from Parent Code, or a named area, by choice", () => {
    expect(benchmarkFromRows(rows, "region")[3]).toBe(90);
    expect(benchmarkFromRows(rows, "region")[4]).toBeUndefined(); // no 0-9 yrs row for the region
    expect(benchmarkFromRows(rows, "East Midlands region")[3]).toBe(90);
  });
  it("shows England, regions and category rows as context, not areas to rate", () => {
    const parents = new Set(rows.map((r) => (r.parentCode ?? "").toLowerCase()).filter(Boolean));
    expect(rows.map((r) => isContextRow(r, parents))).toEqual([true, true, true, false, false, true]);
  });
});

describe("polarity clues", () => {
  it("reads Better above the benchmark as higher is better, Worse above as lower", () => {
    expect(polarityFromComparison([{ verdict: "Better", value: 120, benchmark: 100 }])).toEqual({ polarity: "higher", reason: 'polarity inferred from "Compared to England"' });
    expect(polarityFromComparison([{ verdict: "Worse", value: 120, benchmark: 100 }, { verdict: "Similar", value: 99, benchmark: 100 }])).toMatchObject({ polarity: "lower" });
    expect(polarityFromComparison([{ verdict: "Higher", value: 120, benchmark: 100 }])).toMatchObject({ polarity: "none" });
    expect(polarityFromComparison([{ verdict: "Similar", value: 120, benchmark: 100 }])).toBeUndefined();
  });
  it("reports rows of one series that disagree as a problem", () => {
    const r = polarityFromComparison([{ verdict: "Better", value: 120, benchmark: 100 }, { verdict: "Better", value: 80, benchmark: 100 }]);
    expect(r).toHaveProperty("problem");
  });
  it("reads rank_order desc/asc/None", () => {
    expect(polarityFromRankOrder("desc")).toMatchObject({ polarity: "higher" });
    expect(polarityFromRankOrder("asc")).toMatchObject({ polarity: "lower" });
    expect(polarityFromRankOrder("None")).toMatchObject({ polarity: "none" });
    expect(polarityFromRankOrder("")).toBeUndefined();
  });
});

describe("information-only rows", () => {
  it("are a status cell saying so, or a count with a target of 0", () => {
    expect(isInformationOnly("For information", 50, 40)).toBe(true);
    expect(isInformationOnly("", 0, 12)).toBe(true); // a count of 12 against a target of 0
    expect(isInformationOnly("", 0, 9.4)).toBe(true); // days reported against a target of 0
    expect(isInformationOnly("", 0, -28)).toBe(false); // 28 days behind a timetable of 0 is measured
    expect(isInformationOnly("Green", 10, 12)).toBe(false);
  });
});
