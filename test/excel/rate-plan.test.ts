/**
 * Rate RAG's planner with plain data: no Excel, no emulator. Each snapshot is what the reader would
 * have read; the expected writes are worked out by hand from the rules in docs/architecture.md
 * (Ownership: the add-in writes only its own columns) and docs/methods.md#tolerance.
 */
import { planRateRag, planRemoval, planSource, parseRecords, RateRagError, type OutputRecord, type RateSnapshot } from "../../src/excel/rate-plan";
import { LEGACY_OUTPUT_COLUMNS, OUTPUT_COLUMNS, SERIES_COLUMNS } from "../../src/excel/rate-compute";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../src/excel/settings-schema";
import type { WriteOp } from "../../src/excel/plan";

/** A sheet whose used range starts at A1: a header and two indicators (B2 is the selection). */
function snapshot(extra: Partial<RateSnapshot> = {}, rows?: unknown[][]): RateSnapshot {
  const values = rows ?? [
    ["Code", "Indicator", "Polarity", "Target", "Actual"],
    ["NI 1", "People who get on well", "Higher", 75, 72], // 3 short = 4% of 75: Amber
    ["NI 2", "Litter", "Lower", 10, 12], // 2 over = 20% of 10: Red
  ];
  return {
    sheet: "Data", selection: { top: 1, left: 1, bottom: 1, right: 1 },
    used: { top: 0, left: 0, bottom: values.length - 1, right: Math.max(...values.map((r) => r.length)) - 1 },
    values, hiddenRows: new Set(), tableName: null, tableBox: null, named: null,
    settings: DEFAULT_WORKBOOK_SETTINGS, warnings: [], records: [], ...extra,
  };
}

const opsOf = (ops: readonly WriteOp[], kind: WriteOp["op"]) => ops.filter((o) => o.op === kind);

describe("planSource", () => {
  it("finds the table around the selected cell and rates each row by the Tolerance preset", () => {
    const rated = planSource(snapshot());
    expect(rated.box).toEqual({ top: 0, left: 0, bottom: 2, right: 4 });
    expect(rated.headerRow).toBe(0);
    expect(rated.computed.outputs.map((o) => o[0])).toEqual(["Amber", "Red"]);
  });

  it("refuses an empty sheet and a cell outside any table, with the next step", () => {
    expect(() => planSource(snapshot({ used: null }, []))).toThrow("Sheet Data is empty");
    const outside = snapshot({ selection: { top: 9, left: 9, bottom: 9, right: 9 } });
    expect(() => planSource(outside)).toThrow(new RateRagError("The selected cell J10 on Data is not inside a table of indicators.", "Select a cell inside your indicator table (or name the range) and try again."));
  });

  it("rates a table with limits and a benchmark but no targets against the benchmark, and says so", () => {
    const rated = planSource(snapshot({}, [
      ["Indicator", "Area", "Value", "Lower CI", "Upper CI", "England"],
      ["Smoking", "Anycity", 20, 18, 22, 15], // the whole interval is above England's 15
    ]));
    expect(rated.settings.rules.preset).toBe("benchmark");
    expect(rated.warnings).toEqual([expect.stringContaining("no targets but has confidence limits and England")]);
  });
});

