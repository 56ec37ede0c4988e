import { columnIndex, columnLetters, formatAddress, parseAddress, quoteSheetName } from "../../src/emulator/address";

// A1 notation as Range.address gives it and Worksheet.getRange takes it:
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get
describe("A1 addresses", () => {
  it("turns column letters into indexes and back, up to XFD (16,384 columns, Excel specifications and limits)", () => {
    expect(columnIndex("A")).toBe(0);
    expect(columnIndex("Z")).toBe(25);
    expect(columnIndex("AA")).toBe(26);
    expect(columnIndex("XFD")).toBe(16383);
    for (const i of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(i))).toBe(i);
  });
  it("parses cells, ranges in either corner order, and absolute references", () => {
    expect(parseAddress("B3")).toEqual({ row: 2, col: 1, rowCount: 1, colCount: 1, kind: "cells" });
    expect(parseAddress("C10:A1")).toMatchObject({ row: 0, col: 0, rowCount: 10, colCount: 3 });
    expect(parseAddress("$A$1:$B$2")).toMatchObject({ row: 0, col: 0, rowCount: 2, colCount: 2 });
  });
  it("parses sheet-qualified addresses, quoted names with spaces and doubled apostrophes", () => {
    expect(parseAddress("Data!A1:B2")).toMatchObject({ sheet: "Data", rowCount: 2 });
    expect(parseAddress("'My data'!C3")).toMatchObject({ sheet: "My data", row: 2, col: 2 });
    expect(parseAddress("'Bob''s sheet'!A1")).toMatchObject({ sheet: "Bob's sheet" });
  });
  it("parses whole columns and whole rows over Excel's 1,048,576 x 16,384 grid", () => {
    expect(parseAddress("A:C")).toMatchObject({ row: 0, col: 0, rowCount: 1048576, colCount: 3, kind: "columns" });
    expect(parseAddress("2:5")).toMatchObject({ row: 1, col: 0, rowCount: 4, colCount: 16384, kind: "rows" });
  });
  it("refuses what is not an address, or lies off the sheet, with InvalidArgument", () => {
    for (const bad of ["", "A", "1A", "A1:B2:C3", "XFE1", "A1048577", "Sheet1!"]) {
      expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    }
  });
  it("writes addresses as Range.address does: sheet-qualified, A:A for columns, 2:2 for rows, quotes when needed", () => {
    expect(formatAddress({ row: 0, col: 0, rowCount: 2, colCount: 3 }, "Data")).toBe("Data!A1:C2");
    expect(formatAddress({ row: 4, col: 1, rowCount: 1, colCount: 1 }, "My data")).toBe("'My data'!B5");
    expect(formatAddress({ row: 0, col: 1, rowCount: 1048576, colCount: 1 }, "Data")).toBe("Data!B:B");
    expect(formatAddress({ row: 1, col: 0, rowCount: 1, colCount: 16384 })).toBe("2:2");
    expect(formatAddress({ row: 0, col: 0, rowCount: 2, colCount: 2 }, undefined, true)).toBe("$A$1:$B$2");
    expect(quoteSheetName("A1")).toBe("'A1'");
  });
});
