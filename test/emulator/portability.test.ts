import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// ARCHITECTURE.md: the emulator runs in Node, in the browser workbench and in the headless runner, so
// only node-files.ts may use Node APIs; the rest imports nothing but itself, ExcelJS and JSZip.
describe("emulator portability", () => {
  it("keeps Node APIs out of every emulator module except node-files.ts", () => {
    const dir = join(__dirname, "../../src/emulator");
    const offenders: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".ts") && n !== "node-files.ts")) {
      const text = readFileSync(join(dir, f), "utf8");
      for (const m of text.matchAll(/from\s+"([^"]+)"/g)) {
        if (!m[1].startsWith("./") && m[1] !== "exceljs" && m[1] !== "jszip") offenders.push(`${f}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
