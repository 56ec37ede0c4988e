/**
 * Through the runner: nothing the user owns is lost or changed, or the file is not written
 * and the message says what and why. One test per case (numbers in the test names), and
 * a package-level comparison over a workbook rich in user-owned things: every part the command does
 * not own byte for byte, the workbook and sheet settings it does not own by parsed equality, and
 * every cell of every sheet by ExcelJS (an independent reader).
 *
 * Test workbooks are built here from the Anycity sample (assets/samples/anycity-laa.xlsx) with JSZip.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cli, digest, readReport, readWithExcelJs, sampleDir } from "./helpers";

jest.setTimeout(120_000);

async function zipOf(file: string): Promise<JSZip> {
  return JSZip.loadAsync(await fs.readFile(file));
}

async function text(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

async function save(zip: JSZip, file: string): Promise<void> {
  await fs.writeFile(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

const CUSTOM_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_Owner"><vt:lpwstr>performance.team@anycity.gov.uk</vt:lpwstr></property></Properties>`;

const CORE_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Anycity LAA quarterly return</dc:title><dc:creator>Priya Shah</dc:creator><cp:keywords>LAA; Q3; OFFICIAL-SENSITIVE</cp:keywords><cp:lastModifiedBy>Priya Shah</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2010-10-15T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2010-10-21T16:30:00Z</dcterms:modified></cp:coreProperties>`;

const APP_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><Company>Anycity Council</Company><Manager>Head of Performance</Manager></Properties>`;

/**
 * Anycity with what a user's workbook carries beside its cells: title, author, keywords, company and
 * a sensitivity label in custom properties, manual calculation, the 1904 date system, a tab colour,
 * hidden gridlines and 85% zoom on the notes sheet, and (with `otherAddin`) another add-in's settings.
 */
async function richWorkbook(dir: string, name: string, otherAddin = false): Promise<string> {
  const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
  zip.file("docProps/core.xml", CORE_XML);
  zip.file("docProps/app.xml", APP_XML);
  zip.file("docProps/custom.xml", CUSTOM_XML);
  let types = await text(zip, "[Content_Types].xml");
  types = types.replace("</Types>", `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`);
  let rels = await text(zip, "_rels/.rels");
  rels = rels.replace("</Relationships>", `<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`);
  if (otherAddin) {
    zip.file("xl/webextensions/webextension1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{11111111-2222-3333-4444-555555555555}"><we:reference id="wa104381071" version="1.0.0.0" store="en-GB" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="other.addin.token" value="&quot;keep-me&quot;"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`);
    zip.file("xl/webextensions/taskpanes.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="400" row="0"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`);
    zip.file("xl/webextensions/_rels/taskpanes.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`);
    rels = rels.replace("</Relationships>", `<Relationship Id="rIdTp" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`);
  }
  zip.file("[Content_Types].xml", types);
  zip.file("_rels/.rels", rels);
  let wb = await text(zip, "xl/workbook.xml");
  wb = wb.replace(`<workbookPr `, `<workbookPr date1904="1" `).replace(`<calcPr calcId="171027"/>`, `<calcPr calcId="171027" calcMode="manual" calcOnSave="0"/>`);
  zip.file("xl/workbook.xml", wb);
  // The notes sheet ("About this sample"): a tab colour, gridlines off, 85% zoom.
  let notes = await text(zip, "xl/worksheets/sheet2.xml");
  notes = notes.replace(/<sheetPr\b[^>]*\/>|<sheetPr\b[^>]*>[\s\S]*?<\/sheetPr>/, "");
  notes = notes.replace(/(<worksheet\b[^>]*>)/, `$1<sheetPr><tabColor rgb="FF7030A0"/></sheetPr>`);
  notes = notes.replace(/<sheetViews>[\s\S]*?<\/sheetViews>|<sheetViews\/>/, "");
  notes = notes.replace(/(<dimension\b[^>]*\/>)/, `$1<sheetViews><sheetView showGridLines="0" zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><selection activeCell="B3" sqref="B3"/></sheetView></sheetViews>`);
  // A date on the notes sheet: serial 40000 is 7 July 2013 in the 1904 system (Excel's own DATE(2013,7,7) there).
  notes = notes.replace("</sheetData>", `<row r="9"><c r="A9" s="8"><v>40000</v></c></row></sheetData>`).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:A9"/>`);
  zip.file("xl/worksheets/sheet2.xml", notes);
  const styles = await text(zip, "xl/styles.xml");
  zip.file("xl/styles.xml", styles.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_m, n: string, body: string) => `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`));
  const file = path.join(dir, name);
  await save(zip, file);
  return file;
}

