import { ZERO } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { RateSchedule } from "../rates/types";
import { cartOrders } from "./cartOrders";
import type { CycleResult, HeldAccount } from "./cycleResult";
import { delinquencyList, doorHangers } from "./delinquency";
import type { CyclePolicy } from "./policy";
import { reconcile } from "./reconciliation";
import { registerTotals } from "./register";
import { AccountActivity, billAccount, indexActivity } from "./statement";
import type { CycleAccount, CycleInput, Statement } from "./types";

/**
 * Bills a whole cycle: a statement for every account with service, a balance or activity;
 * accounts with an open error edit (or whose charges cannot be priced) are held and listed with
 * the reason, never silently skipped. Then the register, the AR roll-forward, the delinquency
 * and shutoff lists, door hangers and cart work orders, all from the same statements.
 */
export function runCycle(
  input: CycleInput,
  schedule: RateSchedule,
  policy: CyclePolicy,
  hangerDate: IsoDate = input.billDate,
): CycleResult {
  const statements: Statement[] = [];
  const held: HeldAccount[] = [];
  const activity = indexActivity(input);
  for (const account of input.accounts) {
    const reasons = input.held.get(account.account);
    if (reasons) {
      held.push({
        account: account.account,
        name: account.name,
        reason: `open read edit${reasons.length > 1 ? "s" : ""}: ${reasons.join(", ")}`,
      });
      continue;
    }
    const mine = activity.get(account.account) ?? NO_ACTIVITY;
    if (!billable(account, input, mine)) continue;
    const statement = billAccount(account, input, schedule, policy, mine);
    if (statement.ok) statements.push(statement.value);
    else held.push({ account: account.account, name: account.name, reason: statement.problem.message });
  }
  const heldIds = held.map((h) => h.account);
  const delinquency = delinquencyList(statements, policy);
  return {
    statements,
    held,
    register: registerTotals(statements, input.readings.size, held.length),
    reconciliation: reconcile(statements, input.balances, heldIds, input.payments, { after: input.previousBillDate, upTo: input.billDate }),
    delinquency,
    doorHangers: doorHangers(delinquency, hangerDate, policy),
    cartOrders: cartOrders(input.accounts, input),
  };
}

const NO_ACTIVITY: AccountActivity = { payments: [], adjustments: [] };

function billable(account: CycleAccount, input: CycleInput, activity: AccountActivity): boolean {
  if (account.status === "active" || account.status === "vacant" || input.readings.has(account.account)) return true;
  if (account.closeDate && account.closeDate > input.periodStart) return true;
  const balance = input.balances.get(account.account);
  const owes = balance !== undefined && [...balance.byService.values()].some((v) => !v.isZero());
  return owes || activity.payments.length > 0 || activity.adjustments.length > 0 || account.levelPayDeferred.greaterThan(ZERO);
}
