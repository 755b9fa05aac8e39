import { Caption1, Subtitle2 } from "@fluentui/react-components";
import { moneyText, planStatus } from "../../engine";
import { paidSince } from "../../accounts/plans";
import type { CounterData } from "../../payments/counterData";
import { useServices } from "../services";
import { localDate } from "../payments/batchForm";
import { useTableStyles } from "./tableStyles";

const STATE_TEXT = { kept: "Paid", missed: "Missed", due: "Due today", "not yet due": "Not yet due" } as const;

/**
 * The account's payment plan as it stands today, by the same rule the cycle judges it (planStatus
 * on the payments since the plan was agreed): kept, missed (back on the notice ladder) or paid
 * off, with each instalment's date, amount and state.
 */
export function PlanStanding({ data, account }: { data: CounterData; account: string }) {
  const tables = useTableStyles();
  const { now } = useServices();
  const plan = data.plans.get(account);
  if (!plan) return null;
  const today = localDate(now());
  const status = planStatus(plan, paidSince(plan, data.payments.get(account) ?? []), today);
  const state = { "paid off": "Paid off", kept: "Kept", missed: "Missed", pending: "Waiting for the down payment" }[status.state];
  return (
    <>
      <Subtitle2 as="h3">Payment plan</Subtitle2>
      <Caption1 role="note" data-plan-state={status.state}>
        {state}: {status.reason}. Plan {plan.id}, agreed {plan.agreed} for {moneyText(plan.balance)}, down payment{" "}
        {moneyText(plan.downPayment)}.
      </Caption1>
      <table className={tables.table} aria-label={`Payment plan ${plan.id} instalments`}>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Amount</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {status.instalments.map((i) => (
            <tr key={i.number}>
              <td>{i.due}</td>
              <td>{moneyText(i.amount)}</td>
              <td>{STATE_TEXT[i.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
