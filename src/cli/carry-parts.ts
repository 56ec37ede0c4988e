/**
 * Carries the drawings of the user's sheets (charts, pictures, shapes: the sheet's <drawing> and
 * every part it reaches) and the sheets' print settings (print titles and areas, page setup, margins,
 * headers and footers) from the input package into the output. ExcelJS, under the emulator's writer,
 * drops charts it reads and keeps no page setup (ROUND_TRIP_LOSSES in src/emulator/xlsx.ts); a sheet
 * the command does not rebuild keeps its cells where they were, so its charts still point at the
 * right cells and can be copied as they are, part by part, renamed where the output already uses
 * the name.
 */
import JSZip from "jszip";
import {
  parseRelationships,
  readPart,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  nextRelationshipId,
  withContentTypeOverride,
  withRelationship,
  workbookPart,
  worksheetParts,
  NS,
  REL_TYPE,
} from "../emulator/xlsx-charts/package";
import { existingDrawingRelId, withDrawingElement } from "../emulator/xlsx-charts/drawing-xml";
import { aroundRows, escapeXml, scanTopLevel, withRowsBack } from "../emulator/xlsx-charts/xml";

/** Every internal part reachable from `start` through relationships, `start` included. */
async function closure(zip: JSZip, start: string): Promise<string[]> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const part = queue.shift()!;
    for (const rel of parseRelationships(await readPart(zip, relsPathFor(part)))) {
      if (rel.external) continue;
      const target = resolveTarget(part, rel.target);
      if (!seen.has(target) && zip.file(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/** A free part name like the given one in the output ("xl/charts/chart3.xml" -> "xl/charts/chart12.xml"). */
function freeName(out: JSZip, part: string, taken: Set<string>): string {
  if (!out.file(part) && !taken.has(part)) return part;
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  const stem = m ? m[1] : part;
  const ext = m ? m[3] : "";
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${ext}`;
    if (!out.file(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** The content type of a part in a package: its Override, else the Default for its extension. */
function contentTypeOf(types: string, part: string): string | null {
  const override = new RegExp(`<Override\\s[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`, "i").exec(types)?.[0];
  const fromOverride = override ? /ContentType="([^"]*)"/.exec(override)?.[1] : undefined;
  if (fromOverride) return fromOverride;
  const ext = part.split(".").pop()?.toLowerCase() ?? "";
  const def = new RegExp(`<Default\\s[^>]*Extension="${ext}"[^>]*>`, "i").exec(types)?.[0];
  return def ? (/ContentType="([^"]*)"/.exec(def)?.[1] ?? null) : null;
}

/** Sheet elements holding print settings, in schema order (ECMA-376 Part 1, 18.3.1.99). */
const PRINT_ELEMENTS = ["printOptions", "pageMargins", "pageSetup", "headerFooter"] as const;
const AFTER_PRINT = new Set(["rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/** Replaces the output sheet's print elements with the input's (a printer-settings r:id is dropped: that part is not carried). */
function withPrintSettings(inputXml: string, outputXml: string, part: string): string {
  const inChildren = scanTopLevel(inputXml, part).children;
  const wanted = PRINT_ELEMENTS.map((name) => inChildren.find((c) => c.localName === name)).filter((c): c is NonNullable<typeof c> => !!c);
  if (wanted.length === 0) return outputXml;
  const text = wanted.map((c) => inputXml.slice(c.start, c.end).replace(/\s(?:[\w.-]+:)?id="[^"]*"/, "")).join("");
  let xml = outputXml;
  const outline = scanTopLevel(xml, part);
  const existing = outline.children.filter((c) => (PRINT_ELEMENTS as readonly string[]).includes(c.localName));
  for (const c of [...existing].reverse()) xml = xml.slice(0, c.start) + xml.slice(c.end);
  const after = scanTopLevel(xml, part);
  const next = after.children.find((c) => AFTER_PRINT.has(c.localName));
  const at = next ? next.start : after.rootCloseStart;
  xml = xml.slice(0, at) + text + xml.slice(at);
  // fitToPage lives in sheetPr/pageSetUpPr.
  if (/<(?:\w+:)?pageSetUpPr\s[^>]*fitToPage="(1|true)"/.test(inputXml) && !/fitToPage=/.test(xml)) {
    if (/<sheetPr\b[^>]*\/>/.test(xml)) xml = xml.replace(/<sheetPr\b([^>]*)\/>/, `<sheetPr$1><pageSetUpPr fitToPage="1"/></sheetPr>`);
    else if (/<sheetPr\b[^>]*>/.test(xml)) xml = xml.replace(/<sheetPr\b([^>]*)>/, `<sheetPr$1><pageSetUpPr fitToPage="1"/>`);
    else xml = xml.replace(/(<worksheet\b[^>]*>)/, `$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  }
  return xml;
}

/** Writes a sheet part edited around its rows (aroundRows) with the rows of `whole` put back, as UTF-8 bytes in one buffer of the exact size. */
function writeWithRows(zip: JSZip, part: string, whole: string, around: string): void {
  const pieces = withRowsBack(whole, around);
  const bytes = Buffer.allocUnsafe(pieces.reduce((n, p) => n + Buffer.byteLength(p, "utf8"), 0));
  let at = 0;
  for (const p of pieces) at += bytes.write(p, at, "utf8");
  zip.file(part, bytes);
}

/** Adds the input's sheet-scoped print names (print titles, print area) of the carried sheets to the output's workbook part. */
function withPrintNames(inputWorkbook: string, outputWorkbook: string, inputSheets: readonly string[], outputSheets: readonly string[], carried: ReadonlySet<string>): string {
  const names: string[] = [];
  for (const m of inputWorkbook.matchAll(/<(?:\w+:)?definedName\s([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)) {
    const name = /\sname="([^"]*)"/.exec(` ${m[1]}`)?.[1] ?? "";
    const local = /\slocalSheetId="(\d+)"/.exec(` ${m[1]}`)?.[1];
    if (!/^_xlnm\.(Print_Titles|Print_Area)$/.test(name) || local === undefined) continue;
    const sheet = inputSheets[Number(local)];
    const outIndex = outputSheets.indexOf(sheet);
    if (!sheet || outIndex < 0 || !carried.has(sheet)) continue;
    if (new RegExp(`name="${name.replace(".", "\\.")}"[^>]*localSheetId="${outIndex}"`).test(outputWorkbook)) continue;
    names.push(`<definedName name="${name}" localSheetId="${outIndex}">${m[2]}</definedName>`);
  }
  if (names.length === 0) return outputWorkbook;
  if (/<definedNames\s*\/>/.test(outputWorkbook)) return outputWorkbook.replace(/<definedNames\s*\/>/, `<definedNames>${names.join("")}</definedNames>`);
  if (/<\/definedNames>/.test(outputWorkbook)) return outputWorkbook.replace(/<\/definedNames>/, `${names.join("")}</definedNames>`);
  return outputWorkbook.replace(/<\/sheets>/, `</sheets><definedNames>${names.join("")}</definedNames>`);
}

/**
 * Copies drawings and print settings of the sheets in `carried` (sheets the command did not rebuild)
 * from input to output. A sheet whose output already has a drawing (the add-in drew on it) keeps
 * the output's.
 */
export async function carryParts(input: Uint8Array, output: Uint8Array, carried: ReadonlySet<string>): Promise<Uint8Array> {
  const outZip = await JSZip.loadAsync(output);
  const changed = await carryPartsInZip(await JSZip.loadAsync(input), outZip, carried);
  return changed ? new Uint8Array(await outZip.generateAsync({ type: "uint8array", compression: "DEFLATE" })) : output;
}

/** {@link carryParts} on opened packages: changes `outZip` in place; true when it changed anything. */
export async function carryPartsInZip(inZip: JSZip, outZip: JSZip, carried: ReadonlySet<string>): Promise<boolean> {
  const inSheets = await worksheetParts(inZip);
  const outSheets = await worksheetParts(outZip);
  let types = (await readPart(outZip, "[Content_Types].xml")) ?? "";
  const inTypes = (await readPart(inZip, "[Content_Types].xml")) ?? "";
  const taken = new Set<string>();
  let changed = false;
  for (const [sheet, inPart] of inSheets) {
    const outPart = outSheets.get(sheet);
    if (!outPart || !carried.has(sheet)) continue;
    const inXml = await readPart(inZip, inPart);
    const whole = await readPart(outZip, outPart);
    if (!inXml || !whole) continue;
    // Only the text around the rows is edited, so a large sheet is not copied at each edit.
    const before = aroundRows(whole);
    let outXml = withPrintSettings(inXml, before, outPart);
    const drawingId = existingDrawingRelId(inXml, inPart);
    const inRels = parseRelationships(await readPart(inZip, relsPathFor(inPart)));
    const drawingRel = drawingId ? inRels.find((r) => r.id === drawingId && !r.external) : undefined;
    if (drawingRel && !existingDrawingRelId(outXml, outPart)) {
      const start = resolveTarget(inPart, drawingRel.target);
      const parts = await closure(inZip, start);
      const rename = new Map<string, string>();
      for (const p of parts) {
        const name = freeName(outZip, p, taken);
        taken.add(name);
        rename.set(p, name);
      }
      for (const p of parts) {
        const target = rename.get(p)!;
        outZip.file(target, await inZip.file(p)!.async("uint8array"));
        const rels = parseRelationships(await readPart(inZip, relsPathFor(p)));
        if (rels.length > 0) {
          const entries = rels.map((r) => {
            const to = r.external ? r.target : relativeTarget(target, rename.get(resolveTarget(p, r.target)) ?? resolveTarget(p, r.target));
            return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(to)}"${r.external ? ' TargetMode="External"' : ""}/>`;
          });
          outZip.file(relsPathFor(target), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}">${entries.join("")}</Relationships>`);
        }
        const type = contentTypeOf(inTypes, p);
        if (type) types = withContentTypeOverride(types, `/${target}`, type);
      }
      const sheetRelsPath = relsPathFor(outPart);
      const sheetRels = await readPart(outZip, sheetRelsPath);
      const relId = nextRelationshipId(parseRelationships(sheetRels));
      outZip.file(sheetRelsPath, withRelationship(sheetRels, relId, REL_TYPE.drawing, relativeTarget(outPart, rename.get(start)!)));
      outXml = withDrawingElement(outXml, relId, outPart);
    }
    // An unchanged sheet is not written again (a large one would be encoded again for nothing).
    if (outXml !== before) writeWithRows(outZip, outPart, whole, outXml);
    changed = true;
  }
  if (!changed) return false;
  outZip.file("[Content_Types].xml", types);
  const inWbPath = await workbookPart(inZip);
  const outWbPath = await workbookPart(outZip);
  const inWb = (await readPart(inZip, inWbPath)) ?? "";
  const outWb = (await readPart(outZip, outWbPath)) ?? "";
  outZip.file(outWbPath, withPrintNames(inWb, outWb, [...inSheets.keys()], [...outSheets.keys()], carried));
  return true;
}
