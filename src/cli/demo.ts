import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { DEFAULT_READ_EDIT_SETTINGS, EDIT_CODES } from "../engine";
import { writeXlsx } from "../adapters/xlsx/fastXlsx";
import { generateCycle } from "../cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../cycle/settings";
import { COUNT_WORDS, cycleCounts, decisionText, noticeText } from "../cycle/summary";
import { runReview } from "../review/runReview";
import { demoCity } from "../samples/demoCity";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { parseArgs, text, UsageError } from "./args";
import { POCATELLO_POLICY } from "../engine";
import { parsePaymentRows } from "../workbook/cycleSheets";
import { accountsForPayment } from "../payments/accountsForPayment";
import { postFile } from "../payments/postFile";
import { closeDay } from "../payments/closeDay";
import { dayOfBatches } from "../samples/dayOfBatches";
import { ratesSheets } from "../workbook/ratesSheet";
import { activityLines } from "./post";
import { writeFileSync } from "fs";
import { progressBar } from "./progress";
import { loadScheduleFile } from "./quote";

/**
 * `npm run demo`: builds the synthetic demo city (20,000 accounts, seeded), validates its reads
 * and bills its cycle through the same engine and workbook port as the add-in, writes the input
 * and output workbooks under demo/out/, and prints what happened.
 */
export async function demo(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const args = parseArgs(argv, ["accounts", "seed", "out"], []);
  const accounts = Number(text(args, "accounts") ?? 20000);
  const seed = Number(text(args, "seed") ?? 2026);
  if (!Number.isInteger(accounts) || accounts < 100 || accounts > 100_000)
    throw new UsageError("--accounts must be a whole number from 100 to 100,000");
  const outDir = resolve(text(args, "out") ?? join(__dirname, "..", "..", "demo", "out"));
  mkdirSync(outDir, { recursive: true });
  const schedule = loadScheduleFile(join(__dirname, "..", "..", "samples", "rates", "demo-city.json"));
  const bar = progressBar();
  const started = Date.now();
  const time = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

  let t = Date.now();
  bar.update("Building the demo city", 0, 1);
  // The city's own schedule goes in with it (Rates and Rate Schedules sheets), so `ubill cycle` on the
  // input bills at the demo's rates, as the add-in does, rather than at a bundled sample's.
  const sheets = { ...demoCity(schedule, { accounts, seed, historyMonths: 13 }), ...ratesSheets([schedule]).sheets };
  const input = join(outDir, "demo-city.xlsx");
  await writeXlsx(input, new MemoryWorkbook(sheets), undefined, (s, r) => bar.update(`Writing ${s}`, r, sheets[s]?.length ?? 1));
  const built = time(t);

  t = Date.now();
  const workbook = new MemoryWorkbook(sheets);
  const review = await runReview(workbook, { settings: DEFAULT_READ_EDIT_SETTINGS, progress: (p, d, n) => bar.update(p, d, n) });
  if (!review.ok) throw new UsageError(review.message);
  const reviewed = time(t);

  t = Date.now();
  const cycle = await generateCycle(workbook, {
    schedule,
    settings: DEFAULT_CYCLE_SETTINGS,
    readEdits: DEFAULT_READ_EDIT_SETTINGS,
    now: "2026-10-31T08:00:00Z",
    progress: (p, d, n) => bar.update(p, d, n),
  });
  if (!cycle.ok) throw new UsageError(cycle.message);
  const billed = time(t);

  t = Date.now();
  const output = join(outDir, "demo-cycle.xlsx");
  // The output workbook: the flagged reads and every generated sheet (the other inputs are in the input workbook).
  const outputs = (await workbook.sheetNames()).filter(
    (n) => !["Accounts", "Usage History", "Balances", "Payments", "Adjustments"].includes(n),
  );
  await writeXlsx(output, workbook, outputs, (s, r) => bar.update(`Writing ${s}`, r, workbook.sheet(s)?.values.length ?? 1));
  const written = time(t);
  bar.done();

  t = Date.now();
  const counter = await counterDay(workbook, join(outDir, "batches"));
  const dayTime = time(t);

  const r = review.result;
  const { result } = cycle.run;
  const reg = result.register;
  const cycleCount = cycleCounts(cycle.run.loaded, result);
  const counts = new Map(r.counts.map((c) => [c.code, c.open + c.resolved]));
  const lines = [
    `Demo City (synthetic, seed ${seed}): ${accounts.toLocaleString("en-US")} accounts, rates ${schedule.id}`,
    `  input:  ${input}`,
    `  output: ${output}`,
    "",
    `Read review: ${r.reads.toLocaleString("en-US")} reads, ${r.items.length.toLocaleString("en-US")} edits, every one of the ${EDIT_CODES.length} codes present: ${EDIT_CODES.every((c) => counts.has(c)) ? "yes" : "no"}`,
    ...EDIT_CODES.map((c) => `  ${c.padEnd(24)} ${String(counts.get(c) ?? 0).padStart(6)}`),
    "",
    `Cycle ${cycle.run.loaded.input.periodStart} to ${cycle.run.loaded.input.periodEnd}, billed ${cycle.run.loaded.input.billDate}:`,
    `  bills ${reg.billed.toLocaleString("en-US")} (${decisionText(cycleCount, "billed")}); final bills ${reg.final}`,
    `  ${COUNT_WORDS.held} ${result.held.length} (${decisionText(cycleCount, "held")}); ${COUNT_WORDS.unmatched} ${cycleCount.unmatchedRows}; reads matched to an account ${reg.readsReceived.toLocaleString("en-US")}`,
    ...[...reg.charges].map(([svc, m]) => `  ${svc.padEnd(10)} ${m.toCents().padStart(14)}`),
    `  current charges ${reg.currentCharges.toCents()}; adjustments ${reg.adjustments.toCents()}; fees ${reg.fees.toCents()}; payments ${reg.payments.toCents()}`,
    `  total due on the bills ${reg.totalDue.toCents()}; reconciliation difference ${result.reconciliation.difference.toCents()}`,
    `  notices: ${noticeText(cycleCount)}; kept off ${cycleCount.keptOff}`,
    `  delinquent ${result.delinquency.length.toLocaleString("en-US")}; door hangers ${result.doorHangers.length}; cart work orders ${result.cartOrders.length}`,
    `  sheets: ${cycle.run.written.join(", ")}`,
    "",
    ...counter,
    "",
    `Time: city ${built}, review ${reviewed}, cycle ${billed}, output ${written}, the day ${dayTime}; total ${time(started)}`,
  ];
  write(lines.join("\n") + "\n");
}

