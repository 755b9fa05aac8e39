import type { Dec } from "../decimal";
import { moneyText } from "../money/format";
import { fail, ok, Result } from "../problems";
import { balanceBatch } from "./balanceBatch";
import { checkBatchLine } from "./checkBatchLine";
import type { AccountForPayment, LineCheck, PaymentBatch, PostedPayment } from "./types";

export interface PostedLine {
  /** 1-based, as the batch lists it. */
  readonly line: number;
  readonly account: string;
  readonly amount: Dec;
  readonly reference: string;
  /** Paid beyond what the account owed: a credit on the account. */
  readonly credit: Dec;
}

export interface PostedBatch {
  readonly id: string;
  readonly date: PaymentBatch["date"];
  readonly channel: PaymentBatch["channel"];
  readonly total: Dec;
  readonly lines: readonly PostedLine[];
}

/**
 * Posts a batch when, and only when, its count and total agree with the deposit slip, no line has
 * a problem, and every question (a likely duplicate, an unknown account) has been answered yes
 * (`confirmed` holds those lines' numbers, 1-based). The first thing in the way is the message.
 */
export function postBatch(
  batch: PaymentBatch,
  accounts: ReadonlyMap<string, AccountForPayment>,
  posted: readonly PostedPayment[],
  confirmed: ReadonlySet<number>,
): Result<PostedBatch> {
  const balance = balanceBatch(batch);
  if (!balance.balanced) {
    const count = balance.countDifference === 0 ? "" : `${balance.count} payments keyed where the slip says ${batch.controlCount}`;
    const total = balance.totalDifference.isZero()
      ? ""
      : `${moneyText(balance.total)} keyed where the slip says ${moneyText(batch.controlTotal)} (${moneyText(balance.totalDifference.abs())} ${balance.totalDifference.isNegative() ? "short" : "over"})`;
    return fail("BATCH_NOT_BALANCED", `Batch ${batch.id} does not balance: ${[count, total].filter(Boolean).join("; ")}`);
  }
  const checked = checkBatch(batch, accounts, posted);
  const lines: PostedLine[] = [];
  for (const { line: n, check } of checked) {
    const line = batch.lines[n - 1];
    if (check.problems.length > 0) return fail("BATCH_LINE_REFUSED", `Batch ${batch.id} line ${n}: ${check.problems[0]}`);
    if (check.questions.length > 0 && !confirmed.has(n))
      return fail("BATCH_NEEDS_ANSWER", `Batch ${batch.id} line ${n}: ${check.questions[0]}; answer before posting`);
    lines.push({ line: n, account: line.account, amount: line.amount, reference: line.reference.trim(), credit: check.credit });
  }
  return ok({ id: batch.id, date: batch.date, channel: batch.channel, total: balance.total, lines });
}

/**
 * Every line of a batch checked as it would post: each against the payments before it (posted,
 * and earlier in this batch) and against what its account owes once the batch's earlier lines
 * are applied (two payments do not both pay the same bill).
 */
export function checkBatch(
  batch: PaymentBatch,
  accounts: ReadonlyMap<string, AccountForPayment>,
  posted: readonly PostedPayment[],
): { readonly line: number; readonly check: LineCheck }[] {
  const earlier: PostedPayment[] = [...posted];
  const owing = new Map<string, Dec>();
  return batch.lines.map((line, i) => {
    const known = accounts.get(line.account);
    const account = known && { ...known, balance: owing.get(line.account) ?? known.balance };
    const check = checkBatchLine(line, batch.date, account, earlier);
    earlier.push({ account: line.account, date: batch.date, amount: line.amount, reference: line.reference });
    if (account) owing.set(line.account, account.balance.minus(line.amount));
    return { line: i + 1, check };
  });
}
