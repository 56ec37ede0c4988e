/**
 * A seeded pseudo-random number generator for the sample workbooks, so that `npm run samples`
 * writes the same numbers every time.
 *
 * Algorithm: mulberry32 (Tommy Ettinger's 32-bit generator, public domain). Written here rather than
 * taken from a package because it is six lines, has no dependencies, and the samples need nothing
 * stronger than repeatable, evenly spread numbers (this is not for cryptography).
 */

/** A source of numbers in [0, 1) that always gives the same sequence for the same seed. */
export type Random = () => number;

/**
 * Makes a mulberry32 generator from a 32-bit integer seed.
 *
 * @example const r = mulberry32(2008); r() === mulberry32(2008)() // => true
 */
export function mulberry32(seed: number): Random {
  if (!Number.isInteger(seed)) throw new TypeError("mulberry32 requires an integer seed");
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw by the Box-Muller transform, from two uniform draws of `random`.
 *
 * @example Number.isFinite(normalDraw(mulberry32(1))) // => true
 */
export function normalDraw(random: Random): number {
  const u = 1 - random(); // in (0, 1], so the logarithm is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Poisson-distributed count with the given mean: Knuth's multiplication method below a mean of 30,
 * and the normal approximation (rounded, never below 0) above it, which is close enough for
 * sample data of this size.
 *
 * @example poissonDraw(mulberry32(7), 0) // => 0
 */
export function poissonDraw(random: Random, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError("poissonDraw requires a finite mean of 0 or more");
  if (mean === 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random();
    while (p > limit) {
      k += 1;
      p *= random();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalDraw(random)));
}
