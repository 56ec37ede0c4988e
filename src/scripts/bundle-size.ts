/**
 * The task pane's initial JavaScript and its gzipped size, for the bundle budget (at most
 * 300 KB gzipped). "Initial" means every script taskpane.html loads before the pane can show: the
 * page's own <script src> tags, which include any chunk webpack split off an entry (HtmlWebpackPlugin
 * writes those tags too). Chunks loaded later with import() are not initial. office.js is Microsoft's
 * and loaded from its CDN, so it is not counted.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";

/** The budget: 300 KB (300 x 1024 bytes) gzipped. */
export const BUDGET_BYTES = 300 * 1024;

/** One script and its sizes in bytes. */
export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipped: number;
}

/**
 * The local scripts an HTML page loads, in page order: absolute URLs and the development copy of
 * office.js (office-js/) are left out.
 *
 * @example
 * initialScripts('<script src=https://x/office.js></script><script defer src=taskpane.js></script>')
 * // => ["taskpane.js"]
 */
export function initialScripts(html: string): string[] {
  const scripts: string[] = [];
  const tag = /<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^([a-z]+:)?\/\//i.test(src) || src.startsWith("office-js/")) continue;
    scripts.push(src.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  return scripts;
}

/**
 * Gzipped size (level 9, as a server compressing static files would) of each initial script of
 * dist/taskpane.html. Throws when the page or a script it names is missing: build first.
 */
export function measureInitialScripts(distDir: string): ScriptSize[] {
  const page = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(page)) throw new Error(`measureInitialScripts: ${page} does not exist; run npm run build first`);
  const files = initialScripts(fs.readFileSync(page, "utf8"));
  if (!files.includes("taskpane.js")) throw new Error("measureInitialScripts: taskpane.html does not load taskpane.js");
  return files.map((file) => {
    const full = path.join(distDir, file);
    if (!fs.existsSync(full)) throw new Error(`measureInitialScripts: taskpane.html loads ${file}, which is not in ${distDir}`);
    const content = fs.readFileSync(full);
    return { file, bytes: content.length, gzipped: gzipSync(content, { level: 9 }).length };
  });
}

/**
 * Bytes as KB with one decimal, as the budget report prints them.
 *
 * @example
 * kb(1536) // => "1.5 KB"
 */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
