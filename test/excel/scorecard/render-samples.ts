/*
 * Builds the scorecard sheets from both samples through the emulator, saves them with native charts and
 * renders them with LibreOffice into test-output/scorecard (git-ignored), for a person to look at.
 * Run: npx tsx test/excel/scorecard/render-samples.ts
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { createExcelApi } from "../../../src/emulator";
import { loadXlsxFile } from "../../../src/emulator/node-files";
import { saveXlsx } from "../../../src/emulator/xlsx";
import { addChartsToXlsx } from "../../../src/emulator/xlsx-charts";
import { buildScorecard, insertReviewChecklist, saveSnapshot } from "../../../src/excel/scorecard";
import { saveSettings } from "../../../src/excel/settings";
import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";
import { renderXlsxToPng } from "../../emulator/render";
import { generatedWorkbook } from "./generated";

const out = path.resolve(__dirname, "../../../test-output/scorecard");
const samples = path.resolve(__dirname, "../../../assets/samples");

async function one(file: string, sheet: string, cell: string, name: string, benchmark: boolean): Promise<void> {
  const api = createExcelApi(await loadXlsxFile(path.join(samples, file)));
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
    if (benchmark) await saveSettings(context, { rules: { ...DEFAULT_RULE_SETTINGS, preset: "benchmark" }, mapping: null });
  });
  await api.run((context) => saveSnapshot(context, { today: "2010-07-15" }));
  const { result, counters } = await api.runWithCounters((context) => buildScorecard(context, { today: "2010-10-20" }));
  if (process.argv.includes("--checklist")) await api.run((context) => insertReviewChecklist(context, { today: "2010-10-20" }));
  console.log(name, counters.syncs, "syncs", result.sheets, result.counts, result.warnings);
  const bytes = await saveXlsx(api.workbook, { writeCharts: addChartsToXlsx });
  const xlsx = path.join(out, `${name}.xlsx`);
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(xlsx, bytes);
  const pages = await renderXlsxToPng(xlsx, path.join(out, name), 70);
  console.log(pages.length, "pages");
}

async function generated(): Promise<void> {
  const api = await generatedWorkbook(24);
  await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
  await api.run((context) => insertReviewChecklist(context, { today: "2010-10-20" }));
  const xlsx = path.join(out, "generated.xlsx");
  await fs.writeFile(xlsx, await saveXlsx(api.workbook, { writeCharts: addChartsToXlsx }));
  console.log("generated", (await renderXlsxToPng(xlsx, path.join(out, "generated"), 70)).length, "pages");
}

async function main(): Promise<void> {
  await one("anycity-laa.xlsx", "LAA indicators", "B5", "anycity", false);
  await one("region-community-safety.xlsx", "Data", "B5", "region", true);
  await one("anycity-monthly.xlsx", "Monthly performance", "B2", "monthly", false);
  await generated();
}
main().catch((e) => { console.error(e); process.exit(1); });
