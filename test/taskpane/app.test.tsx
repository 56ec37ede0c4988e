/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { LaaActions, RateReport } from "../../src/excel/types";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { deferred, fakeActions, TEST_RATE_REPORT } from "./fake-actions";

function renderApp(actions: LaaActions | null, extra: Partial<React.ComponentProps<typeof App>> = {}) {
  return render(<App actions={actions} theme="light" unsupported={[]} version="0.1.0-test" {...extra} />);
}

/** Waits until the start-up work (loadSettings, detect) has finished and the buttons are enabled. */
async function ready(): Promise<void> {
  await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "Rate RAG" }))).toBe(false));
}

/** Whether a control is disabled (the shared install has no jest-dom matchers). */
function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled || element.getAttribute("aria-disabled") === "true";
}

function openTab(name: string): void {
  fireEvent.click(screen.getByRole("tab", { name }));
}

// Rendering Fluent UI and running axe-core in jsdom is slow on a busy machine; this is a limit, not an assertion.
jest.setTimeout(30_000);

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => jest.restoreAllMocks());

describe("task pane outside Excel", () => {
  test("says to open the panel from Excel and offers no actions when there is no workbook", () => {
    renderApp(null);
    expect(screen.getByText("Open this panel from Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Rate RAG" })).toBeNull();
  });
});

describe("the methods guide link", () => {
  // The guide is built beside the pane as methods.html (test/taskpane/methods-guide.test.ts checks the page).
  test.each(["in Excel", "outside Excel"])("offers the methods guide %s, opening the bundled page in a new window", async (where) => {
    const actions = where === "in Excel" ? fakeActions() : null;
    renderApp(actions);
    if (actions !== null) await ready();
    const link = screen.getByRole("link", { name: "Methods guide" }) as HTMLAnchorElement;
    expect(link.getAttribute("href")).toBe("methods.html");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener");
  });
});

describe("Rate RAG", () => {
  // Expected counts are the ones the fake's report carries (TEST_RATE_REPORT); the pane must show each
  // status as its word with the count beside it (docs/methods.md#polarity: never colour alone).
  test("shows counts by status as words with numbers after Rate RAG", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    const list = await screen.findByRole("list", { name: "Indicators by status" });
    const items = within(list).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["Blue1", "Green5", "Amber3", "Red2", "Grey1"]);
    expect(screen.getByText(/Rated 12 indicators as at 2009\/10/)).toBeTruthy();
    expect(actions.rateRag).toHaveBeenCalledTimes(1);
  });

  test("disables every action button while an action is running and shows its progress", async () => {
    const actions = fakeActions();
    const pending = deferred<RateReport>();
    let report: ((fraction: number, message: string) => void) | undefined;
    actions.rateRag.mockImplementation((onProgress) => {
      report = onProgress;
      return pending.promise;
    });
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    const names = ["Rate RAG", "Build scorecard", "Refresh scorecards", "Save review snapshot", "Remove ratings", "Insert sample data", "Insert review checklist"];
    for (const name of names) expect(isDisabled(screen.getByRole("button", { name }))).toBe(true);
    // Disabled but still focusable (aria-disabled), so a keyboard user's focus stays on Rate RAG.
    expect((screen.getByRole("button", { name: "Rate RAG" }) as HTMLButtonElement).disabled).toBe(false);

    act(() => report?.(0.4, "Rating 40 of 100 indicators"));
    expect(screen.getByRole("progressbar", { name: "Rating 40 of 100 indicators" }).getAttribute("aria-valuenow")).toBe("0.4");

    await act(async () => pending.resolve(TEST_RATE_REPORT));
    for (const name of names) expect(isDisabled(screen.getByRole("button", { name }))).toBe(false);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  test("a second click while Rate RAG runs does not start it twice", async () => {
    const actions = fakeActions();
    const pending = deferred<RateReport>();
    actions.rateRag.mockReturnValue(pending.promise);
    renderApp(actions);
    await ready();
    const button = screen.getByRole("button", { name: "Rate RAG" });
    fireEvent.click(button);
    fireEvent.click(button);
    await act(async () => pending.resolve(TEST_RATE_REPORT));
    expect(actions.rateRag).toHaveBeenCalledTimes(1);
  });
});

describe("other actions", () => {
  // Expected words are built from what the fake reports (fake-actions.ts) and the texts in messages.ts.
  test.each([
    ["Build scorecard", 'Built sheet "Scorecard".'],
    ["Refresh scorecards", 'Refreshed sheet "Scorecard".'],
    ["Save review snapshot", "Saved a review snapshot of 12 indicators dated 2010-05-14."],
    ["Remove ratings", "Removed 3 rating columns."],
    ["Insert sample data", 'Sample indicators are on the sheet "Sample indicators".'],
    ["Insert review checklist", 'The review checklist is on the sheet "Review checklist"'],
  ])("%s says what it did", async (button, words) => {
    renderApp(fakeActions());
    await ready();
    fireEvent.click(screen.getByRole("button", { name: button }));
    expect(await screen.findByText(words, { exact: false })).toBeTruthy();
  });

  test("Insert sample data looks for the indicator table again", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    expect(actions.detect).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Insert sample data" }));
    await waitFor(() => expect(actions.detect).toHaveBeenCalledTimes(2));
  });
});

