/**
 * Excel passes formatted numbers and entity values to `any` arguments as objects, because the
 * functions' metadata sets allowCustomDataForDataTypeAny (custom-functions-metadata always writes it).
 * Microsoft: "Custom functions and data types", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts.
 * Each such object carries a `basicValue`: what Excel itself uses when a value of that type meets a
 * plain formula (a formatted number's number, a double's value, an entity's basic value). The
 * worksheet functions read that, so =LAAGAP(A1, 75) gives the same answer whether A1 holds 72 or
 * 72 formatted as "72.0%".
 */
import type { CellInput } from "./broadcast";

/** A cell value object: `{ type: "FormattedNumber", basicValue: 0.72, numberFormat: "0.0%" }` and the like. */
interface CellValueObject {
  readonly type: string;
  readonly basicValue?: unknown;
}

function isCellValueObject(value: object): value is CellValueObject {
  return "type" in value && typeof (value as { type: unknown }).type === "string" && "basicValue" in value;
}

/**
 * The basic value of a data-type object, or the input unchanged.
 * @example basicValueOf({ type: "FormattedNumber", basicValue: 1250, numberFormat: "#,##0" }) // => 1250
 */
export function basicValueOf(value: CellInput): CellInput {
  if (value === null || typeof value !== "object" || Array.isArray(value) || !isCellValueObject(value)) return value;
  const basic = value.basicValue;
  if (basic === null || basic === undefined || typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  return value;
}
