/**
 * Validates an add-in manifest against Microsoft's add-in manifest XSDs, offline, with libxml2's
 * xmllint compiled to WebAssembly (the xmllint-wasm package, so no system package is needed).
 * The schema files and their provenance are in test/manifest/xsd/ (PROVENANCE.md there).
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

/** The folder holding OfficeAppManifestV1_1.xsd and the schemas it imports. */
export const XSD_DIR = path.resolve(__dirname, "../../test/manifest/xsd");

/** The errors xmllint reports, each with its line ("manifest.xml:39: ... Element 'Runtimes': ..."); [] when valid. */
export async function validateManifestXsd(xml: string, fileName = "manifest.xml"): Promise<string[]> {
  const schemas = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith(".xsd"));
  const main = "OfficeAppManifestV1_1.xsd";
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: { fileName: main, contents: fs.readFileSync(path.join(XSD_DIR, main), "utf8") },
    preload: schemas.filter((f) => f !== main).map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(XSD_DIR, f), "utf8") })),
  });
  if (result.valid) return [];
  return result.errors.map((e) => e.rawMessage.trim());
}
