/**
 * Layer boundaries hold at every depth (docs/architecture.md, Layers). For each layer, a file planted
 * three folders deep (src/<layer>/a/b/c/planted.ts) importing a layer it must never import is linted
 * through ESLint's API (`lintText` with a filePath inside the tree the config covers, so nothing is
 * written to disk) and must fail with no-restricted-imports; the same file importing an allowed
 * layer must pass, so the rule is not simply rejecting everything.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

// [layer, a layer it must never import, a layer it may import]
const CASES: readonly (readonly [string, string, string | null])[] = [
  ["core", "excel/a1", null],
  ["core", "emulator/address", null],
  ["core", "samples/anycity", null],
  ["functions", "excel/a1", "core/gap"],
  ["excel", "taskpane/components/App", "core/gap"],
  ["excel", "emulator/address", "core/gap"],
  ["excel", "samples/anycity", "core/gap"],
  ["emulator", "core/gap", null],
  ["emulator", "excel/a1", null],
  ["commands", "taskpane/components/App", "excel/a1"],
  ["taskpane", "commands/commands", "excel/a1"],
  ["shared", "taskpane/components/App", "core/gap"],
];

const planted = (layer: string, target: string) => ({
  filePath: path.join(ROOT, "src", layer, "a", "b", "c", "planted.ts"),
  // From src/<layer>/a/b/c the way back to src is four levels up.
  code: `import { x } from "../../../../${target}";\nexport const y = x;\n`,
});

// ESLint loads eslint.config.mjs by dynamic import, which jest's module sandbox cannot do, so the
// linting runs in one plain Node child process for all the cases.
const LINT_SCRIPT = `
const { ESLint } = require("eslint");
const files = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const f of files) {
    const [r] = await eslint.lintText(f.code, { filePath: f.filePath });
    out.push(r.messages.map((m) => m.ruleId || m.message));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function lintAll(files: readonly { filePath: string; code: string }[]): string[][] {
  const run = spawnSync(process.execPath, ["-e", LINT_SCRIPT], { cwd: ROOT, input: JSON.stringify(files), encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

let forbidden: string[][] = [];
let allowed: (string[] | null)[] = [];
beforeAll(() => {
  const withAllowed = CASES.filter((c) => c[2] !== null);
  const results = lintAll([...CASES.map(([l, n]) => planted(l, n)), ...withAllowed.map(([l, , a]) => planted(l, a as string))]);
  forbidden = results.slice(0, CASES.length);
  let k = CASES.length;
  allowed = CASES.map((c) => (c[2] === null ? null : results[k++]));
}, 120_000);

describe("lint enforces layer boundaries three folders deep", () => {
  test.each(CASES.map((c, i) => [...c, i] as const))("src/%s/a/b/c may not import src/%s (but may import %s)", (_layer, _never, _ok, i) => {
    expect(forbidden[i]).toContain("no-restricted-imports");
    if (allowed[i] !== null) expect(allowed[i]).not.toContain("no-restricted-imports");
  });
});
