const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { productionManifest } = require("./scripts/manifest");

/**
 * Where the add-in is hosted in production. With UB_ADDIN_URL set, a production build writes the
 * production manifest (its own Id, no localhost anywhere); without it, dist/manifest.xml is the
 * development manifest, for sideloading a local build.
 */
const PROD_URL = process.env.UB_ADDIN_URL;

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(`No Office dev certificate (${error.message}); serving over http. See README "Excel on the web".`);
    return undefined;
  }
}

/** Where the engine's worker is built, inside dist/; the pane starts it from there (src/taskpane/index.tsx). */
const WORKER_DIR = "worker";

/** The engine's Web Worker: its own bundle, with nothing shared with the pane's chunks. */
function workerConfig(dev) {
  return {
    name: "worker",
    target: "webworker",
    devtool: dev ? "source-map" : false,
    entry: { engine: "./src/worker/main.ts" },
    output: { path: path.resolve(__dirname, "dist", WORKER_DIR), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } } },
        },
      ],
    },
    performance: { maxAssetSize: 3_000_000, maxEntrypointSize: 3_000_000 },
  };
}

module.exports = async (env, options) => [await paneConfig(env, options), workerConfig(options.mode !== "production")];

async function paneConfig(env, options) {
  const dev = options.mode !== "production";
  const https = dev && options.$0 !== undefined && process.argv.includes("serve") ? await httpsOptions() : undefined;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The worker's bundle is built into dist/worker by its own configuration.
      clean: { keep: new RegExp(`^${WORKER_DIR}/`) },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } } },
        },
      ],
    },
    // One webpack runtime for both entries: the task pane and the custom functions share module
    // instances (one schedule cache) in the shared runtime's page.
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all", name: "shared" } },
    performance: { maxAssetSize: 3_000_000, maxEntrypointSize: 3_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane", "functions"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "docs/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev || !PROD_URL ? content : productionManifest(content.toString(), PROD_URL)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
}
