import { Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { EDITS } from "../../engine";
import type { EditCode, Severity } from "../../engine";
import type { ReviewItem } from "../../review/types";
import { useFormStyles } from "../layout";

export interface Filters {
  readonly severity: Severity | "all";
  readonly code: EditCode | "all";
  readonly status: "open" | "resolved" | "all";
  readonly text: string;
}

export const NO_FILTERS: Filters = { severity: "all", code: "all", status: "open", text: "" };

export function applyFilters(items: readonly ReviewItem[], f: Filters): ReviewItem[] {
  const text = f.text.trim().toLowerCase();
  return items.filter(
    (i) =>
      (f.severity === "all" || i.severity === f.severity) &&
      (f.code === "all" || i.code === f.code) &&
      (f.status === "all" || (f.status === "open") === !i.decision) &&
      (!text || [i.account, i.meter, i.address ?? "", i.message].some((s) => s.toLowerCase().includes(text))),
  );
}

/** Filters for the edit list: severity, code, open or resolved, and account/meter/address text. */
export function EditFilters({
  filters,
  codes,
  onChange,
}: {
  filters: Filters;
  codes: readonly EditCode[];
  onChange: (f: Filters) => void;
}) {
  const styles = useFormStyles();
  return (
    <div className={styles.grid}>
      <Field label="Severity">
        <Dropdown
          className={styles.control}
          value={filters.severity}
          selectedOptions={[filters.severity]}
          onOptionSelect={(_, d) => onChange({ ...filters, severity: d.optionValue as Filters["severity"] })}
        >
          {["all", "error", "warning", "info"].map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Status">
        <Dropdown
          className={styles.control}
          value={filters.status}
          selectedOptions={[filters.status]}
          onOptionSelect={(_, d) => onChange({ ...filters, status: d.optionValue as Filters["status"] })}
        >
          {["open", "resolved", "all"].map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Edit">
        <Dropdown
          className={styles.control}
          value={filters.code === "all" ? "all" : EDITS[filters.code].title}
          selectedOptions={[filters.code]}
          onOptionSelect={(_, d) => onChange({ ...filters, code: d.optionValue as Filters["code"] })}
        >
          {["all", ...codes].map((c) => (
            <Option key={c} value={c} text={c === "all" ? "all" : EDITS[c as EditCode].title}>
              {c === "all" ? "all" : EDITS[c as EditCode].title}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Account, meter or address">
        <Input className={styles.control} value={filters.text} onChange={(_, d) => onChange({ ...filters, text: d.value })} />
      </Field>
    </div>
  );
}
