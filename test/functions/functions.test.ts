import { excel, excelError } from "./as-excel";
// Called as Excel calls them: omitted optional arguments as null, error values as Excel's objects (as-excel.ts).
const { laaci, laacompare, laadot, laaforecast, laagap, laaprogress, laaquantile, laarag, laareward, laascore, laatrajectory, laatrend } = excel;
import { WorksheetError } from "../../src/functions/errors";
import phe from "../fixtures/phe/phe-transcribed.json";

// Direct calls of the worksheet functions, with arguments as Excel delivers them to a function whose
// parameters are matrices: a single cell as [[v]], an omitted optional argument as null (or
// undefined), blanks as null or "", error values as objects with a code. Expected numbers come from
// docs/methods.md (section cited per test), Microsoft's documentation of the Excel function the definition
// names, or PHE's published test workbooks (test/fixtures/phe, transcribed with sources).

const cell = (v: unknown) => [[v]];
// Excel passes null for an omitted optional argument; the TypeScript signatures say `?: any[][]`
// because custom-functions-metadata reads them, so the null is typed here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OMITTED = null as unknown as any[][];
const column = (...vs: unknown[]) => vs.map((v) => [v]);
const only = (result: unknown[][]): unknown => {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
};
/** Asserts an Excel error with this code and a message containing `text` (when given). */
function expectError(value: unknown, code: string, text?: string | RegExp): void {
  expect(value).toBeInstanceOf(WorksheetError);
  expect((value as WorksheetError).code).toBe(code);
  expect((value as WorksheetError).message.length).toBeGreaterThan(0);
  if (text !== undefined) expect((value as WorksheetError).message).toMatch(text);
}
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569; // Excel's DATE(y, m, d)

describe("LAAPROGRESS (docs/methods.md#progress)", () => {
  it("gives the share of the planned improvement, (actual - baseline) / (target - baseline)", () => {
    expect(only(laaprogress(cell(60), cell(75), cell(69)))).toBeCloseTo((69 - 60) / (75 - 60), 15);
  });
  it("is below 0 when worse than baseline and above 1 beyond target, for a falling target too", () => {
    expect(only(laaprogress(cell(60), cell(75), cell(57)))).toBeCloseTo((57 - 60) / (75 - 60), 15);
    expect(only(laaprogress(cell(20), cell(10), cell(8)))).toBeCloseTo((8 - 20) / (10 - 20), 15);
  });
  it("is #DIV/0! when the target equals the baseline", () => {
    expectError(only(laaprogress(cell(10), cell(10), cell(12))), "#DIV/0!", /target equals the baseline/);
  });
  it("is #N/A naming the missing argument, #VALUE! for text that is not a number", () => {
    expectError(only(laaprogress(cell(null), cell(75), cell(69))), "#N/A", "No baseline (blank cell)");
    expectError(only(laaprogress(cell(60), cell("n/a"), cell(69))), "#N/A", "No target (cell shows n/a)");
    expectError(only(laaprogress(cell(60), cell(75), cell("lots"))), "#VALUE!", /"lots" is not a number/);
  });
  it("spills over a column of actuals with one baseline and target", () => {
    const out = laaprogress(cell(60), cell(75), column(60, 75, null));
    expect(out[0][0]).toBe(0);
    expect(out[1][0]).toBe(1);
    expectError(out[2][0], "#N/A");
  });
});

describe("LAAREWARD (docs/methods.md#progress: 0 below the threshold, else min(progress, 1))", () => {
  it("uses the default threshold 0.6 when omitted or blank", () => {
    expect(only(laareward(cell(60), cell(75), cell(72)))).toBeCloseTo((72 - 60) / 15, 15);
    expect(only(laareward(cell(60), cell(75), cell(68), OMITTED))).toBe(0); // progress 0.533 < 0.6
    expect(only(laareward(cell(60), cell(75), cell(68), cell("")))).toBe(0);
    expect(only(laareward(cell(60), cell(75), cell(90)))).toBe(1); // capped at 1
  });
  it("takes a threshold as a fraction or as a percentage typed with %", () => {
    expect(only(laareward(cell(60), cell(75), cell(68), cell(0.5)))).toBeCloseTo((68 - 60) / 15, 15);
    expect(only(laareward(cell(60), cell(75), cell(68), cell("50%")))).toBeCloseTo((68 - 60) / 15, 15);
  });
  it("is #VALUE! for a threshold outside 0 to 1, #DIV/0! when target equals baseline", () => {
    expectError(only(laareward(cell(60), cell(75), cell(68), cell(60))), "#VALUE!", /Threshold 60 must be a number from 0 to 1/);
    expectError(only(laareward(cell(60), cell(60), cell(68))), "#DIV/0!");
    expectError(only(laareward(cell(60), cell(75), cell(null))), "#N/A", "No actual (blank cell)");
  });
  it("spills with a column of thresholds", () => {
    const out = laareward(cell(60), cell(75), cell(68), column(0.5, 0.6));
    expect(out[0][0]).toBeCloseTo(8 / 15, 15);
    expect(out[1][0]).toBe(0);
  });
});

