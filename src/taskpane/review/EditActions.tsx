import { forwardRef, useImperativeHandle, useRef, useState } from "react";
import { Body1, Button, Caption1, Field, Input, makeStyles, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { Dec, EDITS, isDecimalText, isIsoDate } from "../../engine";
import { LABELS } from "../../review/decisions";
import type { Decision } from "../../review/decisions";
import { localTime } from "../localTime";
import type { ReviewItem } from "../../review/types";
import { useFormStyles } from "../layout";
import type { ExchangeForm, useReview } from "./useReview";

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

/** Records a decision on the chosen edit; resolves true when it is recorded. */
export type Decide = (kind: Decision["kind"], reason: string, extra?: { estimate?: Dec; exchange?: ExchangeForm }) => Promise<boolean>;

/** The review loop's shortcut keys, as the pane lists them and the buttons announce them (aria-keyshortcuts). */
/** A whole number with thousands separators: 5837 is "5,837". */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export const SHORTCUTS = { next: "N", previous: "P", approve: "A", estimate: "E", reread: "R", exchange: "X" } as const;

/** What the shortcut keys do to the chosen edit. */
export interface EditActionsHandle {
  approve(): void;
  estimate(): void;
  reread(): void;
  exchange(): void;
}

/**
 * What the specialist can do about the chosen edit: approve (with a reason), estimate, re-read,
 * record an exchange. Shown under the edit's row; the shortcut keys reach it through its handle.
 */
export const EditActions = forwardRef<EditActionsHandle, { item: ReviewItem; review: Review; onDecide: Decide }>(function EditActions(
  { item, review, onDecide },
  ref,
) {
  const styles = useStyles();
  const form = useFormStyles();
  const [reason, setReason] = useState("");
  const [exchange, setExchange] = useState(() => ({ ...review.exchangeDefaults(item), oldFinal: "", newSet: "0", date: "" }));
  const estimate = review.estimateFor(item);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const exchangeBox = useRef<HTMLDetailsElement>(null);
  const approve = () => {
    // A reason is required: without one, the key takes the specialist to the Reason box.
    if (reason.trim() === "") reasonBox.current?.focus();
    else void onDecide("approved", reason.trim());
  };
  const reread = () => void onDecide("reread", reason.trim() || `${item.code}: ${item.message}`);
  const estimateIt = () => {
    if (estimate?.ok) void onDecide("estimated", reason.trim(), { estimate: estimate.value });
  };
  useImperativeHandle(ref, () => ({
    approve,
    estimate: estimateIt,
    reread,
    exchange: () => {
      if (!exchangeBox.current) return;
      exchangeBox.current.open = true;
      exchangeBox.current.querySelector("input")?.focus();
    },
  }));
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
  const exchangeFields: { key: keyof typeof exchange; label: string; hint?: string; problem?: string }[] = [
    { key: "oldMeter", label: "Old meter", hint: "The meter taken out (from the account)." },
    { key: "oldFinal", label: "Old meter's final read" },
    {
      key: "newMeter",
      label: "New meter number",
      problem: sameMeter ? "The new meter must differ from the old one" : meterProblem || undefined,
    },
    { key: "newSize", label: "New meter size (inches)" },
    { key: "newDials", label: "New meter dials", problem: dialsOk ? undefined : "A whole number from 1 to 12" },
    { key: "newSet", label: "New meter's set read" },
    { key: "date", label: "Exchange date (YYYY-MM-DD)", problem: dateProblem },
  ];
  return (
    <section className={styles.box} aria-label="Decide on this edit">
      <Subtitle2 as="h3">
        Row {item.row + 1}: {EDITS[item.code].title} <Caption1>({item.code})</Caption1>
      </Subtitle2>
      <Body1>{item.message}</Body1>
      {item.decision && (
        <Caption1>
          Decided: {LABELS[item.decision.kind]}, {localTime(item.decision.at)}
          {item.decision.reason ? `: ${item.decision.reason}` : ""}
        </Caption1>
      )}
      <Field label="Reason" hint="Required to approve (Ctrl+Enter approves); kept in the audit log and the Review Log sheet.">
        <Textarea
          ref={reasonBox}
          value={reason}
          onChange={(_, d) => setReason(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              approve();
            }
          }}
          resize="vertical"
        />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" aria-keyshortcuts={SHORTCUTS.approve} disabled={reason.trim() === ""} onClick={approve}>
          Approve
        </Button>
        <Button aria-keyshortcuts={SHORTCUTS.estimate} disabled={!estimate?.ok} onClick={estimateIt}>
          {estimate?.ok ? `Estimate usage ${grouped(estimate.value.toFixed())}` : "Estimate"}
        </Button>
        <Button aria-keyshortcuts={SHORTCUTS.reread} onClick={reread}>
          Request re-read
        </Button>
      </div>
      {estimate && !estimate.ok && <Caption1>{estimate.problem.message}</Caption1>}
      <details ref={exchangeBox}>
        <summary aria-keyshortcuts={SHORTCUTS.exchange}>Record a meter exchange</summary>
        <div className={form.grid}>
          {exchangeFields.map(({ key, label, hint, problem }) => (
            <Field key={key} label={label} hint={hint} validationMessage={problem}>
              <Input className={form.control} value={exchange[key]} onChange={(_, d) => setExchange({ ...exchange, [key]: d.value })} />
            </Field>
          ))}
        </div>
        <Button
          disabled={!exchangeOk}
          onClick={() =>
            void onDecide("exchange", reason.trim(), {
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
});
