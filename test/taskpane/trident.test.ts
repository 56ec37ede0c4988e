/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

// Internet Explorer 11 (Trident) cannot run the ES2020 bundle, so taskpane.html carries a small ES5
// script that puts a message in the pane there (Microsoft: "Support older Microsoft webviews and
// Office versions", learn.microsoft.com/office/dev/add-ins/develop/support-ie-11). The user agent
// strings are IE 11's on Windows 10 and Edge WebView2's (Chromium) as Office reports them.
const source = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/trident.js"), "utf8");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const WEBVIEW2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

function runWithUserAgent(userAgent: string): HTMLElement {
  document.body.innerHTML = '<div id="root"></div>';
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  new Function(source)();
  return document.getElementById("root") as HTMLElement;
}

describe("the Internet Explorer message", () => {
  it("tells an IE 11 user why nothing works and what to do", () => {
    const root = runWithUserAgent(IE11);
    expect(root.querySelector("[role=alert]")).not.toBeNull();
    expect(root.textContent).toMatch(/cannot run in this version of Office/);
    expect(root.textContent).toMatch(/WebView2/);
    expect(root.textContent).toMatch(/Excel on the web/);
  });

  it("leaves the pane to the add-in everywhere else", () => {
    expect(runWithUserAgent(WEBVIEW2).innerHTML).toBe("");
  });

  it("uses no syntax newer than ES5, so IE can run it", () => {
    const scanner = ts.createScanner(ts.ScriptTarget.ES5, false, ts.LanguageVariant.Standard, source);
    const newer: string[] = [];
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (token === ts.SyntaxKind.EqualsGreaterThanToken || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral || token === ts.SyntaxKind.TemplateHead) newer.push(scanner.getTokenText());
      if (token === ts.SyntaxKind.Identifier && ["let", "const", "class"].includes(scanner.getTokenText())) newer.push(scanner.getTokenText());
      if (token === ts.SyntaxKind.ConstKeyword || token === ts.SyntaxKind.LetKeyword || token === ts.SyntaxKind.ClassKeyword) newer.push(scanner.getTokenText());
    }
    expect(newer).toEqual([]);
  });

  it("is loaded by taskpane.html after the pane's root element", () => {
    const html = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    expect(html.indexOf('<script src="trident.js"></script>')).toBeGreaterThan(html.indexOf('<div id="root"></div>'));
  });
});