describe("LAATRAJECTORY (docs/methods.md#trajectory; dates are serials or period labels, section 1)", () => {
  // Baseline 60 for 2007/08 (ends 31 March 2008), target 80 for 2010/11 (ends 31 March 2011).
  const b = serial(2008, 3, 31);
  const t = serial(2011, 3, 31);
  it("interpolates on the straight line from the baseline to the target", () => {
    const at = serial(2009, 3, 31);
    const expected = 60 + ((80 - 60) * (at - b)) / (t - b);
    expect(only(laatrajectory(cell(60), cell("2007/08"), cell(80), cell("2010/11"), cell("2008/09")))).toBeCloseTo(expected, 12);
    expect(only(laatrajectory(cell(60), cell(b), cell(80), cell(t), cell(at)))).toBeCloseTo(expected, 12);
  });
  it("reads quarters and months as the end of the period", () => {
    const at = serial(2009, 9, 30); // Q2 2009/10 = Jul-Sep 2009
    const expected = 60 + ((80 - 60) * (at - b)) / (t - b);
    expect(only(laatrajectory(cell(60), cell("Mar-08"), cell(80), cell("2010/11"), cell("Q2 2009/10")))).toBeCloseTo(expected, 12);
  });
  it("is the baseline before its date and the target after its date", () => {
    expect(only(laatrajectory(cell(60), cell("2007/08"), cell(80), cell("2010/11"), cell("2005/06")))).toBe(60);
    expect(only(laatrajectory(cell(60), cell("2007/08"), cell(80), cell("2010/11"), cell("2012/13")))).toBe(80);
  });
  it("spills over a row of as-at periods", () => {
    const out = laatrajectory(cell(60), cell("2007/08"), cell(80), cell("2010/11"), [["2007/08", "2010/11", ""]]);
    expect(out[0].slice(0, 2)).toEqual([60, 80]);
    expectError(out[0][2], "#N/A", "No asAt (blank cell)");
  });
  it("is #VALUE! for a target dated on or before the baseline or text that is not a period", () => {
    expectError(only(laatrajectory(cell(60), cell("2010/11"), cell(80), cell("2007/08"), cell("2008/09"))), "#VALUE!", /after the baseline/);
    expectError(only(laatrajectory(cell(60), cell("sometime"), cell(80), cell("2010/11"), cell("2008/09"))), "#VALUE!", /^baselineDate: Period "sometime"/);
  });
  it("is #N/A for a missing value or date, or an error value in a date", () => {
    expectError(only(laatrajectory(cell(null), cell("2007/08"), cell(80), cell("2010/11"), cell("2008/09"))), "#N/A", "No baseline (blank cell)");
    expectError(only(laatrajectory(cell(60), cell("2007/08"), cell(80), cell(excelError("#REF!")), cell("2008/09"))), "#N/A", "No targetDate (cell shows #REF!)");
  });
});

