/**
 * A command's writes as plain data (docs/architecture.md, Data flow: read, plan, apply). A planner
 * (pure: no Office) returns a list of these operations; the one writer (writer.ts) applies any list
 * in the fewest syncs within the payload budget. Sheets, tables and settings are named, never held
 * as Excel objects, so a plan can be built, inspected and tested without Excel or the emulator.
 */
import type { Block, ChartSpec, Rect, SheetSpec, TextFill } from "./scorecard/sheet-model";
import { PAYLOAD_BUDGET_BYTES, utf8Bytes } from "./payload";

/** What the writer knows about the sheet a spec goes to. */
export interface Target {
  readonly name: string;
  /** True when the add-in owns an existing sheet of this name (it is cleared first). */
  readonly existing: boolean;
  /** The used range's address of the existing sheet, to clear. */
  readonly usedAddress: string | null;
  /** Names of the existing sheet's charts, to delete. */
  readonly charts: readonly string[];
}

/** One write. Rectangles are 0-based sheet rows and columns. */
export type WriteOp =
  /** Makes the sheet (or empties the add-in's own), then its widths, frozen rows and print setup. */
  | {
      readonly op: "prepareSheet";
      readonly target: Target;
      readonly columnWidths: readonly number[];
      readonly freezeRows: number;
      /** Landscape or portrait, fitted to the page's width; null leaves the page setup as Excel makes it. */
      readonly landscape: boolean | null;
      readonly printTitleRows: { readonly first: number; readonly last: number } | null;
      readonly pageBreaks: readonly number[];
      readonly tabColour?: string;
    }
  /** Number formats, then values, then the block's style. */
  | { readonly op: "cells"; readonly sheet: string; readonly block: Block }
  /** Clears cells ("Contents" keeps formats; "All" takes everything). */
  | { readonly op: "clear"; readonly sheet: string; readonly rect: Rect; readonly what: "Contents" | "All" }
  /** Removes a range's conditional formats and adds one status fill rule per status word. */
  | { readonly op: "statusRules"; readonly sheet: string; readonly rect: Rect }
  /** Removes the conditional formats of a range. */
  | { readonly op: "clearRules"; readonly sheet: string; readonly rect: Rect }
  /** Column widths in points, from a column, set on one row's cells. */
  | { readonly op: "columnWidths"; readonly sheet: string; readonly row: number; readonly col: number; readonly widths: readonly number[] }
  | { readonly op: "chart"; readonly sheet: string; readonly chart: ChartSpec }
  /** A fill that follows the words in another column of the same row (a conditional format). */
  | { readonly op: "textFill"; readonly sheet: string; readonly fill: TextFill }
  /** An Excel table over a range whose first row is the header. */
  | { readonly op: "addTable"; readonly sheet: string; readonly rect: Rect; readonly name: string }
  /** Table columns, at the right end, or from `index` (0-based within the table) shifting the later ones right. */
  | { readonly op: "addTableColumns"; readonly table: string; readonly names: readonly string[]; readonly index?: number }
  | { readonly op: "deleteTableColumn"; readonly table: string; readonly name: string }
  /** A workbook setting (the add-in's records and settings). */
  | { readonly op: "setting"; readonly key: string; readonly value: unknown }
  | { readonly op: "removeSetting"; readonly key: string };

/** Estimated request bytes of one queued operation beyond its data (object path, method, property). */
export const OP_BYTES = 130;
/** Largest share of a block written in one operation (rows are split beyond it). */
export const BLOCK_CHUNK_BYTES = 1024 * 1024;

/** Columns side by side that share one number format in every cell: `count` columns from `col`, 0-based within the block. */
export interface FormatRun {
  readonly col: number;
  readonly count: number;
  readonly format: string;
}

/**
 * The block's number formats as runs of columns, when every cell of each column has its column's
 * format (an output column is all text or all numbers); null when some column mixes formats. The
 * writer then sets one value on each run's range instead of a 2-D array of every cell's format:
 * "If the argument is a single value, it will be applied to all cells in the range" (Excel.Range
 * numberFormat, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member).
 * @example formatRuns([["@", "0%", "0%"], ["@", "0%", "0%"]]) // => [{ col: 0, count: 1, format: "@" }, { col: 1, count: 2, format: "0%" }]
 */
export function formatRuns(formats: readonly (readonly string[])[]): FormatRun[] | null {
  const first = formats[0];
  if (!first) return null;
  for (let r = 1; r < formats.length; r++) {
    const row = formats[r];
    if (row.length !== first.length) return null;
    for (let c = 0; c < first.length; c++) if (row[c] !== first[c]) return null;
  }
  const runs: FormatRun[] = [];
  for (let c = 0; c < first.length; c++) {
    const last = runs[runs.length - 1];
    if (last && last.format === first[c]) runs[runs.length - 1] = { ...last, count: last.count + 1 };
    else runs.push({ col: c, count: 1, format: first[c] });
  }
  return runs;
}

/** Request bytes of a block's number formats: one short operation per run, else the 2-D array. */
function formatBytes(formats: readonly (readonly string[])[]): number {
  const runs = formatRuns(formats);
  if (!runs) return utf8Bytes(JSON.stringify(formats));
  return runs.reduce((n, r) => n + OP_BYTES + utf8Bytes(JSON.stringify(r.format)), 0);
}

