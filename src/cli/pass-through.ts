/**
 * Puts back, as they came in, the package parts and workbook settings the emulator's writer does not
 * keep and the add-in does not own: the document properties parts (title, author, keywords, company,
 * and the custom properties where sensitivity labels such as OFFICIAL-SENSITIVE live), the
 * calculation settings (manual calculation), the 1904 date system flag, each user sheet's tab colour
 * and sheet view (gridlines, zoom, selection), and the macro-enabled content type of an .xlsm
 * workbook. Whole parts are copied as bytes, never re-serialised, so what the user had is what they
 * get (docs/architecture.md#what-the-runner-keeps).
 */
import type JSZip from "jszip";
import { nextRelationshipId, parseRelationships, readPart, relsPathFor, resolveTarget, withContentTypeOverride, withRelationship, workbookPart, worksheetParts, writePart } from "../emulator/xlsx-charts/package";
import { escapeXml, scanTopLevel } from "../emulator/xlsx-charts/xml";
import { isOurWebExtension } from "../emulator/xlsx";

/** Package-level parts copied byte for byte from the input (Open Packaging Conventions core, extended and custom properties). */
const PROPERTY_PARTS = ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"] as const;

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The Override content type a package gives a part, or null. */
function overrideType(types: string, part: string): string | null {
  const tag = new RegExp(`<Override\\s[^>]*PartName="/${escapeRe(part)}"[^>]*>`, "i").exec(types)?.[0];
  return tag ? (/ContentType="([^"]*)"/.exec(tag)?.[1] ?? null) : null;
}

/** The first element `<name .../>` or `<name ...>...</name>` in xml (no namespace prefix), with its span. */
function element(xml: string, name: string): { text: string; start: number; end: number } | null {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`);
  const m = re.exec(xml);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : null;
}

/** The input's calcPr (manual calculation, iteration ...) and workbookPr date1904 flag put into the output's workbook part. */
function withWorkbookSettings(inputXml: string, outputXml: string): string {
  let xml = outputXml;
  const calc = element(inputXml, "calcPr");
  if (calc) {
    const existing = element(xml, "calcPr");
    if (existing) xml = xml.slice(0, existing.start) + calc.text + xml.slice(existing.end);
    else {
      // Schema order (ECMA-376 Part 1, 18.2.28): calcPr follows definedNames, else sheets.
      const after = xml.indexOf("</definedNames>") >= 0 ? xml.indexOf("</definedNames>") + "</definedNames>".length : xml.indexOf("</sheets>") + "</sheets>".length;
      xml = xml.slice(0, after) + calc.text + xml.slice(after);
    }
  }
  const inPr = element(inputXml, "workbookPr")?.text ?? "";
  const date1904 = /\sdate1904="(1|true)"/.exec(inPr);
  if (date1904) {
    const outPr = element(xml, "workbookPr");
    if (!outPr) xml = xml.replace(/(<workbook\b[^>]*>)/, `$1<workbookPr date1904="1"/>`);
    else if (!/\sdate1904=/.test(outPr.text)) xml = xml.slice(0, outPr.start) + outPr.text.replace(/^<workbookPr/, `<workbookPr date1904="1"`) + xml.slice(outPr.end);
    else xml = xml.slice(0, outPr.start) + outPr.text.replace(/\sdate1904="[^"]*"/, ` date1904="1"`) + xml.slice(outPr.end);
  }
  return xml;
}

/**
 * The input's workbook-level defined names as they were written: ExcelJS keeps a name as the cells
 * it covers and writes it back from them, which loses a quoted sheet name ('Q3 data'!$G$2:$G$13
 * came back as $G$3:$Q$13). A name in both keeps the input's text; a name the output lost is added.
 * Names scoped to a sheet are left to the print-setting carry (carry-parts.ts).
 */
function withDefinedNames(inputXml: string, outputXml: string): string {
  const re = /<definedName\s([^>]*)>([^<]*)<\/definedName>/g;
  const input = [...inputXml.matchAll(re)].filter((m) => !/\slocalSheetId=/.test(` ${m[1]}`));
  if (input.length === 0) return outputXml;
  let xml = outputXml;
  const missing: string[] = [];
  for (const m of input) {
    const name = /(?:^|\s)name="([^"]*)"/.exec(m[1])?.[1];
    if (!name) continue;
    let found = false;
    xml = xml.replace(re, (whole, attrsText: string) => {
      const outName = /(?:^|\s)name="([^"]*)"/.exec(attrsText)?.[1];
      if (outName?.toLowerCase() !== name.toLowerCase() || /\slocalSheetId=/.test(` ${attrsText}`)) return whole;
      found = true;
      return m[0];
    });
    if (!found) missing.push(m[0]);
  }
  if (missing.length === 0) return xml;
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${missing.join("")}</definedNames>`);
  if (/<\/definedNames>/.test(xml)) return xml.replace(/<\/definedNames>/, `${missing.join("")}</definedNames>`);
  return xml.replace(/<\/sheets>/, `</sheets><definedNames>${missing.join("")}</definedNames>`);
}

