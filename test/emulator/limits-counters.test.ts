import { createExcelApi, createWorkbook, PAYLOAD_LIMIT_BYTES, CELL_READ_LIMIT } from "../../src/emulator";
import { setup, rejection } from "./helpers";

// Limits: "Excel on the web has a payload size limit for requests and responses of 5MB" and "A range is limited
// to five million cells for get operations":
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
// Codes: RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded, RangeExceedsLimit
// (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
describe("Excel on the web's limits", () => {
  it("uses 5 MB and five million cells by default", () => {
    expect(PAYLOAD_LIMIT_BYTES).toBe(5 * 1024 * 1024);
    expect(CELL_READ_LIMIT).toBe(5_000_000);
  });

  it("rejects a sync whose request is over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it", async () => {
    const { wb, Excel } = setup();
    const rows = Array.from({ length: 70_000 }, (_, i) => Array.from({ length: 10 }, (_, j) => `cell ${i}-${j}`));
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("Z1").values = [["first"]];
      sheet.getRange("A1:J70000").values = rows;
      const e = await rejection(context.sync());
      expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
      expect(e.message).toContain("The request payload size has exceeded the limit");
    });
    expect(wb.sheets[0].rows.length).toBe(0);
  });

  it("accepts the same data written in blocks under the limit, one sync each", async () => {
    const { wb, Excel } = setup();
    const block = Array.from({ length: 35_000 }, (_, i) => Array.from({ length: 10 }, (_, j) => `cell ${i}-${j}`));
    const { counters } = await Excel.runWithCounters(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:J35000").values = block;
      await context.sync();
      sheet.getRange("A35001:J70000").values = block;
      await context.sync();
    });
    expect(wb.sheets[0].rows.length).toBe(70_000);
    expect(counters.syncs).toBe(2);
    expect(counters.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(counters.cellsWritten).toBe(700_000);
  });

  it("rejects a load whose response is over 5 MB with ResponsePayloadSizeLimitExceeded, delivering nothing", async () => {
    const wb = createWorkbook(["Data"]);
    const sheet = wb.sheets[0];
    for (let r = 0; r < 60_000; r++) for (let c = 0; c < 10; c++) sheet.ensureCell(r, c).value = `value ${r}-${c}`;
    const Excel = createExcelApi(wb);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:J60000").load("values");
      const e = await rejection(context.sync());
      expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("rejects reading more than five million cells with RangeExceedsLimit (A:E is 5,242,880 cells)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A:E").load("values");
      const e = await rejection(context.sync());
      expect(e.code).toBe("RangeExceedsLimit");
      expect(e.debugInfo.errorLocation).toBe("Range.values");
    });
  });

  it("lets tests shrink the limits to exercise chunking cheaply", async () => {
    const { Excel } = setup(["Data"], { limits: { payloadBytes: 1000, cellsPerRead: 10 } });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A11").load("values");
      expect((await rejection(context.sync())).code).toBe("RangeExceedsLimit");
      context.workbook.worksheets.getItem("Data").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["0123456789"]);
      expect((await rejection(context.sync())).code).toBe("RequestPayloadSizeLimitExceeded");
    });
  });
});

// Counters: syncs are round trips (https://learn.microsoft.com/office/dev/add-ins/concepts/correlated-objects-pattern
// explains why a sync inside a loop is slow); bytes are JSON sizes of what would cross to Excel on the web.
describe("counters", () => {
  it("counts syncs, cells read and written, and bytes each way for one run", async () => {
    const { Excel } = setup();
    const { counters } = await Excel.runWithCounters(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      r.values = [[1, 2], [3, 4], [5, 6]];
      await context.sync();
      r.load("values");
      await context.sync();
    });
    expect(counters.syncs).toBe(2);
    expect(counters.cellsWritten).toBe(6);
    expect(counters.cellsRead).toBe(6);
    expect(counters.requestBytes).toBeGreaterThan(JSON.stringify([[1, 2], [3, 4], [5, 6]]).length);
    expect(counters.responseBytes).toBeGreaterThanOrEqual(JSON.stringify({ values: [[1, 2], [3, 4], [5, 6]] }).length);
  });

  it("shows a sync inside a loop as one sync per row, against one sync for the whole block", async () => {
    const { Excel } = setup();
    const looped = await Excel.runWithCounters(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (let i = 0; i < 20; i++) {
        sheet.getRange(`A${i + 1}`).values = [[i]];
        await context.sync();
      }
    });
    const batched = await Excel.runWithCounters(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B1:B20").values = Array.from({ length: 20 }, (_, i) => [i]);
      await context.sync();
    });
    expect(looped.counters.syncs).toBe(20);
    expect(batched.counters.syncs).toBe(1);
    expect(looped.counters.cellsWritten).toBe(batched.counters.cellsWritten);
  });

  it("keeps the last run's counters and the workbook's running totals", async () => {
    const { wb, Excel } = setup();
    for (let i = 0; i < 3; i++) {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [[i]];
        await context.sync();
      });
    }
    expect(wb.lastRun).toMatchObject({ runs: 1, syncs: 1, cellsWritten: 1 });
    expect(wb.counters).toMatchObject({ runs: 3, syncs: 3, cellsWritten: 3 });
  });
});

describe("empty syncs", () => {
  it("does not count a sync with nothing queued as a round trip, as office.js sends no request then", async () => {
    const { Excel } = setup();
    const { counters } = await Excel.runWithCounters(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
      await context.sync();
      await context.sync();
    });
    expect(counters.syncs).toBe(1);
  });
});
