import type { DelinquentAccount, DoorHanger } from "./cycleResult";
import type { Statement } from "./types";

/**
 * The delinquency list: every account past due after this bill, or owing on a final bill or a
 * closed account, with its one collection notice (or none) and, when kept off letters and the
 * shutoff list, the reason. Every figure is the statement's own `collection`.
 */
export function delinquencyList(statements: readonly Statement[]): DelinquentAccount[] {
  const result: DelinquentAccount[] = [];
  for (const s of statements) {
    const c = s.collection;
    if (!c.notice && !c.keptOff && !c.pastDue.isPositive()) continue;
    result.push({ statement: s, pastDue: c.pastDue, notice: c.notice, keptOff: c.keptOff });
  }
  return result;
}

/** A door hanger, and a place on the shutoff list, for each account whose notice is a final notice. */
export function doorHangers(statements: readonly Statement[]): DoorHanger[] {
  const hangers: DoorHanger[] = [];
  for (const s of statements) {
    const notice = s.collection.notice;
    if (!notice?.shutoff) continue;
    hangers.push({
      account: s.account,
      amountToAvoidShutoff: notice.amount,
      payBy: notice.payBy,
      hangOn: notice.shutoff.hangOn,
      shutoffDate: notice.shutoff.shutoffDate,
      shutoffFee: notice.shutoff.fee,
      restoreAmount: notice.shutoff.restoreAmount,
      depositRequired: notice.shutoff.depositRequired,
    });
  }
  return hangers;
}

/** Final and closed accounts still owing after the policy's days: for a collection agency or the tax roll. */
export function collectionsList(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.collection.notice?.rung === "collections");
}
