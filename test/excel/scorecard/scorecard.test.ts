import { parsePeriod } from "../../../src/core/periods";
import { rewardShare } from "../../../src/core/progress";
import { STATUSES, type Status } from "../../../src/core/rules/types";
import { countByStatus, rollUp } from "../../../src/core/scorecard";
import { quantiles } from "../../../src/core/stats/quantiles";
import { trajectory } from "../../../src/core/trajectory";
import { chartSpecs } from "../../../src/emulator/xlsx";
import { buildScorecard, CHECKLIST_QUESTIONS, insertReviewChecklist, saveSnapshot, scorecardCommands } from "../../../src/excel/scorecard";
import { STATUS_STYLES } from "../../../src/excel/status-style";
import { anycity, cells, header, rated, region, rowOf, type } from "./helpers";

// Build scorecard through the emulator. Expected numbers come from src/core (docs/methods.md#progress, docs/methods.md#trajectory, docs/methods.md#confidence-intervals, docs/methods.md#scorecard-score)
// applied to the core's own ratings of the sample (readAndRate, read before the build); the Anycity mix
// (19 Green, 10 Amber, 8 Red, 6 Grey) is worked by hand from the sample's rows in test/samples/anycity-mix.test.ts.

const build = (api: Awaited<ReturnType<typeof anycity>>, today = "2010-10-20") => api.runWithCounters((context) => buildScorecard(context, { today }));

