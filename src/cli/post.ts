import { readFileSync } from "fs";
import { Dec, isIsoDate, POCATELLO_POLICY } from "../engine";
import { moneyText } from "../engine/money/format";
import { readXlsxFast, WorkbookFileProblem } from "../adapters/xlsx/fastRead";
import { FlagWriter } from "../adapters/xlsx/flaggedCopy";
import { CopyWorkbook } from "../adapters/xlsx/copyWorkbook";
import type { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { utf16Text } from "../workbook/textBytes";
import { channelOf, parseMapping } from "../payments/batchFile";
import { postFile } from "../payments/postFile";
import { closeDay } from "../payments/closeDay";
import { atMost, ParsedArgs, required, text, UsageError } from "./args";
import { checkOutput, writeAtomically } from "./files";
import { checkRegularFile, checkWorkbookFile } from "./inputFile";

export const POST_HELP = `ubill post WORKBOOK.xlsx --batch FILE --out OUT.xlsx [--date D] [--channel C] [--count N --total X]
           [--confirm LINES] [--map account=COL,amount=COL,reference=COL]
  Posts a payment file to the Payments sheet of a copy of WORKBOOK (the input is never written).
  FILE is a card processor's settlement CSV, a bank lockbox CSV, the add-in's own batch CSV
  (docs/payments.md shows each), a layout mapped once with --map and remembered, or a NACHA ACH
  return file (its returns reverse their payments, with the fee). A batch posts only when it
  balances to --count and --total, the deposit slip's; --confirm 3,7 answers yes to lines 3 and 7
  (a likely duplicate, an unknown account). --channel is mail, counter, "drop box", "card by phone",
  online or "bank draft" (a lockbox file is mail, a settlement report card by phone).`;

export const DAY_HELP = `ubill day WORKBOOK.xlsx --date D --out OUT.xlsx
  The nightly update: closes day D in a copy of WORKBOOK: the Daily Activity sheet (cash received
  by channel and by service, batches, returned items, adjustments, accounts opened and closed,
  work orders) and a row on the Days Closed sheet. A day closes once: run again, it says when it
  was closed and writes nothing.`;

const MAX_BATCH_BYTES = 16 * 1024 * 1024;

function dateOption(args: ParsedArgs, name: string): string | undefined {
  const v = text(args, name);
  if (v !== undefined && !(isIsoDate(v) && v >= "1900-03-01" && v <= "2199-12-31"))
    throw new UsageError(`--${name} must be a date such as 2026-11-20, got "${v}"`);
  return v;
}

/** The input workbook read whole (values), and a copy to write into. */
function openCopy(input: string, out: string): { port: CopyWorkbook; copy: FlagWriter } {
  if (!input) throw new UsageError("a workbook is needed");
  checkOutput(out, input);
  checkWorkbookFile(input);
  let values: MemoryWorkbook;
  try {
    values = readXlsxFast(input);
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw new UsageError(`${input} cannot be read: ${error.message}`);
    throw new UsageError(`${input} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const copy = new FlagWriter(input);
  return { port: new CopyWorkbook(values, copy), copy };
}

async function save(out: string, input: string, copy: FlagWriter): Promise<void> {
  try {
    await writeAtomically(out, (partial) => copy.save(partial));
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw new UsageError(`${input} cannot be read: ${error.message}`);
    throw error;
  }
}

/** Runs `ubill post`: returns the lines to print. */
export async function post(args: ParsedArgs, today?: string): Promise<string> {
  const [input] = args.positional;
  if (!input) throw new UsageError("post needs a workbook: ubill post WORKBOOK.xlsx --batch FILE --out OUT.xlsx");
  atMost(args, 1, "ubill post WORKBOOK.xlsx --batch FILE --out OUT.xlsx");
  const batch = required(args, "batch", "the payment file to post");
  const out = required(args, "out", "the copy of the workbook to write; the input is never written");
  const date = dateOption(args, "date");
  const channelText = text(args, "channel");
  const channel = channelText === undefined ? undefined : channelOf(channelText);
  if (channelText !== undefined && !channel)
    throw new UsageError(`--channel must be mail, counter, "drop box", "card by phone", online or "bank draft", got "${channelText}"`);
  const countText = text(args, "count");
  if (countText !== undefined && !/^\d{1,6}$/.test(countText))
    throw new UsageError(`--count must be a whole number of payments, got "${countText}"`);
  const totalText = text(args, "total")?.replace(/^\$/, "").replace(/,/g, "");
  if (totalText !== undefined && !/^\d{1,10}(\.\d{1,2})?$/.test(totalText))
    throw new UsageError(`--total must be an amount in dollars and cents such as 1234.56, got "${text(args, "total")}"`);
  const confirmText = text(args, "confirm");
  if (confirmText !== undefined && !/^\d{1,6}(,\d{1,6})*$/.test(confirmText))
    throw new UsageError(`--confirm takes the batch's line numbers separated by commas, such as 3,7; got "${confirmText}"`);
  const mapText = text(args, "map");
  const mapping = mapText === undefined ? undefined : parseMapping(mapText);
  if (mapping && !mapping.ok) throw new UsageError(mapping.message);
  const size = checkRegularFile(batch, "payment");
  if (size > MAX_BATCH_BYTES)
    throw new UsageError(`${batch}: it is ${size.toLocaleString("en-US")} bytes; a payment file may be at most 16 MB`);
  const data = readFileSync(batch);
  const fileText = utf16Text(data) ?? data.toString("utf8");
  if (fileText.includes("\u0000")) throw new UsageError(`${batch} is not a text file: expected a CSV or an ACH return file`);
  const { port, copy } = openCopy(input, out);
  const outcome = await postFile(
    port,
    batch,
    fileText,
    {
      date,
      channel,
      count: countText === undefined ? undefined : Number(countText),
      total: totalText === undefined ? undefined : new Dec(totalText),
      confirmed: new Set((confirmText ?? "").split(",").filter(Boolean).map(Number)),
      mapping: mapping?.ok ? mapping.mapping : undefined,
      today,
    },
    POCATELLO_POLICY,
  );
  if (!outcome.ok) throw new UsageError(outcome.message);
  await save(out, input, copy);
  return [...outcome.lines, `Wrote ${out}.`].join("\n");
}

/** Runs `ubill day`: returns the lines to print. */
export async function day(args: ParsedArgs, now: string): Promise<string> {
  const [input] = args.positional;
  if (!input) throw new UsageError("day needs a workbook: ubill day WORKBOOK.xlsx --date D --out OUT.xlsx");
  atMost(args, 1, "ubill day WORKBOOK.xlsx --date D --out OUT.xlsx");
  const date = dateOption(args, "date");
  if (!date) throw new UsageError("--date is required (the day to close, such as 2026-11-20)");
  const out = required(args, "out", "the copy of the workbook to write; the input is never written");
  const { port, copy } = openCopy(input, out);
  const outcome = await closeDay(port, date, POCATELLO_POLICY, now);
  if (!outcome.ok) throw new UsageError(outcome.message);
  if (!outcome.closed)
    return `The day ${date} was closed at ${outcome.already.closedAt} UTC (${outcome.already.payments} payment${outcome.already.payments === 1 ? "" : "s"}, ${moneyText(new Dec(outcome.already.received || 0))} received, ${moneyText(new Dec(outcome.already.net || 0))} net); it closes once: nothing written.`;
  await save(out, input, copy);
  return [...activityLines(outcome.activity), `Wrote ${out}: the Daily Activity sheet and the day on Days Closed.`].join("\n");
}

/** The day's totals as the CLI and the demo print them. */
export function activityLines(a: import("../engine").DailyActivity): string[] {
  const m = (d: Dec) => moneyText(d);
  const pad = (s: string) => s.padEnd(34);
  return [
    `Daily Activity for ${a.date}`,
    ...[...a.byChannel].sort(([x], [y]) => x.localeCompare(y)).map(([c, t]) => `  ${pad(`${c} (${t.count})`)}${m(t.total).padStart(14)}`),
    `  ${pad(`Received (${a.received.count} payments, ${a.batches.length} batch${a.batches.length === 1 ? "" : "es"})`)}${m(a.received.total).padStart(14)}`,
    `  ${pad(`Returned (${a.returned.count}; fees ${m(a.returned.fees)} billed)`)}${m(a.returned.total).padStart(14)}`,
    ...[...a.adjustmentsByKind].map(([k, t]) => `  ${pad(`Adjustments: ${k} (${t.count})`)}${m(t.total).padStart(14)}`),
    `  Accounts opened ${a.opened}, closed ${a.closed}; work orders issued ${a.workOrders}`,
    `  ${pad("Net to the bank")}${m(a.net).padStart(14)}`,
  ];
}
