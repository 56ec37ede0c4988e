// One shared-runtime page (taskpane.html) carrying the functions, commands and taskpane chunks
// (docs/architecture.md). functions.json is generated from the JSDoc in src/functions/functions.ts and methods.ts.
const path = require("path");
const fs = require("fs");
const os = require("os");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");
const { HOW_TO_GIVE_URL, manifestFor, resolveBaseUrl } = require("./src/scripts/addin-url.js");

const PORT = pkg.config.dev_server_port;
// Production pages load office.js from Microsoft's CDN (required for store add-ins); development
// builds serve the copy in @microsoft/office-js so the page also loads on a machine without internet.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The page's Content-Security-Policy: nothing but our own files and office.js (docs/architecture.md). */
/**
 * Lets Excel pass error values to the worksheet functions (functions.json's top-level
 * `allowErrorForDataTypeAny`, learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany).
 * Without it Excel shows an argument's error without calling the function, so one #N/A anywhere in a
 * range would turn a whole spilled column into one #N/A; with it each cell is rated on its own and a
 * missing value gives Grey or "No actual (cell shows #N/A)" (docs/methods.md#functions). The JSDoc
 * generator has no tag for this property (custom-functions-errors, "Errors as custom function
 * inputs"), so it is added to the generated file here.
 */
class AllowErrorArgumentsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorArgumentsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AllowErrorArgumentsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) {
          compilation.errors.push(new webpack.WebpackError("functions.json was not generated, so Excel would not know the worksheet functions"));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        const json = JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4);
        compilation.updateAsset("functions.json", new webpack.sources.RawSource(json));
      });
    });
  }
}

/**
 * The methods guide (docs/methods.md) as a page of its own, methods.html, so the task pane's "Methods
 * guide" link works offline and inside Excel: the Markdown is turned into HTML at build time by marked
 * (a dev dependency; nothing of it reaches the browser). Its anchors are the `<a id>` tags of the
 * Markdown, so methods.html#tolerance finds what docs/methods.md#tolerance does. The page runs no
 * script, and its policy says so.
 */
const METHODS_SOURCE = path.resolve(__dirname, "docs", "methods.md");
const METHODS_POLICY = ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'"].join("; ");
const METHODS_STYLE = [
  "body { font-family: 'Segoe UI', system-ui, sans-serif; line-height: 1.5; margin: 0; color: #242424; background: #fff; }",
  "main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }",
  "table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }",
  "th, td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }",
  "code { font-family: Consolas, monospace; background: #f5f5f5; padding: 0 0.2rem; }",
  "pre code { display: block; padding: 0.5rem; overflow-x: auto; }",
  "a { color: #0f6cbd; }",
  "@media (prefers-color-scheme: dark) { body { color: #e0e0e0; background: #1f1f1f; } code { background: #2e2e2e; } th, td { border-color: #555; } a { color: #479ef5; } }",
].join("\n");

class MethodsGuidePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("MethodsGuidePlugin", (compilation) => {
      compilation.fileDependencies.add(METHODS_SOURCE);
      compilation.hooks.processAssets.tapPromise({ name: "MethodsGuidePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        // marked is an ES module; a dynamic import loads it from this CommonJS file on every Node 20.
        const { marked } = await import("marked");
        const body = await marked.parse(fs.readFileSync(METHODS_SOURCE, "utf8"), { gfm: true });
        const page = [
          "<!doctype html>",
          '<html lang="en-GB">',
          "<head>",
          '<meta charset="utf-8">',
          `<meta http-equiv="Content-Security-Policy" content="${METHODS_POLICY}">`,
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
          "<title>LAA Scorecard: methods guide</title>",
          `<style>\n${METHODS_STYLE}\n</style>`,
          "</head>",
          "<body>",
          "<main>",
          body,
          "</main>",
          "</body>",
          "</html>",
          "",
        ].join("\n");
        compilation.emitAsset("methods.html", new webpack.sources.RawSource(page));
      });
    });
  }
}

function contentSecurityPolicy(production) {
  const officeOrigin = production ? " https://appsforoffice.microsoft.com" : "";
  return [
    "default-src 'self'",
    `script-src 'self'${officeOrigin}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${officeOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * HTTPS options for the dev server when development certificates exist (made by
 * `npx office-addin-dev-certs install`, which writes them even where it cannot then trust them).
 * Read directly from disk: office-addin-dev-certs' getHttpsServerOptions() throws on Linux
 * (CONTRIBUTING.md#toolchain-notes).
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const https = production ? undefined : devServerHttps();
  // Where the files will be hosted (docs/deploy.md): `--env url=https://host/path/` or ADDIN_URL.
  const baseUrl = resolveBaseUrl(env.url, process.env.ADDIN_URL);
  // A production build without a URL still builds the pages (npm test checks them) but refuses to
  // write a manifest that would point the organisation's Excel at localhost.
  const writeManifest = !production || baseUrl !== undefined;
  if (!writeManifest) {
    console.warn(`\nNo dist/manifest.xml written: a production manifest needs the add-in's URL.\n${HOW_TO_GIVE_URL}\n`);
  }
  return {
    // source-map in development too: eval-source-map needs unsafe-eval, which the page's CSP forbids.
    devtool: "source-map",
    entry: {
      functions: ["./src/functions/outside-excel.ts", "./src/functions/functions.ts"],
      // dependOn: the commands use the core the functions already carry (one copy of the calculation core
      // and its statistics on the page, loaded first: the page lists functions, commands, taskpane).
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      // dependOn: the pane uses the commands chunk's modules (one instance of the ribbon's last outcome,
      // src/commands/ribbon-outcome.ts, and no second copy of the Excel layer in taskpane.js).
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "commands" },
      // The workbench page (npm start on machines without desktop Excel, and the end-to-end tests):
      // its own entry and page, so nothing of it is in taskpane.html's bundle.
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(pkg.version) }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: ["./src/functions/functions.ts", "./src/functions/methods.ts"] }),
      new AllowErrorArgumentsPlugin(),
      new MethodsGuidePlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: {
          officeJs: production ? OFFICE_JS_CDN : "office-js/office.js",
          csp: contentSecurityPolicy(production),
        },
      }),
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        templateParameters: { csp: contentSecurityPolicy(false) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The workbench fetches the sample workbooks from its own origin (the CSP allows 'self').
          { from: "assets/samples/*.xlsx", to: "samples/[name][ext]" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // ES5 and unbundled, so Internet Explorer 11 can run it (src/taskpane/trident.js).
          { from: "src/taskpane/trident.js", to: "trident.js" },
          ...(writeManifest
            ? [{ from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(content.toString("utf8"), { version: pkg.version, baseUrl }) }]
            : []),
          ...(production ? [] : [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js" }]),
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
