/**
 * The end-to-end harness: a static server over dist/ on a free localhost port, and Debian's Chromium
 * driven by playwright-core (CONTRIBUTING.md#toolchain-notes, "Browser tests": never a test tool's own browser download).
 * When Chromium or the built workbench is missing, the tests skip with a title saying why, except in
 * CI (process.env.CI set), where .ci/run installs Chromium and builds first, so a missing piece fails.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromium, serveDirectory } from "../support/browser";

export { CHROMIUM };

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
/** Screenshots go here (git-ignored). */
export const OUTPUT = path.join(ROOT, "test-output", "e2e");

/** Why the end-to-end tests cannot run here, or null when they can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  if (!existsSync(path.join(DIST, "workbench.html"))) return "dist/workbench.html is missing (npm run build)";
  return null;
}

/**
 * `describe`, or outside CI a skipped describe whose title says what is missing. In CI a missing
 * prerequisite is a failing test, so the suite cannot pass by not running.
 */
export function describeE2e(title: string, body: () => void): void {
  const missing = missingPrerequisite();
  if (missing === null) {
    describe(title, body);
  } else if (process.env.CI) {
    describe(title, () => {
      it("has Chromium and a built workbench in CI", () => {
        throw new Error(`End-to-end tests cannot run: ${missing}`);
      });
    });
  } else {
    describe.skip(`${title} (skipped: ${missing})`, body);
  }
}

/** Serves dist/ over http on 127.0.0.1 at a free port; resolves to the server and its base URL. */
export function serveDist(): Promise<{ server: Server; base: string }> {
  return serveDirectory(DIST);
}

/** A browser session: Chromium with a fresh profile, one page, and the page's console errors. */
export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the flags known to work here and a fresh --user-data-dir. */
export async function launch(): Promise<Session> {
  const { context, profile } = await launchChromium({ acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under test-output/e2e/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
