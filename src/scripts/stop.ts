/**
 * npm stop. On Windows and Mac it ends the sideloading session with office-addin-debugging (which
 * also stops the dev server). On Linux, where npm start only serves the files, it stops the server
 * listening on the add-in's port, if there is one.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

const root = path.resolve(__dirname, "../..");
const port = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { config: { dev_server_port: number } }).config.dev_server_port;

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const result = spawnSync(bin, ["stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 0);
}

// Linux: find the process that listens on the port through /proc (no extra tools needed).
function listeningInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(":").pop() ?? "", 16);
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  return inodes;
}

const inodes = listeningInodes();
const pids: number[] = [];
for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m && inodes.has(m[1])) {
        pids.push(Number(pid));
        break;
      }
    }
  } catch {
    // Processes we may not inspect, or that ended while we looked, are not ours to stop.
  }
}
if (pids.length === 0) {
  console.log(`Nothing is serving the add-in on port ${port}.`);
} else {
  for (const pid of pids) process.kill(pid, "SIGTERM");
  console.log(`Stopped the add-in server on port ${port} (process ${pids.join(", ")}).`);
}
