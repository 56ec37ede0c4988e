/**
 * What an input package holds that the emulator's .xlsx round trip cannot keep (ROUND_TRIP_LOSSES in
 * src/emulator/xlsx.ts), found by looking at the package's parts with JSZip before anything is
 * written. The runner refuses to write such a file unless --force ("No data loss").
 * Also reads what the runner carries over itself (merged cells; restore-look.ts does the rest) and
 * the selection saved in the file.
 */
import JSZip from "jszip";
import { parseRelationships, readPart, REL_TYPE, relsPathFor, resolveTarget, workbookPart, worksheetParts } from "../emulator/xlsx-charts/package";
import { afterSheetData, scanTopLevel } from "../emulator/xlsx-charts/xml";

/** Conditional format rule types the emulator keeps (xlsx.ts importRule). */
const KEPT_RULE_TYPES = new Set(["cellIs", "containsText", "notContainsText", "beginsWith", "endsWith", "expression", "iconSet"]);

/** Parts of a package, by path prefix or pattern, that the writer cannot keep, with the words a user knows them by. */
const PART_KINDS: readonly { readonly test: RegExp; readonly what: string }[] = [
  { test: /^xl\/charts\//i, what: "charts" },
  { test: /^xl\/chartsheets\//i, what: "chart sheets" },
  { test: /^xl\/pivotTables\//i, what: "pivot tables" },
  { test: /^xl\/pivotCache\//i, what: "pivot caches" },
  { test: /vbaProject\.bin$/i, what: "macros (a VBA project)" },
  { test: /^xl\/media\//i, what: "images" },
  { test: /^xl\/drawings\/[^/]+$/i, what: "drawings (shapes, text boxes or note frames)" },
  { test: /^xl\/embeddings\//i, what: "embedded objects" },
  { test: /^xl\/activeX\//i, what: "ActiveX controls" },
  { test: /^xl\/ctrlProps\//i, what: "form controls" },
  { test: /^xl\/(comments\d*\.xml|threadedComments\/)/i, what: "comments" },
  { test: /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i, what: "slicers or timelines" },
  { test: /^xl\/externalLinks\//i, what: "links to other workbooks" },
  { test: /^xl\/(connections\.xml|queryTables\/)/i, what: "data connections or queries" },
  { test: /^xl\/(macrosheets|dialogsheets)\//i, what: "Excel 4 macro or dialog sheets" },
  { test: /^customXml\//i, what: "custom XML parts" },
];

/** What the runner carries over itself for one sheet. */
export interface SheetCarry {
  /** The sheet's <mergeCells> element as written, or null. */
  readonly mergeCells: string | null;
}

/** Something the writer would lose, in users' words, and the sheet it belongs to (null: the workbook's). */
export interface Loss {
  readonly what: string;
  /** The sheets it belongs to; empty when it belongs to the workbook as a whole. */
  readonly sheets: readonly string[];
  /** The runner copies it from input to output itself (carry-parts.ts) when its sheet is not rebuilt. */
  readonly carriable?: boolean;
}

/**
 * The losses that matter, as text without repeats: not those wholly on sheets the command rebuilds
 * (the add-in's own sheets on scorecard and refresh), nor those the runner carries over itself
 * (drawings and print settings of sheets it does not rebuild).
 * @example lossesOutside([{ what: "charts", sheets: ["Scorecard"] }], new Set(["Scorecard"])) // => []
 */
export function lossesOutside(losses: readonly Loss[], ownedSheets: ReadonlySet<string>, carriedSheets: ReadonlySet<string> = new Set()): string[] {
  const kept = (l: Loss) => l.sheets.length > 0 && l.sheets.every((s) => ownedSheets.has(s) || (l.carriable && carriedSheets.has(s)));
  return [...new Set(losses.filter((l) => !kept(l)).map((l) => l.what))];
}

/** What inspecting a package found. */
export interface PackageInspection {
  /** What the writer would lose; empty when nothing. */
  readonly losses: readonly Loss[];
  /** The saved selection: sheet name and its first range (e.g. "B5" or "A5:Q51"), when the file has one. */
  readonly selection: { readonly sheet: string; readonly ref: string } | null;
  /** Per sheet name, what the runner carries over. */
  readonly carry: ReadonlyMap<string, SheetCarry>;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

/** Things in one worksheet part the writer would lose. */
function sheetLosses(sheet: string, xml: string): string[] {
  const found: string[] = [];
  const where = `on sheet ${sheet}`;
  const children = new Set(scanTopLevel(xml, sheet).children.map((c) => c.localName));
  if (children.has("dataValidations")) found.push(`data validation ${where}`);
  // Hyperlinks are kept (the emulator writes each cell's link back; verify.ts checks every one survived).
  if (children.has("sheetProtection") || children.has("protectedRanges")) found.push(`sheet protection ${where}`);
  if (children.has("autoFilter")) found.push(`a filter ${where}`);
  if (children.has("legacyDrawing") || children.has("legacyDrawingHF")) found.push(`notes or header pictures ${where}`);
  if (children.has("oleObjects") || children.has("controls")) found.push(`embedded objects or controls ${where}`);
  if (children.has("picture")) found.push(`a background picture ${where}`);
  const types = new Set<string>();
  const re = /<(?:\w+:)?cfRule\s[^>]*?type="([A-Za-z0-9]+)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) if (!KEPT_RULE_TYPES.has(m[1])) types.add(m[1]);
  if (types.size > 0) found.push(`conditional formats of type ${[...types].sort().join(", ")} ${where}`);
  if (/<(?:\w+:)?sparklineGroups[\s>]/.test(xml)) found.push(`sparklines ${where}`);
  return found;
}

/** Defined names the emulator drops: print areas and titles, names scoped to a sheet, names that are not one range. */
function nameLosses(workbookXml: string, sheetNames: readonly string[]): Loss[] {
  const found: Loss[] = [];
  const re = /<(?:\w+:)?definedName\s([^>]*)>([^<]*)</g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) {
    const name = attr(` ${m[1]}`, "name") ?? "";
    if (/^_xlnm\._FilterDatabase$/i.test(name)) continue;
    const local = attr(` ${m[1]}`, "localSheetId");
    const sheets = local !== null && sheetNames[Number(local)] ? [sheetNames[Number(local)]] : [];
    if (name.startsWith("_xlnm.")) found.push({ what: `the print setting ${name.slice(6).replace(/_/g, " ")}`, sheets, carriable: /^_xlnm\.(Print_Titles|Print_Area)$/.test(name) });
    else if (local !== null) found.push({ what: `the sheet-level name ${name}`, sheets });
    // A quoted sheet name may hold "(", "," or "!" ('Targets (2010, draft)'!$G$3:$G$9): only what is outside quotes counts.
    else if (/[,(]|^[^!]*$/.test(m[2].trim().replace(/&apos;|&#39;/g, "'").replace(/'(?:[^']|'')*'/g, "Sheet"))) found.push({ what: `the name ${name} (not a single range)`, sheets: [] });
  }
  if (/<(?:\w+:)?workbookProtection[\s>/]/.test(workbookXml)) found.push({ what: "workbook protection", sheets: [] });
  return found;
}

/** The saved selection: the active tab's sheet and its first selected range. */
function savedSelection(workbookXml: string, sheetNames: readonly string[], sheetXml: (name: string) => string | undefined): PackageInspection["selection"] {
  const tab = Number(attr(/<(?:\w+:)?workbookView\s[^>]*>/.exec(workbookXml)?.[0] ?? "", "activeTab") ?? 0);
  const sheet = sheetNames[tab] ?? sheetNames[0];
  const xml = sheet ? sheetXml(sheet) : undefined;
  if (!sheet || !xml) return null;
  const view = /<(?:\w+:)?sheetView\s[^>]*>[\s\S]*?<\/(?:\w+:)?sheetView>/.exec(xml)?.[0];
  if (!view) return null;
  const sel = /<(?:\w+:)?selection\s[^>]*>/g;
  let last: string | null = null;
  // With frozen panes there is a selection per pane; the last one is the pane the user worked in.
  for (let m = sel.exec(view); m; m = sel.exec(view)) last = m[0];
  if (!last) return null;
  const ref = (attr(last, "sqref") ?? attr(last, "activeCell") ?? "").split(" ")[0];
  return ref ? { sheet, ref } : null;
}

/**
 * Inspects a package: what would be lost, what to carry, the saved selection.
 * @throws Error when the bytes are not a zip package with a workbook (the caller reports the file as unreadable)
 * @example (await inspectPackage(bytes)).losses // => [{ what: "charts", sheets: ["Summary"] }]
 */
export async function inspectPackage(pkg: Uint8Array | JSZip): Promise<PackageInspection> {
  const zip = pkg instanceof Uint8Array ? await JSZip.loadAsync(pkg) : pkg;
  const parts = await worksheetParts(zip);
  // Which sheets reach each part through their relationships, and whether only through the sheet's
  // drawing (charts, pictures, shapes: the runner carries those), so parts on sheets the command
  // rebuilds or the runner carries can be told from parts that would be lost.
  const reachedBy = new Map<string, Set<string>>();
  const viaOther = new Set<string>();
  for (const [sheet, part] of parts) {
    for (const rel of parseRelationships(await readPart(zip, relsPathFor(part)))) {
      if (rel.external) continue;
      const drawing = rel.type === REL_TYPE.drawing || rel.type.endsWith("/drawing");
      const queue = [resolveTarget(part, rel.target)];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const p = queue.shift()!;
        if (seen.has(p)) continue;
        seen.add(p);
        if (!reachedBy.has(p)) reachedBy.set(p, new Set());
        reachedBy.get(p)!.add(sheet);
        if (!drawing) viaOther.add(p);
        for (const inner of parseRelationships(await readPart(zip, relsPathFor(p)))) if (!inner.external) queue.push(resolveTarget(p, inner.target));
      }
    }
  }
  const losses: Loss[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || /\.rels$/.test(name)) continue;
    const sheets = [...(reachedBy.get(name) ?? [])];
    for (const kind of PART_KINDS) if (kind.test.test(name)) losses.push({ what: kind.what, sheets, carriable: sheets.length > 0 && !viaOther.has(name) });
  }
  const workbookXml = (await readPart(zip, await workbookPart(zip))) ?? "";
  losses.push(...nameLosses(workbookXml, [...parts.keys()]));
  const carry = new Map<string, SheetCarry>();
  const xmlByName = new Map<string, string>();
  for (const [sheet, part] of parts) {
    const xml = await readPart(zip, part);
    if (!xml) continue;
    xmlByName.set(sheet, xml);
    // A sheet-level filter is carried by the runner (pass-through.ts) when its sheet is not rebuilt.
    for (const what of sheetLosses(sheet, xml)) losses.push({ what, sheets: [sheet], ...(what.startsWith("a filter ") ? { carriable: true } : {}) });
    const merge = /<(?:\w+:)?mergeCells[\s>][\s\S]*?<\/(?:\w+:)?mergeCells>/.exec(afterSheetData(xml))?.[0] ?? null;
    carry.set(sheet, { mergeCells: merge });
  }
  const selection = savedSelection(workbookXml, [...parts.keys()], (n) => xmlByName.get(n));
  return { losses, selection, carry };
}
