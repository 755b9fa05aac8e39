import { useEffect, useState } from "react";
import { Caption1, Dropdown, Field, makeStyles, Option, Select, SpinButton, Subtitle2, tokens } from "@fluentui/react-components";
import { EDIT_CODES, EDITS } from "../../engine";
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

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 9rem), 1fr))", gap: tokens.spacingHorizontalM },
});

/** The read-edit thresholds, kept on this computer (docs/read-edits.md has the defaults and why). */
export function ReadEditSettings() {
  const styles = useStyles();
  const form = useFormStyles();
  const { db } = useServices();
  const [values, setValues] = useState<Thresholds>();
  useEffect(() => void loadSettings(db).then((s) => setValues(s.readEdits)), [db]);
  if (!values) return null;
  const update = (next: Thresholds) => {
    setValues(next);
    void saveSetting(db, "readEdits", next);
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
          return (
            <Field key={key} label={LABELS[key]} hint={`${min} to ${max.toLocaleString()}`}>
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
