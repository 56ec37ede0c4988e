/**
 * The runner over the three real public files kept beside the repository (../shared/real-data; their
 * provenance is in that folder's SOURCES.md): Fingertips' Campylobacter export, Hart District
 * Council's Q2 2014/15 KPI list and Oflog's adult social care measures. Expected verdicts are the
 * files' own: Fingertips' "Compared to England value or percentiles" (Better/Similar/Worse =
 * Green/Amber/Red) and the council's own Status column. When the folder is absent (a clone of the
 * repository alone) the tests are reported as skipped with that reason; under CI they must run.
 */
import { existsSync, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { messages } from "../../src/core/messages";
import { cli, digest, readWithExcelJs } from "./helpers";

jest.setTimeout(120_000);

const REAL = path.join(__dirname, "..", "..", "..", "..", "shared", "real-data");
const REAL_ALT = path.join(__dirname, "..", "..", "..", "shared", "real-data");
const dir = [REAL, REAL_ALT].find((d) => existsSync(d));
const present = dir !== undefined;
if (!present && process.env.CI) throw new Error("The real-data files (../shared/real-data) are required when CI is set");
const describeReal = present ? describe : describe.skip;
if (!present) {
  // Jest lists the skipped tests; this says why.
  console.warn("Skipped the real-data runner tests: ../shared/real-data is not present beside the repository");
}

function table(ws: ExcelJS.Worksheet): { header: string[]; rows: unknown[][] } {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1)); });
  return { header, rows };
}

async function rateCopy(name: string, rules?: object, note?: string): Promise<{ out: ExcelJS.Workbook; input: ExcelJS.Workbook; before: string; after: string }> {
  const work = await fs.mkdtemp(path.join(tmpdir(), "laa-real-"));
  const src = path.join(dir as string, name);
  await fs.copyFile(src, path.join(work, name));
  const args = ["rate", name, "--out", "out", "--quiet"];
  if (rules) {
    await fs.writeFile(path.join(work, "rules.json"), JSON.stringify(rules));
    args.push("--rules", "rules.json");
  }
  const before = await digest(path.join(work, name));
  const run = await cli(work, args);
  // The one message a run may give: the rules chosen for the table, when they differ from the workbook's.
  expect(run.stderr).toBe(note ? `${name}: ${note}\n` : "");
  return { out: await readWithExcelJs(path.join(work, "out", name)), input: await readWithExcelJs(src), before, after: await digest(path.join(work, name)) };
}

/** Every input cell of the first sheet is unchanged in the output (the add-in writes only beside the table). */
function expectInputKept(input: ExcelJS.Workbook, out: ExcelJS.Workbook): void {
  const a = table(input.worksheets[0]);
  const b = table(out.worksheets[0]);
  expect(b.header.slice(0, a.header.length)).toEqual(a.header);
  a.rows.forEach((row, i) => expect(b.rows[i].slice(0, row.length)).toEqual(row));
}

