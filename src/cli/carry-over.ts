/**
 * Puts back into the saved package what the emulator's round trip drops but the runner can keep by
 * copying XML from the input: merged cells and row attributes (heights, hidden rows, outline levels).
 * Done on the package text, not through ExcelJS, because a second ExcelJS load and save of a large
 * workbook costs seconds and memory; the elements are copied as the input wrote them.
 */
import JSZip from "jszip";
import { readPart, worksheetParts } from "../emulator/xlsx-charts/package";
import { scanTopLevel } from "../emulator/xlsx-charts/xml";
import type { SheetCarry } from "./package-parts";

/** CT_Worksheet children that come before mergeCells (ECMA-376 Part 1, 18.3.1.99). */
const BEFORE_MERGE_CELLS = new Set([
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews",
]);

/** Removes the carried attributes from a start tag so the input's can replace them. */
function stripRowAttributes(tag: string): string {
  return tag.replace(/\s(ht|customHeight|hidden|outlineLevel|collapsed|thickTop|thickBot)="[^"]*"/g, "");
}

/**
 * Applies the input's row attributes to the output's <row> elements; rows the output does not have
 * (rows with a height but no cells) are inserted in row order.
 * @example withRowAttributes(`<sheetData><row r="2"><c r="A2"/></row></sheetData>`, new Map([[2, ' ht="30" customHeight="1"']]))
 *   // => `<sheetData><row r="2" ht="30" customHeight="1"><c r="A2"/></row></sheetData>`
 */
export function withRowAttributes(xml: string, rows: ReadonlyMap<number, string>): string {
  if (rows.size === 0) return xml;
  const pending = [...rows.keys()].sort((a, b) => a - b);
  let next = 0;
  const seen = new Set<number>();
  const insertBefore = (r: number): string => {
    let text = "";
    while (next < pending.length && pending[next] < r) {
      const p = pending[next++];
      if (!seen.has(p)) text += `<row r="${p}"${rows.get(p)}/>`;
    }
    return text;
  };
  let out = xml.replace(/<((?:\w+:)?row)(\s[^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
    const r = Number(/\sr="(\d+)"/.exec(attrs)?.[1]);
    if (!Number.isInteger(r)) return tag;
    seen.add(r);
    const before = insertBefore(r);
    const extra = rows.get(r);
    if (!extra) return before + tag;
    return `${before}<${name}${stripRowAttributes(attrs)}${extra}${close}>`;
  });
  const rest = insertBefore(Number.MAX_SAFE_INTEGER);
  if (rest) {
    if (/<(?:\w+:)?sheetData\s*\/>/.test(out)) out = out.replace(/<((?:\w+:)?sheetData)\s*\/>/, `<$1>${rest}</$1>`);
    else out = out.replace(/<\/((?:\w+:)?sheetData)>/, `${rest}</$1>`);
  }
  return out;
}

/**
 * Inserts a <mergeCells> element at its schema position, unless the part already has one.
 * @example withMergeCells(`<worksheet><sheetData/><pageMargins/></worksheet>`, `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`)
 *   // => `<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins/></worksheet>`
 */
export function withMergeCells(xml: string, mergeCells: string | null): string {
  if (!mergeCells) return xml;
  const outline = scanTopLevel(xml, "worksheet");
  if (outline.children.some((c) => c.localName === "mergeCells")) return xml;
  const prefix = /^<(\w+):/.exec(outline.root.startTag)?.[1];
  const element = prefix ? mergeCells.replace(/<(\/?)(?:\w+:)?(mergeCells|mergeCell)\b/g, `<$1${prefix}:$2`) : mergeCells.replace(/<(\/?)\w+:(mergeCells|mergeCell)\b/g, "<$1$2");
  const before = outline.children.filter((c) => BEFORE_MERGE_CELLS.has(c.localName));
  const at = before.length > 0 ? before[before.length - 1].end : outline.root.start + outline.root.startTag.length;
  return xml.slice(0, at) + element + xml.slice(at);
}

/**
 * Carries merged cells and row attributes from the input's sheets into the saved package, sheet by
 * sheet (matched by name). Sheets only the output has are left as they are.
 */
export async function carryOver(bytes: Uint8Array, carry: ReadonlyMap<string, SheetCarry>): Promise<Uint8Array> {
  const needed = [...carry].filter(([, c]) => c.mergeCells || c.rowAttributes.size > 0);
  if (needed.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await worksheetParts(zip);
  for (const [sheet, c] of needed) {
    const part = parts.get(sheet);
    const xml = part ? await readPart(zip, part) : null;
    if (!part || !xml) continue;
    zip.file(part, withMergeCells(withRowAttributes(xml, c.rowAttributes), c.mergeCells));
  }
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
