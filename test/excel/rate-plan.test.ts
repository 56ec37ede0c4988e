/**
 * Rate RAG's planner with plain data: no Excel, no emulator. Each snapshot is what the reader would
 * have read; the expected writes are worked out by hand from the rules in docs/architecture.md
 * (Ownership: the add-in writes only its own columns) and docs/methods.md#tolerance.
 */
import { planRateRag, planRemoval, planSource, parseRecords, RateRagError, type OutputRecord, type RateSnapshot } from "../../src/excel/rate-plan";
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
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
  it("writes the seven output columns just right of the table, the status fills and the record", () => {
    const { ops, report } = planRateRag(planSource(snapshot()));
    const cells = opsOf(ops, "cells") as Extract<WriteOp, { op: "cells" }>[];
    // Header in F1 (column 5), outputs below it in F2:L3.
    expect(cells[0].block).toMatchObject({ row: 0, col: 5, values: [OUTPUT_COLUMNS.slice()] });
    expect(cells[1].block.row).toBe(1);
    expect(cells[1].block.values.map((r) => r[0])).toEqual(["Amber", "Red"]);
    expect(opsOf(ops, "statusRules")).toEqual([{ op: "statusRules", sheet: "Data", rect: { row: 1, col: 5, rows: 2, cols: 1 } }]);
    expect(ops[ops.length - 1]).toEqual({ op: "setting", key: "laa-scorecard.outputs", value: [{ sheet: "Data", table: null, headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 2 }] });
    expect(report.counts).toMatchObject({ Amber: 1, Red: 1 });
    expect(report.source.address).toBe("A1:E3");
  });

  it("refuses to write over a cell of the user's in the way, naming it", () => {
    const rows = [
      ["Code", "Indicator", "Polarity", "Target", "Actual", "", "", "", "my note"],
      ["NI 1", "People who get on well", "Higher", 75, 72, "", "", "", ""],
    ];
    // The table A1:E2 ends at its blank column F; I1 is beside it, inside the seven output columns F:L.
    expect(() => planRateRag(planSource(snapshot({}, rows)))).toThrow("but Data!I1 already holds data, and the add-in never overwrites your cells");
  });

  it("adds table columns for a table, and refuses a table that has a Status column of its own", () => {
    const table = snapshot({ tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 2, right: 4 } });
    expect(opsOf(planRateRag(planSource(table)).ops, "addTableColumns")).toEqual([{ op: "addTableColumns", table: "LAA", names: OUTPUT_COLUMNS }]);
    const own = snapshot({ tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 1, right: 5 } }, [
      ["Code", "Indicator", "Polarity", "Target", "Actual", "Gap"],
      ["NI 1", "People who get on well", "Higher", 75, 72, 3],
    ]);
    expect(() => planRateRag(planSource(own))).toThrow('already has a column called "gap" that the add-in did not write');
  });

  it("clears the rows an earlier, longer run wrote only where the cells still show them", () => {
    // Today's table has 2 rows; rows 4 and 5 of the outputs still hold a status word, so they are the
    // add-in's and are cleared (F4:L5).
    const rows = [
      ["Code", "Indicator", "Polarity", "Target", "Actual", ...OUTPUT_COLUMNS],
      ["NI 1", "People who get on well", "Higher", 75, 72, "Amber", 3, 0.04, "", "", "x", "2010-10-20"],
      ["NI 2", "Litter", "Lower", 10, 12, "Red", 2, 0.2, "", "", "x", "2010-10-20"],
      ["", "", "", "", "", "Green", 0, 0, "", "", "x", "2010-10-20"],
      ["", "", "", "", "", "Grey", "", "", "", "", "x", "2010-10-20"],
    ];
    // The table LAA now ends at row 3 (A1:L3, the outputs are its columns); the record says 4 rows were written.
    const record: OutputRecord = { sheet: "Data", table: "LAA", headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 4 };
    const { ops } = planRateRag(planSource(snapshot({ records: [record], tableName: "LAA", tableBox: { top: 0, left: 0, bottom: 2, right: 11 } }, rows)));
    expect(opsOf(ops, "clear")).toEqual([{ op: "clear", sheet: "Data", rect: { row: 3, col: 5, rows: 2, cols: 7 }, what: "Contents" }]);
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