describe("Build scorecard on Anycity's LAA table", () => {
  it("builds the Scorecard, Exception report, Monitoring report, Trends and SPC sheets in at most 6 syncs", async () => {
    const api = await anycity();
    const { result, counters } = await build(api);
    // The SPC sheets because Anycity's indicators have a baseline and actuals by year (docs/methods.md#spc).
    expect(result.sheets).toEqual(["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts"]);
    expect(result.renamed).toEqual([]);
    expect(result.counts).toEqual({ Blue: 0, Green: 19, Amber: 10, Red: 8, Grey: 6 });
    expect(counters.syncs).toBeLessThanOrEqual(6);
  });

  it("shows, per perspective, counts by status (Grey included), the weighted score and status that src/core gives", async () => {
    const api = await anycity();
    const source = await rated(api);
    await build(api);
    const v = cells(api, "Scorecard");
    const h = header(v, "Perspective", "Indicators", "Score");
    const perspectives = [...new Set(source.computed.rated.map((r) => r.indicator.perspective))];
    expect(perspectives).toHaveLength(4);
    for (const p of perspectives) {
      const mine = source.computed.rated.filter((r) => r.indicator.perspective === p);
      const expected = rollUp(mine.map((r) => ({ status: r.rating.status, weight: r.indicator.weight })));
      const row = v.findIndex((r, i) => i > h.row && r[h.col("Perspective")] === p);
      for (const s of STATUSES) expect(v[row][h.col(s)]).toBe(expected.counts[s]);
      expect(v[row][h.col("Score")]).toBeCloseTo(expected.score as number, 12);
      expect(v[row][h.col("Status")]).toBe(expected.status);
    }
    const overall = v.findIndex((r, i) => i > h.row && r[h.col("Perspective")] === "Overall");
    expect(STATUSES.map((s) => v[overall][h.col(s)])).toEqual([0, 19, 10, 8, 6]);
  });

  it("lists every indicator under its perspective with the actual, target, gap, progress and status of its rating", async () => {
    const api = await anycity();
    const source = await rated(api);
    await build(api);
    const v = cells(api, "Scorecard");
    const h = header(v, "Code", "Latest actual", "Previous status");
    for (const { indicator, rating } of source.computed.rated) {
      const row = rowOf(v, indicator.id, h.row);
      expect(v[row][h.col("Status")]).toBe(rating.status);
      expect(v[row][h.col("Latest actual")]).toBe(rating.actual?.value ?? null);
      expect(v[row][h.col("Target")]).toBe(rating.target?.value ?? null);
      expect(v[row][h.col("Gap")]).toBe(rating.gap ?? null);
      expect(v[row][h.col("Progress")]).toBe(rating.progress ?? null);
      expect(v[row][h.col("Direction of travel")]).toBe(rating.direction);
      expect(v[row][h.col("Movement")]).toBe("New"); // no review snapshot yet
    }
  });

  it("puts the Red and Amber indicators on the Exception report, Red first and the largest shortfall first", async () => {
    const api = await anycity();
    const source = await rated(api);
    await build(api);
    const v = cells(api, "Exception report");
    const h = header(v, "Code", "Reason", "Previous status");
    const rows = v.slice(h.row + 1).filter((r) => r[0]);
    const expected = source.computed.rated.filter((r) => r.rating.status === "Red" || r.rating.status === "Amber");
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(expected.map((r) => r.indicator.id)));
    const statuses = rows.map((r) => r[h.col("Status")]);
    expect(statuses).toEqual([...Array(8).fill("Red"), ...Array(10).fill("Amber")]);
    const gaps = rows.map((r) => r[h.col("Gap %")] as number);
    for (let i = 1; i < 8; i++) expect(gaps[i]).toBeLessThanOrEqual(gaps[i - 1]);
    for (const r of rows) expect(r[h.col("Reason")]).toBe(expected.find((e) => e.indicator.id === r[0])!.rating.reason);
  });

  it("gives the Monitoring report's targets and actuals by year, and progress and reward share by the grant rule (docs/methods.md#progress)", async () => {
    const api = await anycity();
    const source = await rated(api);
    await build(api);
    const v = cells(api, "Monitoring report");
    const h = header(v, "Code", "Baseline", "Reward share");
    for (const year of ["2008/09", "2009/10", "2010/11"]) expect(h.col(`Target ${year}`)).toBeGreaterThan(0);
    for (const { indicator, rating } of source.computed.rated) {
      const row = rowOf(v, indicator.id, h.row);
      expect(v[row][h.col("Baseline")]).toBe(indicator.baseline.value);
      expect(v[row][h.col("Target 2009/10")]).toBe(indicator.targets.find((t) => t.period?.label === "2009/10")?.value ?? null);
      expect(v[row][h.col("Actual 2009/10")]).toBe(indicator.actuals.find((t) => t.period?.label === "2009/10")?.value ?? null);
      const progress = v[row][h.col("Progress")];
      expect(progress).toBe(rating.progress ?? null);
      if (typeof progress === "number") {
        const share = rewardShare(progress, 0.6);
        expect(v[row][h.col("Reward share")]).toBe(share.ok ? share.value : null);
      }
    }
  });

  it("draws each indicator's actuals against the target trajectory of docs/methods.md#trajectory on the Trends sheet", async () => {
    const api = await anycity();
    const source = await rated(api);
    await build(api);
    const v = cells(api, "Trends");
    const ni59 = source.computed.rated.find((r) => r.indicator.id === "NI 59")!.indicator;
    const top = rowOf(v, "NI 59");
    const periods = v[top + 2];
    expect(periods[0]).toBe("Period");
    const q2 = periods.indexOf("Q2 2010/11");
    const at = (label: string) => (parsePeriod(label) as { value: { end: number } }).value.end;
    const expected = trajectory({ at: at("2007/08"), value: ni59.baseline.value as number }, ni59.targets.map((t) => ({ at: t.period!.end, value: t.value as number })), at("Q2 2010/11"));
    expect(v[top + 4][0]).toBe("Target trajectory");
    expect(v[top + 4][q2]).toBeCloseTo((expected as { value: number }).value, 9);
    expect(v[top + 3][q2]).toBe(86.4); // the Q2 2010/11 actual in the sample
  });
});

