/**
 * .xlsx import and export through ExcelJS (no Node APIs: bytes in, bytes out, so it runs in a browser
 * bundle too). What a round trip keeps and loses is listed in ROUND_TRIP_LOSSES.
 *
 * The add-in's settings are stored where Excel stores an add-in's document settings: a web
 * extension part (xl/webextensions/webextension1.xml, <we:property name value/> with JSON values,
 * reached from the package through taskpanes.xml). Source: [MS-OWEXML] Office Web Extensibility
 * Extensions to Office Open XML, https://learn.microsoft.com/openspecs/office_standards/ms-owexml
 * (CT_OsfWebExtension, CT_OsfWebExtensionProperty), and
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings
 * ("settings ... are saved in the document").
 */
import { EPOCH_1900, EPOCH_1904, serialOf } from "./date-serial";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readPart, writePart } from "./xlsx-charts/package";
import { type CellRect, columnLetters, formatAddress, parseAddress } from "./address";
import type { ChartKind, ChartPartSpec, ChartSeriesSpec } from "./chart-spec";
import { type CellModel, type ChartModel, type ConditionalFormatModel, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type SheetModel, WorkbookModel } from "./model";
import { chartAnchor } from "./objects";
import { cellsPass, planSheetCells, type SheetCellsPlan, writeCells } from "./xlsx-cells";
import { isDateFormat, type OwnCells, plainStrings, splitSheet } from "./xlsx-read-cells";
import { encodeZipTextWhole } from "./zip-text";
import { exportRule, fromArgb, importRule, toArgb, type XRule } from "./xlsx-rules";

// Every text part (ExcelJS's and the runner's) is encoded whole, so no character is split (zip-text.ts).
encodeZipTextWhole();

/** What an .xlsx round trip through the emulator cannot keep (say so to users of the runner). */
export const ROUND_TRIP_LOSSES: readonly string[] = [
  "Charts read from a file (ExcelJS drops them); charts made through the API are written only when a chart writer is supplied",
  "Formula results for formulas written through the API (no calculation engine; the cached result is whatever the file held, or blank)",
  "Conditional format types other than cell value, text contains, custom formula and icon set (data bars, colour scales, top/bottom are dropped); conditional number formats",
  "Diagonal borders, alignment beyond horizontal, vertical and wrap (indent, rotation), fonts beyond bold/italic/colour/name/size, theme and tint colours (converted to none)",
  "Merged cells, comments, data validation, images, pivot tables, sheet protection (rich text and hyperlinks are kept while their cells are not written)",
  "Defined names that are not a single range, and names scoped to a sheet",
  "Tables without a header row (treated as having one), table totals formulas other than what the cells hold",
  "Shared and array formulas are kept as plain formulas in each cell",
];


/** Characters (ExcelJS column width) to points: (chars * 7 + 5) px * 0.75. */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 10000) / 10000;
}

type XCell = ExcelJS.Cell;

/**
 * Day 0 of the workbook's date system as a Unix-day offset: serial = Unix days + epoch. ExcelJS gives
 * date cells as Dates by the file's own system, so a 1904 workbook's serials are kept by counting
 * from 1 January 1904 (1,462 days after the 1900 system's day 0).
 */

