/**
 * Rating a table a block of rows at a time (rate-compute.ts ratingBuilder) gives what one pass gives
 * (computeRatings): the same output rows, ratings, counts and problems in the same order. Rate RAG
 * relies on it to write the outputs of the rows read while it reads the next (docs/architecture.md,
 * Performance). The expected result is computeRatings' own on the same rows, so the test names no
 * statuses; what each status is for these rows is tested in rate-plan.test.ts and the core's tests.
 */
import { mapColumns } from "../../src/excel/mapping";
import { computeRatings, ratingBuilder } from "../../src/excel/rate-compute";
import { planSource } from "../../src/excel/rate-plan";
import { readRateSnapshot } from "../../src/excel/rate-rag";
import { DEFAULT_RULE_SETTINGS } from "../../src/core/rules/types";
import { openSample } from "./fixtures";

/** Feeds the rows in blocks of `size`, growing one array as the reader does, then finishes. */
function inBlocks(rows: readonly (readonly unknown[])[], size: number, build: () => ReturnType<typeof ratingBuilder>) {
  const builder = build();
  const grown: unknown[][] = [];
  const written: unknown[][] = [];
  for (let r = 0; r < rows.length; r += size) {
    grown.push(...rows.slice(r, r + size).map((row) => row.slice()));
    written.push(...builder.add(grown));
  }
  return { computed: builder.finish(grown), written };
}

// No Polarity column (every status says polarity assumed); NI 1 again on row 6 (a repeat across
// blocks of 2), NI 300 not a National Indicator code, a total row, a blank row and hidden row 4.
const HEADERS = ["Code", "Indicator", "Target 2009/10", "Actual 2009/10"];
const ROWS: unknown[][] = [
  ["NI 1", "People who get on well", 75, 72],
  ["NI 2", "Litter", 10, 12],
  ["NI 300", "Not a real code", 50, 55],
  ["NI 4", "Hidden indicator", 20, 20],
  ["", "", "", ""],
  ["NI 1", "People who get on well again", 75, 80],
  ["Total", "", 230, 239],
  ["NI 5", "Recycling", "40%", "n/a"],
];

describe("rating a wide table a block at a time", () => {
  const mapping = mapColumns(HEADERS);
  const origin = { headerRow: 0, firstColumn: 0 };
  const build = () => ratingBuilder(mapping, origin, "Data", DEFAULT_RULE_SETTINGS, new Set([3]));

  it("gives the same outputs, ratings, counts and problems as one pass, whatever the block size", () => {
    const whole = computeRatings(ROWS, mapping, origin, "Data", DEFAULT_RULE_SETTINGS, new Set([3]));
    expect(whole.problems.length).toBeGreaterThan(4);
    for (const size of [1, 2, 3, 8]) {
      const { computed, written } = inBlocks(ROWS, size, build);
      expect(computed).toEqual(whole);
      // What add gave as the rows came is what finish gives in the end.
      expect(written).toEqual(whole.outputs);
    }
  });

  it("counts the rated indicators without keeping them when asked (as Rate RAG does), with the same outputs, counts and problems", () => {
    const whole = computeRatings(ROWS, mapping, origin, "Data", DEFAULT_RULE_SETTINGS, new Set([3]));
    // Rated by hand: NI 1, NI 2, NI 300 and NI 5; NI 4 is hidden, row 5 blank, row 6 a repeat, row 7 a total.
    expect(whole.rated.map((r) => r.indicator.id)).toEqual(["NI 1", "NI 2", "NI 300", "NI 5"]);
    expect(whole.ratedCount).toBe(4);
    const { computed } = inBlocks(ROWS, 3, () => ratingBuilder(mapping, origin, "Data", DEFAULT_RULE_SETTINGS, new Set([3]), { keepRated: false }));
    expect(computed.rated).toEqual([]);
    expect(computed.ratedCount).toBe(4);
    expect({ ...computed, rated: whole.rated }).toEqual(whole);
  });

  it("rates a large block a few hundred rows at a time exactly as one pass, across the seams", () => {
    // 1,300 rows given at once: add rates them in pieces of 512 (rate-compute.ts), finish in one
    // pass. Row 700 repeats row 100's code and row 1,100 row 600's, across pieces; rows 511, 512
    // and 1,024 (either side of a seam) are hidden.
    const rows: unknown[][] = [];
    for (let i = 0; i < 1300; i++) {
      const code = i === 700 ? "BX 100" : i === 1100 ? "BX 600" : `BX ${i}`;
      rows.push([code, `Indicator ${i}`, 50 + (i % 7), i % 13 === 0 ? "n/a" : 45 + (i % 11)]);
    }
    const hidden = new Set([511, 512, 1024]);
    const whole = computeRatings(rows, mapping, origin, "Data", DEFAULT_RULE_SETTINGS, hidden);
    // 1,300 rows less 3 hidden and 2 repeats.
    expect(whole.ratedCount).toBe(1295);
    const builder = ratingBuilder(mapping, origin, "Data", DEFAULT_RULE_SETTINGS, hidden);
    const written = builder.add(rows);
    expect(written).toEqual(whole.outputs);
    expect(builder.finish(rows)).toEqual(whole);
    expect(whole.problems.filter((p) => p.message.includes("appears again")).map((p) => p.address)).toEqual(["A702", "A1102"]);
  });

  it("gives no rows before finish for a long table, which is rated with every row present", () => {
    const long = mapColumns(["Indicator", "Period", "Value", "Target"]);
    const rows = [["Smoking", "2019", 20, 18], ["Smoking", "2020", 19, 18], ["Obesity", "2020", 30, 25]];
    const builder = ratingBuilder(long, origin, "Data", DEFAULT_RULE_SETTINGS);
    expect(builder.incremental).toBe(false);
    expect(builder.add(rows)).toEqual([]);
    expect(builder.finish(rows)).toEqual(computeRatings(rows, long, origin, "Data", DEFAULT_RULE_SETTINGS));
  });

  it("gives the same result as one pass on the messy sample workbook", async () => {
    const api = await openSample("anycity-laa-messy.xlsx", "LAA Q2 report", "A6");
    const snapshot = await api.run((context) => readRateSnapshot(context));
    const rated = planSource(snapshot);
    const rules = rated.settings.rules;
    const sampleOrigin = { headerRow: rated.headerRow, firstColumn: rated.box.left };
    // Hidden sheet rows as data rows, as planSource gives them to computeRatings.
    const hidden = new Set([...snapshot.hiddenRows].filter((r) => r > rated.headerRow && r <= rated.box.bottom).map((r) => r - rated.headerRow - 1));
    const { computed } = inBlocks(rated.dataRows, 5, () => ratingBuilder(rated.mapping, sampleOrigin, rated.sheet, rules, hidden));
    expect(computed).toEqual(rated.computed);
    expect(computed.problems.length).toBeGreaterThan(0);
  });
});