describe("charts", () => {
  it("draw the status counts by perspective as stacked bars in status colours, from the summary's cells", async () => {
    const api = await anycity();
    await build(api);
    const { specs } = chartSpecs(api.workbook);
    const v = cells(api, "Scorecard");
    const h = header(v, "Perspective", "Indicators", "Score");
    const bar = specs.find((s) => s.sheetName === "Scorecard" && s.kind === "barStacked")!;
    expect(bar.series.map((s) => s.colour)).toEqual(STATUSES.map((s) => STATUS_STYLES[s].fill.slice(1)));
    const letter = (c: number) => String.fromCharCode(65 + c);
    STATUSES.forEach((s, i) => {
      expect(bar.series[i].name).toEqual({ ref: `'Scorecard'!$${letter(h.col(s))}$${h.row + 1}` });
      expect(bar.series[i].valuesRef).toBe(`'Scorecard'!$${letter(h.col(s))}$${h.row + 2}:$${letter(h.col(s))}$${h.row + 5}`);
      expect(bar.series[i].categoriesRef).toBe(`'Scorecard'!$B$${h.row + 2}:$B$${h.row + 5}`);
    });
  });

  it("draw the overall mix as a doughnut whose slices take the status colours, and a line chart per indicator on Trends", async () => {
    const api = await anycity();
    await build(api);
    const { specs } = chartSpecs(api.workbook);
    const v = cells(api, "Scorecard");
    const mix = header(v, "Overall mix", "Share");
    const doughnut = specs.find((s) => s.kind === "doughnut")!;
    expect(doughnut.series).toHaveLength(1);
    expect(doughnut.series[0].pointColours).toEqual(STATUSES.map((s) => STATUS_STYLES[s].fill.slice(1)));
    expect(doughnut.series[0].valuesRef).toBe(`'Scorecard'!$C$${mix.row + 2}:$C$${mix.row + 6}`);
    STATUSES.forEach((s, i) => expect(v[mix.row + 1 + i][1]).toBe(s));
    const lines = specs.filter((s) => s.sheetName === "Trends");
    expect(lines).toHaveLength(43);
    const t = cells(api, "Trends");
    const top = rowOf(t, "NI 56");
    const first = lines.find((l) => l.title?.startsWith("NI 56 "))!;
    expect(first.series.map((s) => s.name)).toEqual([{ ref: `'Trends'!$A$${top + 4}` }, { ref: `'Trends'!$A$${top + 5}` }]);
    expect(t[top + 3][0]).toBe("Actual");
  });
});

