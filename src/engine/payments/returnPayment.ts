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