describe("LAARAG (docs/methods.md#rag-rules, Tolerance preset)", () => {
  it("rates Amber when 3 (4%) short with the default 5% band, as docs/methods.md#rag-rules's example", () => {
    expect(only(laarag(cell(72), cell(75)))).toBe("Amber");
  });
  it("rates Green when the target is met exactly and Amber exactly at the tolerance edge (section 5 boundaries)", () => {
    expect(only(laarag(cell(75), cell(75)))).toBe("Green");
    expect(only(laarag(cell(95), cell(100)))).toBe("Amber");
    expect(only(laarag(cell(94.9), cell(100)))).toBe("Red");
  });
  it("follows polarity: for lower is better, above target is short", () => {
    expect(only(laarag(cell(10.4), cell(10), cell("lower")))).toBe("Amber"); // 4% over
    expect(only(laarag(cell(12), cell(10), cell("Low is good")))).toBe("Red");
    expect(only(laarag(cell(9), cell(10), cell("lower")))).toBe("Green");
  });
  it("takes a tolerance as a fraction or typed with %", () => {
    expect(only(laarag(cell(68), cell(75), OMITTED, cell(0.1)))).toBe("Amber"); // 9.3% short, 10% band
    expect(only(laarag(cell(68), cell(75), OMITTED, cell("10%")))).toBe("Amber");
    expect(only(laarag(cell(72), cell(75), OMITTED, cell(0)))).toBe("Red");
  });
  it("rates Blue only when a blue margin is given and the target is beaten by at least it", () => {
    expect(only(laarag(cell(80), cell(75)))).toBe("Green");
    expect(only(laarag(cell(80), cell(75), cell("higher"), OMITTED, cell(0.05)))).toBe("Blue"); // beaten by 6.7%
    expect(only(laarag(cell(78), cell(75), cell("higher"), OMITTED, cell("5%")))).toBe("Green"); // beaten by 4%
  });
  it("rates Grey for a missing actual or target, an error value in either, or polarity none", () => {
    expect(only(laarag(cell(null), cell(75)))).toBe("Grey");
    expect(only(laarag(cell("n/a"), cell(75)))).toBe("Grey");
    expect(only(laarag(cell(72), cell(excelError("#N/A"))))).toBe("Grey");
    expect(only(laarag(cell(72), cell(75), cell("data only")))).toBe("Grey");
  });
  it("is #VALUE! for bad input: text that is not a number, an unknown polarity, a negative tolerance or margin", () => {
    expectError(only(laarag(cell("lots"), cell(75))), "#VALUE!", /"lots" is not a number/);
    expectError(only(laarag(cell(72), cell(75), cell("sideways"))), "#VALUE!", /Unknown polarity "sideways"/);
    expectError(only(laarag(cell(72), cell(75), OMITTED, cell(-0.05))), "#VALUE!", /tolerance -0.05 must be a number of 0 or more/);
    expectError(only(laarag(cell(72), cell(75), OMITTED, OMITTED, cell(-1))), "#VALUE!", /blueMargin -1/);
    expectError(only(laarag(cell(72), cell(75), cell(true))), "#VALUE!", /Polarity true is not a word/);
  });
  it("is #N/A when the polarity cell shows an error", () => {
    expectError(only(laarag(cell(72), cell(75), cell(excelError("#N/A")))), "#N/A", "No polarity (cell shows #N/A)");
  });
  it("rates a whole column in one call, with per-row polarities and tolerances", () => {
    const out = laarag(column(72, 12, null, "lots", 68), column(75, 10, 75, 75, 75), column("higher", "lower", "", "", ""), column(null, null, null, null, 0.1));
    expect(out.slice(0, 3)).toEqual([["Amber"], ["Red"], ["Grey"]]);
    expectError(out[3][0], "#VALUE!");
    expect(out[4][0]).toBe("Amber");
  });
  it("gives one #VALUE! naming the arguments when the ranges differ in shape", () => {
    expectError(only(laarag(column(1, 2, 3), column(1, 2))), "#VALUE!", "actual is 3x1 but target is 2x1: ranges must be the same shape, or a single cell");
    expectError(only(laarag(column(1, 2), column(1, 2), [["higher", "lower"]])), "#VALUE!", /actual is 2x1 but polarity is 1x2/);
  });
});

describe("LAADOT (docs/methods.md#direction-of-travel)", () => {
  it("says Improving or Worsening by polarity, and No change when equal", () => {
    expect(only(laadot(cell(70), cell(72)))).toBe("Improving");
    expect(only(laadot(cell(70), cell(72), cell("lower")))).toBe("Worsening");
    expect(only(laadot(cell(72), cell(70), cell("lower")))).toBe("Improving");
    expect(only(laadot(cell(70), cell(70)))).toBe("No change");
  });
  it("says Increasing or Decreasing for polarity none", () => {
    expect(only(laadot(cell(70), cell(72), cell("none")))).toBe("Increasing");
    expect(only(laadot(cell(72), cell(70), cell("n/a")))).toBe("Decreasing");
  });
  it("says No change within the threshold share of the previous value (default 0)", () => {
    expect(only(laadot(cell(100), cell(101), OMITTED, cell(0.02)))).toBe("No change");
    expect(only(laadot(cell(100), cell(102), OMITTED, cell("2%")))).toBe("No change"); // exactly at the threshold
    expect(only(laadot(cell(100), cell(103), OMITTED, cell(0.02)))).toBe("Improving");
    expect(only(laadot(cell(100), cell(101), OMITTED, cell(null)))).toBe("Improving");
  });
  it("says Not compared when either value is missing or shows an error", () => {
    expect(only(laadot(cell(null), cell(72)))).toBe("Not compared");
    expect(only(laadot(cell(70), cell("n/a")))).toBe("Not compared");
    expect(only(laadot(cell(excelError("#DIV/0!")), cell(72)))).toBe("Not compared");
  });
  it("is #VALUE! for text that is not a number, an unknown polarity or a negative threshold", () => {
    expectError(only(laadot(cell("lots"), cell(72))), "#VALUE!", /previous "lots" is not a number/);
    expectError(only(laadot(cell(70), cell(72), cell("sideways"))), "#VALUE!");
    expectError(only(laadot(cell(70), cell(72), OMITTED, cell(-0.1))), "#VALUE!", /threshold -0.1/);
  });
  it("spills over two columns of previous and current values", () => {
    expect(laadot(column(70, 70, null), column(72, 68, 5))).toEqual([["Improving"], ["Worsening"], ["Not compared"]]);
  });
});

