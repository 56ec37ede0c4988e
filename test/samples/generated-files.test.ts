import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SAMPLE_FILES, generateSamples } from "../../src/samples/generate";
import { SAMPLES_DIR, openWorkbook, snapshot } from "./xlsx-helpers";

// The generated files are committed, so they must be what `npm run samples` writes now.
// Compared by cell values, hidden rows and merges (not bytes), after regenerating into a temp folder.
describe("committed sample workbooks", () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), "laa-samples-"));
    await generateSamples(fresh);
  }, 60000);
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  it.each([SAMPLE_FILES.anycity, SAMPLE_FILES.messy, SAMPLE_FILES.region, SAMPLE_FILES.monthly])("%s matches what the generator writes now", async (name) => {
    const committed = snapshot(await openWorkbook(path.join(SAMPLES_DIR, name)));
    const regenerated = snapshot(await openWorkbook(path.join(fresh, name)));
    expect(committed).toEqual(regenerated);
  });

  it("the messy workbook's expected-problem list matches what the generator writes now", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, SAMPLE_FILES.messyExpected), "utf8"));
    const regenerated = JSON.parse(fs.readFileSync(path.join(fresh, SAMPLE_FILES.messyExpected), "utf8"));
    expect(committed).toEqual(regenerated);
  });

  it("regenerating gives byte-identical files (fixed dates, fixed seed)", async () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), "laa-samples-"));
    try {
      await generateSamples(again);
      for (const name of Object.values(SAMPLE_FILES)) {
        expect(fs.readFileSync(path.join(again, name)).equals(fs.readFileSync(path.join(fresh, name)))).toBe(true);
      }
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  }, 60000);

  it("says it was created and modified on the fixed sample date, not today", async () => {
    const wb = await openWorkbook(path.join(SAMPLES_DIR, SAMPLE_FILES.anycity));
    expect(wb.created.toISOString()).toBe("2010-10-15T09:00:00.000Z");
    expect(wb.modified.toISOString()).toBe("2010-10-15T09:00:00.000Z");
  });
});
