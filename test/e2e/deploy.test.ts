/**
 * Deploying to an organisation (docs/deploy.md), end to end: a production build for a base URL under a
 * sub-path, served by a plain static server at that sub-path, as a council's web server would.
 * Checks every URL of the built manifest answers 200 with the right content type, no built file
 * mentions localhost, the manifest validates against Microsoft's XSDs, `npm run package` zips it, and
 * taskpane.html loads in Chromium requesting nothing outside its own origin but office.js's CDN.
 * Skipped with its reason outside CI when Chromium is missing; in CI a missing Chromium fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { CHROMIUM, launchChromium, serveDirectory } from "../support/browser";
import { validateManifestXsd } from "../../src/scripts/manifest-xsd";
import { packageSite } from "../../src/scripts/package";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };

const missing = existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install chromium)`;
const describeDeploy = missing === null || process.env.CI ? describe : describe.skip;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const EXPECTED_TYPE: Readonly<Record<string, RegExp>> = { ".png": /^image\/png/, ".js": /javascript/, ".json": /^application\/json/, ".html": /^text\/html/ };

describeDeploy(`a production build served under a sub-path${missing && !process.env.CI ? ` (skipped: ${missing})` : ""}`, () => {
  let server: Server;
  let base: string;
  let site: string;
  let dist: string;
  let manifest: string;

  beforeAll(async () => {
    if (missing) throw new Error(`The deploy end-to-end test cannot run: ${missing}`);
    site = mkdtempSync(path.join(tmpdir(), "laa-deploy-"));
    dist = path.join(site, "laa");
    ({ server, base } = await serveDirectory(site));
    const build = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `url=${base}/laa/`, "--output-path", dist], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}\n${build.stderr}`);
    manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
  }, 300_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it("answers every URL of the manifest with 200 and the right content type", async () => {
    const urls = [...new Set([...manifest.matchAll(/DefaultValue="(http[^"]+)"/g)].map((m) => m[1]))];
    expect(urls.length).toBeGreaterThanOrEqual(7); // icons 16/32/64/80, functions.js, functions.json, taskpane.html (distinct)
    for (const url of urls) {
      expect(url.startsWith(`${base}/laa/`)).toBe(true);
      const response = await fetch(url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.headers.get("content-type") ?? "").toMatch(EXPECTED_TYPE[path.extname(new URL(url).pathname)]);
    }
    expect(manifest).toContain(`<AppDomain>${base}</AppDomain>`);
    expect(manifest).toContain(`<Version>${version}.0</Version>`);
  });

  it("has no file that mentions localhost", () => {
    const mentioning = filesUnder(dist).filter((f) => /localhost/i.test(readFileSync(f, "latin1"))).map((f) => path.relative(dist, f));
    expect(mentioning).toEqual([]);
  });

  it("has a manifest that Microsoft's XSDs accept", async () => {
    expect(await validateManifestXsd(manifest)).toEqual([]);
  });

  it("packages into a zip of the site and a manifest to upload", async () => {
    const release = path.join(site, "release");
    const { zip, manifest: uploaded } = await packageSite(dist, release, version);
    expect(readFileSync(uploaded, "utf8")).toBe(manifest);
    const names = Object.keys((await JSZip.loadAsync(readFileSync(zip))).files);
    expect(names).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "manifest.xml", "assets/icon-80.png", "trident.js"]));
    // Zipping the production site took over jest's default 5 s on a 2-core machine under load.
  }, 60_000);

  it("loads taskpane.html in Chromium with no request outside its origin but office.js's, and shows the version", async () => {
    const { context, profile } = await launchChromium();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      // Microsoft's CDN cannot be reached from this machine; abort it at once, as a machine without
      // internet would, so the page shows what it shows outside Office.
      await page.route(`${OFFICE_JS_ORIGIN}/**`, (route) => route.abort());
      await page.goto(`${base}/laa/taskpane.html`);
      await page.getByText("Open this panel from Excel").waitFor({ timeout: 30_000 });
      await page.getByText(`Version ${version}`).waitFor({ timeout: 5_000 });
      const outside = requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith(`${OFFICE_JS_ORIGIN}/`) && !u.startsWith("data:"));
      expect(outside).toEqual([]);
      expect(requests).toContain(`${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
