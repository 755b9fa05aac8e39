#!/usr/bin/env node
"use strict";
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main.js"));
} catch {
  process.stderr.write("ubill: the CLI is not built; run `npm run build:cli` (npm install does it)\n");
  process.exit(2);
}
const started = Date.now();
cli.main(process.argv.slice(2)).then(
  (code) => {
    // For npm run bench: wall time and peak memory of this process.
    if (process.env.UBILL_STATS === "1") {
      process.stderr.write(
        `ubill-stats ${JSON.stringify({ wallMs: Date.now() - started, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
      );
    }
    process.exit(code);
  },
  (error) => {
    process.stderr.write(`ubill: unexpected failure: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