function blockBytes(b: Block): number {
  return utf8Bytes(JSON.stringify(b.values)) + formatBytes(b.formats) + (3 + 2 * Object.keys(b.style ?? {}).length) * OP_BYTES;
}

/**
 * Estimated size of an operation in a request, to plan the syncs under the budget.
 * @example opBytes({ op: "clearRules", sheet: "S", rect: { row: 0, col: 0, rows: 1, cols: 1 } }) // => 130
 */
export function opBytes(op: WriteOp): number {
  switch (op.op) {
    case "prepareSheet":
      return (op.target.charts.length + op.columnWidths.length + op.pageBreaks.length + 12) * OP_BYTES;
    case "cells":
      return blockBytes(op.block);
    case "statusRules":
      return 5 * 4 * OP_BYTES;
    case "columnWidths":
      return op.widths.length * OP_BYTES;
    case "chart":
      return (8 + (op.chart.seriesColours?.length ?? 0) * 2 + (op.chart.pointColours?.filter(Boolean).length ?? 0) * 3 + (op.chart.seriesMarkers?.length ?? 0) + (op.chart.xySeries?.length ?? 0) * 9) * OP_BYTES + op.chart.title.length;
    case "textFill":
      return 6 * OP_BYTES;
    case "addTableColumns":
      return op.names.length * OP_BYTES;
    case "setting":
      return OP_BYTES + JSON.stringify(op.value ?? null).length;
    default:
      return OP_BYTES;
  }
}

/** Request bytes of a block beyond its rows: its operations, its formats when they are one per column run, and the brackets. */
function blockFixedBytes(b: Block, runs: readonly FormatRun[] | null): number {
  const formats = runs ? runs.reduce((n, r) => n + OP_BYTES + utf8Bytes(JSON.stringify(r.format)), 0) : 2;
  return formats + 2 + (3 + 2 * Object.keys(b.style ?? {}).length) * OP_BYTES;
}

/**
 * Groups the operations, in order, into the syncs the writer makes, each under the budget. A cell
 * block is cut by rows where the pending request would pass the budget, so every sync is filled
 * (rows are measured exactly: the JSON of each row as it travels), and into pieces of at most
 * BLOCK_CHUNK_BYTES within a sync. An operation larger than the budget on its own goes alone, as
 * does a single row that is. A block with a line under it (a header) is never cut.
 * @example syncBatches([{ op: "setting", key: "k", value: 1 }]).length // => 1
 */
export function syncBatches(ops: readonly WriteOp[], budget = PAYLOAD_BUDGET_BYTES): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let pending = 0;
  const flush = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    pending = 0;
  };
  const place = (op: WriteOp, bytes: number) => {
    if (current.length > 0 && pending + bytes > budget) flush();
    current.push(op);
    pending += bytes;
  };
  for (const op of ops) {
    // A block drawn with a line under it is never cut, so the line stays under its last row only.
    if (op.op !== "cells" || op.block.values.length < 2 || op.block.style?.underline) {
      place(op, opBytes(op));
      continue;
    }
    const b = op.block;
    const runs = formatRuns(b.formats);
    const fixed = blockFixedBytes(b, runs);
    const cost = b.values.map((row, r) => utf8Bytes(JSON.stringify(row)) + 1 + (runs ? 0 : utf8Bytes(JSON.stringify(b.formats[r])) + 1));
    const total = cost.reduce((n, c) => n + c, 0);
    if (total <= BLOCK_CHUNK_BYTES && pending + fixed + total <= budget) {
      place(op, fixed + total);
      continue;
    }
    for (let r = 0; r < cost.length; ) {
      if (current.length > 0 && pending + fixed + cost[r] > budget) flush();
      const room = Math.min(budget - pending - fixed, BLOCK_CHUNK_BYTES);
      let bytes = cost[r];
      let end = r + 1;
      while (end < cost.length && bytes + cost[end] <= room) bytes += cost[end++];
      const piece: Block = r === 0 && end === cost.length ? b : { ...b, row: b.row + r, values: b.values.slice(r, end), formats: b.formats.slice(r, end) };
      current.push(piece === b ? op : { ...op, block: piece });
      pending += fixed + bytes;
      r = end;
    }
  }
  flush();
  return batches;
}

/**
 * The operations that lay out one add-in sheet: make or empty it, then its blocks, status rules and
 * charts, in that order.
 * @example sheetOps(spec, target)[0].op // => "prepareSheet"
 */
export function sheetOps(spec: SheetSpec, target: Target): WriteOp[] {
  const sheet = target.name;
  return [
    {
      op: "prepareSheet", target, columnWidths: spec.columnWidths, freezeRows: spec.freezeRows, landscape: spec.landscape,
      printTitleRows: spec.printTitleRows, pageBreaks: spec.pageBreaks ?? [], ...(spec.tabColour ? { tabColour: spec.tabColour } : {}),
    },
    ...spec.blocks.map((block): WriteOp => ({ op: "cells", sheet, block })),
    ...(spec.textFills ?? []).map((fill): WriteOp => ({ op: "textFill", sheet, fill })),
    ...spec.statusRanges.map((rect): WriteOp => ({ op: "statusRules", sheet, rect })),
    ...spec.charts.map((chart): WriteOp => ({ op: "chart", sheet, chart })),
  ];
}
