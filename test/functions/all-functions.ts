/**
 * The worksheet functions of docs/methods.md#functions (and LAAMADSWORDS) as the HyperFormula bridge registers them:
 * parameter counts and required counts as in functions.json, and the arguments whose shape the
 * result spills in (lists by nature, such as values and statuses, are not among them).
 */
import * as fns from "../../src/functions/functions";
import type { BridgedFunction } from "./hyperformula-bridge";

type Fn = (...a: unknown[]) => unknown[][];
const broadcastOver = (...args: number[]) => ({ kind: "broadcast", args }) as const;

export const ALL_FUNCTIONS: readonly BridgedFunction[] = [
  { name: "LAAGAP", fn: fns.laagap as Fn, params: 4, required: 2, shape: broadcastOver(0, 1, 2, 3) },
  { name: "LAAPROGRESS", fn: fns.laaprogress as Fn, params: 3, required: 3, shape: broadcastOver(0, 1, 2) },
  { name: "LAAREWARD", fn: fns.laareward as Fn, params: 4, required: 3, shape: broadcastOver(0, 1, 2, 3) },
  { name: "LAATRAJECTORY", fn: fns.laatrajectory as Fn, params: 5, required: 5, shape: broadcastOver(0, 1, 2, 3, 4) },
  { name: "LAARAG", fn: fns.laarag as Fn, params: 5, required: 2, shape: broadcastOver(0, 1, 2, 3, 4) },
  { name: "LAADOT", fn: fns.laadot as Fn, params: 4, required: 2, shape: broadcastOver(0, 1, 2, 3) },
  { name: "LAATREND", fn: fns.laatrend as Fn, params: 2, required: 1, shape: { kind: "fixed", rows: 1, cols: 1 } },
  { name: "LAAFORECAST", fn: fns.laaforecast as Fn, params: 3, required: 2, shape: broadcastOver(1) },
  { name: "LAACI", fn: fns.laaci as Fn, params: 5, required: 2, shape: { kind: "broadcast", args: [0, 1, 2, 3, 4], width: 2 } },
  { name: "LAACOMPARE", fn: fns.laacompare as Fn, params: 5, required: 4, shape: broadcastOver(0, 1, 2, 3, 4) },
  { name: "LAAQUANTILE", fn: fns.laaquantile as Fn, params: 4, required: 2, shape: broadcastOver(0, 2, 3) },
  { name: "LAASCORE", fn: fns.laascore as Fn, params: 2, required: 1, shape: { kind: "fixed", rows: 1, cols: 1 } },
  { name: "LAARECENTTREND", fn: fns.laarecenttrend as Fn, params: 6, required: 3, shape: { kind: "fixed", rows: 1, cols: 1 } },
  { name: "LAASPC", fn: fns.laaspc as Fn, params: 4, required: 1, shape: { kind: "fixed", rows: 1, cols: 5 } },
  { name: "LAASPCPOINTS", fn: fns.laaspcpoints as Fn, params: 3, required: 1, shape: broadcastOver(0) },
  { name: "LAAMADS", fn: fns.laamads as Fn, params: 3, required: 2, shape: broadcastOver(0, 2) },
  { name: "LAADSR", fn: fns.laadsr as Fn, params: 5, required: 2, shape: { kind: "fixed", rows: 1, cols: 3 } },
  { name: "LAAISR", fn: fns.laaisr as Fn, params: 6, required: 3, shape: { kind: "fixed", rows: 1, cols: 3 } },
  { name: "LAASMR", fn: fns.laasmr as Fn, params: 6, required: 3, shape: { kind: "fixed", rows: 1, cols: 3 } },
  { name: "LAAFUNNEL", fn: fns.laafunnel as Fn, params: 6, required: 2, shape: { kind: "fixed", rows: 100, cols: 10 } },
  { name: "LAAFUNNELSIG", fn: fns.laafunnelsig as Fn, params: 8, required: 4, shape: broadcastOver(0, 1, 6) },
  { name: "LAAMADSWORDS", fn: fns.laamadswords as Fn, params: 2, required: 1, shape: broadcastOver(0, 1) },
];
