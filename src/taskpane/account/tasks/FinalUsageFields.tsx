import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import type { FinalUsage } from "../../../accounts/tasks/closeService";
import { useFormStyles } from "../../layout";
import { parseReading } from "./fields";
import { problemShown } from "./TaskForm";

export interface FinalUsageChoice {
  readonly kind: "read" | "estimate";
  readonly reading: string;
}

/** The final usage chosen, or why it cannot be used (a read that is not a number). */
export function finalUsageOf(choice: FinalUsageChoice): FinalUsage | string {
  if (choice.kind === "estimate") return { kind: "estimate" };
  const reading = parseReading(choice.reading);
  return typeof reading === "string" ? reading : { kind: "read", reading };
}

/** How the final usage is known: the meter read at close, or an estimate from the account's history. */
export function FinalUsageFields({
  meter,
  choice,
  onChange,
  tried,
}: {
  meter?: string;
  choice: FinalUsageChoice;
  onChange: (choice: FinalUsageChoice) => void;
  tried: boolean;
}) {
  const form = useFormStyles();
  if (!meter) return null;
  const problem = finalUsageOf(choice);
  return (
    <>
      <Field label="Final usage">
        <RadioGroup
          layout="horizontal"
          value={choice.kind}
          onChange={(_, d) => onChange({ ...choice, kind: d.value as FinalUsageChoice["kind"] })}
        >
          <Radio value="read" label="Final read" />
          <Radio value="estimate" label="Estimate from history" />
        </RadioGroup>
      </Field>
      {choice.kind === "read" && (
        <Field label={`Final read of meter ${meter}`} {...problemShown(tried, typeof problem === "string" ? problem : undefined)}>
          <Input
            className={form.control}
            inputMode="numeric"
            value={choice.reading}
            onChange={(_, d) => onChange({ ...choice, reading: d.value })}
          />
        </Field>
      )}
    </>
  );
}
