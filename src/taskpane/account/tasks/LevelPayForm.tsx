import { useEffect, useState } from "react";
import { Body1, Caption1, Field, Input, Spinner } from "@fluentui/react-components";
import { enrolLevelPay, quoteLevelPay } from "../../../accounts/tasks/programs";
import { CycleAccount, LevelPayQuote, moneyText, quantityText } from "../../../engine";
import { useFormStyles } from "../../layout";
import { useTableStyles } from "../tableStyles";
import { dateProblem } from "./fields";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

/**
 * Level pay enrolment: the amount is quoted when the form opens (the last 12 months of usage priced
 * at the rates of each month) and shown, month by month, before the specialist confirms it.
 */
export function LevelPayForm({
  account,
  onDone,
  onCancel,
}: {
  account: CycleAccount;
  onDone: (m: TaskMessage) => void;
  onCancel: () => void;
}) {
  const form = useFormStyles();
  const tables = useTableStyles();
  const task = useTask();
  const [effective, setEffective] = useState(task.today);
  const [quote, setQuote] = useState<LevelPayQuote | string>();
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const { context } = task;
  useEffect(() => {
    let live = true;
    context()
      .then((ctx) => {
        const q = quoteLevelPay(ctx, account.account);
        if (live) setQuote(q.ok ? q.value : q.problem.message);
      })
      .catch((error: Error) => live && setQuote(error.message));
    return () => {
      live = false;
    };
  }, [context, account.account]);
  const problem = dateProblem(effective, "the start date");
  const submit = async () => {
    setTried(true);
    if (problem || typeof quote !== "object") return;
    const outcome = await task.run((ctx) => enrolLevelPay(ctx, { account: account.account, effective: effective.trim() }));
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  const amount = typeof quote === "object" ? moneyText(quote.amount) : undefined;
  return (
    <TaskForm
      title="Enrol in level pay"
      submit={amount ? `Enrol at ${amount} a month` : "Enrol in level pay"}
      busy={task.busy || typeof quote !== "object"}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message ?? (typeof quote === "string" ? { ok: false, text: `No level pay amount: ${quote}` } : undefined)}
    >
      <div className={form.grid}>
        <Field label="Start date" hint="YYYY-MM-DD" {...problemShown(tried, problem)}>
          <Input className={form.control} value={effective} onChange={(_, d) => setEffective(d.value)} />
        </Field>
      </div>
      {quote === undefined && <Spinner size="tiny" label="Pricing the last 12 months…" />}
      {typeof quote === "object" && (
        <>
          <Body1 data-level-amount={quote.amount.toFixed(2)}>
            Level pay: <strong>{amount} a month</strong>
          </Body1>
          <Caption1 className={tables.wrap}>{quote.reason}.</Caption1>
          <details>
            <summary>The months priced</summary>
            <table className={tables.table} aria-label="Months priced for level pay">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Usage</th>
                  <th scope="col">Bill</th>
                </tr>
              </thead>
              <tbody>
                {quote.months.map((m) => (
                  <tr key={m.periodEnd}>
                    <td>{m.periodEnd}</td>
                    <td>{quantityText(m.usage)}</td>
                    <td>{moneyText(m.charges)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </TaskForm>
  );
}
