// Lint rules. The calculation core is kept pure by rule (ARCHITECTURE.md guideline 1): it may not
// import Office, React, the DOM or any other layer of src.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
            { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core is pure: no React or Fluent UI (ARCHITECTURE.md guideline 1)." },
            { group: ["@microsoft/office-js", "office-*"], message: "src/core is pure: no Office (ARCHITECTURE.md guideline 1)." },
            { group: ["../excel/*", "../functions/*", "../taskpane/*", "../commands/*", "../emulator/*", "../cli/*", "../scripts/*", "../samples/*"], message: "src/core is the bottom layer: it may not import another layer of src." },
            { group: ["fs", "path", "node:*", "child_process", "os"], message: "src/core is pure: no Node APIs, so it runs the same in Excel, the browser and the runner." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "src/core is pure: no Office." }, { name: "Excel", message: "src/core is pure: no Excel." }, { name: "document", message: "src/core is pure: no DOM." }, { name: "window", message: "src/core is pure: no DOM." }],
    },
  },
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
