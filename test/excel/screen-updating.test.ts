import { buildScorecard } from "../../src/excel/scorecard";
import { rateRag } from "../../src/excel/rate-rag";
import { openSample } from "./fixtures";

// One screen-updating suspension per command: Microsoft warns that calling
// suspendScreenUpdatingUntilNextSync repeatedly makes the window flicker
// (https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating).
// A small payload budget makes each command write in several syncs; calculation may be suspended
// for each, screen updating only once.

async function countSuspensions(run: (context: Excel.RequestContext) => Promise<unknown>, api: Awaited<ReturnType<typeof openSample>>) {
  return api.runWithCounters(async (context) => {
    const app = context.workbook.application;
    const proto = Object.getPrototypeOf(app) as Excel.Application;
    const screen = jest.spyOn(proto, "suspendScreenUpdatingUntilNextSync");
    const calc = jest.spyOn(proto, "suspendApiCalculationUntilNextSync");
    try {
      await run(context);
      return { screen: screen.mock.calls.length, calc: calc.mock.calls.length };
    } finally {
      screen.mockRestore();
      calc.mockRestore();
    }
  });
}

describe("screen updating is suspended once per command", () => {
  it("Rate RAG writing in several blocks", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const { result, counters } = await countSuspensions((context) => rateRag(context, { budgetBytes: 4_000 }), api);
    expect(result.calc).toBeGreaterThan(1); // several write blocks...
    expect(counters.syncs).toBeGreaterThan(4);
    expect(result.screen).toBe(1); // ...one screen suspension
  });

  it("Build scorecard writing in several syncs", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const { result } = await countSuspensions((context) => buildScorecard(context, { budgetBytes: 20_000, today: "2010-04-01" }), api);
    expect(result.calc).toBeGreaterThan(1);
    expect(result.screen).toBe(1);
  });
});
