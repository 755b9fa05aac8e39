import { useState } from "react";
import { Body1, Button, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { decideLeak, DEFAULT_LEAK_PRESET, LeakTaskRequest, previewLeak } from "../../../accounts/tasks/leakRequest";
import { CycleAccount, LEAK_PRESETS, moneyText, UsageRecord } from "../../../engine";
import { useFormStyles } from "../../layout";
import { dateProblem } from "./fields";
import { PeriodChecklist } from "./PeriodChecklist";
import { PreviewBox } from "./PreviewBox";
import { problemShown, TaskForm } from "./TaskForm";
import { outcomeMessage, TaskMessage, useTask } from "./useTask";

type Preview = { ok: true; total: string; explanation: string[] } | { ok: false; message: string };

/**
 * A leak adjustment request: the leak bills (from the account's usage history), the repair date,
 * the proof and the policy. Preview explains the credit line by line; then Approve credit (with the
 * proof), or Deny with the reason for the letter. Changing the request takes it back to Preview.
 */
export function LeakForm({
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
  const [f, setF] = useState({ repairDate: task.today, proof: "", preset: DEFAULT_LEAK_PRESET, reason: "" });
  const [preview, setPreview] = useState<Preview>();
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<TaskMessage>();
  const set = (key: keyof typeof f) => (_: unknown, d: { value: string }) => {
    setF((v) => ({ ...v, [key]: d.value }));
    if (key !== "reason") setPreview(undefined);
  };
  const problems = {
    periods: periods.length ? undefined : "choose the bill or bills the leak ran up",
    repairDate: dateProblem(f.repairDate, "the repair date"),
  };
  const request = (): LeakTaskRequest => ({
    account: account.account,
    periods: [...periods].sort(),
    repairDate: f.repairDate.trim(),
    proof: f.proof.trim(),
    preset: f.preset,
  });
  const decide = async (decision: "approve" | "deny") => {
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    if (!preview) {
      setMessage(undefined);
      try {
        const p = previewLeak(await task.context(), request());
        setPreview(
          p.ok
            ? { ok: true, total: moneyText(p.value.credit.total), explanation: p.value.explanation }
            : { ok: false, message: p.problem.message },
        );
      } catch (error) {
        setPreview({ ok: false, message: (error as Error).message });
      }
      return;
    }
    const outcome = await task.run((ctx) => decideLeak(ctx, { ...request(), decision, reason: f.reason }));
    if (outcome.ok) onDone(outcomeMessage(outcome));
    else setMessage(outcomeMessage(outcome));
  };
  const approvable = preview?.ok === true;
  return (
    <TaskForm
      title="Leak adjustment"
      submit={!preview ? "Preview credit" : approvable ? "Approve credit" : "Deny"}
      busy={task.busy}
      onSubmit={() => void decide(!preview || approvable ? "approve" : "deny")}
      onCancel={onCancel}
      message={message}
      actions={
        approvable && (
          <Button disabledFocusable={task.busy} onClick={() => void decide("deny")}>
            Deny
          </Button>
        )
      }
    >
      <PeriodChecklist
        legend="Leak bills"
        history={history}
        chosen={periods}
        onChange={(p) => {
          setPeriods(p);
          setPreview(undefined);
        }}
        problem={tried ? problems.periods : undefined}
      />
      <div className={form.grid}>
        <Field label="Repair date" hint="YYYY-MM-DD" {...problemShown(tried, problems.repairDate)}>
          <Input className={form.control} value={f.repairDate} onChange={set("repairDate")} />
        </Field>
        <Field label="Proof of repair" hint="A plumber's invoice, a receipt">
          <Input className={form.control} value={f.proof} onChange={set("proof")} />
        </Field>
        <Field label="Leak policy">
          <Select className={form.control} value={f.preset} onChange={set("preset")}>
            {LEAK_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {preview && (
        <PreviewBox label={preview.ok ? `Leak credit ${preview.total}, not yet decided` : "The policy allows no credit"}>
          {preview.ok ? (
            <ul style={{ margin: 0, paddingLeft: 16 }} aria-label="How the credit is found">
              {preview.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <Body1>No credit: {preview.message}. The request can be recorded as denied.</Body1>
          )}
          {/* A text area: Enter in the reason starts a new line; it never approves or denies by itself. */}
          <Field label="Reason" hint={approvable ? "Needed to deny; for the letter" : "For the letter; blank: the policy's reason"}>
            <Textarea className={form.control} resize="vertical" rows={2} value={f.reason} onChange={set("reason")} />
          </Field>
        </PreviewBox>
      )}
    </TaskForm>
  );
}
