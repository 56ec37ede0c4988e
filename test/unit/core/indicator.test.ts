import { readIndicator, readIndicators, type RawIndicator } from "../../../src/core/indicator";

// Reading rules: raw cells into typed values the way analysts' workbooks really look,
// docs/methods.md#polarity (polarity words, period labels).
const row = (extra: Partial<RawIndicator> = {}): RawIndicator => ({
  id: { value: "NI 16", ref: "Data!A2" },
  title: { value: " Serious acquisitive crime rate ", ref: "Data!B2" },
  polarity: { value: "RAG - Low is good", ref: "Data!C2" },
  baseline: { value: "19.4", ref: "Data!D2" },
  baselinePeriod: { value: "2007/08", ref: "Data!E2" },
  targets: [
    { period: "2009/10", value: { value: 18.1, ref: "Data!F2" } },
    { period: "2008/09", value: { value: 18.8, ref: "Data!G2" } },
  ],
  actuals: [
    { period: "2008/09", value: { value: "18.5", ref: "Data!H2" } },
    { period: "2009/10", value: { value: "n/a", ref: "Data!I2" } },
  ],
  ...extra,
});

describe("readIndicator: one indicator row from raw cells", () => {
  it("reads numbers, numeric text, polarity words and period labels into typed values", () => {
    const { indicator, problems } = readIndicator(row());
    expect(problems).toEqual([]);
    expect(indicator.id).toBe("NI 16");
    expect(indicator.title).toBe("Serious acquisitive crime rate");
    expect(indicator.polarity).toBe("lower");
    expect(indicator.baseline).toMatchObject({ value: 19.4, period: { label: "2007/08" } });
  });
  it("sorts targets and actuals by period whatever order the columns are in", () => {
    const { indicator } = readIndicator(row());
    expect(indicator.targets.map((t) => t.period?.label)).toEqual(["2008/09", "2009/10"]);
  });
  it("keeps the reason a value is missing, so ratings can say 'cell shows n/a'", () => {
    const { indicator } = readIndicator(row());
    expect(indicator.actuals[1]).toMatchObject({ value: null, missingReason: "cell shows n/a", ref: "Data!I2" });
  });
  it("treats an Excel error value as missing with the reason the cell shows it", () => {
    const { indicator, problems } = readIndicator(row({ actuals: [{ period: "2008/09", value: { value: "#N/A", ref: "Data!H2" } }] }));
    expect(problems).toEqual([]);
    expect(indicator.actuals[0].missingReason).toBe("cell shows #N/A");
  });
  it("reports unreadable numbers with their cell and the period, and keeps reading the rest of the row", () => {
    const { indicator, problems } = readIndicator(row({ actuals: [{ period: "2008/09", value: { value: "about 18", ref: "Data!H2" } }] }));
    expect(problems).toEqual([{ field: "actual", ref: "Data!H2", message: 'Actual for 2008/09 "about 18" is not a number' }]);
    expect(indicator.actuals[0].value).toBeNull();
    expect(indicator.targets).toHaveLength(2);
  });
  it("reports an unknown polarity word, never guesses, and blocks rating", () => {
    const { indicator, problems } = readIndicator(row({ polarity: { value: "smaller", ref: "Data!C2" } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "polarity", ref: "Data!C2" });
    expect(indicator.blockers).toHaveLength(1);
  });
  it("takes a blank polarity as higher is better", () => {
    expect(readIndicator(row({ polarity: { value: "" } })).indicator.polarity).toBe("higher");
    expect(readIndicator({ targets: [], actuals: [] }).indicator.polarity).toBe("higher");
  });
  it("reports an unreadable period label and leaves that value out", () => {
    const { indicator, problems } = readIndicator(row({ actuals: [{ period: "next year", value: { value: 3, ref: "Data!H2" } }] }));
    expect(problems[0]).toMatchObject({ field: "actual", ref: "Data!H2" });
    expect(indicator.actuals).toHaveLength(0);
  });
  it("reports two actuals for one period and keeps the first", () => {
    const { indicator, problems } = readIndicator(
      row({ actuals: [{ period: "2008/09", value: { value: 1, ref: "X1" } }, { period: "2008-09", value: { value: 2, ref: "X2" } }] }),
    );
    expect(indicator.actuals.map((a) => a.value)).toEqual([1]);
    expect(problems).toEqual([{ field: "actual", ref: "X2", message: "Two actuals for 2008/09: the first is used" }]);
  });
  it("allows a single undated target and actual (a simple actual/target table)", () => {
    const { indicator, problems } = readIndicator({ targets: [{ period: null, value: { value: 75 } }], actuals: [{ period: "", value: { value: 72 } }] });
    expect(problems).toEqual([]);
    expect(indicator.targets[0]).toMatchObject({ period: null, value: 75 });
    expect(indicator.actuals[0]).toMatchObject({ period: null, value: 72 });
  });
  it("reads a tolerance of 5 or 5% or 0.05 as 5%", () => {
    for (const value of [5, "5%", 0.05]) expect(readIndicator(row({ tolerance: { value } })).indicator.tolerance).toBeCloseTo(0.05, 15);
  });
  it("reports a negative tolerance and blocks rating rather than using the workbook's", () => {
    const { indicator, problems } = readIndicator(row({ tolerance: { value: -1, ref: "Data!Z2" } }));
    expect(problems[0]).toMatchObject({ field: "tolerance", ref: "Data!Z2" });
    expect(indicator.blockers).toHaveLength(1);
  });
  it("defaults a blank weight to 1 and reports an unreadable one", () => {
    expect(readIndicator(row()).indicator.weight).toBe(1);
    expect(readIndicator(row({ weight: { value: "2" } })).indicator.weight).toBe(2);
    const { indicator, problems } = readIndicator(row({ weight: { value: "heavy", ref: "W2" } }));
    expect(indicator.weight).toBe(1);
    expect(problems[0]).toMatchObject({ field: "weight", ref: "W2" });
  });
  it("reads data-only flags as yes or no and reports anything else", () => {
    expect(readIndicator(row({ dataOnly: { value: "Yes" } })).indicator.dataOnly).toBe(true);
    expect(readIndicator(row({ dataOnly: { value: true } })).indicator.dataOnly).toBe(true);
    expect(readIndicator(row({ dataOnly: { value: "no" } })).indicator.dataOnly).toBe(false);
    expect(readIndicator(row({ dataOnly: { value: "maybe" } })).problems).toHaveLength(1);
  });
  it("reads confidence limits per actual and per indicator, reporting limits the wrong way round", () => {
    const withCi = readIndicator(row({ actuals: [{ period: "2008/09", value: { value: 18.5 }, lower: { value: 17.9 }, upper: { value: "19.1" } }] }));
    expect(withCi.indicator.actuals[0]).toMatchObject({ lower: 17.9, upper: 19.1 });
    const wrong = readIndicator(row({ lowerCi: { value: 20, ref: "L2" }, upperCi: { value: 18 } }));
    expect(wrong.problems[0]).toMatchObject({ field: "lowerCi", ref: "L2" });
    expect(wrong.indicator.lowerCi).toBeNull();
  });
  it("names an unreadable confidence limit or count by its field and period, and keeps the value", () => {
    const { indicator, problems } = readIndicator(
      row({ actuals: [{ period: "2008/09", value: { value: 18.5, ref: "H2" }, lower: { value: "wide", ref: "J2" }, upper: { value: 19.1 }, count: { value: "many", ref: "K2" }, denominator: { value: 400 } }] }),
    );
    expect(problems).toEqual([
      { field: "lowerCi", ref: "J2", message: 'Lower limit for 2008/09 "wide" is not a number' },
      { field: "count", ref: "K2", message: 'Count for 2008/09 "many" is not a number' },
    ]);
    expect(indicator.actuals[0]).toMatchObject({ value: 18.5, lower: null, upper: 19.1, count: null, denominator: 400 });
  });
  it("reads each row's own period labels, whatever the row before had in the same columns", () => {
    // A wide table's rows share their column labels, which are read once; a row with other labels is read as written.
    const periods = (labels: string[]) => readIndicator(row({ targets: [], actuals: labels.map((period, i) => ({ period, value: { value: i } })) })).indicator.actuals.map((a) => a.period?.label);
    expect(periods(["2008/09", "2009/10"])).toEqual(["2008/09", "2009/10"]);
    expect(periods(["2008/09", "2009/10"])).toEqual(["2008/09", "2009/10"]);
    expect(periods(["Q1 2009/10", "Apr 2009"])).toEqual(["Apr 2009", "Q1 2009/10"]); // sorted: April ends before June
    expect(periods(["2009/10", "2008/09"])).toEqual(["2008/09", "2009/10"]);
  });
  it("accepts a period given as a cell with its own address", () => {
    const { indicator } = readIndicator(row({ actuals: [{ period: { value: "2008/09", ref: "Data!H1" }, value: { value: 3 } }] }));
    expect(indicator.actuals[0].period?.label).toBe("2008/09");
  });
  it("does not change the raw row it reads", () => {
    const raw = row();
    const copy = JSON.parse(JSON.stringify(raw));
    readIndicator(raw);
    expect(raw).toEqual(copy);
  });
  it("reads odd cell values without throwing", () => {
    const odd: RawIndicator = {
      id: { value: { weird: true } },
      polarity: { value: 42 },
      baseline: { value: Infinity },
      targets: [{ period: new Date(NaN), value: { value: [] } }],
      actuals: [{ period: Symbol.iterator, value: { value: undefined } }],
      weight: { value: -3 },
    };
    expect(() => readIndicator(odd)).not.toThrow();
    expect(readIndicator(odd).problems.length).toBeGreaterThan(0);
  });
});

describe("readIndicators: a whole table", () => {
  it("reads every row, naming the row of each problem; a bad row never stops the others", () => {
    const rows: RawIndicator[] = [
      row(),
      row({ polarity: { value: "sideways", ref: "Data!C3" } }),
      row({ id: { value: "NI 20" }, actuals: [{ period: "2008/09", value: { value: "lots", ref: "Data!H4" } }] }),
      row({ id: { value: "NI 21" } }),
    ];
    const { indicators, problems } = readIndicators(rows);
    expect(indicators.map((i) => i.id)).toEqual(["NI 16", "NI 16", "NI 20", "NI 21"]);
    expect(problems.map((p) => [p.row, p.field, p.ref])).toEqual([
      [1, "polarity", "Data!C3"],
      [2, "actual", "Data!H4"],
    ]);
  });
});