describe("Refresh scorecards", () => {
  it("keeps commentary and owner text typed in the scorecard sheets, keyed by indicator, and takes new text from the data elsewhere", async () => {
    const api = await anycity();
    await build(api);
    let v = cells(api, "Scorecard");
    const h = header(v, "Code", "Commentary");
    await type(api, "Scorecard", rowOf(v, "NI 56", h.row), h.col("Commentary"), "Board asked for a deep dive in January.");
    const ex = cells(api, "Exception report");
    const eh = header(ex, "Code", "Owner");
    await type(api, "Exception report", rowOf(ex, "NI 154", eh.row), eh.col("Owner"), "Director of Place");
    // The data's own commentary of another indicator changes: refresh takes it.
    const data = cells(api, "LAA indicators");
    await type(api, "LAA indicators", rowOf(data, "NI 59"), data[0].indexOf("Commentary"), "Updated in the data table.");
    const { counters } = await build(api, "2010-10-21"); // refreshed from the Scorecard sheet, which is active now
    expect(counters.syncs).toBeLessThanOrEqual(6);
    v = cells(api, "Scorecard");
    expect(v[rowOf(v, "NI 56", h.row)][h.col("Commentary")]).toBe("Board asked for a deep dive in January.");
    expect(v[rowOf(v, "NI 154", h.row)][h.col("Owner")]).toBe("Director of Place");
    expect(v[rowOf(v, "NI 59", h.row)][h.col("Commentary")]).toBe("Updated in the data table.");
    const m = cells(api, "Monitoring report");
    const mh = header(m, "Code", "Commentary");
    expect(m[rowOf(m, "NI 56", mh.row)][mh.col("Commentary")]).toBe("Board asked for a deep dive in January.");
    // And a second refresh still keeps it (it is not mistaken for the add-in's own text).
    await build(api, "2010-10-22");
    v = cells(api, "Scorecard");
    expect(v[rowOf(v, "NI 56", h.row)][h.col("Commentary")]).toBe("Board asked for a deep dive in January.");
  });

  it("never overwrites a user's sheet that has a wanted name: it picks a free name, says so, and keeps to it", async () => {
    const api = await anycity();
    await api.run(async (context) => {
      const mine = context.workbook.worksheets.add("Scorecard");
      mine.getRange("A1:B2").values = [["My own notes", ""], ["Keep", 42]];
      context.workbook.worksheets.getItem("LAA indicators").activate();
      await context.sync();
    });
    const { result } = await build(api);
    expect(result.renamed).toEqual([{ wanted: "Scorecard", used: "Scorecard (2)" }]);
    expect(result.warnings.join(" ")).toContain('"Scorecard (2)"');
    expect(cells(api, "Scorecard")).toEqual([["My own notes", null], ["Keep", 42]]);
    const again = await build(api, "2010-10-21");
    expect(again.result.renamed).toEqual([]);
    expect(again.result.sheets[0]).toBe("Scorecard (2)");
    expect(cells(api, "Scorecard")).toEqual([["My own notes", null], ["Keep", 42]]);
  });

  it("leaves alone a user's sheet that replaced the add-in's Scorecard under the same name", async () => {
    const api = await anycity();
    await build(api);
    await api.run(async (context) => {
      context.workbook.worksheets.getItem("Scorecard").delete();
      context.workbook.worksheets.add("Scorecard").getRange("A1").values = [["Our board notes"]];
      context.workbook.worksheets.getItem("LAA indicators").activate();
      await context.sync();
    });
    const { result } = await build(api, "2010-10-21");
    expect(result.renamed).toEqual([{ wanted: "Scorecard", used: "Scorecard (2)" }]);
    expect(cells(api, "Scorecard")).toEqual([["Our board notes"]]);
    expect(cells(api, "Scorecard (2)")[0][0]).toBe("Partnership scorecard");
  });

  it("rebuilds without piling up charts or status rules", async () => {
    const api = await anycity();
    await build(api);
    const before = { charts: api.workbook.sheetByName("Scorecard")!.charts.length, cfs: api.workbook.sheetByName("Scorecard")!.conditionalFormats.length, trends: api.workbook.sheetByName("Trends")!.charts.length };
    await build(api, "2010-10-21");
    expect({ charts: api.workbook.sheetByName("Scorecard")!.charts.length, cfs: api.workbook.sheetByName("Scorecard")!.conditionalFormats.length, trends: api.workbook.sheetByName("Trends")!.charts.length }).toEqual(before);
    expect(before.charts).toBe(2);
  });
});

