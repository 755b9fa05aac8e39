import { useEffect, useRef, useState } from "react";
import { Body1, Button, Caption1, Field, Input, makeStyles, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { Dec, isDecimalText, isIsoDate } from "../../engine";
import type { ReviewItem } from "../../review/types";
import type { useReview } from "./useReview";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Review = ReturnType<typeof useReview>;

/** What the specialist can do about the chosen edit: approve, estimate, re-read, record an exchange. */
export function EditActions({ item, review }: { item: ReviewItem; review: Review }) {
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [exchange, setExchange] = useState(() => ({ ...review.exchangeDefaults(item), oldFinal: "", newSet: "0", date: "" }));
  const estimate = review.estimateFor(item);
  const box = useRef<HTMLElement>(null);
  // The list can be long: bring the chosen edit's actions into view.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, []);
  const dialsOk = exchange.newDials.trim() === "" || /^(?:[1-9]|1[0-2])$/.test(exchange.newDials.trim());
  const sameMeter = exchange.newMeter.trim() !== "" && exchange.newMeter.trim() === exchange.oldMeter.trim();
  // The read on this row is of one of the two meters; otherwise the exchange does not explain it.
  const read = review.readOf(item);
  const readMeter = read?.meter ?? "";
  const meterProblem =
    readMeter &&
    exchange.newMeter.trim() &&
    exchange.oldMeter.trim() &&
    ![exchange.oldMeter.trim(), exchange.newMeter.trim()].includes(readMeter)
      ? `This row reads meter ${readMeter}: it must be the old or the new meter`
      : undefined;
  const dateProblem =
    exchange.date !== "" && !isIsoDate(exchange.date)
      ? "A date such as 2026-10-15"
      : exchange.date && read?.previousDate && exchange.date <= read.previousDate
        ? `After the previous read (${read.previousDate})`
        : exchange.date && read?.currentDate && exchange.date > read.currentDate
          ? `On or before the current read (${read.currentDate})`
          : undefined;
  const exchangeOk =
    exchange.oldMeter.trim() !== "" &&
    isDecimalText(exchange.oldFinal) &&
    isDecimalText(exchange.newSet) &&
    exchange.newMeter.trim() !== "" &&
    !sameMeter &&
    !meterProblem &&
    dialsOk &&
    !dateProblem;
  return (
    <section ref={box} className={styles.box} aria-label="Decide on this edit">
      <Subtitle2 as="h3">
        Row {item.row + 1}: {item.code}
      </Subtitle2>
      <Body1>{item.message}</Body1>
      {item.decision && (
        <Caption1>
          Decided: {item.decision.kind} {item.decision.at.slice(0, 10)} {item.decision.reason}
        </Caption1>
      )}
      <Field label="Reason" hint="Required to approve; kept in the audit log and the Review Log sheet.">
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={reason.trim() === ""} onClick={() => review.decide(item, "approved", reason.trim())}>
          Approve
        </Button>
        <Button
          disabled={!estimate?.ok}
          onClick={() => estimate?.ok && review.decide(item, "estimated", reason.trim(), { estimate: estimate.value })}
        >
          {estimate?.ok ? `Estimate ${estimate.value.toString()}` : "Estimate"}
        </Button>
        <Button onClick={() => review.decide(item, "reread", reason.trim() || `${item.code}: ${item.message}`)}>Request re-read</Button>
      </div>
      {estimate && !estimate.ok && <Caption1>{estimate.problem.message}</Caption1>}
      <details>
        <summary>Record a meter exchange</summary>
        <Field label="Old meter" hint="The meter taken out (from the account).">
          <Input value={exchange.oldMeter} onChange={(_, d) => setExchange({ ...exchange, oldMeter: d.value })} />
        </Field>
        <Field label="Old meter's final read">
          <Input value={exchange.oldFinal} onChange={(_, d) => setExchange({ ...exchange, oldFinal: d.value })} />
        </Field>
        <Field label="New meter number" validationMessage={sameMeter ? "The new meter must differ from the old one" : meterProblem}>
          <Input value={exchange.newMeter} onChange={(_, d) => setExchange({ ...exchange, newMeter: d.value })} />
        </Field>
        <Field label="New meter size (inches)">
          <Input value={exchange.newSize} onChange={(_, d) => setExchange({ ...exchange, newSize: d.value })} />
        </Field>
        <Field label="New meter dials" validationMessage={dialsOk ? undefined : "A whole number from 1 to 12"}>
          <Input value={exchange.newDials} onChange={(_, d) => setExchange({ ...exchange, newDials: d.value })} />
        </Field>
        <Field label="New meter's set read">
          <Input value={exchange.newSet} onChange={(_, d) => setExchange({ ...exchange, newSet: d.value })} />
        </Field>
        <Field label="Exchange date (YYYY-MM-DD)" validationMessage={dateProblem}>
          <Input value={exchange.date} onChange={(_, d) => setExchange({ ...exchange, date: d.value })} />
        </Field>
        <Button
          disabled={!exchangeOk}
          onClick={() =>
            review.decide(item, "exchange", reason.trim(), {
              exchange: {
                oldMeter: exchange.oldMeter.trim(),
                oldFinal: new Dec(exchange.oldFinal),
                newMeter: exchange.newMeter.trim(),
                newSize: exchange.newSize.trim() || undefined,
                newDials: exchange.newDials.trim() ? Number(exchange.newDials.trim()) : undefined,
                newSet: new Dec(exchange.newSet),
                date: exchange.date,
              },
            })
          }
        >
          Record exchange
        </Button>
      </details>
    </section>
  );
}