describe("failures", () => {
  test("a failed Rate RAG shows an error with the next step and no stack trace", async () => {
    const actions = fakeActions();
    const error = new TypeError("Cannot read properties of undefined (reading 'values')");
    actions.rateRag.mockRejectedValue(error);
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    const title = await screen.findByText("Rate RAG did not finish");
    const bar = title.closest(".fui-MessageBar") as HTMLElement;
    expect(bar).not.toBeNull();
    expect(bar.textContent).toContain("Select a cell inside your indicator table and try again.");
    expect(document.body.textContent).not.toContain("Cannot read properties");
    expect(document.body.textContent).not.toMatch(/at \w+ \(|TypeError/);
    // The technical detail goes to the console for whoever debugs.
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining("rateRag"), error);
  });

  test("an Excel error code a person can fix is explained (cell edit mode)", async () => {
    // Code from Microsoft's Excel API error list: InvalidOperationInCellEditMode.
    const actions = fakeActions();
    actions.buildScorecard.mockRejectedValue(Object.assign(new Error("RichApi.Error"), { code: "InvalidOperationInCellEditMode" }));
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Build scorecard" }));
    expect(await screen.findByText(/Press Enter or Esc to finish editing the cell, then try again\./)).toBeTruthy();
    expect(document.body.textContent).not.toContain("RichApi");
  });

  test("a failure after a success does not leave the old result looking like the new one's", async () => {
    const actions = fakeActions();
    actions.buildScorecard.mockRejectedValue(new Error("boom"));
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await screen.findByText(/Rated 12 indicators/);
    fireEvent.click(screen.getByRole("button", { name: "Build scorecard" }));
    await screen.findByText("The scorecard was not built");
    expect(screen.queryByText(/Rated 12 indicators/)).toBeNull();
  });

  test("the error can be dismissed by keyboard-reachable button", async () => {
    const actions = fakeActions();
    actions.removeRatings.mockRejectedValue(new Error("boom"));
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Remove ratings" }));
    await screen.findByText("The ratings were not removed");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss message" }));
    expect(screen.queryByText("The ratings were not removed")).toBeNull();
  });

  test("a workbook without an indicator table gets a warning that says what to do", async () => {
    const actions = fakeActions();
    actions.detect.mockRejectedValue(new Error("no table"));
    renderApp(actions);
    expect(await screen.findByText("No indicator table found")).toBeTruthy();
    expect(screen.getByText(/Select a cell inside your indicator table and press Detect again\./)).toBeTruthy();
  });
});

describe("problems", () => {
  test("pressing a problem selects its cell in the workbook", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    const problem = await screen.findByRole("button", { name: /Indicators!E4.*No actual value/ });
    fireEvent.click(problem);
    expect(actions.selectCell).toHaveBeenCalledWith("Indicators", "E4");
  });

  test("a sheet name with a space is quoted the way Excel writes it", async () => {
    const actions = fakeActions();
    actions.rateRag.mockResolvedValue({
      ...TEST_RATE_REPORT,
      problems: [{ sheet: "LAA 2008", address: "D7", message: "Target \"tbc\" is not a number" }],
    });
    renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    fireEvent.click(await screen.findByRole("button", { name: /'LAA 2008'!D7/ }));
    expect(actions.selectCell).toHaveBeenCalledWith("LAA 2008", "D7");
  });
});

describe("data", () => {
  test("shows the detected source and saves a corrected column mapping", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    openTab("Data");
    expect(screen.getByText("Indicators")).toBeTruthy();
    expect(screen.getByText("A1:F4")).toBeTruthy();
    // Column F of a source starting at A1 is the sixth column (0-based index 5).
    const notes = screen.getByRole("combobox", { name: "Notes" });
    fireEvent.change(notes, { target: { value: "commentary" } });
    fireEvent.click(screen.getByRole("button", { name: "Save column mapping" }));
    await waitFor(() => expect(actions.saveSettings).toHaveBeenCalledTimes(1));
    const saved = actions.saveSettings.mock.calls[0][0];
    expect(saved.rules).toEqual(DEFAULT_RULE_SETTINGS);
    expect(saved.mapping?.find((m) => m.column === 5)?.role).toBe("commentary");
    await waitFor(() => expect(actions.detect).toHaveBeenCalledTimes(2));
  });
});

