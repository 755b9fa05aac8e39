import { useState } from "react";
import { Body1, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { BackBillTaskRequest, MAX_BACK_BILL_INSTALMENTS, postBackBill, previewBackBill } from "../../../accounts/tasks/backBill";
import { BackBill, CycleAccount, moneyText, UsageRecord } from "../../../engine";
import { useFormStyles } from "../../layout";
import { parseWhole } from "./fields";
import { BackBillTable } from "./BackBillTable";
import { backBillCorrection, CorrectionKind } from "./backBillCorrection";
import { PeriodChecklist } from "./PeriodChecklist";
import { PreviewBox } from "./PreviewBox";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

/**
 * A back-bill (or re-bill credit): the bills to correct, how (the right usage per bill, the right
 * multiplier, or a slow meter's tested accuracy), the instalments and the reason. Preview prices
 * each bill again; Post back-bill writes the instalments to the Adjustments sheet.
 */
export function BackBillForm({
  account,
  history,
  onDone,
  onCancel,
}: {
  account: CycleAccount;
  history: readonly UsageRecord[];
  onDone: (m: TaskMessage) => void;
  onCancel: () => void;
}) {
  const form = useFormStyles();
  const task = useTask();
  const [periods, setPeriods] = useState<string[]>([]);
  const [kind, setKind] = useState<CorrectionKind>("usage");
  const [usage, setUsage] = useState<Record<string, string>>({});
  const [f, setF] = useState({ billed: "1", corrected: "10", accuracy: "85", share: "100", instalments: "1", reason: "" });
  const [preview, setPreview] = useState<BackBill>();
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const set = (key: keyof typeof f) => (_: unknown, d: { value: string }) => {
    setF((v) => ({ ...v, [key]: d.value }));
    setPreview(undefined);
  };
  const chosen = [...periods].sort();
  const count = parseWhole(f.instalments, "the number of instalments", 1, MAX_BACK_BILL_INSTALMENTS);
  const c = backBillCorrection(kind, chosen, usage, f);
  const problems = {
    periods: chosen.length ? undefined : "choose the bill or bills to correct",
    correction: typeof c === "string" ? c : undefined,
    instalments: typeof count === "string" ? count : undefined,
    reason: f.reason.trim() ? undefined : "the reason is needed, for the letter and the record",
  };
  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some(Boolean) || typeof c === "string" || typeof count === "string") return;
    const request: BackBillTaskRequest = { account: account.account, periods: chosen, correction: c, instalments: count, reason: f.reason };
    if (!preview) {
      setMessage(undefined);
      try {
        const p = previewBackBill(await task.context(), request);
        if (p.ok) setPreview(p.value);
        else setMessage({ ok: false, text: `No back-bill: ${p.problem.message}` });
      } catch (error) {
        setMessage({ ok: false, text: `No back-bill: ${(error as Error).message}` });
      }
      return;
    }
    const outcome = await task.run((ctx) => postBackBill(ctx, request));
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  const credit = preview?.amount.isNegative();
  return (
    <TaskForm
      title="Back-bill"
      submit={!preview ? "Preview back-bill" : credit ? "Post credit" : "Post back-bill"}
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      message={message}
    >
      <PeriodChecklist
        legend="Bills to correct"
        history={history}
        chosen={periods}
        onChange={(p) => {
          setPeriods(p);
          setPreview(undefined);
        }}
        problem={tried ? problems.periods : undefined}
      />
      <Field label="Correction" {...problemShown(tried, problems.correction)}>
        <RadioGroup
          value={kind}
          onChange={(_, d) => {
            setKind(d.value as CorrectionKind);
            setPreview(undefined);
          }}
        >
          <Radio value="usage" label="The right usage for each bill" />
          <Radio value="multiplier" label="The right multiplier" />
          <Radio value="slow meter" label="A slow meter's tested accuracy" />
        </RadioGroup>
      </Field>
      <div className={form.grid}>
        {kind === "usage" &&
          chosen.map((p) => (
            <Field key={p} label={`Corrected usage, ${p}`}>
              <Input
                className={form.control}
                inputMode="numeric"
                value={usage[p] ?? ""}
                onChange={(_, d) => {
                  setUsage((u) => ({ ...u, [p]: d.value }));
                  setPreview(undefined);
                }}
              />
            </Field>
          ))}
        {kind === "multiplier" && (
          <>
            <Field label="Multiplier billed">
              <Input className={form.control} inputMode="decimal" value={f.billed} onChange={set("billed")} />
            </Field>
            <Field label="Right multiplier">
              <Input className={form.control} inputMode="decimal" value={f.corrected} onChange={set("corrected")} />
            </Field>
          </>
        )}
        {kind === "slow meter" && (
          <>
            <Field label="Meter accuracy, %" hint="Of the water it registered in its test">
              <Input className={form.control} inputMode="decimal" value={f.accuracy} onChange={set("accuracy")} />
            </Field>
            <Field label="Share of the undercharge billed, %">
              <Input className={form.control} inputMode="decimal" value={f.share} onChange={set("share")} />
            </Field>
          </>
        )}
        <Field label="Monthly instalments" {...problemShown(tried, problems.instalments)}>
          <Input className={form.control} inputMode="numeric" value={f.instalments} onChange={set("instalments")} />
        </Field>
        <Field label="Reason" hint="For the letter" {...problemShown(tried, problems.reason)}>
          <Input className={form.control} value={f.reason} onChange={set("reason")} />
        </Field>
      </div>
      {preview && (
        <PreviewBox label="The back-bill, not yet posted">
          <Body1>
            {credit ? "Credit" : "Back-bill"} {moneyText(preview.amount.amount.abs())}
            {preview.instalments.length > 1
              ? ` in ${preview.instalments.length} monthly instalments of ${preview.instalments.map(moneyText).join(", ")}`
              : ""}
            .
          </Body1>
          <BackBillTable bb={preview} />
        </PreviewBox>
      )}
    </TaskForm>
  );
}
