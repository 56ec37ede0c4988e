/**
 * Which indicator table a file's command works on. In Excel the user's selection says; a file on a
 * server has no user, so the runner chooses (docs/architecture.md): the selection saved in the file when it
 * lies in an indicator table, else the first Excel table whose headers look like indicators, else the
 * first sheet's used range (its header row is found the way Rate RAG finds it). The choice is made
 * by selecting a range through the Excel API, so the add-in's own code then runs unchanged.
 */
import { splitSheet } from "../core/a1";
import { mapColumns } from "../excel/mapping";
import { readAndRate, RateRagError } from "../excel/rate-rag";
import type { ExcelApi } from "../emulator";
import type { WorkbookSettings } from "../excel/types";
import { fileMessages } from "./messages";

/** One place the runner may select: a sheet and a range address on it. */
export interface SourceCandidate {
  readonly sheet: string;
  readonly address: string;
  /** How it was found, for the report. */
  readonly why: "saved selection" | "first indicator table" | "first sheet's used range";
}

/** Selects a range (and activates its sheet) through the Excel API. */
export async function selectRange(api: ExcelApi, sheet: string, address: string): Promise<void> {
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The candidates in the order the runner tries them. */
async function candidates(api: ExcelApi, saved: { sheet: string; ref: string } | null): Promise<SourceCandidate[]> {
  const found: SourceCandidate[] = [];
  if (saved && !/^\$?A\$?1$/i.test(saved.ref)) found.push({ sheet: saved.sheet, address: saved.ref, why: "saved selection" });
  const { tables, firstSheet } = await api.run(async (context) => {
    const t = context.workbook.tables;
    t.load("items/name");
    const first = context.workbook.worksheets.getFirst();
    first.load("name");
    const used = first.getUsedRangeOrNullObject();
    used.load("address");
    await context.sync();
    const headers = t.items.map((table) => {
      const h = table.getHeaderRowRange();
      h.load("values, address");
      const ws = table.worksheet;
      ws.load("name");
      return { table, h, ws };
    });
    await context.sync();
    return {
      tables: headers.map(({ h, ws }) => ({ sheet: ws.name, address: splitSheet(h.address).ref, headers: h.values[0] as unknown[] })),
      firstSheet: { name: first.name, used: used.isNullObject ? null : splitSheet(used.address).ref },
    };
  });
  const indicatorTable = tables.find((t) => mapColumns(t.headers).entries.some((e) => e.role === "actual" || e.role === "value"));
  if (indicatorTable) found.push({ sheet: indicatorTable.sheet, address: indicatorTable.address.split(":")[0], why: "first indicator table" });
  if (firstSheet.used) found.push({ sheet: firstSheet.name, address: firstSheet.used, why: "first sheet's used range" });
  return found;
}

/**
 * Chooses the source and leaves it selected: each candidate is tried with the add-in's own
 * readAndRate (reads only, rates nothing), and the first that finds an indicator table wins.
 * @throws RateRagError of the first candidate when none holds an indicator table (or of an empty workbook)
 */
export async function chooseSource(api: ExcelApi, saved: { sheet: string; ref: string } | null, settings?: WorkbookSettings): Promise<SourceCandidate> {
  let firstError: RateRagError | null = null;
  for (const c of await candidates(api, saved)) {
    await selectRange(api, c.sheet, c.address);
    try {
      // Only whether an indicator table is here decides; Rate RAG then rates it (once).
      await api.run((context) => readAndRate(context, { ...(settings ? { settings } : {}), rate: false }));
      return c;
    } catch (e) {
      if (!(e instanceof RateRagError)) throw e;
      firstError ??= e;
    }
  }
  throw firstError ?? new RateRagError(fileMessages.noData, fileMessages.noDataNext);
}
