/**
 * A build without the scorecard module (src/cli/scorecard-commands.ts gives null): scorecard,
 * refresh and snapshot are a usage error (exit 2) that says so, and nothing is read or written.
 */
import { promises as fs } from "node:fs";
import { cli, sampleDir } from "./helpers";

jest.mock("../../src/cli/scorecard-commands", () => ({ scorecardCommands: null }));

describe("laa-scorecard in a build without the scorecard module", () => {
  it.each(["scorecard", "refresh", "snapshot"])("%s is a usage error (exit 2) saying it is not available, and writes nothing", async (command) => {
    const dir = await sampleDir("anycity-laa.xlsx");
    const run = await cli(dir, [command, "anycity-laa.xlsx", "--out", "out"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The ${command} command is not available in this build`);
    expect(await fs.readdir(dir)).toEqual(["anycity-laa.xlsx"]);
  });
});