describe("review snapshots", () => {
  it("accumulate on RAG History and the scorecard shows movement against the latest earlier snapshot", async () => {
    const api = await anycity();
    const source = await rated(api);
    const first = await api.run((context) => saveSnapshot(context, { today: "2010-07-15" }));
    expect(first).toEqual({ saved: 43, reviewDate: "2010-07-15", sheet: "RAG History" });
    let hist = cells(api, "RAG History");
    expect(hist[0]).toEqual(["Review date", "Code", "Area", "Indicator", "As at", "Value", "Target", "Status"]);
    expect(hist).toHaveLength(44);
    // NI 112 (Red in the sample: 45.3 against 40.5, lower is better) improves to meet its target.
    const data = cells(api, "LAA indicators");
    const ni112 = source.computed.rated.find((r) => r.indicator.id === "NI 112")!;
    expect(ni112.rating.status).toBe("Red");
    const actualCol = data[0].indexOf(`Actual ${ni112.rating.actual!.period}`);
    await type(api, "LAA indicators", rowOf(data, "NI 112"), actualCol, 40);
    await build(api);
    let v = cells(api, "Scorecard");
    const h = header(v, "Code", "Previous status", "Movement");
    expect(v[rowOf(v, "NI 112", h.row)].slice(h.col("Status"), h.col("Movement") + 1)).toEqual(["Green", "Red", "Improved"]);
    expect(v[rowOf(v, "NI 56", h.row)].slice(h.col("Status"), h.col("Movement") + 1)).toEqual(["Green", "Green", "No change"]);
    // A second snapshot appends; movement is then measured against it.
    await api.run(async (context) => { context.workbook.worksheets.getItem("LAA indicators").activate(); await context.sync(); });
    const second = await api.run((context) => saveSnapshot(context, { today: "2010-10-20" }));
    expect(second.saved).toBe(43);
    hist = cells(api, "RAG History");
    expect(hist).toHaveLength(87);
    expect(hist[86][0]).toBe("2010-10-20");
    await build(api, "2010-10-21");
    v = cells(api, "Scorecard");
    expect(v[rowOf(v, "NI 112", h.row)].slice(h.col("Status"), h.col("Movement") + 1)).toEqual(["Green", "Green", "No change"]);
  });
});

describe("the regional sample (several areas)", () => {
  it("adds the Area comparison: each cell the area's status and its quartile among the areas (1 = best), with the benchmark", async () => {
    const api = await region();
    const source = await rated(api);
    const { result, counters } = await build(api);
    expect(result.sheets).toEqual(["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts", "Area comparison"]);
    expect(counters.syncs).toBeLessThanOrEqual(6);
    const v = cells(api, "Area comparison");
    const h = header(v, "Code", "Benchmark");
    for (const id of ["NI 16", "NI 20", "NI 111"]) {
      const list = source.computed.rated.filter((r) => r.indicator.id === id);
      const q = quantiles(list.map((r) => r.rating.actual?.value ?? null), { n: 4, polarity: list[0].indicator.polarity });
      const row = rowOf(v, id, h.row);
      expect(v[row][h.col("Benchmark")]).toBe(list[0].indicator.benchmark);
      list.forEach((r, i) => {
        expect(v[row][h.col(r.indicator.area)]).toBe(`${r.rating.status}, Q${(q as { value: number[] }).value[i]}`);
      });
    }
  });

  it("draws each area's actuals against the benchmark on Trends, and the 95% limits the sample has (no targets, so no trajectory line)", async () => {
    const api = await region();
    await build(api);
    const lines = chartSpecs(api.workbook).specs.filter((s) => s.sheetName === "Trends");
    expect(lines).toHaveLength(60); // 6 indicators x 12 areas = 72, capped at the first 60 (TRENDS_MAX_CHARTS)
    const t = cells(api, "Trends");
    const top = rowOf(t, "NI 16 (Anycity)");
    expect([t[top + 3][0], t[top + 4][0], t[top + 5][0], t[top + 6][0]]).toEqual(["Actual", "Benchmark", "Lower 95% limit", "Upper 95% limit"]);
    const chart = lines.find((l) => l.title?.startsWith("NI 16 (Anycity)"))!;
    expect(chart.series.map((x) => x.name)).toEqual([4, 5, 6, 7].map((k) => ({ ref: `'Trends'!$A$${top + k}` })));
    expect(chart.series.map((x) => x.colour)).toEqual(["1F4E79", "ED7D31", "9DC3E6", "9DC3E6"]);
    // Each year's own England value for NI 16 (src/samples/region.ts: england [16.9, 15.9, 14.6]), not the latest's across all.
    expect(t[top + 4].slice(1, 4)).toEqual([16.9, 15.9, 14.6]);
  });

  it("groups the scorecard by area when the data has no perspective, with counts that src/core gives", async () => {
    const api = await region();
    const source = await rated(api);
    await build(api);
    const v = cells(api, "Scorecard");
    const h = header(v, "Area", "Indicators", "Score");
    const anycityRows = source.computed.rated.filter((r) => r.indicator.area === "Anycity");
    const counts = countByStatus(anycityRows.map((r) => r.rating.status as Status));
    const row = v.findIndex((r, i) => i > h.row && r[h.col("Area")] === "Anycity");
    expect(STATUSES.map((s) => v[row][h.col(s)])).toEqual(STATUSES.map((s) => counts[s]));
  });
});