describe("planRateRag", () => {
  it("writes the ten output columns just right of the table, the status fills and the record", () => {
    const { ops, report } = planRateRag(planSource(snapshot()));
    const cells = opsOf(ops, "cells") as Extract<WriteOp, { op: "cells" }>[];
    // Header in F1 (column 5), outputs below it in F2:O3 (Status ... Direction, Recent trend, Variation, Assurance, Reason, Rated at).
    expect(cells[0].block).toMatchObject({ row: 0, col: 5, values: [OUTPUT_COLUMNS.slice()] });
    expect(cells[1].block.row).toBe(1);
    expect(cells[1].block.values.map((r) => r[0])).toEqual(["Amber", "Red"]);
    expect(opsOf(ops, "statusRules")).toEqual([{ op: "statusRules", sheet: "Data", rect: { row: 1, col: 5, rows: 2, cols: 1 } }]);
    expect(ops[ops.length - 1]).toEqual({ op: "setting", key: "laa-scorecard.outputs", value: [{ sheet: "Data", table: null, headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 2, columns: 10 }] });
    // One actual each: no series to read, so Recent trend, Variation and Assurance are blank and the reason says nothing of them.
    expect(cells[1].block.values.map((r) => r.slice(5, 8))).toEqual([["", "", ""], ["", "", ""]]);
    expect(cells[1].block.values[0][8]).toBe("Actual 72.0 is 3.0 (4.0%) short of target 75.0; amber band is 5% of target");
    expect(report.counts).toMatchObject({ Amber: 1, Red: 1 });
    expect(report.source.address).toBe("A1:E3");
  });

  it("refuses to write over a cell of the user's in the way, naming it", () => {
    const rows = [
      ["Code", "Indicator", "Polarity", "Target", "Actual", "", "", "", "my note"],
      ["NI 1", "People who get on well", "Higher", 75, 72, "", "", "", ""],
    ];
    // The table A1:E2 ends at its blank column F; I1 is beside it, inside the ten output columns F:O.
    expect(() => planRateRag(planSource(snapshot({}, rows)))).toThrow("but Data!I1 already holds data, and the add-in never overwrites your cells");
  });

  it("adds table columns for a table; beside a column of the user's own called Status, its Status column gets a distinct name", () => {
    const table = snapshot({ tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 2, right: 4 } });
    expect(opsOf(planRateRag(planSource(table)).ops, "addTableColumns")).toEqual([{ op: "addTableColumns", table: "LAA", names: OUTPUT_COLUMNS }]);
    // A council's own Status column (its RAG) is the user's: it is kept, and the add-in's are "LAA Status" ...
    const own = snapshot({ tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 1, right: 5 } }, [
      ["Code", "Indicator", "Polarity", "Target", "Actual", "Status"],
      ["NI 1", "People who get on well", "Higher", 75, 72, "Green"],
    ]);
    const { ops } = planRateRag(planSource(own));
    // Only the clashing name changes: "LAA Status", the other nine as they are.
    const distinct = OUTPUT_COLUMNS.map((n) => (n === "Status" ? "LAA Status" : n));
    expect(opsOf(ops, "addTableColumns")).toEqual([{ op: "addTableColumns", table: "LAA", names: distinct }]);
    const record = (ops[ops.length - 1] as Extract<WriteOp, { op: "setting" }>).value as OutputRecord[];
    expect(record[0].names).toEqual(distinct);
    // A later run finds its own columns by the recorded names and writes them again, beside the user's.
    const rerun = snapshot({ tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 1, right: 15 }, records: record }, [
      ["Code", "Indicator", "Polarity", "Target", "Actual", "Status", ...distinct],
      ["NI 1", "People who get on well", "Higher", 75, 72, "Green", "Amber", 3, 0.04, "", "", "", "", "", "x", "2010-10-20"],
    ]);
    const again = planRateRag(planSource(rerun));
    expect(opsOf(again.ops, "cells")[0]).toMatchObject({ block: { row: 0, col: 6, values: [distinct] } });
    expect(again.report.counts.Amber).toBe(1); // 72 against 75: 4% short, inside the 5% band
  });

  it("clears the rows an earlier, longer run wrote only where the cells still show them", () => {
    // Today's table has 2 rows; rows 4 and 5 of the outputs still hold a status word, so they are the
    // add-in's and are cleared (F4:O5).
    const rest = ["", "", "", "", "", "x", "2010-10-20"];
    const rows = [
      ["Code", "Indicator", "Polarity", "Target", "Actual", ...OUTPUT_COLUMNS],
      ["NI 1", "People who get on well", "Higher", 75, 72, "Amber", 3, 0.04, ...rest],
      ["NI 2", "Litter", "Lower", 10, 12, "Red", 2, 0.2, ...rest],
      ["", "", "", "", "", "Green", 0, 0, ...rest],
      ["", "", "", "", "", "Grey", "", "", ...rest],
    ];
    // The table LAA now ends at row 3 (A1:O3, the outputs are its columns); the record says 4 rows were written.
    const record: OutputRecord = { sheet: "Data", table: "LAA", headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 4, columns: 10 };
    const { ops } = planRateRag(planSource(snapshot({ records: [record], tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 2, right: 14 } }, rows)));
    expect(opsOf(ops, "clear")).toEqual([{ op: "clear", sheet: "Data", rect: { row: 3, col: 5, rows: 2, cols: 10 }, what: "Contents" }]);
  });
});

