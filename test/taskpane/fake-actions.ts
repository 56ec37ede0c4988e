/**
 * A test double of LaaActions: every method a jest.fn whose answer a test can replace. The data it
 * returns is made up for tests and never shown outside them.
 */
import type { RateReport, LaaActions, ScorecardReport, WorkbookSettings } from "../../src/excel/types";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";

export type FakeActions = { [K in keyof LaaActions]: jest.Mock<ReturnType<LaaActions[K]>, Parameters<LaaActions[K]>> };

export const TEST_SOURCE = { sheet: "Indicators", address: "A1:F4", kind: "range", layout: "wide", rows: 3 } as const;

export const TEST_MAPPING = [
  { column: 0, header: "Code", role: "id" },
  { column: 1, header: "Indicator", role: "title" },
  { column: 2, header: "Polarity", role: "polarity" },
  { column: 3, header: "Target 2009/10", role: "target", period: "2009/10" },
  { column: 4, header: "Actual 2009/10", role: "actual", period: "2009/10" },
  { column: 5, header: "Notes", role: "value" },
] as const;

export const TEST_RATE_REPORT: RateReport = {
  source: TEST_SOURCE,
  asAt: "2009/10",
  rated: 12,
  counts: { Blue: 1, Green: 5, Amber: 3, Red: 2, Grey: 1 },
  problems: [{ sheet: "Indicators", address: "E4", message: "No actual value", indicatorId: "NI 16" }],
  warnings: [],
};

export const TEST_SCORECARD_REPORT: ScorecardReport = {
  sheets: ["Scorecard"],
  renamed: [],
  counts: { Blue: 0, Green: 2, Amber: 1, Red: 0, Grey: 4 },
  problems: [],
  warnings: [],
};

/** A fake LaaActions that answers at once with the test data above. */
export function fakeActions(settings: WorkbookSettings = { rules: DEFAULT_RULE_SETTINGS, mapping: null }): FakeActions {
  return {
    detect: jest.fn(async () => ({ source: TEST_SOURCE, mapping: TEST_MAPPING, problems: [] })),
    rateRag: jest.fn(async () => TEST_RATE_REPORT),
    buildScorecard: jest.fn(async () => TEST_SCORECARD_REPORT),
    refreshScorecards: jest.fn(async () => TEST_SCORECARD_REPORT),
    saveSnapshot: jest.fn(async () => ({ saved: 12, reviewDate: "2010-05-14" })),
    removeRatings: jest.fn(async () => ({ removedColumns: 3 })),
    insertSampleData: jest.fn(async () => ({ sheet: "Sample indicators" })),
    insertReviewChecklist: jest.fn(async () => ({ sheet: "Review checklist", created: true })),
    loadSettings: jest.fn(async () => ({ settings, warnings: [] })),
    saveSettings: jest.fn(async (_settings: WorkbookSettings) => undefined),
    selectCell: jest.fn(async (_sheet: string, _address: string) => undefined),
  };
}

/** A promise a test settles when it chooses, to look at the pane while an action is still running. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
