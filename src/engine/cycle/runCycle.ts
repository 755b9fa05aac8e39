import type { RateSchedule } from "../rates/types";
import { BillMemo } from "../bills/billMemo";
import { cartOrders } from "./cartOrders";
import type { CycleResult, HeldAccount } from "./cycleResult";
import { collectionsList, delinquencyList, doorHangers } from "./delinquency";
import type { CyclePolicy } from "./policy";
import { reconcile } from "./reconciliation";
import { registerTotals } from "./register";
import { AccountActivity, billAccount, decideFor, indexActivity } from "./statement";
import type { CycleInput, Statement } from "./types";

/**
 * Bills a whole cycle. Each account gets one billing decision (engine/billingDecision): billed on
 * its reads or an estimate, a statement of its balance, held with the reason (never silently
 * skipped), or not billed. An account whose charges cannot be priced is held too. Then, from the
 * same statements: the register, the AR roll-forward, the delinquency list with each account's
 * one collection notice, the door hangers and shutoff list, the collections list, and cart work
 * orders.
 */
export function runCycle(input: CycleInput, schedule: RateSchedule, policy: CyclePolicy): CycleResult {
  const statements: Statement[] = [];
  const held: HeldAccount[] = [];
  let notBilled = 0;
  const activity = indexActivity(input);
  // Accounts priced alike (class, meter, carts, days, usage) share one bill, priced once.
  const bills = new BillMemo(schedule);
  for (const account of input.accounts) {
    const mine = activity.get(account.account) ?? NO_ACTIVITY;
    // The account's history is made once (a columnar history makes its records when asked) for the decision and the bill.
    const history = input.history.get(account.account);
    const decision = decideFor(account, input, policy, mine, history);
    if (decision.outcome === "held") {
      held.push({ account: account.account, name: account.name, code: decision.code, reason: decision.reason });
      continue;
    }
    if (decision.outcome === "not billed") {
      notBilled++;
      continue;
    }
    const statement = billAccount(account, input, schedule, policy, mine, decision, history, bills);
    if (statement.ok) statements.push(statement.value);
    else held.push({ account: account.account, name: account.name, code: "HELD_UNPRICED", reason: statement.problem.message });
  }
  const heldIds = held.map((h) => h.account);
  const delinquency = delinquencyList(statements);
  return {
    statements,
    held,
    notBilled,
    register: registerTotals(statements, readsReceived(input), held.length, notBilled),
    reconciliation: reconcile(statements, input.balances, heldIds, input.payments, { after: input.previousBillDate, upTo: input.billDate }),
    delinquency,
    doorHangers: doorHangers(statements),
    collections: collectionsList(statements),
    cartOrders: cartOrders(input.accounts, input),
  };
}

const NO_ACTIVITY: AccountActivity = { payments: [], adjustments: [] };

/** Meter reads matched to an account this cycle (an exchange is one read of two meters). */
function readsReceived(input: CycleInput): number {
  let count = 0;
  input.readings.forEach((r) => (count += r.meters.length));
  return count;
}
