/**
 * readPart unpacks a part once and remembers its text (src/emulator/xlsx-charts/package.ts), so the
 * runner's readers share one copy of a large sheet. The remembered text must never outlive the part:
 * a part written again, by writePart or by JSZip's own file(), reads back as its new text.
 */
import JSZip from "jszip";
import { readPart, writePart } from "../../src/emulator/xlsx-charts/package";
import { scanTopLevel } from "../../src/emulator/xlsx-charts/xml";

describe("readPart remembers a part's text only while the part is unchanged", () => {
  it("reads a part once, then gives its new text after each kind of write", async () => {
    const zip = await JSZip.loadAsync(await new JSZip().file("xl/a.xml", "<a>first</a>").generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    expect(await readPart(zip, "xl/a.xml")).toBe("<a>first</a>");
    expect(await readPart(zip, "xl/a.xml")).toBe("<a>first</a>");
    writePart(zip, "xl/a.xml", "<a>second</a>");
    expect(await readPart(zip, "xl/a.xml")).toBe("<a>second</a>");
    zip.file("xl/a.xml", "<a>third</a>");
    expect(await readPart(zip, "xl/a.xml")).toBe("<a>third</a>");
    // And the bytes zipped are the last text written.
    const again = await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" }));
    expect(await again.file("xl/a.xml")!.async("string")).toBe("<a>third</a>");
    expect(await readPart(zip, "xl/missing.xml")).toBeNull();
  });
});

describe("scanTopLevel steps over a sheet's cell data in one jump", () => {
  it("finds every child of a worksheet, before and after its cell data, at the same offsets as written", () => {
    const before = `<worksheet><dimension ref="A1:B2"/>`;
    const data = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`;
    const xml = `${before}${data}<pageMargins left="0.7"/><drawing r:id="rId1"/></worksheet>`;
    const outline = scanTopLevel(xml);
    expect(outline.children.map((c) => c.localName)).toEqual(["dimension", "sheetData", "pageMargins", "drawing"]);
    // sheetData starts where `before` ends and ends where its text ends (offsets counted from the strings above).
    expect([outline.children[1].start, outline.children[1].end]).toEqual([before.length, before.length + data.length]);
    expect(xml.slice(outline.children[3].start, outline.children[3].end)).toBe(`<drawing r:id="rId1"/>`);
    expect(outline.rootCloseStart).toBe(xml.length - "</worksheet>".length);
  });
});
