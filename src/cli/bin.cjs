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
