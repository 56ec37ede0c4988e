import { buildScorecard } from "../../../src/excel/scorecard";
import { scorecardMessages } from "../../../src/excel/scorecard/messages";
import { POLARITY_ASSUMED } from "../../../src/excel/rate-compute";
import { tableApi } from "../fixtures";
import { anycity, cells, header } from "./helpers";

// A council KPI list without a Polarity column (figures invented, in the shape of a district council's
// published KPI list): the add-in rates it as higher is better, and every sheet of the scorecard says
// so in its headings, not only each indicator's reason (docs/methods.md#polarity).

const KPIS = [
  ["Code", "Indicator", "Service", "Target 2022/23", "Actual 2022/23"],
  ["HOU 1", "Days to decide a homelessness application", "Housing", 40, 52], // lower is better in fact; rated 30% over target: Green as assumed
  ["BEN 2", "Days to process a new benefit claim", "Revenues and Benefits", 20, 18], // 10% under: Red as assumed
  ["HR 3", "Working days lost to sickness per employee", "Corporate", 8, 7.8], // 2.5% under: Amber (5% tolerance)
  ["WAS 4", "Household waste recycled (%)", "Environment", 45, 46], // above target: Green
  ["ASB 5", "Reports of fly-tipping", "Environment", 0, 312], // target 0: for information, Grey, polarity does not matter
];

const SHEETS = ["Scorecard", "Exception report", "Monitoring report", "Trends"];

describe("polarity assumed on the scorecard sheets", () => {
  it("says on every sheet's headings how many statuses rest on an assumed polarity (4 of 5: the information-only row is Grey)", async () => {
    const api = await tableApi(KPIS);
    const report = await api.run((context) => buildScorecard(context, { today: "2023-06-01" }));
    expect(report.sheets).toEqual(SHEETS);
    // Hand count: HOU 1, BEN 2, HR 3 and WAS 4 have a status from comparing with a target, each as higher is better.
    const sentence = scorecardMessages.polarityAssumed(4, false);
    expect(sentence).toBe('Polarity assumed (higher is better) for 4 indicators: add a Polarity column where lower is better; each says "polarity assumed" in its reason.');
    for (const sheet of SHEETS) {
      const headings = cells(api, sheet).slice(0, 7).map((r) => String(r[0] ?? ""));
      expect(headings.filter((line) => line.endsWith(sentence))).toHaveLength(1);
    }
    // The Exception report's summary line and each listed reason agree (BEN 2 Red, HR 3 Amber).
    const v = cells(api, "Exception report");
    const h = header(v, "Code", "Reason");
    const listed = v.slice(h.row + 1).filter((r) => r[0]);
    expect(listed.map((r) => [r[0], r[h.col("Status")]])).toEqual([["BEN 2", "Red"], ["HR 3", "Amber"]]);
    for (const r of listed) expect(String(r[h.col("Reason")])).toContain(POLARITY_ASSUMED);
    expect(v.some((r) => String(r[0]).startsWith("1 Red and 1 Amber indicators, worst first.") && String(r[0]).endsWith(sentence))).toBe(true);
  });

  it("marks those indicators 'assumed' in the Scorecard's detail, and not the information-only one", async () => {
    const api = await tableApi(KPIS);
    await api.run((context) => buildScorecard(context, { today: "2023-06-01" }));
    const v = cells(api, "Scorecard");
    const h = header(v, "Code", "Polarity", "Owner");
    const polarity = Object.fromEntries(v.slice(h.row + 1).filter((r) => /^[A-Z]+ \d$/.test(String(r[0]))).map((r) => [r[0], r[h.col("Polarity")]]));
    // Hand count as above: the four rated as higher is better; ASB 5 is Grey for information.
    expect(polarity).toEqual({ "HOU 1": "assumed", "BEN 2": "assumed", "HR 3": "assumed", "WAS 4": "assumed", "ASB 5": null });
  });

  it("with a Polarity column, counts only its blank cells and asks to check that column", async () => {
    const withColumn = KPIS.map((row, r) => [...row.slice(0, 3), r === 0 ? "Polarity" : r === 4 ? null : r <= 3 ? "Lower" : "Higher", ...row.slice(3)]);
    const api = await tableApi(withColumn);
    await api.run((context) => buildScorecard(context, { today: "2023-06-01" }));
    const sentence = scorecardMessages.polarityAssumed(1, true); // WAS 4 only
    expect(sentence).toContain("for 1 indicator: check the Polarity column");
    expect(cells(api, "Scorecard").slice(0, 7).some((r) => String(r[0]).endsWith(sentence))).toBe(true);
  });

  it("says nothing about polarity when every indicator has one (Anycity's LAA table)", async () => {
    const api = await anycity();
    await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
    for (const sheet of SHEETS) expect(cells(api, sheet).slice(0, 7).some((r) => String(r[0]).includes("Polarity assumed"))).toBe(false);
  });
});