function importCell(cell: XCell, target: CellModel, epoch = EPOCH_1900): void {
  const v = cell.value as unknown;
  if (v === null || v === undefined) target.value = null;
  else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") target.value = v;
  else if (v instanceof Date) target.value = serialOf(v, epoch);
  else if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = (o.formula ?? (cell as unknown as { formula?: string }).formula) as string | undefined;
      if (f) target.formula = "=" + f;
      const res = o.result as unknown;
      if (res && typeof res === "object" && "error" in (res as object)) { target.value = String((res as { error: string }).error); target.error = true; }
      else if (res instanceof Date) target.value = serialOf(res, epoch);
      else target.value = (res as CellModel["value"]) ?? null;
    } else if ("error" in o) { target.value = String(o.error); target.error = true; }
    else if ("richText" in o) {
      target.value = (o.richText as { text: string }[]).map((t) => t.text).join("");
      target.kept = { text: target.value, original: v };
    } else if ("text" in o) {
      target.value = String(o.text);
      if ("hyperlink" in o) target.kept = { text: target.value, original: v };
    }
    else target.value = null;
  }
  if (cell.numFmt && cell.numFmt !== "General") target.numberFormat = cell.numFmt;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = fromArgb(fill.fgColor?.argb);
    if (c) target.fill = c;
  }
  const f = cell.font;
  if (f && (f.bold || f.italic || f.color?.argb || (f.name && f.name !== "Calibri") || (f.size && f.size !== 11))) {
    target.font = {
      ...(f.bold ? { bold: true } : {}), ...(f.italic ? { italic: true } : {}),
      ...(fromArgb(f.color?.argb) ? { color: fromArgb(f.color?.argb) } : {}),
      ...(f.name && f.name !== "Calibri" ? { name: f.name } : {}), ...(f.size && f.size !== 11 ? { size: f.size } : {}),
    };
  }
  if (cell.alignment?.horizontal) target.horizontalAlignment = cell.alignment.horizontal === "centerContinuous" ? "CenterAcrossSelection" : cell.alignment.horizontal.charAt(0).toUpperCase() + cell.alignment.horizontal.slice(1);
  if (cell.alignment?.vertical) target.verticalAlignment = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" }[cell.alignment.vertical] ?? "Bottom";
  if (cell.alignment?.wrapText) target.wrapText = true;
  const b = cell.border as Partial<Record<"top" | "bottom" | "left" | "right", { style?: string; color?: { argb?: string } }>> | undefined;
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const x = b?.[side];
    const mapped = x?.style ? BORDER_FROM_XML[x.style] : undefined;
    if (mapped) target.borders = { ...target.borders, [side]: { ...mapped, color: fromArgb(x!.color?.argb) ?? "#000000" } };
  }
}

/** Excel.BorderLineStyle and BorderWeight to OOXML border styles and back. */
const BORDER_FROM_XML: Record<string, { style: string; weight: string }> = {
  hair: { style: "Continuous", weight: "Hairline" }, thin: { style: "Continuous", weight: "Thin" }, medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" }, dashed: { style: "Dash", weight: "Thin" }, mediumDashed: { style: "Dash", weight: "Medium" },
  dotted: { style: "Dot", weight: "Thin" }, double: { style: "Double", weight: "Thick" }, dashDot: { style: "DashDot", weight: "Thin" },
  mediumDashDot: { style: "DashDot", weight: "Medium" }, dashDotDot: { style: "DashDotDot", weight: "Thin" }, mediumDashDotDot: { style: "DashDotDot", weight: "Medium" },
  slantDashDot: { style: "SlantDashDot", weight: "Medium" },
};
function borderToXml(style: string, weight: string): string {
  if (style === "Continuous") return { Hairline: "hair", Thin: "thin", Medium: "medium", Thick: "thick" }[weight] ?? "thin";
  const medium = weight === "Medium" || weight === "Thick";
  return ({ Dash: medium ? "mediumDashed" : "dashed", Dot: "dotted", Double: "double", DashDot: medium ? "mediumDashDot" : "dashDot", DashDotDot: medium ? "mediumDashDotDot" : "dashDotDot", SlantDashDot: "slantDashDot" } as Record<string, string>)[style] ?? "thin";
}

/**
 * Reads an .xlsx into a new emulator workbook.
 * @example const wb = await loadXlsx(bytes); wb.sheets[0].name // => "Data"
 */
