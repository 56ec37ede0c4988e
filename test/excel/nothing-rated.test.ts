import { messages } from "../../src/core/messages";
import { rateRag } from "../../src/excel/rate-rag";
import { buildScorecard } from "../../src/excel/scorecard";
import { ACTUALS_ONLY, openSample, tableApi } from "./fixtures";

// Rate RAG on tables that give the rules nothing to compare with: the report's first words say why,
// in one sentence naming the columns that would work (docs/methods.md#nothing-rated).

/** A long table of areas with England rows (so a benchmark exists) and no target column. */
const AREAS_WITH_ENGLAND = [
  ["Indicator Name", "Area Code", "Area Name", "Time period", "Value"],
  ["Smoking prevalence", "E92000001", "England", "2022", 12.7],
  ["Smoking prevalence", "E06000001", "Hartside", "2022", 15.1],
  ["Smoking prevalence", "E06000002", "Moorbridge", "2022", 10.2],
];

describe("Rate RAG when nothing can be rated", () => {
  it("puts one sentence first in the report naming Target and Benchmark columns, and still rates every row Grey", async () => {
    const api = await tableApi(ACTUALS_ONLY);
    const report = await api.run((context) => rateRag(context));
    expect(report.rated).toBe(3);
    expect(report.counts).toEqual({ Blue: 0, Green: 0, Amber: 0, Red: 0, Grey: 3 });
    expect(report.nothingRated).toBe("Nothing could be rated: the table has no Target column, no England or benchmark rows and no median. Add a Target column, or a Benchmark column, to rate against.");
    // The user's cells are unchanged: the statuses go in the add-in's own columns to the right (F onwards).
    expect(api.workbook.sheets[0].cell(1, 4)?.value).toBe(41);
    expect(api.workbook.sheets[0].cell(0, 5)?.value).toBe("Status");
  });

  it("with England rows but target-based rules, says to add a Target column or choose the Benchmark rules", async () => {
    const api = await tableApi(AREAS_WITH_ENGLAND);
    const report = await api.run((context) => rateRag(context));
    expect(report.counts.Grey).toBe(report.rated);
    expect(report.nothingRated).toBe(messages.nothingRatedNoTarget);
  });

  it("with the Benchmark rules on a table of targets and no benchmark, says the benchmark is missing", async () => {
    const withTargets = ACTUALS_ONLY.map((row, r) => [...row, r === 0 ? "Target 2022/23" : 40]);
    const api = await tableApi(withTargets, "benchmark");
    const report = await api.run((context) => rateRag(context));
    expect(report.counts.Grey).toBe(3);
    expect(report.nothingRated).toBe(messages.nothingRatedNoBenchmark);
  });

  it("says nothing of the kind when some indicators are rated (Anycity: 37 of 43 have a status)", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const report = await api.run((context) => rateRag(context));
    expect(report.counts.Grey).toBe(6);
    expect(report.nothingRated).toBeUndefined();
  });

  it("Build scorecard gives the same sentence as its first warning", async () => {
    const api = await tableApi(ACTUALS_ONLY);
    const report = await api.run((context) => buildScorecard(context, { today: "2023-06-01" }));
    expect(report.warnings[0]).toBe(messages.nothingRatedNoBasis);
  });
});
