import { addDec, Dec, ZERO } from "../decimal";
import { MoneySum } from "../money/money";
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
  const charges = new Map<string, MoneySum>();
  const byClass = new Map<string, MoneySum>();
  const sumIn = (map: Map<string, MoneySum>, key: string) => {
    let sum = map.get(key);
    if (!sum) map.set(key, (sum = new MoneySum()));
    return sum;
  };
  let consumption: Dec = ZERO;
  const [adjustments, fees, payments, current, previous, due] = [0, 0, 0, 0, 0, 0].map(() => new MoneySum());
  for (const s of statements) {
    for (const line of s.chargeLines) sumIn(charges, line.service).add(line.amount);
    sumIn(byClass, s.account.rateClass ?? "(none)").add(s.currentCharges);
    if (s.decision.usage) consumption = addDec(consumption, s.decision.usage);
    if (isEstimated(s.decision.code)) estimated++;
    if (s.final) final++;
    adjustments.add(s.adjustments);
    fees.add(s.fees);
    payments.add(s.payments);
    current.add(s.currentCharges);
    previous.add(s.previousBalance);
    due.add(s.totalDue);
  }
  const money = (m: Map<string, MoneySum>) => new Map([...m].map(([k, v]) => [k, v.money]));
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
    adjustments: adjustments.money,
    fees: fees.money,
    payments: payments.money,
    currentCharges: current.money,
    previousBalance: previous.money,
    totalDue: due.money,
  };
}
