import { useState } from "react";
import { Checkbox, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { openService } from "../../../accounts/tasks/openService";
import { useFormStyles } from "../../layout";
import { CartFields, cartCountOf, cartSizeChosen, MailingField, mailingFieldProblem } from "./CartFields";
import { dateProblem, optional } from "./fields";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

const BLANK = {
  name: "",
  address: "",
  mailing: "",
  owner: "renter",
  openDate: "",
  rateClass: "",
  meter: "",
  meterSize: "",
  carts: "0",
  cartSize: "",
  email: "",
};

/**
 * Open new service: who, where, from when and what is installed. The account number is the next
 * after the Accounts sheet's highest; the deposit is the policy's unless a letter of credit waives it.
 */
export function OpenServiceForm({ onDone, onCancel }: { onDone: (message: TaskMessage, account: string) => void; onCancel: () => void }) {
  const form = useFormStyles();
  const task = useTask();
  const [f, setF] = useState({ ...BLANK, openDate: task.today });
  const [waived, setWaived] = useState(false);
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const set = (key: keyof typeof BLANK) => (_: unknown, d: { value: string }) => setF((v) => ({ ...v, [key]: d.value }));
  const carts = cartCountOf(f.carts);
  const problems = {
    name: f.name.trim() ? undefined : "the customer's name is needed",
    address: f.address.trim() ? undefined : "the service address is needed",
    mailing: mailingFieldProblem(f.mailing),
    openDate: dateProblem(f.openDate, "the start date"),
    carts: typeof carts === "string" ? carts : undefined,
  };
  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean) || typeof carts === "string") return;
    const outcome = await task.run((ctx) =>
      openService(ctx, {
        name: f.name.trim(),
        serviceAddress: f.address.trim(),
        mailingAddress: f.mailing.trim(),
        owner: f.owner === "owner",
        openDate: f.openDate.trim(),
        rateClass: optional(f.rateClass) ?? task.schedule?.classes[0],
        meter: optional(f.meter),
        meterSize: optional(f.meterSize),
        cartCount: carts,
        cartSize: carts ? cartSizeChosen(task.schedule, f.openDate.trim(), f.cartSize) : undefined,
        depositWaiver: waived ? "letter of credit" : undefined,
        email: optional(f.email),
      }),
    );
    if (outcome.ok) onDone(outcomeMessage(outcome), outcome.result.account);
    else setMessage(outcomeMessage(outcome));
  };
  return (
    <TaskForm
      title="Open new service"
      heading="h3"
      submit="Open service"
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <div className={form.grid}>
        <Field label="Customer name" hint="Last, First" {...problemShown(tried, problems.name)}>
          <Input className={form.control} value={f.name} onChange={set("name")} />
        </Field>
        <Field label="Service address" {...problemShown(tried, problems.address)}>
          <Input className={form.control} value={f.address} onChange={set("address")} />
        </Field>
        <MailingField value={f.mailing} onChange={(mailing) => setF((v) => ({ ...v, mailing }))} tried={tried} />
        <Field label="The customer is">
          <RadioGroup layout="horizontal" value={f.owner} onChange={set("owner")}>
            <Radio value="renter" label="Renter" />
            <Radio value="owner" label="Owner" />
          </RadioGroup>
        </Field>
        <Field label="Start date" hint="YYYY-MM-DD" {...problemShown(tried, problems.openDate)}>
          <Input className={form.control} value={f.openDate} onChange={set("openDate")} />
        </Field>
        <Field label="Rate class" hint={task.schedule ? `From the ${task.schedule.id} schedule` : "As the rate schedule names it"}>
          {task.schedule ? (
            <Select className={form.control} value={f.rateClass || task.schedule.classes[0]} onChange={set("rateClass")}>
              {task.schedule.classes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          ) : (
            <Input className={form.control} value={f.rateClass} onChange={set("rateClass")} />
          )}
        </Field>
        <Field label="Meter">
          <Input className={form.control} value={f.meter} onChange={set("meter")} />
        </Field>
        <Field label="Meter size" hint="As 3/4 or 1.5 (inches)">
          <Input className={form.control} value={f.meterSize} onChange={set("meterSize")} />
        </Field>
        <CartFields
          schedule={task.schedule}
          date={f.openDate.trim()}
          count={f.carts}
          size={f.cartSize}
          onCount={(carts) => setF((v) => ({ ...v, carts }))}
          onSize={(cartSize) => setF((v) => ({ ...v, cartSize }))}
          tried={tried}
        />
        <Field label="Email" hint="Optional: for e-bill and notices">
          <Input className={form.control} type="email" value={f.email} onChange={set("email")} />
        </Field>
      </div>
      <Checkbox checked={waived} onChange={(_, d) => setWaived(d.checked === true)} label="Letter of credit on file: no deposit" />
    </TaskForm>
  );
}
