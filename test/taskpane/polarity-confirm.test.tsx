/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { POLARITY_CONFIRM_TEXT } from "../../src/taskpane/components/messages";
import { needsPolarityConfirmation, sourceKey } from "../../src/taskpane/components/polarity-confirm";
import type { ColumnMappingEntry, Detected, WorkbookSettings } from "../../src/excel/types";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { parseWorkbookSettings } from "../../src/excel/settings-schema";
import { fakeActions, TEST_MAPPING, TEST_SOURCE } from "./fake-actions";

// The question the pane asks before the first rating of a table without a Polarity column
// (docs/methods.md#polarity-assumed). The table is the fake's KPI list (Code, Indicator, Target, Actual)
// with its Polarity column taken out; detect says how many statuses would rest on the assumed polarity
// (3 here: made up, only "more than none" matters), and 0 for National Indicators, whose polarity the
// add-in knows from its reference list. The words expected are the pane's messages.

const NO_POLARITY: readonly ColumnMappingEntry[] = TEST_MAPPING.filter((m) => m.role !== "polarity");
const SETTINGS: WorkbookSettings = { rules: DEFAULT_RULE_SETTINGS, mapping: null };
const KEY = "range:Indicators!A1"; // TEST_SOURCE: a plain range at Indicators!A1:F4

jest.setTimeout(30_000);
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => {}));
afterEach(() => jest.restoreAllMocks());

const isDisabled = (e: HTMLElement) => (e as HTMLButtonElement).disabled || e.getAttribute("aria-disabled") === "true";
async function ready(): Promise<void> {
  await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "Rate RAG" }))).toBe(false));
}
const question = () => screen.queryByRole("alertdialog", { name: POLARITY_CONFIRM_TEXT.title });
const tabSelected = (name: string) => screen.getByRole("tab", { name }).getAttribute("aria-selected");

/** The pane on a table detected as given, with the given stored settings. */
function renderPane(detected: Partial<Detected>, settings: WorkbookSettings = SETTINGS) {
  const actions = fakeActions(settings);
  actions.detect.mockResolvedValue({ source: TEST_SOURCE, mapping: NO_POLARITY, problems: [], polarityAssumed: 3, rated: false, ...detected });
  render(<App actions={actions} theme="light" unsupported={[]} version="0.1.0-test" />);
  return actions;
}

describe("before the first rating of a table without a Polarity column", () => {
  test("the pane asks, and rates nothing until answered", async () => {
    const actions = renderPane({});
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    const asked = question();
    expect(asked?.textContent).toContain("This table has no Polarity column, so every indicator will be rated as higher is better.");
    expect(screen.getByRole("button", { name: "Rate anyway" })).toBe(document.activeElement);
    expect(screen.getByRole("button", { name: "Choose the Polarity column" })).toBeTruthy();
    expect(actions.rateRag).not.toHaveBeenCalled();
  });

  test("Rate anyway rates, remembers the confirmation for this table and is not asked again", async () => {
    const actions = renderPane({});
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    fireEvent.click(screen.getByRole("button", { name: "Rate anyway" }));
    await screen.findByText(/Rated 12 indicators/);
    expect(actions.rateRag).toHaveBeenCalledTimes(1);
    expect(question()).toBeNull();
    await waitFor(() => expect(actions.saveSettings).toHaveBeenCalledWith({ ...SETTINGS, polarityConfirmed: [KEY] }));

    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await waitFor(() => expect(actions.rateRag).toHaveBeenCalledTimes(2));
    expect(question()).toBeNull();
    expect(actions.saveSettings).toHaveBeenCalledTimes(1);
  });

  test("a confirmation stored in the workbook is not asked again when the pane opens", async () => {
    const actions = renderPane({}, { ...SETTINGS, polarityConfirmed: [KEY] });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await waitFor(() => expect(actions.rateRag).toHaveBeenCalledTimes(1));
    expect(question()).toBeNull();
  });

  test("Choose the Polarity column opens the column mapping and rates nothing", async () => {
    const actions = renderPane({});
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    fireEvent.click(screen.getByRole("button", { name: "Choose the Polarity column" }));
    expect(tabSelected("Data")).toBe("true");
    await waitFor(() => expect(document.activeElement?.id).toBe("data-mapping-heading"));
    expect(actions.rateRag).not.toHaveBeenCalled();
    expect(actions.saveSettings).not.toHaveBeenCalled();
    expect(question()).toBeNull();
  });

  test("a failed rating is not remembered, so the question comes again", async () => {
    const actions = renderPane({});
    actions.rateRag.mockRejectedValueOnce(new Error("no table"));
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    fireEvent.click(screen.getByRole("button", { name: "Rate anyway" }));
    await waitFor(() => expect(actions.rateRag).toHaveBeenCalledTimes(1));
    await ready();
    expect(actions.saveSettings).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    expect(question()).not.toBeNull();
  });
});

describe("the pane does not ask", () => {
  test("when the table has a Polarity column", async () => {
    const actions = renderPane({ mapping: TEST_MAPPING });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await waitFor(() => expect(actions.rateRag).toHaveBeenCalledTimes(1));
    expect(question()).toBeNull();
  });

  test("when the codes are National Indicators (no status rests on an assumed polarity)", async () => {
    const actions = renderPane({ polarityAssumed: 0 });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await waitFor(() => expect(actions.rateRag).toHaveBeenCalledTimes(1));
    expect(question()).toBeNull();
  });

  test("when the add-in has rated the table before (from the ribbon, say)", async () => {
    const actions = renderPane({ rated: true });
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await waitFor(() => expect(actions.rateRag).toHaveBeenCalledTimes(1));
    expect(question()).toBeNull();
  });
});

describe("the remembered confirmations", () => {
  test("are kept per table: a table by its name, a plain range by its sheet and top-left cell", () => {
    expect(sourceKey(TEST_SOURCE)).toBe(KEY);
    expect(sourceKey({ ...TEST_SOURCE, address: "A1:F40" })).toBe(KEY);
    expect(sourceKey({ ...TEST_SOURCE, kind: "table", name: "KPIs" })).toBe("table:KPIs");
    const detected: Detected = { source: TEST_SOURCE, mapping: NO_POLARITY, problems: [], polarityAssumed: 3, rated: false };
    expect(needsPolarityConfirmation(detected, { ...SETTINGS, polarityConfirmed: ["table:KPIs"] })).toBe(true);
    expect(needsPolarityConfirmation(detected, { ...SETTINGS, polarityConfirmed: [KEY] })).toBe(false);
  });

  test("are read back from the workbook's settings, and a corrupt list is dropped with a warning", () => {
    const stored = { rules: DEFAULT_RULE_SETTINGS, mapping: null, polarityConfirmed: [KEY] };
    expect(parseWorkbookSettings(JSON.stringify(stored))).toEqual({ settings: stored, warnings: [] });
    const bad = parseWorkbookSettings({ rules: DEFAULT_RULE_SETTINGS, mapping: null, polarityConfirmed: [1] });
    expect(bad.settings.polarityConfirmed).toBeUndefined();
    expect(bad.warnings).toEqual(["The stored confirmations of an assumed polarity are not valid, so the task pane will ask again before rating a table without a Polarity column."]);
  });
});
