/**
 * Zips an opened package with Node's own zlib instead of JSZip's pure-JavaScript deflate (pako),
 * which on a 100,000-row sheet is most of the time spent writing the file. Each part that is not
 * already deflated (added or changed since it was read, or stored uncompressed as ExcelJS's package
 * is) is deflated here and handed to JSZip as a compressed entry with its CRC-32, which JSZip's
 * generator copies as it is (jszip/lib/zipObject.js _compressWorker). Parts read from the input and
 * not changed are copied without being inflated or deflated again. Same deflate level as JSZip's
 * default (6), so the file is the same size; where zlib has no crc32 (Node before 20.15) JSZip
 * compresses as before.
 */
import zlib from "node:zlib";
import type JSZip from "jszip";

interface CompressionKind { readonly magic: string }
type CompressedObjectClass = new (compressedSize: number, uncompressedSize: number, crc32: number, compression: CompressionKind, data: Uint8Array) => { readonly compression: CompressionKind };
// JSZip's own classes (the package's lib files, which its Node entry point uses), so the generator recognises the entries.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CompressedObject = require("jszip/lib/compressedObject") as CompressedObjectClass;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFLATE } = require("jszip/lib/compressions") as { DEFLATE: CompressionKind };

interface Entry { _data: unknown; _dataBinary: boolean; dir: boolean; async(type: "uint8array"): Promise<Uint8Array> }

/**
 * The package as .xlsx bytes, every part deflated.
 * @example const bytes = await zipPackage(zip); bytes[0] === 0x50 // => true ("PK")
 */
export async function zipPackage(zip: JSZip): Promise<Uint8Array> {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (crc32) {
    for (const file of Object.values(zip.files) as unknown as Entry[]) {
      if (file.dir) continue;
      if (file._data instanceof CompressedObject && (file._data as InstanceType<CompressedObjectClass>).compression.magic === DEFLATE.magic) continue;
      const raw = await file.async("uint8array");
      const packed = zlib.deflateRawSync(raw, { level: 6 });
      file._data = new CompressedObject(packed.length, raw.length, crc32(raw) >>> 0, DEFLATE, packed);
      file._dataBinary = true;
    }
  }
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