describe("LAATREND (docs/methods.md#trend-and-forecast: matches Excel SLOPE)", () => {
  it("matches the SLOPE example of Microsoft's documentation, =SLOPE({2,3,9,1,8,7,5},{6,5,11,7,5,4,4}) = 0.305556", () => {
    expect(only(laatrend(column(2, 3, 9, 1, 8, 7, 5), column(6, 5, 11, 7, 5, 4, 4)))).toBeCloseTo(0.305556, 6);
  });
  it("uses periods 1, 2, 3 ... when omitted, for a row or a column", () => {
    expect(only(laatrend([[10, 12, 15, 15]]))).toBeCloseTo(1.8, 12); // =SLOPE({10,12,15,15},{1,2,3,4})
    expect(only(laatrend(column(10, 12, 15, 15), OMITTED))).toBeCloseTo(1.8, 12);
  });
  it("skips pairs with a blank, as SLOPE does, in values or periods", () => {
    const withBlank = only(laatrend(column(10, null, 15, 15), column(1, 2, 3, 4)));
    expect(withBlank).toBeCloseTo(only(laatrend(column(10, 15, 15), column(1, 3, 4))) as number, 12);
    const blankPeriod = only(laatrend(column(10, 12, 15, 15), column(1, "", 3, 4)));
    expect(blankPeriod).toBeCloseTo(only(laatrend(column(10, 15, 15), column(1, 3, 4))) as number, 12);
    expect(only(laatrend(column(10, "n/a", 15, excelError("#N/A"), 15), column(1, 2, 3, 4, 5)))).toBeCloseTo(only(laatrend(column(10, 15, 15), column(1, 3, 5))) as number, 12);
  });
  it("reads period labels as the end of each period (docs/methods.md#polarity), so the slope is per day", () => {
    const days = serial(2010, 3, 31) - serial(2009, 3, 31);
    expect(only(laatrend([[10, 12, 14]], [["2008/09", "2009/10", "2010/11"]]))).toBeCloseTo(2 / days, 12);
  });
  it("is #N/A with fewer than two points or lists of different lengths, #DIV/0! when every period is the same", () => {
    expectError(only(laatrend(column(10, null))), "#N/A", /at least two values/);
    expectError(only(laatrend(cell(10))), "#N/A");
    expectError(only(laatrend(column(1, 2, 3), column(1, 2))), "#N/A", /not the same length/);
    expectError(only(laatrend(column(1, 2, 3), column(5, 5, 5))), "#DIV/0!");
  });
  it("is #VALUE! naming the cell for text that is not a number or a period", () => {
    expectError(only(laatrend(column(1, "lots", 3))), "#VALUE!", /^values, cell 2: /);
    expectError(only(laatrend(column(1, 2, 3), column(1, 2, "soon"))), "#VALUE!", /^periods, cell 3: /);
  });
});

