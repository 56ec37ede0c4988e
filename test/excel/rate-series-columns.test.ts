import { createExcelApi, createWorkbook, type ExcelApi } from "../../src/emulator";
import { LEGACY_OUTPUT_COLUMNS, OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { rateRag, removeRatings } from "../../src/excel/rate-rag";
import { tableApi } from "./fixtures";

// Rate RAG's Recent trend, Variation and Assurance columns through the emulator
// (docs/methods.md#recent-trend, docs/methods.md#spc), and a workbook rated by the earlier
// 7-column version.

async function values(api: ExcelApi, sheet: string): Promise<unknown[][]> {
  return api.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange();
    used.load("values");
    await context.sync();
    return used.values as unknown[][];
  });
}

// One indicator over six years, lower is better, each value with 95% limits of +/-0.98 (SE 0.5), and a
// target of 30. The last five (12, 14, 16, 18, 20) give the worked example's slope 2 and chi-squared
// 160 (docs/methods.md#recent-trend): "Increasing and getting worse". The XmR chart of all six
// (10, 12, 14, 16, 18, 20): mean 15, moving ranges all 2 so AMR 2, limits 15 +/- 5.32 = 9.68 to 20.32;
// near limits 15 +/- 3.547 = 11.45 to 18.55, so 12 is not beyond one and 20 is; no run of 7; the latest
// point, 20, is common cause. The target 30 is above the whole range with lower is better:
// Consistently passing.
const LONG = [
  ["Indicator", "Area", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Polarity", "Target"],
  ...[10, 12, 14, 16, 18, 20].map((v, i) => ["Emergency admissions", "Anycity", `${2008 + i}/${String(9 + i).padStart(2, "0")}`, v, v - 0.98, v + 0.98, "Lower", 30]),
];

describe("Rate RAG's series columns", () => {
  it("writes Recent trend, Variation and Assurance after Direction, from each row's series as at its period", async () => {
    const api = await tableApi(LONG);
    await api.run((context) => rateRag(context));
    const sheet = await values(api, "KPIs");
    const first = sheet[0].indexOf("Status");
    expect(sheet[0].slice(first)).toEqual([...OUTPUT_COLUMNS]);
    const col = (name: string) => first + OUTPUT_COLUMNS.indexOf(name as (typeof OUTPUT_COLUMNS)[number]);
    // Rows 2..5 have fewer than five periods with limits: no recent trend.
    expect(sheet.slice(1).map((r) => r[col("Recent trend")])).toEqual(["", "", "", "", "Increasing and getting worse", "Increasing and getting worse"]);
    expect(sheet[6][col("Variation")]).toBe("Common cause");
    expect(sheet[6][col("Assurance")]).toBe("Consistently passing");
    expect(sheet[1][col("Variation")]).toBe(""); // one point
    expect(String(sheet[6][col("Reason")])).toContain("recent trend over the last 5 periods (public health profiles' method)");
  });

  it("with the SPC preset, rates the row by its chart: consistently passing is Green", async () => {
    const api = await tableApi(LONG, "spc");
    const report = await api.run((context) => rateRag(context));
    expect(report.counts.Green).toBe(1);
    const sheet = await values(api, "KPIs");
    const reason = String(sheet[6][sheet[0].indexOf("Reason")]);
    expect(reason).toMatch(/^Common cause, consistently passing against target 30.0 for 2013\/14 \(XmR chart of 6 points: mean 15.0, process limits 9.68 to 20.32; provisional below 15 points\); recent trend/);
  });
});

describe("A table rated by the earlier 7-column version", () => {
  async function oldTable(): Promise<ExcelApi> {
    const wb = createWorkbook(["KPIs"]);
    const rows = [
      ["Code", "Indicator", "Polarity", "Target", "Actual", ...LEGACY_OUTPUT_COLUMNS, "My notes"],
      ["NI 1", "People who get on well", "Higher", 75, 72, "Amber", 3, 0.04, "", "Not compared", "old reason", "2009/10", "keep me"],
      ["NI 2", "Litter", "Lower", 10, 12, "Red", 2, 0.2, "", "Not compared", "old reason", "2009/10", "and me"],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => { wb.sheets[0].ensureCell(r, c).value = v as never; }));
    const api = createExcelApi(wb);
    await api.run(async (context) => {
      context.workbook.tables.add("KPIs!A1:M3", true).name = "LAA";
      // The earlier version's record: no column count.
      context.workbook.settings.add("laa-scorecard.outputs", [{ sheet: "KPIs", table: "LAA", headerRow: 0, sourceColumn: 0, firstColumn: 5, rows: 2 }]);
      context.workbook.worksheets.getItem("KPIs").getRange("A2").select();
      await context.sync();
    });
    return api;
  }

  it("keeps its own columns, adds the three new ones after Direction, and keeps the user's column after them", async () => {
    const api = await oldTable();
    await api.run((context) => rateRag(context));
    const sheet = await values(api, "KPIs");
    expect(sheet[0]).toEqual(["Code", "Indicator", "Polarity", "Target", "Actual", ...OUTPUT_COLUMNS, "My notes"]);
    expect(sheet.slice(1).map((r) => r[5])).toEqual(["Amber", "Red"]); // 72 is 4% short of 75; 12 is 20% over 10 (docs/methods.md#tolerance)
    expect(sheet.slice(1).map((r) => r[15])).toEqual(["keep me", "and me"]);
    const count = await api.run(async (context) => {
      const c = context.workbook.tables.getItem("LAA").columns.getCount();
      await context.sync();
      return c.value;
    });
    expect(count).toBe(16);
    // A second run finds the new layout its own and changes nothing.
    await api.run((context) => rateRag(context));
    expect(await values(api, "KPIs")).toEqual(sheet);
  });

  it("Remove ratings then takes all ten columns away and leaves the user's", async () => {
    const api = await oldTable();
    await api.run((context) => rateRag(context));
    const removed = await api.run((context) => removeRatings(context));
    expect(removed.removedColumns).toBe(10);
    expect((await values(api, "KPIs"))[0]).toEqual(["Code", "Indicator", "Polarity", "Target", "Actual", "My notes"]);
  });
});
