/**
 * Which funnel an indicator's areas call for (docs/methods.md#funnel): the power of ten that takes
 * each area's count over its denominator to its value.
 */
import { funnelFit, FUNNEL_MIN_AREAS } from "../../../../src/core/methods/funnel-fit";

// Public Health England's Fingertips, indicator 93356 (Campylobacter incidence rate per 100,000),
// County & UA, persons, all ages, 2015, as its data download gives them (Value, Count, Denominator):
// Hartlepool 132 / 92,493 x 100,000 = 142.7135..., and so on.
const CAMPYLOBACTER_2015 = [
  { area: "Hartlepool", value: 142.713502643443, count: 132, denominator: 92493 },
  { area: "Middlesbrough", value: 122.572737242759, count: 171, denominator: 139509 },
  { area: "Redcar and Cleveland", value: 147.846978377379, count: 200, denominator: 135275 },
  { area: "Stockton-on-Tees", value: 168.888569477883, count: 329, denominator: 194803 },
  { area: "Darlington", value: 138.534382146144, count: 146, denominator: 105389 },
];

describe("the funnel an indicator's areas call for", () => {
  it("is a crude rate per 100,000 for Fingertips' campylobacter rates (132 / 92,493 x 100,000 = 142.71)", () => {
    expect(funnelFit(CAMPYLOBACTER_2015)).toEqual({ ok: true, statistic: "rate", multiplier: 100000, areas: 5 });
  });

  it("is a percentage when each value is 100 x count / denominator and no count is above its denominator", () => {
    const areas = [[40, 100], [60, 100], [5, 50], [9, 30], [20, 80]].map(([count, denominator]) => ({ count, denominator, value: (100 * count) / denominator }));
    expect(funnelFit(areas)).toEqual({ ok: true, statistic: "proportion", multiplier: 100, areas: 5 });
    expect(funnelFit(areas.map((a) => ({ ...a, value: a.value / 100 })))).toEqual({ ok: true, statistic: "proportion", multiplier: 1, areas: 5 });
  });

  it("is none for a standardised rate: values off count / denominator x 100,000 by more than 0.5%", () => {
    // Each value 3% above the crude rate, as an age-standardised rate of an older area might be.
    const standardised = CAMPYLOBACTER_2015.map((a) => ({ ...a, value: a.value * 1.03 }));
    expect(funnelFit(standardised)).toEqual({ ok: false, reason: "notCountOverDenominator", areas: 5 });
    // Within 0.5% (rounding in the source) it still fits.
    expect(funnelFit(CAMPYLOBACTER_2015.map((a) => ({ ...a, value: a.value * 1.004 }))).ok).toBe(true);
  });

  it("is none with fewer than 5 areas having a count, a denominator and a value", () => {
    expect(FUNNEL_MIN_AREAS).toBe(5);
    const four = CAMPYLOBACTER_2015.map((a, i) => (i === 0 ? { ...a, count: null } : a));
    expect(funnelFit(four)).toEqual({ ok: false, reason: "tooFewAreas", areas: 4 });
  });

  it("is none for a per-100 value whose counts exceed their denominators (not a proportion)", () => {
    const areas = [[140, 100], [60, 100], [50, 100], [50, 100], [50, 100]].map(([count, denominator]) => ({ count, denominator, value: (100 * count) / denominator }));
    expect(funnelFit(areas)).toEqual({ ok: false, reason: "countAboveDenominator", areas: 5 });
  });
});
