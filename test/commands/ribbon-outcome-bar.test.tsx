/** @jest-environment jsdom */
import "../taskpane/setup";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { RibbonOutcomeBar, ribbonSummary } from "../../src/taskpane/components/RibbonOutcomeBar";
import { App } from "../../src/taskpane/components/App";
import { lastRibbonOutcome, publishRibbonOutcome } from "../../src/shared/ribbon-outcome";
import { TEST_RATE_REPORT } from "../taskpane/fake-actions";

// What the task pane shows after the ribbon's Rate RAG (src/commands/rate-from-ribbon.ts). The report
// is the task pane tests' shared example report (test/taskpane/fake-actions.ts), not real results.
afterEach(() => act(() => publishRibbonOutcome(null)));

describe("the ribbon's Rate RAG outcome in the task pane", () => {
  it("shows nothing until the ribbon has run", () => {
    const { container } = render(<RibbonOutcomeBar />);
    expect(container.textContent).toBe("");
  });

  it("shows the counts of a ribbon run that finished while the pane was open", () => {
    render(<RibbonOutcomeBar />);
    act(() => publishRibbonOutcome({ kind: "rated", report: TEST_RATE_REPORT }));
    // Written out from TEST_RATE_REPORT (12 rated as at 2009/10, Blue 1, Green 5, Amber 3, Red 2, Grey 1, one problem).
    expect(screen.getByText("Rated 12 indicators as at 2009/10: Blue 1, Green 5, Amber 3, Red 2, Grey 1; 1 problem (press Rate RAG here to list them).")).toBeTruthy();
  });

  it("says 'no problems' and '1 indicator' in the singular", () => {
    const one = { ...TEST_RATE_REPORT, rated: 1, counts: { Blue: 0, Green: 1, Amber: 0, Red: 0, Grey: 0 }, problems: [] };
    expect(ribbonSummary(one)).toBe("Rated 1 indicator as at 2009/10: Blue 0, Green 1, Amber 0, Red 0, Grey 0; no problems.");
  });

  it("shows a failure that happened before the pane opened, in the pane's words, until dismissed", () => {
    publishRibbonOutcome({ kind: "failed", title: "Rate RAG did not finish", detail: "No indicator table was found.", nextStep: "Select a cell inside your indicator table and try again." });
    render(<RibbonOutcomeBar />);
    expect(screen.getByText("Rate RAG did not finish")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss ribbon message" }));
    expect(screen.queryByText("Rate RAG did not finish")).toBeNull();
    expect(lastRibbonOutcome()).toBeNull();
  });

  it("is shown inside the pane's one FluentProvider", () => {
    publishRibbonOutcome({ kind: "rated", report: TEST_RATE_REPORT });
    const { container } = render(<App actions={null} theme="light" unsupported={[]} version="0.1.0" banner={<RibbonOutcomeBar />} />);
    expect(container.querySelectorAll(".fui-FluentProvider")).toHaveLength(1);
    expect(container.querySelector(".fui-FluentProvider")?.textContent).toContain("Rate RAG from the ribbon:");
  });
});
