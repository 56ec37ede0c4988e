/**
 * Reads PHEindicatormethods' test workbooks (test/fixtures/phe, see its README) into plain
 * cases. Column meanings, from the workbooks and PHE's tests (tests/testthat at commit 093fd28):
 * - testdata_B_W: x, n, lowercl, uppercl, confidence ("95%"/"99.8%"), method (Byars = count, Wilson = proportion).
 * - testdata_Prop / testdata_Rate: Numerator, Denominator, value, lower95_0cl, upper95_0cl, lower99_8cl,
 *   upper99_8cl, multiplier (and method Exact/Byars for rates); the *_g sheets: one level in `confidence`.
 * - testdata_Mean: raw values per area; testdata_Mean_results: value_sum, value_count, stdev, value and
 *   limits at 95% and 99.8% per area and for all values ("No grouping").
 * - testdata_Quantiles: Value, Polarity, QuantileNm, GroupSet, QuantileInGrp (grouping in quantileCases).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import type { Polarity } from "../../../../src/core/polarity";
import type { PheCase, PheLimits } from "./cases";

/** The project root (this file is test/unit/stats/phe). */
export const PROJECT_ROOT = path.resolve(__dirname, "../../../..");

/**
 * Where the PHEindicatormethods test workbooks are read from when the fixture is regenerated
 * (test/fixtures/phe/regenerate.ts): the folder given in PHE_TESTDATA_DIR, e.g. a checkout of
 * PHEindicatormethods' tests/testthat. The tests themselves read only test/fixtures/phe/phe-all.json.
 */
export const PHE_REFERENCE_DIR = path.resolve(process.env.PHE_TESTDATA_DIR ?? path.join(PROJECT_ROOT, "tests/testthat"));

type Row = Record<string, unknown>;

/** A cell's plain value: formula results unwrapped, Excel errors and blanks as null. */
function plain(cell: ExcelJS.CellValue): unknown {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    if ("error" in cell) return null;
    if ("result" in cell) return plain(cell.result as ExcelJS.CellValue);
    if ("richText" in cell) return cell.richText.map((r) => r.text).join("");
    return null;
  }
  return cell;
}

/** A sheet as objects keyed by its header row, each with its workbook row number as `_row`. */
async function readSheet(file: string, sheet: string): Promise<Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(PHE_REFERENCE_DIR, file));
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`${file} has no sheet ${sheet}`);
  const header = (worksheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(plain(v) ?? ""));
  const rows: Row[] = [];
  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const record: Row = { _row: number };
    header.forEach((name, i) => {
      if (name) record[name] = plain(values[i]);
    });
    rows.push(record);
  });
  return rows;
}

function num(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}

function mustNum(v: unknown, where: string): number {
  if (typeof v !== "number") throw new Error(`Expected a number at ${where}, found ${String(v)}`);
  return v;
}

/** "95%" -> 0.95, "99.8%" -> 0.998 (as PHE scales it: percentage / 100). */
function levelFromText(v: unknown): number {
  const m = /^([\d.]+)%$/.exec(String(v).trim());
  if (!m) throw new Error(`Unreadable confidence ${String(v)}`);
  return Number(m[1]) / 100;
}

const twoLevels = (r: Row): PheLimits[] => [
  { level: 0.95, lower: num(r.lower95_0cl), upper: num(r.upper95_0cl) },
  { level: 99.8 / 100, lower: num(r.lower99_8cl), upper: num(r.upper99_8cl) },
];

async function byarsWilsonCases(): Promise<PheCase[]> {
  const file = "testdata_Byars_Wilson.xlsx";
  return (await readSheet(file, "testdata_B_W")).map((r) => {
    const source = `${file} testdata_B_W row ${r._row}`;
    const limits = { level: levelFromText(r.confidence), lower: num(r.lowercl), upper: num(r.uppercl) };
    const x = mustNum(r.x, source);
    return r.method === "Wilson"
      ? { kind: "wilson", source, x, n: mustNum(r.n, source), limits }
      : { kind: "byars", source, x, limits };
  });
}

async function ratioCases(kind: "proportion" | "rate", file: string, sheet: string, grouped: boolean): Promise<PheCase[]> {
  return (await readSheet(file, sheet)).map((r) => {
    const source = `${file} ${sheet} row ${r._row} (${String(r.Area)})`;
    const limits = grouped ? [{ level: levelFromText(r.confidence), lower: num(r.lowercl), upper: num(r.uppercl) }] : twoLevels(r);
    return {
      kind,
      source,
      numerator: num(r.Numerator),
      denominator: num(r.Denominator),
      multiplier: mustNum(r.multiplier, source),
      ...(kind === "rate" ? { method: typeof r.method === "string" ? r.method : null } : {}),
      value: num(r.value),
      limits,
    };
  });
}

