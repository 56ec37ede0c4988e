/**
 * Editing a sheet part around its rows (xlsx-charts/xml.ts aroundRows and withRowsBack): the runner
 * puts the user's print settings and drawings back into a large sheet this way, without copying its
 * rows at each edit. The expected texts are the inputs with the edit made by hand.
 */
import { aroundRows, joinAroundRows, splitAroundRows, withRowsBack } from "../../src/emulator/xlsx-charts/xml";

const ROWS = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Café &amp; bar £5</t></is></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData>`;
const SHEET = `<?xml version="1.0"?><worksheet><sheetPr/><dimension ref="A1:A2"/>${ROWS}<pageMargins left="0.7"/></worksheet>`;

describe("a sheet edited around its rows", () => {
  it("takes the rows out, leaving an empty sheetData in their place", () => {
    expect(aroundRows(SHEET)).toBe(`<?xml version="1.0"?><worksheet><sheetPr/><dimension ref="A1:A2"/><sheetData/><pageMargins left="0.7"/></worksheet>`);
  });

  it("puts the same rows back after edits before and after them, byte for byte", () => {
    const edited = aroundRows(SHEET)
      .replace("<sheetPr/>", `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
      .replace(`<pageMargins left="0.7"/>`, `<pageMargins left="0.25"/><pageSetup orientation="landscape"/>`);
    const pieces = withRowsBack(SHEET, edited);
    // By hand: the two edits made on the whole text.
    const expected = SHEET.replace("<sheetPr/>", `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`).replace(`<pageMargins left="0.7"/>`, `<pageMargins left="0.25"/><pageSetup orientation="landscape"/>`);
    expect(pieces.join("")).toBe(expected);
    // The rows go back as one piece, in UTF-8 the same bytes as the whole text's.
    expect(pieces).toContain(ROWS);
    expect(Buffer.concat(pieces.map((p) => Buffer.from(p, "utf8")))).toEqual(Buffer.from(expected, "utf8"));
  });

  it("joins what goes before and after the rows around an empty sheetData, and splits an edit of it back", () => {
    const around = joinAroundRows("<worksheet><sheetPr/>", "<pageMargins/></worksheet>");
    expect(around).toBe("<worksheet><sheetPr/><sheetData/><pageMargins/></worksheet>");
    expect(splitAroundRows(around.replace("<sheetPr/>", "<sheetPr/><cols/>"))).toEqual(["<worksheet><sheetPr/><cols/>", "<pageMargins/></worksheet>"]);
    // Without the empty sheetData there is no place for the rows.
    expect(splitAroundRows("<worksheet><pageMargins/></worksheet>")).toBeNull();
  });

  it("leaves a sheet with no rows, or with no sheetData, as it is", () => {
    const empty = `<worksheet><sheetData/><pageMargins/></worksheet>`;
    expect(aroundRows(empty)).toBe(empty);
    expect(withRowsBack(empty, empty).join("")).toBe(empty);
    const none = `<worksheet><pageMargins/></worksheet>`;
    expect(aroundRows(none)).toBe(none);
    expect(withRowsBack(none, `<worksheet><pageMargins left="1"/></worksheet>`)).toEqual([`<worksheet><pageMargins left="1"/></worksheet>`]);
  });
});
