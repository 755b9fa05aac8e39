import { existsSync } from "fs";
import { join, resolve } from "path";
import { startServer } from "../serve/staticServer";
import { parseArgs, text, UsageError } from "./args";

/**
 * `npm run try`: serves the built task pane beside a grid view of a fake workbook loaded with the
 * demo city, on 127.0.0.1, so someone without Excel can click through the add-in.
 */
async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ["port"], []);
  const port = Number(text(args, "port") ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port must be a port number from 0 to 65535");
  const root = resolve(__dirname, "..", "..");
  const dist = join(root, "dist");
  const tryDir = join(root, "dist-try");
  for (const [dir, build] of [
    [join(dist, "taskpane.html"), "npm run build"],
    [join(tryDir, "try.html"), "npm run build:try"],
  ]) {
    if (!existsSync(dir)) throw new UsageError(`${dir} is missing; run \`${build}\` first (npm run try does both)`);
  }
  const server = await startServer({ dist, tryDir, fakeOffice: true, port });
  process.stdout.write(
    [
      `UB Workbench, without Excel: open ${server.url}`,
      `  ${server.url}?sample=demo    the demo city (20,000 accounts; the default)`,
      `  ${server.url}?sample=cycle   the 25-account sample cycle`,
      `  ${server.url}?sample=reads   the sample reads route, with every read edit`,
      "The workbook lives in the page; settings, schedules and decisions in the browser's IndexedDB. Ctrl-C stops.",
      "",
    ].join("\n"),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`try: ${error.message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
