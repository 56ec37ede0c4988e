/**
 * Calling the worksheet functions the way Excel calls them, for the tests that call them directly.
 *
 * What Excel passes (Microsoft's documentation; the metadata is dist/functions.json, made by
 * custom-functions-metadata from the JSDoc in src/functions/functions.ts and then given
 * `allowErrorForDataTypeAny` by webpack.config.js):
 * - every parameter is `any[][]` ("matrix"), so one cell arrives as [[v]] and a range as its rows;
 * - an omitted optional argument arrives as null (custom-functions-parameter-options, "Custom
 *   parameters": an optional parameter that is not given is null); a formula with fewer than the
 *   required arguments is refused by Excel, so the function is never called;
 * - an error value, alone or inside a range, reaches the function only because the metadata sets
 *   `allowErrorForDataTypeAny` (custom-functions-json, "allowErrorForDataTypeAny"; custom-functions-errors,
 *   "Errors as custom function inputs"); without it Excel shows the error and never calls the function;
 * - as `allowCustomDataForDataTypeAny` is set too, an error arrives as an error cell value object,
 *   `{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }` (Excel.ErrorCellValue in
 *   @types/office-js; custom-functions-data-types-concepts).
 */
import * as fns from "../../src/functions/functions";
import { ALL_FUNCTIONS } from "./all-functions";

/** Excel's error codes and the `errorType` of their cell value objects (Excel.ErrorCellValueType). */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  "#N/A": "NotAvailable", "#VALUE!": "Value", "#DIV/0!": "Div0", "#REF!": "Ref", "#NAME?": "Name", "#NUM!": "Num",
  "#NULL!": "Null", "#SPILL!": "Spill", "#CALC!": "Calc", "#BUSY!": "Busy", "#GETTING_DATA": "GettingData",
};

/** An error value as Excel passes it to a function whose metadata allows errors and data types. */
export function excelError(code: string): { type: "Error"; basicType: "Error"; basicValue: string; errorType: string } {
  const errorType = ERROR_TYPES[code];
  if (errorType === undefined) throw new Error(`${code} is not an Excel error`);
  return { type: "Error", basicType: "Error", basicValue: code, errorType };
}

type Fn = (...args: unknown[]) => unknown[][];

/**
 * Wraps a worksheet function so a test's call reaches it as Excel's would: omitted optional arguments
 * (left out or undefined) become null, and too few or too many arguments fail the test (Excel would
 * refuse the formula).
 */
export function asExcel<F extends (...args: never[]) => unknown[][]>(fn: F): (...args: unknown[]) => unknown[][] {
  const entry = ALL_FUNCTIONS.find((f) => f.fn === (fn as unknown as Fn));
  if (entry === undefined) throw new Error("not one of the worksheet functions in all-functions.ts");
  return (...args: unknown[]) => {
    if (args.length < entry.required || args.length > entry.params) {
      throw new Error(`${entry.name} takes ${entry.required} to ${entry.params} arguments; Excel refuses a formula with ${args.length}`);
    }
    const padded = Array.from({ length: entry.params }, (_, i) => (args[i] === undefined ? null : args[i]));
    return (fn as unknown as Fn)(...padded);
  };
}

/** Every worksheet function, called as Excel calls it. */
export const excel = Object.fromEntries(
  Object.entries(fns).filter(([name]) => ALL_FUNCTIONS.some((f) => f.name === name.toUpperCase())).map(([name, fn]) => [name, asExcel(fn as Fn)]),
) as { readonly [K in keyof typeof fns]: (...args: unknown[]) => unknown[][] };
