import { looksLikeCheck, sameReference } from "../../engine";
import type { Payment } from "../../engine";

/** A payment row as the Account view lists it: whether it may still be returned, and why not. */
export interface PaymentRow {
  readonly payment: Payment;
  /** A reversal row: it takes back an earlier payment. */
  readonly reversal: boolean;
  /** Returned already: flagged on its own row, or taken back by a reversal row. */
  readonly returned: boolean;
  /** A bank can return it: a bank draft, or a check paid by mail, drop box or counter (not cash or a card). */
  readonly returnable: boolean;
}

/**
 * The account's payments in sheet order, each marked a reversal, returned, or still returnable.
 * A reversal takes back the latest earlier payment of its amount and reference not returned
 * already, the payment returnPayments chose when it wrote the reversal.
 */
export function paymentRows(payments: readonly Payment[]): PaymentRow[] {
  const taken = new Set<number>();
  payments.forEach((r, i) => {
    if (r.reverses === undefined) return;
    for (let j = i - 1; j >= 0; j--) {
      const p = payments[j];
      if (p.reverses !== undefined || p.returned || taken.has(j)) continue;
      if (p.amount.equals(r.amount) && sameReference(p.reference, r.reference) && p.date <= r.date) {
        taken.add(j);
        return;
      }
    }
  });
  return payments.map((payment, i) => {
    const reversal = payment.reverses !== undefined;
    const returned = !reversal && (payment.returned || taken.has(i));
    const bankItem =
      payment.method === "bank draft" || (["mail", "drop box", "counter"].includes(payment.method) && looksLikeCheck(payment.reference));
    return { payment, reversal, returned, returnable: !reversal && !returned && bankItem };
  });
}

/** The reasons a bank gives for a returned check or draft, as the Returned… form offers them. */
export const RETURN_REASONS = [
  "NSF check",
  "Account closed",
  "Stop payment",
  "R01 Insufficient funds",
  "R02 Account closed",
  "R03 No account",
  "Other",
] as const;
