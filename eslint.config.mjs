// Lint rules. The calculation core is kept pure by rule (docs/architecture.md): it may not
// import Office, React, the DOM or any other layer of src.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

// Layer boundaries (docs/architecture.md, Layers): which other layers of src each layer may never import.
// Patterns are gitignore-style and start with **/, so they catch an import at any depth
// (`../excel/a1`, `../../excel/a1`, `../../../excel/x/y`); test/lint/boundaries.test.ts plants a
// violating file three folders deep in each layer and checks lint fails.
const UPPER = ["commands", "taskpane", "cli", "workbench", "scripts"];
export const LAYER_NEVERS = {
  core: ["excel", "functions", "emulator", "samples", ...UPPER],
  functions: ["excel", "emulator", "samples", ...UPPER],
  excel: ["emulator", "samples", "functions", ...UPPER],
  emulator: ["core", "excel", "functions", "samples", ...UPPER],
  samples: ["excel", "functions", "emulator", ...UPPER],
  commands: ["taskpane", "cli", "workbench", "scripts"],
  taskpane: ["commands", "cli", "workbench", "scripts"],
  shared: ["emulator", "samples", "functions", ...UPPER],
};
function layerPattern(self, message) {
  const layer = self.replace("src/", "");
  return { group: LAYER_NEVERS[layer].flatMap((n) => [`**/${n}`, `**/${n}/**`]), message };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "bench/**/*.json", ".ci/stubs/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core is pure: no React or Fluent UI (docs/architecture.md)." },
            { group: ["@microsoft/office-js", "office-*"], message: "src/core is pure: no Office (docs/architecture.md)." },
            layerPattern("src/core", "src/core is the bottom layer: it may not import another layer of src."),
            { group: ["fs", "path", "node:*", "child_process", "os"], message: "src/core is pure: no Node APIs, so it runs the same in Excel, the browser and the runner." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "src/core is pure: no Office." }, { name: "Excel", message: "src/core is pure: no Excel." }, { name: "document", message: "src/core is pure: no DOM." }, { name: "window", message: "src/core is pure: no DOM." }],
    },
  },
  ...Object.entries(LAYER_NEVERS)
    .filter(([layer]) => layer !== "core")
    .map(([layer, nevers]) => ({
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: { "no-restricted-imports": ["error", { patterns: [layerPattern(`src/${layer}`, `src/${layer} may not import ${nevers.map((n) => "src/" + n).join(", ")} (docs/architecture.md, Layers).`)] }] },
    })),
  {
    files: ["src/taskpane/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", { name: "Office", message: "Components never touch Office: the work arrives as a prop." }, { name: "Excel", message: "Components never touch Office: the work arrives as a prop." }],
    },
  },
  {
    files: ["src/scripts/**/*.ts", "test/**/*.{ts,tsx}"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
