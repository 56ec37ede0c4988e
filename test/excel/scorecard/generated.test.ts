import { rollUp } from "../../../src/core/scorecard";
import { buildScorecard, saveSnapshot } from "../../../src/excel/scorecard";
import { generatedWorkbook, PERSPECTIVES } from "./generated";
import { cells, header, rated } from "./helpers";

// The budget: at most 6 syncs to build all sheets for 500 indicators in four perspectives
// (emulator counts), for a first build and for a refresh that reads the owned sheets back.
describe("500 indicators in four perspectives", () => {
  it("builds and refreshes every sheet in at most 6 syncs, with every request under Excel on the web's 5 MB", async () => {
    const api = await generatedWorkbook(500);
    const first = await api.runWithCounters((context) => buildScorecard(context, { today: "2010-10-20" }));
    expect(first.result.sheets).toEqual(["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts", "Objectives"]);
    expect(first.counters.syncs).toBeLessThanOrEqual(6);
    await api.run((context) => saveSnapshot(context, { today: "2010-10-20" }));
    const refresh = await api.runWithCounters((context) => buildScorecard(context, { today: "2010-10-21" }));
    expect(refresh.counters.syncs).toBeLessThanOrEqual(6);
    expect(refresh.counters.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // The first 60 indicators are charted (TRENDS_MAX_CHARTS), the refresh's replacing the first build's.
    expect(api.workbook.sheetByName("Trends")!.charts).toHaveLength(60);
  });
});

// Objectives: indicators roll up to objectives, objectives to perspectives, each level
// with its score and status by docs/methods.md#scorecard-score (src/core rollUp).
describe("the Objectives sheet", () => {
  it("rolls indicators up to objectives and objectives up to perspectives with src/core's scores and statuses", async () => {
    const api = await generatedWorkbook(60);
    const source = await rated(api);
    await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
    const v = cells(api, "Objectives");
    const h = header(v, "Level", "Score", "Status");
    for (const p of PERSPECTIVES) {
      const mine = source.computed.rated.filter((r) => r.indicator.perspective === p);
      const objectives = [...new Set(mine.map((r) => r.indicator.objective))];
      expect(objectives).toHaveLength(3);
      const children = objectives.map((o) => rollUp(mine.filter((r) => r.indicator.objective === o).map((r) => ({ status: r.rating.status, weight: r.indicator.weight }))));
      const expected = rollUp(children.map((c) => ({ status: c.status, score: c.score })));
      const prow = v.findIndex((r) => r[0] === "Perspective" && r[1] === p);
      expect(v[prow][h.col("Score")]).toBeCloseTo(expected.score as number, 12);
      expect(v[prow][h.col("Status")]).toBe(expected.status);
      objectives.forEach((o, i) => {
        const orow = v.findIndex((r) => r[0] === "Objective" && String(r[1]).trim() === o);
        expect(v[orow][h.col("Score")]).toBeCloseTo(children[i].score as number, 12);
        expect(v[orow][h.col("Status")]).toBe(children[i].status);
        expect(v[orow][h.col("Indicators")]).toBe(mine.filter((r) => r.indicator.objective === o).length);
      });
    }
  });
});
