#!/usr/bin/env node
// The laa-scorecard command. The project runs TypeScript through tsx (no separate compile step for
// Node), so this registers tsx's require hook and hands the arguments to runCli in main.ts.
"use strict";
const path = require("node:path");
require("tsx/cjs");
const { runCli } = require(path.join(__dirname, "main.ts"));

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
