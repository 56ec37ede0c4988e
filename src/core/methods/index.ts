/** Median comparison and recent trend (docs/methods.md). */
export * from "./median-mads";
export * from "./recent-trend";
export { methodMessages } from "./messages";
export * from "./spc";
export { spcMessages } from "./messages";
export * from "./dsr";
export * from "./isr";
export { isrMessages } from "./messages";
export * from "./funnel";
export { funnelLabels, funnelMessages } from "./messages";
