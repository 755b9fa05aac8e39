import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { closeService, FinalBill } from "../../../accounts/tasks/closeService";
import type { CycleAccount } from "../../../engine";
import { useFormStyles } from "../../layout";
import { dateProblem, optional } from "./fields";
import { FinalUsageChoice, FinalUsageFields, finalUsageOf } from "./FinalUsageFields";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

/**
 * Close service: the final usage (a read, or an estimate), the close date (today unless changed)
 * and where the final bill and any refund go. The final bill is handed back to be shown.
 */
export function CloseForm({
  account,
  onDone,
  onCancel,
}: {
  account: CycleAccount;
  onDone: (message: TaskMessage, bill: FinalBill) => void;
  onCancel: () => void;
}) {
  const form = useFormStyles();
  const task = useTask();
  const [usage, setUsage] = useState<FinalUsageChoice>({ kind: "read", reading: "" });
  const [closeDate, setCloseDate] = useState(task.today);
  const [forwarding, setForwarding] = useState("");
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const final = finalUsageOf(usage);
  const dateWrong = dateProblem(closeDate, "the close date");
  const submit = async () => {
    setTried(true);
    if (dateWrong || (account.meter && typeof final === "string")) return;
    const outcome = await task.run((ctx) =>
      closeService(ctx, {
        account: account.account,
        closeDate: closeDate.trim(),
        usage: typeof final === "string" ? { kind: "estimate" } : final,
        forwardingAddress: optional(forwarding),
      }),
    );
    if (outcome.ok) onDone(outcomeMessage(outcome), outcome.result);
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Close service"
      submit="Close service"
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <div className={form.grid}>
        <FinalUsageFields meter={account.meter} choice={usage} onChange={setUsage} tried={tried} />
        <Field label="Close date" hint="YYYY-MM-DD: the last day of service" {...problemShown(tried, dateWrong)}>
          <Input className={form.control} value={closeDate} onChange={(_, d) => setCloseDate(d.value)} />
        </Field>
        <Field label="Forwarding address" hint="Where the final bill and any refund go; blank: the mailing address">
          <Input className={form.control} value={forwarding} onChange={(_, d) => setForwarding(d.value)} />
        </Field>
      </div>
    </TaskForm>
  );
}
