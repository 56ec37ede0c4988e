/**
 * What the end-to-end tests and the task pane bench share to look at the built pages: a static
 * server over a folder on 127.0.0.1, and Debian's Chromium with the launch flags that work on this
 * machine kind (CONTRIBUTING.md#toolchain-notes: no network, so background networking and updates are turned off).
 */
import { mkdtempSync, promises as fs } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium (.ci/run installs it); never a test tool's own browser download. */
export const CHROMIUM = "/usr/bin/chromium";

/** Launch flags measured on this machine kind (CONTRIBUTING.md#toolchain-notes, "Browser tests"). */
export const CHROMIUM_ARGS: readonly string[] = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".map": "application/json", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png", ".xml": "application/xml", ".css": "text/css", ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `dir` over http on 127.0.0.1 at a free port, plus any extra pages given by path
 * (e.g. { "/blank.html": "<!doctype html>..." }); paths outside `dir` are refused.
 */
export async function serveDirectory(dir: string, pages: Readonly<Record<string, string>> = {}): Promise<{ server: Server; base: string }> {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const page = pages[url.pathname];
      if (page !== undefined) {
        res.writeHead(200, { "Content-Type": TYPES[".html"] }).end(page);
        return;
      }
      const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await fs.readFile(file);
        res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Chromium with a fresh, empty profile (launchPersistentContext is how playwright takes --user-data-dir). */
export async function launchChromium(options: { acceptDownloads?: boolean } = {}): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(path.join(tmpdir(), "laa-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS], viewport: { width: 1440, height: 900 }, acceptDownloads: options.acceptDownloads ?? false,
  });
  return { context, profile };
}
