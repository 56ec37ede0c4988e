/**
 * Errors the emulator raises, with Excel's codes and messages, in one place.
 *
 * Codes and messages: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
 * (Excel.ErrorCodes) and office.js's own resource strings for OfficeExtension.ErrorCodes
 * (PropertyNotLoaded, InvalidObjectPath ...; @microsoft/office-js dist/excel-*.js).
 * Shape: https://learn.microsoft.com/javascript/api/office/officeextension.error (code, message,
 * debugInfo with errorLocation), which is what add-in code inspects in its catch blocks.
 */

/** The error codes the emulator can give: a subset of Excel.ErrorCodes and OfficeExtension.ErrorCodes. */
export type EmulatorErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "InvalidObjectPath"
  | "RunMustReturnPromise"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "MergedRangeConflict"
  | "NotImplemented"
  | "NonBlankCellOffSheet"
  | "GeneralException";

/** Excel's message for each code (English, as Excel on the web gives them). */
export const errorMessages: Record<EmulatorErrorCode, string> = {
  PropertyNotLoaded: "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidObjectPath: "The object path '{0}' isn't working for what you're trying to do.",
  RunMustReturnPromise: "The batch function passed to the \".run\" method didn't return a promise.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  MergedRangeConflict: "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NotImplemented: "The requested feature isn't implemented.",
  NonBlankCellOffSheet: "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  GeneralException: "There was an internal error while processing the request.",
};

/** What Excel attaches to an error: where in the batch it happened. */
export interface EmulatorDebugInfo {
  readonly code: string;
  readonly message: string;
  /** e.g. "Worksheets.getItem" or "Range.values". */
  readonly errorLocation?: string;
  /** Emulator detail, e.g. which sheet was not found or the payload size. */
  readonly detail?: string;
}

/**
 * An error as office.js raises it (OfficeExtension.Error): `name`, `code`, `message`, `debugInfo`.
 * `detail` (optional) is appended to the message so tests and people can see what was wrong.
 */
export class EmulatorError extends Error {
  readonly code: EmulatorErrorCode;
  readonly debugInfo: EmulatorDebugInfo;
  /** office.js calls its errors "RichApi.Error". */
  override readonly name = "RichApi.Error";

  constructor(code: EmulatorErrorCode, detail?: string, errorLocation?: string, arg?: string) {
    const base = errorMessages[code].replace("{0}", arg ?? "");
    super(detail ? `${base} (${detail})` : base);
    this.code = code;
    this.debugInfo = { code, message: base, ...(errorLocation ? { errorLocation } : {}), ...(detail ? { detail } : {}) };
  }
}

/**
 * True when `e` is an emulator (Excel-like) error with the given code.
 * @example isExcelError(new EmulatorError("ItemNotFound"), "ItemNotFound") // => true
 */
export function isExcelError(e: unknown, code?: EmulatorErrorCode): e is EmulatorError {
  return e instanceof EmulatorError && (code === undefined || e.code === code);
}