describe("LAAFORECAST (docs/methods.md#trend-and-forecast: matches Excel FORECAST.LINEAR)", () => {
  it("matches the FORECAST.LINEAR example of Microsoft's documentation, =FORECAST.LINEAR(30,{6,7,9,15,21},{20,28,31,38,40}) = 10.607253", () => {
    expect(only(laaforecast(column(6, 7, 9, 15, 21), cell(30), column(20, 28, 31, 38, 40)))).toBeCloseTo(10.607253, 6);
  });
  it("uses periods 1, 2, 3 ... when omitted and spills over a range of at", () => {
    // =FORECAST.LINEAR(6,{10,12,15,15},{1,2,3,4}) = 8.5 + 1.8 x 6 = 19.3
    const out = laaforecast([[10, 12, 15, 15]], column(6, 7));
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBeCloseTo(19.3, 12);
    expect(out[1][0]).toBeCloseTo(21.1, 12);
  });
  it("forecasts at a period label when the periods are labels", () => {
    const out = only(laaforecast([[10, 12, 14]], cell("2011/12"), [["2008/09", "2009/10", "2010/11"]]));
    // The line rises 2 per 365 days (2008/09 to 2010/11); 2011/12 ends 366 days after 2010/11 (leap year).
    expect(out).toBeCloseTo(14 + (2 / 365) * (serial(2012, 3, 31) - serial(2011, 3, 31)), 10);
  });
  it("gives each at cell its own error, and the list's error to every cell", () => {
    const out = laaforecast([[10, 12, 15, 15]], column(6, "", "soon"));
    expect(out[0][0]).toBeCloseTo(19.3, 12);
    expectError(out[1][0], "#N/A", "No at (blank cell)");
    expectError(out[2][0], "#VALUE!", /^at: /);
    const bad = laaforecast(column(1, "lots"), column(6, 7));
    expectError(bad[0][0], "#VALUE!", /values, cell 2/);
    expectError(bad[1][0], "#VALUE!", /values, cell 2/);
  });
  it("is #N/A with fewer than two points and #DIV/0! when every period is the same", () => {
    expectError(only(laaforecast(cell(10), cell(2))), "#N/A");
    expectError(only(laaforecast(column(1, 2), cell(3), column(4, 4))), "#DIV/0!");
  });
});

type Limits = { level: number; lower: number; upper: number };
type PheCase = { kind: string; source: string; x?: number; n?: number; numerator?: number | null; denominator?: number | null; multiplier?: number; method?: string; limits: Limits | Limits[] };
const cases = (phe as { cases: PheCase[] }).cases;
const close = (actual: unknown, expected: number) => expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-15);

describe("LAACI (docs/methods.md#confidence-intervals, docs/methods.md#functions; PHE test workbooks)", () => {
  it("spills [lower, upper] for one proportion by Wilson's method at the default 95% (testdata_B_W row 8)", () => {
    const c = cases.find((k) => k.source === "testdata_Byars_Wilson.xlsx testdata_B_W row 8") as PheCase;
    const out = laaci(cell(c.x), cell(c.n));
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(2);
    const l = c.limits as Limits;
    close(out[0][0], l.lower);
    close(out[0][1], l.upper);
  });
  it("agrees with every transcribed Wilson and proportion row, given the method, level and multiplier", () => {
    for (const c of cases.filter((k) => k.kind === "proportion" && k.numerator != null && k.denominator != null)) {
      for (const l of c.limits as Limits[]) {
        const out = laaci(cell(c.numerator), cell(c.denominator), cell("wilson"), cell(l.level * 100), cell(c.multiplier));
        close(out[0][0], l.lower);
        close(out[0][1], l.upper);
      }
    }
  });
  it("agrees with every transcribed rate row by the rate method (exact below 10 events, Byars from 10)", () => {
    const rates = cases.filter((k) => k.kind === "rate" && k.numerator != null && k.denominator != null);
    expect(rates.length).toBeGreaterThan(3);
    for (const c of rates) {
      for (const l of c.limits as Limits[]) {
        const out = laaci(cell(c.numerator), cell(c.denominator), cell("rate"), cell(l.level), cell(c.multiplier));
        close(out[0][0], l.lower);
        close(out[0][1], l.upper);
        const forced = laaci(cell(c.numerator), cell(c.denominator), cell(c.method === "Exact" ? "exact" : "byars"), cell(l.level), cell(c.multiplier));
        expect(forced).toEqual(out);
      }
    }
  });
  it("spills n x 2 for a column of n inputs, each row its own [lower, upper] or its own errors", () => {
    const wilson = cases.filter((k) => k.kind === "wilson" && (k.limits as Limits).level === 0.95);
    const out = laaci(column(...wilson.map((k) => k.x), null), column(...wilson.map((k) => k.n), 100));
    expect(out).toHaveLength(wilson.length + 1);
    wilson.forEach((k, i) => {
      expect(out[i]).toHaveLength(2);
      close(out[i][0], (k.limits as Limits).lower);
      close(out[i][1], (k.limits as Limits).upper);
    });
    expectError(out[wilson.length][0], "#N/A", "No numerator (blank cell)");
    expectError(out[wilson.length][1], "#N/A", "No numerator (blank cell)");
  });
  it("spills a row of inputs as pairs side by side", () => {
    const out = laaci([[65, 1045]], [[100, 5000]]);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(4);
    expect(out[0].slice(2)).toEqual(laaci(cell(1045), cell(5000))[0]);
  });
  it("is #VALUE! for bad input: a numerator above the denominator, an unknown method, a level outside 90-100, a zero denominator", () => {
    expectError(laaci(cell(120), cell(100))[0][0], "#VALUE!", /larger than the denominator/);
    expectError(laaci(cell(5), cell(100), cell("bootstrap"))[0][1], "#VALUE!", /Method "bootstrap" is not known/);
    expectError(laaci(cell(5), cell(100), OMITTED, cell(80))[0][0], "#VALUE!", /Confidence level 80/);
    expectError(laaci(cell(5), cell(0))[0][0], "#DIV/0!", /denominator is 0/); // docs/methods.md#functions: #DIV/0! where the definition divides by zero
    expectError(laaci(cell(5), cell(100), OMITTED, OMITTED, cell(-1))[0][0], "#VALUE!", /multiplier/);
    expectError(laaci(cell("five"), cell(100))[0][0], "#VALUE!", /"five" is not a number/);
  });
  it("is #N/A for a missing denominator or an error value in the method cell", () => {
    expectError(laaci(cell(5), cell("n/a"))[0][0], "#N/A", "No denominator (cell shows n/a)");
    expectError(laaci(cell(5), cell(100), cell(excelError("#N/A")))[0][0], "#N/A", "No method (cell shows #N/A)");
  });
});

