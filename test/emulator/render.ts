/**
 * Renders an .xlsx to pictures with LibreOffice (headless, to PDF) and poppler's pdftoppm, so tests can
 * check what a reader would see (CONTRIBUTING.md#toolchain-notes, "Looking at output"). CI installs both via .ci/run; on a
 * machine without them, {@link findRenderer} gives null and tests skip with a title saying why.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** LibreOffice converting a workbook takes a few seconds warm, far longer on a cold first start. */
const CONVERT_TIMEOUT_MS = 100_000;

/** Paths of the two programs rendering needs. */
export interface Renderer {
  readonly soffice: string;
  readonly pdftoppm: string;
}

function onPath(program: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * The LibreOffice and pdftoppm executables on PATH, or null when either is missing.
 * @example const renderer = findRenderer(); const maybe = renderer ? it : it.skip;
 */
export function findRenderer(): Renderer | null {
  const soffice = onPath("soffice") ?? onPath("libreoffice");
  const pdftoppm = onPath("pdftoppm");
  return soffice && pdftoppm ? { soffice, pdftoppm } : null;
}

function requireRenderer(): Renderer {
  const renderer = findRenderer();
  if (!renderer) throw new Error("Rendering needs LibreOffice (soffice) and poppler (pdftoppm) on PATH");
  return renderer;
}

/**
 * Converts a workbook to PDF with LibreOffice, using a fresh user profile each time so parallel runs
 * never wait on another's profile lock. Gives the PDF's path (in outDir, named after the workbook).
 * @example const pdf = await renderXlsxToPdf("/tmp/x/book.xlsx", "/tmp/x") // "/tmp/x/book.pdf"
 */
export async function renderXlsxToPdf(xlsxPath: string, outDir: string): Promise<string> {
  const { soffice } = requireRenderer();
  await fs.mkdir(outDir, { recursive: true });
  const profile = await fs.mkdtemp(path.join(tmpdir(), "lo-profile-"));
  try {
    await run(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsxPath],
      { timeout: CONVERT_TIMEOUT_MS },
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(xlsxPath, path.extname(xlsxPath))}.pdf`);
  await fs.access(pdf);
  return pdf;
}

async function pdfToImages(pdfPath: string, outDir: string, format: "png" | "ppm", resolution: number): Promise<string[]> {
  const { pdftoppm } = requireRenderer();
  const prefix = `${path.basename(pdfPath, ".pdf")}-${format}`;
  const args = format === "png" ? ["-png"] : [];
  await run(pdftoppm, [...args, "-r", String(resolution), pdfPath, path.join(outDir, prefix)], { timeout: CONVERT_TIMEOUT_MS });
  const ext = `.${format}`;
  const files = (await fs.readdir(outDir)).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(ext));
  // pdftoppm numbers pages 1, 2 ... (zero-padded when there are ten or more): sort by the number.
  const page = (f: string) => Number(f.slice(prefix.length + 1, -ext.length));
  return files.sort((a, b) => page(a) - page(b)).map((f) => path.join(outDir, f));
}

/**
 * Renders a workbook to one PNG per printed page (LibreOffice to PDF, then pdftoppm) and gives the
 * pages' paths in order.
 * @example const pages = await renderXlsxToPng("out/book.xlsx", "test-output/charts") // [".../book-png-1.png", ...]
 */
export async function renderXlsxToPng(xlsxPath: string, outDir: string, resolution = 60): Promise<string[]> {
  const pdf = await renderXlsxToPdf(xlsxPath, outDir);
  return pdfToImages(pdf, outDir, "png", resolution);
}

/**
 * Renders a PDF's pages to binary PPM files, whose pixels {@link readPpm} decodes (no PNG decoder is
 * installed, and PPM is a header plus raw RGB bytes).
 * @example const pages = await pdfToPpm("out/book.pdf", "out", 60)
 */
export function pdfToPpm(pdfPath: string, outDir: string, resolution = 60): Promise<string[]> {
  return pdfToImages(pdfPath, outDir, "ppm", resolution);
}

/** An RGB picture: width, height and 3 bytes per pixel, row by row. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Decodes a binary PPM ("P6", max value 255) as pdftoppm writes it (netpbm format spec: magic,
 * width, height, maxval separated by whitespace, "#" comments, one whitespace byte, then the pixels).
 * @example const { width, height } = readPpmBytes(await fs.readFile("page-1.ppm"))
 */
export function readPpmBytes(bytes: Uint8Array): RgbImage {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]))) i += 1;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i += 1;
      continue;
    }
    let field = "";
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i]))) field += String.fromCharCode(bytes[i++]);
    if (!field) throw new Error("Truncated PPM header");
    fields.push(field);
  }
  const [magic, w, h, max] = fields;
  if (magic !== "P6" || max !== "255") throw new Error(`Unsupported PPM: ${magic} with maximum ${max}`);
  const width = Number(w);
  const height = Number(h);
  const data = bytes.subarray(i + 1, i + 1 + width * height * 3);
  if (data.length !== width * height * 3) throw new Error("Truncated PPM pixel data");
  return { width, height, data };
}

/**
 * Reads and decodes a PPM file.
 * @example const image = await readPpm("test-output/charts/book-ppm-1.ppm")
 */
export async function readPpm(file: string): Promise<RgbImage> {
  return readPpmBytes(new Uint8Array(await fs.readFile(file)));
}

/**
 * How many pixels are within `tolerance` (per channel) of an RRGGBB colour.
 * @example countPixelsNear(image, "2E8B57", 8) // pixels of Green bars and slices
 */
export function countPixelsNear(image: RgbImage, hex: string, tolerance = 8): number {
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  let count = 0;
  for (let p = 0; p < image.data.length; p += 3) {
    if (Math.abs(image.data[p] - r) <= tolerance && Math.abs(image.data[p + 1] - g) <= tolerance && Math.abs(image.data[p + 2] - b) <= tolerance) {
      count += 1;
    }
  }
  return count;
}

/**
 * How many pixels are not (near) white: zero for a blank page.
 * @example nonWhitePixels(image) > 0
 */
export function nonWhitePixels(image: RgbImage): number {
  let count = 0;
  for (let p = 0; p < image.data.length; p += 3) {
    if (image.data[p] < 245 || image.data[p + 1] < 245 || image.data[p + 2] < 245) count += 1;
  }
  return count;
}
