import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { randomBytes } from "crypto";
import { BUDGET_BYTES, initialScripts, kb, measureInitialScripts } from "../../src/scripts/bundle-size";

/** A dist folder holding a page and the scripts given, in a fresh temporary directory. */
function distWith(html: string, files: Record<string, Buffer | string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "laa-bundle-"));
  fs.writeFileSync(path.join(dir, "taskpane.html"), html);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

// The tag shapes HtmlWebpackPlugin writes in production (minified, unquoted) and development (quoted).
const PAGE =
  '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
  '<script src="office-js/office.js"></script>' +
  '<script defer src=functions.js></script><script defer="defer" src="taskpane.js"></script>';

describe("bundle budget", () => {
  test("counts the page's own scripts and leaves out office.js", () => {
    expect(initialScripts(PAGE)).toEqual(["functions.js", "taskpane.js"]);
  });

  test("measures each initial script gzipped", () => {
    const dir = distWith(PAGE, { "functions.js": "x".repeat(10_000), "taskpane.js": "const a = 1;\n".repeat(1000) });
    const sizes = measureInitialScripts(dir);
    expect(sizes.map((s) => s.file)).toEqual(["functions.js", "taskpane.js"]);
    expect(sizes[0].bytes).toBe(10_000);
    // Repeated text compresses: gzipped is far smaller than raw.
    expect(sizes[0].gzipped).toBeLessThan(200);
  });

  test("a page whose scripts do not compress below 300 KB is over budget", () => {
    // Random bytes do not compress, so 310 KB of them stays above the 300 KB budget after gzip.
    const dir = distWith(PAGE, { "functions.js": "", "taskpane.js": randomBytes(310 * 1024) });
    const total = measureInitialScripts(dir).reduce((sum, s) => sum + s.gzipped, 0);
    expect(total).toBeGreaterThan(BUDGET_BYTES);
  });

  test("says to build first when there is no build", () => {
    expect(() => measureInitialScripts(path.join(os.tmpdir(), "laa-no-such-dist"))).toThrow(/run npm run build first/);
  });

  test("says which script is missing", () => {
    const dir = distWith(PAGE, { "taskpane.js": "1" });
    expect(() => measureInitialScripts(dir)).toThrow(/functions\.js/);
  });

  test("prints sizes in KB with one decimal", () => {
    expect(kb(300 * 1024)).toBe("300.0 KB");
  });
});
