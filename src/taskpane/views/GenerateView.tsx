import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Subtitle2,
  tokens,
  Toolbar,
} from "@fluentui/react-components";
import { isIsoDate } from "../../engine";
import { OUTPUTS, OutputName } from "../../cycle/generateCycle";
import { loadSettings } from "../../storage/settings";
import { useServices } from "../services";
import { useSchedules } from "../useSchedules";
import { useGenerate } from "../generate/useGenerate";
import { CyclePreview } from "../generate/CyclePreview";
import { useFormStyles } from "../layout";
import { timeLeftText } from "../generate/runProgress";

const useStyles = makeStyles({
  outputs: { display: "flex", flexDirection: "column" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sheets: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
});

/** Bill the cycle: choose dates, preview counts and totals, generate the sheets, open any of them. */
export function GenerateView() {
  const styles = useStyles();
  const form = useFormStyles();
  const { db, cache } = useServices();
  const schedules = useSchedules();
  const g = useGenerate();
  const [chosen, setScheduleId] = useState<string>();
  const [defaultId, setDefaultId] = useState<string>();
  const [dates, setDates] = useState({ billDate: "", periodStart: "", periodEnd: "" });
  const [outputs, setOutputs] = useState<OutputName[]>([...OUTPUTS]);

  useEffect(() => void loadSettings(db).then((s) => setDefaultId(s.defaultSchedule)), [db]);
  // The workbook is the record: the first schedule on its Rates sheet is the one to bill with, as
  // `ubill cycle` does; without one, the default in Settings.
  const firstOnSheet = schedules.length > 0 ? cache.sheetOrder()[0] : undefined;
  const scheduleId = chosen ?? firstOnSheet ?? defaultId;
  const badDate = Object.values(dates).some((d) => d !== "" && !isIsoDate(d));
  const request = () => ({
    scheduleId: scheduleId ?? "",
    outputs,
    ...Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v || undefined])),
  });
  const busy = g.progress !== undefined;
  // A run that starts brings its progress bar and Cancel button into view (below the fold at 350 px).
  const progressBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (busy) progressBox.current?.scrollIntoView?.({ block: "nearest" });
  }, [busy]);
  // When a run ends, its message and the generated sheets' buttons come into view.
  const generated = useRef<HTMLElement>(null);
  useEffect(() => {
    if (g.finished) generated.current?.scrollIntoView?.({ block: "nearest" });
  }, [g.finished]);

  return (
    <>
      <Subtitle2 as="h2">Generate the cycle</Subtitle2>
      <Body1>
        Bills, register, reconciliation, delinquency list, letters, door hangers and work orders, from the reviewed reads and the workbook's
        Accounts, Balances, Payments and Adjustments. Output sheets are replaced whole; input sheets are never changed.
      </Body1>
      <Field
        label="Rate schedule"
        hint={
          !chosen && firstOnSheet
            ? cache.sheetOrder().length === 1
              ? "The one on this workbook's Rates sheet"
              : "The first on this workbook's Rates sheet"
            : "Import or choose one in the Rates view"
        }
      >
        <Dropdown
          className={form.control}
          value={scheduleId ?? ""}
          selectedOptions={scheduleId ? [scheduleId] : []}
          onOptionSelect={(_, d) => setScheduleId(d.optionValue)}
        >
          {schedules.map(({ schedule }) => (
            <Option key={schedule.id} value={schedule.id}>
              {schedule.id}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={form.grid}>
        <Field
          label="Bill date"
          hint="YYYY-MM-DD; blank: the period's end"
          validationMessage={dates.billDate && !isIsoDate(dates.billDate) ? "A date such as 2026-10-31" : undefined}
        >
          <Input className={form.control} value={dates.billDate} onChange={(_, d) => setDates({ ...dates, billDate: d.value })} />
        </Field>
        <Field label="Period start" hint="blank: from the reads">
          <Input className={form.control} value={dates.periodStart} onChange={(_, d) => setDates({ ...dates, periodStart: d.value })} />
        </Field>
        <Field label="Period end" hint="blank: from the reads">
          <Input className={form.control} value={dates.periodEnd} onChange={(_, d) => setDates({ ...dates, periodEnd: d.value })} />
        </Field>
      </div>
      <fieldset className={styles.outputs}>
        <legend>Sheets to generate</legend>
        {OUTPUTS.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={outputs.includes(name)}
            onChange={(_, d) => setOutputs(d.checked ? [...outputs, name] : outputs.filter((o) => o !== name))}
          />
        ))}
      </fieldset>
      <Toolbar aria-label="Generate actions">
        <Button disabled={badDate || !scheduleId} disabledFocusable={busy} onClick={() => g.run(request(), false)}>
          Preview
        </Button>
        <Button
          appearance="primary"
          disabled={badDate || !scheduleId || outputs.length === 0}
          disabledFocusable={busy}
          onClick={() => g.run(request(), true)}
        >
          Generate
        </Button>
      </Toolbar>
      {g.progress && (
        <div role="status" aria-live="polite" ref={progressBox}>
          <ProgressBar aria-label="Progress of the run" value={g.progress.fraction} max={1} />
          <Caption1>
            {g.progress.phase} · {Math.floor(g.progress.fraction * 100)}%
            {g.progress.secondsLeft !== undefined ? ` · ${timeLeftText(g.progress.secondsLeft)}` : ""}
          </Caption1>
          <Button onClick={g.cancel}>Cancel</Button>
        </div>
      )}
      {g.finished && !g.progress && !g.error && (
        <MessageBar layout="multiline" intent="success" role="status">
          <MessageBarBody>
            {g.finished.wrote
              ? `Generated ${g.written.length} sheet${g.written.length === 1 ? "" : "s"} in ${g.finished.seconds} s${g.preview ? `: ${previewLine(g.preview)}` : ""}. Open one below.`
              : `Preview ready in ${g.finished.seconds} s. Nothing was written.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {g.error && (
        <MessageBar layout="multiline" intent="error" role="status">
          <MessageBarBody>{g.error}</MessageBarBody>
        </MessageBar>
      )}
      {g.problems.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <ul className={styles.list}>
              {g.problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {g.written.length > 0 && (
        <section aria-label="Generated sheets" ref={generated}>
          <Subtitle2 as="h3">Generated</Subtitle2>
          <Toolbar className={styles.sheets} aria-label="Open a generated sheet">
            {g.written.map((s) => (
              <Button key={s} size="small" onClick={() => g.open(s)}>
                Open {s}
              </Button>
            ))}
          </Toolbar>
        </section>
      )}
      {g.preview && <CyclePreview rows={g.preview} />}
    </>
  );
}

/** The preview's bills and total due, for the completion message. */
function previewLine(rows: readonly (readonly [string, string])[]): string {
  const find = (label: RegExp) => rows.find(([l]) => label.test(l))?.[1];
  const bills = find(/^Bills$/)?.split(" ")[0];
  const due = find(/^Total due/);
  return [bills && `${bills} bills`, due && `total due ${due}`].filter(Boolean).join(", ");
}
