/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { hasBenchmarkRows } from "../../src/taskpane/components/RulesPanel";
import { POLARITY_TEXT } from "../../src/taskpane/components/messages";
import type { ColumnMappingEntry, RateReport } from "../../src/excel/types";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { fakeActions, TEST_RATE_REPORT } from "./fake-actions";

// The pane on a public table with benchmark rows (the column mapping of a Fingertips export: Area Code,
// Parent Code, Value and its limits, no Benchmark column; docs/methods.md#benchmark-area) and after a
// Rate RAG whose report says two statuses rest on an assumed polarity (docs/methods.md#polarity-assumed).
// The expected words are the pane's messages; the counts and cells are the fake report's.

const FINGERTIPS_MAPPING: readonly ColumnMappingEntry[] = [
  { column: 0, header: "Indicator ID", role: "id" },
  { column: 2, header: "Parent Code", role: "parentCode" },
  { column: 4, header: "Area Code", role: "areaCode" },
  { column: 5, header: "Area Name", role: "area" },
  { column: 12, header: "Time period", role: "period" },
  { column: 13, header: "Value", role: "value" },
  { column: 14, header: "Lower CI 95.0 limit", role: "lowerCi" },
  { column: 15, header: "Upper CI 95.0 limit", role: "upperCi" },
];
const LONG_SOURCE = { sheet: "indicators-CountyUA.data", address: "A1:Z853", kind: "range", layout: "long", rows: 852 } as const;

const ASSUMED_REPORT: RateReport = {
  ...TEST_RATE_REPORT,
  polarityAssumed: {
    count: 2, hasPolarityColumn: false,
    indicators: [
      { sheet: "indicators-CountyUA.data", address: "A40", message: "No Polarity column: rated as if higher is better.", indicatorId: "93356, Derby" },
      { sheet: "indicators-CountyUA.data", address: "A41", message: "No Polarity column: rated as if higher is better.", indicatorId: "93356, Leicester" },
    ],
  },
};

jest.setTimeout(30_000);
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => {}));
afterEach(() => jest.restoreAllMocks());

const isDisabled = (e: HTMLElement) => (e as HTMLButtonElement).disabled || e.getAttribute("aria-disabled") === "true";
async function ready(): Promise<void> {
  await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "Rate RAG" }))).toBe(false));
}
const tabSelected = (name: string) => screen.getByRole("tab", { name }).getAttribute("aria-selected");

describe("the benchmark area on the Rules tab", () => {
  test("is offered only for a long table with an area column and no Benchmark column", () => {
    expect(hasBenchmarkRows(FINGERTIPS_MAPPING, "long")).toBe(true);
    expect(hasBenchmarkRows(FINGERTIPS_MAPPING, "wide")).toBe(false);
    expect(hasBenchmarkRows([...FINGERTIPS_MAPPING, { column: 20, header: "England value", role: "benchmark" }], "long")).toBe(false);
    expect(hasBenchmarkRows(FINGERTIPS_MAPPING.filter((m) => m.role !== "areaCode" && m.role !== "area"), "long")).toBe(false);
    expect(hasBenchmarkRows(null, null)).toBe(false);
  });

  test("is not shown for a KPI list (the fake's wide table)", async () => {
    render(<App actions={fakeActions()} theme="light" unsupported={[]} version="0.1.0-test" />);
    await ready();
    fireEvent.click(screen.getByRole("tab", { name: "Rules" }));
    expect(screen.queryByRole("combobox", { name: "Benchmark area" })).toBeNull();
  });

  test("shows England by default and saves the region, or an area typed in, as the setting", async () => {
    const actions = renderPane();
    await ready();
    fireEvent.click(screen.getByRole("tab", { name: "Rules" }));
    const area = screen.getByRole("combobox", { name: "Benchmark area" });
    expect(area.textContent).toBe("England");
    fireEvent.click(area);
    fireEvent.click(screen.getByRole("option", { name: "Region" }));
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await screen.findByText("Rules saved in this workbook.");
    expect(actions.saveSettings).toHaveBeenLastCalledWith({ rules: { ...DEFAULT_RULE_SETTINGS, benchmarkArea: "region" }, mapping: null });

    fireEvent.click(screen.getByRole("combobox", { name: "Benchmark area" }));
    fireEvent.click(screen.getByRole("option", { name: "Another area" }));
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    // Blank: not saved, and the field says what to type.
    expect(await screen.findByText("Type the code or name of the area to compare with.")).toBeTruthy();
    expect(actions.saveSettings).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByRole("textbox", { name: "Area code or name" }), { target: { value: " E12000007 " } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await waitFor(() => expect(actions.saveSettings).toHaveBeenCalledTimes(2));
    expect(actions.saveSettings).toHaveBeenLastCalledWith({ rules: { ...DEFAULT_RULE_SETTINGS, benchmarkArea: "E12000007" }, mapping: null });
  });
});

describe("after Rate RAG, statuses on an assumed polarity", () => {
  test("are counted, with a way to the column mapping and the list of indicators, each selecting its cell", async () => {
    const actions = renderPane(ASSUMED_REPORT);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    expect(await screen.findByText(POLARITY_TEXT.assumed(2, false))).toBeTruthy();
    expect(POLARITY_TEXT.assumed(2, false)).toBe("2 statuses rest on an assumed polarity (higher is better), because the table has no Polarity column. Where lower is better, add a Polarity column and rate again.");

    expect(screen.queryByRole("list", { name: POLARITY_TEXT.listLabel })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show the 2 indicators" }));
    const list = screen.getByRole("list", { name: POLARITY_TEXT.listLabel });
    const items = within(list).getAllByRole("button");
    expect(items.map((b) => b.textContent)).toEqual([
      "'indicators-CountyUA.data'!A40 (93356, Derby)No Polarity column: rated as if higher is better.",
      "'indicators-CountyUA.data'!A41 (93356, Leicester)No Polarity column: rated as if higher is better.",
    ]);
    fireEvent.click(items[1]);
    await waitFor(() => expect(actions.selectCell).toHaveBeenCalledWith("indicators-CountyUA.data", "A41"));

    expect(tabSelected("Actions & results")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: POLARITY_TEXT.openMapping }));
    expect(tabSelected("Data")).toBe("true");
    await waitFor(() => expect(document.activeElement?.id).toBe("data-mapping-heading"));
  });

  test("are not mentioned when no status rests on one", async () => {
    renderPane(TEST_RATE_REPORT);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await screen.findByText(/Rated 12 indicators/);
    expect(screen.queryByText(POLARITY_TEXT.title)).toBeNull();
  });
});

/** The pane on the Fingertips-shaped mapping, its Rate RAG answering with the given report. */
function renderPane(report: RateReport = TEST_RATE_REPORT) {
  const actions = fakeActions();
  actions.detect.mockResolvedValue({ source: LONG_SOURCE, mapping: FINGERTIPS_MAPPING, problems: [] });
  actions.rateRag.mockResolvedValue(report);
  render(<App actions={actions} theme="light" unsupported={[]} version="0.1.0-test" />);
  return actions;
}
