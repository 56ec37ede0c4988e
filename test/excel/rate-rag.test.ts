import * as path from "path";
import { createExcelApi, type ExcelApi } from "../../src/emulator";
import { loadXlsxFile } from "../../src/emulator/node-files";
import { OUTPUT_COLUMNS } from "../../src/excel/rate-compute";
import { rateRag, removeRatings } from "../../src/excel/rate-rag";

// Rate RAG through the emulator (issue 7). Expected statuses follow DOMAIN.md section 5 (Tolerance
// preset, 5% band); the sample's mix (19 Green, 10 Amber, 8 Red, 6 Grey) is the one the sample
// generator's own check computed (src/samples, issue 11).
const samples = path.resolve(__dirname, "../../assets/samples");

async function openSample(file: string, sheet: string, cell: string): Promise<ExcelApi> {
  const api = createExcelApi(await loadXlsxFile(path.join(samples, file)));
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
  return api;
}

async function sheetValues(api: ExcelApi, sheet: string): Promise<unknown[][]> {
  return api.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange();
    used.load("values");
    await context.sync();
    return used.values as unknown[][];
  });
}

describe("Rate RAG on Anycity's LAA table", () => {
  it("rates every indicator in three round trips and reports counts by status", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const { result, counters } = await api.runWithCounters((context) => rateRag(context));
    expect(result.source).toMatchObject({ sheet: "LAA indicators", kind: "table", name: "AnycityLAA", layout: "wide", rows: 43 });
    expect(result.rated).toBe(43);
    expect(result.counts).toEqual({ Blue: 0, Green: 19, Amber: 10, Red: 8, Grey: 6 });
    expect(result.problems).toEqual([]);
    expect(counters.syncs).toBe(3);
  });

  it("writes Status ... Rated at as table columns, with the status word in every rated row", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    await api.run((context) => rateRag(context));
    const values = await sheetValues(api, "LAA indicators");
    const header = values[0];
    const first = header.indexOf("Status");
    expect(header.slice(first, first + OUTPUT_COLUMNS.length)).toEqual([...OUTPUT_COLUMNS]);
    const statuses = values.slice(1).map((r) => r[first]);
    expect(statuses.every((s) => ["Blue", "Green", "Amber", "Red", "Grey"].includes(String(s)))).toBe(true);
    const reasons = values.slice(1).map((r) => String(r[first + 5]));
    expect(reasons.every((r) => r.length > 10)).toBe(true);
  });

  it("changes nothing outside its own columns, and a second run changes nothing at all", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const before = await sheetValues(api, "LAA indicators");
    await api.run((context) => rateRag(context));
    const after = await sheetValues(api, "LAA indicators");
    const width = before[0].length;
    expect(after.map((r) => r.slice(0, width))).toEqual(before);
    await api.run((context) => rateRag(context));
    expect(await sheetValues(api, "LAA indicators")).toEqual(after);
  });

  it("Remove ratings takes the columns away and leaves the table as it was", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    const before = await sheetValues(api, "LAA indicators");
    await api.run((context) => rateRag(context));
    const removed = await api.run((context) => removeRatings(context));
    expect(removed.removedColumns).toBe(OUTPUT_COLUMNS.length);
    expect(await sheetValues(api, "LAA indicators")).toEqual(before);
  });
});
