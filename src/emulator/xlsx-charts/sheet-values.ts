/**
 * Reads the values a chart series refers to from the worksheet XML, so the chart part can carry
 * c:numCache / c:strCache. Excel recomputes a chart's caches from same-workbook cells when it loads
 * the file, and LibreOffice reads the cells (CONTRIBUTING.md#toolchain-notes), but viewers that do not calculate (file
 * previews, some mobile and web viewers) draw only the caches. A cache is written only when every
 * cell's value is known: a formula ExcelJS wrote without a result makes the cache unknowable, and
 * then none is written rather than a wrong one.
 */
import { makeParser } from "./package";
import { columnNumber } from "./refs";

/** A cell value as a cache needs it: a number as written in the sheet (kept as text, so exact), or text. */
export type CachedCell =
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "blank" }
  | { readonly kind: "unknown" };

/** Reads cells by 1-based row and column. */
export type CellReader = (row: number, col: number) => CachedCell;

type XmlNode = string | { "#text"?: string; [key: string]: unknown } | undefined;

/** The text of an element that may have been parsed as a string or as an object with "#text". */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  const obj = node as { "#text"?: unknown };
  return obj["#text"] === undefined ? "" : String(obj["#text"]);
}

/** A shared-string item's text: plain <t>, or rich-text runs <r><t>, phonetic runs (rPh) left out. */
function sharedItemText(si: Record<string, unknown>): string {
  if (si.t !== undefined) return textOf(si.t);
  const runs = (si.r as Array<Record<string, unknown>> | undefined) ?? [];
  return runs.map((r) => textOf(r.t)).join("");
}

/**
 * Reads xl/sharedStrings.xml into a list of texts (empty when the package has none).
 * @example parseSharedStrings(`<sst><si><t>Blue</t></si></sst>`) // ["Blue"]
 */
export function parseSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const doc = makeParser(["si", "r"]).parse(xml) as { sst?: { si?: Array<Record<string, unknown>> } };
  return (doc.sst?.si ?? []).map(sharedItemText);
}

function cellValue(c: Record<string, XmlNode>, shared: readonly string[]): CachedCell {
  const type = (c["@_t"] as string | undefined) ?? "n";
  const hasValue = c.v !== undefined;
  const v = textOf(c.v);
  if (type === "inlineStr") {
    const is = c.is as Record<string, unknown> | undefined;
    return { kind: "text", text: is ? sharedItemText(is) : "" };
  }
  if (!hasValue) return c.f !== undefined ? { kind: "unknown" } : { kind: "blank" };
  switch (type) {
    case "n":
      return Number.isFinite(Number(v)) && v.trim() !== "" ? { kind: "number", text: v.trim() } : { kind: "unknown" };
    case "s": {
      const text = shared[Number(v)];
      return text === undefined ? { kind: "unknown" } : { kind: "text", text };
    }
    case "str":
      return { kind: "text", text: v };
    case "b":
      return { kind: "text", text: v === "1" ? "TRUE" : "FALSE" };
    case "e":
      // An error value (#N/A, #DIV/0!) plots as a gap; a cache point is simply left out.
      return { kind: "blank" };
    default:
      // t="d" (ISO date text) and anything unforeseen: the number Excel would plot is not in the file.
      return { kind: "unknown" };
  }
}

/**
 * Builds a reader over one worksheet's cells.
 * @example makeCellReader(sheetXml, shared)(4, 2) // { kind: "number", text: "3" } for B4 = 3
 */
export function makeCellReader(sheetXml: string, shared: readonly string[]): CellReader {
  const doc = makeParser(["row", "c"]).parse(sheetXml) as {
    worksheet?: { sheetData?: { row?: Array<{ c?: Array<Record<string, XmlNode>> }> } };
  };
  const cells = new Map<string, CachedCell>();
  for (const row of doc.worksheet?.sheetData?.row ?? []) {
    for (const c of row.c ?? []) {
      const m = /^([A-Za-z]{1,3})(\d+)$/.exec(String(c["@_r"] ?? ""));
      // Cells without an r attribute are legal but ExcelJS always writes it; such a sheet gets no cache.
      if (!m) return () => ({ kind: "unknown" });
      cells.set(`${Number(m[2])}:${columnNumber(m[1])}`, cellValue(c, shared));
    }
  }
  return (row, col) => cells.get(`${row}:${col}`) ?? { kind: "blank" };
}
