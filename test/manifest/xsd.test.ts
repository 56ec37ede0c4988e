import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { validateManifestXsd } from "../../src/scripts/manifest-xsd";
import { manifestFor } from "../../src/scripts/addin-url.js";

// manifest.xml against Microsoft's add-in manifest XSDs (test/manifest/xsd/PROVENANCE.md). The rejected
// cases are ones the schema itself forbids: Runtime lifetime is short|long, resid is at most 32
// characters, Version is up to four dot-separated numbers, and OfficeApp's children come in order.
const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml against Microsoft's XSDs", () => {
  it("is valid, as written and as built for an organisation's host", async () => {
    expect(await validateManifestXsd(manifest)).toEqual([]);
    const built = manifestFor(manifest, { version: "0.1.0", baseUrl: "https://example.org/laa/" });
    expect(await validateManifestXsd(built)).toEqual([]);
  });

  it.each([
    ["a lifetime other than short or long", manifest.replace('lifetime="long"', 'lifetime="forever"'), /lifetime.*forever/],
    ["a permission that does not exist", manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteEverything</Permissions>"), /ReadWriteEverything/],
    ["a resid longer than 32 characters", manifest.replace('resid="Taskpane.Url" lifetime', `resid="${"R".repeat(41)}" lifetime`), /resid/],
    ["a five-part Version", manifest.replace("<Version>0.1.0.0</Version>", "<Version>0.1.0.0.7</Version>"), /Version/],
    ["Requirements after DefaultSettings", manifest.replace(/(\s*<Requirements>[\s\S]*?<\/Requirements>)([\s\S]*?<\/DefaultSettings>)/, "$2$1"), /Requirements|Permissions/],
  ])("rejects %s, naming the line", async (_name, broken, pattern) => {
    expect(broken).not.toEqual(manifest);
    const errors = await validateManifestXsd(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(/^manifest\.xml:\d+:/);
    expect(errors.join("\n")).toMatch(pattern);
  });
});

// One task pane under the shared runtime. Microsoft's "Configure your Office Add-in to use a shared
// runtime" (learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime,
// "Multiple task panes"): a shared runtime supports one task pane, and "any task pane without a
// <TaskpaneID> is considered a different task pane". So the one ShowTaskpane action keeps its TaskpaneId
// and opens the runtime's own page, the page Office.addin.showAsTaskpane() shows.
describe("one task pane", () => {
  const parsed = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: () => false }).parse(manifest);
  const host = parsed.OfficeApp.VersionOverrides.Hosts.Host;
  const actions: { "@_type": string; TaskpaneId?: string; SourceLocation?: { "@_resid": string } }[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "Action") (Array.isArray(value) ? value : [value]).forEach((a) => actions.push(a));
      collect(value);
    }
  };
  collect(host);

  it("has exactly one ShowTaskpane action, with a TaskpaneId, opening the shared runtime's page", () => {
    const panes = actions.filter((a) => a["@_type"] === "ShowTaskpane");
    expect(panes).toHaveLength(1);
    expect(panes[0].TaskpaneId).toBe("LAA.Taskpane");
    expect(panes[0].SourceLocation?.["@_resid"]).toBe(host.Runtimes.Runtime["@_resid"]);
    expect(host.Runtimes.Runtime["@_lifetime"]).toBe("long");
  });
});
