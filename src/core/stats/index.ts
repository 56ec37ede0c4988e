/**
 * Public health statistics for the calculation core (docs/methods.md#confidence-intervals): confidence levels,
 * confidence intervals (Wilson, exact Poisson, Byars, Student's t) and quantiles among comparators.
 * The benchmark comparison and direction-of-travel significance live in ../compare.ts.
 */
export * from "./level";
export * from "./distributions";
export * from "./intervals";
export * from "./quantiles";
export { statsMessages } from "./messages";