describe("LAACOMPARE (docs/methods.md#confidence-intervals)", () => {
  it("compares through the confidence interval, by polarity", () => {
    expect(only(laacompare(cell(25), cell(22), cell(28), cell(20)))).toBe("Better");
    expect(only(laacompare(cell(25), cell(22), cell(28), cell(20), cell("lower")))).toBe("Worse");
    expect(only(laacompare(cell(25), cell(19), cell(31), cell(20)))).toBe("Similar");
    expect(only(laacompare(cell(15), cell(12), cell(18), cell(20)))).toBe("Worse");
    expect(only(laacompare(cell(15), cell(12), cell(18), cell(20), cell("lower")))).toBe("Better");
  });
  it("says Higher or Lower for polarity none", () => {
    expect(only(laacompare(cell(25), cell(22), cell(28), cell(20), cell("none")))).toBe("Higher");
    expect(only(laacompare(cell(15), cell(12), cell(18), cell(20), cell("BOB")))).toBe("Lower");
  });
  it("says Not compared when an input is missing", () => {
    expect(only(laacompare(cell(25), cell(null), cell(28), cell(20)))).toBe("Not compared");
    expect(only(laacompare(cell(25), cell(22), cell(28), cell("n/a")))).toBe("Not compared");
  });
  it("is #VALUE! for text that is not a number or an unknown polarity", () => {
    expectError(only(laacompare(cell(25), cell(22), cell("high"), cell(20))), "#VALUE!", /upper "high" is not a number/);
    expectError(only(laacompare(cell(25), cell(22), cell(28), cell(20), cell("up and down"))), "#VALUE!");
  });
  it("spills over columns with one benchmark", () => {
    expect(laacompare(column(25, 25, 15), column(22, 19, 12), column(28, 31, 18), cell(20))).toEqual([["Better"], ["Similar"], ["Worse"]]);
  });
});

type QuantileCase = { source: string; n: number; polarity: "higher" | "lower"; groups: string[]; values: (number | null)[]; pheQuantiles: (number | null)[] };
const quantileCases = (phe as unknown as { cases: (QuantileCase & { kind: string })[] }).cases.filter((c) => c.kind === "quantiles");

