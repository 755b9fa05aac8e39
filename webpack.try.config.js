const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/**
 * The stand-ins for Excel, kept out of the add-in's dist/: fake-office.js (served in place of
 * office.js by the browser tests and the try-it page) and the try-it page itself. Output: dist-try/.
 */
module.exports = (_env, options) => ({
  devtool: options.mode === "production" ? false : "source-map",
  entry: {
    "fake-office": "./src/try/fakeOffice.ts",
    try: "./src/try/tryPage.ts",
  },
  output: {
    path: path.resolve(__dirname, "dist-try"),
    publicPath: "/try/",
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
      },
    ],
  },
  performance: { hints: false },
  plugins: [new HtmlWebpackPlugin({ filename: "try.html", template: "./src/try/try.html", chunks: ["try"] })],
});