export async function loadXlsx(bytes: Uint8Array | ArrayBuffer, opened?: JSZip, options: LoadXlsxOptions = {}): Promise<WorkbookModel> {
  const x = new ExcelJS.Workbook();
  const buffer = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // The parts ExcelJS does not read are read from one opened package (the caller's, when it has one).
  const zip = opened ?? (await JSZip.loadAsync(buffer));
  const { forExcelJs, own } = await splitLargeSheets(zip, buffer, options.ownCellsFrom ?? OWN_CELLS_FROM);
  await x.xlsx.load(forExcelJs as unknown as ExcelJS.Buffer);
  const wb = new WorkbookModel();
  const stopIndex = new Map<string, Map<number, ConditionalFormatModel>>();
  const date1904 = !!(x.properties as { date1904?: boolean } | undefined)?.date1904;
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  for (const xs of x.worksheets) {
    const sheet = wb.addSheet(xs.name);
    sheet.visibility = xs.state === "hidden" ? "Hidden" : xs.state === "veryHidden" ? "VeryHidden" : "Visible";
    xs.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.hidden) sheet.hiddenRows.add(r - 1);
      if (row.height !== undefined && row.height !== DEFAULT_ROW_HEIGHT) sheet.rowHeights.set(r - 1, row.height);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        importCell(cell, sheet.ensureCell(r - 1, c - 1), epoch);
      });
    });
    const cells = own.get(xs.name);
    if (cells) addOwnCells(sheet, cells, date1904, epoch);
    const cols = (xs as unknown as { _columns?: { number: number; width?: number }[] })._columns ?? [];
    for (const col of cols) if (col?.width !== undefined) sheet.columnWidths.set(col.number - 1, charsToPoints(col.width));
    const view = xs.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === "frozen") sheet.frozen = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    sheet.pageLayout = pageLayoutOf(xs.pageSetup);
    for (const t of Object.values((xs as unknown as { tables: Record<string, { model: { name: string; tableRef?: string; ref?: string; totalsRow?: boolean; style?: { theme?: string } } }> }).tables ?? {})) {
      const m = t.model;
      const p = parseAddress(m.tableRef ?? m.ref ?? "A1");
      const rect = { row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount };
      wb.tables.push({
        id: wb.newId("table"), name: m.name, sheet, rect, showHeaders: true, showTotals: !!m.totalsRow, style: m.style?.theme ?? "TableStyleMedium2",
        columnIds: Array.from({ length: rect.colCount }, (_, i) => i + 1), nextColumnId: rect.colCount + 1,
      });
    }
    const cfs = (xs as unknown as { conditionalFormattings?: { ref: string; rules: XRule[] }[] }).conditionalFormattings ?? [];
    const imported: { cf: ConditionalFormatModel; priority: number }[] = [];
    for (const block of cfs) {
      const p = parseAddress(block.ref.split(" ")[0]);
      const rect = { row: p.row, col: p.col, rowCount: p.rowCount, colCount: p.colCount };
      for (const rule of block.rules) {
        const cf = importRule(rule, rect, wb.newId("cf"));
        if (cf) imported.push({ cf, priority: rule.priority ?? 0 });
      }
    }
    sheet.conditionalFormats = imported.sort((a, b) => a.priority - b.priority).map((i) => i.cf);
    stopIndex.set(sheet.name, new Map(imported.map((i) => [i.priority, i.cf])));
  }
  for (const dn of (x.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? []) {
    if (dn.ranges.length === 1 && !dn.name.startsWith("_xlnm")) wb.names.set(dn.name.toLowerCase(), { name: dn.name, formula: "=" + dn.ranges[0], comment: "", visible: true });
  }
  for (const [k, v] of await readSettings(zip, wb.loadWarnings)) wb.settings.set(k, v);
  await readStopIfTrue(zip, stopIndex);
  await readRowBreaks(zip, wb);
  if (wb.sheets.length === 0) wb.addSheet("Sheet1");
  return wb;
}

/** Sheet parts from this size (characters of XML) have their plain cells read without ExcelJS (xlsx-read-cells.ts). */
export const OWN_CELLS_FROM = 1_000_000;

/** Options for loadXlsx. */
export interface LoadXlsxOptions {
  /** Size of sheet part from which plain cells are read without ExcelJS (default OWN_CELLS_FROM; 0: every sheet). */
  readonly ownCellsFrom?: number;
}

/**
 * The package ExcelJS is given: each large sheet with only the cells ExcelJS must read
 * (xlsx-read-cells.ts splitSheet), and those sheets' other cells by sheet name. The caller's opened
 * package is left as it was (its entries are put back once the smaller package is made).
 */
