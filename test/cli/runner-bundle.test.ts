/**
 * The laa-scorecard command runs the runner as one bundled JavaScript file (src/cli/build-runner.cjs),
 * rebuilt whenever a source file is newer, so a user never runs stale code and start-up does not
 * compile TypeScript (BENCHMARKS.md, runner start-up).
 */
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = require("../../src/cli/build-runner.cjs") as { build: () => string; isFresh: () => boolean; OUT: string; newestSource: () => number };
const BIN = path.join(__dirname, "..", "..", "src", "cli", "bin.cjs");

describe("the bundled runner", () => {
  it("is built from the sources and answers --help as the command does", async () => {
    bundle.build();
    expect(bundle.isFresh()).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCli } = require(bundle.OUT) as { runCli: (args: string[], io: unknown) => Promise<number> };
    let out = "";
    const code = await runCli(["--help"], { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: () => true }, isTTY: false, columns: 80 });
    expect(code).toBe(0);
    const viaCommand = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(viaCommand.status).toBe(0);
    expect(out).toBe(viaCommand.stdout);
    expect(out).toMatch(/laa-scorecard/);
  });

  it("counts as stale when a source file is newer, and the command rebuilds it", () => {
    bundle.build();
    const old = new Date(bundle.newestSource() - 60_000);
    fs.utimesSync(bundle.OUT, old, old);
    expect(bundle.isFresh()).toBe(false);
    const run = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(bundle.isFresh()).toBe(true);
  });
});
