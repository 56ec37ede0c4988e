import { createLaaActions } from "../../src/excel/actions";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { tableApi } from "./fixtures";

// What detect tells the task pane so it can ask before the first rating of a table without a Polarity
// column (docs/methods.md#polarity-assumed): how many statuses would rest on an assumed polarity, and
// whether the add-in has rated the table before. Figures invented; hand calculation with the default
// Tolerance rule (5% band): 52 against a target of 40 and 44 against 40 are both on or above target,
// so both are Green on "higher is better", and both statuses rest on that assumption (2). With NI codes
// the reference list gives the polarity (NI 16 lower, NI 192 higher: src/core/ni-reference.ts), so none does.
const headers = ["Code", "Indicator", "Target 2009/10", "Actual 2009/10"];
const LOCAL = [headers, ["HOU 1", "Days to decide a homelessness application", 40, 52], ["WAS 3", "Household waste recycled (%)", 40, 44]];
const NATIONAL = [headers, ["NI 16", "Serious acquisitive crime rate", 40, 52], ["NI 192", "Household waste recycled (%)", 40, 44]];

describe("detect, for the polarity question", () => {
  it("counts the statuses that would rest on an assumed polarity, and says the table is not rated yet", async () => {
    const actions = createLaaActions((await tableApi(LOCAL)).run);
    const detected = await actions.detect();
    expect(detected.mapping.some((m) => m.role === "polarity")).toBe(false);
    expect(detected.polarityAssumed).toBe(2);
    expect(detected.rated).toBe(false);
    await actions.rateRag();
    expect((await actions.detect()).rated).toBe(true);
  });

  it("counts none for National Indicators, whose polarity the add-in knows", async () => {
    const actions = createLaaActions((await tableApi(NATIONAL)).run);
    expect((await actions.detect()).polarityAssumed).toBe(0);
  });

  it("keeps the confirmations in the workbook's settings", async () => {
    const actions = createLaaActions((await tableApi(LOCAL)).run);
    const settings = { rules: DEFAULT_RULE_SETTINGS, mapping: null, polarityConfirmed: ["range:KPIs!A1"] };
    await actions.saveSettings(settings);
    expect(await actions.loadSettings()).toEqual({ settings, warnings: [] });
  });
});
