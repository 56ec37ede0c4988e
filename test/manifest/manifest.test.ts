import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkManifest, DOMAIN_FUNCTION_IDS } from "../../src/scripts/manifest-checks";

// Structural rules for manifest.xml (README, Deployment); DOMAIN_FUNCTION_IDS is docs/methods.md#functions's table.
const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const functionsJson = path.join(root, "dist", "functions.json");

describe("manifest.xml", () => {
  it("passes every offline check, including the built functions.json", () => {
    expect(fs.existsSync(functionsJson)).toBe(true); // npm test builds before it runs jest
    expect(checkManifest(manifest, { siteRoot: root, functionsJson })).toEqual([]);
  });

  it("fails a resid that does not resolve", () => {
    const broken = manifest.replace('<Label resid="RateRag.Label"/>', '<Label resid="RateRag.Missing"/>');
    expect(checkManifest(broken, { siteRoot: root })).toContain('<Label resid="RateRag.Missing"> does not resolve to any resource');
  });

  it("fails a FunctionFile or functions page that is not the shared runtime", () => {
    const withOwnPage = manifest
      .replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>');
    expect(checkManifest(withOwnPage, { siteRoot: root }).join("\n")).toMatch(/FunctionFile \(GetStarted.LearnMoreUrl\) is not the shared runtime/);
  });

  it("fails a non-https URL", () => {
    const http = manifest.replace('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"');
    expect(checkManifest(http, { siteRoot: root }).join("\n")).toMatch(/http:\/\/localhost:3000\/functions.json is not https/);
  });

  it("fails an icon that is missing or of the wrong pixel size", () => {
    const missing = manifest.replace("assets/icon-80.png", "assets/icon-81.png");
    expect(checkManifest(missing, { siteRoot: root }).join("\n")).toMatch(/Icon Icon.80x80 .* is missing/);
    const wrongSize = manifest.replace('<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>');
    expect(checkManifest(wrongSize, { siteRoot: root }).join("\n")).toMatch(/is 64x64, the manifest says 80x80/);
  });

  it("fails a Namespace element, which would force =NS.LAAGAP", () => {
    const namespaced = manifest.replace("</Metadata>", '</Metadata>\n<Namespace resid="Group.Label"/>');
    expect(checkManifest(namespaced, { siteRoot: root }).join("\n")).toMatch(/Namespace element is present/);
  });

  it("fails a function in functions.json that docs/methods.md#functions does not define", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "laa-manifest-"));
    const file = path.join(dir, "functions.json");
    fs.writeFileSync(file, JSON.stringify({ functions: [{ id: "LAAGAP" }, { id: "ADD" }] }));
    expect(checkManifest(manifest, { siteRoot: root, functionsJson: file })).toEqual(["functions.json defines ADD, which is not one of the add-in's worksheet functions"]);
  });
});

describe("dist/functions.json", () => {
  const metadata = JSON.parse(fs.readFileSync(functionsJson, "utf8")) as {
    functions: { id: string; name: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[]; result: { dimensionality?: string } }[];
  };
  it("defines only docs/methods.md#functions functions, each under its own unprefixed name", () => {
    for (const fn of metadata.functions) {
      expect(DOMAIN_FUNCTION_IDS).toContain(fn.id);
      expect(fn.name).toBe(fn.id);
    }
  });
  it("declares LAAGAP(actual, target, [polarity], [mode]) taking ranges and spilling", () => {
    const laagap = metadata.functions.find((f) => f.id === "LAAGAP");
    expect(laagap?.parameters.map((p) => [p.name, p.optional ?? false, p.dimensionality])).toEqual([
      ["actual", false, "matrix"],
      ["target", false, "matrix"],
      ["polarity", true, "matrix"],
      ["mode", true, "matrix"],
    ]);
    expect(laagap?.result.dimensionality).toBe("matrix");
  });
});