describe("planRemoval and the output record", () => {
  it("deletes table columns, clears cells beside a range, and skips sources that are gone", () => {
    const records: OutputRecord[] = [
      { sheet: "Data", table: "LAA", headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 2 },
      { sheet: "Q3 data", table: null, headerRow: 4, sourceColumn: 1, firstColumn: 8, rows: 10 },
      { sheet: "Deleted", table: null, headerRow: 0, sourceColumn: 0, firstColumn: 3, rows: 1 },
    ];
    const { ops, removedColumns } = planRemoval(records, { sheets: new Set(["Data", "Q3 data"]), tables: new Set(["LAA"]), recorded: true });
    expect(removedColumns).toBe(14);
    expect(opsOf(ops, "deleteTableColumn")).toHaveLength(7);
    expect(opsOf(ops, "clear")).toEqual([{ op: "clear", sheet: "Q3 data", rect: { row: 4, col: 8, rows: 11, cols: 7 }, what: "All" }]);
    expect(ops[ops.length - 1]).toEqual({ op: "removeSetting", key: "laa-scorecard.outputs" });
  });

  it("trusts no record that is not well formed", () => {
    expect(parseRecords([{ sheet: "Data", table: null, headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 2 }, { sheet: "Data", headerRow: "0" }, null, "x", { sheet: 1 }, { sheet: "D", table: 5, headerRow: 0, sourceColumn: 0, firstColumn: 1 }])).toHaveLength(1);
    expect(parseRecords({ not: "a list" })).toEqual([]);
  });
});

