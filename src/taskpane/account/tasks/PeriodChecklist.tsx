import { Body1, Checkbox } from "@fluentui/react-components";
import { quantityText, UsageRecord } from "../../../engine";
import { useTableStyles } from "../tableStyles";

/** How many of the latest bills a task offers to correct. */
const OFFERED = 13;

/** The account's latest bills (newest first) as checkboxes: the periods a leak or a back-bill corrects. */
export function PeriodChecklist({
  legend,
  history,
  chosen,
  onChange,
  problem,
}: {
  legend: string;
  history: readonly UsageRecord[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Shown once the form was submitted without a period. */
  problem?: string;
}) {
  const styles = useTableStyles();
  const bills = [...history].slice(-OFFERED).reverse();
  return (
    <fieldset className={styles.section} style={{ margin: 0, border: "none", padding: 0, minWidth: 0 }}>
      <legend>{legend}</legend>
      {bills.map((b) => (
        <Checkbox
          key={b.periodEnd}
          checked={chosen.includes(b.periodEnd)}
          onChange={(_, d) => onChange(d.checked === true ? [...chosen, b.periodEnd] : chosen.filter((x) => x !== b.periodEnd))}
          label={`${b.periodEnd}: ${quantityText(b.usage)}`}
        />
      ))}
      {problem && (
        <Body1 role="alert" className={styles.wrap}>
          {problem}
        </Body1>
      )}
    </fieldset>
  );
}
