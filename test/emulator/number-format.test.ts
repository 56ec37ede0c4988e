import { createExcelApi, createWorkbook } from "../../src/emulator";

// Range.text under formats with optional decimals ("#" after the point). Meaning of the codes:
// Microsoft support, "Number format codes" (https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68):
// "0" displays insignificant zeros, "#" displays only significant digits. Rate RAG's Gap column uses
// "#,##0.0##" (src/excel/rate-compute.ts OUTPUT_FORMATS).
async function textOf(value: number, format: string): Promise<string> {
  const api = createExcelApi(createWorkbook(["Data"]));
  return api.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Data").getRange("A1");
    range.values = [[value]];
    range.numberFormat = [[format]];
    range.load("text");
    await context.sync();
    return String(range.text[0][0]);
  });
}

describe("Range.text with optional decimal places", () => {
  it("shows up to three decimals and at least one under #,##0.0##", async () => {
    expect(await textOf(-8.8931505, "#,##0.0##")).toBe("-8.893");
    expect(await textOf(0.65, "#,##0.0##")).toBe("0.65");
    expect(await textOf(3, "#,##0.0##")).toBe("3.0");
    expect(await textOf(-314.8493, "#,##0.0##")).toBe("-314.849");
    expect(await textOf(12345.5, "#,##0.0##")).toBe("12,345.5");
  });

  it("keeps the point when no significant decimal is left, as Excel shows 1 under 0.##", async () => {
    expect(await textOf(1, "0.##")).toBe("1.");
    expect(await textOf(1.256, "0.##")).toBe("1.26");
  });

  it("applies optional decimals to percentages too", async () => {
    expect(await textOf(0.125, "0.0#%")).toBe("12.5%");
    expect(await textOf(0.1, "0.0#%")).toBe("10.0%");
  });
});
