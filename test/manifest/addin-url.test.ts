import * as fs from "fs";
import * as path from "path";
import { manifestFor, manifestVersion, resolveBaseUrl } from "../../src/scripts/addin-url.js";

// The production build's URL handling (docs/deploy.md): `--env url=` or ADDIN_URL.
const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("the add-in URL", () => {
  it("takes --env url first, then ADDIN_URL, and always ends it with /", () => {
    expect(resolveBaseUrl("https://example.org/laa", "https://other.example/")).toBe("https://example.org/laa/");
    expect(resolveBaseUrl(undefined, "https://intranet.example.gov.uk/addins/laa/")).toBe("https://intranet.example.gov.uk/addins/laa/");
    expect(resolveBaseUrl(undefined, undefined)).toBeUndefined();
    expect(resolveBaseUrl("  ", "")).toBeUndefined();
  });

  it("refuses plain http except on this machine's loopback address, and says why", () => {
    expect(() => resolveBaseUrl("http://example.org/laa/", undefined)).toThrow(/not https. Office only loads add-ins over HTTPS/);
    expect(resolveBaseUrl("http://127.0.0.1:8080/laa", undefined)).toBe("http://127.0.0.1:8080/laa/");
    expect(() => resolveBaseUrl("example.org/laa", undefined)).toThrow(/not an absolute URL.*\n.*--env url=/);
    expect(() => resolveBaseUrl("https://example.org/laa/?v=2", undefined)).toThrow(/query/);
  });

  it("makes the manifest's four-part Version from package.json's", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("2.10.3-beta.1")).toBe("2.10.3.0");
    expect(() => manifestVersion("two")).toThrow(/not major.minor.patch/);
  });

  it("moves every URL to the base and the AppDomain to its origin, keeping the Id", () => {
    const built = manifestFor(manifest, { version: "1.4.2", baseUrl: "https://example.org/laa/" });
    expect(built).not.toMatch(/localhost/);
    expect(built).toContain("<Version>1.4.2.0</Version>");
    expect(built).toContain("<AppDomain>https://example.org</AppDomain>");
    expect(built).toContain('<bt:Url id="Functions.Metadata.Url" DefaultValue="https://example.org/laa/functions.json"/>');
    expect(built).toContain('<IconUrl DefaultValue="https://example.org/laa/assets/icon-32.png"/>');
    expect(built).toContain('<SupportUrl DefaultValue="https://example.org/laa/taskpane.html"/>');
    expect(built.match(/<Id>[^<]*<\/Id>/)?.[0]).toBe(manifest.match(/<Id>[^<]*<\/Id>/)?.[0]);
    // Every URL in the built manifest is under the base or is its origin.
    const urls = [...built.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith("http://schemas.microsoft.com") && !u.startsWith("http://www.w3.org"));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url === "https://example.org" || url.startsWith("https://example.org/laa/")).toBe(true);
  });

  it("keeps localhost and sets only the Version without a base URL (the development manifest)", () => {
    const dev = manifestFor(manifest, { version: "0.1.0" });
    expect(dev).toContain("https://localhost:3000/taskpane.html");
    expect(dev).toContain("<Version>0.1.0.0</Version>");
  });
});
