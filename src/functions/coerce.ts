import { readNumber } from "../core/cells";
import { parsePolarity, type Polarity } from "../core/polarity";
import { fail, ok, type Result } from "../core/result";
import type { CellInput } from "./broadcast";

/**
 * Coercion of one argument cell to what the core expects. Missing numbers are #N/A (missing data),
 * text that is not a number is #VALUE! (bad input); each message names the argument.
 */
export function numberArg(raw: CellInput, name: string): Result<number> {
  const reading = readNumber(raw, name);
  switch (reading.kind) {
    case "number":
      return ok(reading.value);
    case "missing":
      return fail("na", `No ${name} (${reading.reason})`);
    case "invalid":
      return fail("value", reading.message);
  }
}

/** A polarity argument: omitted or blank is `higher`; unknown words are #VALUE!. */
export function polarityArg(raw: CellInput): Result<Polarity> {
  return parsePolarity(raw === "" ? null : raw);
}
