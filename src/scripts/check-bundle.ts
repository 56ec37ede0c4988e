/**
 * Checks the bundle budget after a build: the task pane's initial JavaScript must be at most
 * 300 KB gzipped. Prints each script's size and exits 1 when over budget or when there is no build.
 * Usage: npm run build && tsx src/scripts/check-bundle.ts [distDir]
 */
import * as path from "path";
import { BUDGET_BYTES, kb, measureInitialScripts } from "./bundle-size";

const dist = path.resolve(process.argv[2] ?? path.join(__dirname, "../../dist"));
try {
  const sizes = measureInitialScripts(dist);
  const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
  for (const s of sizes) console.log(`  ${s.file}: ${kb(s.bytes)} raw, ${kb(s.gzipped)} gzipped`);
  const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
  console.log(`Task pane initial JavaScript: ${kb(total)} gzipped, ${verdict} the budget of ${kb(BUDGET_BYTES)}.`);
  if (total > BUDGET_BYTES) {
    console.error("Import Fluent UI icons and components by name, and load rarely used parts with import().");
    process.exit(1);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
