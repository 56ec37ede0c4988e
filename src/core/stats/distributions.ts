/**
 * Distribution quantiles (normal, Student's t, chi-square) from the stdlib statistics library
 * (docs/methods.md#confidence-intervals: "do not hand-roll them"). These thin wrappers fix the argument order and
 * cache the quantiles the confidence intervals ask for again and again (the same few levels and
 * small event counts), so a worksheet function spilled down 10,000 rows stays cheap.
 */
import normalQuantileLib from "@stdlib/stats-base-dists-normal-quantile";
import tQuantileLib from "@stdlib/stats-base-dists-t-quantile";
import chisquareQuantileLib from "@stdlib/stats-base-dists-chisquare-quantile";

// A bounded memo: the keys are (probability, degrees of freedom) pairs. Worksheets use a handful of
// levels, so the cache rarely grows; when it does it is simply cleared (no unbounded growth).
const CACHE_LIMIT = 4096;

function memo(fn: (p: number, df: number) => number): (p: number, df: number) => number {
  const cache = new Map<string, number>();
  return (p, df) => {
    const key = `${p}|${df}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const result = fn(p, df);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
    return result;
  };
}

const normalMemo = memo((p) => normalQuantileLib(p, 0, 1));
const tMemo = memo((p, df) => tQuantileLib(p, df));
const chisquareMemo = memo((p, df) => chisquareQuantileLib(p, df));

/**
 * Standard normal quantile: the z with P(Z <= z) = p (Excel `NORM.S.INV`, R `qnorm`).
 * @example normalQuantile(0.975) // => 1.9599639845400538 (Excel NORM.S.INV(0.975): 1.95996398454005)
 */
export function normalQuantile(p: number): number {
  return normalMemo(p, 0);
}

/**
 * Student's t quantile with `df` degrees of freedom (Excel `T.INV`, R `qt`).
 * @example tQuantile(0.975, 7) // => 2.3646242515927858 (Excel T.INV(0.975, 7): 2.36462425159278)
 */
export function tQuantile(p: number, df: number): number {
  return tMemo(p, df);
}

/**
 * Chi-square quantile with `df` degrees of freedom (Excel `CHISQ.INV`, R `qchisq`); `df = 0` is the
 * point mass at 0, as in R.
 * @example chisquareQuantile(0.975, 2) // => 7.377758908227871 (closed form for 2 degrees of freedom: -2 ln 0.025)
 */
export function chisquareQuantile(p: number, df: number): number {
  return chisquareMemo(p, df);
}

/**
 * The two-sided z for a confidence level given as a fraction: the normal quantile at
 * `(1 + level) / 2` (docs/methods.md#confidence-intervals).
 * @example zForLevel(0.95) // => 1.9599639845400538
 */
export function zForLevel(level: number): number {
  return normalQuantile((1 + level) / 2);
}
