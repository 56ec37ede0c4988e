import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { compareVersions, officeMemberUses, type MemberUse } from "./api-sets";

// Every Office API member the code under src/ uses, with the requirement set Microsoft's type
// declarations tag it with (@types/office-js, @types/custom-functions-runtime), must be within the
// sets manifest.xml declares, or be guarded by isSetSupported. Microsoft: "Specify Office applications
// and API requirements", learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements.
const root = path.resolve(__dirname, "../..");

/** The <Set Name MinVersion> entries of manifest.xml's Requirements. */
function declaredSets(): Map<string, string> {
  const xml = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
  const sets = xml.OfficeApp.Requirements.Sets;
  const list = Array.isArray(sets.Set) ? sets.Set : [sets.Set];
  return new Map(list.map((s: Record<string, string>) => [s["@_Name"], s["@_MinVersion"] ?? sets["@_DefaultMinVersion"]]));
}

/**
 * Tags that describe another Office application, not Excel. Office.AddinCommands.Event's doc comment says
 * its `[Api set: Mailbox 1.3]` "outlines support information for Outlook"; in Excel it belongs to the
 * add-in commands sets, which the manifest's VersionOverrides implies.
 */
const OTHER_HOSTS = new Set(["Mailbox", "WordApi", "PowerPointApi", "OneNoteApi", "OutlookApi"]);

function unguardedAbove(uses: readonly MemberUse[], declared: Map<string, string>): string[] {
  return uses
    .filter((u) => !OTHER_HOSTS.has(u.set))
    .filter((u) => !declared.has(u.set) || compareVersions(u.version, declared.get(u.set) as string) > 0)
    .filter((u) => !u.guarded)
    .map((u) => `${u.file}:${u.line} ${u.member} needs ${u.set} ${u.version}`);
}

describe("requirement sets", () => {
  const declared = declaredSets();
  const uses = officeMemberUses(root, "src");

  it("declares ExcelApi 1.9, CustomFunctionsRuntime 1.3 and SharedRuntime 1.1", () => {
    expect(Object.fromEntries(declared)).toEqual({ ExcelApi: "1.9", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" });
  });

  it("finds the members src/ uses, with Microsoft's tags", () => {
    // Two members whose sets are on Microsoft's requirement-set pages: suspendScreenUpdatingUntilNextSync
    // is ExcelApi 1.9, CustomFunctions.Error is CustomFunctionsRuntime 1.2.
    const tagOf = (member: RegExp) => uses.find((u) => member.test(u.member));
    expect(tagOf(/suspendScreenUpdatingUntilNextSync$/)).toMatchObject({ set: "ExcelApi", version: "1.9" });
    expect(tagOf(/^CustomFunctions\.Error$/)).toMatchObject({ set: "CustomFunctionsRuntime", version: "1.2" });
    expect(uses.length).toBeGreaterThan(100);
  });

  it("uses no member above the declared sets without an isSetSupported guard", () => {
    expect(unguardedAbove(uses, declared)).toEqual([]);
  });

  it("tells an unguarded member above the sets from a guarded one", () => {
    const fixture = officeMemberUses(root, "test/contract/fixture");
    expect(unguardedAbove(fixture, declared)).toEqual(["test/contract/fixture/uses.ts:4 context.workbook.comments needs ExcelApi 1.10"]);
    expect(fixture.filter((u) => u.member === "context.workbook.comments" && u.guarded)).toHaveLength(1);
  });
});
