import {
  AccountForPayment,
  BatchBalance,
  BatchLine,
  checkBatchLine,
  Dec,
  isDecimalText,
  IsoDate,
  LineCheck,
  moneyText,
  PaymentBatch,
  PaymentChannel,
  PostedPayment,
} from "../../engine";
import type { ColumnMapping } from "../../payments/batchFile";

/** A line as the specialist keyed it; `key` stays with the line when lines above are removed. */
export interface KeyedLine extends BatchLine {
  readonly key: number;
  /** The specialist answered yes to the line's question (a likely duplicate, an unknown account). */
  readonly confirmed: boolean;
}

/** A batch being keyed: the slip's controls and the lines so far. It is never edited once posted. */
export interface BatchDraft {
  readonly id: string;
  readonly date: IsoDate;
  readonly channel: PaymentChannel;
  readonly controlCount: number;
  readonly controlTotal: Dec;
  readonly lines: readonly KeyedLine[];
  /** What was posted (the rows written), once the batch is posted; a posted batch is never edited. */
  readonly posted?: string;
  /** A column mapping given for an imported file, remembered (Import Layouts) when the batch posts. */
  readonly mapping?: { readonly header: readonly string[]; readonly mapping: ColumnMapping };
}

/** Today in this computer's time zone, as a deposit is dated: YYYY-MM-DD. */
export function localDate(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso.slice(0, 10);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
}

/**
 * An amount as typed at the counter: "45", "45.5", "$1,045.50". Returns the amount, or why it is
 * not one. Whether it is positive and whole cents is the engine's check (checkBatchLine).
 */
export function parseAmount(text: string): Dec | string {
  const plain = text
    .trim()
    .replace(/^\$/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (plain === "") return "an amount is needed";
  if (!isDecimalText(plain) || !/^-?\d{0,12}\.?\d+$/.test(plain) || plain.length > 16)
    return `the amount ${text.trim()} is not a number of dollars and cents`;
  return new Dec(plain);
}

/** A slip's payment count as typed: a whole number, 1 or more. */
export function parseCount(text: string): number | string {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t) || Number(t) < 1) return "the count must be a whole number of payments, 1 or more";
  return Number(t);
}

/** The channel as a batch id writes it: "card by phone" is CARD-BY-PHONE. */
export const channelCode = (channel: PaymentChannel): string => channel.toUpperCase().replace(/ /g, "-");

/** The batch's id, "B-<date>-<CHANNEL>-<n>", with the first n not already on the Payments sheet. */
export function nextBatchId(date: IsoDate, channel: PaymentChannel, taken: ReadonlySet<string>): string {
  const stem = `B-${date}-${channelCode(channel)}-`;
  let n = 1;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** The draft as the engine's batch. */
export function batchOf(draft: BatchDraft): PaymentBatch {
  return {
    id: draft.id,
    date: draft.date,
    channel: draft.channel,
    controlCount: draft.controlCount,
    controlTotal: draft.controlTotal,
    lines: draft.lines.map(({ account, amount, reference }) => ({ account, amount, reference })),
  };
}

/** The line numbers (1-based, as the batch lists them) the specialist said yes to. */
export function confirmedLines(draft: BatchDraft): Set<number> {
  return new Set(draft.lines.flatMap((l, i) => (l.confirmed ? [i + 1] : [])));
}

/**
 * Every line's check as postBatch will make it: each against the payments already posted and the
 * batch's earlier lines, and against what its account owes after the batch's earlier payments.
 */
export function checkLines(
  draft: BatchDraft,
  accounts: ReadonlyMap<string, AccountForPayment>,
  posted: readonly PostedPayment[],
): LineCheck[] {
  const earlier: PostedPayment[] = [...posted];
  const owing = new Map<string, Dec>();
  return draft.lines.map((line) => {
    const known = accounts.get(line.account);
    const account = known && { ...known, balance: owing.get(line.account) ?? known.balance };
    const check = checkBatchLine(line, draft.date, account, earlier);
    earlier.push({ account: line.account, date: draft.date, amount: line.amount, reference: line.reference });
    if (account) owing.set(line.account, account.balance.minus(line.amount));
    return check;
  });
}

/** The live balance line: "19 of 20 payments, $1,955.00 of $2,000.00: 1 payment and $45.00 short". */
export function balanceText(balance: BatchBalance, controlCount: number, controlTotal: Dec): string {
  const head = `${balance.count} of ${controlCount} payments, ${moneyText(balance.total)} of ${moneyText(controlTotal)}`;
  if (balance.balanced) return `${head}: balanced`;
  const parts: string[] = [];
  if (balance.countDifference !== 0) {
    const n = Math.abs(balance.countDifference);
    parts.push(`${n} payment${n === 1 ? "" : "s"} ${balance.countDifference < 0 ? "to key" : "too many"}`);
  }
  if (!balance.totalDifference.isZero())
    parts.push(`${moneyText(balance.totalDifference.abs())} ${balance.totalDifference.isNegative() ? "short" : "over"}`);
  return `${head}: ${parts.join(", ")}`;
}

/**
 * The draft with a file's payments added after its lines, each to be answered like a keyed one.
 * A file dated another day than the batch is refused (a batch is one day's deposit).
 */
export function withFileLines(
  draft: BatchDraft,
  file: { readonly file: string; readonly date?: IsoDate; readonly lines: readonly BatchLine[]; readonly header: readonly string[] },
  mapping?: ColumnMapping,
): BatchDraft | string {
  if (file.date && file.date !== draft.date)
    return `${file.file} is dated ${file.date}; batch ${draft.id} is dated ${draft.date}: open a batch for ${file.date}`;
  let key = draft.lines.reduce((k, l) => Math.max(k, l.key), 0);
  const lines = file.lines.map(({ account, amount, reference }) => ({ account, amount, reference, key: ++key, confirmed: false }));
  return { ...draft, lines: [...draft.lines, ...lines], ...(mapping ? { mapping: { header: file.header, mapping } } : {}) };
}
