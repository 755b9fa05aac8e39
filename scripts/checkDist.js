#!/usr/bin/env node
/**
 * Checks what `npm run build` wrote: the task pane page with its bundles, functions.json with
 * every UB function, the CustomFunctions.associate calls the metadata plugin adds, the icons and
 * the manifest. Exits 1 with the first thing missing.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const dist = path.join(__dirname, "..", "dist");
const fail = (message) => {
  console.error(`checkDist: ${message}`);
  process.exit(1);
};
const read = (file) => {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) fail(`dist/${file} is missing`);
  return fs.readFileSync(full, "utf8");
};

const html = read("taskpane.html");
for (const bundle of ["runtime.js", "shared.js", "taskpane.js", "functions.js"]) {
  if (!html.includes(bundle)) fail(`taskpane.html does not load ${bundle}`);
  read(bundle);
}
const metadata = JSON.parse(read("functions.json"));
const ids = metadata.functions.map((f) => f.id).sort();
const expected = ["BACKBILL", "BILL", "BILLLINES", "CHARGE", "CONSUMPTION", "ESTIMATE", "LEAKADJ", "PRORATE", "TIERED", "WINTERAVG"];
if (JSON.stringify(ids) !== JSON.stringify(expected)) fail(`functions.json declares ${ids.join(", ")}; expected ${expected.join(", ")}`);
const functionsJs = read("functions.js");
for (const id of ids) if (!functionsJs.includes(`"${id}"`)) fail(`functions.js does not associate ${id}`);
if (!/CustomFunctions\.associate/.test(functionsJs)) fail("functions.js has no CustomFunctions.associate call");
if (read("worker/engine.js").length < 10000) fail("dist/worker/engine.js is too small to be the engine's worker");
for (const icon of ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]) read(path.join("assets", icon));
if (!read("manifest.xml").includes('<Namespace resid="Functions.Namespace"/>')) fail("dist/manifest.xml has no custom functions namespace");
console.log(
  `checkDist: dist/ has taskpane.html, 4 bundles and the engine's worker, functions.json with ${ids.length} functions, icons and manifest.xml`,
);
