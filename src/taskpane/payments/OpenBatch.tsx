import { FormEvent, useState } from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { isIsoDate, PAYMENT_CHANNELS, PaymentChannel } from "../../engine";
import { useFormStyles } from "../layout";
import { BatchDraft, nextBatchId, parseAmount, parseCount } from "./batchForm";

/** Opens a batch from its deposit slip (or the processor's report): date, channel, count and total. */
export function OpenBatch({
  today,
  channel: initialChannel = "mail",
  taken,
  onOpen,
}: {
  today: string;
  /** The channel to start from: a file's layout says how its payments came. */
  channel?: PaymentChannel;
  taken: ReadonlySet<string>;
  onOpen: (draft: BatchDraft) => void;
}) {
  const form = useFormStyles();
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState<PaymentChannel>(initialChannel);
  const [count, setCount] = useState("");
  const [total, setTotal] = useState("");
  const [tried, setTried] = useState(false);
  const countValue = parseCount(count);
  const totalValue = parseAmount(total);
  const dateProblem = isIsoDate(date) ? undefined : "the date must be a date, YYYY-MM-DD";
  const totalProblem =
    typeof totalValue === "string" ? totalValue : totalValue.greaterThan(0) ? undefined : "the total must be above $0.00";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (dateProblem || typeof countValue === "string" || totalProblem || typeof totalValue === "string") return;
    onOpen({ id: nextBatchId(date, channel, taken), date, channel, controlCount: countValue, controlTotal: totalValue, lines: [] });
  };
  const shown = (problem: string | undefined) =>
    tried && problem ? { validationState: "error" as const, validationMessage: problem } : {};
  return (
    <form onSubmit={submit} aria-label="Open a batch">
      <div className={form.grid}>
        <Field label="Deposit date" hint="YYYY-MM-DD" {...shown(dateProblem)}>
          <Input className={form.control} value={date} onChange={(_, d) => setDate(d.value.trim())} />
        </Field>
        <Field label="Channel">
          <Select className={form.control} value={channel} onChange={(_, d) => setChannel(d.value as PaymentChannel)}>
            {PAYMENT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Slip count" hint="Payments on the slip" {...shown(typeof countValue === "string" ? countValue : undefined)}>
          <Input className={form.control} inputMode="numeric" value={count} onChange={(_, d) => setCount(d.value)} />
        </Field>
        <Field label="Slip total" hint="Dollars and cents" {...shown(totalProblem)}>
          <Input className={form.control} inputMode="decimal" value={total} onChange={(_, d) => setTotal(d.value)} />
        </Field>
      </div>
      <Button appearance="primary" type="submit" style={{ marginTop: 8 }}>
        Open batch
      </Button>
    </form>
  );
}