async function splitLargeSheets(zip: JSZip, bytes: Uint8Array, from: number): Promise<{ forExcelJs: Uint8Array; own: Map<string, OwnCells> }> {
  const own = new Map<string, OwnCells>();
  const large = [...(await sheetParts(zip))].filter(([, path]) => ((zip.file(path) as unknown as { _data?: { uncompressedSize?: number } } | null)?._data?.uncompressedSize ?? Infinity) >= from);
  if (large.length === 0) return { forExcelJs: bytes, own };
  const strings = plainStrings(await readPart(zip, "xl/sharedStrings.xml"));
  const originals = new Map<string, JSZip.JSZipObject>();
  try {
    for (const [name, path] of large) {
      const xml = await readPart(zip, path);
      const split = xml === null ? null : splitSheet(xml, strings);
      if (!split) continue;
      originals.set(path, zip.files[path]);
      zip.file(path, split.forExcelJs);
      own.set(name, split.own);
    }
    if (own.size === 0) return { forExcelJs: bytes, own };
    return { forExcelJs: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), own };
  } finally {
    for (const [path, entry] of originals) zip.files[path] = entry;
  }
}

/** Puts the cells read without ExcelJS into the sheet, each with the look ExcelJS read for the first cell of its style. */
function addOwnCells(sheet: SheetModel, own: OwnCells, date1904: boolean, epoch: number): void {
  const looks = new Map<number, CellModel | undefined>();
  for (const [s, [r, c]] of own.firstOfStyle) looks.set(s, sheet.cell(r, c));
  for (let i = 0; i < own.rows.length; i++) {
    const target = sheet.ensureCell(own.rows[i], own.cols[i]);
    const look = own.styles[i] ? looks.get(own.styles[i]) : undefined;
    const kind = own.kinds[i];
    const v = own.values[i];
    if (kind === 0) {
      // ExcelJS gives a number in a date format as a Date (utils.excelToDate), which importCell turns back into a serial.
      target.value = look && isDateFormat(look.numberFormat) ? serialOf(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)), epoch) : v;
    } else if (kind === 1) target.value = own.texts[v];
    else if (kind === 2) target.value = v === 1;
    else {
      target.value = own.texts[v];
      target.error = true;
    }
    if (look) copyLook(look, target);
  }
  for (const [r, { height, hidden }] of own.rowLooks) {
    if (hidden) sheet.hiddenRows.add(r);
    if (height !== undefined && height !== DEFAULT_ROW_HEIGHT) sheet.rowHeights.set(r, height);
  }
}

/** A cell's format onto another cell (own copies of the font and borders, which are changed in place elsewhere). */
function copyLook(from: CellModel, to: CellModel): void {
  if (from.numberFormat !== undefined) to.numberFormat = from.numberFormat;
  if (from.fill !== undefined) to.fill = from.fill;
  if (from.font !== undefined) to.font = { ...from.font };
  if (from.horizontalAlignment !== undefined) to.horizontalAlignment = from.horizontalAlignment;
  if (from.verticalAlignment !== undefined) to.verticalAlignment = from.verticalAlignment;
  if (from.wrapText !== undefined) to.wrapText = from.wrapText;
  if (from.borders !== undefined) to.borders = Object.fromEntries(Object.entries(from.borders).map(([k, b]) => [k, { ...b }]));
}

/** Options for saveXlsx. */
export interface SaveXlsxOptions {
  /** Writes native charts into the package (src/emulator/xlsx-charts.ts addChartsToXlsx); without it charts are not saved. */
  readonly writeCharts?: (xlsx: Uint8Array, charts: readonly ChartPartSpec[]) => Promise<Uint8Array>;
  /** The add-in id the settings part names (manifest.xml <Id>). */
  readonly addinId?: string;
}

/** LAA Scorecard's manifest id (manifest.xml). */
export const LAA_ADDIN_ID = "3b6f2a8e-6c1d-4f7a-9e55-2d4c8b1a7f30";

const CHART_KINDS: Record<string, ChartKind> = {
  BarClustered: "barClustered", BarStacked: "barStacked", ColumnClustered: "columnClustered", ColumnStacked: "columnStacked", Doughnut: "doughnut", Line: "line", LineMarkers: "line", XYScatter: "scatter",
};

