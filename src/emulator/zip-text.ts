/**
 * JSZip 3.10 encodes a text part to UTF-8 in 16 KB slices of the JavaScript string
 * (lib/stream/DataWorker.js DEFAULT_BLOCK_SIZE, lib/utf8.js per chunk), so a character outside the
 * Basic Multilingual Plane (an emoji, 𝔘) whose two UTF-16 halves fall either side of a slice
 * boundary is written as two U+FFFD replacement characters. ExcelJS 4.4's writer gives JSZip its
 * parts as text, and so do the runner's own put-backs. Encoding the whole text at once, before JSZip
 * sees it, writes every character whole; binary and base64 data are passed through as they are.
 */
import JSZip from "jszip";

const PATCHED = Symbol.for("laa-scorecard.jszip-whole-utf8");

type FileFn = (this: JSZip, ...args: unknown[]) => unknown;

/** Installs the whole-text encoding on JSZip's `file` (once; later calls do nothing). */
export function encodeZipTextWhole(): void {
  const proto = JSZip.prototype as unknown as { file: FileFn; [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  const original = proto.file;
  proto.file = function file(this: JSZip, ...args: unknown[]): unknown {
    const [, data, options] = args as [unknown, unknown, { base64?: boolean; binary?: boolean } | undefined];
    if (args.length >= 2 && typeof data === "string" && !options?.base64 && !options?.binary) {
      args[1] = new TextEncoder().encode(data);
    }
    return original.apply(this, args);
  };
  proto[PATCHED] = true;
}
