import { useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Toolbar,
} from "@fluentui/react-components";
import { isDecimalText, scalableCharges, scheduleToJson } from "../../engine";
import type { ImpactJob, ImpactJobResult } from "../../worker/impactJob";
import { copyAsProposed } from "../ratesActions";
import { inlineEngine } from "../engine/engineRunner";
import { useFormStyles } from "../layout";
import { useServices } from "../services";
import { useSchedules } from "../useSchedules";
import { useTableStyles } from "../account/tableStyles";

const ALL = "(every price)";

/**
 * What-if at scale: the workbook's last months of bills priced under the current schedule and a
 * proposed one (a schedule loaded from the Rates sheet, or the current one raised by a percentage,
 * every price or one charge), with an optional revenue target to solve for. The engine runs in its
 * worker and replaces the Rate Impact, Impact Revenue, Bill Frequency and Impact by Account sheets,
 * the first with its charts. "Copy as proposed" puts a copy of the current schedule on the Rates
 * sheet to edit, leaving the schedule in use as it is.
 */
export function ImpactView() {
  const form = useFormStyles();
  const tables = useTableStyles();
  const { cache, store, workbook, engine } = useServices();
  const schedules = useSchedules();
  const runner = useMemo(() => engine ?? inlineEngine(workbook), [engine, workbook]);
  const ids = schedules.map((s) => s.schedule.id);
  const [currentId, setCurrentId] = useState<string>();
  const [proposedId, setProposedId] = useState<string>();
  const [how, setHow] = useState<"increase" | "schedule">("increase");
  const [f, setF] = useState({ increase: "10", charge: ALL, months: "12", target: "" });
  const [tried, setTried] = useState(false);
  const [progress, setProgress] = useState<string>();
  const [result, setResult] = useState<ImpactJobResult>();
  const [copied, setCopied] = useState<string>();
  const said = useRef<HTMLDivElement>(null);
  const current = currentId ?? cache.sheetOrder()[0] ?? ids[0];
  const currentSchedule = current ? cache.get(current) : undefined;
  const proposed = proposedId ?? ids.find((id) => id !== current);
  const charges = currentSchedule ? scalableCharges(currentSchedule) : [];
  const problems = {
    increase:
      how === "increase" && !(isDecimalText(f.increase.trim()) && Number(f.increase) > -100 && Number(f.increase) <= 1000)
        ? "a percentage such as 10 or -2.5"
        : undefined,
    months: /^\d{1,3}$/.test(f.months.trim()) && Number(f.months) >= 1 && Number(f.months) <= 120 ? undefined : "1 to 120 months",
    target:
      f.target.trim() && !isDecimalText(f.target.replace(/[$,%+\s]/g, ""))
        ? "dollars, such as 31000000, or a change in percent, such as 4%"
        : undefined,

    proposed:
      how === "schedule" && !proposed
        ? "load a proposed schedule (Copy as proposed, then edit it on the Rates sheet and import it)"
        : undefined,
  };
  const run = async () => {
    setTried(true);
    setResult(undefined);
    if (Object.values(problems).some(Boolean) || !currentSchedule) return;
    const proposedSchedule = how === "schedule" ? cache.get(proposed!) : undefined;
    const job: ImpactJob = {
      currentJson: scheduleToJson(currentSchedule),
      proposedJson: proposedSchedule ? scheduleToJson(proposedSchedule) : undefined,
      increase: how === "increase" ? f.increase.trim() : undefined,
      chargeId: f.charge === ALL ? undefined : f.charge,
      months: Number(f.months),
      target: f.target.trim() ? f.target.replace(/[$,\s]/g, "") : undefined,
    };
    setProgress("Reading the workbook");
    try {
      const outcome = (await runner.run({ kind: "impact", job }, { progress: (phase) => setProgress(phase) })) as ImpactJobResult;
      setResult(outcome);
    } catch (error) {
      setResult({ ok: false, message: (error as Error).message });
    } finally {
      setProgress(undefined);
      said.current?.focus();
    }
  };
  const copy = async () => {
    if (!current) return;
    const report = await copyAsProposed(store, cache, workbook, current);
    setCopied(
      report.problems.length
        ? report.problems.join(" ")
        : `Copied ${current} as ${report.done[0]} on the Rates sheet: edit its prices there, then Import from the Rates sheet in the Rates view.`,
    );
  };
  const shown = (problem?: string) => (tried && problem ? { validationState: "error" as const, validationMessage: problem } : {});
  return (
    <>
      <Subtitle2 as="h2">Rate impact</Subtitle2>
      <Body1>
        Every bill of the last months on the Usage History priced again under the current schedule and a proposed one, each account as it
        was then: revenue by month, service and class, the bill frequency by block, and each account's change.
      </Body1>
      <Field label="Proposed">
        <RadioGroup value={how} onChange={(_, d) => setHow(d.value as typeof how)}>
          <Radio value="increase" label="The current schedule raised by a percentage" />
          <Radio value="schedule" label="A schedule from the Rates sheet" />
        </RadioGroup>
      </Field>
      {/* Short labels and no long hints inside the grid: fields side by side keep the same height. */}
      <div className={form.grid}>
        <Field label="Current schedule">
          <ScheduleChoice ids={ids} value={current} onChange={setCurrentId} />
        </Field>
        {how === "increase" ? (
          <Field label="Increase, percent" {...shown(problems.increase)}>
            <Input className={form.control} inputMode="decimal" value={f.increase} onChange={(_, d) => setF({ ...f, increase: d.value })} />
          </Field>
        ) : (
          <Field label="Proposed schedule" {...shown(problems.proposed)}>
            <ScheduleChoice ids={ids} value={proposed} onChange={setProposedId} />
          </Field>
        )}
        <Field label="Charge that moves">
          <Dropdown
            className={form.control}
            value={f.charge}
            selectedOptions={[f.charge]}
            onOptionSelect={(_, d) => setF({ ...f, charge: d.optionValue ?? ALL })}
          >
            {[ALL, ...charges].map((c) => (
              <Option key={c} value={c}>
                {c}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Months of bills" {...shown(problems.months)}>
          <Input className={form.control} inputMode="numeric" value={f.months} onChange={(_, d) => setF({ ...f, months: d.value })} />
        </Field>
        <Field label="Revenue target" hint="Optional: dollars, or a change such as 4%" {...shown(problems.target)}>
          <Input className={form.control} inputMode="decimal" value={f.target} onChange={(_, d) => setF({ ...f, target: d.value })} />
        </Field>
      </div>
      <Caption1>
        The increase and the revenue target move the charge chosen, or every price. With a revenue target, the smallest change of the
        current schedule (or of the proposed schedule chosen) that brings it in over those months is found and priced; the increase is then
        not used.
      </Caption1>
      <Toolbar aria-label="Rate impact actions">
        <Button appearance="primary" disabled={!currentSchedule} disabledFocusable={progress !== undefined} onClick={() => void run()}>
          Run rate impact
        </Button>
        <Button disabled={!currentSchedule} disabledFocusable={progress !== undefined} onClick={() => void copy()}>
          Copy as proposed
        </Button>
      </Toolbar>
      {copied && (
        <MessageBar layout="multiline" intent="info" role="status">
          <MessageBarBody>{copied}</MessageBarBody>
        </MessageBar>
      )}
      {progress && (
        <div role="status" aria-live="polite">
          <ProgressBar aria-label="Progress of the rate impact" />
          <Caption1>{progress}</Caption1>
        </div>
      )}
      <div ref={said} tabIndex={-1}>
        {result && !result.ok && (
          <MessageBar layout="multiline" intent="error" role="alert">
            <MessageBarBody>Nothing was written: {result.message}</MessageBarBody>
          </MessageBar>
        )}
        {result?.ok && (
          <MessageBar layout="multiline" intent="success" role="status">
            <MessageBarBody>Wrote {result.written.join(", ")}.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result?.ok && (
        <>
          <table className={tables.table} aria-label="Rate impact summary">
            <tbody>
              {result.summary.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row" className={tables.wrap} style={{ fontWeight: "normal" }}>
                    {label}
                  </th>
                  <td className={tables.wrap}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Toolbar aria-label="Open an impact sheet" style={{ flexWrap: "wrap" }}>
            {result.written.map((s) => (
              <Button key={s} size="small" onClick={() => void workbook.select(s, 0, 0).catch(() => undefined)}>
                Open {s}
              </Button>
            ))}
          </Toolbar>
        </>
      )}
    </>
  );
}

/** One of the loaded schedules, by id. */
function ScheduleChoice({ ids, value, onChange }: { ids: readonly string[]; value?: string; onChange: (id?: string) => void }) {
  const form = useFormStyles();
  return (
    <Dropdown
      className={form.control}
      value={value ?? ""}
      selectedOptions={value ? [value] : []}
      onOptionSelect={(_, d) => onChange(d.optionValue)}
    >
      {ids.map((id) => (
        <Option key={id} value={id}>
          {id}
        </Option>
      ))}
    </Dropdown>
  );
}