describe("rules", () => {
  test("shows stored fractions as percentages and saves typed percentages as fractions", async () => {
    // Fractions, not percentages, are stored: src/core/rules/types.ts (a tolerance of 0.05 is 5%).
    const actions = fakeActions({ rules: { ...DEFAULT_RULE_SETTINGS, tolerance: 0.07 }, mapping: null });
    renderApp(actions);
    await ready();
    openTab("Rules");
    const tolerance = screen.getByRole("textbox", { name: "Tolerance (%)" });
    expect((tolerance as HTMLInputElement).value).toBe("7");
    fireEvent.change(tolerance, { target: { value: "7.5" } });
    fireEvent.click(screen.getByRole("switch", { name: "Rate Blue" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Blue margin (%)" }), { target: { value: "10" } });
    fireEvent.change(screen.getByRole("textbox", { name: "As-at period or date" }), { target: { value: " 2009/10 " } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await screen.findByText("Rules saved in this workbook.");
    expect(actions.saveSettings).toHaveBeenCalledWith({
      rules: { ...DEFAULT_RULE_SETTINGS, tolerance: 0.075, blueMargin: 0.1, asAt: "2009/10" },
      mapping: null,
    });
  });

  test("the explanation under the preset changes with the choice", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    openTab("Rules");
    expect(screen.getByText("Green when the target is met; Amber when short by no more than the tolerance; Red otherwise.")).toBeTruthy();
    fireEvent.click(screen.getByRole("combobox", { name: "Preset" }));
    fireEvent.click(screen.getByRole("option", { name: "Floor standard" }));
    expect(screen.getByText("Green when the target is met; Amber when the floor is met but not the target; Red when below the floor.")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Tolerance (%)" })).toBeNull();
  });

  test("the SPC preset is listed, says what variation and assurance mean, and saves as spc", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    openTab("Rules");
    fireEvent.click(screen.getByRole("combobox", { name: "Preset" }));
    fireEvent.click(screen.getByRole("option", { name: "SPC (Making Data Count)" }));
    expect(screen.getByText(/^Variation: is the latest point a special cause .*; assurance: do the process limits always meet the target/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await screen.findByText("Rules saved in this workbook.");
    expect(actions.saveSettings).toHaveBeenCalledWith({ rules: { ...DEFAULT_RULE_SETTINGS, preset: "spc" }, mapping: null });
  });

  test("a tolerance that is not a number is not saved and says why", async () => {
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    openTab("Rules");
    fireEvent.change(screen.getByRole("textbox", { name: "Tolerance (%)" }), { target: { value: "five" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    expect(await screen.findByText("Tolerance must be a number from 0 to 100 (a percentage).")).toBeTruthy();
    expect(actions.saveSettings).not.toHaveBeenCalled();
  });

  test("saves the benchmark comparison level and the recent trend as direction, each explained in one line", async () => {
    // docs/methods.md#benchmark-level (95 or 99.8) and #recent-trend (direction method recentTrend).
    const actions = fakeActions();
    renderApp(actions);
    await ready();
    openTab("Rules");
    fireEvent.click(screen.getByRole("combobox", { name: "Benchmark comparison level" }));
    fireEvent.click(screen.getByRole("option", { name: "99.8%" }));
    expect(screen.getByText(/Compares through 99.8% limits/)).toBeTruthy();
    fireEvent.click(screen.getByRole("combobox", { name: "Compare with" }));
    fireEvent.click(screen.getByRole("option", { name: "Recent trend (public health profiles)" }));
    expect(screen.getByText(/The profiles' recent trend over the latest 5 periods/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await screen.findByText("Rules saved in this workbook.");
    expect(actions.saveSettings).toHaveBeenCalledWith({ rules: { ...DEFAULT_RULE_SETTINGS, benchmarkLevel: 99.8, dotMethod: "recentTrend" }, mapping: null });
  });

  test("warnings from loading the settings are shown", async () => {
    const actions = fakeActions();
    actions.loadSettings.mockResolvedValue({
      settings: { rules: DEFAULT_RULE_SETTINGS, mapping: null },
      warnings: ["The saved tolerance was not a number, so the default 5% is used."],
    });
    renderApp(actions);
    expect(await screen.findByText(/The saved tolerance was not a number/)).toBeTruthy();
  });
});

describe("Office look and limits", () => {
  /** The CSS custom properties FluentProvider defines, read from the style sheets it inserted. */
  function providerCss(): string {
    return Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules))
      .map((rule) => rule.cssText)
      .join("\n");
  }

  test("applies the dark theme when asked", async () => {
    renderApp(fakeActions(), { theme: "dark" });
    await ready();
    expect(document.querySelector("[data-theme='dark']")).not.toBeNull();
    const css = providerCss();
    expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(css).not.toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1};`);
  });

  test("says which feature this Excel is too old for and why", async () => {
    renderApp(fakeActions(), {
      unsupported: [{ feature: "Status colours on rated cells", why: "It needs ExcelApi 1.6 (conditional formats)." }],
    });
    await ready();
    expect(screen.getByText("Status colours on rated cells is not available in this Excel")).toBeTruthy();
    expect(screen.getByText("It needs ExcelApi 1.6 (conditional formats).")).toBeTruthy();
  });

  test.each(["data", "rules", "actions"])("has no serious or critical accessibility problems (axe-core), %s tab", async (tab) => {
    const actions = fakeActions();
    const { container } = renderApp(actions);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Rate RAG" }));
    await screen.findByRole("list", { name: "Indicators by status" });
    openTab({ data: "Data", rules: "Rules", actions: "Actions & results" }[tab] as string);
    // Rules that need real layout cannot run in jsdom (axe-core docs: color-contrast needs rendering).
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });
});