describe("LAAQUANTILE (docs/methods.md#confidence-intervals; PHE testdata_Quantiles.xlsx, 1 = best as n + 1 - PHE's)", () => {
  it.each(quantileCases.map((c) => [c.source, c] as const))("ranks a spilled column of each group as PHE does: %s", (_source, c) => {
    for (const group of new Set(c.groups)) {
      const values = c.values.filter((_, i) => c.groups[i] === group);
      const expected = c.pheQuantiles.filter((_, i) => c.groups[i] === group);
      const out = laaquantile(column(...values), column(...values), cell(c.n), cell(c.polarity));
      expected.forEach((q, i) => {
        if (q === null) expectError(out[i][0], "#N/A");
        else expect(out[i][0]).toBe(c.n + 1 - q);
      });
    }
  });
  it("uses quartiles and higher is better when n and polarity are omitted", () => {
    expect(laaquantile(column(40, 10), column(10, 20, 30, 40))).toEqual([[1], [4]]);
    expect(laaquantile(column(40, 10), column(10, 20, 30, 40), cell(""), cell(""))).toEqual([[1], [4]]);
    expect(laaquantile(column(40, 10), column(10, 20, 30, 40), cell(4), cell("lower"))).toEqual([[4], [1]]);
    expect(laaquantile(column(40, 10), column(10, 20, 30, 40), cell(4), cell("none"))).toEqual([[1], [4]]);
  });
  it("is #N/A for fewer comparator values than quantiles, a missing value, or a value not among them", () => {
    expectError(only(laaquantile(cell(10), column(10, 20, 30), cell(4))), "#N/A", /Only 3 comparator values/);
    expectError(only(laaquantile(cell(null), column(10, 20, 30, 40))), "#N/A", "No value (blank cell)");
    expectError(only(laaquantile(cell(25), column(10, 20, 30, 40))), "#N/A", /not among the comparator values/);
  });
  it("is #VALUE! for a bad n, an unknown polarity or text in the values", () => {
    expectError(only(laaquantile(cell(10), column(10, 20, 30, 40), cell(2.5))), "#VALUE!", /whole number/);
    expectError(only(laaquantile(cell(10), column(10, 20, 30, 40), OMITTED, cell("sideways"))), "#VALUE!");
    expectError(only(laaquantile(cell(10), column(10, "lots", 30, 40))), "#VALUE!", /^values, cell 2: /);
  });
});

describe("LAASCORE (docs/methods.md#scorecard-score: Blue 1, Green 1, Amber 0.5, Red 0, Grey excluded)", () => {
  it("averages the points of rated statuses, weights 1 when omitted", () => {
    expect(only(laascore(column("Green", "Amber", "Red", "Grey")))).toBeCloseTo((1 + 0.5 + 0) / 3, 15);
    expect(only(laascore([["Blue", "green", " AMBER ", null, ""]]))).toBeCloseTo((1 + 1 + 0.5) / 3, 15);
  });
  it("weights the points, a blank weight counting as 1", () => {
    expect(only(laascore(column("Green", "Red"), column(3, 1)))).toBeCloseTo(3 / 4, 15);
    expect(only(laascore(column("Green", "Red", "Amber"), column(3, 1, null)))).toBeCloseTo((3 + 0 + 0.5) / 5, 15);
  });
  it("is #N/A when nothing is rated, #DIV/0! when every rated weight is 0", () => {
    expectError(only(laascore(column("Grey", null))), "#N/A", /No rated indicator/);
    expectError(only(laascore(column("Green", "Red"), column(0, 0))), "#DIV/0!");
  });
  it("is #VALUE! for an unknown status, a negative weight or lists of different lengths", () => {
    expectError(only(laascore(column("Green", "Purple"))), "#VALUE!", /Status "Purple"/);
    expectError(only(laascore(column("Green", "Red"), column(1, -1))), "#VALUE!", /Weight -1/);
    expectError(only(laascore(column("Green", "Red"), column(1))), "#VALUE!", /2 statuses but 1 weights/);
  });
});

