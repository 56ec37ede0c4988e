/**
 * The core's date serials (src/core/periods.ts) and the emulator's import-free copy
 * (src/emulator/date-serial.ts) agree. Expected serials are Excel's own: =DATE(2009,3,31) is 39903,
 * =DATE(1970,1,1) is 25569, =DATE(2010,9,30)+0.25 is 40451.25 (6 am).
 */
import { dateToSerial, serialToDate, timeToSerial } from "../../src/core/periods";
import { dateOfSerial, EPOCH_1904, serialOf } from "../../src/emulator/date-serial";

describe("one date serial, in the core and the emulator", () => {
  it.each([
    [2009, 3, 31, 39903],
    [1970, 1, 1, 25569],
    [1900, 3, 1, 61],
    [2010, 9, 30, 40451],
  ])("%i-%i-%i is serial %i both ways", (y, m, d, serial) => {
    expect(dateToSerial(y, m, d)).toBe(serial);
    expect(serialOf(new Date(Date.UTC(y, m - 1, d)))).toBe(serial);
    expect(serialToDate(serial)).toEqual([y, m, d]);
    expect(dateOfSerial(serial).toISOString().slice(0, 10)).toBe(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  });

  it("keeps the time of day, and counts a 1904 workbook from 1 January 1904", () => {
    const six = Date.UTC(2010, 8, 30, 6);
    expect(timeToSerial(six)).toBe(40451.25);
    expect(serialOf(new Date(six))).toBe(40451.25);
    // In the 1904 system 31 March 2009 is 39903 - 1462 = 38441.
    expect(serialOf(new Date(Date.UTC(2009, 2, 31)), EPOCH_1904)).toBe(38441);
  });
});