/** An element's attributes as a sorted object (parsed equality: attribute order and quoting do not matter). */
function attrs(xml: string, name: string): Record<string, string> | null {
  const tag = new RegExp(`<${name}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!tag) return null;
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return Object.fromEntries(Object.entries(out).sort());
}

/** Every cell value of every sheet, by ExcelJS, as "sheet!A1" -> value text. */
async function cellsOf(file: string): Promise<Map<string, string>> {
  const wb = await readWithExcelJs(file);
  const out = new Map<string, string>();
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
    out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
  })));
  return out;
}

describe("the package comparison: a workbook rich in user-owned things through rate (cases 4 and 5)", () => {
  it("every part rate does not own comes out byte for byte, its settings and views by parsed equality, and every cell outside its columns unchanged", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const input = await richWorkbook(dir, "rich.xlsx", true);
    const run = await cli(dir, ["rate", "rich.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const output = path.join(dir, "out", "rich.xlsx");
    const a = await zipOf(input);
    const b = await zipOf(output);
    // Parts the add-in does not write at all: byte for byte.
    for (const part of ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "xl/theme/theme1.xml"]) {
      expect(await b.file(part)?.async("string")).toBe(await text(a, part));
    }
    const types = await text(b, "[Content_Types].xml");
    expect(types).toContain(`PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"`);
    expect(await text(b, "_rels/.rels")).toMatch(/relationships\/custom-properties" Target="docProps\/custom.xml"/);
    // ExcelJS (an independent reader) sees the title, author, keywords and company.
    const read = await readWithExcelJs(output);
    expect(read.title).toBe("Anycity LAA quarterly return");
    expect(read.creator).toBe("Priya Shah");
    expect(read.keywords).toBe("LAA; Q3; OFFICIAL-SENSITIVE");
    expect(read.company).toBe("Anycity Council");
    // Workbook settings: manual calculation and the 1904 date system.
    const wbOut = await text(b, "xl/workbook.xml");
    expect(attrs(wbOut, "calcPr")).toEqual(attrs(await text(a, "xl/workbook.xml"), "calcPr"));
    expect(attrs(wbOut, "workbookPr")?.date1904).toBe("1");
    // The date keeps its serial, so under the 1904 flag it is still 7 July 2013.
    const serial = (xml: string) => /<c r="A9"[^>]*>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v>/.exec(xml)?.[1];
    expect(serial(await text(b, "xl/worksheets/sheet2.xml"))).toBe("40000");
    // The notes sheet's tab colour and view.
    const notesIn = await text(a, "xl/worksheets/sheet2.xml");
    const notesOut = await text(b, "xl/worksheets/sheet2.xml");
    expect(attrs(notesOut, "tabColor")).toEqual(attrs(notesIn, "tabColor"));
    expect(attrs(notesOut, "sheetView")).toEqual(attrs(notesIn, "sheetView"));
    // The rated sheet keeps its frozen panes (its view is the user's too).
    expect(attrs(await text(b, "xl/worksheets/sheet1.xml"), "pane")).toEqual(attrs(await text(a, "xl/worksheets/sheet1.xml"), "pane"));
    // Another add-in's settings part is still there, still naming that add-in, with its property, and its task pane.
    const parts = Object.keys(b.files).filter((n) => /^xl\/webextensions\/webextension\d+\.xml$/.test(n));
    const texts = await Promise.all(parts.map((p) => text(b, p)));
    const other = texts.filter((t) => t.includes(`id="wa104381071"`));
    expect(other).toHaveLength(1);
    expect(other[0]).toContain(`name="other.addin.token" value="&quot;keep-me&quot;"`);
    // Ours holds only ours: the other add-in's property did not move into it.
    for (const t of texts.filter((x) => !x.includes(`id="wa104381071"`))) expect(t).not.toContain("other.addin.token");
    expect(await text(b, "xl/webextensions/taskpanes.xml")).toContain(`width="400"`);
    // Every cell outside rate's own columns (Q onwards of the rated sheet) is unchanged.
    const before = await cellsOf(input);
    const after = await cellsOf(output);
    const ownColumn = (key: string) => /^LAA indicators!([R-Z]|A[A-Z])\d+$/.test(key);
    for (const [key, value] of before) if (!ownColumn(key)) expect([key, after.get(key)]).toEqual([key, value]);
  });
});

