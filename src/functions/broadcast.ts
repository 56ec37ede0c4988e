import { basicValueOf } from "./cell-values";
import { toCellError, type CellError, errorCodeOf } from "./errors";
import { functionMessages } from "./messages";
import type { Result } from "../core/result";

/**
 * Argument plumbing shared by every worksheet function (docs/methods.md#functions): each argument that
 * takes a single value also takes a range; ranges of one shape broadcast with single values and the
 * result spills in that shape. Arguments that are lists by nature (values, periods, statuses,
 * weights) are read whole by {@link listCells}. No arithmetic here: this only lines values up and
 * maps results.
 */

/** A cell value as a worksheet function receives it. Errors arrive as objects with a code. */
export type CellInput = number | string | boolean | null | undefined | object;

/** An argument as Excel delivers it: omitted (null), a single value, or a 2-D range. */
export type Arg = CellInput | CellInput[][];

/** What a cell of a function's result holds. */
export type CellOutput = number | string | boolean | CellError;

/** A plain value a function computes for one cell. */
export type CellValue = number | string | boolean;

/** A named argument, so that a shape mismatch can name the arguments involved. */
export interface NamedArg {
  readonly name: string;
  readonly value: Arg;
}

function isMatrix(value: Arg): value is CellInput[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/**
 * Normalises a cell: formatted numbers and entities become their basic value (cell-values.ts), error
 * objects their code text ("#N/A"), "" stays as text.
 */
function normaliseCell(raw: CellInput): CellInput {
  const value = basicValueOf(raw);
  if (value === null || typeof value !== "object") return value;
  const code = errorCodeOf(value);
  return code !== undefined ? code : value;
}

/** How one argument is read at a position of the common shape. */
type Reader = (i: number, j: number) => CellInput;

function readerOf(value: Arg): Reader {
  if (!isMatrix(value)) {
    const single = normaliseCell(value);
    return () => single;
  }
  if (value.length === 1 && value[0].length === 1) {
    const single = normaliseCell(value[0][0]);
    return () => single;
  }
  return (i, j) => normaliseCell(value[i][j]);
}

/** The common shape of the arguments, or the #VALUE! message naming two that differ. */
function commonShape(args: readonly NamedArg[]): { rows: number; cols: number } | { message: string } {
  let rows = 1;
  let cols = 1;
  let shapedBy: string | undefined;
  for (const arg of args) {
    if (!isMatrix(arg.value)) continue;
    const r = arg.value.length;
    const c = r === 0 ? 0 : arg.value[0].length;
    if (r === 1 && c === 1) continue;
    if (shapedBy === undefined) {
      rows = r;
      cols = c;
      shapedBy = arg.name;
    } else if (r !== rows || c !== cols) {
      return { message: functionMessages.shapeMismatch(shapedBy, rows, cols, arg.name, r, c) };
    }
  }
  if (rows === 0 || cols === 0) return { message: functionMessages.emptyRange(shapedBy as string) };
  return { rows, cols };
}

/**
 * Calls `compute` once per cell of the common shape of the arguments and returns the spilled result,
 * `width` output cells per input cell side by side (LAACI gives [lower, upper] for each input: a
 * column of r inputs spills r x 2). A 1x1 range counts as a single value. Arguments of different
 * shapes (other than 1x1) give one #VALUE! naming them. A failed cell fills its `width` cells with
 * its error.
 *
 * @example broadcastWide([{ name: "x", value: [[1], [2]] }], 2, ([x]) => ok([x, x])) // => [[1, 1], [2, 2]]
 */
export function broadcastWide(
  args: readonly NamedArg[],
  width: number,
  compute: (cells: CellInput[]) => Result<readonly CellValue[]>,
): CellOutput[][] {
  const shape = commonShape(args);
  if ("message" in shape) return [[toCellError({ kind: "value", message: shape.message })]];
  const readers = args.map((arg) => readerOf(arg.value));
  const cells: CellInput[] = new Array<CellInput>(readers.length);
  const out: CellOutput[][] = new Array<CellOutput[]>(shape.rows);
  for (let i = 0; i < shape.rows; i++) {
    const row: CellOutput[] = new Array<CellOutput>(shape.cols * width);
    for (let j = 0; j < shape.cols; j++) {
      for (let k = 0; k < readers.length; k++) cells[k] = readers[k](i, j);
      const result = compute(cells);
      if (result.ok) {
        for (let w = 0; w < width; w++) row[j * width + w] = result.value[w];
      } else {
        const error = toCellError(result.problem);
        for (let w = 0; w < width; w++) row[j * width + w] = error;
      }
    }
    out[i] = row;
  }
  return out;
}

/**
 * Calls `compute` once per cell of the common shape of the arguments and returns the spilled result.
 * A 1x1 range counts as a single value. Arguments of different shapes (other than 1x1) give one
 * #VALUE! naming them; inside a spilled result each cell carries its own error.
 *
 * @example broadcast([{ name: "actual", value: [[72], [80]] }, { name: "target", value: [[75]] }], ([a, t]) => ok(a)) // => [[72], [80]]
 */
export function broadcast(args: readonly NamedArg[], compute: (cells: CellInput[]) => Result<CellValue>): CellOutput[][] {
  const shape = commonShape(args);
  if ("message" in shape) return [[toCellError({ kind: "value", message: shape.message })]];
  const readers = args.map((arg) => readerOf(arg.value));
  const cells: CellInput[] = new Array<CellInput>(readers.length);
  const out: CellOutput[][] = new Array<CellOutput[]>(shape.rows);
  for (let i = 0; i < shape.rows; i++) {
    const row: CellOutput[] = new Array<CellOutput>(shape.cols);
    for (let j = 0; j < shape.cols; j++) {
      for (let k = 0; k < readers.length; k++) cells[k] = readers[k](i, j);
      const result = compute(cells);
      row[j] = result.ok ? result.value : toCellError(result.problem);
    }
    out[i] = row;
  }
  return out;
}

/**
 * The cells of a list argument (values, periods, statuses, weights: docs/methods.md#functions), row by
 * row, error objects as their code text. Omitted (null or undefined) is undefined; a single value
 * is a list of one.
 *
 * @example listCells([[1, 2], [3, null]]) // => [1, 2, 3, null]
 */
export function listCells(value: Arg): CellInput[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isMatrix(value)) return [normaliseCell(value)];
  const out: CellInput[] = [];
  for (const row of value) for (const cell of row) out.push(normaliseCell(cell));
  return out;
}

/**
 * The cells of an optional list argument (periods, weights, counts, a standard population): as
 * {@link listCells}, but a single blank cell or "" is the argument left out, so `=LAATREND(B2:B8, C1)`
 * with C1 empty uses the default as `=LAATREND(B2:B8)` does (docs/methods.md#functions: "Optional
 * arguments may be left out or blank").
 * @example optionalListCells([[""]]) // => undefined
 */
export function optionalListCells(value: Arg): CellInput[] | undefined {
  const cells = listCells(value);
  if (cells === undefined || (cells.length === 1 && (cells[0] === null || (typeof cells[0] === "string" && cells[0].trim() === "")))) return undefined;
  return cells;
}

/**
 * Wraps one value as the 1x1 result a function that gives a single number returns.
 * @example single(ok(1.8)) // => [[1.8]]
 */
export function single(result: Result<CellValue>): CellOutput[][] {
  return [[result.ok ? result.value : toCellError(result.problem)]];
}
