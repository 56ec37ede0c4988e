/**
 * Which Office API members the code under src/ uses, and the requirement set each needs, read with the
 * TypeScript compiler API from the `[Api set: ...]` tags in @types/office-js and
 * @types/custom-functions-runtime (Microsoft's own declarations). A use counts as guarded when it sits
 * in the true branch of a condition that calls `isSetSupported("<Set>", "<version>")` for that set at
 * that version or higher (learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime).
 */
import * as path from "path";
import ts from "typescript";

export interface MemberUse {
  readonly member: string;
  readonly set: string;
  readonly version: string;
  readonly file: string;
  readonly line: number;
  readonly guarded: boolean;
}

const API_SET = /\[\s*Api\s*set:\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)\s*\]/i;

/** -1, 0 or 1 as version a is below, equal to or above b ("1.10" is above "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function isOfficeDeclaration(file: string): boolean {
  return /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(file);
}

/** The `[Api set: X n.m]` tag in a declaration's own doc comment, if any. */
function apiSetOf(decl: ts.Declaration): { set: string; version: string } | undefined {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.getFullStart()) ?? [];
  for (const r of ranges.reverse()) {
    const m = API_SET.exec(sf.text.slice(r.pos, r.end));
    if (m) return { set: m[1], version: m[2] };
  }
  return undefined;
}

/** isSetSupported("Set", "v") calls in an expression, as set -> highest version checked. */
function guardsIn(expr: ts.Node): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
      const [set, version] = n.arguments;
      if (name === "isSetSupported" && set && ts.isStringLiteral(set)) {
        const v = version && ts.isStringLiteral(version) ? version.text : "1.1";
        const prev = found.get(set.text);
        if (!prev || compareVersions(v, prev) > 0) found.set(set.text, v);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

function isGuarded(node: ts.Node, set: string, version: string): boolean {
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let condition: ts.Node | undefined;
    if (ts.isIfStatement(parent) && parent.thenStatement === child) condition = parent.expression;
    else if (ts.isConditionalExpression(parent) && parent.whenTrue === child) condition = parent.condition;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) condition = parent.left;
    if (condition) {
      const checked = guardsIn(condition).get(set);
      if (checked && compareVersions(checked, version) >= 0) return true;
    }
  }
  return false;
}

/** Every use under srcDir of an Office API member that carries an `[Api set: ...]` tag. */
export function officeMemberUses(root: string, srcDir = "src"): MemberUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error("tsconfig.json could not be read");
  const src = path.join(root, srcDir) + path.sep;
  const files = config.fileNames.filter((f) => path.resolve(f).startsWith(src));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!path.resolve(sf.fileName).startsWith(src)) continue;
    const visit = (node: ts.Node): void => {
      let name: ts.Node | undefined;
      if (ts.isPropertyAccessExpression(node)) name = node.name;
      else if (ts.isNewExpression(node) && ts.isPropertyAccessExpression(node.expression)) name = undefined; // counted by its property access
      if (name) {
        let symbol = checker.getSymbolAtLocation(name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const decl of symbol?.declarations ?? []) {
          if (!isOfficeDeclaration(decl.getSourceFile().fileName)) continue;
          const tag = apiSetOf(decl);
          if (!tag) continue;
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
          uses.push({ member: node.getText(sf).replace(/\s+/g, ""), ...tag, file: path.relative(root, sf.fileName), line: line + 1, guarded: isGuarded(node, tag.set, tag.version) });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}
