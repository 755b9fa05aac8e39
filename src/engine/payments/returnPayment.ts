import type { Dec } from "../decimal";
import { addMonths, IsoDate } from "../dates/civilDate";

export interface ReturnedPaymentPolicy {
  /** The returned-payment fee (Pocatello: $20.00). */
  readonly fee: Dec;
  /** Returns within `windowMonths` that put the account on cash only (Pocatello: 2-3 in 12 months). */
  readonly cashOnlyAfter: number;
  readonly windowMonths: number;
}

export interface ReturnedPayment {
  /** The payment taken back off the account: what it paid is owed again. */
  readonly reversal: Dec;
  readonly fee: Dec;
  /** The account pays by cash, cashier's check, money order or card from now on. */
  readonly cashOnly: boolean;
  /** How many returns the window holds, this one included. */
  readonly returnsInWindow: number;
  /** A closed account's debt goes to collection rather than to a shutoff notice. */
  readonly startCollection: boolean;
  readonly letter: "returned payment";
}

/**
 * A returned check or ACH debit: the payment is reversed (a new line, never an edit), the fee is
 * added, the customer is written to, and the return counts toward cash-only status; on a closed
 * account the debt starts collection (../shared/domain/README.md: Pocatello's returned check).
 */
export function returnPayment(
  amount: Dec,
  returnedOn: IsoDate,
  earlierReturns: readonly IsoDate[],
  accountClosed: boolean,
  policy: ReturnedPaymentPolicy,
): ReturnedPayment {
  const from = addMonths(returnedOn, -policy.windowMonths);
  const returnsInWindow = earlierReturns.filter((d) => d > from && d <= returnedOn).length + 1;
  return {
    reversal: amount,
    fee: policy.fee,
    cashOnly: returnsInWindow >= policy.cashOnlyAfter,
    returnsInWindow,
    startCollection: accountClosed,
    letter: "returned payment",
  };
}

/**
 * Why an account pays cash only, or undefined when it does not: the returns counted before the
 * workbook's rows (the Accounts sheet's NSF Count) and its returned payments in the policy's window
 * up to `asOf` reach the policy's count (Pocatello: the second in 12 months).
 */
export function cashOnlyReason(
  returnDates: readonly IsoDate[],
  asOf: IsoDate,
  earlierCount: number,
  policy: Pick<ReturnedPaymentPolicy, "cashOnlyAfter" | "windowMonths">,
): string | undefined {
  const from = addMonths(asOf, -policy.windowMonths);
  const count = earlierCount + returnDates.filter((d) => d > from && d <= asOf).length;
  return count >= policy.cashOnlyAfter ? `${count} returned payment${count === 1 ? "" : "s"} in ${policy.windowMonths} months` : undefined;
}