/** Sheet-qualified absolute reference as a chart series uses it: "'Scorecard'!$B$5:$B$8". */
function chartRef(sheet: SheetModel, rect: CellRect): string {
  return `'${sheet.name.replace(/'/g, "''")}'!${formatAddress(rect, undefined, true)}`;
}

/**
 * The ChartPartSpec of each chart the writer can draw, with the charts it cannot (by type) listed.
 * Series references point at the cells the chart reads; legend positions map to lower case.
 */
export function chartSpecs(wb: WorkbookModel): { specs: ChartPartSpec[]; skipped: string[] } {
  const specs: ChartPartSpec[] = [];
  const skipped: string[] = [];
  for (const sheet of wb.sheets) {
    for (const c of sheet.charts) {
      const kind = CHART_KINDS[c.type];
      if (!kind) { skipped.push(`${sheet.name}/${c.name}: chart type ${c.type} is not written`); continue; }
      specs.push(chartToSpec(c, kind));
    }
  }
  return { specs, skipped };
}

function chartToSpec(c: ChartModel, kind: ChartKind): ChartPartSpec {
  const series: ChartSeriesSpec[] = c.series.filter((s) => s.values).map((s) => ({
    ...(s.nameRef ? { name: { ref: chartRef(s.nameRef.sheet, s.nameRef.rect) } } : s.name !== undefined ? { name: s.name } : {}),
    categoriesRef: s.categories ? chartRef(s.categories.sheet, s.categories.rect) : "",
    valuesRef: chartRef(s.values!.sheet, s.values!.rect),
    ...(s.colour ? { colour: s.colour.replace("#", "") } : {}),
    ...(s.pointColours.some(Boolean) ? { pointColours: Array.from(s.pointColours, (p) => (p ? p.replace("#", "") : null)) } : {}),
    ...(s.markerStyle === "None" ? { markers: false } : {}),
    ...(s.lineStyle === "Continuous" ? { line: true } : {}),
  }));
  const anchor = chartAnchor(c);
  const legend = !c.legend.visible ? "none" : (["right", "bottom", "top", "left"].includes(c.legend.position.toLowerCase()) ? c.legend.position.toLowerCase() : "right") as ChartPartSpec["legend"];
  const axisTitles = c.categoryAxisTitle.visible || c.valueAxisTitle.visible
    ? { ...(c.categoryAxisTitle.visible ? { category: c.categoryAxisTitle.text } : {}), ...(c.valueAxisTitle.visible ? { value: c.valueAxisTitle.text } : {}) }
    : undefined;
  return {
    sheetName: c.sheet.name, kind, ...(c.title.visible && c.title.text ? { title: c.title.text } : {}), series,
    from: anchor.from, to: anchor.to, legend, ...(axisTitles ? { axisTitles } : {}),
  };
}

/** Gives ExcelJS one cell: its value and the shared style object of its look (`key`, xlsx-cells.ts lookKey). */
function exportCell(cell: CellModel, xc: XCell, key: string, looks: Map<string, Partial<ExcelJS.Style>>): void {
  if (cell.formula !== undefined) {
    const result = cell.value === null ? undefined : cell.error ? { error: cell.value } : cell.value;
    xc.value = { formula: cell.formula.slice(1), ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
  } else if (cell.error) xc.value = { error: cell.value } as ExcelJS.CellErrorValue;
  // Rich text and hyperlinks go back as the file held them while the cell still shows their text.
  else if (cell.kept && cell.value === cell.kept.text) xc.value = cell.kept.original as ExcelJS.CellValue;
  else xc.value = cell.value as ExcelJS.CellValue;
  if (key === "") return;
  // Cells with the same format share one style object: ExcelJS's StylesXform works out the style of
  // each distinct object once.
  let look = looks.get(key);
  if (!look) {
    look = lookOf(cell, {});
    looks.set(key, look);
  }
  xc.style = look as ExcelJS.Style;
}

/** Writes the emulator cell's format into an ExcelJS style object; gives the object. */
function lookOf(cell: CellModel, style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  if (cell.numberFormat) style.numFmt = cell.numberFormat;
  if (cell.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: toArgb(cell.fill) } };
  if (cell.font) {
    style.font = {
      ...(cell.font.bold ? { bold: true } : {}), ...(cell.font.italic ? { italic: true } : {}),
      ...(cell.font.color ? { color: { argb: toArgb(cell.font.color) } } : {}), name: cell.font.name ?? "Calibri", size: cell.font.size ?? 11,
    };
  }
  if (cell.horizontalAlignment || cell.wrapText || cell.verticalAlignment) {
    const vertical = cell.verticalAlignment ? ({ Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" } as Record<string, ExcelJS.Alignment["vertical"]>)[cell.verticalAlignment] : undefined;
    style.alignment = {
      ...(cell.horizontalAlignment && cell.horizontalAlignment !== "General" ? { horizontal: (cell.horizontalAlignment === "CenterAcrossSelection" ? "centerContinuous" : cell.horizontalAlignment.charAt(0).toLowerCase() + cell.horizontalAlignment.slice(1)) as ExcelJS.Alignment["horizontal"] } : {}),
      ...(vertical ? { vertical } : {}), ...(cell.wrapText ? { wrapText: true } : {}),
    };
  }
  if (cell.borders) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const x = cell.borders[side];
      if (x) border[side] = { style: borderToXml(x.style, x.weight) as ExcelJS.BorderStyle, color: { argb: toArgb(x.color) } };
    }
    style.border = border as ExcelJS.Borders;
  }
  return style;
}

