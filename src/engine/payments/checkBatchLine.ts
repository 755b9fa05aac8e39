import { Dec, ZERO } from "../decimal";
import { addDays, IsoDate } from "../dates/civilDate";
import { moneyText } from "../money/format";
import { findCardNumber } from "./findCardNumber";
import { sameReference } from "./sameReference";
import type { AccountForPayment, BatchLine, LineCheck, PostedPayment } from "./types";

/** A likely duplicate: the same account, amount and reference within this many days. */
export const DUPLICATE_DAYS = 30;

/**
 * Checks one line before its batch posts. Problems stop it: an amount that is not a positive
 * number of cents, a card number anywhere in the line (PCI DSS). Questions need a yes: an account
 * that does not exist, a check from an account that pays cash only, or the same account, amount
 * and reference (sameReference: "check 901" is "901") already paid in the last 30 days (posted,
 * or earlier in this batch). What the payment brings below zero stays as a credit.
 */
export function checkBatchLine(
  line: BatchLine,
  date: IsoDate,
  account: AccountForPayment | undefined,
  earlier: readonly PostedPayment[],
): LineCheck {
  const problems: string[] = [];
  const questions: string[] = [];
  if (!line.amount.greaterThan(0)) problems.push(`the amount must be above $0.00 (a refund or correction is a reversal)`);
  else if (!line.amount.equals(line.amount.toDecimalPlaces(2))) problems.push(`the amount ${line.amount.toString()} is not whole cents`);
  for (const [field, text] of [
    ["account", line.account],
    ["reference", line.reference],
  ] as const) {
    const card = findCardNumber(text);
    if (card)
      problems.push(
        `the ${field} holds what looks like a card number (ending ${card.lastFour}); a card number is never stored (PCI DSS): keep the processor's confirmation number and the last four digits`,
      );
  }
  if (!account) questions.push(`account ${line.account} is not on the Accounts sheet`);
  else if (account.cashOnly && looksLikeCheck(line.reference))
    questions.push(
      `account ${line.account} pays by cash, cashier's check, money order or card only (${account.cashOnly}): take this check?`,
    );
  const from = addDays(date, -DUPLICATE_DAYS);
  const same = earlier.find(
    (p) =>
      p.account === line.account &&
      p.amount.equals(line.amount) &&
      sameReference(p.reference, line.reference) &&
      p.date >= from &&
      p.date <= date,
  );
  if (same)
    questions.push(
      `account ${line.account} paid ${moneyText(line.amount)}${line.reference.trim() ? ` with reference ${line.reference.trim()}` : ""} on ${same.date} already: is this a second payment?`,
    );
  const owed = account ? Dec.max(account.balance, ZERO) : ZERO;
  const credit = line.amount.greaterThan(owed) && line.amount.greaterThan(0) ? line.amount.minus(owed) : ZERO;
  return { problems, questions, credit };
}

/** A personal check's reference: "check 2281", "ck 12", "chk 7", or a bare check number ("2281"). */
export function looksLikeCheck(reference: string): boolean {
  return /^\s*(check|chk|ck)\b/i.test(reference) || /^\s*\d{1,10}\s*$/.test(reference);
}
