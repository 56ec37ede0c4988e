import type { Problem, ProblemKind } from "../core/result";

/**
 * The one place where a core data problem becomes an Excel error (docs/methods.md#functions):
 * bad input is #VALUE!, missing data #N/A, a division by zero #DIV/0!, each with its message.
 *
 * Inside Excel the result is a `CustomFunctions.Error`. `CustomFunctions` is only touched here, when
 * an error is built, so this module (and functions.ts) imports cleanly in Node; outside Office the
 * same information comes back as a plain {@link WorksheetError}.
 */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!";

const CODES: Readonly<Record<ProblemKind, ExcelErrorCode>> = { value: "#VALUE!", na: "#N/A", div0: "#DIV/0!" };

/** An Excel error outside Office (Node tests, the workbench and the formula-engine bridge). */
export class WorksheetError {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

/** What a worksheet function puts in a cell when it cannot give a value. */
export type CellError = CustomFunctions.Error | WorksheetError;

function customFunctionsErrorCode(code: ExcelErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "#VALUE!":
      return CustomFunctions.ErrorCode.invalidValue;
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    case "#DIV/0!":
      return CustomFunctions.ErrorCode.divisionByZero;
  }
}

/**
 * Turns a data problem into the error a cell shows.
 * @example toCellError({ kind: "div0", message: "The target is 0" }) // => #DIV/0! with that message
 */
export function toCellError(problem: Problem): CellError {
  const code = CODES[problem.kind];
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    // Excel drops the message of a #DIV/0! from a custom function ("A custom error message can't be
    // used", learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode), so
    // in Excel a division by zero is a #VALUE! whose message says so and why; #VALUE! and #N/A keep
    // their messages in the cell's error indicator menu. Outside Excel (workbench, runner) it stays #DIV/0!.
    if (code === "#DIV/0!") return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${DIVISION_BY_ZERO}${problem.message}`);
    return new CustomFunctions.Error(customFunctionsErrorCode(code), problem.message);
  }
  return new WorksheetError(code, problem.message);
}

/** How a division by zero's message starts in Excel, where it is shown as #VALUE!. */
export const DIVISION_BY_ZERO = "Division by zero (#DIV/0!): ";

/** The Excel error code text of an error value that arrived as an argument, or undefined. */
export function errorCodeOf(value: unknown): string | undefined {
  if (value instanceof WorksheetError) return value.code;
  if (value !== null && typeof value === "object" && "code" in value) {
    const code = (value as { code: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return code;
  }
  return undefined;
}
