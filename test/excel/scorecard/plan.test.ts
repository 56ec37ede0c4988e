/**
 * The scorecard commands' planner with plain data: no Excel, no emulator. The rated source comes from
 * Rate RAG's planner over a small table (test/excel/rate-plan.test.ts has the same shape); sheet names
 * and the rules for leaving users' sheets alone are docs/architecture.md's Ownership section.
 */
import { planSource, RateRagError, type RateSnapshot } from "../../../src/excel/rate-plan";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../../src/excel/settings-schema";
import type { WriteOp } from "../../../src/excel/plan";
import { grouping } from "../../../src/excel/scorecard/entries";
import { parseRecord, SHEETS_KEY } from "../../../src/excel/scorecard/ownership";
import { planChecklist, planScorecard, planSnapshot, type OwnedSheetRead } from "../../../src/excel/scorecard/plan";
import type { SheetKind } from "../../../src/excel/scorecard/sheet-model";
import { HISTORY_HEADER } from "../../../src/excel/scorecard/sheets";

const values = [
  ["Code", "Indicator", "Perspective", "Polarity", "Target", "Actual"],
  ["NI 1", "People who get on well", "Safer", "Higher", 75, 72],
  ["NI 2", "Litter", "Safer", "Lower", 10, 12],
];
const snapshot: RateSnapshot = {
  sheet: "Data", selection: { top: 1, left: 1, bottom: 1, right: 1 }, used: { top: 0, left: 0, bottom: 2, right: 5 }, values,
  hiddenRows: new Set(), tableName: null, tableBox: null, named: null, settings: DEFAULT_WORKBOOK_SETTINGS, warnings: [], records: [],
};
const rated = planSource(snapshot);
const group = grouping(rated.computed.rated);
const empty = parseRecord(null);
const prepared = (ops: readonly WriteOp[]) => ops.filter((o): o is Extract<WriteOp, { op: "prepareSheet" }> => o.op === "prepareSheet").map((o) => [o.target.name, o.target.existing]);

describe("planScorecard", () => {
  it("makes the four sheets of a one-area table, records them, and shows the Scorecard", () => {
    const { ops, report, show } = planScorecard({ rated, group, record: empty, names: ["Data"], owned: new Map(), history: null, builtOn: "2010-10-20", returnTo: null });
    expect(prepared(ops)).toEqual([["Scorecard", false], ["Exception report", false], ["Monitoring report", false], ["Trends", false]]);
    const last = ops[ops.length - 1] as Extract<WriteOp, { op: "setting" }>;
    expect(last.key).toBe(SHEETS_KEY);
    expect((last.value as { sheets: { name: string }[] }).sheets.map((s) => s.name)).toEqual(report.sheets);
    expect(report.counts).toMatchObject({ Amber: 1, Red: 1 });
    expect(show).toBe("Scorecard");
  });

  it("leaves a user's sheet called Scorecard alone and says which name it used", () => {
    const { ops, report } = planScorecard({ rated, group, record: empty, names: ["Data", "Scorecard"], owned: new Map(), history: null, builtOn: "2010-10-20", returnTo: null });
    expect(prepared(ops)[0]).toEqual(["Scorecard (2)", false]);
    expect(report.renamed).toEqual([{ wanted: "Scorecard", used: "Scorecard (2)" }]);
    expect(report.warnings).toContain('A sheet called "Scorecard" is yours, so the add-in left it alone and used "Scorecard (2)".');
  });

  it("rebuilds its own recorded sheet in place, but not one the user has replaced (A1 is not its title)", () => {
    const record = parseRecord({ version: 1, sheets: [{ kind: "scorecard", name: "Scorecard" }, { kind: "trends", name: "Trends" }], source: null, written: {} });
    const owned = new Map<SheetKind, OwnedSheetRead>([
      ["scorecard", { name: "Scorecard", title: "Partnership scorecard", usedAddress: "A1:K20", usedValues: [["Partnership scorecard"]], charts: ["Chart 1"] }],
      ["trends", { name: "Trends", title: "My own trends", usedAddress: "A1:B2", usedValues: null, charts: [] }],
    ]);
    const { ops } = planScorecard({ rated, group, record, names: ["Data", "Scorecard", "Trends"], owned, history: null, builtOn: "2010-10-20", returnTo: null });
    expect(prepared(ops)).toEqual([["Scorecard", true], ["Exception report", false], ["Monitoring report", false], ["Trends (2)", false]]);
    expect(ops[0]).toMatchObject({ target: { usedAddress: "A1:K20", charts: ["Chart 1"] } });
  });
});

describe("the Scorecard's overall line says what Movement compares with", () => {
  const overallLine = (history: { name: string; values: unknown[][] | null } | null) => {
    const { ops } = planScorecard({ rated, group, record: empty, names: ["Data"], owned: new Map(), history, builtOn: "2010-10-20", returnTo: null });
    const cells = ops.filter((o): o is Extract<WriteOp, { op: "cells" }> => o.op === "cells" && o.sheet === "Scorecard").flatMap((o) => o.block.values.flat());
    return String(cells.find((v) => String(v).startsWith("Overall:")));
  };
  it("with no review snapshot, that every Movement says New and how to save one", () => {
    expect(overallLine(null)).toContain("No review snapshot is saved yet, so every indicator's Movement says New (Save review snapshot before a review");
  });
  it("with one, its date", () => {
    const saved = [HISTORY_HEADER.slice(), ["2010-07-20", "NI 1", "", "People who get on well", "Q1 2010/11", 71, 75, "Amber"]];
    expect(overallLine({ name: "RAG History", values: saved })).toContain("Movement is since the review snapshot of 2010-07-20.");
  });
});

describe("planSnapshot and planChecklist", () => {
  it("starts the RAG History with its header, then appends one row per indicator", () => {
    const first = planSnapshot(rated, group, empty, ["Data"], null, "2010-10-20");
    expect(first.result).toEqual({ saved: 2, reviewDate: "2010-10-20", sheet: "RAG History" });
    expect(prepared(first.ops)).toEqual([["RAG History", false]]);
    const later = planSnapshot(rated, group, empty, ["Data", "RAG History"], { name: "RAG History", used: { values: [HISTORY_HEADER.slice(), ["2010-07-20", "NI 1", "", "People who get on well", "Q1 2010/11", 71, 75, "Amber"]], rowIndex: 0, rowCount: 2 } }, "2010-10-20");
    expect(prepared(later.ops)).toEqual([]);
    expect(later.ops.find((o) => o.op === "cells")).toMatchObject({ block: { row: 2, col: 0 } });
  });

  it("refuses to append to a history whose columns were changed", () => {
    const changed = { name: "RAG History", used: { values: [["Date", "What"]], rowIndex: 0, rowCount: 1 } };
    expect(() => planSnapshot(rated, group, empty, ["Data", "RAG History"], changed, "2010-10-20")).toThrow(RateRagError);
  });

  it("never rebuilds a checklist the add-in already made", () => {
    const record = parseRecord({ version: 1, sheets: [{ kind: "checklist", name: "Review checklist" }], source: null, written: {} });
    expect(planChecklist(record, ["Data", "Review checklist"], "2010-10-20")).toEqual({ ops: [], sheet: "Review checklist", created: false, renamed: [] });
    expect(planChecklist(empty, ["Data"], "2010-10-20").created).toBe(true);
  });
});