describeReal("the runner over real public files", () => {
  it("Fingertips export: All ages and 0-9 yrs rows agree with the export's own Compared to England verdicts", async () => {
    const { out, input, before, after } = await rateCopy("fingertips-campylobacter-countyua.xlsx", { preset: "benchmark" });
    expect(after).toBe(before);
    expectInputKept(input, out);
    const { header, rows } = table(out.worksheets[0]);
    const verdict = header.indexOf("Compared to England value or percentiles");
    const age = header.indexOf("Age");
    const status = header.lastIndexOf("Status");
    const expected: Record<string, string> = { Better: "Green", Similar: "Amber", Worse: "Red" };
    const comparable = rows.filter((r) => expected[String(r[verdict])] && ["All ages", "0-9 yrs"].includes(String(r[age])));
    expect(comparable.length).toBeGreaterThan(700);
    expect(comparable.filter((r) => r[status] !== expected[String(r[verdict])])).toEqual([]);
    // England, regions and deprivation deciles are context, not rated as areas.
    const area = header.indexOf("Area Name");
    const england = rows.filter((r) => r[area] === "England");
    expect(england.every((r) => r[status] === "Grey")).toBe(true);
  });

  it("Fingertips export without --rules: rated against the England rows by the Benchmark rules, agreeing with every verdict of the export", async () => {
    const work = await fs.mkdtemp(path.join(tmpdir(), "laa-real-"));
    const name = "fingertips-campylobacter-countyua.xlsx";
    await fs.copyFile(path.join(dir as string, name), path.join(work, name));
    const run = await cli(work, ["rate", name, "--out", "out"]);
    expect(run.stderr).toBe(`${name}: ${messages.ratedAgainstBenchmarkRows("England")}\n`);
    // The runner's summary line: 304 series (152 areas by 2 ages), each counted at its latest year (2017).
    expect(run.stdout).toContain("rated 304 indicators (Blue 0, Green 104, Amber 94, Red 102, Grey 4)");
    const { header, rows } = table((await readWithExcelJs(path.join(work, "out", name))).worksheets[0]);
    const verdict = header.indexOf("Compared to England value or percentiles");
    const status = header.lastIndexOf("Status");
    const expected: Record<string, string> = { Better: "Green", Similar: "Amber", Worse: "Red" };
    const comparable = rows.filter((r) => expected[String(r[verdict])]);
    // Every row the export compares (both ages, every year) has the export's own verdict as its status.
    expect(comparable.length).toBe(750);
    expect(comparable.filter((r) => r[status] !== expected[String(r[verdict])])).toEqual([]);
    // The rows the export does not compare are Grey: England, regions, deciles and 10 blank values.
    expect(rows.filter((r) => !expected[String(r[verdict])]).every((r) => r[status] === "Grey")).toBe(true);
  });

  it("Fingertips export with the region as the benchmark area: agrees with the export's Compared to Region verdicts where its polarity is known", async () => {
    const { out } = await rateCopy("fingertips-campylobacter-countyua.xlsx", { benchmarkArea: "region" }, messages.ratedAgainstBenchmarkRows("each area's region (the row of its Parent Code)"));
    const { header, rows } = table(out.worksheets[0]);
    const verdict = header.indexOf("Compared to Region value or percentiles");
    const status = header.lastIndexOf("Status");
    const reason = header.lastIndexOf("Reason");
    const expected: Record<string, string> = { Better: "Green", Similar: "Amber", Worse: "Red" };
    const comparable = rows.filter((r) => expected[String(r[verdict])]);
    // The export compares All ages rows only with their region (there are no 0-9 yrs region rows).
    expect(comparable.length).toBe(450);
    const known = comparable.filter((r) => !/polarity assumed/.test(String(r[reason])));
    expect(known.filter((r) => r[status] !== expected[String(r[verdict])])).toEqual([]);
    // Where a series' England verdicts were all Similar its polarity is assumed, and only there may it differ.
    expect(comparable.length - known.length).toBeLessThan(50);
  });

  it("Hart KPI list: statuses agree with the council's own Status column except where polarity is assumed, and those rows say so", async () => {
    const { out, input } = await rateCopy("hart-dc-kpis-q2-2014-15.xlsx");
    expectInputKept(input, out);
    const { header, rows } = table(out.worksheets[0]);
    const own = header.indexOf("Status");
    // The council's Status column is kept; the add-in's has a distinct name beside it.
    const ours = header.indexOf("LAA Status");
    const reason = header.lastIndexOf("Reason");
    expect(own).toBeGreaterThanOrEqual(0);
    expect(ours).toBeGreaterThan(own);
    const councils = (r: unknown[]) => (/info/i.test(String(r[own])) ? "Grey" : String(r[own]));
    const disagree = rows.filter((r) => councils(r) !== r[ours]);
    const unexplained = disagree.filter((r) => !/polarity assumed/.test(String(r[reason])));
    expect(unexplained.map((r) => r[0])).toEqual([]);
    expect(rows.length - disagree.length).toBeGreaterThanOrEqual(36);
  });

  it("Oflog measures: rated by the Median preset with words", async () => {
    const { out } = await rateCopy("oflog-adult-social-care.xlsx");
    const { header, rows } = table(out.worksheets[0]);
    const status = header.lastIndexOf("Status");
    const reason = header.lastIndexOf("Reason");
    const rated = rows.filter((r) => ["Green", "Amber", "Red"].includes(String(r[status])));
    expect(rated.length).toBeGreaterThan(rows.length / 2);
    expect(rated.every((r) => /median/.test(String(r[reason])))).toBe(true);
    expect(rows.some((r) => /much better than the median/.test(String(r[reason])))).toBe(true);
  });
});
