import { useState } from "react";
import { Body1, Field, Input } from "@fluentui/react-components";
import { setEBill, withdrawAutopay, withdrawLevelPay } from "../../../accounts/tasks/programs";
import { CycleAccount, moneyText } from "../../../engine";
import { vaultKeeper } from "../../../storage/vaultStore";
import { useFormStyles } from "../../layout";
import { useServices } from "../../services";
import { dateProblem } from "./fields";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

interface FormProps {
  account: CycleAccount;
  onDone: (m: TaskMessage) => void;
  onCancel: () => void;
}

/** The start date every program form asks for, today unless changed. */
function useEffective(today: string) {
  const [effective, setEffective] = useState(today);
  return { effective, setEffective, problem: dateProblem(effective, "the date") };
}

/** Ends autopay; with the vault passphrase, the bank details leave the vault too. */
export function AutopayOffForm({ account, onDone, onCancel }: FormProps) {
  const form = useFormStyles();
  const task = useTask();
  const { db } = useServices();
  const e = useEffective(task.today);
  const [reason, setReason] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const submit = async () => {
    setTried(true);
    const secret = passphrase;
    setPassphrase("");
    if (e.problem) return;
    const outcome = await task.run((ctx) =>
      withdrawAutopay(
        ctx,
        { account: account.account, effective: e.effective.trim(), reason },
        secret ? vaultKeeper(db, secret) : undefined,
      ),
    );
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Withdraw autopay"
      submit="Withdraw autopay"
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <div className={form.grid}>
        <Field label="Last day of autopay" hint="YYYY-MM-DD" {...problemShown(tried, e.problem)}>
          <Input className={form.control} value={e.effective} onChange={(_, d) => e.setEffective(d.value)} />
        </Field>
        <Field label="Reason" hint="Blank: the customer asked">
          <Input className={form.control} value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <Field label="Vault passphrase" hint="To remove the bank details from the vault; blank leaves them sealed in it">
          <Input
            className={form.control}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(_, d) => setPassphrase(d.value)}
          />
        </Field>
      </div>
    </TaskForm>
  );
}

/** Paperless billing on (to a checked email address) or off. */
export function EBillForm({ account, on, onDone, onCancel }: FormProps & { on: boolean }) {
  const form = useFormStyles();
  const task = useTask();
  const e = useEffective(task.today);
  const [email, setEmail] = useState(account.email ?? "");
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const emailProblem = on && !email.trim() ? "an e-bill needs an email address" : undefined;
  const submit = async () => {
    setTried(true);
    if (e.problem || emailProblem) return;
    const outcome = await task.run((ctx) =>
      setEBill(ctx, { account: account.account, on, email: on ? email.trim() : undefined, effective: e.effective.trim() }),
    );
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  const title = on ? "Start e-bill" : "Stop e-bill";
  return (
    <TaskForm title={title} submit={title} busy={task.busy} onSubmit={() => void submit()} onCancel={onCancel} message={message}>
      <div className={form.grid}>
        {on ? (
          <Field label="Email for bills" {...problemShown(tried, emailProblem)}>
            <Input className={form.control} type="email" value={email} onChange={(_, d) => setEmail(d.value)} />
          </Field>
        ) : (
          <Body1>Bills go by mail to {account.mailingAddress || account.serviceAddress} again.</Body1>
        )}
        <Field label="From" hint="YYYY-MM-DD" {...problemShown(tried, e.problem)}>
          <Input className={form.control} value={e.effective} onChange={(_, d) => e.setEffective(d.value)} />
        </Field>
      </div>
    </TaskForm>
  );
}

/** Leaves level pay: the deferred balance is settled on the next bill. */
export function LevelPayOffForm({ account, onDone, onCancel }: FormProps) {
  const form = useFormStyles();
  const task = useTask();
  const e = useEffective(task.today);
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const submit = async () => {
    setTried(true);
    if (e.problem) return;
    const outcome = await task.run((ctx) => withdrawLevelPay(ctx, { account: account.account, effective: e.effective.trim() }));
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Withdraw level pay"
      submit="Withdraw level pay"
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <Body1>
        {account.levelPayDeferred.isZero()
          ? "Nothing is deferred: the next bill shows the actual charges."
          : `The deferred ${moneyText(account.levelPayDeferred)} is settled on the next bill (the Adjustments sheet).`}
      </Body1>
      <div className={form.grid}>
        <Field label="From" hint="YYYY-MM-DD" {...problemShown(tried, e.problem)}>
          <Input className={form.control} value={e.effective} onChange={(_, d) => e.setEffective(d.value)} />
        </Field>
      </div>
    </TaskForm>
  );
}
