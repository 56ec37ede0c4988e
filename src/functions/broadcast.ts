import { toCellError, type CellError, errorCodeOf } from "./errors";
import type { Result } from "../core/result";

/**
 * Argument plumbing shared by every worksheet function (DOMAIN.md section 10): each argument that
 * takes a single value also takes a range; ranges of one shape broadcast with single values and the
 * result spills in that shape. No arithmetic here: this only lines values up and maps results.
 */

/** A cell value as a worksheet function receives it. Errors arrive as objects with a code. */
export type CellInput = number | string | boolean | null | undefined | object;

/** An argument as Excel delivers it: omitted (null), a single value, or a 2-D range. */
export type Arg = CellInput | CellInput[][];

/** What a cell of a function's result holds. */
export type CellOutput = number | string | boolean | CellError;

/** A named argument, so that a shape mismatch can name the arguments involved. */
export interface NamedArg {
  readonly name: string;
  readonly value: Arg;
}

function isMatrix(value: Arg): value is CellInput[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Normalises a cell: error objects become their code text ("#N/A"), "" stays as text. */
function normaliseCell(value: CellInput): CellInput {
  const code = errorCodeOf(value);
  return code !== undefined ? code : value;
}

/**
 * Calls `compute` once per cell of the common shape of the arguments and returns the spilled result.
 * A 1x1 range counts as a single value. Arguments of different shapes (other than 1x1) give one
 * #VALUE! naming them.
 */
export function broadcast(args: readonly NamedArg[], compute: (cells: CellInput[]) => Result<number | string | boolean>): CellOutput[][] {
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
      return [[toCellError({ kind: "value", message: `${shapedBy} is ${rows}x${cols} but ${arg.name} is ${r}x${c}: ranges must be the same shape, or a single cell` })]];
    }
  }
  const out: CellOutput[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: CellOutput[] = [];
    for (let j = 0; j < cols; j++) {
      const cells = args.map(({ value }) => {
        if (!isMatrix(value)) return normaliseCell(value);
        const single = value.length === 1 && value[0].length === 1;
        return normaliseCell(single ? value[0][0] : value[i][j]);
      });
      const result = compute(cells);
      row.push(result.ok ? result.value : toCellError(result.problem));
    }
    out.push(row);
  }
  return out;
}
