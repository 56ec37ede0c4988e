import { comparePeriods, dateToSerial, isPeriodHeader, parsePeriod, samePeriod, sameTimeYearEarlier, serialToIso, type Period } from "../../../src/core/periods";

// Expected serials: Excel's DATE() (DATE(2009,3,31) = 39903 as the brief states; DATE(2009,6,30) =
// 39994, DATE(2009,12,31) = 40178, DATE(2009,4,30) = 39933, DATE(2010,3,31) = 40268). Labels and
// their meanings: docs/methods.md#polarity.
function period(raw: unknown): Period {
  const r = parsePeriod(raw);
  if (!r.ok) throw new Error(`expected a period for ${String(raw)}: ${r.problem.message}`);
  return r.value;
}

describe("parsePeriod: labels as UK public-sector analysts write them (docs/methods.md#polarity)", () => {
  it.each(["2008/09", "2008-09", "2008/2009", "FY2008/09", "fy 2008/09", " 2008 / 09 "])("reads the financial year %p as ending 31 March 2009", (label) => {
    expect(period(label)).toEqual({ label: "2008/09", kind: "financialYear", end: 39903 });
  });
  it("reads two-digit financial years such as 08/09 and Q1 09/10", () => {
    expect(period("08/09")).toEqual({ label: "2008/09", kind: "financialYear", end: 39903 });
    expect(period("Q1 09/10").end).toBe(39994);
    expect(period("99/00").label).toBe("1999/00");
  });
  it("reads Q1 2009/10 as ending 30 June 2009 (Q1 is April to June)", () => {
    expect(period("Q1 2009/10")).toEqual({ label: "Q1 2009/10", kind: "quarter", end: 39994 });
  });
  it("reads 2009/10 Q3 as ending 31 December 2009", () => {
    expect(period("2009/10 Q3")).toEqual({ label: "Q3 2009/10", kind: "quarter", end: 40178 });
  });
  it("reads Q4 2009/10 as ending 31 March 2010, the same day as the financial year", () => {
    expect(period("Q4 2009/10").end).toBe(40268);
    expect(period("2009/10").end).toBe(40268);
  });
  it.each(["Apr-09", "April 2009", "2009-04", "apr 2009", "Apr-2009"])("reads the month %p as ending 30 April 2009", (label) => {
    expect(period(label)).toEqual({ label: "Apr 2009", kind: "month", end: 39933 });
  });
  it("reads a month's end across February in a leap year (Excel DATE(2008,2,29) = 39507)", () => {
    expect(period("Feb-08").end).toBe(39507);
  });
  it("reads two-digit years as Excel does: 29 is 2029, 30 is 1930", () => {
    expect(period("Jan-29").label).toBe("Jan 2029");
    expect(period("Jan-30").label).toBe("Jan 1930");
  });
  it("reads the calendar year 2009 (text or number) as ending 31 December 2009", () => {
    expect(period("2009")).toEqual({ label: "2009", kind: "year", end: 40178 });
    expect(period(2009)).toEqual({ label: "2009", kind: "year", end: 40178 });
  });
  it("takes an Excel date serial as it is", () => {
    expect(period(39903)).toEqual({ label: "2009-03-31", kind: "date", end: 39903 });
  });
  it("takes a JS Date (UTC, as ExcelJS gives) and ISO or UK date text as days", () => {
    expect(period(new Date(Date.UTC(2009, 2, 31)))).toEqual({ label: "2009-03-31", kind: "date", end: 39903 });
    expect(period("2009-03-31").end).toBe(39903);
    expect(period("31/03/2009").end).toBe(39903);
  });
  it("reads 2009-10 as the financial year 2009/10, not October 2009 (the next year wins)", () => {
    expect(period("2009-10").kind).toBe("financialYear");
    expect(period("2009-11").kind).toBe("month");
  });
  it.each(["2008/10", "08/10", "08/2009", "Q5 2009/10", "Q1 2009", "sometime", "31/02/2009", "Smarch 2009", "1899", 12.5, true, {}, NaN])(
    "reports %p as not a period rather than guessing",
    (raw) => {
      const r = parsePeriod(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.kind).toBe("value");
    },
  );
  it("reports a blank period as missing (na), not as bad input", () => {
    for (const blank of [null, undefined, "", "   "]) {
      const r = parsePeriod(blank);
      expect(r.ok === false && r.problem.kind).toBe("na");
    }
  });
  it("does not let a caller's change to a parsed period leak into later parses", () => {
    const first = parsePeriod("2011/12");
    expect(() => {
      if (first.ok) (first.value as { label: string }).label = "changed";
    }).toThrow();
    expect(period("2011/12").label).toBe("2011/12");
  });
});

describe("comparePeriods and samePeriod", () => {
  it("sorts labels of every kind chronologically by their end, the shorter first on the same day", () => {
    const labels = ["2009/10", "Apr-09", "Q1 2009/10", "2008/09", "2009", 39903];
    expect(labels.map(period).sort(comparePeriods).map((p) => p.label)).toEqual(["2009-03-31", "2008/09", "Apr 2009", "Q1 2009/10", "2009", "2009/10"]);
  });
  it("treats different spellings of one period as the same period", () => {
    expect(samePeriod(period("2009-10"), period("FY2009/10"))).toBe(true);
    expect(samePeriod(period("Q4 2009/10"), period("2009/10"))).toBe(false);
  });
});

describe("sameTimeYearEarlier (docs/methods.md#direction-of-travel, year-earlier comparison)", () => {
  it.each([
    ["2009/10", "2008/09"],
    ["Q3 2009/10", "Q3 2008/09"],
    ["Q4 2009/10", "Q4 2008/09"],
    ["Q1 2009/10", "Q1 2008/09"],
    ["Apr-09", "Apr 2008"],
    ["2009", "2008"],
  ])("gives %p a year earlier as %p", (label, earlier) => {
    expect(sameTimeYearEarlier(period(label)).label).toBe(earlier);
  });
  it("takes 29 February back to 28 February", () => {
    expect(sameTimeYearEarlier(period("2008-02-29")).label).toBe("2007-02-28");
  });
});

describe("isPeriodHeader: recognising period columns of a wide layout", () => {
  it.each([
    ["2009/10", "period", "2009/10"],
    ["Actual 2009/10", "actual", "2009/10"],
    ["Target 2010/11", "target", "2010/11"],
    ["2009/10 Outturn", "actual", "2009/10"],
    ["Target for 2010/11", "target", "2010/11"],
    ["Baseline (2007/08)", "baseline", "2007/08"],
    ["Actual: Q1 2009/10", "actual", "Q1 2009/10"],
  ])("reads %p as role %p for %p", (header, role, label) => {
    expect(isPeriodHeader(header)).toMatchObject({ role, period: { label } });
  });
  it.each(["Owner", "Polarity", "Target", "Actual", "", "NI 16", 7])("does not take %p for a period column", (header) => {
    expect(isPeriodHeader(header)).toBeUndefined();
  });
  it("takes a numeric header 2009 as the year and a date serial as a date", () => {
    expect(isPeriodHeader(2009)).toMatchObject({ role: "period", period: { kind: "year" } });
    expect(isPeriodHeader(39903)).toMatchObject({ role: "period", period: { kind: "date", end: 39903 } });
  });
});

describe("serial conversions", () => {
  it("round-trips 31 March 2009 (Excel serial 39903)", () => {
    expect(dateToSerial(2009, 3, 31)).toBe(39903);
    expect(serialToIso(39903)).toBe("2009-03-31");
  });
});
