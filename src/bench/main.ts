import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { FULL, QUICK, runBench, runSection, Section, SECTIONS } from "./bench";
import { reportTable } from "./report";

const ROOT = join(__dirname, "..", "..");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** `npm run bench [-- --json] [-- --quick]`: measures, prints, and records the figures in docs/performance.md. */
async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const quick = argv.includes("--quick");
  const sizes = quick ? QUICK : FULL;
  const only = argv[argv.indexOf("--section") + 1] as Section;
  if (argv.includes("--section")) {
    if (!SECTIONS.includes(only)) throw new Error(`--section must be one of ${SECTIONS.join(", ")}`);
    process.stdout.write(JSON.stringify(await runSection(only, sizes, ROOT)) + "\n");
    return;
  }
  // Each measurement in a fresh Node process, with the same flags as npm run bench.
  const isolated = async (section: Section) => {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, "--section", section, ...(quick ? ["--quick"] : [])], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`bench section ${section} failed (exit ${child.status})`);
    return JSON.parse(child.stdout) as unknown;
  };
  const report = await runBench(sizes, ROOT, (line) => process.stderr.write(`bench: ${line}\n`), isolated);
  process.stdout.write((json ? JSON.stringify(report, null, 2) : reportTable(report)) + "\n");
  if (!quick) {
    const path = join(ROOT, "docs", "performance.md");
    const doc = readFileSync(path, "utf8");
    const at = new Date().toISOString().slice(0, 10);
    const body = `${START}\nMeasured ${at} by \`npm run bench\`:\n\n\`\`\`\n${reportTable(report)}\n\`\`\`\n\n<details><summary>JSON</summary>\n\n\`\`\`json\n${JSON.stringify(report, null, 2)}\n\`\`\`\n</details>\n${END}`;
    const i = doc.indexOf(START);
    const j = doc.indexOf(END);
    writeFileSync(path, i >= 0 && j > i ? doc.slice(0, i) + body + doc.slice(j + END.length) : `${doc.trimEnd()}\n\n${body}\n`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack}\n`);
  process.exit(1);
});