/** A sheet's print setup as ExcelJS reads it. */
function pageLayoutOf(ps: Partial<ExcelJS.PageSetup> | undefined): SheetModel["pageLayout"] {
  const titles = /^\$?(\d+):\$?(\d+)$/.exec(ps?.printTitlesRow ?? "");
  return {
    orientation: ps?.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: ps?.fitToPage ? { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 } : ps?.scale && ps.scale !== 100 ? { scale: ps.scale } : {},
    printTitleRows: titles ? { first: Number(titles[1]) - 1, last: Number(titles[2]) - 1 } : null,
  };
}

/** The sheet's print setup as ExcelJS writes it (<pageSetup> fitToWidth/fitToHeight, <sheetPr><pageSetUpPr fitToPage>, the Print_Titles name). */
function pageSetupOf(sheet: SheetModel): Partial<ExcelJS.PageSetup> {
  const { orientation, zoom, printTitleRows } = sheet.pageLayout;
  const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
  return {
    orientation: orientation === "Landscape" ? "landscape" : "portrait",
    ...(fit ? { fitToPage: true, fitToWidth: zoom.horizontalFitToPages ?? 0, fitToHeight: zoom.verticalFitToPages ?? 0 } : zoom.scale ? { scale: zoom.scale } : {}),
    ...(printTitleRows ? { printTitlesRow: `${printTitleRows.first + 1}:${printTitleRows.last + 1}` } : {}),
  };
}

/**
 * Writes the workbook as .xlsx bytes: cells, formulas with their cached results, number formats,
 * fills, fonts, column widths, frozen panes, tables, conditional formats, names, settings; charts
 * through `writeCharts` when given.
 */
