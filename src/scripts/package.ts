/**
 * npm run package: after `npm run build -- --env url=https://host/path/`, writes
 *   release/laa-scorecard-<version>-site.zip  the files to copy to the static HTTPS host (dist/ as it is)
 *   release/manifest.xml                      the manifest to upload in the Microsoft 365 admin centre
 * and refuses when dist/ has no manifest or its manifest points at localhost (docs/deploy.md).
 * Usage: tsx src/scripts/package.ts [distDir] [releaseDir]
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { HOW_TO_GIVE_URL } from "./addin-url.js";

const root = path.resolve(__dirname, "../..");

/** Every file under dir, as paths relative to it with "/" separators, sorted. */
function filesUnder(dir: string, prefix = ""): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
    })
    .sort();
}

/** Builds the zip and the manifest; returns their paths, or throws a message for the person running it. */
export async function packageSite(dist: string, release: string, version: string): Promise<{ zip: string; manifest: string; files: number }> {
  const manifestPath = path.join(dist, "manifest.xml");
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${path.relative(root, manifestPath) || manifestPath} is missing: the build was made without the add-in's URL.\n${HOW_TO_GIVE_URL}`);
  }
  const manifest = fs.readFileSync(manifestPath, "utf8");
  if (/localhost/i.test(manifest)) {
    throw new Error(`dist/manifest.xml points at localhost (a development build). Build for your host first.\n${HOW_TO_GIVE_URL}`);
  }
  const zip = new JSZip();
  const files = filesUnder(dist);
  for (const rel of files) zip.file(rel, fs.readFileSync(path.join(dist, rel)), { date: new Date("2000-01-01T00:00:00Z") });
  fs.mkdirSync(release, { recursive: true });
  const zipPath = path.join(release, `laa-scorecard-${version}-site.zip`);
  fs.writeFileSync(zipPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const manifestOut = path.join(release, "manifest.xml");
  fs.writeFileSync(manifestOut, manifest);
  return { zip: zipPath, manifest: manifestOut, files: files.length };
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
  const release = path.resolve(process.argv[3] ?? path.join(root, "release"));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  packageSite(dist, release, version).then(
    ({ zip, manifest, files }) => {
      console.warn(`Wrote ${path.relative(root, zip)} (${files} files: copy them to your HTTPS host) and ${path.relative(root, manifest)} (upload it in the Microsoft 365 admin centre).`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
