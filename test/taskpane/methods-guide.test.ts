import * as fs from "fs";
import * as path from "path";
import { METHODS_GUIDE_URL } from "../../src/taskpane/components/App";

// The built methods guide, dist/methods.html (webpack.config.js turns docs/methods.md into it), that the
// task pane's "Methods guide" link opens: it must be there, run nothing, and have every anchor that the
// README, the docs and the code cite as docs/methods.md#anchor, so methods.html#anchor reaches the same
// section. `npm test` builds before jest; in a worktree run `npx webpack --mode production` first.

const ROOT = path.join(__dirname, "..", "..");
const page = path.join(ROOT, "dist", METHODS_GUIDE_URL);

/**
 * Cited but not (yet) sections of docs/methods.md itself, so no page made from it can have them:
 * CONTRIBUTING's placeholder `docs/methods.md#anchor`.
 */
const NOT_IN_THE_GUIDE: readonly string[] = ["anchor"];

/** Every file that may cite the guide by anchor: README, CONTRIBUTING, docs and src. */
function citingFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return [path.join(ROOT, "README.md"), path.join(ROOT, "CONTRIBUTING.md"), ...walk(path.join(ROOT, "docs")), ...walk(path.join(ROOT, "src"))]
    .filter((f) => /\.(md|ts|tsx|js)$/.test(f));
}

/** The anchors cited as methods.md#anchor (and #anchor inside methods.md itself). */
function citedAnchors(): string[] {
  const anchors = new Set<string>();
  for (const file of citingFiles()) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/methods\.md#([A-Za-z0-9_-]+)/g)) anchors.add(m[1]);
    if (path.basename(file) === "methods.md") for (const m of text.matchAll(/\]\(#([A-Za-z0-9_-]+)\)/g)) anchors.add(m[1]);
  }
  return [...anchors].sort();
}

describe("the methods guide page the task pane links to (dist/methods.html)", () => {
  const built = fs.existsSync(page);
  it("has been built (npm test builds it; in a worktree run npx webpack --mode production)", () => {
    expect(built).toBe(true);
  });
  const html = built ? fs.readFileSync(page, "utf8") : "";
  // The production build minifies the page, so attributes may be unquoted (id=funnel).
  const ids = new Set([...html.matchAll(/\sid=(?:"([^"]+)"|([^\s">]+))/g)].map((m) => m[1] ?? m[2]));

  it("keeps every anchor of docs/methods.md", () => {
    const source = fs.readFileSync(path.join(ROOT, "docs", "methods.md"), "utf8");
    const defined = [...source.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(defined.length).toBeGreaterThan(30);
    expect(defined.filter((a) => !ids.has(a))).toEqual([]);
  });

  it("has an anchor for every docs/methods.md#anchor the README, docs and code cite", () => {
    const cited = citedAnchors();
    // Sections the README and code name, so an empty scan cannot pass.
    expect(cited).toEqual(expect.arrayContaining(["tolerance", "funnel", "functions", "polarity", "spc"]));
    expect(cited.filter((a) => !ids.has(a) && !NOT_IN_THE_GUIDE.includes(a))).toEqual([]);
  });

  it("is the guide as HTML, not Markdown: its sections are headings and its tables are tables", () => {
    expect(html).toMatch(/<h2>Funnel plots<\/h2>/);
    expect(html).toMatch(/<table>/);
    expect(html).toContain("<code>LAAFUNNEL(numerators, denominatorsOrRates, [type], [multiplier], [years], [populations])</code>");
    expect(html).not.toMatch(/^#+ /m);
  });

  it("runs no script and says so in its Content-Security-Policy", () => {
    expect(html).not.toMatch(/<script/i);
    const csp = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-eval/);
  });
});