export async function saveXlsx(wb: WorkbookModel, options: SaveXlsxOptions = {}): Promise<Uint8Array> {
  const zip = await saveXlsxZip(wb, options);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * {@link saveXlsx} as an opened package, not yet zipped: for a caller that changes parts before it
 * writes the file, so each part is compressed once, when the caller zips it. ExcelJS's package is
 * stored uncompressed, and the settings and rule attributes go into the same opened package.
 * @example const zip = await saveXlsxZip(wb); Object.keys(zip.files).includes("xl/workbook.xml") // => true
 */
export async function saveXlsxZip(wb: WorkbookModel, options: SaveXlsxOptions = {}): Promise<JSZip> {
  const x = new ExcelJS.Workbook();
  const looks = new Map<string, Partial<ExcelJS.Style>>();
  const plans: SheetCellsPlan[] = [];
  const pass = cellsPass();
  for (const sheet of wb.sheets) {
    const xs = x.addWorksheet(sheet.name, {
      state: sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible",
      views: sheet.frozen.rows || sheet.frozen.columns ? [{ state: "frozen", xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows }] : [],
      pageSetup: pageSetupOf(sheet),
    });
    // Tables first, with one body row (writeCells sizes their parts): the emulator's cells win.
    const tables = wb.tables.filter((tb) => tb.sheet === sheet);
    for (const t of tables) {
      const header = Array.from({ length: t.rect.colCount }, (_, j) => String(sheet.cell(t.rect.row, t.rect.col + j)?.value ?? `Column${j + 1}`));
      xs.addTable({
        name: t.name, ref: formatAddress({ row: t.rect.row, col: t.rect.col, rowCount: 1, colCount: 1 }), headerRow: true, totalsRow: t.showTotals,
        style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
        columns: header.map((name) => ({ name })),
        rows: [header.map(() => null)],
      });
    }
    // ExcelJS writes a few cells (one per look gives styles.xml each look); writeCells writes them all.
    plans.push(planSheetCells(sheet, tables, pass, (cell, r, c, key) => exportCell(cell, xs.getRow(r + 1).getCell(c + 1), key, looks)));
    for (const [c, w] of sheet.columnWidths) if (w !== DEFAULT_COLUMN_WIDTH) xs.getColumn(c + 1).width = pointsToChars(w);
    // <rowBreaks><brk id="n"> breaks after 1-based row n, i.e. before 0-based row n.
    for (const r of sheet.rowBreaks) xs.getRow(r).addPageBreak();
    sheet.conditionalFormats.forEach((cf, i) => {
      xs.addConditionalFormatting({ ref: formatAddress(cf.rect), rules: [exportRule(cf, i + 1) as unknown as ExcelJS.ConditionalFormattingRule] });
    });
  }
  for (const n of wb.names.values()) {
    try {
      const p = parseAddress(n.formula.replace(/^=/, ""));
      if (p.sheet) x.definedNames.add(`${p.sheet}!${formatAddress(p, undefined, true)}`, n.name);
    } catch {
      // Not a single range: ROUND_TRIP_LOSSES says such names are not kept.
    }
  }
  const stored = new Uint8Array(await x.xlsx.writeBuffer({ zip: { compression: "STORE" } } as unknown as Partial<ExcelJS.XlsxWriteOptions>));
  let zip = await JSZip.loadAsync(stored);
  // The rule patch reads the sheet parts while they hold only ExcelJS's few cells.
  if (wb.sheets.some((sh) => sh.conditionalFormats.some((cf) => cf.stopIfTrue || cf.type === "ContainsText"))) await patchRuleAttributes(zip, wb);
  await writeCells(zip, await sheetParts(zip), plans);
  if (wb.settings.size > 0) await writeSettings(zip, wb.settings, options.addinId ?? LAA_ADDIN_ID);
  const { specs } = chartSpecs(wb);
  if (specs.length > 0 && options.writeCharts) zip = await JSZip.loadAsync(await options.writeCharts(await zip.generateAsync({ type: "uint8array", compression: "STORE" }), specs));
  return zip;
}

const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXT = "http://schemas.microsoft.com/office/2011/relationships/webextension";

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function xmlUnescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Sheet name -> worksheet part path, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const book = await readPart(zip, "xl/workbook.xml");
  const rels = await readPart(zip, "xl/_rels/workbook.xml.rels");
  if (!book || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && rid && targets.has(rid)) out.set(xmlUnescape(name), targets.get(rid)!);
  }
  return out;
}

/**
 * ExcelJS drops two cfRule attributes the API has: stopIfTrue, and the text of a text rule. Each
 * rule is found by its priority (unique in a sheet: the export numbers them 1..n).
 */
async function patchRuleAttributes(zip: JSZip, wb: WorkbookModel): Promise<void> {
  const parts = await sheetParts(zip);
  for (const sheet of wb.sheets) {
    const path = parts.get(sheet.name);
    if (!path || !sheet.conditionalFormats.some((cf) => cf.stopIfTrue || cf.type === "ContainsText")) continue;
    const found = await readPart(zip, path);
    if (found === null) continue;
    let xml = found;
    sheet.conditionalFormats.forEach((cf, i) => {
      const extra = `${cf.stopIfTrue ? ' stopIfTrue="1"' : ""}${cf.type === "ContainsText" ? ` text="${xmlEscape(cf.textRule?.text ?? "")}"` : ""}`;
      if (!extra) return;
      xml = xml.replace(new RegExp(`<cfRule\\b[^>]*\\bpriority="${i + 1}"[^>]*>`), (tag) => {
        // Excel writes operator="containsText" on such rules; ExcelJS leaves it out as its default.
        const op = cf.type === "ContainsText" && !/\boperator=/.test(tag) ? ' operator="containsText"' : "";
        return tag.replace(/\s*\/?>$/, (end) => `${extra}${op}${end}`);
      });
    });
    writePart(zip, path, xml);
  }
}

