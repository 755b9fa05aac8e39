import { useEffect, useState } from "react";
import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { enrolAutopay } from "../../../accounts/tasks/programs";
import { CycleAccount, routingProblem } from "../../../engine";
import { vaultKeeper, vaultState } from "../../../storage/vaultStore";
import { useFormStyles } from "../../layout";
import { useServices } from "../../services";
import { dateProblem } from "./fields";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

const MIN_PASSPHRASE = 12;

/**
 * Autopay enrolment (ADR 0010): the routing number checked by its check digit as it is typed, the
 * bank account number typed into a password box and never shown again (the workbook and every
 * message get ****1234), and the supervisor's vault passphrase (a new vault asks for it twice).
 * The number and the passphrase are cleared from the form at every submit, whatever the outcome.
 */
export function AutopayForm({
  account,
  onDone,
  onCancel,
}: {
  account: CycleAccount;
  onDone: (m: TaskMessage) => void;
  onCancel: () => void;
}) {
  const form = useFormStyles();
  const task = useTask();
  const { db } = useServices();
  const [routing, setRouting] = useState(account.autopayRouting ?? "");
  const [bankAccount, setBankAccount] = useState("");
  const [accountType, setAccountType] = useState<"checking" | "savings">("checking");
  const [effective, setEffective] = useState(task.today);
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [newVault, setNewVault] = useState<boolean>();
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  useEffect(() => {
    let live = true;
    void vaultState(db).then((s) => live && setNewVault(!s.exists));
    return () => {
      live = false;
    };
  }, [db]);
  const digits = bankAccount.replace(/[\s-]/g, "");
  const problems = {
    routing: routingProblem(routing),
    bankAccount:
      digits === ""
        ? "type the bank account number (the form clears it at every try)"
        : /^\d{4,17}$/.test(digits)
          ? undefined
          : "the bank account number is 4 to 17 digits",
    effective: dateProblem(effective, "the start date"),
    passphrase:
      passphrase === ""
        ? "type the vault passphrase (the form clears it at every try)"
        : passphrase.length >= MIN_PASSPHRASE
          ? undefined
          : `the vault passphrase is at least ${MIN_PASSPHRASE} characters`,
    again: !newVault || again === passphrase ? undefined : "the two passphrases differ",
  };
  // The check digit is checked live, once nine characters are typed.
  // A failed check digit means a digit is wrong somewhere, not that the last one should be changed.
  const routingShown =
    tried || routing.trim().length >= 9
      ? problems.routing && /check digit/.test(problems.routing)
        ? `${problems.routing}. A digit is mistyped somewhere: read the number again from the check, or ask the customer for it again`
        : problems.routing
      : undefined;
  const submit = async () => {
    setTried(true);
    const secret = { bankAccount: digits, passphrase };
    setBankAccount("");
    setPassphrase("");
    setAgain("");
    if (Object.values(problems).some(Boolean)) return;
    const outcome = await task.run((ctx) =>
      enrolAutopay(
        ctx,
        { account: account.account, routing: routing.trim(), bankAccount: secret.bankAccount, accountType, effective: effective.trim() },
        vaultKeeper(db, secret.passphrase),
      ),
    );
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Enrol in autopay"
      submit="Enrol in autopay"
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <div className={form.grid}>
        <Field label="Routing number" hint="9 digits, from the bottom of a check" {...problemShown(true, routingShown)}>
          <Input className={form.control} inputMode="numeric" autoComplete="off" value={routing} onChange={(_, d) => setRouting(d.value)} />
        </Field>
        <Field
          label="Bank account number"
          hint="Shown only as its last four digits once saved"
          {...problemShown(tried, problems.bankAccount)}
        >
          <Input
            className={form.control}
            type="password"
            autoComplete="off"
            value={bankAccount}
            onChange={(_, d) => setBankAccount(d.value)}
          />
        </Field>
        <Field label="Account type">
          <RadioGroup layout="horizontal" value={accountType} onChange={(_, d) => setAccountType(d.value as "checking" | "savings")}>
            <Radio value="checking" label="Checking" />
            <Radio value="savings" label="Savings" />
          </RadioGroup>
        </Field>
        <Field label="Start date" hint="YYYY-MM-DD; a prenote goes to the bank first" {...problemShown(tried, problems.effective)}>
          <Input className={form.control} value={effective} onChange={(_, d) => setEffective(d.value)} />
        </Field>
        <Field
          label={newVault ? "New vault passphrase" : "Vault passphrase"}
          hint={
            newVault
              ? `This starts the autopay vault on this computer: ${MIN_PASSPHRASE} characters or more, kept by the billing supervisor; a lost passphrase means collecting bank details again`
              : "The billing supervisor's passphrase for the autopay vault"
          }
          {...problemShown(tried, problems.passphrase)}
        >
          <Input
            className={form.control}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(_, d) => setPassphrase(d.value)}
          />
        </Field>
        {newVault && (
          <Field label="New vault passphrase again" {...problemShown(tried, problems.again)}>
            <Input className={form.control} type="password" autoComplete="off" value={again} onChange={(_, d) => setAgain(d.value)} />
          </Field>
        )}
      </div>
    </TaskForm>
  );
}
