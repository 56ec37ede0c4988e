/**
 * Test-only bridge that registers the add-in's worksheet functions in HyperFormula (a real formula
 * engine; GPL-3, dev dependency only, CONTRIBUTING.md#toolchain-notes), so tests can type formulas with cell references
 * and see what spills, the way Excel calls custom functions:
 * - every argument arrives as a 2-D array (the functions declare matrix parameters), a single cell as [[v]];
 * - omitted optional arguments arrive as null;
 * - blank cells arrive as null; error values arrive as Excel's error cell value objects (as-excel.ts says why);
 * - results are 2-D arrays that spill; error cells become the engine's errors.
 */
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { WorksheetError } from "../../src/functions/errors";
import { excelError } from "./as-excel";

/** How a function's result is shaped, for the engine's parse-time spill prediction. */
export type ResultShape =
  // Common shape of these argument positions; `width` output columns per input cell (LAACI: 2, [lower, upper]).
  | { readonly kind: "broadcast"; readonly args: readonly number[]; readonly width?: number }
  | { readonly kind: "fixed"; readonly rows: number; readonly cols: number };

export interface BridgedFunction {
  readonly name: string;
  readonly fn: (...args: unknown[]) => unknown[][];
  readonly params: number;
  readonly required: number;
  readonly shape: ResultShape;
}

const EXCEL_CODE: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!", [ErrorType.NAME]: "#NAME?", [ErrorType.VALUE]: "#VALUE!", [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A", [ErrorType.REF]: "#REF!", [ErrorType.SPILL]: "#SPILL!",
};
const ENGINE_TYPE: Record<string, ErrorType> = { "#VALUE!": ErrorType.VALUE, "#N/A": ErrorType.NA, "#DIV/0!": ErrorType.DIV_BY_ZERO };

function toExcelCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return excelError(EXCEL_CODE[value.type] ?? "#VALUE!");
  if (value !== null && typeof value === "object" && "val" in value) return (value as { val: number }).val; // rich numbers (percent, currency)
  return value;
}

function toMatrix(value: unknown): unknown[][] {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toExcelCell));
  return [[toExcelCell(value)]];
}

function toEngineCell(value: unknown): unknown {
  if (value instanceof WorksheetError) return new CellError(ENGINE_TYPE[value.code], value.message);
  return value;
}

/** Registers the functions as one HyperFormula plugin (call once per test file, before building engines). */
export function registerFunctions(functions: readonly BridgedFunction[]): void {
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  class LaaPlugin extends FunctionPlugin {}
  const proto = LaaPlugin.prototype as unknown as Record<string, unknown>;
  for (const f of functions) {
    const method = `call_${f.name}`;
    const sizeMethod = `size_${f.name}`;
    implemented[f.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: Array.from({ length: f.params }, (_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i >= f.required })),
    };
    translations[f.name] = f.name;
    proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(
        ast.args, state, (this as unknown as { metadata: (n: string) => unknown }).metadata(f.name),
        (...args: unknown[]) => {
          const excelArgs = Array.from({ length: f.params }, (_, i) => (i < args.length && args[i] !== undefined ? toMatrix(args[i]) : null));
          const result = f.fn(...excelArgs).map((row) => row.map(toEngineCell));
          if (result.length === 1 && result[0].length === 1) return result[0][0];
          return SimpleRangeValue.onlyValues(result as never);
        },
      );
    };
    proto[sizeMethod] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      if (f.shape.kind === "fixed") return new ArraySize(f.shape.cols, f.shape.rows);
      const width = f.shape.width ?? 1;
      let size = new ArraySize(width, 1);
      // Size ranges as arrays (as HyperFormula's own array functions do with enableArrayArithmeticForArguments).
      const arrayState = { ...(state as object), arraysFlag: true };
      for (const i of f.shape.args) {
        if (i >= ast.args.length) continue;
        const argSize = (this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }).arraySizeForAst(ast.args[i], arrayState);
        // A cell range is sized with isRef set, which the engine treats as scalar: copy its width and height.
        if (argSize.width !== 1 || argSize.height !== 1) size = new ArraySize(argSize.width * width, argSize.height);
      }
      return size;
    };
  }
  (LaaPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(LaaPlugin, { enGB: translations, enUS: translations });
}

/** Builds an engine over one sheet of raw values and formulas. */
export function buildSheet(rows: unknown[][]): { hf: HyperFormula; sheet: number } {
  const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  return { hf, sheet: 0 };
}

/** A cell's value as the engine shows it; errors as their Excel code text. */
export function shown(hf: HyperFormula, sheet: number, row: number, col: number): unknown {
  const value = hf.getCellValue({ sheet, row, col });
  if (value !== null && typeof value === "object" && "type" in value) return EXCEL_CODE[(value as { type: ErrorType }).type] ?? "#ERROR";
  return value;
}
