/**
 * The no-data-loss check on packages (src/cli/verify.ts), without the runner: small packages written
 * here by hand (ECMA-376 Part 1: a workbook, one sheet, styles and shared strings), the output a copy
 * of the input with one thing changed. Every expected list is what the check must say about that
 * one change: nothing when the change only respells the same thing, the cell and the aspect when
 * something the user made is lost.
 */
import JSZip from "jszip";
import { lostInPackages, lostInRoundTrip, type OwnedArea } from "../../src/cli/verify";

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

const STRINGS = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Budget</t></si><si><t xml:space="preserve">Board notes</t></si></sst>`;

/**
 * Notes!A1 "Budget" in bold (xf 1), B1 125000.5 (2 decimals, xf 3), A2 a date (serial 40000.123456789
 * under format 14, xf 2), B2:B3 a shared formula with cached results, row 4 28pt high, row 5 hidden,
 * column A 30 wide, C1:D1 merged.
 */
const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D5"/><cols><col min="1" max="1" width="30" customWidth="1"/></cols><sheetData>
<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="3"><v>125000.5</v></c><c r="C1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" s="2"><v>40000.123456789</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">B1*2</f><v>250001</v></c></row>
<row r="3"><c r="B3"><f t="shared" si="0"/><v>500002</v></c></row>
<row r="4" ht="28" customHeight="1"><c r="A4"><v>4</v></c></row>
<row r="5" hidden="1"><c r="A5" t="inlineStr"><is><t>Hidden working</t></is></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

async function pkg(parts: { sheet?: string; styles?: string; strings?: string } = {}): Promise<JSZip> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/styles.xml", parts.styles ?? STYLES);
  zip.file("xl/sharedStrings.xml", parts.strings ?? STRINGS);
  zip.file("xl/worksheets/sheet1.xml", parts.sheet ?? SHEET);
  return zip;
}

/** What the check says about the input against an output with the given replacement in its sheet XML. */
async function lostWhen(from: string | RegExp, to: string, owned: readonly OwnedArea[] = []): Promise<string[]> {
  const sheet = SHEET.replace(from, to);
  expect(sheet).not.toBe(SHEET);
  return lostInPackages(await pkg(), await pkg({ sheet }), owned);
}

describe("the no-data-loss check compares packages cell by cell", () => {
  it("finds nothing lost between a package and a copy of it, zipped or opened", async () => {
    expect(await lostInPackages(await pkg(), await pkg(), [])).toEqual([]);
    const bytes = await (await pkg()).generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await lostInRoundTrip(bytes, bytes, [])).toEqual([]);
  });

  it("names a user's cell the output dropped", async () => {
    expect(await lostWhen(`<c r="B1" s="3"><v>125000.5</v></c>`, "")).toEqual(["the value or formula of Notes!B1"]);
  });

  it("lets the add-in change cells in its own area and whole sheets it owns", async () => {
    const gone = `<c r="B1" s="3"><v>125000.5</v></c>`;
    expect(await lostWhen(gone, "", [{ sheet: "Notes", rect: { top: 0, left: 1, bottom: 0, right: 1 } }])).toEqual([]);
    expect(await lostWhen(gone, "", [{ sheet: "Notes", rect: null }])).toEqual([]);
  });

  it("names a changed value, a lost number format and a lost bold font by what changed", async () => {
    expect(await lostWhen("<v>125000.5</v>", "<v>125000.25</v>")).toEqual(["the value or formula of Notes!B1"]);
    // xf 0 has no number format where xf 3 has 2 decimals (built-in format 2, "0.00").
    expect(await lostWhen(`<c r="B1" s="3">`, `<c r="B1">`)).toEqual(["the number format of Notes!B1"]);
    expect(await lostWhen(`<c r="A1" s="1" t="s">`, `<c r="A1" t="s">`)).toEqual(["the font of Notes!A1"]);
  });

  it("reads the same look through differently numbered styles, and theme 1 text colour as the default", async () => {
    // The output's styles list the bold font first and renumber every xf; A1 points at the same look.
    const styles = STYLES.replace(/<fonts count="2"><font>(.*?)<\/font><font>(.*?)<\/font><\/fonts>/, "<fonts count=\"2\"><font>$2</font><font>$1</font></fonts>")
      .replace(/fontId="0"/g, "fontId=\"X\"").replace(/fontId="1"/g, "fontId=\"0\"").replace(/fontId="X"/g, "fontId=\"1\"");
    expect(styles).not.toBe(STYLES);
    expect(await lostInPackages(await pkg(), await pkg({ styles }), [])).toEqual([]);
    // The bold font without its colour: theme 1 untinted is the default text colour, so nothing changed.
    expect(await lostInPackages(await pkg(), await pkg({ styles: STYLES.replace(`<color theme="1"/>`, "") }), [])).toEqual([]);
    expect(await lostInPackages(await pkg(), await pkg({ styles: STYLES.replace(`<color theme="1"/>`, `<color rgb="FFFF0000"/>`) }), [])).toEqual(["the font of Notes!A1"]);
  });

  it("reads a shared string, an inline string and text runs without formats as the same text", async () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Bud</t></r><r><rPr></rPr><t>get</t></r></si><si><t>Board notes</t></si><si><t>Hidden working</t></si></sst>`;
    const sheet = SHEET.replace(`<c r="A5" t="inlineStr"><is><t>Hidden working</t></is></c>`, `<c r="A5" t="s"><v>2</v></c>`);
    expect(await lostInPackages(await pkg(), await pkg({ sheet, strings }), [])).toEqual([]);
    // A run with a colour of its own is rich text, which the writer does not keep.
    const rich = strings.replace("<rPr></rPr>", `<rPr><color rgb="FFFF0000"/></rPr>`);
    expect(await lostInPackages(await pkg(), await pkg({ sheet, strings: rich }), [])).toEqual(["the value or formula of Notes!A1"]);
  });

  it("reads a shared formula as the same formula written out in full, and names a wrong one", async () => {
    // B3 shares B2's B1*2, so in full it is B2*2 (the reference moves down one row).
    expect(await lostWhen(`<f t="shared" si="0"/>`, "<f>B2*2</f>")).toEqual([]);
    expect(await lostWhen(`<f t="shared" si="0"/>`, "<f>B1*2</f>")).toEqual(["the value or formula of Notes!B3"]);
  });

  it("reads a date back within the same millisecond as the same date, but not a plain number", async () => {
    // 40000.123456789 days and 40000.12345679 days differ by 1e-9 days = 0.09 ms.
    expect(await lostWhen("<v>40000.123456789</v>", "<v>40000.12345679</v>")).toEqual([]);
    const plain = SHEET.replace(`<c r="A2" s="2">`, `<c r="A2">`);
    const out = plain.replace("<v>40000.123456789</v>", "<v>40000.12345679</v>");
    expect(await lostInPackages(await pkg({ sheet: plain }), await pkg({ sheet: out }), [])).toEqual(["the value or formula of Notes!A2"]);
  });

  it("names a lost row height, a shown hidden row, a lost column width and lost merged cells", async () => {
    expect(await lostWhen(` ht="28" customHeight="1"`, "")).toEqual(["the height of row 4 on sheet Notes"]);
    expect(await lostWhen(`<row r="5" hidden="1">`, `<row r="5">`)).toEqual(["hidden row 5 on sheet Notes"]);
    expect(await lostWhen(` width="30" customWidth="1"`, "")).toEqual(["the width of column A on sheet Notes"]);
    expect(await lostWhen(/<mergeCells[\s\S]*?<\/mergeCells>/, "")).toEqual(["merged cells on sheet Notes"]);
  });

  it("counts the differing cells past the first five", async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `<row r="${10 + i}"><c r="A${10 + i}"><v>${i}</v></c></row>`).join("");
    const input = SHEET.replace("</sheetData>", `${rows}</sheetData>`);
    const lost = await lostInPackages(await pkg({ sheet: input }), await pkg(), []);
    expect(lost).toEqual(["the value or formula of Notes!A10", "the value or formula of Notes!A11", "the value or formula of Notes!A12", "the value or formula of Notes!A13", "the value or formula of Notes!A14", "3 more cells"]);
  });
});
