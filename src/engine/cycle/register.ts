import { addDec, Dec, ZERO } from "../decimal";
import { Money } from "../money/money";
import type { RegisterTotals } from "./cycleResult";
import { isEstimated } from "../billingDecision/catalog";
import type { Statement } from "./types";

/**
 * The billing register's control totals, each summed from the statements' own lines, so the
 * register ties to the bills to the cent: charges by service and rate class, adjustments, fees,
 * payments, consumption, and reads received, billed and held.
 */
export function registerTotals(statements: readonly Statement[], readsReceived: number, held: number, notBilled = 0): RegisterTotals {
  let estimated = 0;
  let final = 0;
  const charges = new Map<string, Dec>();
  const byClass = new Map<string, Dec>();
  let consumption: Dec = ZERO;
  let adjustments: Dec = ZERO;
  let fees: Dec = ZERO;
  let payments: Dec = ZERO;
  let current: Dec = ZERO;
  let previous: Dec = ZERO;
  let due: Dec = ZERO;
  for (const s of statements) {
    for (const line of s.chargeLines) charges.set(line.service, addDec(charges.get(line.service) ?? ZERO, line.amount.amount));
    const cls = s.account.rateClass ?? "(none)";
    byClass.set(cls, addDec(byClass.get(cls) ?? ZERO, s.currentCharges.amount));
    if (s.decision.usage) consumption = addDec(consumption, s.decision.usage);
    if (isEstimated(s.decision.code)) estimated++;
    if (s.final) final++;
    adjustments = addDec(adjustments, s.adjustments.amount);
    fees = addDec(fees, s.fees.amount);
    payments = addDec(payments, s.payments.amount);
    current = addDec(current, s.currentCharges.amount);
    previous = addDec(previous, s.previousBalance.amount);
    due = addDec(due, s.totalDue.amount);
  }
  const money = (m: Map<string, Dec>) => new Map([...m].map(([k, v]) => [k, Money.of(v)]));
  return {
    readsReceived,
    billed: statements.length,
    estimated,
    final,
    held,
    notBilled,
    consumption,
    charges: money(charges),
    byClass: money(byClass),
    adjustments: Money.of(adjustments),
    fees: Money.of(fees),
    payments: Money.of(payments),
    currentCharges: Money.of(current),
    previousBalance: Money.of(previous),
    totalDue: Money.of(due),
  };
}