describe("print and words", () => {
  it("lays sheets out to print one page wide with the header row repeated, and writes every status as its word", async () => {
    const api = await anycity();
    await build(api);
    for (const name of ["Scorecard", "Exception report", "Monitoring report", "Trends", "SPC summary", "SPC charts"]) {
      expect(api.workbook.sheetByName(name)!.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    }
    const ex = api.workbook.sheetByName("Exception report")!;
    const h = header(cells(api, "Exception report"), "Code", "Reason");
    expect(ex.pageLayout.printTitleRows).toEqual({ first: h.row, last: h.row });
    expect(ex.frozen.rows).toBe(h.row + 1);
    const v = cells(api, "Scorecard");
    const sh = header(v, "Code", "Status", "Previous status");
    const words = v.slice(sh.row + 1).filter((r) => r[0] && String(r[0]).startsWith("NI")).map((r) => r[sh.col("Status")]);
    expect(words).toHaveLength(43);
    expect(words.every((w) => (STATUSES as readonly unknown[]).includes(w))).toBe(true);
  });

  it("writes text from cells as text: a commentary starting with = stays words, not a formula", async () => {
    const api = await anycity();
    const data = cells(api, "LAA indicators");
    await api.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("LAA indicators").getCell(rowOf(data, "NI 56"), data[0].indexOf("Commentary"));
      cell.numberFormat = [["@"]];
      cell.values = [["=SUM(1,2) was the old estimate"]];
      await context.sync();
    });
    await build(api);
    const s = api.workbook.sheetByName("Scorecard")!;
    const v = cells(api, "Scorecard");
    const h = header(v, "Code", "Commentary");
    const cell = s.cell(rowOf(v, "NI 56", h.row), h.col("Commentary"))!;
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe("=SUM(1,2) was the old estimate");
    expect(cell.numberFormat).toBe("@");
  });
});

describe("review checklist", () => {
  it("inserts the five questions with evidence, assessment and actions columns, and never rebuilds it over the users' answers", async () => {
    const api = await anycity();
    const made = await api.run((context) => insertReviewChecklist(context, { today: "2010-10-20" }));
    expect(made).toEqual({ sheet: "Review checklist", created: true, renamed: [] });
    const v = cells(api, "Review checklist");
    const h = header(v, "Question", "Evidence", "Assessment", "Actions");
    expect(v.slice(h.row + 1).map((r) => r[h.col("Question")])).toEqual([...CHECKLIST_QUESTIONS]);
    await type(api, "Review checklist", h.row + 1, h.col("Assessment"), "Amber");
    const again = await api.run((context) => insertReviewChecklist(context));
    expect(again.created).toBe(false);
    expect(cells(api, "Review checklist")[h.row + 1][h.col("Assessment")]).toBe("Amber");
    await api.run(async (context) => { context.workbook.worksheets.getItem("LAA indicators").activate(); await context.sync(); });
    await build(api);
    expect(cells(api, "Review checklist")[h.row + 1][h.col("Assessment")]).toBe("Amber");
  });
});

describe("scorecardCommands", () => {
  it("is the ScorecardCommands object the task pane's actions use", async () => {
    const api = await anycity();
    const report = await api.run((context) => scorecardCommands.buildScorecard(context, { refresh: false }));
    expect(report.sheets).toContain("Scorecard");
    const snap = await api.run((context) => scorecardCommands.saveSnapshot(context));
    expect(snap.saved).toBe(43);
  });
});