/** Worksheet elements that come after autoFilter (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_FILTER = new Set(["sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/** The input sheet's tab colour, sheet views and filter put into the output sheet. */
function withSheetLook(inputXml: string, outputXml: string, part: string): string {
  let xml = outputXml;
  const views = element(inputXml, "sheetViews");
  if (views) {
    const existing = element(xml, "sheetViews");
    if (existing) xml = xml.slice(0, existing.start) + views.text + xml.slice(existing.end);
    else {
      // sheetViews follows sheetPr and dimension (ECMA-376 Part 1, 18.3.1.99).
      const outline = scanTopLevel(xml, part);
      const next = outline.children.find((c) => !["sheetPr", "dimension"].includes(c.localName));
      const at = next ? next.start : outline.rootCloseStart;
      xml = xml.slice(0, at) + views.text + xml.slice(at);
    }
  }
  // A sheet-level filter (its buttons and criteria; the rows it hides are put back by restore-look.ts).
  const filter = scanTopLevel(inputXml, part).children.find((c) => c.localName === "autoFilter");
  if (filter && !scanTopLevel(xml, part).children.some((c) => c.localName === "autoFilter")) {
    const outline = scanTopLevel(xml, part);
    const next = outline.children.find((c) => AFTER_FILTER.has(c.localName));
    const at = next ? next.start : outline.rootCloseStart;
    xml = xml.slice(0, at) + inputXml.slice(filter.start, filter.end) + xml.slice(at);
  }
  const tab = /<tabColor\b[^>]*\/>/.exec(element(inputXml, "sheetPr")?.text ?? "")?.[0];
  if (tab) {
    const pr = element(xml, "sheetPr");
    let next: string;
    if (!pr) next = `<sheetPr>${tab}</sheetPr>`;
    else if (/<tabColor\b[^>]*\/>/.test(pr.text)) next = pr.text.replace(/<tabColor\b[^>]*\/>/, tab);
    else if (pr.text.endsWith("/>")) next = `${pr.text.slice(0, -2)}>${tab}</sheetPr>`;
    // tabColor is sheetPr's first child.
    else next = pr.text.replace(/^(<sheetPr\b[^>]*>)/, `$1${tab}`);
    if (pr) xml = xml.slice(0, pr.start) + next + xml.slice(pr.end);
    else xml = xml.replace(/(<worksheet\b[^>]*>)/, `$1${next}`);
  }
  return xml;
}

const TASKPANES = "xl/webextensions/taskpanes.xml";
const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXT = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";

/**
 * Other add-ins' settings parts (web extensions that name another add-in), copied byte for byte
 * under a free name, with their task pane entries; the emulator reads and writes only this add-in's.
 * Returns the new content types and root relationships.
 */
