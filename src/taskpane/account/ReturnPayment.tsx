import { FormEvent, useEffect, useRef, useState } from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { isIsoDate, moneyText, Payment } from "../../engine";
import { useFormStyles } from "../layout";
import { RETURN_REASONS } from "./returnable";
import { useTableStyles } from "./tableStyles";

/**
 * The Returned… form for one payment: the day it came back (today unless changed) and the bank's
 * reason. Nothing is written until Return payment; the date field takes the focus when it opens.
 */
export function ReturnPayment({
  payment,
  today,
  busy,
  onReturn,
  onCancel,
}: {
  payment: Payment;
  today: string;
  busy: boolean;
  onReturn: (returnedOn: string, reason: string) => void;
  onCancel: () => void;
}) {
  const form = useFormStyles();
  const styles = useTableStyles();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState<string>(RETURN_REASONS[0]);
  const [other, setOther] = useState("");
  const [tried, setTried] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const dateProblem = isIsoDate(date) ? undefined : "the date must be a date, YYYY-MM-DD";
  const otherProblem = reason === "Other" && other.trim() === "" ? "say why the bank returned it" : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (dateProblem || otherProblem) return;
    onReturn(date, reason === "Other" ? other.trim() : reason);
  };
  const shown = (problem: string | undefined) =>
    tried && problem ? { validationState: "error" as const, validationMessage: problem } : {};
  const what = `${moneyText(payment.amount)} of ${payment.date}${payment.reference ? `, ${payment.reference}` : ""}`;
  return (
    <form onSubmit={submit} aria-label={`Return the payment ${what}`} className={styles.section}>
      <div className={form.grid}>
        <Field label="Date returned" hint="YYYY-MM-DD" {...shown(dateProblem)}>
          <Input ref={first} className={form.control} value={date} onChange={(_, d) => setDate(d.value.trim())} />
        </Field>
        <Field label="Reason">
          <Select className={form.control} value={reason} onChange={(_, d) => setReason(d.value)}>
            {RETURN_REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        {reason === "Other" && (
          <Field label="Other reason" {...shown(otherProblem)}>
            <Input className={form.control} value={other} onChange={(_, d) => setOther(d.value)} />
          </Field>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={busy}>
          Return payment
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
