import published from "../fixtures/phe/recent-trend-published.json";
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { rateRag } from "../../src/excel/rate-rag";
import { tableApi } from "./fixtures";

// Rate RAG's Recent trend column (docs/methods.md#recent-trend) on a long table whose rows are the public
// health profiles' four published series (test/fixtures/phe/recent-trend-published.json: their
// TrendMarkerCalculatorTest), one indicator per series, with the Count and Denominator columns a
// profiles' export has. Rate RAG reads each series' values and 95% limits, the profiles' default
// method (the weighted slope); the chi-squared test for trend in proportions, which the profiles use only
// for indicators compared by "SPC for proportions", is LAARECENTTREND's with counts and denominators.
const HEADERS = ["Indicator", "Area", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count", "Denominator", "Polarity", "Target"];
const rows = published.cases.flatMap((c) =>
  c.years.map((year, i) => [c.name, "Anycity", String(year), c.values[i], c.lower[i], c.upper[i], c.counts[i], c.denominators[i], "Higher", 20]),
);

describe("Rate RAG's Recent trend on the public health profiles' published series", () => {
  it("words each series at its latest year as the profiles' unit tests expect", async () => {
    const api = await tableApi([HEADERS, ...rows]);
    await api.run((context) => rateRag(context));
    const sheet = await api.run(async (context) => {
      const used = context.workbook.worksheets.getItem("KPIs").getUsedRange();
      used.load("values");
      await context.sync();
      return used.values as unknown[][];
    });
    const trendCol = sheet[0].indexOf("Status") + OUTPUT_COLUMNS.indexOf("Recent trend");
    const latest = (name: string) => {
      const last = sheet.map((r, i) => ({ r, i })).filter(({ r }) => r[0] === name).pop();
      return last?.r[trendCol];
    };
    // Significant at chi-squared 46.77 (TestIsSignificantReturnsTrue), rising, higher is better.
    expect(latest("rates-significant")).toBe("Increasing and getting better");
    // Not significant (TestIsSignificantReturnsFalse).
    expect(latest("rates-not-significant")).toBe("No significant change");
    // The same series as the first, as a proportion: the profiles' 47.9 (chi-squared for trend) and our
    // 46.77 (weighted slope of the limits) are both significant, so the words agree.
    expect(latest("proportions-significant")).toBe("Increasing and getting better");
    // Limits 0 to 0 (and 5 of 5 in 2012): cannot be calculated, so the cell is blank, never "No significant change".
    expect(latest("proportions-cannot-be-calculated")).toBe("");
    // Earlier years of each series have fewer than five periods: blank.
    expect(sheet.filter((r) => r[0] === "rates-significant").slice(0, 4).map((r) => r[trendCol])).toEqual(["", "", "", ""]);
  });
});
