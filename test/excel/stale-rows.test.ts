import { createExcelApi } from "../../src/emulator";
import { rateRag } from "../../src/excel/rate-rag";
import { staleRowsToClear } from "../../src/excel/stale-rows";
import { wideWorkbook } from "./fixtures";

// The output record is not trusted to say how far to clear (the hostile-input case 2 of test/cli/keeps-user-things.test.ts): only rows whose cells
// still show the add-in's outputs are cleared.

describe("staleRowsToClear (pure, no emulator)", () => {
  const grid = (rows: unknown[][]) => (r: number, c: number) => rows[r]?.[c] ?? null;
  it("clears the old rows that still carry a status word", () => {
    expect(staleRowsToClear(2, 4, 10, 7, grid([[], [], ["Red", 1], ["Green", 2]]))).toBe(2);
  });
  it("stops at the first row the add-in cannot prove it wrote", () => {
    expect(staleRowsToClear(1, 5, 10, 7, grid([[], ["Amber"], ["My note"], ["Red"]]))).toBe(1);
  });
  it("caps a forged record at the used range", () => {
    expect(staleRowsToClear(3, 1_048_000, 9, 7, () => null)).toBe(7);
  });
});

describe("Rate RAG with a forged output record", () => {
  it("keeps the user's cell below the table in the add-in's Status column", async () => {
    const wb = wideWorkbook(3);
    const api = createExcelApi(wb);
    await api.run(async (context) => {
      context.workbook.worksheets.getItem("Indicators").getRange("A2").select();
      await context.sync();
    });
    await api.run((context) => rateRag(context));
    // Status is the first output column, just right of the 12 input columns (M); row 30 is well below the table.
    await api.run(async (context) => {
      const settings = context.workbook.settings.getItem("laa-scorecard.outputs");
      settings.load("value");
      await context.sync();
      const records = (settings.value as { rows: number }[]).map((r) => ({ ...r, rows: 1_048_000 }));
      context.workbook.settings.add("laa-scorecard.outputs", records);
      context.workbook.worksheets.getItem("Indicators").getRange("M30").values = [["My note"]];
      context.workbook.worksheets.getItem("Indicators").getRange("A2").select();
      await context.sync();
    });
    await api.run((context) => rateRag(context));
    const kept = await api.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Indicators").getRange("M1:M30");
      r.load("values");
      await context.sync();
      return r.values.map((row) => row[0]);
    });
    expect(kept[0]).toBe("Status");
    expect(kept[29]).toBe("My note");
  });
});
