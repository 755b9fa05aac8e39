import { Money, MoneySum, sumMoney } from "../money/money";
import type { Reconciliation, RollForwardRow } from "./cycleResult";
import { netPaid } from "./netPaid";
import type { OpeningBalance, Payment, Statement } from "./types";

/**
 * The AR roll-forward, per service and in total: beginning + billed + fees - payments +/-
 * adjustments = ending. Beginning balances come from the opening balances (held accounts too,
 * carried unchanged); billed, fees and adjustments from the statements' lines; payments as
 * applied to each service. The ending is compared with what the bills say is owed, and the
 * difference is shown even when it is zero. Payments for accounts without a bill this cycle (held
 * or unknown) are reported as unposted.
 */
export function reconcile(
  statements: readonly Statement[],
  balances: ReadonlyMap<string, OpeningBalance>,
  heldAccounts: readonly string[],
  payments: readonly Payment[],
  cycle: { readonly after: string; readonly upTo: string },
): Reconciliation {
  const services = new Set<string>();
  // Sums are kept in cents (or decimals) and become money once at the end.
  const sumOf = (map: Map<string, MoneySum>, service: string) => {
    let sum = map.get(service);
    if (!sum) {
      services.add(service);
      map.set(service, (sum = new MoneySum()));
    }
    return sum;
  };
  const beginning = new Map<string, MoneySum>();
  const billed = new Map<string, MoneySum>();
  const fees = new Map<string, MoneySum>();
  const adjustments = new Map<string, MoneySum>();
  const paid = new Map<string, MoneySum>();
  // forEach and indexed loops: no iterator result per balance, statement and line (a cycle has millions).
  balances.forEach((b) => b.byService.forEach((amount, service) => sumOf(beginning, service).addDec(amount)));
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    for (let j = 0; j < s.chargeLines.length; j++) sumOf(billed, s.chargeLines[j].service).add(s.chargeLines[j].amount);
    for (let j = 0; j < s.otherLines.length; j++) {
      const line = s.otherLines[j];
      // Every service billed (all but payments) has a row, even one whose lines add to nothing.
      if (line.kind !== "payment" && line.kind !== "reversal") services.add(line.service);
      if (line.kind === "fee") sumOf(fees, line.service).add(line.amount);
      if (line.kind === "adjustment" || line.kind === "levelPay") sumOf(adjustments, line.service).add(line.amount);
    }
    for (let j = 0; j < s.paidByService.length; j++) sumOf(paid, s.paidByService[j].service).add(s.paidByService[j].amount);
  }
  const get = (m: Map<string, MoneySum>, s: string) => m.get(s)?.money ?? Money.zero;
  const rows: RollForwardRow[] = [...services].sort().map((service) => {
    const row = {
      service,
      beginning: get(beginning, service),
      billed: get(billed, service),
      fees: get(fees, service),
      payments: get(paid, service),
      adjustments: get(adjustments, service),
    };
    return { ...row, ending: row.beginning.plus(row.billed).plus(row.fees).minus(row.payments).plus(row.adjustments) };
  });
  const sum = (pick: (r: RollForwardRow) => Money) => sumMoney(rows.map(pick));
  const total: RollForwardRow = {
    service: "total",
    beginning: sum((r) => r.beginning),
    billed: sum((r) => r.billed),
    fees: sum((r) => r.fees),
    payments: sum((r) => r.payments),
    adjustments: sum((r) => r.adjustments),
    ending: sum((r) => r.ending),
  };
  const heldSet = new Set(heldAccounts);
  const billedAccounts = new Set(statements.map((s) => s.account.account));
  const held = new MoneySum();
  balances.forEach((b) => {
    if (heldSet.has(b.account)) b.byService.forEach((amount) => held.addDec(amount));
  });
  const due = new MoneySum();
  for (let i = 0; i < statements.length; i++) due.add(statements[i].totalDue);
  const endingPerBills = due.money.plus(held.money);
  return {
    rows,
    total,
    endingPerBills,
    difference: total.ending.minus(endingPerBills),
    unpostedPayments: sumMoney(
      payments
        .filter((p) => !billedAccounts.has(p.account) && p.date > cycle.after && p.date <= cycle.upTo)
        .map((p) => Money.of(netPaid(p))),
    ),
  };
}
