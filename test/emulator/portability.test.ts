import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// docs/architecture.md: the emulator runs in Node, in the browser workbench and in the headless runner,
// so only node-files.ts may use Node APIs; every other module, in every subfolder, imports nothing but
// the emulator itself (relative imports), ExcelJS, JSZip and fast-xml-parser (the chart parts).
const ALLOWED = new Set(["exceljs", "jszip", "fast-xml-parser"]);

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? modules(full) : name.endsWith(".ts") ? [full] : [];
  });
}

describe("emulator portability", () => {
  const root = join(__dirname, "../../src/emulator");
  const files = modules(root).filter((f) => relative(root, f) !== "node-files.ts");

  it("looks into the subfolders too (the chart writer in xlsx-charts)", () => {
    expect(files.map((f) => relative(root, f))).toContain(join("xlsx-charts", "package.ts"));
  });

  it("keeps Node APIs out of every emulator module except node-files.ts", () => {
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)["']([^"']+)["']/g)) {
        if (!m[1].startsWith(".") && !ALLOWED.has(m[1])) offenders.push(`${relative(root, f)}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
