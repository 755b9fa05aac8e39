import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import type { FinalBill } from "../../../accounts/tasks/closeService";
import { transferService } from "../../../accounts/tasks/transferService";
import { CartFields, cartCountOf, cartSizeChosen, MailingField, mailingFieldProblem } from "./CartFields";
import { normalizeBinSize } from "../../../engine";
import type { CycleAccount } from "../../../engine";
import { useFormStyles } from "../../layout";
import { dateProblem, optional } from "./fields";
import { FinalUsageChoice, FinalUsageFields, finalUsageOf } from "./FinalUsageFields";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

/**
 * Transfer: the customer moves within the city. The old account's final usage and close date, the
 * new service address and start date, its mailing address and carts (the old account's count to
 * start with); the new account's number comes back in the message, and the old one's final bill
 * is shown.
 */
export function TransferForm({
  account,
  onDone,
  onCancel,
}: {
  account: CycleAccount;
  onDone: (message: TaskMessage, finalBill: FinalBill) => void;
  onCancel: () => void;
}) {
  const form = useFormStyles();
  const task = useTask();
  const [usage, setUsage] = useState<FinalUsageChoice>({ kind: "read", reading: "" });
  const [f, setF] = useState({
    closeDate: task.today,
    address: "",
    openDate: task.today,
    mailing: "",
    meter: "",
    email: account.email ?? "",
    carts: String(account.cartCount ?? 0),
    cartSize: account.cartSize ? normalizeBinSize(account.cartSize) : "",
  });
  const carts = cartCountOf(f.carts);
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const set = (key: keyof typeof f) => (_: unknown, d: { value: string }) => setF((v) => ({ ...v, [key]: d.value }));
  const final = finalUsageOf(usage);
  const problems = {
    closeDate: dateProblem(f.closeDate, "the close date"),
    address: f.address.trim() ? undefined : "the new service address is needed",
    mailing: mailingFieldProblem(f.mailing),
    carts: typeof carts === "string" ? carts : undefined,
    openDate: dateProblem(f.openDate, "the start date"),
  };
  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean) || typeof carts === "string" || (account.meter && typeof final === "string")) return;
    const outcome = await task.run((ctx) =>
      transferService(ctx, {
        from: account.account,
        closeDate: f.closeDate.trim(),
        usage: typeof final === "string" ? { kind: "estimate" } : final,
        to: {
          serviceAddress: f.address.trim(),
          openDate: f.openDate.trim(),
          mailingAddress: f.mailing.trim(),
          meter: optional(f.meter),
          email: optional(f.email),
          rateClass: account.rateClass,
          cartCount: carts,
          cartSize: carts ? cartSizeChosen(task.schedule, f.openDate.trim(), f.cartSize) : undefined,
        },
      }),
    );
    if (outcome.ok) onDone(outcomeMessage(outcome), outcome.result.finalBill);
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Transfer service"
      submit="Transfer service"
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <div className={form.grid}>
        <Field label="New service address" {...problemShown(tried, problems.address)}>
          <Input className={form.control} value={f.address} onChange={set("address")} />
        </Field>
        <Field label="Start date at the new address" hint="YYYY-MM-DD" {...problemShown(tried, problems.openDate)}>
          <Input className={form.control} value={f.openDate} onChange={set("openDate")} />
        </Field>
        <Field label="New meter" hint="Blank if not known yet">
          <Input className={form.control} value={f.meter} onChange={set("meter")} />
        </Field>
        <MailingField
          label="New mailing address"
          value={f.mailing}
          onChange={(mailing) => setF((v) => ({ ...v, mailing }))}
          tried={tried}
        />
        <CartFields
          schedule={task.schedule}
          date={f.openDate.trim()}
          count={f.carts}
          size={f.cartSize}
          onCount={(c) => setF((v) => ({ ...v, carts: c }))}
          onSize={(cartSize) => setF((v) => ({ ...v, cartSize }))}
          tried={tried}
        />
        <Field label="Email" hint="Optional">
          <Input className={form.control} type="email" value={f.email} onChange={set("email")} />
        </Field>
        <FinalUsageFields meter={account.meter} choice={usage} onChange={setUsage} tried={tried} />
        <Field label="Close date at the old address" hint="YYYY-MM-DD: the last day there" {...problemShown(tried, problems.closeDate)}>
          <Input className={form.control} value={f.closeDate} onChange={set("closeDate")} />
        </Field>
      </div>
    </TaskForm>
  );
}
