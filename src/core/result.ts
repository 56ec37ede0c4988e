/**
 * Data problems are values, programmer misuse throws (docs/architecture.md).
 *
 * A `Result` is what a core function returns when its inputs come from a worksheet and may be
 * missing or wrong. The three problem kinds are the three Excel errors a worksheet function may show
 * (docs/methods.md#functions): `value` (#VALUE!, bad input), `na` (#N/A, missing data) and
 * `div0` (#DIV/0!, the definition divides by zero).
 */
export type ProblemKind = "value" | "na" | "div0";

/** A data problem: which Excel error it maps to and a sentence a person understands. */
export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
}

/** Either a value or the data problem that prevented it. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/**
 * Wraps a value as a successful result.
 * @example ok(3) // => { ok: true, value: 3 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Builds a failed result.
 * @example fail("na", "No actual") // => { ok: false, problem: { kind: "na", message: "No actual" } }
 */
export function fail<T = never>(kind: ProblemKind, message: string): Result<T> {
  return { ok: false, problem: { kind, message } };
}