describe("Recent trend, Variation and Assurance columns (docs/methods.md#recent-trend, docs/methods.md#spc)", () => {
  // A long table: one indicator, five years, each value with 95% limits of +/-0.98 (SE 0.5), no target.
  // Recent trend (docs/methods.md#recent-trend worked example): 10, 12, 14, 16, 18 with weights 4 give
  // slope 2, SE(slope) 0.158, chi-squared 160 > 9.5495, and the slope stays 2 with any point left out:
  // "Increasing and getting better" (higher is better). XmR chart of the five: mean 14, every moving
  // range 2 so AMR 2, limits 14 +/- 2.66 x 2 = 8.68 to 19.32, near limits 10.45 to 17.55; no point is
  // outside, no run of 7, no 2 of 3 beyond a near limit on one side (14 is on the mean): Common cause.
  const long = [
    ["Indicator", "Area", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Polarity"],
    ...[10, 12, 14, 16, 18].map((v, i) => ["Smoking", "Anycity", `${2008 + i}/${String(9 + i).padStart(2, "0")}`, v, v - 0.98, v + 0.98, "Higher"]),
  ];

  it("writes the recent trend only where five periods with limits have been seen, each row as at its own period", () => {
    const { ops } = planRateRag(planSource(snapshot({}, long)));
    const out = (opsOf(ops, "cells") as Extract<WriteOp, { op: "cells" }>[])[1].block.values;
    const trendCol = OUTPUT_COLUMNS.indexOf("Recent trend");
    expect(out.map((r) => r[trendCol])).toEqual(["", "", "", "", "Increasing and getting better"]);
    // One point as at 2008/09 is too few for an XmR chart (2 needed): blank, and the reason is silent on it.
    expect(out[0].slice(trendCol, trendCol + 3)).toEqual(["", "", ""]);
    expect(String(out[0][OUTPUT_COLUMNS.indexOf("Reason")])).not.toMatch(/XmR|recent trend/);
    expect(out[4].slice(trendCol, trendCol + 3)).toEqual(["Increasing and getting better", "Common cause", "No target"]);
    expect(String(out[4][OUTPUT_COLUMNS.indexOf("Reason")])).toMatch(
      /; recent trend over the last 5 periods \(public health profiles' method\); variation and assurance from an XmR chart of 5 points \(Making Data Count; provisional below 15 points\)$/,
    );
  });

  it("gives a wide row's variation and assurance from its actual columns and latest target", () => {
    // Actuals 10, 11, 10, 11, 10: mean 10.4, AMR 1, limits 10.4 +/- 2.66 = 7.74 to 13.06. The target 5 for
    // 2012/13 is below the lower limit with higher is better: Consistently passing. No limits: no recent trend.
    const wide = [
      ["Code", "Indicator", "Polarity", "Target 2012/13", "Actual 2008/09", "Actual 2009/10", "Actual 2010/11", "Actual 2011/12", "Actual 2012/13"],
      ["NI 1", "People who get on well", "Higher", 5, 10, 11, 10, 11, 10],
    ];
    const { ops } = planRateRag(planSource(snapshot({}, wide)));
    const row = (opsOf(ops, "cells") as Extract<WriteOp, { op: "cells" }>[])[1].block.values[0];
    expect(row.slice(5, 8)).toEqual(["", "Common cause", "Consistently passing"]);
  });
});

describe("A workbook rated by the earlier 7-column version", () => {
  // The earlier layout: Status, Gap, Gap %, Progress, Direction, Reason, Rated at in F:L, recorded without a column count.
  const old = ["Amber", 3, 0.04, "", "Not compared", "Actual 72.0 is 3.0 (4.0%) short of target 75.0; amber band is 5% of target", "2009/10"];
  const legacyRows = (extra: unknown[][] = [[], [], []]) => [
    ["Code", "Indicator", "Polarity", "Target", "Actual", ...LEGACY_OUTPUT_COLUMNS, ...extra[0]],
    ["NI 1", "People who get on well", "Higher", 75, 72, ...old, ...extra[1]],
    ["NI 2", "Litter", "Lower", 10, 12, ...old, ...extra[2]],
  ];
  const record: OutputRecord = { sheet: "Data", table: null, headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 2 };

  it("accepts the old block beside a plain range as its own and writes the ten columns over it", () => {
    const { ops } = planRateRag(planSource(snapshot({ records: [record] }, legacyRows())));
    const cells = opsOf(ops, "cells") as Extract<WriteOp, { op: "cells" }>[];
    expect(cells[0].block).toMatchObject({ row: 0, col: 5, values: [OUTPUT_COLUMNS.slice()] });
    expect(cells[1].block.values.map((r) => r.length)).toEqual([10, 10]);
    expect(opsOf(ops, "addTableColumns")).toEqual([]);
    expect(ops[ops.length - 1]).toEqual({ op: "setting", key: "laa-scorecard.outputs", value: [{ ...record, columns: 10 }] });
  });

  it("refuses when a cell of the user's is where a new column goes, naming it, as for a first run", () => {
    // M3 is the first column right of the old block (F:L), where Assurance ... Rated at now reach.
    const rows = legacyRows([[""], [""], ["checked"]]);
    expect(() => planRateRag(planSource(snapshot({ records: [record] }, rows)))).toThrow(
      "Rate RAG now also writes Recent trend, Variation and Assurance, so its columns beside the table grow by 3 (into columns M to O), but Data!M3 already holds data, and the add-in never overwrites your cells.",
    );
  });

  it("adds the three missing table columns after Direction in a table", () => {
    const tableRecord: OutputRecord = { ...record, table: "LAA" };
    const rated = planSource(snapshot({ records: [tableRecord], tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 2, right: 11 } }, legacyRows()));
    const { ops } = planRateRag(rated);
    // Direction is the table's 10th column (A..E inputs, F..J Status..Direction): the new ones go in at index 10, before Reason.
    expect(opsOf(ops, "addTableColumns")).toEqual([{ op: "addTableColumns", table: "LAA", names: SERIES_COLUMNS, index: 10 }]);
    expect((opsOf(ops, "cells")[0] as Extract<WriteOp, { op: "cells" }>).block.values).toEqual([OUTPUT_COLUMNS.slice()]);
  });

  it("still refuses an old block whose headers were changed", () => {
    const rows = legacyRows();
    rows[0][10] = "My notes";
    expect(() => planRateRag(planSource(snapshot({ records: [record] }, rows)))).toThrow("have been changed, so it will not write over them");
  });

  it("Remove ratings takes every column of either layout, and only those", () => {
    const { ops, removedColumns } = planRemoval([record, { ...record, sheet: "New", columns: 10 }, { ...record, sheet: "T", table: "LAA", columns: 10 }], { sheets: new Set(["Data", "New"]), tables: new Set(["LAA"]), recorded: true });
    expect(removedColumns).toBe(27);
    expect(opsOf(ops, "clear").map((o) => (o as Extract<WriteOp, { op: "clear" }>).rect.cols)).toEqual([7, 10]);
    expect(opsOf(ops, "deleteTableColumn").map((o) => (o as Extract<WriteOp, { op: "deleteTableColumn" }>).name)).toEqual([...OUTPUT_COLUMNS]);
  });
});

describe("Benchmark preset by funnel plot (docs/methods.md#funnel-rag)", () => {
  // The regional sample's shape (Fingertips column names, Count, Denominator, England value): six fictional
  // areas of NI 16 for 2008/09, 10,000 people each, counts 120, 200, 160, 185, 150, 139 (rate per 1,000 =
  // count / 10). Baseline 954 / 60,000 = 15.9 per 1,000. Labels by hand (Byars' limits over 10,000, as
  // test/unit/core/funnel-rating.test.ts works area 4): 120 Low (0.001), 200 High (0.001), 185 High (0.025),
  // the others Not significant. Lower is better: Low is Green, High Red. The 95% limits given are Byars'
  // over 10,000 too (120: 9.95 to 14.35), for the interval method.
  const headers = ["Indicator ID", "Indicator Name", "Parent Code", "Area Code", "Area Name", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count", "Denominator", "Polarity", "England value"];
  const ci: Record<number, [number, number]> = { 120: [9.95, 14.35], 200: [17.32, 22.97], 160: [13.62, 18.68], 185: [15.93, 21.37], 150: [12.69, 17.6], 139: [11.68, 16.42] };
  const region = (withCounts: boolean) => {
    const keep = (row: unknown[]) => (withCounts ? row : row.filter((_, i) => headers[i] !== "Count" && headers[i] !== "Denominator"));
    return [
      keep(headers),
      ...[120, 200, 160, 185, 150, 139].map((c, i) => keep(["NI 16", "Serious acquisitive crime rate", "E12099001", `E0699990${i + 1}`, `Area ${i + 1}`, "2008/09", c / 10, ...ci[c], c, 10000, "RAG - Low is good", 15.9])),
    ];
  };
  const rules = { ...DEFAULT_WORKBOOK_SETTINGS.rules, preset: "benchmark" as const, benchmarkMethod: "funnel" as const };
  const settings = { ...DEFAULT_WORKBOOK_SETTINGS, rules };
  const column = (rated: ReturnType<typeof planSource>, name: (typeof OUTPUT_COLUMNS)[number]) => rated.computed.outputs.map((o) => o[OUTPUT_COLUMNS.indexOf(name)]);

  it("rates each area by its funnel label among the areas of its indicator and period", () => {
    const rated = planSource(snapshot({ settings }, region(true)));
    expect(column(rated, "Status")).toEqual(["Green", "Red", "Amber", "Red", "Amber", "Amber"]);
    expect(String(column(rated, "Reason")[3])).toMatch(/^Actual 18\.5 is High \(0\.025\): above the funnel's 95% limit around the baseline of all 6 areas, 15\.9 per 1,000 \(funnel plot\)/);
    expect(String(column(rated, "Reason")[0])).toMatch(/^Actual 12\.0 is Low \(0\.001\): below the funnel's 99\.8% limit/);
  });

  it("keeps the interval method, saying why, for a table without counts and denominators", () => {
    const rated = planSource(snapshot({ settings }, region(false)));
    // Interval: 120's limits 9.95 to 14.35 are below 15.9 (Better, Green); 185's 15.93 to 21.37 above (Worse, Red); 160's span it (Similar, Amber).
    expect(column(rated, "Status")).toEqual(["Green", "Red", "Amber", "Red", "Amber", "Amber"]);
    expect(String(column(rated, "Reason")[2])).toMatch(/similar to the benchmark 15\.9; interval method kept: the table has no Count and Denominator columns for a funnel plot/);
  });

  it("changes nothing with the default interval method", () => {
    const rated = planSource(snapshot({ settings: { ...settings, rules: { ...rules, benchmarkMethod: "interval" } } }, region(true)));
    expect(String(column(rated, "Reason")[3])).not.toMatch(/funnel/);
  });
});
