/**
 * readPart unpacks a part once and remembers its text (src/emulator/xlsx-charts/package.ts), so the
 * runner's readers share one copy of a large sheet. The remembered text must never outlive the part:
 * a part written again, by writePart or by JSZip's own file(), reads back as its new text.
 */
import JSZip from "jszip";
import { readPart, writePart } from "../../src/emulator/xlsx-charts/package";

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
