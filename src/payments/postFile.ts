import { Dec, parseAchReturns, postBatch, ZERO } from "../engine";
import type { CyclePolicy, IsoDate, PaymentChannel } from "../engine";
import { moneyText } from "../engine/money/format";
import { parsePaymentRows } from "../workbook/cycleSheets";
import type { WorkbookPort } from "../workbook/port";
import { accountsForPayment, nextBatchId, postedPayments } from "./accountsForPayment";
import { ColumnMapping, readBatchFile, readReturnedItems } from "./batchFile";
import { closedDays } from "./closeDay";
import { rememberedLayouts, rememberLayout } from "./importLayouts";
import { postToSheet, PAYMENTS_SHEET } from "./postToSheet";
import { returnPayments, ReturnsOutcome } from "./returns";

export interface PostOptions {
  /** The batch's date (a return file's: the day the returns are posted). */
  readonly date?: IsoDate;
  readonly channel?: PaymentChannel;
  /** From the deposit slip or the processor's report. */
  readonly count?: number;
  readonly total?: Dec;
  /** Batch lines whose question (a likely duplicate, an unknown account) the specialist answered yes. */
  readonly confirmed: ReadonlySet<number>;
  readonly mapping?: ColumnMapping;
}

export type PostOutcome = { ok: true; lines: string[] } | { ok: false; message: string };

/** What a run of returns says: each reversal, its fee, and what follows for the account. */
function returnedLines(
  file: string,
  kind: string,
  done: Extract<ReturnsOutcome, { ok: true }>,
  more: (i: number) => string = () => "",
): string[] {
  return [
    `Returned ${done.done.length} payment(s) from ${file} (${kind}) on ${PAYMENTS_SHEET} rows ${done.rows.firstRow}-${done.rows.lastRow}:`,
    ...done.done.map(
      (d, i) =>
        `  ${d.account}  ${moneyText(d.amount)} reverses ${d.reverses}; ${d.reason}; fee ${moneyText(d.fee)} and the returned-payment letter on the next bill run${d.cashOnly ? `; cash only from now (${d.returnsInWindow} returned in 12 months)` : ""}${d.startCollection ? "; closed account: to collection" : ""}${more(i)}`,
    ),
  ];
}

/** An ACH file: 94-character records, the first a file header ("1"). */
export const isAchFile = (text: string) => /^1.{93}\r?$/m.test(text.split("\n", 1)[0] ?? "");

/**
 * Posts a payment file to the workbook, as the Payments view does: a batch of payments in a layout
 * the product reads (or one mapped once with `mapping`, then remembered on the Import Layouts
 * sheet), or an ACH return file, whose returns reverse their autopay payments. A batch posts only
 * when it balances to the slip's count and total and every question is answered; a closed day
 * takes no more batches.
 */
export async function postFile(
  port: WorkbookPort,
  file: string,
  text: string,
  options: PostOptions,
  policy: CyclePolicy,
): Promise<PostOutcome> {
  const sheet = await port.readSheet(PAYMENTS_SHEET);
  const read = sheet ? parsePaymentRows(sheet) : { ok: true as const, value: { records: [], problems: [] } };
  if (!read.ok) return read;
  if (isAchFile(text)) {
    if (!options.date) return { ok: false, message: "--date is needed with a return file: the day the returns are posted" };
    const returns = parseAchReturns(text);
    if (!returns.ok) return { ok: false, message: `${file} ${returns.problem.message}` };
    if (returns.value.length === 0) return { ok: false, message: `${file}: an ACH file with no return entries; nothing to post` };
    const done = await returnPayments(
      port,
      returns.value.map((r) => ({
        account: r.account,
        reference: "",
        amount: r.amount,
        returnedOn: options.date!,
        reason: `${r.reason} ${r.reasonText}`,
      })),
      policy,
    );
    if (!done.ok) return done;
    return { ok: true, lines: returnedLines(file, "ACH returns", done, (i) => (returns.value[i].endsAutopay ? "; ends autopay" : "")) };
  }
  const items = readReturnedItems(file, text);
  if (items && !items.ok) return items;
  if (items) {
    const on = options.date ?? items.items.find((i) => i.date)?.date;
    if (!on) return { ok: false, message: `--date is needed: ${file} does not date its returns` };
    const done = await returnPayments(
      port,
      items.items.map((i) => ({ account: i.account, reference: i.reference, amount: i.amount, returnedOn: on, reason: i.reason })),
      policy,
    );
    if (!done.ok) return done;
    return { ok: true, lines: returnedLines(file, "returned items", done) };
  }
  const remembered = await rememberedLayouts(port);
  const file_ = readBatchFile(file, text, { given: options.mapping, remembered });
  if (!file_.ok) return file_;
  const dates = new Set(file_.lines.map((l) => l.date).filter((d): d is IsoDate => d !== undefined));
  const date = options.date ?? (dates.size === 1 ? [...dates][0] : undefined);
  if (!date)
    return {
      ok: false,
      message:
        dates.size > 1
          ? `${file}: payments dated ${[...dates].sort().join(", ")}; a batch is one day's: give --date`
          : `--date is needed: ${file} does not date its payments`,
    };
  const channel = options.channel ?? file_.channel;
  if (!channel)
    return {
      ok: false,
      message: `--channel is needed: ${file} (${file_.layout}) does not say how its payments came (mail, counter, drop box, card by phone, online, bank draft)`,
    };
  if (options.count === undefined || options.total === undefined)
    return {
      ok: false,
      message:
        "--count and --total are needed: the deposit slip's (or the processor's report's) count and total, which the batch must balance to",
    };
  const closed = (await closedDays(port)).get(date);
  if (closed)
    return {
      ok: false,
      message: `the day ${date} was closed at ${closed.closedAt}; a batch dated ${date} cannot be posted: date it the day it is posted`,
    };
  const rows = read.value.records;
  const id = nextBatchId(rows, date, channel);
  const accounts = await accountsForPayment(port, date);
  const result = postBatch(
    {
      id,
      date,
      channel,
      controlCount: options.count,
      controlTotal: options.total,
      lines: file_.lines.map((l) => ({ account: l.account, amount: l.amount, reference: l.reference })),
    },
    accounts,
    postedPayments(rows),
    options.confirmed,
  );
  if (!result.ok) {
    const line = /line (\d+):/.exec(result.problem.message)?.[1];
    const fileLine = line ? file_.lines[Number(line) - 1]?.line : undefined;
    const hint = result.problem.code === "BATCH_NEEDS_ANSWER" ? ` (--confirm ${line} answers yes)` : "";
    return { ok: false, message: `${result.problem.message}${fileLine ? ` (${file} line ${fileLine})` : ""}${hint}` };
  }
  if (options.mapping) await rememberLayout(port, file_.header, options.mapping);
  const written = await postToSheet(port, result.value);
  const credits = result.value.lines.filter((l) => l.credit.greaterThan(0));
  const credit = credits.reduce((s, l) => s.plus(l.credit), ZERO);
  return {
    ok: true,
    lines: [
      `Posted batch ${id}: ${result.value.lines.length} payment(s), ${moneyText(result.value.total)} (${channel}, ${file_.layout} layout) on ${PAYMENTS_SHEET} rows ${written.firstRow}-${written.lastRow}.`,
      ...(credits.length
        ? [`${credits.length} payment(s) beyond what was owed leave ${moneyText(credit)} in credit on the account(s).`]
        : []),
      ...(options.mapping ? [`The column mapping is remembered on the Import Layouts sheet for files with this header.`] : []),
    ],
  };
}
