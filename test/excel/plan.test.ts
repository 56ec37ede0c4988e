/**
 * The plan vocabulary and how the one writer groups it into syncs (src/excel/plan.ts), with plain data.
 * The byte figures are the estimates the writer uses: the JSON length of a block's values and formats
 * plus 130 bytes per queued operation (OP_BYTES), so the expected groupings are worked out by hand.
 */
import { formatRuns, OP_BYTES, opBytes, sheetOps, syncBatches, type WriteOp } from "../../src/excel/plan";
import { block } from "../../src/excel/scorecard/sheet-model";
import { checklistSheet } from "../../src/excel/scorecard/sheets";

const setting = (key: string, value: string): WriteOp => ({ op: "setting", key, value });

describe("syncBatches", () => {
  it("keeps everything in one sync while it fits the budget", () => {
    const ops = [setting("a", "1"), setting("b", "2"), setting("c", "3")];
    // Each setting is 130 + the JSON of its value ("1" is 3 bytes) = 133 bytes: 399 in all.
    expect(ops.map(opBytes)).toEqual([133, 133, 133]);
    expect(syncBatches(ops, 399)).toEqual([ops]);
  });

  it("starts a new sync when the next operation would pass the budget, and keeps the order", () => {
    const ops = [setting("a", "1"), setting("b", "2"), setting("c", "3")];
    expect(syncBatches(ops, 300)).toEqual([[ops[0], ops[1]], [ops[2]]]);
    // An operation bigger than the budget on its own still goes, alone.
    expect(syncBatches(ops, 100)).toEqual([[ops[0]], [ops[1]], [ops[2]]]);
  });

  it("splits a block of more than 1 MB by rows, so no request carries it whole", () => {
    // 20,000 rows of one 100-character text: about 2.1 MB of values and 0.1 MB of formats.
    const rows = Array.from({ length: 20_000 }, () => ["x".repeat(100)]);
    const big: WriteOp = { op: "cells", sheet: "S", block: block(0, 0, rows) };
    const batches = syncBatches([big], 4 * 1024 * 1024);
    const parts = batches.flat() as Extract<WriteOp, { op: "cells" }>[];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.reduce((n, p) => n + p.block.values.length, 0)).toBe(20_000);
    expect(parts.map((p) => p.block.row)).toEqual(parts.map((_p, i) => parts.slice(0, i).reduce((n, q) => n + q.block.values.length, 0)));
  });
});

describe("number formats one value per column", () => {
  it("gives each run of columns whose cells share a format one value, and none when a column mixes them", () => {
    const rows = [["@", "0.0%", "0.0%", "@"], ["@", "0.0%", "0.0%", "@"]];
    expect(formatRuns(rows)).toEqual([{ col: 0, count: 1, format: "@" }, { col: 1, count: 2, format: "0.0%" }, { col: 3, count: 1, format: "@" }]);
    expect(formatRuns([["@", "0%"], ["0%", "0%"]])).toBeNull();
  });

  it("counts a shared format once per run, not once per cell", () => {
    // 1,000 rows of one text column: the 2-D formats would be 1,000 x ["@"] = 6,001 bytes; one run is
    // one operation (130) plus the JSON of "@" (3).
    const rows = Array.from({ length: 1_000 }, () => ["a"]);
    const values = JSON.stringify(rows).length;
    expect(opBytes({ op: "cells", sheet: "S", block: block(0, 0, rows) })).toBe(values + 133 + 3 * OP_BYTES);
  });
});

describe("syncBatches fills each sync", () => {
  it("cuts a block by rows where the request would pass the budget", () => {
    // Each row ["x" * 98] is 102 bytes of JSON and a comma: 103. The block's own bytes: the "@" run
    // (133), the brackets (2) and three operations (390): 525. Under 2,000 bytes a sync holds
    // floor((2,000 - 525) / 103) = 14 rows; 100 rows take ceil(100 / 14) = 8 syncs.
    const rows = Array.from({ length: 100 }, () => ["x".repeat(98)]);
    const batches = syncBatches([{ op: "cells", sheet: "S", block: block(0, 0, rows) }], 2_000);
    const counts = batches.map((b) => (b[0] as Extract<WriteOp, { op: "cells" }>).block.values.length);
    expect(counts).toEqual([14, 14, 14, 14, 14, 14, 14, 2]);
  });

  it("never cuts a block drawn with a line under it", () => {
    const rows = Array.from({ length: 100 }, () => ["x".repeat(98)]);
    const batches = syncBatches([{ op: "cells", sheet: "S", block: block(0, 0, rows, [], { underline: true }) }], 2_000);
    expect(batches).toHaveLength(1);
  });
});

describe("sheetOps", () => {
  it("makes the sheet first, then its blocks, status rules and charts", () => {
    const spec = checklistSheet("2010-10-20");
    const ops = sheetOps(spec, { name: "Review checklist", existing: false, usedAddress: null, charts: [] });
    expect(ops[0]).toMatchObject({ op: "prepareSheet", target: { name: "Review checklist" } });
    expect(ops.filter((o) => o.op === "cells")).toHaveLength(spec.blocks.length);
    expect(opBytes({ op: "clearRules", sheet: "S", rect: { row: 0, col: 0, rows: 1, cols: 1 } })).toBe(OP_BYTES);
  });
});
