/*
 * Task pane figures: the gzipped size of the pane's initial JavaScript (budget 300 KB,
 * BENCHMARKS.md) against React 18 + ReactDOM alone, and the time to first render of the pages in Debian's
 * Chromium against a static page with one heading served the same way. The build is made fresh into
 * a temporary folder (so the figures are of the current source, never of a stale dist/), unless
 * BENCH_DIST names a build to reuse.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext } from "playwright-core";
import { CHROMIUM, launchChromium, serveDirectory } from "../support/browser";

export { CHROMIUM };
import { BUDGET_BYTES, measureInitialScripts } from "../../src/scripts/bundle-size";
import { withRatio, type Row } from "./table";

const ROOT = path.resolve(__dirname, "..", "..");
/** Chromium flags known to work on this kind of machine (CONTRIBUTING.md#toolchain-notes, "Browser tests"). */
/** The heading every page measured here shows first: the pane's product name (App.tsx). */
const PANE_HEADING = "#product-name";
/** The baseline page: one static heading, no script. */
const BLANK_PAGE = "bench-blank.html";
const BLANK_HTML = '<!doctype html><html lang="en-GB"><head><meta charset="UTF-8"><title>Blank</title></head><body><h1 id="product-name">Blank</h1></body></html>';
const ROUNDS = Number(process.env.BENCH_RENDER_ROUNDS ?? 3);

/** Runs webpack (production) into `out`; throws with the end of its output when it fails. */
async function build(out: string): Promise<void> {
  const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [webpack, "--mode", "production", "--output-path", out], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`Task pane bench: the production build failed (exit ${code}):\n${output.join("").slice(-3000)}`);
}

/** Gzipped bytes (level 9, as bundle-size.ts measures) of the given files. */
function gzipped(files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

/** React 18 + ReactDOM production builds, gzipped: the floor for any React pane. */
function reactFloorBytes(): number {
  return gzipped([path.join(ROOT, "node_modules", "react", "cjs", "react.production.min.js"), path.join(ROOT, "node_modules", "react-dom", "cjs", "react-dom.production.min.js")]);
}


/** Serves `dir` (and the blank baseline page) on 127.0.0.1 at a free port. */
function serve(dir: string): Promise<{ server: Server; base: string }> {
  return serveDirectory(dir, { [`/${BLANK_PAGE}`]: BLANK_HTML });
}

/**
 * Installed before any page script: records performance.now() (milliseconds since navigation
 * started) in the first animation frame after the heading is in the document, i.e. when it is
 * rendered. A string, not a function: tsx adds helpers to compiled functions that the page lacks.
 */
function headingProbe(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const check = () => {
      if (!document.querySelector(selector)) return false;
      requestAnimationFrame(() => { if (window.__benchRendered === undefined) window.__benchRendered = performance.now(); });
      return true;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => { if (check()) observer.disconnect(); });
  })();`;
}

/** Milliseconds from navigation to the rendered heading of `url`, in a page of `context`. */
async function firstRender(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: headingProbe(PANE_HEADING) });
    await page.goto(url, { waitUntil: "commit" });
    // Functions, not strings: the pages' Content-Security-Policy forbids eval of strings.
    await page.waitForFunction(() => (window as unknown as { __benchRendered?: number }).__benchRendered !== undefined, undefined, { timeout: 60_000 });
    return await page.evaluate(() => (window as unknown as { __benchRendered: number }).__benchRendered);
  } finally {
    await page.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Medians over `ROUNDS` rounds; each round is a fresh Chromium with a fresh profile (so a cold
 * cache, as on a first open), which loads the blank page, then each page, one after the other.
 * Requests to other origins (office.js from Microsoft's CDN on taskpane.html) are aborted: there is
 * no internet here, and outside Office the pane renders without it.
 */
async function renderTimes(base: string, pages: readonly string[]): Promise<Map<string, number | Error>> {
  const times = new Map<string, number[]>([[BLANK_PAGE, []], ...pages.map((p) => [p, []] as [string, number[]])]);
  const failures = new Map<string, Error>();
  for (let round = 0; round < ROUNDS; round++) {
    const { context, profile } = await launchChromium();
    try {
      await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
      const warm = context.pages()[0] ?? (await context.newPage());
      await warm.goto("about:blank");
      for (const p of [BLANK_PAGE, ...pages]) {
        if (failures.has(p)) continue;
        try {
          times.get(p)?.push(await firstRender(context, `${base}/${p}`));
        } catch (error) {
          // A page that never shows its heading is reported in its row; the other pages still run.
          failures.set(p, error instanceof Error ? error : new Error(String(error)));
        }
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return new Map([...times].map(([p, list]) => [p, failures.get(p) ?? median(list)]));
}

/** Task pane rows: bundle size (with its budget) and first render of the pane and workbench pages. */
export async function benchTaskPane(): Promise<Row[]> {
  const area = "Task pane";
  const reuse = process.env.BENCH_DIST;
  const dist = reuse ? path.resolve(reuse) : mkdtempSync(path.join(tmpdir(), "laa-bench-dist-"));
  try {
    if (!reuse) await build(dist);
    const scripts = measureInitialScripts(dist);
    const total = scripts.reduce((sum, s) => sum + s.gzipped, 0);
    const rows: Row[] = [
      withRatio({
        area, figure: `Initial JavaScript of taskpane.html, gzipped (${scripts.map((s) => s.file).join(", ")})`, value: total / 1024, unit: "KB",
        baseline: "React 18 + ReactDOM alone", baselineValue: reactFloorBytes() / 1024, budget: `<= ${BUDGET_BYTES / 1024} KB`, pass: total <= BUDGET_BYTES,
      }),
    ];
    const pages = ["taskpane.html", ...(existsSync(path.join(dist, "workbench.html")) ? ["workbench.html"] : [])];
    if (!existsSync(CHROMIUM)) {
      for (const p of pages) rows.push({ area, figure: `First render of ${p} (navigation to the pane's heading)`, value: null, unit: "ms", note: `not measured: ${CHROMIUM} is missing (apt-get install chromium)` });
      return rows;
    }
    const { server, base } = await serve(dist);
    try {
      const times = await renderTimes(base, pages);
      const blank = times.get(BLANK_PAGE);
      if (blank instanceof Error || blank === undefined) throw new Error(`Task pane bench: the blank baseline page did not render: ${String(blank)}`);
      for (const p of pages) {
        const what = p === "workbench.html" ? "workbench.html (loads the sample, then the pane)" : "taskpane.html (outside Office, office.js blocked)";
        const ms = times.get(p);
        const figure = `First render of ${what}`;
        const baseline = { baseline: "static page with one heading", baselineValue: blank };
        if (ms instanceof Error || ms === undefined) {
          rows.push({ area, figure, value: null, unit: "ms", ...baseline, pass: false, note: `FAILED: the heading ${PANE_HEADING} never rendered: ${String(ms?.message ?? ms).split("\n")[0]}` });
        } else {
          rows.push(withRatio({ area, figure, value: ms, unit: "ms", ...baseline }));
        }
      }
    } finally {
      server.close();
    }
    return rows;
  } finally {
    if (!reuse) rmSync(dist, { recursive: true, force: true });
  }
}
