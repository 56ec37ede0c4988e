/**
 * npm run validate: offline structural checks of manifest.xml (always), then Microsoft's online
 * validation service only when it can be reached, saying clearly which ran.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { checkManifest } from "./manifest-checks";
import { validateManifestXsd } from "./manifest-xsd";

const root = path.resolve(__dirname, "../..");
const manifest = path.join(root, "manifest.xml");
const functionsJson = path.join(root, "dist", "functions.json");
const hasBuild = fs.existsSync(functionsJson);

const problems = checkManifest(fs.readFileSync(manifest, "utf8"), { siteRoot: root, functionsJson: hasBuild ? functionsJson : undefined });
if (problems.length > 0) {
  console.error(`Offline manifest checks: ${problems.length} problem(s) in manifest.xml`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`Offline manifest checks: passed (resids, shared runtime, https URLs, icon sizes, no Namespace${hasBuild ? ", functions.json ids" : "; run npm run build to check functions.json too"}).`);

async function schemaCheck(): Promise<void> {
  const xml = fs.readFileSync(manifest, "utf8");
  const errors = await validateManifestXsd(xml);
  if (errors.length > 0) {
    console.error(`Microsoft's manifest XSDs: ${errors.length} problem(s) in manifest.xml`);
    for (const e of errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  console.log("Microsoft's manifest XSDs (offline, test/manifest/xsd/): passed.");
}

void schemaCheck().then(online);

function online(): void {
  const result = spawnSync(process.execPath, [require.resolve("office-addin-manifest/cli.js"), "validate", manifest], { encoding: "utf8", timeout: 60_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (/Unable to contact|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(output) || result.error) {
    console.log("Online validation: not run, Microsoft's validation service could not be reached from this machine.");
    process.exit(0);
  }
  console.log("Online validation (Microsoft's service):");
  console.log(output.trim());
  process.exit(result.status === 0 ? 0 : 1);
}
