/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { messages } from "../../src/core/messages";
import { createLaaActions } from "../../src/excel/actions";
import { App } from "../../src/taskpane/components/App";
import { ribbonSummary } from "../../src/taskpane/components/RibbonOutcomeBar";
import { ACTUALS_ONLY, tableApi } from "../excel/fixtures";
import { TEST_RATE_REPORT } from "./fake-actions";

// The task pane wired to the emulator (as the workbench does) on a KPI list with actuals only: after
// Rate RAG the first thing in the results is the sentence saying why nothing could be rated and which
// columns to add (docs/methods.md#nothing-rated).

jest.setTimeout(30_000);
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => {}));
afterEach(() => jest.restoreAllMocks());

describe("the task pane when nothing can be rated", () => {
  test("shows why, naming the Target and Benchmark columns, above the Done summary", async () => {
    const api = await tableApi(ACTUALS_ONLY);
    const actions = createLaaActions((batch) => api.run(batch));
    render(<App actions={actions} theme="light" unsupported={[]} version="0.1.0-test" />);
    const rate = screen.getByRole("button", { name: "Rate RAG" });
    await waitFor(() => expect(rate.getAttribute("aria-disabled")).not.toBe("true"));
    fireEvent.click(rate);
    const sentence = await screen.findByText(messages.nothingRatedNoBasis);
    expect(sentence.textContent).toContain("Add a Target column, or a Benchmark column");
    const done = screen.getByText(/Rated 3 indicators/);
    // Shown first: the sentence comes before the summary in the page's reading order.
    expect(sentence.compareDocumentPosition(done) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("says nothing of the kind for a report where something was rated", () => {
    expect(ribbonSummary(TEST_RATE_REPORT)).not.toContain("Nothing could be rated");
    expect(ribbonSummary({ ...TEST_RATE_REPORT, nothingRated: messages.nothingRatedNoBasis })).toMatch(/^Nothing could be rated: .*\. Rated 12 indicators/);
  });
});
