import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { parsePolarity } from "../../src/core/polarity";
import {
  ANYCITY_COLUMN,
  ANYCITY_HEADERS,
  ANYCITY_INDICATORS,
  ANYCITY_SHEET_NAME,
  ANYCITY_TABLE_NAME,
  anycityInsertPlan,
  anycityRows,
} from "../../src/samples/anycity";
import { SAMPLE_FILES } from "../../src/samples/generate";
import { LAA_BLOCKS, isValidNiCode } from "../../src/core/ni-reference";
import { periodEnd } from "./period-labels";
import { SAMPLES_DIR, openWorkbook, plainValue } from "./xlsx-helpers";

const PERIOD_HEADER = /^(Baseline|Target|Actual) (.+)$/;

describe("Anycity LAA sample", () => {
  it("has about 35 designated indicators, the statutory education targets and a few data-only ones", () => {
    const count = (type: string) => ANYCITY_INDICATORS.filter((i) => i.type === type).length;
    expect(count("Designated")).toBe(35); // an LAA had up to 35 designated improvement targets
    expect(count("Statutory education")).toBeGreaterThanOrEqual(3);
    expect(count("Data only")).toBeGreaterThanOrEqual(2);
  });
  it("covers all four LAA blocks", () => {
    expect(new Set(ANYCITY_INDICATORS.map((i) => i.block))).toEqual(new Set(LAA_BLOCKS));
  });
  it("uses only valid National Indicator codes (NI 1 to NI 199, not NI 31), each once", () => {
    const refs = ANYCITY_INDICATORS.map((i) => i.ref);
    expect(refs.filter((r) => !isValidNiCode(r))).toEqual([]);
    expect(new Set(refs).size).toBe(refs.length);
  });
  it("writes polarity in words the core reads (docs/methods.md#polarity), Data only meaning none", () => {
    for (const i of ANYCITY_INDICATORS) {
      const p = parsePolarity(i.polarity);
      expect(p.ok).toBe(true);
      expect(p.ok && p.value === "none").toBe(i.type === "Data only");
    }
  });
  it("labels every period column the way docs/methods.md#polarity defines, in chronological order per kind", () => {
    const periods = ANYCITY_HEADERS.map((h) => PERIOD_HEADER.exec(h)).filter((m) => m !== null);
    expect(periods.length).toBe(8);
    for (const m of periods) expect(periodEnd(m![2])).toBeDefined();
    const ends = (kind: string) => periods.filter((m) => m![1] === kind).map((m) => periodEnd(m![2])!);
    for (const kind of ["Target", "Actual"]) expect([...ends(kind)].sort()).toEqual(ends(kind));
    expect(periodEnd("2007/08")).toBe("2008-03-31");
    expect(periodEnd("Q2 2010/11")).toBe("2010-09-30");
  });
  it("keeps data-only indicators free of targets and floors", () => {
    for (const i of ANYCITY_INDICATORS.filter((x) => x.type === "Data only")) {
      expect(i.targets).toEqual([null, null, null]);
      expect(i.floor).toBeNull();
    }
  });
  it("gives every rated indicator a 2010/11 target, and a few a floor standard", () => {
    const rated = ANYCITY_INDICATORS.filter((i) => i.type !== "Data only");
    expect(rated.filter((i) => i.targets[2] === null)).toEqual([]);
    expect(rated.filter((i) => i.floor !== null).length).toBeGreaterThanOrEqual(3);
  });
  it("places floors on the wrong side of the target, as a floor is a minimum standard", () => {
    for (const i of ANYCITY_INDICATORS.filter((x) => x.floor !== null)) {
      const lower = parsePolarity(i.polarity);
      const worse = lower.ok && lower.value === "lower" ? i.floor! > i.targets[2]! : i.floor! < i.targets[2]!;
      expect(worse).toBe(true);
    }
  });
  it("shows percentages as percentages (0 to 100), not fractions", () => {
    for (const i of ANYCITY_INDICATORS.filter((x) => x.unit === "%")) {
      const values = [i.baseline, ...i.targets, ...i.actuals, ...i.quarters].filter((v): v is number => v !== null);
      expect(values.every((v) => v > 1 && v < 100)).toBe(true);
    }
  });
  it("has some indicators with no data yet for 2009/10", () => {
    expect(ANYCITY_INDICATORS.filter((i) => i.type !== "Data only" && i.actuals[1] === null).length).toBeGreaterThanOrEqual(2);
  });
});

describe("Anycity workbook (assets/samples/anycity-laa.xlsx)", () => {
  it("holds the rows as an Excel table with the wide-layout header", async () => {
    const wb = await openWorkbook(path.join(SAMPLES_DIR, SAMPLE_FILES.anycity));
    const ws = wb.getWorksheet(ANYCITY_SHEET_NAME)!;
    const table = ws.getTable(ANYCITY_TABLE_NAME) as unknown as { table: { columns: { name: string }[] } };
    expect(table.table.columns.map((c) => c.name)).toEqual([...ANYCITY_HEADERS]);
    // The saved table part covers the header and every row (read from the package, as Excel would).
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES_DIR, SAMPLE_FILES.anycity)));
    const xml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(xml).toContain(`name="${ANYCITY_TABLE_NAME}"`);
    expect(xml).toContain(`ref="A1:Q${ANYCITY_INDICATORS.length + 1}"`);
    const rows = anycityRows();
    rows.forEach((row, r) => row.forEach((v, c) => expect(plainValue(ws.getCell(r + 2, c + 1).value)).toEqual(v)));
  });
});

describe("Insert sample data plan", () => {
  const plan = anycityInsertPlan();
  it("writes the header then one row per indicator, blanks as empty text", () => {
    expect(plan.values[0]).toEqual([...ANYCITY_HEADERS]);
    expect(plan.values).toHaveLength(ANYCITY_INDICATORS.length + 1);
    expect(plan.values.flat().includes(null as unknown as string)).toBe(false);
    expect(plan.values[1][ANYCITY_COLUMN["Actual Q1 2010/11"]]).toBe("");
  });
  it("gives number formats of the same shape, text format on text columns so no title becomes a formula", () => {
    expect(plan.numberFormats).toHaveLength(plan.values.length);
    plan.numberFormats.forEach((row) => expect(row).toHaveLength(ANYCITY_HEADERS.length));
    for (const row of plan.numberFormats.slice(1)) {
      expect(row[ANYCITY_COLUMN.Indicator]).toBe("@");
      expect(row[ANYCITY_COLUMN["Target 2010/11"]]).toMatch(/^#,##0/);
    }
  });
  it("names the sheet and table the same as the sample workbook", () => {
    expect(plan.sheetName).toBe(ANYCITY_SHEET_NAME);
    expect(plan.tableName).toBe(ANYCITY_TABLE_NAME);
    expect(plan.columnWidths).toHaveLength(ANYCITY_HEADERS.length);
  });
});
