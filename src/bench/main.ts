import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { FULL, QUICK, runBench } from "./bench";
import { reportTable } from "./report";

const ROOT = join(__dirname, "..", "..");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** `npm run bench [-- --json] [-- --quick]`: measures, prints, and records the figures in docs/performance.md. */
async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const quick = argv.includes("--quick");
  const report = await runBench(quick ? QUICK : FULL, ROOT, (line) => process.stderr.write(`bench: ${line}\n`));
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
