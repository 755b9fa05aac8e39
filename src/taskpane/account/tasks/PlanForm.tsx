import { useState } from "react";
import { Body1, Field, Input } from "@fluentui/react-components";
import { planTerms, previewPlan, setUpPlan } from "../../../accounts/tasks/paymentPlan";
import { addMonths, CycleAccount, moneyText, PaymentPlan } from "../../../engine";
import { useFormStyles } from "../../layout";
import { parseAmount } from "../../payments/batchForm";
import { useTableStyles } from "../tableStyles";
import { dateProblem, parseWhole } from "./fields";
import { PreviewBox } from "./PreviewBox";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

/** The instalments as the customer would sign them: the down payment today, then each instalment. */
function PlanTable({ plan }: { plan: PaymentPlan }) {
  const styles = useTableStyles();
  return (
    <table className={styles.table} aria-label="Plan instalments">
      <thead>
        <tr>
          <th scope="col">Payment</th>
          <th scope="col">Due</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Down payment</th>
          <td className={styles.nowrap}>{plan.agreed}</td>
          <td className={styles.nowrap}>{moneyText(plan.downPayment)}</td>
        </tr>
        {plan.instalments.map((i) => (
          <tr key={i.number}>
            <th scope="row">Instalment {i.number}</th>
            <td className={styles.nowrap}>{i.due}</td>
            <td className={styles.nowrap}>{moneyText(i.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A payment plan: the down payment, the number of monthly instalments and the first due date;
 * Preview shows the instalments (nothing is written), and only then Set up plan writes it. Any
 * change to the terms takes the form back to Preview.
 */
export function PlanForm({ account, onDone, onCancel }: { account: CycleAccount; onDone: (m: TaskMessage) => void; onCancel: () => void }) {
  const form = useFormStyles();
  const task = useTask();
  const terms = task.data ? planTerms(task.data, account.account, task.today) : undefined;
  const [f, setF] = useState({ down: "", instalments: "3", firstDue: addMonths(task.today, 1) });
  const [plan, setPlan] = useState<PaymentPlan>();
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const set = (key: keyof typeof f) => (_: unknown, d: { value: string }) => {
    setF((v) => ({ ...v, [key]: d.value }));
    setPlan(undefined);
  };
  const down = parseAmount(f.down);
  const count = parseWhole(f.instalments, "the number of instalments", 1, terms?.maximumInstalments ?? 24);
  const problems = {
    down: typeof down === "string" ? down : undefined,
    instalments: typeof count === "string" ? count : undefined,
    firstDue: dateProblem(f.firstDue, "the first due date"),
  };
  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean) || typeof down === "string" || typeof count === "string") return;
    const request = { account: account.account, downPayment: down, instalments: count, firstDue: f.firstDue.trim() };
    if (!plan) {
      setMessage(undefined);
      try {
        const preview = previewPlan(await task.context(), request);
        if (preview.ok) setPlan(preview.value);
        else setMessage({ ok: false, text: `No plan: ${preview.problem.message}` });
      } catch (error) {
        setMessage({ ok: false, text: `No plan: ${(error as Error).message}` });
      }
      return;
    }
    const outcome = await task.run((ctx) => setUpPlan(ctx, request));
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Payment plan"
      submit={plan ? "Set up plan" : "Preview plan"}
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      {terms && (
        <Body1>
          {moneyText(terms.balance)} owed today. The plan needs at least {moneyText(terms.minimumDown)} down, today, and at most{" "}
          {terms.maximumInstalments} monthly instalments.
        </Body1>
      )}
      <div className={form.grid}>
        <Field
          label="Down payment"
          hint={terms ? `Due today; at least ${moneyText(terms.minimumDown)}` : "Due today"}
          {...problemShown(tried, problems.down)}
        >
          <Input className={form.control} inputMode="decimal" value={f.down} onChange={set("down")} />
        </Field>
        <Field
          label="Monthly instalments"
          hint={terms ? `1 to ${terms.maximumInstalments}` : undefined}
          {...problemShown(tried, problems.instalments)}
        >
          <Input className={form.control} inputMode="numeric" value={f.instalments} onChange={set("instalments")} />
        </Field>
        <Field label="First instalment due" hint="YYYY-MM-DD" {...problemShown(tried, problems.firstDue)}>
          <Input className={form.control} value={f.firstDue} onChange={set("firstDue")} />
        </Field>
      </div>
      {plan && (
        <PreviewBox label="The plan, not yet set up">
          <Body1>
            {moneyText(plan.balance)} owed: {moneyText(plan.downPayment)} down today, then {plan.instalments.length} monthly instalment
            {plan.instalments.length === 1 ? "" : "s"} until {plan.until}.
          </Body1>
          <PlanTable plan={plan} />
        </PreviewBox>
      )}
    </TaskForm>
  );
}
