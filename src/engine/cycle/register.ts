import { Dec, ZERO } from "../decimal";
import { Money, sumMoney } from "../money/money";
import type { RegisterTotals } from "./cycleResult";
import type { Statement } from "./types";

/**
 * The billing register's control totals, each summed from the statements' own lines, so the
 * register ties to the bills to the cent: charges by service and rate class, adjustments, fees,
 * payments, consumption, and reads received, billed and held.
 */
export function registerTotals(statements: readonly Statement[], readsReceived: number, held: number): RegisterTotals {
  const charges = new Map<string, Money>();
  const byClass = new Map<string, Money>();
  let consumption: Dec = ZERO;
  for (const s of statements) {
    for (const line of s.chargeLines) charges.set(line.service, (charges.get(line.service) ?? Money.zero).plus(line.amount));
    const cls = s.account.rateClass ?? "(none)";
    byClass.set(cls, (byClass.get(cls) ?? Money.zero).plus(s.currentCharges));
    consumption = consumption.plus(s.reading?.usage ?? ZERO);
  }
  const total = (pick: (s: Statement) => Money) => sumMoney(statements.map(pick));
  return {
    readsReceived,
    billed: statements.length,
    held,
    consumption,
    charges,
    byClass,
    adjustments: total((s) => s.adjustments),
    fees: total((s) => s.fees),
    payments: total((s) => s.payments),
    currentCharges: total((s) => s.currentCharges),
    previousBalance: total((s) => s.previousBalance),
    totalDue: total((s) => s.totalDue),
  };
}
