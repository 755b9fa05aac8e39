import type { AccountForPayment, PaymentChannel, PostedPayment } from "../engine";
import type { PaymentRowRead } from "../workbook/cycleSheets";
import type { WorkbookPort } from "../workbook/port";
import { accountsForBatch, loadCounterData } from "./counterData";

/**
 * What a batch needs to know of each account as a payment is keyed or imported: its name and what
 * it owes now, by the one rule the Account view uses (counterData's accountBalance: the engine's
 * balanceNow over the Balances, Payments and Adjustments sheets since the last bill).
 */
export async function accountsForPayment(port: WorkbookPort, asOf?: string): Promise<Map<string, AccountForPayment>> {
  const data = await loadCounterData(port);
  return data.ok ? accountsForBatch(data.value, data.value.accounts.keys(), asOf) : new Map();
}

/** The payments already on the books, for the duplicate check (reversals are not payments). */
export const postedPayments = (rows: readonly PaymentRowRead[]): PostedPayment[] =>
  rows
    .filter((r) => r.payment.reverses === undefined)
    .map((r) => ({ account: r.payment.account, date: r.payment.date, amount: r.payment.amount, reference: r.payment.reference }));

/** The next batch id for a day and channel, "B-2026-11-20-MAIL-2": one more than any on the Payments sheet. */
export function nextBatchId(rows: readonly PaymentRowRead[], date: string, channel: PaymentChannel): string {
  const stem = `B-${date}-${channel.toUpperCase().replace(/[^A-Z]+/g, "")}-`;
  const used = rows.filter((r) => r.batch.startsWith(stem)).map((r) => Number(r.batch.slice(stem.length)) || 0);
  return `${stem}${Math.max(0, ...used) + 1}`;
}
