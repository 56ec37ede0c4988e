/**
 * The repository stands alone: nothing under src/, test/, docs/ or README.md points a reader at files
 * that a clone does not have (the project's former planning notes, or a folder beside the repository).
 * Code comments cite docs/methods.md#anchor, docs/architecture.md or CONTRIBUTING.md instead.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Files that may name those paths on purpose: this test, which spells the patterns, and the tests that
 * read the real public files beside the repository when they are there (each reports itself skipped,
 * with its reason, when they are not, and fails when CI is set).
 */
const ALLOWED = new Set(["test/unit/self-contained.test.ts", "test/cli/real-data.test.ts", "test/unit/core/methods/median-mads.test.ts"]);

// The folder beside the repository is `../shared` alone or its real-data/reference folders; `../shared/x`
// elsewhere is the product's own src/shared layer.
// Built from parts so that the list of names is readable and this file is the only one spelling them.
// A planning issue's number ("issue 16 case 2") means nothing to a reader of a clone either.
const ISSUE = new RegExp(`\\b${"issue"}s? #?\\d+`, "i");
const OUTSIDE = new RegExp(["DOMAIN", "ARCHITECTURE", "TOOLCHAIN"].map((n) => `\\b${n}\\.md\\b`).concat(["\\.\\./shared(?:/(?:real-data|reference|hooks)\\b|(?![/\\w-]))"]).join("|"));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === "dist") return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe("a clone of the repository is the whole product", () => {
  const files = [...walk(path.join(ROOT, "src")), ...walk(path.join(ROOT, "test")), ...walk(path.join(ROOT, "docs")), ...readdirSync(ROOT).filter((f) => f.endsWith(".md")).map((f) => path.join(ROOT, f))]
    .filter((f) => /\.(ts|tsx|cjs|js|mjs|json|md|html|css)$/.test(f))
    // The configuration at the top and CI's script carry comments too.
    .concat(["eslint.config.mjs", "webpack.config.js", "manifest.xml", "package.json", "tsconfig.json", path.join(".ci", "run")].map((f) => path.join(ROOT, f)));

  it("scans the source, tests, docs and every top-level .md (README, BENCHMARKS, CONTRIBUTING)", () => {
    const names = files.map((f) => path.relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(["webpack.config.js", "eslint.config.mjs", path.join(".ci", "run"), "README.md", "BENCHMARKS.md", "CONTRIBUTING.md", path.join("docs", "methods.md"), path.join("src", "core", "index.ts")]));
  });

  it("the patterns catch a planning citation (so the scan below can fail)", () => {
    expect(ISSUE.test(`as ${"Issue"} 16 case 2 says`)).toBe(true);
    expect(OUTSIDE.test(`see ${"ARCHITECTURE"}.md`)).toBe(true);
    expect(ISSUE.test("the issue date of 16 March")).toBe(false);
  });

  it("cites no file outside the repository and no planning issue", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const rel = path.relative(ROOT, file).split(path.sep).join("/");
      if (ALLOWED.has(rel)) continue;
      readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (OUTSIDE.test(line) || ISSUE.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
