/**
 * The installed command works with the package's runtime dependencies only (`npm ci --omit=dev`):
 * bin.cjs runs the TypeScript through tsx, so tsx and every package the runner's code imports at run
 * time must be in `dependencies`, not `devDependencies`.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; bin: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|cjs)$/.test(name) ? [full] : [];
  });
}

/** Package names imported for their values (not `import type`) by a source file. */
function runtimeImports(source: string): string[] {
  const names = new Set<string>();
  const re = /^\s*(?:import(?!\s+type\b)[^'"]*?from\s*|import\s*|export\s+[^'"]*?from\s*)["']([^"'.][^"']*)["']|require\(["']([^"'.][^"']*)["']\)/gm;
  for (const m of source.matchAll(re)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith("node:")) continue;
    const parts = spec.split("/");
    names.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
  }
  return [...names];
}

const NODE_BUILTINS = new Set(["fs", "path", "os", "url", "util", "zlib", "stream", "crypto", "child_process", "events", "buffer", "assert", "module", "process", "readline", "worker_threads", "perf_hooks"]);

describe("npx laa-scorecard with runtime dependencies only", () => {
  it("prints its help and exits 0", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, pkg.bin["laa-scorecard"]), "--help"], { encoding: "utf8" });
    expect(out).toMatch(/^laa-scorecard: run LAA Scorecard's commands over \.xlsx workbooks/);
    expect(out).toContain("Usage:");
  });

  it("finds every package the runner, emulator, Excel layer and core import among the dependencies", () => {
    expect(pkg.dependencies.tsx).toBeDefined();
    const missing: string[] = [];
    for (const dir of ["src/cli", "src/emulator", "src/excel", "src/core", "src/samples"]) {
      for (const file of files(path.join(ROOT, dir))) {
        for (const name of runtimeImports(readFileSync(file, "utf8"))) {
          if (!NODE_BUILTINS.has(name) && !pkg.dependencies[name]) missing.push(`${path.relative(ROOT, file)} imports ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