/**
 * The day after the bill run at Demo City's counter: every channel's file posted as `ubill post`
 * posts it (the files are written under batches/ to try by hand), the drop box's likely duplicate
 * asked about and answered, a returned check reversed, and the day closed.
 */
async function counterDay(workbook: MemoryWorkbook, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const payments = await workbook.readSheet("Payments");
  const read = payments && parsePaymentRows(payments);
  if (!read || !read.ok) throw new UsageError("the demo city has no Payments sheet");
  const rows = read.value.records;
  const check = rows.find((r) => !r.payment.returned && /^check /.test(r.payment.reference));
  if (!check) throw new UsageError("the demo city has no check to return");
  const day = dayOfBatches(await accountsForPayment(workbook), { ...check.payment }, "2026-11-02");
  const lines = [`The counter on ${day.date} (files in ${dir}):`];
  for (const f of [...day.files, day.returnedChecks]) {
    writeFileSync(join(dir, f.name), f.text);
    const options = { channel: f.channel, count: f.count, total: f.total, confirmed: new Set<number>() };
    let posted = await postFile(workbook, f.name, f.text, options, POCATELLO_POLICY);
    if (!posted.ok && f.duplicateLine) {
      lines.push(
        `  asked: ${posted.message}`,
        `  answered yes (ubill post --confirm ${f.duplicateLine}): the envelope held a second check of the same amount; the customer is left a credit`,
      );
      posted = await postFile(workbook, f.name, f.text, { ...options, confirmed: new Set([f.duplicateLine]) }, POCATELLO_POLICY);
    }
    if (!posted.ok) throw new UsageError(posted.message);
    lines.push(...posted.lines.map((l) => `  ${l}`));
  }
  const closed = await closeDay(workbook, day.date, POCATELLO_POLICY, "2026-11-02T23:30:00Z");
  if (!closed.ok || !closed.closed) throw new UsageError(closed.ok ? "the day was closed already" : closed.message);
  return [...lines, "", ...activityLines(closed.activity)];
}

if (require.main === module)
  demo(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`demo: ${error instanceof UsageError ? error.message : (error as Error).stack}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
