/**
 * Which sheets the add-in owns (recorded in the workbook's settings), how it names new ones without
 * touching a user's sheet, and the text users typed in owned sheets (carried over on refresh). Pure.
 */
import type { Status } from "../../core/rules/types";
import { entryKey, statusWord, type CarriedText, type SnapshotRow } from "./entries";
import { HISTORY_HEADER } from "./sheets";
import { SHEET_NAMES, type SheetKind } from "./sheet-model";

/**
 * The settings key of the record.
 * @example context.workbook.settings.getItemOrNullObject(SHEETS_KEY)
 */
export const SHEETS_KEY = "laa-scorecard.sheets";

/** What the add-in remembers about its sheets (stored as JSON in the workbook settings). */
export interface SheetsRecord {
  readonly version: 1;
  /** The add-in's sheets by kind and name. */
  readonly sheets: readonly { readonly kind: SheetKind; readonly name: string }[];
  /** Where the indicator table was (to refresh from an owned sheet): sheet and top-left cell. */
  readonly source: { readonly sheet: string; readonly cell: string } | null;
  /** Fingerprints of the owner and commentary text taken from the data, by key ("owner.commentary"). */
  readonly written: Readonly<Record<string, string>>;
}

const KINDS = new Set<string>(Object.keys(SHEET_NAMES));

/**
 * Reads the record; anything malformed gives an empty record (ownership is then claimed for nothing,
 * so no sheet is overwritten).
  * @example parseRecord(null).sheets // => []
 */
export function parseRecord(raw: unknown): SheetsRecord {
  const empty: SheetsRecord = { version: 1, sheets: [], source: null, written: {} };
  if (raw === null || typeof raw !== "object") return empty;
  const r = raw as Partial<SheetsRecord>;
  const sheets = Array.isArray(r.sheets) ? r.sheets.filter((s) => s && typeof s.name === "string" && KINDS.has(s.kind)) : [];
  const source = r.source && typeof r.source.sheet === "string" && typeof r.source.cell === "string" ? r.source : null;
  const written = r.written && typeof r.written === "object" ? (Object.fromEntries(Object.entries(r.written).filter(([, v]) => typeof v === "string")) as Record<string, string>) : {};
  return { version: 1, sheets, source, written };
}

/**
 * FNV-1a 32-bit fingerprint in base 36 (small, stable; enough to tell whether a cell still holds the text
 * the add-in wrote: a fingerprint is written, never the text, to keep the settings small).
 * @example fingerprint("") // => "ztntfp"
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A free sheet name: the wanted name, else "Name (2)", "Name (3)" ... (Excel's own pattern for copies),
 * compared case-insensitively as Excel does. Null when 2 to 99 are all taken.
 * @example freeName("Scorecard", ["scorecard"]) // => "Scorecard (2)"
 */
export function freeName(wanted: string, taken: Iterable<string>): string | null {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; i < 100; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
  return null;
}

/**
 * The owned sheet of a kind that still exists, by name.
 * @example ownedSheet({ version: 1, sheets: [{ kind: "scorecard", name: "Scorecard" }], source: null, written: {} }, "scorecard", ["Data", "scorecard"]) // => "scorecard"
 */
export function ownedSheet(record: SheetsRecord, kind: SheetKind, existing: readonly string[]): string | null {
  const rec = record.sheets.find((s) => s.kind === kind);
  if (!rec) return null;
  return existing.find((n) => n.toLowerCase() === rec.name.toLowerCase()) ?? null;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Text users typed into the Owner and Commentary columns of an owned sheet, by key. A cell counts as
 * typed when it is not blank and differs from the text the add-in last wrote there from the data
 * (its fingerprint is in the record) or, without a fingerprint, from the data's current text.
 * The header row is found by its "Code" cell; Area, Owner and Commentary columns by their headers.
  * @example typedText([["Code", "Commentary"], ["NI 16", "Board: deep dive"]], false, {}, new Map([["NI 16", { owner: "", commentary: "" }]])).get("NI 16") // => { commentary: "Board: deep dive" }
 */
export function typedText(
  values: readonly (readonly unknown[])[],
  multiArea: boolean,
  written: Readonly<Record<string, string>>,
  fromData: ReadonlyMap<string, { owner: string; commentary: string }>,
): Map<string, CarriedText> {
  const out = new Map<string, CarriedText>();
  const h = values.findIndex((r) => text(r[0]) === "Code" && r.some((c) => text(c) === "Commentary" || text(c) === "Owner"));
  if (h < 0) return out;
  const header = values[h].map(text);
  const areaCol = header.indexOf("Area");
  const cols = { owner: header.indexOf("Owner"), commentary: header.indexOf("Commentary") };
  for (const row of values.slice(h + 1)) {
    const code = text(row[0]);
    if (!code) continue;
    const key = entryKey(code, areaCol >= 0 ? text(row[areaCol]) : "", multiArea);
    const data = fromData.get(key);
    if (!data) continue;
    const marks = (written[key] ?? "").split(".");
    const carried: { owner?: string; commentary?: string } = {};
    (["owner", "commentary"] as const).forEach((field, i) => {
      if (cols[field] < 0) return;
      const t = text(row[cols[field]]);
      if (t === "") return;
      const wrote = marks[i] ? marks[i] === fingerprint(t) : t === data[field];
      if (!wrote) carried[field] = t;
    });
    if (carried.owner !== undefined || carried.commentary !== undefined) out.set(key, carried);
  }
  return out;
}

/**
 * Review snapshots read from a RAG History sheet's values; null when its header is not the add-in's.
 * @example readSnapshots([["Date"]], false) // => null
 */
export function readSnapshots(values: readonly (readonly unknown[])[], multiArea: boolean): SnapshotRow[] | null {
  if (values.length === 0) return [];
  const header = (values[0] ?? []).map(text);
  if (HISTORY_HEADER.some((h, i) => header[i] !== h)) return null;
  const rows: SnapshotRow[] = [];
  for (const r of values.slice(1)) {
    const status: Status | null = statusWord(r[7]);
    const code = text(r[1]);
    if (!status || !code) continue;
    rows.push({ reviewDate: text(r[0]), key: entryKey(code, text(r[2]), multiArea), status });
  }
  return rows;
}
