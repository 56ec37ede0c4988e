/**
 * The Scorecard sheet's builder (pure, no Excel): its detail table has a Polarity column saying
 * "assumed" for the indicators whose status rests on an assumed polarity (docs/methods.md#polarity-assumed),
 * and no such column when none does. Figures invented; the statuses are worked out in the comments.
 */
import { makeIndicator } from "../../../src/core/indicator";
import { rateIndicator } from "../../../src/core/rules/engine";
import { ruleSetFromSettings } from "../../../src/core/rules/ruleset";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";
import type { RatedIndicator } from "../../../src/excel/rate-compute";
import { buildEntries, grouping } from "../../../src/excel/scorecard/entries";
import { scorecardSheet, type BuildInput } from "../../../src/excel/scorecard/sheets";
import type { SheetSpec } from "../../../src/excel/scorecard/sheet-model";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../../src/excel/settings-schema";

const rules = ruleSetFromSettings(DEFAULT_RULE_SETTINGS);
function rate(id: string, title: string, target: number, actual: number, polarityAssumed: boolean, row: number): RatedIndicator {
  const indicator = makeIndicator({ id, title, polarity: "higher", targets: [["2022/23", target]], actuals: [["2022/23", actual]] });
  return { indicator, rating: rateIndicator(indicator, rules), row, ...(polarityAssumed ? { polarityAssumed: true } : {}) };
}

function input(rated: RatedIndicator[]): BuildInput {
  const group = grouping(rated);
  return { entries: buildEntries(rated, group, [], new Map()), group, settings: DEFAULT_WORKBOOK_SETTINGS, sourceText: "'KPIs'!A1:E4", asAt: "2022/23", builtOn: "2023-06-01", snapshotDate: null };
}

/** The detail table's rows as cell values: the header row (starting "Code") and the rows below it. */
function detail(spec: SheetSpec): { header: string[]; rows: unknown[][] } {
  const headerBlock = spec.blocks.find((b) => b.values[0]?.[0] === "Code");
  if (!headerBlock) throw new Error("no detail header");
  const rows = spec.blocks.filter((b) => b.row > headerBlock.row && b.col === 0).flatMap((b) => b.values);
  return { header: headerBlock.values[0].map(String), rows };
}

describe("the Scorecard's detail table", () => {
  it("says 'assumed' in a Polarity column for the statuses that rest on an assumed polarity", () => {
    const spec = scorecardSheet(input([
      rate("HOU 1", "Days to decide a homelessness application", 40, 52, true, 0), // 52 above 40: Green as higher is better, assumed
      rate("WAS 4", "Household waste recycled (%)", 45, 46, false, 1), // 46 above 45: Green, polarity given
    ]));
    const { header, rows } = detail(spec);
    expect(header.slice(-4)).toEqual(["Direction of travel", "Polarity", "Owner", "Commentary"]);
    const p = header.indexOf("Polarity");
    const byCode = Object.fromEntries(rows.filter((r) => r[0] === "HOU 1" || r[0] === "WAS 4").map((r) => [r[0], r[p]]));
    expect(byCode).toEqual({ "HOU 1": "assumed", "WAS 4": "" });
    // One width per column, and the typed-text columns stay the last two.
    expect(spec.columnWidths).toHaveLength(header.length);
    expect(spec.userColumns).toMatchObject({ ownerCol: header.length - 2, commentaryCol: header.length - 1 });
    // Status fills still cover Status and Previous status.
    const status = header.indexOf("Status");
    expect(spec.statusRanges.some((r) => r.col === status && r.cols === 2)).toBe(true);
  });

  it("has no Polarity column when every polarity is known", () => {
    const { header } = detail(scorecardSheet(input([rate("WAS 4", "Household waste recycled (%)", 45, 46, false, 0)])));
    expect(header).not.toContain("Polarity");
    expect(header.slice(-3)).toEqual(["Direction of travel", "Owner", "Commentary"]);
  });
});