async function meanCases(): Promise<PheCase[]> {
  const file = "testdata_Mean.xlsx";
  const raw = await readSheet(file, "testdata_Mean");
  const results = await readSheet(file, "testdata_Mean_results");
  return results.map((r) => {
    const source = `${file} testdata_Mean_results row ${r._row} (${String(r.area)})`;
    const values = raw.filter((v) => r.area === "No grouping" || v.area === r.area).map((v) => mustNum(v.values, source));
    return {
      kind: "mean",
      source,
      values,
      sum: mustNum(r.value_sum, source),
      count: mustNum(r.value_count, source),
      sd: mustNum(r.stdev, source),
      value: mustNum(r.value, source),
      limits: twoLevels(r),
    };
  });
}

const QUANTILE_COUNTS: Readonly<Record<string, number>> = { Decile: 10, Septile: 7, Quartile: 4 };

/** PHE's Polarity column: TRUE or "RAG - Low is good" means PHE inverted (ranked descending). */
function polarityOf(raw: unknown): Polarity {
  return raw === true || raw === "RAG - Low is good" ? "lower" : "higher";
}

/**
 * Groups the quantile rows as PHE's testQuantiles.R does, one core call per case:
 * - GroupSet IndSexReg: per IndSexRef (one indicator, one polarity), grouped by ParentCode (region).
 * - GroupSet IndSex: per IndSexRef, one group, polarity from the Polarity column.
 * - GroupSet None: all rows as one group with PHE's default invert = TRUE (polarity lower), as the
 *   R test calls phe_quantile(df4, Value, nquantiles = 4L) without a polarity.
 * - Test BadPolarity: PHE rejects these rows (Polarity differs within one group); their
 *   QuantileInGrp follows PHE's default invert = TRUE, so they are checked as polarity lower.
 */
export function quantileCases(rows: readonly Row[], file = "testdata_Quantiles.xlsx"): PheCase[] {
  const sets = new Map<string, Row[]>();
  for (const r of rows) {
    const bad = r.Test === "BadPolarity";
    const key = bad ? `BadPolarity|${String(r.IndSexRef)}` : r.GroupSet === "None" ? "None" : `${String(r.GroupSet)}|${String(r.IndSexRef)}`;
    const list = sets.get(key);
    if (list) list.push(r);
    else sets.set(key, [r]);
  }
  return [...sets.entries()].map(([key, group]) => {
    const first = group[0];
    const n = QUANTILE_COUNTS[String(first.QuantileNm)];
    if (!n) throw new Error(`Unknown QuantileNm ${String(first.QuantileNm)}`);
    const byRegion = first.GroupSet === "IndSexReg" && first.Test !== "BadPolarity";
    const fixedLower = first.GroupSet === "None" || first.Test === "BadPolarity";
    return {
      kind: "quantiles",
      source: `${file} ${key} (${String(first.QuantileNm)}, rows ${group.map((r) => r._row as number).join(",")})`.slice(0, 160),
      rows: group.map((r) => r._row as number),
      n,
      polarity: fixedLower ? "lower" : polarityOf(first.Polarity),
      groups: byRegion ? group.map((r) => String(r.ParentCode)) : null,
      values: group.map((r) => num(r.Value)),
      pheQuantiles: group.map((r) => num(r.QuantileInGrp)),
    };
  });
}

/** Every case from every PHE workbook, and how many data rows the sheets hold. */
export async function loadAllPheCases(): Promise<{ cases: PheCase[]; sheetRows: number }> {
  const quantileRows = await readSheet("testdata_Quantiles.xlsx", "testdata_Quantiles");
  const groups: PheCase[][] = [
    await byarsWilsonCases(),
    await ratioCases("proportion", "testdata_Proportion.xlsx", "testdata_Prop", false),
    await ratioCases("proportion", "testdata_Proportion.xlsx", "testdata_Prop_g", true),
    await ratioCases("rate", "testdata_Rate.xlsx", "testdata_Rate", false),
    await ratioCases("rate", "testdata_Rate.xlsx", "testdata_Rate_g", true),
    await meanCases(),
    quantileCases(quantileRows),
  ];
  const cases = groups.flat();
  const sheetRows = groups.slice(0, 6).reduce((sum, g) => sum + g.length, 0) + quantileRows.length;
  return { cases, sheetRows };
}
