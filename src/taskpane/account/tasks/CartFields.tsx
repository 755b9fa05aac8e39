import { Field, Input, Select } from "@fluentui/react-components";
import { cartSizesOf, cartSizeText, mailingProblem } from "../../../accounts/tasks/openService";
import type { IsoDate, RateSchedule } from "../../../engine";
import { useFormStyles } from "../../layout";
import { parseWhole } from "./fields";
import { problemShown } from "./TaskForm";

/** The carts typed: a count from 0 to 20, or why not. */
export const cartCountOf = (text: string) => parseWhole(text || "0", "the number of carts", 0, 20);

/**
 * How many garbage carts to deliver and their size: the sizes the rate schedule prices on the
 * start date to choose from (so the cycle can price them), or a text box without a schedule.
 */
export function CartFields({
  schedule,
  date,
  count,
  size,
  onCount,
  onSize,
  tried,
}: {
  schedule?: RateSchedule;
  date: IsoDate;
  count: string;
  size: string;
  onCount: (text: string) => void;
  onSize: (size: string) => void;
  tried: boolean;
}) {
  const form = useFormStyles();
  const sizes = schedule ? cartSizesOf(schedule, date) : [];
  const counted = cartCountOf(count);
  return (
    <>
      <Field label="Garbage carts to deliver" {...problemShown(tried, typeof counted === "string" ? counted : undefined)}>
        <Input className={form.control} inputMode="numeric" value={count} onChange={(_, d) => onCount(d.value)} />
      </Field>
      {sizes.length > 0 ? (
        <Field label="Cart size">
          <Select className={form.control} value={size || sizes[0]} onChange={(_, d) => onSize(d.value)}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {cartSizeText(s)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label="Cart size" hint="As the rate schedule names it (96 gal)">
          <Input className={form.control} value={size} onChange={(_, d) => onSize(d.value)} />
        </Field>
      )}
    </>
  );
}

/** The cart size to send: the chosen one, or the schedule's first when the list was left as it opened. */
export function cartSizeChosen(schedule: RateSchedule | undefined, date: IsoDate, size: string): string | undefined {
  if (size.trim()) return size.trim();
  return schedule ? cartSizesOf(schedule, date)[0] : undefined;
}

/** The mailing address field: street, city, state and ZIP, checked as the task checks it. */
export function MailingField({
  label = "Mailing address",
  value,
  onChange,
  tried,
}: {
  label?: string;
  value: string;
  onChange: (text: string) => void;
  tried: boolean;
}) {
  const form = useFormStyles();
  return (
    <Field
      label={label}
      hint="Street, city, state and ZIP: where bills and letters go (the service address, if mail goes there)"
      {...problemShown(tried, mailingFieldProblem(value))}
    >
      <Input className={form.control} value={value} onChange={(_, d) => onChange(d.value)} autoComplete="street-address" />
    </Field>
  );
}

export const mailingFieldProblem = (value: string) =>
  value.trim() ? mailingProblem(value) : "the mailing address is needed, with its city, state and ZIP code";
