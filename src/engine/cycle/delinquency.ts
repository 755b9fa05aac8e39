import { addDays, IsoDate } from "../dates/civilDate";
import { Money } from "../money/money";
import type { DelinquentAccount, DoorHanger } from "./cycleResult";
import type { CyclePolicy } from "./policy";
import { keptArrangement } from "./statement";
import type { Statement } from "./types";

/**
 * Accounts past due after this bill (30 days and older), each with its aging, and those left off
 * the shutoff list with the reason: a kept payment arrangement, a past due under the minimum, or
 * level pay paid up. The rest are the shutoff list.
 */
export function delinquencyList(statements: readonly Statement[], policy: CyclePolicy): DelinquentAccount[] {
  const result: DelinquentAccount[] = [];
  for (const s of statements) {
    const pastDue = s.aging.days30.plus(s.aging.days60).plus(s.aging.days90);
    if (!pastDue.amount.greaterThan(0)) continue;
    const paidThisCycle = s.payments.negated();
    let excluded: DelinquentAccount["excluded"];
    if (keptArrangement(s.account, s.paymentsReceived, s.billDate)) {
      excluded = {
        reason: "kept payment arrangement",
        detail: `paying ${Money.of(s.account.arrangementAmount!).toCents()} a cycle until ${s.account.arrangementUntil}`,
      };
    } else if (pastDue.amount.lessThan(policy.delinquencyMinimum)) {
      excluded = {
        reason: "under the minimum balance",
        detail: `past due ${pastDue.toCents()} is under ${Money.of(policy.delinquencyMinimum).toCents()}`,
      };
    } else if (s.levelPay && paidThisCycle.compare(s.levelPay.amount) >= 0) {
      excluded = {
        reason: "level pay current",
        detail: `paid ${paidThisCycle.toCents()} against the level amount of ${s.levelPay.amount.toCents()}`,
      };
    }
    result.push({ statement: s, pastDue, excluded });
  }
  return result;
}

/** A door hanger for each account on the shutoff list. */
export function doorHangers(delinquent: readonly DelinquentAccount[], hangerDate: IsoDate, policy: CyclePolicy): DoorHanger[] {
  return delinquent
    .filter((d) => !d.excluded)
    .map((d) => {
      const deposit = d.statement.account.deposit.greaterThan(0) ? Money.zero : Money.of(policy.restoreDeposit);
      return {
        account: d.statement.account,
        amountToAvoidShutoff: d.pastDue,
        shutoffDate: addDays(hangerDate, policy.shutoffNoticeDays),
        shutoffFee: Money.of(policy.shutoffFee),
        restoreAmount: d.pastDue.plus(deposit),
        depositRequired: deposit,
      };
    });
}
