import { DEFAULT_RULE_SETTINGS } from "../../../src/core/rules/types";
import { makeIndicator } from "../../../src/core/indicator";
import { entryKey, grouping, latestSnapshot, movement } from "../../../src/excel/scorecard/entries";
import { fingerprint, freeName, parseRecord, readSnapshots, typedText } from "../../../src/excel/scorecard/ownership";
import { describeRules } from "../../../src/excel/scorecard/rules-text";
import { trajectoryRow } from "../../../src/excel/scorecard/sheets";
import type { Entry } from "../../../src/excel/scorecard/entries";
import type { Rating } from "../../../src/core/rules/engine";

// The pure halves of the scorecard (no Excel): movement by the severity order of docs/methods.md#scorecard-score's
// points, Excel's "Name (2)" pattern for copies, the ownership record and typed-text detection.
describe("movement since the last review snapshot", () => {
  it("is Improved when the status is better than at the snapshot, Worsened when worse", () => {
    expect(movement("Green", "Amber")).toBe("Improved");
    expect(movement("Blue", "Green")).toBe("Improved");
    expect(movement("Red", "Amber")).toBe("Worsened");
  });
  it("is No change for the same status, Not compared against Grey, New without a snapshot", () => {
    expect(movement("Amber", "Amber")).toBe("No change");
    expect(movement("Grey", "Grey")).toBe("No change");
    expect(movement("Green", "Grey")).toBe("Not compared");
    expect(movement("Red", null)).toBe("New");
  });
  it("compares with the latest review date, and the later row on the same date", () => {
    const latest = latestSnapshot([
      { reviewDate: "2010-07-15", key: "NI 16", status: "Red" },
      { reviewDate: "2010-10-20", key: "NI 16", status: "Amber" },
      { reviewDate: "2010-04-01", key: "NI 16", status: "Green" },
      { reviewDate: "2010-10-20", key: "NI 16", status: "Green" },
    ]);
    expect(latest.get("NI 16")?.status).toBe("Green");
  });
});

describe("sheet names", () => {
  it("takes the wanted name when free, else the first free Name (n), compared without case as Excel does", () => {
    expect(freeName("Scorecard", ["Data"])).toBe("Scorecard");
    expect(freeName("Scorecard", ["scorecard", "Scorecard (2)"])).toBe("Scorecard (3)");
    expect(freeName("Trends", ["Trends", ...Array.from({ length: 98 }, (_, i) => `Trends (${i + 2})`)])).toBeNull();
  });
});

describe("the ownership record", () => {
  it("keeps only well-formed entries, so a corrupt record claims no sheet", () => {
    expect(parseRecord("nonsense").sheets).toEqual([]);
    expect(parseRecord({ sheets: [{ kind: "scorecard", name: "Scorecard" }, { kind: "bogus", name: "X" }, { kind: "trends" }] }).sheets).toEqual([{ kind: "scorecard", name: "Scorecard" }]);
  });
});

describe("text typed by users", () => {
  const data = new Map([["NI 16", { owner: "Head of Community Safety", commentary: "Burglary down." }]]);
  const sheet = (owner: string, commentary: string) => [["Code", "Indicator", "Owner", "Commentary"], ["NI 16", "Serious acquisitive crime", owner, commentary]];

  it("is text that differs from what the add-in last wrote from the data", () => {
    const written = { "NI 16": `${fingerprint("Head of Community Safety")}.${fingerprint("Burglary down.")}` };
    expect(typedText(sheet("Head of Community Safety", "Board: deep dive"), false, written, data).get("NI 16")).toEqual({ commentary: "Board: deep dive" });
  });
  it("is not the add-in's own old text after the data changed, nor a cleared cell", () => {
    const written = { "NI 16": `${fingerprint("Old owner")}.${fingerprint("Old commentary")}` };
    expect(typedText(sheet("Old owner", "Old commentary"), false, written, data).size).toBe(0);
    expect(typedText(sheet("", ""), false, written, data).size).toBe(0);
  });
  it("is keyed by code and area when the data has several areas", () => {
    const areas = new Map([["NI 16 | Anycity", { owner: "", commentary: "" }]]);
    const values = [["Code", "Indicator", "Area", "Owner", "Commentary"], ["NI 16", "x", "Anycity", "", "Typed"]];
    expect([...typedText(values, true, {}, areas).keys()]).toEqual([entryKey("NI 16", "Anycity", true)]);
  });
});

describe("review snapshots read back", () => {
  it("need the add-in's header; other headers mean the history was changed", () => {
    expect(readSnapshots([["Date", "Code"]], false)).toBeNull();
    const rows = readSnapshots([["Review date", "Code", "Area", "Indicator", "As at", "Value", "Target", "Status"], ["2010-07-15", "NI 16", "", "x", "2009/10", 17.2, 18.8, "Green"], ["2010-07-15", "NI 20", "", "y", "", "", "", "Purple"]], false);
    expect(rows).toEqual([{ reviewDate: "2010-07-15", key: "NI 16", status: "Green" }]);
  });
});

describe("grouping and rules in words", () => {
  it("groups by perspective when the data has one, else by area when there are several", () => {
    const rated = (perspective: string, area: string) => ({ indicator: { ...makeIndicator({ id: "NI 1", perspective }), area }, rating: {} as Rating, row: 0 });
    expect(grouping([rated("Safer", ""), rated("", "")]).by).toBe("perspective");
    expect(grouping([rated("", "Anycity"), rated("", "Brackenbury")])).toMatchObject({ by: "area", multiArea: true });
    expect(grouping([rated("", "")]).by).toBe("all");
  });
  it("names the preset and its band (docs/methods.md#rag-rules)", () => {
    expect(describeRules(DEFAULT_RULE_SETTINGS)).toBe("Tolerance: Green when the target is met, Amber when short by up to 5% of target, otherwise Red; Grey when not rated.");
    expect(describeRules({ ...DEFAULT_RULE_SETTINGS, preset: "stretch" })).toContain("from 60%");
  });
});

describe("the target trajectory on the Trends sheet", () => {
  it("runs from the baseline through each target, flat after the last (docs/methods.md#trajectory)", () => {
    const indicator = makeIndicator({ id: "NI 59", baseline: 64, baselinePeriod: "2007/08", targets: [["2008/09", 70], ["2010/11", 80]] });
    const entry = { indicator } as unknown as Entry;
    const periods = ["2007/08", "2008/09", "2009/10", "2010/11", "2011/12"].map((label) => ({ label, kind: "financialYear" as const, end: 0 }));
    // Financial year ends: 31 Mar 2008 = 39538, 2009 = 39903, 2010 = 40268, 2011 = 40633, 2012 = 40999.
    [39538, 39903, 40268, 40633, 40999].forEach((end, i) => ((periods[i] as { end: number }).end = end));
    const row = trajectoryRow(entry, periods);
    expect(row[0]).toBe(64);
    expect(row[1]).toBe(70);
    expect(row[2]).toBeCloseTo(70 + 10 * (365 / 730), 9); // halfway (by days) from 70 in 2008/09 to 80 in 2010/11
    expect(row[3]).toBe(80);
    expect(row[4]).toBe(80);
  });
});