describe("Every function, in general (docs/methods.md#functions)", () => {
  it("treats a 1x1 range, an undefined and a null optional argument alike", () => {
    expect(laarag(cell(72), cell(75), undefined, undefined, undefined)).toEqual(laarag(cell(72), cell(75), OMITTED, OMITTED, OMITTED));
    expect(laagap([[72]], [[75]])).toEqual(laagap(cell(72), cell(75), cell(null)));
  });
  it("gives LAAGAP #N/A for an error value in the mode cell, and #VALUE! for an unknown mode", () => {
    expectError(only(laagap(cell(72), cell(75), OMITTED, cell(excelError("#NAME?")))), "#N/A", "No mode (cell shows #NAME?)");
    expectError(only(laagap(cell(72), cell(75), OMITTED, cell("percent"))), "#VALUE!", /Mode "percent"/);
  });
  it("broadcasts a row against a column only when shapes agree, naming both arguments otherwise", () => {
    expectError(only(laadot([[1, 2]], column(1, 2))), "#VALUE!", "previous is 1x2 but current is 2x1: ranges must be the same shape, or a single cell");
    expectError(only(laaci(column(1, 2), column(5, 6, 7))), "#VALUE!", /numerator is 2x1 but denominator is 3x1/);
    expectError(only(laaquantile(column(1, 2), column(1, 2, 3, 4), column(4, 4, 4))), "#VALUE!", /value is 2x1 but n is 3x1/);
  });
  it("is #VALUE! for booleans where a number is expected, in a single value or a list", () => {
    expectError(only(laagap(cell(true), cell(75))), "#VALUE!", /actual true is not a number/);
    expectError(only(laatrend(column(1, false, 3))), "#VALUE!", /^values, cell 2: /);
    expectError(only(laarag([], cell(75))), "#VALUE!", "actual is an empty range");
  });
  it("spills a 2-D block in its own shape", () => {
    expect(laadot([[1, 2], [3, 4]], [[2, 2], [2, 5]])).toEqual([["Improving", "No change"], ["Worsening", "Improving"]]);
  });
  it("builds Excel's own error objects when the custom functions runtime is present, and plain ones outside it", () => {
    // Microsoft's custom functions runtime: new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message).
    class FakeError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    const scope = globalThis as { CustomFunctions?: unknown };
    expect(scope.CustomFunctions).toBeUndefined();
    scope.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" } };
    try {
      const [[na]] = laarag(cell(72), cell(75), cell(excelError("#N/A")));
      expect(na).toEqual(new FakeError("#N/A", "No polarity (cell shows #N/A)"));
      // Excel shows no message with a #DIV/0! from a custom function (CustomFunctions.ErrorCode:
      // "A custom error message can't be used"), so in Excel it is a #VALUE! that says why.
      const [[div]] = laaprogress(cell(1), cell(1), cell(2));
      expect(div).toBeInstanceOf(FakeError);
      expect((div as FakeError).code).toBe("#VALUE!");
      expect((div as FakeError).message).toMatch(/^Division by zero \(#DIV\/0!\): .*target equals the baseline/);
    } finally {
      delete scope.CustomFunctions;
    }
    expect(only(laaprogress(cell(1), cell(1), cell(2)))).toBeInstanceOf(WorksheetError);
  });
});

describe("LAARAG reads a tolerance typed as a whole number as a percentage", () => {
  // 70 against 75 is 5/75 = 6.7% short (docs/methods.md#rag-rules, Tolerance): Red with a 5% band, Amber
  // with 10%. The indicator table's Tolerance column reads 5 as 5% (src/core/indicator.ts), and so
  // does LAARAG, so one analyst's "5" means the same in both places.
  it("gives the same status for 5, 5% and 0.05", () => {
    const [[asWhole]] = laarag([[70]], [[75]], null as never, [[5]]);
    const [[asText]] = laarag([[70]], [[75]], null as never, [["5%"]]);
    const [[asFraction]] = laarag([[70]], [[75]], null as never, [[0.05]]);
    expect([asWhole, asText, asFraction]).toEqual(["Red", "Red", "Red"]);
    expect(laarag([[70]], [[75]], null as never, [[10]])).toEqual([["Amber"]]);
  });
});

describe("error values in the arguments, as Excel passes them (docs/methods.md#error-arguments)", () => {
  it("rates every other row of a spilled column when one actual is #N/A", () => {
    // 72 v 75: 4% short, within the 5% tolerance (Amber); 80 v 75 met (Green); the #N/A row has no actual (Grey).
    expect(laarag(column(72, excelError("#N/A"), 80), column(75, 75, 75))).toEqual([["Amber"], ["Grey"], ["Green"]]);
  });
  it("LAASCORE reads an error among the statuses as a missing status, naming its cell", () => {
    expectError(only(laascore(column("Green", "Amber", excelError("#N/A")))), "#N/A", "No status in cell 3 of the statuses (cell shows #N/A)");
  });
  it("LAAFORECAST says the period to forecast at shows an error, not that it is blank", () => {
    expectError(only(laaforecast(column(10, 12, 15), cell(excelError("#REF!")))), "#N/A", "No at (cell shows #REF!)");
    expectError(only(laaforecast(column(10, 12, 15), cell(null))), "#N/A", "No at (blank cell)");
  });
  it("reads the error object a custom functions runtime may pass ({ code }) as Excel's error cell value", () => {
    expect(laagap(cell({ code: "#N/A" }), cell(75))).toEqual(laagap(cell(excelError("#N/A")), cell(75)));
  });
});