async function withOtherAddins(inZip: JSZip, outZip: JSZip, types: string, rootRels: string | null): Promise<{ types: string; rootRels: string | null }> {
  const parts = Object.keys(inZip.files).filter((n) => /^xl\/webextensions\/webextension\d+\.xml$/i.test(n));
  const others: string[] = [];
  for (const p of parts) if (!isOurWebExtension((await readPart(inZip, p)) ?? "")) others.push(p);
  if (others.length === 0) return { types, rootRels };
  const inPanes = (await readPart(inZip, TASKPANES)) ?? "";
  const inPaneRels = parseRelationships(await readPart(inZip, relsPathFor(TASKPANES)));
  let outPanes = await readPart(outZip, TASKPANES);
  let outPaneRels = await readPart(outZip, relsPathFor(TASKPANES));
  if (outPanes === null) {
    outPanes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${WETP_NS}"></wetp:taskpanes>`;
    types = withContentTypeOverride(types, `/${TASKPANES}`, "application/vnd.ms-office.webextensiontaskpanes+xml");
    const ids = parseRelationships(rootRels);
    rootRels = withRelationship(rootRels, ids.some((r) => r.id === "rIdWebExt1") ? nextRelationshipId(ids) : "rIdWebExt1", REL_TASKPANES, TASKPANES);
  }
  for (const p of others) {
    let n = 1;
    while (outZip.file(`xl/webextensions/webextension${n}.xml`)) n++;
    const target = `xl/webextensions/webextension${n}.xml`;
    outZip.file(target, await inZip.file(p)!.async("uint8array"));
    const rels = inZip.file(relsPathFor(p));
    if (rels) outZip.file(relsPathFor(target), await rels.async("uint8array"));
    types = withContentTypeOverride(types, `/${target}`, "application/vnd.ms-office.webextension+xml");
    const rel = inPaneRels.find((r) => !r.external && resolveTarget(TASKPANES, r.target) === p);
    const pane = rel ? [...inPanes.matchAll(/<(\w+:)?taskpane\b[\s\S]*?<\/\1?taskpane>/g)].map((m) => m[0]).find((t) => new RegExp(`:id="${escapeRe(rel.id)}"`).test(t)) : undefined;
    if (!pane) continue;
    const id = nextRelationshipId(parseRelationships(outPaneRels));
    outPaneRels = withRelationship(outPaneRels, id, REL_WEBEXT, `webextension${n}.xml`);
    const moved = pane.replace(new RegExp(`(:id=")${escapeRe(rel!.id)}"`), `$1${escapeXml(id)}"`);
    const close = outPanes.lastIndexOf("</");
    outPanes = outPanes.slice(0, close) + moved + outPanes.slice(close);
  }
  outZip.file(TASKPANES, outPanes);
  if (outPaneRels !== null) outZip.file(relsPathFor(TASKPANES), outPaneRels);
  return { types, rootRels };
}

/**
 * Copies from `inZip` into `outZip` what the writer drops and the add-in does not own (see the file
 * comment). `userSheets` are the sheets the command does not rebuild: only they get their tab colour
 * and view back.
 */
export async function passThroughInZip(inZip: JSZip, outZip: JSZip, userSheets: ReadonlySet<string>): Promise<void> {
  const inTypes = (await readPart(inZip, "[Content_Types].xml")) ?? "";
  let types = (await readPart(outZip, "[Content_Types].xml")) ?? "";
  const inRootRels = parseRelationships(await readPart(inZip, "_rels/.rels"));
  let rootRels = await readPart(outZip, "_rels/.rels");
  for (const part of PROPERTY_PARTS) {
    const file = inZip.file(part);
    if (!file) continue;
    outZip.file(part, await file.async("uint8array"));
    const type = overrideType(inTypes, part);
    if (type) types = withContentTypeOverride(types, `/${part}`, type);
    const rel = inRootRels.find((r) => !r.external && r.target.replace(/^\//, "") === part);
    const outRels = parseRelationships(rootRels);
    if (rel && !outRels.some((r) => r.target.replace(/^\//, "") === part)) {
      const id = outRels.some((r) => r.id === rel.id) ? `rIdLaaKept${outRels.length + 1}` : rel.id;
      rootRels = withRelationship(rootRels, id, rel.type, part);
    }
  }
  ({ types, rootRels } = await withOtherAddins(inZip, outZip, types, rootRels));
  if (rootRels !== null) outZip.file("_rels/.rels", rootRels);

  const inWbPath = await workbookPart(inZip);
  const outWbPath = await workbookPart(outZip);
  // An .xlsm keeps its macro-enabled content type, which Excel needs to open a file of that name.
  const inWbType = overrideType(inTypes, inWbPath);
  if (inWbType && /macroEnabled/i.test(inWbType)) {
    const tag = new RegExp(`<Override\\s[^>]*PartName="/${escapeRe(outWbPath)}"[^>]*>`, "i");
    types = tag.test(types) ? types.replace(tag, (t) => t.replace(/ContentType="[^"]*"/, `ContentType="${inWbType}"`)) : withContentTypeOverride(types, `/${outWbPath}`, inWbType);
  }
  outZip.file("[Content_Types].xml", types);
  const inWb = (await readPart(inZip, inWbPath)) ?? "";
  const outWb = await readPart(outZip, outWbPath);
  if (outWb !== null) outZip.file(outWbPath, withDefinedNames(inWb, withWorkbookSettings(inWb, outWb)));

  const inSheets = await worksheetParts(inZip);
  const outSheets = await worksheetParts(outZip);
  for (const [sheet, inPart] of inSheets) {
    const outPart = outSheets.get(sheet);
    if (!outPart || !userSheets.has(sheet)) continue;
    const inXml = await readPart(inZip, inPart);
    const outXml = await readPart(outZip, outPart);
    if (!inXml || !outXml) continue;
    const next = withSheetLook(inXml, outXml, outPart);
    if (next !== outXml) writePart(outZip, outPart, next);
  }
}