/** Manual row breaks (<rowBreaks><brk id="n" man="1"/>), which ExcelJS writes but does not read. */
async function readRowBreaks(zip: JSZip, wb: WorkbookModel): Promise<void> {
  for (const [name, part] of await sheetParts(zip)) {
    const xml = await readPart(zip, part);
    const block = xml ? /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml) : null;
    const sheet = wb.sheetByName(name);
    if (!block || !sheet) continue;
    const ids = [...block[1].matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])).filter((id) => id > 0);
    sheet.rowBreaks = [...new Set(ids)].sort((a, b) => a - b);
  }
}

async function readStopIfTrue(zip: JSZip, index: Map<string, Map<number, ConditionalFormatModel>>): Promise<void> {
  for (const [name, path] of await sheetParts(zip)) {
    const byPriority = index.get(name);
    const xml = byPriority?.size ? await readPart(zip, path) : undefined;
    if (!xml || !byPriority) continue;
    for (const m of xml.matchAll(/<cfRule\b[^>]*>/g)) {
      if (!/\bstopIfTrue="(1|true)"/.test(m[0])) continue;
      const priority = Number(/\bpriority="(\d+)"/.exec(m[0])?.[1]);
      const cf = byPriority.get(priority);
      if (cf) cf.stopIfTrue = true;
    }
  }
}

/** Adds the web extension part holding the settings (one property per key, value as JSON). */
async function writeSettings(zip: JSZip, settings: Map<string, string>, addinId: string): Promise<void> {
  const props = [...settings].map(([k, v]) => `<we:property name="${xmlEscape(k)}" value="${xmlEscape(v)}"/>`).join("");
  zip.file("xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="${WE_NS}" id="{6F1E5C0A-2B1D-4E9A-9C3B-5A7D1E2F3B4C}"><we:reference id="${xmlEscape(addinId)}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`);
  zip.file("xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${WETP_NS}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="1"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`);
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_WEBEXT}" Target="webextension1.xml"/></Relationships>`);
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file("_rels/.rels", rels.replace("</Relationships>", `<Relationship Id="rIdWebExt1" Type="${REL_TASKPANES}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", ct.replace("</Types>",
    `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`));
}

/**
 * Reads this add-in's settings (key -> JSON text) from the web extension parts that name it (another
 * add-in's part holds that add-in's settings, which are not ours to read). A value that is not JSON
 * is left out with a warning rather than making the workbook unreadable.
 */
async function readSettings(zip: JSZip, warnings: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const parts = Object.keys(zip.files).filter((n) => /^xl\/webextensions\/webextension\d+\.xml$/.test(n));
  for (const p of parts) {
    const xml = await zip.file(p)!.async("string");
    if (!isOurWebExtension(xml)) continue;
    const re = /<we:property\s+name="([^"]*)"\s+value="([^"]*)"\s*\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) {
      const value = xmlUnescape(m[2]);
      try {
        JSON.parse(value);
        out.set(xmlUnescape(m[1]), value);
      } catch {
        warnings.push(`The stored setting "${xmlUnescape(m[1])}" is not readable (not JSON), so it was left out and the defaults are used.`);
      }
    }
  }
  return out;
}

/** Whether a web extension part is this add-in's: its reference names our manifest id (or it names none, as older saves did not). */
export function isOurWebExtension(xml: string): boolean {
  const ref = /<we:reference\s[^>]*\bid="([^"]*)"/.exec(xml)?.[1];
  return ref === undefined || ref.toLowerCase() === LAA_ADDIN_ID;
}

export { columnLetters };
