import { useEffect, useState } from "react";
import { Caption1, Checkbox, Dropdown, Field, makeStyles, Option, Select, SpinButton, Subtitle2, tokens } from "@fluentui/react-components";
import { checkReadEditThresholds, EDIT_CODES, EDITS } from "../../engine";
import type { BaselineKind, ReadEditSettings as Thresholds, Severity } from "../../engine";
import { useFormStyles } from "../layout";
import { loadSettings, READ_EDIT_LIMITS, saveSetting } from "../../storage/settings";
import { useServices } from "../services";

const LABELS: Record<keyof typeof READ_EDIT_LIMITS, string> = {
  baselinePeriods: "Periods averaged for the baseline",
  highPercent: "High usage: percent above baseline",
  veryHighPercent: "Very high usage: percent above baseline",
  lowPercent: "Low usage: percent below baseline",
  veryLowPercent: "Very low usage: percent below baseline",
  minimumBaseline: "Judge high and low only above this baseline (usage units)",
  rolloverPercent: "Rollover plausible up to this percent of the register",
  minCycleDays: "Shortest cycle (days)",
  maxCycleDays: "Longest cycle (days)",
  repeatPeriods: "Repeated usage: periods matched",
  consecutiveEstimates: "Consecutive estimates flagged from",
};

/** The four usage limits' labels when they are read as a percent of the baseline (Infor's way). */
const PERCENT_OF_LABELS: Partial<Record<keyof typeof READ_EDIT_LIMITS, string>> = {
  highPercent: "High usage: percent of baseline (above 100)",
  veryHighPercent: "Very high usage: percent of baseline (above 100)",
  lowPercent: "Low usage: percent of baseline (below 100)",
  veryLowPercent: "Very low usage: percent of baseline (below 100)",
};

const MODES = {
  percentChange: "Percent above or below the baseline (Oracle CC&B)",
  percentOf: "Percent of the baseline (Infor: 175% of it)",
} as const;

/**
 * The same limits in the other reading: 75% above is 175% of, 50% below is 50% of. Switching
 * converts them, so a high limit stays the same usage.
 */
function switchMode(values: Thresholds, mode: keyof typeof MODES): Thresholds {
  const from = values.thresholdMode ?? "percentChange";
  if (from === mode) return values;
  const up = (v: number) => (mode === "percentOf" ? 100 + v : v - 100);
  const down = (v: number) => 100 - v;
  return {
    ...values,
    thresholdMode: mode,
    highPercent: up(values.highPercent),
    veryHighPercent: up(values.veryHighPercent),
    lowPercent: down(values.lowPercent),
    veryLowPercent: down(values.veryLowPercent),
  };
}

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 9rem), 1fr))", gap: tokens.spacingHorizontalM },
});

/** The read-edit thresholds, kept on this computer (docs/read-edits.md has the defaults and why). */
export function ReadEditSettings() {
  const styles = useStyles();
  const form = useFormStyles();
  const { db } = useServices();
  const [values, setValues] = useState<Thresholds>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => void loadSettings(db).then((s) => setValues(s.readEdits)), [db]);
  if (!values) return null;
  const update = (next: Thresholds) => {
    setValues(next);
    // Limits that do not fit their reading (a high limit of 90% of the baseline) are shown, not saved:
    // stored, they would be set back to the defaults the next time settings load.
    const checked = checkReadEditThresholds(next);
    setProblem(checked.ok ? undefined : checked.problem.message);
    if (checked.ok) void saveSetting(db, "readEdits", next);
  };
  return (
    <>
      <Subtitle2 as="h2">Read edits</Subtitle2>
      <Caption1>Thresholds for the read review. A change applies the next time you validate.</Caption1>
      <Field label="Baseline">
        <Dropdown
          value={values.baseline}
          selectedOptions={[values.baseline]}
          onOptionSelect={(_, d) => update({ ...values, baseline: d.optionValue as BaselineKind })}
        >
          <Option value="average">average</Option>
          <Option value="lastYear">lastYear</Option>
          <Option value="prior">prior</Option>
        </Dropdown>
      </Field>
      <Field label="Usage limits read as">
        <Dropdown
          value={MODES[values.thresholdMode ?? "percentChange"]}
          selectedOptions={[values.thresholdMode ?? "percentChange"]}
          onOptionSelect={(_, d) => update(switchMode(values, d.optionValue as keyof typeof MODES))}
        >
          {(Object.keys(MODES) as (keyof typeof MODES)[]).map((m) => (
            <Option key={m} value={m}>
              {MODES[m]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        checked={values.thresholdInclusive ?? false}
        onChange={(_, d) => update({ ...values, thresholdInclusive: d.checked === true })}
        label="Flag usage exactly at a limit too (at or above, at or below)"
      />
      {problem && <Caption1 role="alert">Not saved: {problem}</Caption1>}
      <Subtitle2 as="h3">Severity of each edit</Subtitle2>
      <Caption1>An error holds the account from billing; a warning needs review; info is for the record.</Caption1>
      <div className={form.grid}>
        {EDIT_CODES.map((code) => (
          <Field key={code} label={EDITS[code].title} hint={code}>
            <Select
              className={form.control}
              select={{ className: form.control }}
              value={values.severities[code] ?? "default"}
              onChange={(_, d) => {
                const severities = { ...values.severities };
                if (d.value === "default") delete severities[code];
                else severities[code] = d.value as Severity;
                update({ ...values, severities });
              }}
            >
              <option value="default">{`${EDITS[code].severity} (default)`}</option>
              {(["error", "warning", "info"] as const)
                .filter((s) => s !== EDITS[code].severity)
                .map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
            </Select>
          </Field>
        ))}
      </div>
      <div className={styles.grid}>
        {(Object.keys(LABELS) as (keyof typeof READ_EDIT_LIMITS)[]).map((key) => {
          const [min, max] = READ_EDIT_LIMITS[key];
          const label = (values.thresholdMode === "percentOf" && PERCENT_OF_LABELS[key]) || LABELS[key];
          return (
            <Field key={key} label={label} hint={`${min} to ${max.toLocaleString()}`}>
              <SpinButton
                value={values[key]}
                min={min}
                max={max}
                onChange={(_, d) => {
                  const v = d.value ?? Number(d.displayValue);
                  if (Number.isFinite(v) && v >= min && v <= max) update({ ...values, [key]: v });
                }}
              />
            </Field>
          );
        })}
      </div>
    </>
  );
}
