// Where the add-in is hosted, and the manifest written for that place (docs/deploy.md).
// CommonJS so that webpack.config.js, `npm run package` and the tests all use this one file.
//
// The repository's manifest.xml is the development manifest: every URL on https://localhost:3000/
// (the dev server). A production build rewrites those URLs to the base URL given with
// `npm run build -- --env url=https://host/path/` or the ADDIN_URL variable, as Microsoft's
// Office-Addin-TaskPane templates do with urlDev/urlProd in their webpack config.
"use strict";

/** The development base URL that manifest.xml is written with. */
const DEV_BASE = "https://localhost:3000/";

/** What to tell someone whose production build has no base URL. */
const HOW_TO_GIVE_URL =
  "Give the address the add-in's files will be served from, for example\n" +
  "  npm run build -- --env url=https://intranet.example.gov.uk/laa-scorecard/\n" +
  "or set ADDIN_URL=https://intranet.example.gov.uk/laa-scorecard/ before npm run build. See docs/deploy.md.";

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * The base URL from `--env url=...` or ADDIN_URL, normalised to end in "/", or undefined when neither
 * is given. Throws with a message naming the problem when the value is not an absolute https URL
 * (plain http is accepted only on this machine's loopback address, for tests).
 *
 * @example resolveBaseUrl("https://example.org/laa", undefined) // => "https://example.org/laa/"
 */
function resolveBaseUrl(fromEnv, fromVariable) {
  const raw = (typeof fromEnv === "string" && fromEnv.trim()) || (typeof fromVariable === "string" && fromVariable.trim()) || "";
  if (raw === "") return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`The add-in URL "${raw}" is not an absolute URL. ${HOW_TO_GIVE_URL}`);
  }
  if (url.search || url.hash) throw new Error(`The add-in URL "${raw}" must not have a query (?) or a fragment (#).`);
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    // Office loads add-ins only over HTTPS (learn.microsoft.com/office/dev/add-ins/concepts/add-in-development-best-practices).
    throw new Error(`The add-in URL "${raw}" is not https. Office only loads add-ins over HTTPS.`);
  }
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return href;
}

/**
 * The manifest's four-part Version from package.json's version: 1.2.3 -> 1.2.3.0 (a pre-release
 * or build suffix is dropped; the manifest allows digits and dots only).
 */
function manifestVersion(packageVersion) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(String(packageVersion));
  if (!match) throw new Error(`package.json version "${packageVersion}" is not major.minor.patch`);
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/**
 * manifest.xml with its Version set from package.json and, when a base URL is given, every
 * development URL moved to it: icons, SupportUrl, AppDomain, SourceLocation, the functions script
 * and metadata. The add-in Id is left as it is: it is what the admin centre knows the add-in by.
 */
function manifestFor(xml, options) {
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(options.version)}</Version>`);
  if (options.baseUrl) {
    const origin = new URL(options.baseUrl).origin;
    out = out.split(DEV_BASE).join(options.baseUrl);
    out = out.replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
    if (!options.baseUrl.startsWith(DEV_BASE) && out.includes("localhost:3000")) {
      throw new Error("manifest.xml still names localhost:3000 after moving it to the add-in URL; every URL in it must start with https://localhost:3000/.");
    }
  }
  return out;
}

module.exports = { DEV_BASE, HOW_TO_GIVE_URL, resolveBaseUrl, manifestVersion, manifestFor };
