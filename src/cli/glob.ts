/**
 * File patterns for the runner: `*` and `?` within one path segment, `**` across any number of
 * folders. Written here because Node 20 has no fs.glob and the glob packages present in
 * node_modules are only transitive (not declared), so the runner must not rely on them; the subset
 * needed is a few lines. Shells usually expand patterns first; this covers quoted patterns and
 * Windows shells, which do not.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * True when a path argument holds a pattern character.
 * @example hasPattern("area/*.xlsx") // => true
 */
export function hasPattern(arg: string): boolean {
  return /[*?]/.test(arg);
}

/**
 * A regular expression for one path segment: `*` any run of characters but "/", `?` one.
 * @example segmentRegExp("*.xlsx").test("north.xlsx") // => true
 */
export function segmentRegExp(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Walks the pattern's segments from `base`, collecting files that match. Hidden entries need a leading "." in the pattern. */
function walk(base: string, segments: readonly string[], out: string[]): void {
  if (segments.length === 0) {
    if (!isDir(base)) out.push(base);
    return;
  }
  const [head, ...rest] = segments;
  if (head === "**") {
    walk(base, rest, out);
    for (const name of list(base)) {
      const p = path.join(base, name);
      if (!name.startsWith(".") && isDir(p)) walk(p, segments, out);
    }
    return;
  }
  if (!hasPattern(head)) {
    walk(path.join(base, head), rest, out);
    return;
  }
  const re = segmentRegExp(head);
  for (const name of list(base)) {
    if (name.startsWith(".") && !head.startsWith(".")) continue;
    if (re.test(name)) walk(path.join(base, name), rest, out);
  }
}

/**
 * The files a pattern matches, sorted, relative to `cwd` when the pattern is relative.
 * A path without pattern characters is returned as it is (whether or not it exists), so a
 * missing file is reported by the step that reads it.
 * @example expandPattern("samples/*.xlsx", "/work") // => ["samples/a.xlsx", "samples/b.xlsx"]
 */
export function expandPattern(pattern: string, cwd: string): string[] {
  if (!hasPattern(pattern)) return [pattern];
  const normal = pattern.split(path.sep).join("/");
  const absolute = path.isAbsolute(normal);
  const segments = normal.split("/").filter((s, i) => s !== "" || i === 0);
  const root = absolute ? path.parse(pattern).root : "";
  const rel = absolute ? segments.slice(1) : segments;
  const out: string[] = [];
  walk(absolute ? root : cwd, rel.filter((s) => s !== "" && s !== "."), out);
  const found = absolute ? out : out.map((p) => path.relative(cwd, p));
  return [...new Set(found)].sort();
}
