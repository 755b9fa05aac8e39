import { useEffect, useState } from "react";
import { Caption1, Dropdown, Field, makeStyles, Option, SpinButton, Subtitle2, tokens } from "@fluentui/react-components";
import type { BaselineKind, ReadEditSettings as Thresholds } from "../../engine";
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

const useStyles = makeStyles({ grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalM } });

/** The read-edit thresholds, kept on this computer (docs/read-edits.md has the defaults and why). */
export function ReadEditSettings() {
  const styles = useStyles();
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
