import JSZip from "jszip";
import { zipPackage } from "../../src/cli/zip-deflate";

describe("zipping the output package with Node's zlib", () => {
  it("writes every part deflated with a correct CRC-32, changed, added and untouched parts alike", async () => {
    const input = new JSZip();
    input.file("xl/untouched.xml", "<a>" + "kept ".repeat(1000) + "</a>");
    input.file("xl/changed.xml", "<b>before</b>");
    const opened = await JSZip.loadAsync(await input.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    opened.file("xl/changed.xml", "<b>after, with 𝔘 and é</b>");
    opened.file("xl/added.xml", "<c>" + "new ".repeat(5000) + "</c>");
    const bytes = await zipPackage(opened);
    // JSZip checks each entry's CRC-32 against its inflated bytes when asked to.
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await back.file("xl/untouched.xml")!.async("string")).toBe("<a>" + "kept ".repeat(1000) + "</a>");
    expect(await back.file("xl/changed.xml")!.async("string")).toBe("<b>after, with 𝔘 and é</b>");
    expect(await back.file("xl/added.xml")!.async("string")).toBe("<c>" + "new ".repeat(5000) + "</c>");
    // 20,000 characters of one repeated word deflate to well under a tenth of their size.
    expect(bytes.length).toBeLessThan(2000);
  });
});
