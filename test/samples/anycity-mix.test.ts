/**
 * Where the Anycity sample's status mix comes from. Other tests say "19 Green, 10 Amber, 8 Red, 6 Grey";
 * this test derives that mix from the sample's own rows (src/samples/anycity.ts) by hand, with the rules
 * written out below from docs/methods.md, independently of the product's code, and then checks that Rate
 * RAG gives every row the same status.
 *
 * The rules (docs/methods.md#which-target, #trajectory, #tolerance):
 * - the as-at period is the latest period with an actual (2008/09, 2009/10, Q1 or Q2 2010/11);
 * - the target is the one labelled with that period; failing that, the straight line between the
 *   milestones either side (baseline 2007/08 and the targets, each at its period's end) read at the
 *   as-at date; after the last target, the last target;
 * - shortfall = target - actual when higher is better, actual - target when lower is better;
 *   Green at 0 or less, Amber up to 5% of the target, Red beyond; Grey with no polarity, no actual or
 *   no target.
 */
import { ANYCITY_INDICATORS, type AnycityIndicator } from "../../src/samples/anycity";
import { openSample } from "../excel/fixtures";
import { rateRag } from "../../src/excel/rate-rag";

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
/** Period ends: financial years end on 31 March, Q1 on 30 June, Q2 on 30 September. */
const BASELINE = day("2008-03-31");
const TARGET_ENDS = [day("2009-03-31"), day("2010-03-31"), day("2011-03-31")];
const ACTUAL_ENDS = [day("2009-03-31"), day("2010-03-31"), day("2010-06-30"), day("2010-09-30")];

type Expected = "Green" | "Amber" | "Red" | "Grey";

function expectedStatus(i: AnycityIndicator): Expected {
  if (i.polarity === "Data only") return "Grey";
  const actuals = [...i.actuals, ...i.quarters];
  let at = -1;
  for (let k = actuals.length - 1; k >= 0; k--) if (actuals[k] !== null) { at = k; break; }
  if (at < 0) return "Grey";
  const actual = actuals[at] as number;
  const when = ACTUAL_ENDS[at];
  let target: number | null = null;
  // The annual actuals (2008/09, 2009/10) have a target of the same label.
  if (at <= 1 && i.targets[at] !== null) target = i.targets[at];
  else {
    const milestones = [{ t: BASELINE, v: i.baseline }, ...TARGET_ENDS.map((t, k) => ({ t, v: i.targets[k] }))].filter((m) => m.v !== null) as { t: number; v: number }[];
    const before = milestones.filter((m) => m.t <= when).pop();
    const after = milestones.find((m) => m.t > when);
    const last = milestones[milestones.length - 1];
    if (after && before) target = before.v + ((after.v - before.v) * (when - before.t)) / (after.t - before.t);
    else if (!after && last && milestones.length > 1) target = last.v;
  }
  if (target === null) return "Grey";
  const shortfall = i.polarity === "Higher is better" ? target - actual : actual - target;
  if (shortfall <= 0) return "Green";
  return shortfall <= 0.05 * Math.abs(target) ? "Amber" : "Red";
}

describe("the Anycity sample's status mix, worked by hand from its rows", () => {
  const expected = ANYCITY_INDICATORS.map((i) => ({ ref: i.ref, status: expectedStatus(i) }));

  it("is 19 Green, 10 Amber, 8 Red and 6 Grey of 43 indicators", () => {
    const counts = { Green: 0, Amber: 0, Red: 0, Grey: 0 };
    for (const e of expected) counts[e.status]++;
    expect(expected).toHaveLength(43);
    expect(counts).toEqual({ Green: 19, Amber: 10, Red: 8, Grey: 6 });
  });

  it("is what Rate RAG gives each row", async () => {
    const api = await openSample("anycity-laa.xlsx", "LAA indicators", "B5");
    await api.run((context) => rateRag(context));
    const rows = await api.run(async (context) => {
      const used = context.workbook.worksheets.getItem("LAA indicators").getUsedRange();
      used.load("values");
      await context.sync();
      return used.values as unknown[][];
    });
    const head = rows.findIndex((r) => r.includes("Ref") && r.includes("Status"));
    const ref = rows[head].indexOf("Ref");
    const status = rows[head].indexOf("Status");
    const given = rows.slice(head + 1).filter((r) => r[ref] !== "").map((r) => ({ ref: r[ref], status: r[status] }));
    expect(given).toEqual(expected);
  });
});
