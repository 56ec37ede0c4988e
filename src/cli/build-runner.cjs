// Bundles the headless runner (src/cli/main.ts and what it imports from src/) into one CommonJS file
// with esbuild, so `npx laa-scorecard` starts without compiling TypeScript at every start (tsx). Packages
// stay external: they are installed with the runner's dependencies. esbuild comes with tsx, a runtime
// dependency, so this works after `npm ci --omit=dev` too. Run by npm's prepare step and by bin.cjs when
// the bundle is missing or older than a source file.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "laa-scorecard");
const OUT = path.join(OUT_DIR, "runner.cjs");

/** The newest modification time (ms) of any file under src/, which the bundle must not be older than. */
function newestSource(dir = path.join(ROOT, "src")) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function isFresh() {
  try {
    return fs.statSync(OUT).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

function build() {
  const esbuild = require("esbuild");
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${OUT}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    outfile: tmp,
    logLevel: "error",
    define: { __APP_VERSION__: JSON.stringify(require(path.join(ROOT, "package.json")).version) },
  });
  fs.renameSync(tmp, OUT);
  return OUT;
}

module.exports = { build, isFresh, OUT, newestSource };

if (require.main === module) {
  build();
  process.stdout.write(`laa-scorecard runner bundled: ${path.relative(ROOT, OUT)}\n`);
}
