import { Dec, netPaid, ZERO } from "../engine";
import type { AccountForPayment, PaymentChannel, PostedPayment } from "../engine";
import { parseAdjustments, parseBalances, parseCycleAccounts, PaymentRowRead } from "../workbook/cycleSheets";
import type { WorkbookPort } from "../workbook/port";

/**
 * What a batch needs to know of each account as a payment is keyed or imported: its name and what
 * it owes now (the Balances sheet's balance at the last bill, less what the Payments sheet has
 * paid since, plus the Adjustments sheet's rows).
 */
export async function accountsForPayment(port: WorkbookPort, payments: readonly PaymentRowRead[]): Promise<Map<string, AccountForPayment>> {
  const accountsSheet = await port.readSheet("Accounts");
  const accounts = accountsSheet ? parseCycleAccounts(accountsSheet) : undefined;
  const owed = new Map<string, Dec>();
  const balancesSheet = await port.readSheet("Balances");
  const balances = balancesSheet ? parseBalances(balancesSheet) : undefined;
  for (const b of balances?.ok ? balances.value.records : [])
    owed.set(
      b.account,
      [...b.byService.values()].reduce((s, v) => s.plus(v), ZERO),
    );
  for (const r of payments) owed.set(r.payment.account, (owed.get(r.payment.account) ?? ZERO).minus(netPaid(r.payment)));
  const adjustmentsSheet = await port.readSheet("Adjustments");
  const adjustments = adjustmentsSheet ? parseAdjustments(adjustmentsSheet) : undefined;
  for (const a of adjustments?.ok ? adjustments.value.records : []) owed.set(a.account, (owed.get(a.account) ?? ZERO).plus(a.amount));
  const result = new Map<string, AccountForPayment>();
  for (const a of accounts?.ok ? accounts.value.records : []) result.set(a.account, { name: a.name, balance: owed.get(a.account) ?? ZERO });
  return result;
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