describe("hostile inputs through the runner: nothing the user owns is lost", () => {
  it("1: --report naming an input or an output workbook is refused and the workbook is untouched", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const before = await digest(path.join(dir, "anycity-laa.xlsx"));
    const onInput = await cli(dir, ["rate", "anycity-laa.xlsx", "--out", "out", "--report", "anycity-laa.xlsx"]);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toMatch(/--report anycity-laa\.xlsx would write over the workbook anycity-laa\.xlsx/);
    expect(await digest(path.join(dir, "anycity-laa.xlsx"))).toBe(before);
    const onOutput = await cli(dir, ["rate", "anycity-laa.xlsx", "--out", "out", "--report", "out/anycity-laa.xlsx"]);
    expect(onOutput.code).toBe(2);
    await expect(fs.stat(path.join(dir, "out", "anycity-laa.xlsx"))).rejects.toThrow();
    const inPlace = await cli(dir, ["rate", "anycity-laa.xlsx", "--in-place", "--report", "./anycity-laa.xlsx"]);
    expect(inPlace.code).toBe(2);
    expect(await digest(path.join(dir, "anycity-laa.xlsx"))).toBe(before);
  });

  it("3: defined names on sheets whose names need quotes survive unchanged, and a sheet name with ( or , is not refused", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
    const extra = [["Q3 data", 3], ["Bob's data", 4], ["Targets (2010, draft)", 5]] as const;
    let wb = await text(zip, "xl/workbook.xml");
    let wbRels = await text(zip, "xl/_rels/workbook.xml.rels");
    let types = await text(zip, "[Content_Types].xml");
    for (const [name, n] of extra) {
      const rows = Array.from({ length: 13 }, (_v, i) => `<row r="${i + 1}"><c r="G${i + 1}"><v>${(i + 1) * 10}</v></c></row>`).join("");
      zip.file(`xl/worksheets/sheet${n}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="G1:G13"/><sheetData>${rows}</sheetData></worksheet>`);
      wb = wb.replace("</sheets>", `<sheet name="${name.replace(/'/g, "&apos;")}" sheetId="${n}" r:id="rIdX${n}"/></sheets>`);
      wbRels = wbRels.replace("</Relationships>", `<Relationship Id="rIdX${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`);
      types = types.replace("</Types>", `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
    }
    const names = [["Q3Spend", "'Q3 data'!$G$2:$G$13"], ["BobsTotals", "'Bob''s data'!$G$1:$G$5"], ["DraftTargets", "'Targets (2010, draft)'!$G$3:$G$9"]];
    wb = wb.replace("</sheets>", `</sheets><definedNames>${names.map(([n, f]) => `<definedName name="${n}">${f.replace(/'/g, "&apos;")}</definedName>`).join("")}</definedNames>`);
    zip.file("xl/workbook.xml", wb);
    zip.file("xl/_rels/workbook.xml.rels", wbRels);
    zip.file("[Content_Types].xml", types);
    await save(zip, path.join(dir, "names.xlsx"));
    const run = await cli(dir, ["rate", "names.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = await text(await zipOf(path.join(dir, "out", "names.xlsx")), "xl/workbook.xml");
    const unescape = (t: string) => t.replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    const written = new Map([...out.matchAll(/<definedName\s[^>]*name="([^"]*)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => [m[1], unescape(m[2])]));
    for (const [n, f] of names) expect([n, written.get(n)]).toEqual([n, f]);
  });

  it("15: a sheet-level filter is kept, not a reason to refuse the file", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
    const notes = await text(zip, "xl/worksheets/sheet2.xml");
    zip.file("xl/worksheets/sheet2.xml", notes.replace("</sheetData>", `</sheetData><autoFilter ref="A1:A7"/>`));
    await save(zip, path.join(dir, "filter.xlsx"));
    const run = await cli(dir, ["rate", "filter.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = await text(await zipOf(path.join(dir, "out", "filter.xlsx")), "xl/worksheets/sheet2.xml");
    expect(out).toMatch(/<\/sheetData>(?:<[^>]*>)*?<autoFilter ref="A1:A7"\/>/);
  });

  it("15: rich text and hyperlinks in the user's cells are kept; a hyperlink the writer would change refuses the file, naming it", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const make = async (name: string, link: ExcelJS.CellHyperlinkValue) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Data");
      ws.addRow(["Code", "Indicator", "Polarity", "Target", "Actual", "Notes"]);
      ws.addRow(["NI 1", "People who get on well", "Higher", 75, 72, { richText: [{ text: "Survey ", font: { bold: true } }, { text: "cancelled", font: { italic: true, color: { argb: "FFFF0000" } } }] }]);
      ws.addRow(["NI 2", "Litter", "Lower", 10, 12, link]);
      await wb.xlsx.writeFile(path.join(dir, name));
    };
    await make("kept.xlsx", { text: "See the plan", hyperlink: "https://example.gov.uk/plan" });
    const run = await cli(dir, ["rate", "kept.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = await readWithExcelJs(path.join(dir, "out", "kept.xlsx"));
    const ws = out.getWorksheet("Data")!;
    expect(ws.getCell("F2").value).toEqual({ richText: [{ font: { bold: true }, text: "Survey " }, { font: { italic: true, color: { argb: "FFFF0000" } }, text: "cancelled" }] });
    expect(ws.getCell("F3").value).toEqual({ text: "See the plan", hyperlink: "https://example.gov.uk/plan" });
    expect(ws.getCell("G3").value).toBe("Red"); // 12 against a target of 10, lower is better: 20% over
    // ExcelJS's writer drops a hyperlink's tooltip: the file is refused rather than written without it.
    await make("tooltip.xlsx", { text: "See the plan", hyperlink: "https://example.gov.uk/plan", tooltip: "The 2010 plan" } as ExcelJS.CellHyperlinkValue);
    const refused = await cli(dir, ["rate", "tooltip.xlsx", "--out", "out"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/tooltip\.xlsx was not written: .*hyperlinks on sheet Data/);
    await expect(fs.stat(path.join(dir, "out", "tooltip.xlsx"))).rejects.toThrow();
  });

  it("15: a table with a Status column of its own is rated, the user's column kept and the add-in's named LAA Status", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KPIs");
    ws.addTable({
      name: "KPIs", ref: "A1", headerRow: true,
      columns: [{ name: "Code" }, { name: "Indicator" }, { name: "Polarity" }, { name: "Target" }, { name: "Actual" }, { name: "Status" }],
      rows: [["K1", "Days to decide homelessness", "Lower", 15, 11, "Green"], ["K2", "Sickness days per person", "Lower", 8, 9, "Red"]],
    });
    await wb.xlsx.writeFile(path.join(dir, "status.xlsx"));
    const run = await cli(dir, ["rate", "status.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = (await readWithExcelJs(path.join(dir, "out", "status.xlsx"))).getWorksheet("KPIs")!;
    expect([1, 2, 3].map((r) => out.getCell(r, 6).value)).toEqual(["Status", "Green", "Red"]); // the council's own, untouched
    expect(out.getCell(1, 7).value).toBe("LAA Status");
    // 11 days against 15, lower is better: met (Green); 9 against 8: 1 over = 12.5% of 8, beyond 5% (Red).
    expect([out.getCell(2, 7).value, out.getCell(3, 7).value]).toEqual(["Green", "Red"]);
  });

  it("6: --out through a link to the input folder is refused as writing over the input", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    await fs.symlink(dir, path.join(dir, "linked"));
    const before = await digest(path.join(dir, "anycity-laa.xlsx"));
    const run = await cli(dir, ["rate", "anycity-laa.xlsx", "--out", "linked"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out would write over the input anycity-laa\.xlsx/);
    expect(await digest(path.join(dir, "anycity-laa.xlsx"))).toBe(before);
  });

  it("7: --in-place keeps the file's mode (600) and a linked input stays a link to the updated file", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const target = path.join(dir, "anycity-laa.xlsx");
    await fs.chmod(target, 0o600);
    await fs.symlink("anycity-laa.xlsx", path.join(dir, "link.xlsx"));
    const before = await digest(target);
    const run = await cli(dir, ["rate", "link.xlsx", "--in-place"]);
    expect(run.code).toBe(0);
    expect((await fs.lstat(path.join(dir, "link.xlsx"))).isSymbolicLink()).toBe(true);
    expect(await digest(target)).not.toBe(before);
    const st = await fs.stat(target);
    expect(st.mode & 0o777).toBe(0o600);
    expect(st.uid).toBe(process.getuid?.());
  });

  it("8: cell text with emoji and other astral characters round-trips through rate, without --force", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
    // Enough text that the writer encodes it in several 16 KB slices, nearly all of it characters
    // outside the Basic Multilingual Plane (😀 U+1F600, 𝔘 U+1D518) at odd and even offsets, so some
    // straddle a slice boundary.
    const rows: string[] = [];
    const expected = new Map<string, string>();
    for (let r = 1; r <= 4000; r++) {
      const value = `${r % 2 ? "x" : ""}${"😀𝔘".repeat(20)} Q3 £${r} é`;
      expected.set(`A${r}`, value);
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${value}</t></is></c></row>`);
    }
    zip.file("xl/worksheets/sheet2.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A4000"/><sheetData>${rows.join("")}</sheetData></worksheet>`);
    await save(zip, path.join(dir, "emoji.xlsx"));
    const run = await cli(dir, ["rate", "emoji.xlsx", "--out", "out"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const read = await readWithExcelJs(path.join(dir, "out", "emoji.xlsx"));
    const ws = read.getWorksheet("About this sample")!;
    for (const [address, value] of expected) expect([address, ws.getCell(address).text]).toEqual([address, value]);
  });

  it("9: a sheet of 1,048,576 rows x 4 columns is refused with a size message before it is loaded, and the rest of the batch runs", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
    const rows: string[] = [];
    // About 120 MB of sheet XML: over the runner's 100 MB limit (MAX_SHEET_XML_BYTES).
    for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>${r}</v></c><c r="D${r}"><v>${r}</v></c></row>`);
    zip.file("xl/worksheets/sheet2.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D1048576"/><sheetData>${rows.join("")}</sheetData></worksheet>`);
    await save(zip, path.join(dir, "huge.xlsx"));
    const run = await cli(dir, ["rate", "huge.xlsx", "anycity-laa.xlsx", "--out", "out", "--report", "out/r.json"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/huge\.xlsx was not read: it is too large for this runner to load \(xl\/worksheets\/sheet2\.xml \(\d+ MB of sheet data\)/);
    const report = await readReport(path.join(dir, "out", "r.json"));
    expect(report.files.map((f) => f.outcome)).toEqual(["refused", "done"]);
  });

  it("10: a plain table in A1:E20 with one value out in XFD5 (used range in whole-row form, 1:20) is rated beside the table and the XFD cell is kept", async () => {
    const dir = await sampleDir();
    // Statuses by hand, Tolerance preset (docs/methods.md#tolerance, 5% band), target 50, higher is
    // better: 50 meets it (Green), 48.5 is 3% short (Amber), 40 is 20% short (Red), cycling over 19 rows.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Q3 data");
    ws.addRow(["Code", "Indicator", "Polarity", "Target", "Actual"]);
    for (let r = 1; r < 20; r++) ws.addRow([`NI ${r}`, `Indicator ${r}`, "Higher is better", 50, [50, 48.5, 40][(r - 1) % 3]]);
    ws.getCell("XFD5").value = "Checked by PS";
    await wb.xlsx.writeFile(path.join(dir, "far.xlsx"));
    const run = await cli(dir, ["rate", "far.xlsx", "--out", "out", "--report", "out/r.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = await readReport(path.join(dir, "out", "r.json"));
    expect(report.files[0].outcome).toBe("done");
    expect(report.files[0].rowsRated).toBe(19);
    const out = (await readWithExcelJs(path.join(dir, "out", "far.xlsx"))).getWorksheet("Q3 data")!;
    expect(["F1", "F2", "F3", "F4", "F20"].map((a) => out.getCell(a).text)).toEqual(["Status", "Green", "Amber", "Red", "Green"]);
    expect(out.getCell("XFD5").text).toBe("Checked by PS");
    expect(out.getCell("E20").value).toBe(50);
  });

  it("11: settings that are not JSON, a list, carry __proto__, or are 15 MB give the defaults with a warning", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const cases: [string, string, RegExp][] = [
      ["notjson", "{rules: oops", /not readable \(not JSON\)/],
      ["list", "[1,2,3]", /are a list, not the expected settings/],
      ["proto", `{"__proto__":{"polluted":true},"rules":{"preset":"tolerance"}}`, /entries it does not know \(__proto__\)/],
      ["huge", JSON.stringify({ rules: {}, padding: "x".repeat(15 * 1024 * 1024) }), /too large to read \(15\.0 MB\)/],
    ];
    for (const [name, value] of cases) {
      const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
      const escaped = value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      zip.file("xl/webextensions/webextension1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F1E5C0A-2B1D-4E9A-9C3B-5A7D1E2F3B4C}"><we:reference id="3b6f2a8e-6c1d-4f7a-9e55-2d4c8b1a7f30" version="1.0.0.0" store="developer" storeType="Registry"/><we:properties><we:property name="laa-scorecard.settings" value="${escaped}"/></we:properties></we:webextension>`);
      await save(zip, path.join(dir, `${name}.xlsx`));
    }
    const run = await cli(dir, ["rate", ...cases.map(([n]) => `${n}.xlsx`), "--out", "out", "--report", "out/r.json"]);
    expect(run.code).toBe(0);
    const report = await readReport(path.join(dir, "out", "r.json"));
    cases.forEach(([, , warning], i) => {
      expect(report.files[i].outcome).toBe("done");
      // Anycity's 43 indicators are rated with the default rules.
      expect(report.files[i].rowsRated).toBe(43);
      expect(report.files[i].warnings.join("\n")).toMatch(warning);
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("12: an .xlsm written with --force keeps its macro-enabled content type", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const zip = await zipOf(path.join(dir, "anycity-laa.xlsx"));
    const types = await text(zip, "[Content_Types].xml");
    zip.file("[Content_Types].xml", types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    await save(zip, path.join(dir, "macro.xlsm"));
    const run = await cli(dir, ["rate", "macro.xlsm", "--out", "out", "--force"]);
    expect(run.code).toBe(0);
    const out = await text(await zipOf(path.join(dir, "out", "macro.xlsm")), "[Content_Types].xml");
    expect(out).toMatch(/PartName="\/xl\/workbook\.xml" ContentType="application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml"/);
    expect(out).not.toContain("spreadsheetml.sheet.main+xml");
  });

  it("13: encrypted workbooks, .xls renamed .xlsx and .ods get plain messages", async () => {
    const dir = await sampleDir();
    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const encrypted = Buffer.from(cfb);
    // A password-protected .xlsx is an OLE compound file holding an EncryptedPackage stream (MS-OFFCRYPTO 2.3.4.4).
    Buffer.from("EncryptedPackage", "utf16le").copy(encrypted, 512);
    await fs.writeFile(path.join(dir, "locked.xlsx"), encrypted);
    await fs.writeFile(path.join(dir, "old.xlsx"), cfb);
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    ods.file("content.xml", "<office:document-content/>");
    await fs.writeFile(path.join(dir, "calc.ods"), await ods.generateAsync({ type: "uint8array" }));
    const run = await cli(dir, ["rate", "locked.xlsx", "old.xlsx", "calc.ods", "--out", "out"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/locked\.xlsx is protected with a password \(encrypted\)/);
    expect(run.stderr).toMatch(/old\.xlsx is an old-style Excel 97-2003 workbook \(\.xls\)/);
    expect(run.stderr).toMatch(/calc\.ods is an OpenDocument spreadsheet \(\.ods\)/);
    expect(run.stderr).not.toMatch(/central directory|jszip|stuk/i);
  });

  it("14: file names with escape characters or newlines are printed escaped", async () => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const name = "evil\u001b[31m\nlaa-scorecard: all files done.xlsx";
    await fs.copyFile(path.join(dir, "anycity-laa.xlsx"), path.join(dir, name));
    const run = await cli(dir, ["rate", name, "--out", "out"]);
    expect(run.code).toBe(0);
    const printed = run.stdout + run.stderr;
    expect(printed).not.toContain("\u001b");
    expect(printed).toContain("evil\\x1b[31m\\x0alaa-scorecard: all files done.xlsx: rated 43");
    expect(run.stdout.split("\n").filter((l) => l.startsWith("laa-scorecard: all files done"))).toEqual([]);
  });
});
