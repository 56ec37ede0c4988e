/**
 * npm start. Where desktop Excel sideloading is supported (Windows, Mac) it sideloads the add-in
 * with office-addin-debugging, which also starts the dev server. Where it is not (Linux) it does not
 * pretend: it makes development certificates if there are none, serves the add-in over https on
 * port 3000 and prints how to sideload manifest.xml into Excel on the web.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
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

async function main(): Promise<void> {
  if (process.platform === "win32" || process.platform === "darwin") {
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "excel"]);
    return;
  }
  const https = await ensureCertificates();
  const scheme = https ? "https" : "http";
  console.log(
    [
      "",
      `LAA Scorecard: desktop Excel sideloading is not available on ${process.platform}, so this serves the add-in instead.`,
      "",
      `  Add-in files:   ${scheme}://localhost:${port}/taskpane.html  (manifest: ${scheme}://localhost:${port}/manifest.xml)`,
      "",
      "To use it in Excel on the web:",
      "  1. Trust the development certificate authority in your browser:",
      `     ${path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt")}`,
      "  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > My Add-ins >",
      "     Upload My Add-in, and choose manifest.xml from this folder.",
      "  3. The LAA Scorecard group appears on the Home tab: Rate RAG and Open panel.",
      https ? "" : "\nNo certificates could be made, so the server runs on plain http: Excel on the web needs https.",
      "Stop the server with Ctrl+C (or npm stop).",
      "",
    ].join("\n"),
  );
  run(bin("webpack"), ["serve", "--mode", "development"]);
}

void main();
