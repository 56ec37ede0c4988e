/**
 * Offline structural checks of manifest.xml and the generated functions.json. Used by
 * `npm run validate` and by the manifest tests, so both apply exactly the same rules.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { imageSize } from "image-size";

/** The worksheet functions docs/methods.md#functions defines; functions.json may hold no others. */
export const DOMAIN_FUNCTION_IDS: readonly string[] = [
  "LAAGAP", "LAAPROGRESS", "LAAREWARD", "LAATRAJECTORY", "LAARAG", "LAADOT",
  "LAATREND", "LAAFORECAST", "LAACI", "LAACOMPARE", "LAAQUANTILE", "LAASCORE",
  "LAARECENTTREND", "LAASPC", "LAASPCPOINTS", "LAADSR", "LAAMADS", "LAAMADSWORDS",
  "LAAISR", "LAASMR", "LAAFUNNEL", "LAAFUNNELSIG",
];

/** Where the files a manifest names are found on disk. */
export interface ManifestCheckOptions {
  /** Folder that https://localhost:3000/ maps to for icons (the project root, where assets/ lives). */
  readonly siteRoot: string;
  /** The generated functions.json, when there is one to check. */
  readonly functionsJson?: string;
}

type XmlNode = { [key: string]: unknown };

function walk(node: unknown, visit: (name: string, value: XmlNode) => void, name = ""): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit, name);
    return;
  }
  if (node === null || typeof node !== "object") return;
  visit(name, node as XmlNode);
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (!key.startsWith("@_")) walk(value, visit, key);
  }
}

const localName = (name: string) => name.replace(/^.*:/, "");

/**
 * Returns every problem found (empty when the manifest is sound): resids that do not resolve,
 * shared-runtime resids that differ, non-https URLs, missing icons or icons of the wrong pixel size,
 * a Namespace element, and functions in functions.json that docs/methods.md does not define.
 */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute });
  const doc = parser.parse(xml) as unknown;

  const resources = new Map<string, { kind: string; value: string }>();
  const resids: { element: string; resid: string }[] = [];
  const urls: { where: string; url: string }[] = [];
  const images: { size: number; resid: string }[] = [];
  let runtimeResid: string | undefined;
  let runtimeLifetime: string | undefined;
  let functionsPageResid: string | undefined;
  let functionFileResid: string | undefined;
  let sawNamespace = false;
  let sawCustomFunctions = false;

  walk(doc, (name, node) => {
    const el = localName(name);
    const id = node["@_id"];
    const defaultValue = node["@_DefaultValue"];
    if (typeof id === "string" && typeof defaultValue === "string" && ["Image", "Url", "String"].includes(el)) {
      if (resources.has(id)) problems.push(`Resource id "${id}" is defined twice`);
      resources.set(id, { kind: el, value: defaultValue });
    }
    const resid = node["@_resid"];
    if (typeof resid === "string") resids.push({ element: el, resid });
    if (typeof defaultValue === "string" && /Url$|SourceLocation$/.test(el)) urls.push({ where: el, url: defaultValue });
    if (el === "Image" && typeof resid === "string") images.push({ size: Number(node["@_size"]), resid });
    if (el === "Runtime") {
      runtimeResid = resid as string | undefined;
      runtimeLifetime = node["@_lifetime"] as string | undefined;
    }
    if (el === "FunctionFile") functionFileResid = resid as string | undefined;
    if (el === "Namespace") sawNamespace = true;
    if (el === "ExtensionPoint" && node["@_xsi:type"] === "CustomFunctions") {
      sawCustomFunctions = true;
      walk(node["Page"], (n, inner) => {
        if (localName(n) === "SourceLocation") functionsPageResid = inner["@_resid"] as string | undefined;
      });
    }
  });

  for (const { element, resid } of resids) {
    if (!resources.has(resid)) problems.push(`<${element} resid="${resid}"> does not resolve to any resource`);
  }
  for (const [id, res] of resources) {
    if (res.kind !== "String") urls.push({ where: `resource ${id}`, url: res.value });
  }
  for (const { where, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`${where} URL ${url} is not https`);
  }
  if (!sawCustomFunctions) problems.push("No CustomFunctions extension point");
  if (sawNamespace) problems.push("A Namespace element is present: the functions would need a prefix (=NS.LAAGAP) instead of =LAAGAP");
  if (!runtimeResid) problems.push("No shared Runtime element");
  else {
    if (runtimeLifetime !== "long") problems.push(`The Runtime has lifetime "${runtimeLifetime}", not "long"`);
    if (functionsPageResid !== runtimeResid) problems.push(`The functions page (${functionsPageResid}) is not the shared runtime (${runtimeResid})`);
    if (functionFileResid !== runtimeResid) problems.push(`The FunctionFile (${functionFileResid}) is not the shared runtime (${runtimeResid})`);
  }

  for (const { size, resid } of images) {
    const res = resources.get(resid);
    if (!res) continue;
    const file = path.join(options.siteRoot, new URL(res.value).pathname);
    if (!fs.existsSync(file)) {
      problems.push(`Icon ${resid} (${res.value}) is missing: no file ${path.relative(options.siteRoot, file)}`);
      continue;
    }
    const dims = imageSize(fs.readFileSync(file));
    if (dims.width !== size || dims.height !== size) {
      problems.push(`Icon ${resid} (${path.relative(options.siteRoot, file)}) is ${dims.width}x${dims.height}, the manifest says ${size}x${size}`);
    }
  }

  if (options.functionsJson !== undefined) {
    const metadata = JSON.parse(fs.readFileSync(options.functionsJson, "utf8")) as { functions?: { id: string }[] };
    for (const fn of metadata.functions ?? []) {
      if (!DOMAIN_FUNCTION_IDS.includes(fn.id)) problems.push(`functions.json defines ${fn.id}, which is not one of the add-in's worksheet functions`);
    }
  }
  return problems;
}
