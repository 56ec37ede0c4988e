/**
 * npm start. Where desktop Excel sideloading is supported (Windows, Mac) it sideloads the add-in
 * with office-addin-debugging, which also starts the dev server. Where it is not (Linux) it does not
 * pretend: it makes development certificates if there are none, serves the add-in over https on
 * port 3000 and prints how to sideload manifest.xml into Excel on the web. It also serves the
 * workbench (the real task pane beside a grid of an in-memory workbook, src/workbench), prints its
 * address and opens it in a browser when there is one to open (never failing when there is none).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import * as http from "http";
import * as https from "https";
import { generateCertificates } from "office-addin-dev-certs";

const root = path.resolve(__dirname, "../..");
const port = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { config: { dev_server_port: number } }).config.dev_server_port;
const bin = (name: string) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
}

async function ensureCertificates(): Promise<boolean> {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
  if (files.every((f) => fs.existsSync(f))) return true;
  try {
    fs.mkdirSync(dir, { recursive: true });
    await generateCertificates(files[0], files[1], files[2]);
    return true;
  } catch (error) {
    console.warn(`Could not make development certificates in ${dir}: ${(error as Error).message}`);
    return false;
  }
}

/** The program that opens a URL in the desktop's browser, or null on a machine without a desktop. */
function browserOpener(): string | null {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "xdg-open");
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Resolves once the dev server answers `url` (any status), or after about a minute. */
async function whenServing(url: string): Promise<boolean> {
  const get = url.startsWith("https") ? https.get : http.get;
  for (let i = 0; i < 60; i++) {
    const up = await new Promise<boolean>((resolve) => {
      // The development certificate may not be trusted by Node; only "is it up" matters here.
      const req = get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on("error", () => resolve(false));
    });
    if (up) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/** Opens the workbench in the desktop's browser when there is one; says so when there is not. */
async function openWorkbench(url: string): Promise<void> {
  const opener = browserOpener();
  if (!opener) {
    console.log(`No desktop browser to open here: open ${url} yourself.`);
    return;
  }
  if (!(await whenServing(url))) return;
  const child = spawn(opener, [url], { detached: true, stdio: "ignore" });
  child.on("error", (error) => console.warn(`Could not open a browser (${error.message}): open ${url} yourself.`));
  child.unref();
}

async function main(): Promise<void> {
  if (process.platform === "win32" || process.platform === "darwin") {
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "excel"]);
    return;
  }
  const secure = await ensureCertificates();
  const scheme = secure ? "https" : "http";
  const workbench = `${scheme}://localhost:${port}/workbench.html`;
  console.log(
    [
      "",
      `LAA Scorecard: desktop Excel sideloading is not available on ${process.platform}, so this serves the add-in instead.`,
      "",
      `  Workbench:      ${workbench}`,
      "                  the task pane working on the Anycity sample in your browser, no Excel needed:",
      "                  open your own .xlsx there and download the result.",
      `  Add-in files:   ${scheme}://localhost:${port}/taskpane.html  (manifest: ${scheme}://localhost:${port}/manifest.xml)`,
      "",
      "To use it in Excel on the web:",
      "  1. Trust the development certificate authority in your browser:",
      `     ${path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt")}`,
      "  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > My Add-ins >",
      "     Upload My Add-in, and choose manifest.xml from this folder.",
      "  3. The LAA Scorecard group appears on the Home tab: Rate RAG and Open panel.",
      secure ? "" : "\nNo certificates could be made, so the server runs on plain http: Excel on the web needs https.",
      "Stop the server with Ctrl+C (or npm stop).",
      "",
    ].join("\n"),
  );
  run(bin("webpack"), ["serve", "--mode", "development"]);
  void openWorkbench(workbench);
}

void main();
