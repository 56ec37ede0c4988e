/**
 * The one A1 module (src/core/a1.ts) and the emulator's import-free copy (src/emulator/address.ts,
 * plus the chart references in src/emulator/xlsx-charts/refs.ts) agree on every address form,
 * sheet names with spaces, apostrophes, commas and brackets included. Expected forms are Excel's own:
 * a sheet name is quoted unless it is plain letters, digits, dots and underscores, and an apostrophe
 * inside it is doubled ('Bob''s data'!A1), as Range.address returns it.
 */
import * as a1 from "../../src/core/a1";
import * as emu from "../../src/emulator/address";
import * as refs from "../../src/emulator/xlsx-charts/refs";

const SHEETS = ["Data", "My data", "Bob's data", "NIs, 2008 (final)", "Q3 data", "Sheet1", "A1", "2009", "R1C1", "It's (a) test, really!"];
const QUOTED: Record<string, string> = {
  Data: "Data", "My data": "'My data'", "Bob's data": "'Bob''s data'", "NIs, 2008 (final)": "'NIs, 2008 (final)'", "Q3 data": "'Q3 data'",
};

describe("the A1 module and the emulator's copy agree", () => {
  it.each([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383])("column %i has the same letters and back", (c) => {
    expect(a1.columnLetters(c)).toBe(emu.columnLetters(c));
    expect(a1.columnIndex(a1.columnLetters(c))).toBe(c);
    expect(emu.columnIndex(a1.columnLetters(c))).toBe(c);
    // The chart references count columns from 1.
    expect(refs.columnLetters(c + 1)).toBe(a1.columnLetters(c));
  });

  it.each(SHEETS)("sheet %p is quoted the same way", (sheet) => {
    expect(a1.quoteSheetName(sheet)).toBe(emu.quoteSheetName(sheet));
    expect(refs.quoteSheet(sheet)).toBe(a1.quoteSheetName(sheet));
    if (QUOTED[sheet]) expect(a1.quoteSheetName(sheet)).toBe(QUOTED[sheet]);
  });

  it.each(SHEETS)("an address on sheet %p parses to the same sheet and box", (sheet) => {
    for (const ref of ["B3", "B3:H40", "$B$3:$H$40"]) {
      const address = a1.qualify(sheet, ref);
      const ours = a1.parseAddress(address);
      const theirs = emu.parseAddress(address);
      expect(ours.sheet).toBe(sheet);
      expect(theirs.sheet).toBe(sheet);
      expect([ours.top, ours.left, ours.bottom - ours.top + 1, ours.right - ours.left + 1]).toEqual([theirs.row, theirs.col, theirs.rowCount, theirs.colCount]);
      const chart = refs.parseSheetRange(address);
      expect([chart.sheet, chart.firstRow - 1, chart.firstCol - 1, chart.lastRow - 1, chart.lastCol - 1]).toEqual([sheet, ours.top, ours.left, ours.bottom, ours.right]);
      // And the emulator writes back what the module reads.
      expect(a1.parseAddress(emu.formatAddress(theirs, sheet))).toEqual(ours);
    }
  });

  it.each(SHEETS)("whole rows and whole columns on sheet %p parse to the same box, and are written back the same way", (sheet) => {
    // Excel's grid is 1,048,576 rows by 16,384 columns (A to XFD); whole rows span every column, whole
    // columns every row (Excel specifications and limits).
    const cases: [string, [number, number, number, number]][] = [
      ["1:20", [0, 0, 19, 16383]], ["$5:$5", [4, 0, 4, 16383]], ["A:C", [0, 0, 1048575, 2]], ["$XFD:$XFD", [0, 16383, 1048575, 16383]], ["20:1", [0, 0, 19, 16383]],
    ];
    for (const [ref, [top, left, bottom, right]] of cases) {
      const address = a1.qualify(sheet, ref);
      const ours = a1.parseAddress(address);
      const theirs = emu.parseAddress(address);
      expect([ref, ours]).toEqual([ref, { sheet, top, left, bottom, right }]);
      expect([ref, theirs.row, theirs.col, theirs.rowCount, theirs.colCount]).toEqual([ref, top, left, bottom - top + 1, right - left + 1]);
      expect(a1.qualify(sheet, a1.boxAddress(top, left, bottom, right))).toBe(emu.formatAddress(theirs, sheet));
      expect(a1.parseAddress(emu.formatAddress(theirs, sheet))).toEqual(ours);
    }
  });

  it("writes whole rows and columns as Excel does, and a box short of the edge as cells", () => {
    expect(a1.boxAddress(0, 0, 19, 16383)).toBe("1:20");
    expect(a1.boxAddress(0, 1, 1048575, 2)).toBe("B:C");
    expect(a1.boxAddress(0, 0, 19, 16382)).toBe("A1:XFC20");
    expect(a1.boxAddress(0, 0, 1048574, 2)).toBe("A1:C1048575");
  });

  it.each(["A0", "XFE1", "A1:XFE1", "0:3", "1:1048577", "A:XFE", "1:B", "A1:B2:C3", "", "'Q3 data'!"])("refuses %p, as the emulator does", (address) => {
    expect(() => a1.parseAddress(address)).toThrow(/parseAddress/);
    expect(() => emu.parseAddress(address)).toThrow();
  });

  it("splits a multi-area address only at commas outside quoted sheet names", () => {
    const areas = a1.splitAreas("'NIs, 2008 (final)'!A1:B2,'NIs, 2008 (final)'!A4:B5, 'Bob''s, data'!C3");
    expect(areas).toEqual(["'NIs, 2008 (final)'!A1:B2", "'NIs, 2008 (final)'!A4:B5", "'Bob''s, data'!C3"]);
    expect(areas.map((a) => a1.parseAddress(a).sheet)).toEqual(["NIs, 2008 (final)", "NIs, 2008 (final)", "Bob's, data"]);
  });
});
