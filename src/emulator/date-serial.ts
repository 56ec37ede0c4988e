/**
 * Excel date serials in the emulator. The emulator imports no product layer, so this is its own copy
 * of the core's conversion (src/core/periods.ts dateToSerial); test/unit/date-serial-agreement.test.ts
 * checks that the two agree.
 */

/** Serial of 1 January 1970 in the 1900 date system (days since 1899-12-30). */
export const EPOCH_1900 = 25569;
/** The 1904 date system counts from 1 January 1904, 1,462 days after the 1900 system's day 0. */
export const EPOCH_1904 = EPOCH_1900 - 1462;
export const MS_PER_DAY = 86_400_000;

/**
 * The serial of an instant, in the 1900 system unless another epoch is given.
 * @example serialOf(new Date(Date.UTC(2009, 2, 31))) // => 39903
 */
export function serialOf(date: Date, epoch = EPOCH_1900): number {
  return date.getTime() / MS_PER_DAY + epoch;
}

/**
 * The UTC instant of a serial (1900 system), to the millisecond.
 * @example dateOfSerial(39903).toISOString() // => "2009-03-31T00:00:00.000Z"
 */
export function dateOfSerial(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_1900) * MS_PER_DAY));
}
