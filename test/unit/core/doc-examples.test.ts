import fs from "fs";
import path from "path";
import * as core from "../../../src/core";

// Style anchor (docs/architecture.md, simple-statistics): JSDoc `@example` lines whose `// =>` results are
// also tests. Every one-line example `@example expr // => expected` in src/core is evaluated here
// with the core's exports in scope and compared with its stated result (numbers to 1e-12 relative).
// A trailing "(...)" after the expected value is commentary (e.g. "(30 June 2009)") and is dropped. A number
// written with a trailing "..." (1.6234863901...) matches any value that begins with those digits. The
// expected side may name core functions ("// => wilsonInterval(65, 100)"). Every folder is covered, and an
// example whose stated result cannot be evaluated fails rather than being skipped.

const CORE = path.join(__dirname, "../../../src/core");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

interface Example {
  file: string;
  expr: string;
  expected: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of files(CORE)) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      const m = /^\s*\*\s*@example\s+(.+?)\s*\/\/ => (.+)$/.exec(line);
      if (!m) continue;
      out.push({ file: path.relative(CORE, file), expr: m[1], expected: m[2] });
    }
  }
  return out;
}

function close(a: unknown, b: unknown): boolean {
  if (b instanceof Approx) return b.matches(a);
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function scopeFor(file: string): Record<string, unknown> {
  // The module's own exports (some are not re-exported from the index) on top of the index's.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const own = require(path.join(CORE, file)) as Record<string, unknown>;
  return { ...core, ...own };
}

function evaluate(code: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  return new Function(...names, `return (${code});`)(...names.map((n) => scope[n]));
}

/** A number stated to so many digits: the actual value must begin with them. */
class Approx {
  constructor(readonly digits: string) {}
  matches(x: unknown): boolean {
    if (typeof x !== "number") return false;
    const places = (this.digits.split(".")[1] ?? "").length;
    // Truncated, not rounded: |x| lies in [|digits|, |digits| + one unit in the last place).
    const d = Math.abs(Number(this.digits));
    const unit = Math.pow(10, -places);
    return Math.sign(x) === Math.sign(Number(this.digits)) && Math.abs(x) >= d - unit * 1e-6 && Math.abs(x) < d + unit;
  }
}

/**
 * The stated result as code: "1.62..." becomes an Approx, and trailing commentary in brackets is dropped
 * (the longest prefix ending before " (" that evaluates; the whole text first). Throws when none does.
 */
function expectedValue(text: string, scope: Record<string, unknown>): unknown {
  const code = text.replace(/(-?\d+\.\d+)\.\.\./g, '__approx("$1")');
  const cuts = [code.length, ...[...code.matchAll(/\s+\(/g)].map((m) => m.index!).reverse()];
  let last: unknown;
  for (const cut of cuts) {
    try {
      return evaluate(code.slice(0, cut), { ...scope, __approx: (d: string) => new Approx(d) });
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`cannot evaluate the stated result "${text}": ${String(last)}`);
}

const runnable = examples();

describe("JSDoc examples in every folder of src/core say what the code does", () => {
  it("finds a good number of one-line examples to check", () => {
    expect(runnable.length).toBeGreaterThanOrEqual(60);
  });
  it.each(runnable.map((e) => [`${e.file}: ${e.expr}`, e] as const))("%s", (_name, e) => {
    const actual = evaluate(e.expr, scopeFor(e.file));
    const expected = expectedValue(e.expected, scopeFor(e.file));
    if (!close(actual, expected)) throw new Error(`${e.expr}\n  gives    ${JSON.stringify(actual)}\n  expected ${e.expected}`);
  });
});
