#!/usr/bin/env node
// The laa-scorecard command. It runs the runner bundled as JavaScript (build-runner.cjs: one esbuild
// bundle, made by npm's prepare step or here the first time), which starts in about a quarter of the time
// of compiling the TypeScript at every start through tsx (BENCHMARKS.md, runner start-up). A bundle older
// than any file under src/ is rebuilt first, so an edited source is never run stale; if bundling fails
// (an unusual install), the sources run through tsx as before.
"use strict";
const path = require("node:path");

function loadRunner() {
  try {
    const bundle = require("./build-runner.cjs");
    if (!bundle.isFresh()) bundle.build();
    return require(bundle.OUT);
  } catch {
    require("tsx/cjs");
    return require(path.join(__dirname, "main.ts"));
  }
}

/**
 * A large workbook is rated in a child Node with a larger young generation (--max-semi-space-size=32,
 * a V8 flag that cannot be set once Node has started): the runner makes millions of short-lived
 * strings and cells, and with V8's default 16 MB semi-space the minor collections alone took about
 * 4.7 s of a 100,000-row run, against 3.3 s at 32 MB (--trace-gc totals, BENCHMARKS.md); and with
 * --expose-gc, so that the runner can collect a phase's garbage before the next (collect.ts). Small
 * files run here, so the start-up of a one-workbook run is not doubled. Exit code and signal are passed on.
 */
function wantsLargeHeap(args) {
  const fs = require("node:fs");
  return args.some((a) => {
    if (/[*?[]/.test(a)) return true;
    try {
      const st = fs.statSync(a);
      // 2 MB: the size from which collect.ts counts a workbook as large (LARGE_WORKBOOK_BYTES).
      return st.isDirectory() || (st.isFile() && st.size >= 2 * 1024 * 1024);
    } catch {
      return false;
    }
  });
}

const LARGE_RUN_FLAGS = ["--max-semi-space-size=32", "--expose-gc"];
if (!process.execArgv.some((a) => a.startsWith("--max-semi-space-size")) && wantsLargeHeap(process.argv.slice(2))) {
  const child = require("node:child_process").spawnSync(process.execPath, [...process.execArgv, ...LARGE_RUN_FLAGS, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  if (!child.error) {
    if (child.signal) process.kill(process.pid, child.signal);
    process.exit(child.status ?? 1);
  }
}

const { runCli } = loadRunner();

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`laa-scorecard: unexpected failure: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
