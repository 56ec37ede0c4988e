import { promises as fs, mkdirSync } from "node:fs";
import * as path from "node:path";
import { STATUSES } from "../../../src/core/rules/types";
import { saveXlsx } from "../../../src/emulator/xlsx";
import { addChartsToXlsx } from "../../../src/emulator/xlsx-charts";
import { buildScorecard } from "../../../src/excel/scorecard";
import { STATUS_STYLES } from "../../../src/excel/status-style";
import { countPixelsNear, findRenderer, pdfToPpm, readPpm, renderXlsxToPdf } from "../../emulator/render";
import { anycity } from "./helpers";

// Looking at the result: the Anycity scorecard saved with its native charts and rendered by
// LibreOffice, against the same workbook saved without charts. Bars and slices are solid fills in the
// status colours (src/excel/status-style.ts), so the charts must add pixels of each colour that occurs
// (Blue does not: the sample has no Blue), and the Trends lines add their navy.
const renderer = findRenderer();
const renderIt = renderer || process.env.CI ? it : it.skip;

describe("the Anycity scorecard rendered by LibreOffice", () => {
  renderIt(
    renderer ? "shows the status charts in status colours and a line per indicator" : "SKIPPED (no soffice or pdftoppm on PATH): shows the status charts in status colours",
    async () => {
      const out = path.join(__dirname, "../../../test-output/scorecard-jest");
      mkdirSync(out, { recursive: true });
      const api = await anycity();
      await api.run((context) => buildScorecard(context, { today: "2010-10-20" }));
      const withCharts = path.join(out, "anycity-charts.xlsx");
      const without = path.join(out, "anycity-plain.xlsx");
      await fs.writeFile(withCharts, await saveXlsx(api.workbook, { writeCharts: addChartsToXlsx }));
      await fs.writeFile(without, await saveXlsx(api.workbook));
      const pages = async (file: string) => Promise.all((await pdfToPpm(await renderXlsxToPdf(file, out), out, 40)).map(readPpm));
      const charted = await pages(withCharts);
      const plain = await pages(without);
      const pixels = (imgs: typeof charted, hex: string) => imgs.reduce((n, img) => n + countPixelsNear(img, hex), 0);
      for (const status of STATUSES.filter((s) => s !== "Blue")) {
        const hex = STATUS_STYLES[status].fill.slice(1);
        expect([status, pixels(charted, hex) - pixels(plain, hex) > 200]).toEqual([status, true]);
      }
      expect(pixels(charted, "1F4E79") - pixels(plain, "1F4E79")).toBeGreaterThan(200);
    },
    240_000,
  );
});
