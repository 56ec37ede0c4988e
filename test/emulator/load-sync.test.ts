import { setup, rejection, thrown } from "./helpers";

// Proxy objects, load and sync: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts
// Error codes: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
describe("load and sync (Excel JavaScript object model)", () => {
  it("throws PropertyNotLoaded when a property is read before load() and sync(), naming the property", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      const e = thrown(() => range.values);
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toContain("The property 'values' is not available");
      expect(e.debugInfo.errorLocation).toBe("Range.values");
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
  });

  it("lets a property that was set be read back without a load, as office.js keeps the queued value", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      range.values = [[5]];
      expect(range.values).toEqual([[5]]);
      await context.sync();
    });
  });

  it("queues writes until sync: the workbook changes only when context.sync() runs", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B2").values = [["queued"]];
      expect(wb.sheets[0].cell(1, 1)).toBeUndefined();
      await context.sync();
      expect(wb.sheets[0].cell(1, 1)?.value).toBe("queued");
    });
  });

  it("fails getItem of a missing worksheet at sync with ItemNotFound, not when getItem is called", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Missing");
      sheet.load("name");
      const e = await rejection(context.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(e.debugInfo.errorLocation).toContain("getItem");
    });
  });

  it("gives null objects from *OrNullObject methods: isNullObject after sync, without load (application-specific API model, OrNullObject)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Missing");
      const present = context.workbook.worksheets.getItemOrNullObject("Data");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
    });
  });

  it("rejects writes through a null object at sync with ItemNotFound", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Missing");
      missing.getRange("A1").values = [[1]];
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("takes every form load() accepts: a comma list, an array, paths into navigation properties, and { select, expand }", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const a = sheet.getRange("A1:B2").load("address, rowCount");
      const b = sheet.getRange("A1").load(["columnCount", "format/fill/color", "format/font/bold"]);
      const c = sheet.getRange("C3").load({ select: "address", expand: "format" });
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(["Data!A1:B2", 2]);
      expect([b.columnCount, b.format.fill.color, b.format.font.bold]).toEqual([1, "#FFFFFF", false]);
      expect(c.address).toBe("Data!C3");
      expect(c.format.columnWidth).toBe(48);
      expect(() => a.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("gives toJSON of loaded properties including loaded navigation properties", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1").load("address, format/font/bold");
      await context.sync();
      expect(r.toJSON()).toEqual({ address: "Data!A1", format: { font: { bold: false } } });
    });
  });

  it("loads collections: items throws PropertyNotLoaded until loaded; getCount gives a ClientResult after sync", async () => {
    const { Excel } = setup(["One", "Two"]);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const count = sheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["One", "Two"]);
      expect(count.value).toBe(2);
    });
  });

  it("keeps writes queued before a failing operation, as Excel applies a batch in order without a transaction", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["kept"]];
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
      sheet.getRange("A2").values = [["never"]];
      await rejection(context.sync());
    });
    expect(wb.sheets[0].cell(0, 0)?.value).toBe("kept");
    expect(wb.sheets[0].cell(1, 0)).toBeUndefined();
  });

  it("syncs what is still queued when the batch's promise resolves, as Excel.run does", async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["no explicit sync"]];
    });
    expect(wb.sheets[0].cell(0, 0)?.value).toBe("no explicit sync");
    expect(wb.lastRun.syncs).toBe(1);
  });

  it("rejects a batch that does not return a promise with RunMustReturnPromise (Excel.run)", async () => {
    const { Excel } = setup();
    const e = await rejection(Excel.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>));
    expect(e.code).toBe("RunMustReturnPromise");
  });

  it("refuses a context used after its Excel.run finished", async () => {
    const { Excel } = setup();
    let kept: Excel.RequestContext | undefined;
    await Excel.run(async (context) => { kept = context; });
    expect(() => { kept!.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]]; }).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });

  it("tracks and untracks objects through trackedObjects and track()/untrack() (performance: untrack unneeded ranges)", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1");
      expect(r.track()).toBe(r);
      context.trackedObjects.remove(r);
      expect(r.untrack()).toBe(r);
      context.trackedObjects.add(r);
      await context.sync();
    });
  });
});

describe("null objects and their parents", () => {
  it("still fails with ItemNotFound when the parent of an *OrNullObject call is missing (getItem('Missing').getUsedRangeOrNullObject())", async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Missing").getUsedRangeOrNullObject();
      used.load("address");
      const e = await rejection(context.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(e.debugInfo.errorLocation).toContain("Worksheets.getItem");
    });
  });
});

describe("the Excel global", () => {
  it("runs code written for office.js, which calls Excel.run and reads Excel enums, once installed as the global Excel", async () => {
    const { createExcelApi, createWorkbook, installExcelGlobal } = await import("../../src/emulator");
    const wb = createWorkbook(["Data"]);
    const restore = installExcelGlobal(createExcelApi(wb));
    try {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Data").getRange("A1:A3");
        range.conditionalFormats.add(Excel.ConditionalFormatType.iconSet);
        await context.sync();
      });
    } finally {
      restore();
    }
    expect(wb.sheets[0].conditionalFormats.map((c) => c.type)).toEqual(["IconSet"]);
    expect(typeof (globalThis as { Excel?: unknown }).Excel).toBe("undefined");
  });
});

describe("request contexts", () => {
  it("refuses a range from another Excel.run as an argument with InvalidRequestContext, when the method is called (office.js validateContext)", async () => {
    const { Excel } = setup(["Data"]);
    let old: Excel.Range | undefined;
    await Excel.run(async (context) => { old = context.workbook.worksheets.getItem("Data").getRange("A1:B3"); });
    await Excel.run(async (context) => {
      const charts = context.workbook.worksheets.getItem("Data").charts;
      expect(() => charts.add("Line", old!)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
      await context.sync();
    });
  });
});
