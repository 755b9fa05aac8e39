import { achFileDate, balanceBatch, checkBatch, Dec, parseAchReturns, postBatch, ZERO } from "../engine";
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
  /** Today, where the run is: no batch, return or day is dated after it. */
  readonly today?: IsoDate;
}

export type PostOutcome = { ok: true; lines: string[] } | { ok: false; message: string };

/** "1 payment", "3 payments". */
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** What a run of returns says: each reversal, its fee, and what follows for the account. */
function returnedLines(
  file: string,
  kind: string,
  done: Extract<ReturnsOutcome, { ok: true }>,
  more: (i: number) => string = () => "",
): string[] {
  return [
    `Returned ${count(done.done.length, "payment")} from ${file} (${kind}) on ${PAYMENTS_SHEET} ${done.rows.firstRow === done.rows.lastRow ? `row ${done.rows.firstRow}` : `rows ${done.rows.firstRow}-${done.rows.lastRow}`}:`,
    ...done.done.map(
      (d, i) =>
        `  ${d.account}  ${moneyText(d.amount)} reverses ${d.reverses}; ${d.reason}; fee ${moneyText(d.fee)} and the returned-payment letter on the next bill run${d.cashOnly ? `; cash only from now (${d.returnsInWindow} returned in 12 months)` : ""}${d.startCollection ? "; closed account: to collection" : ""}${more(i)}`,
    ),
  ];
}

/** An ACH file: 94-character records, the first a file header ("1"). */
export const isAchFile = (text: string) => /^\uFEFF?101[ \d]/.test(text);

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
    const returns = parseAchReturns(text);
    if (!returns.ok) return { ok: false, message: `${file} ${returns.problem.message}` };
    if (returns.value.length === 0) return { ok: false, message: `${file}: an ACH file with no return entries; nothing to post` };
    // The returns are posted the day the bank's file was made unless --date says otherwise.
    const on = options.date ?? achFileDate(text);
    if (!on) return { ok: false, message: `--date is needed: ${file}'s file header gives no creation date` };
    if (options.today && on > options.today)
      return { ok: false, message: `the returns would be dated ${on}, after today (${options.today})` };
    const done = await returnPayments(
      port,
      returns.value.map((r) => ({
        kind: "draft" as const,
        account: r.account,
        reference: "",
        amount: r.amount,
        returnedOn: on,
        reason: `${r.reason} ${r.reasonText}`,
        where: `${file} line ${r.line}`,
      })),
      policy,
    );
    if (!done.ok) return done;
    return {
      ok: true,
      lines: returnedLines(file, "ACH returns", done, (i) =>
        returns.value[i].endsAutopay
          ? `; autopay ends (${returns.value[i].reason}): the next bill asks for payment, not a draft; set Autopay to No on the Accounts sheet`
          : "",
      ),
    };
  }
  const items = readReturnedItems(file, text);
  if (items && !items.ok) return items;
  if (items) {
    const on = options.date ?? items.items.find((i) => i.date)?.date;
    if (!on) return { ok: false, message: `--date is needed: ${file} does not date its returns` };
    if (options.today && on > options.today)
      return { ok: false, message: `the returns would be dated ${on}, after today (${options.today})` };
    const done = await returnPayments(
      port,
      items.items.map((i) => ({
        kind: "check" as const,
        account: i.account,
        reference: i.reference,
        amount: i.amount,
        returnedOn: on,
        reason: i.reason,
        where: `${file} line ${i.line}`,
      })),
      policy,
    );
    if (!done.ok) return done;
    return { ok: true, lines: returnedLines(file, "returned items", done) };
  }
  const remembered = await rememberedLayouts(port);
  const file_ = readBatchFile(file, text, { given: options.mapping, remembered });
  if (!file_.ok) return file_;
  const dates = new Set(file_.lines.map((l) => l.date).filter((d): d is IsoDate => d !== undefined));
  if (dates.size > 1)
    return {
      ok: false,
      message: `${file}: payments dated ${[...dates].sort().join(", ")}; a batch is one day's payments: split the file by day`,
    };
  const fileDate = dates.size === 1 ? [...dates][0] : undefined;
  if (options.date && fileDate && options.date !== fileDate)
    return { ok: false, message: `${file} dates its payments ${fileDate}; --date ${options.date} would post them on another day` };
  const date = options.date ?? fileDate;
  if (!date) return { ok: false, message: `--date is needed: ${file} does not date its payments` };
  if (options.today && date > options.today)
    return { ok: false, message: `the batch is dated ${date}, after today (${options.today}); a batch is dated the day it is received` };
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
      message: `the day ${date} was closed at ${closed.closedAt} UTC; no more batches post to it: post this one under the day it is posted`,
    };
  const rows = read.value.records;
  const id = nextBatchId(rows, date, channel);
  const accounts = await accountsForPayment(port, date);
  const batch = {
    id,
    date,
    channel,
    controlCount: options.count,
    controlTotal: options.total,
    lines: file_.lines.map((l) => ({ account: l.account, amount: l.amount, reference: l.reference })),
  };
  const fileLine = (n: number) => `${file} line ${file_.lines[n - 1]?.line}`;
  // Every question at once, each with the file line it came from; a yes to a line that asks nothing is refused,
  // so a --confirm left in a nightly script cannot answer tomorrow's question.
  const asking = checkBatch(batch, accounts, postedPayments(rows)).filter((c) => c.check.questions.length > 0);
  const idle = [...options.confirmed].filter((n) => !asking.some((a) => a.line === n));
  if (idle.length)
    return {
      ok: false,
      message: `--confirm ${idle.join(",")}: ${idle.length === 1 ? "that line asks" : "those lines ask"} nothing; confirm only the lines a question names`,
    };
  const unanswered = asking.filter((a) => !options.confirmed.has(a.line));
  const balanced = balanceBatch(batch).balanced;
  if (balanced && unanswered.length)
    return {
      ok: false,
      message: `Batch ${id} asks first: ${unanswered.map((a) => `line ${a.line} (${fileLine(a.line)}): ${a.check.questions.join("; ")}`).join("; ")}; --confirm ${unanswered.map((a) => a.line).join(",")} answers yes`,
    };
  const result = postBatch(batch, accounts, postedPayments(rows), options.confirmed);
  if (!result.ok) {
    const line = /line (\d+):/.exec(result.problem.message)?.[1];
    return { ok: false, message: `${result.problem.message}${line ? ` (${fileLine(Number(line))})` : ""}` };
  }
  if (options.mapping) await rememberLayout(port, file_.header, options.mapping);
  const written = await postToSheet(port, result.value);
  const credits = result.value.lines.filter((l) => l.credit.greaterThan(0));
  const credit = credits.reduce((s, l) => s.plus(l.credit), ZERO);
  return {
    ok: true,
    lines: [
      `Posted batch ${id}: ${count(result.value.lines.length, "payment")}, ${moneyText(result.value.total)} (${channel}; the file read as ${file_.layout}) on ${PAYMENTS_SHEET} rows ${written.firstRow}-${written.lastRow}.`,
      ...(credits.length
        ? [
            `${count(credits.length, "payment")} paid beyond what was owed: ${moneyText(credit)} stays as credit on ${credits.length === 1 ? "the account" : "those accounts"}.`,
          ]
        : []),
      ...(options.mapping ? [`The column mapping is remembered on the Import Layouts sheet for files with this header.`] : []),
      ...file_.warnings.map((w) => `Warning: ${w}.`),
    ],
  };
}
