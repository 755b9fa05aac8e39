import { ChangeEvent, useId, useRef, useState } from "react";
import { loadSettings } from "../../storage/settings";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import { isIsoDate, moneyText } from "../../engine";
import type { BatchField } from "../../payments/batchFile";
import { rememberedLayouts } from "../../payments/importLayouts";
import { returnPayments } from "../../payments/returns";
import { useServices } from "../services";
import { useFormStyles } from "../layout";
import { FileImport, MAPPED_FIELDS, mappingOf, readPaymentFile, returnLines } from "./importFile";
import { localDate } from "./batchForm";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { maxWidth: "100%", minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type BatchImport = Extract<FileImport, { kind: "batch" }>;

/** A file's text: File.text() where the browser has it, FileReader otherwise. */
function textOf(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file);
  });
}

/**
 * Imports a payment file at the counter: a lockbox file, a card settlement report or the add-in's
 * batch CSV fills the batch (`onBatch`); an unknown layout is mapped column by column; a
 * returned-item report or an ACH return file lists what it will reverse and asks before writing.
 */
export function ImportFile({ onBatch, onReturned }: { onBatch: (read: BatchImport) => string | undefined; onReturned: () => void }) {
  const styles = useStyles();
  const form = useFormStyles();
  const services = useServices();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<FileImport>();
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string[]>();
  const [choices, setChoices] = useState<ReadonlyMap<BatchField, string>>(new Map());
  const [returnedOn, setReturnedOn] = useState(() => localDate(services.now()));
  const [busy, setBusy] = useState(false);

  const take = (read: FileImport) => {
    setDone(undefined);
    if (read.kind === "refused") {
      setPending(undefined);
      setMessage(read.message);
    } else if (read.kind === "batch") {
      setPending(undefined);
      const refused = onBatch(read);
      setMessage(refused);
      if (!refused)
        setDone([
          `${read.lines.length} payment${read.lines.length === 1 ? "" : "s"} read from ${read.file} (read as ${read.layout}).`,
          ...read.warnings,
        ]);
    } else {
      setMessage(undefined);
      setPending(read);
      setChoices(new Map());
    }
  };
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const text = await textOf(file);
      take(readPaymentFile(file.name, text, await rememberedLayouts(services.workbook)));
    } catch (error) {
      setMessage(`${file.name} could not be read: ${(error as Error).message}`);
    } finally {
      if (input.current) input.current.value = "";
    }
  };
  const readMapped = async () => {
    if (pending?.kind !== "mapping") return;
    const mapping = mappingOf(choices);
    if (typeof mapping === "string") return setMessage(`Not read: ${mapping}`);
    take(readPaymentFile(pending.file, pending.text, await rememberedLayouts(services.workbook), mapping));
  };
  const reverse = async () => {
    if (pending?.kind !== "returns" || busy) return;
    const undated = pending.dates.some((d) => !d);
    if (undated && !isIsoDate(returnedOn)) return setMessage("Not returned: the date returned must be a date, YYYY-MM-DD");
    setBusy(true);
    try {
      const requests = pending.requests.map((r, i) => ({ ...r, returnedOn: pending.dates[i] ?? returnedOn }));
      const outcome = await returnPayments(services.workbook, requests, (await loadSettings(services.db)).policy);
      if (!outcome.ok) return setMessage(`Nothing was returned: ${outcome.message}`);
      const lines = returnLines(outcome.done, pending.endsAutopay);
      await services.db.transaction("rw", services.db.audit, async () => {
        for (const [i, d] of outcome.done.entries())
          await services.db.audit.add({
            at: services.now(),
            action: "payments.returned",
            subject: d.account,
            detail: `${pending.file}: ${lines[i]}`,
          });
      });
      setPending(undefined);
      setMessage(undefined);
      setDone([
        `Returned ${outcome.done.length} payment(s) from ${pending.file} on Payments rows ${outcome.rows.firstRow}-${outcome.rows.lastRow}:`,
        ...lines,
      ]);
      onReturned();
    } catch (error) {
      setMessage(`Nothing was returned: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-label="Import a payment file">
      <Label htmlFor={inputId} weight="semibold">
        Import a file: lockbox, card settlement or batch CSV
      </Label>
      <Caption1>A returned-item report or an ACH return file lists the payments it reverses first.</Caption1>
      <input
        id={inputId}
        ref={input}
        className={styles.file}
        type="file"
        accept=".csv,.txt,.ach,text/csv,text/plain"
        onChange={(e) => void choose(e)}
      />
      {message && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar layout="multiline" intent="success" role="status">
          <MessageBarBody>
            {done.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {pending?.kind === "mapping" && (
        <div role="group" aria-label={`Map the columns of ${pending.file}`} className={styles.section}>
          <Body1>
            {pending.file} is not a layout this product reads. Choose its columns once; the mapping is remembered when the batch posts.
          </Body1>
          <div className={form.grid}>
            {MAPPED_FIELDS.map(({ field, label, required }) => (
              <Field key={field} label={required ? label : `${label} (optional)`}>
                <Select
                  className={form.control}
                  value={choices.get(field) ?? ""}
                  onChange={(_, d) => setChoices(new Map(choices).set(field, d.value))}
                >
                  <option value="">{required ? "Choose a column" : "(not in the file)"}</option>
                  {pending.header
                    .filter((h) => h !== "")
                    .map((h, i) => (
                      <option key={i} value={h}>
                        {h}
                      </option>
                    ))}
                </Select>
              </Field>
            ))}
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void readMapped()}>
              Read with these columns
            </Button>
            <Button onClick={() => setPending(undefined)}>Cancel</Button>
          </div>
        </div>
      )}
      {pending?.kind === "returns" && (
        <div role="group" aria-label={`Payments ${pending.file} returns`} className={styles.section}>
          <Body1>
            {pending.file} ({pending.source}) returns {pending.requests.length} payment{pending.requests.length === 1 ? "" : "s"}. Nothing
            is written until you confirm:
          </Body1>
          <ul className={styles.list} aria-label="Payments to reverse">
            {pending.requests.map((r, i) => (
              <li key={i}>
                {r.account}: {moneyText(r.amount)}
                {r.reference ? `, ${r.reference}` : ""}; {r.reason}
                {pending.dates[i] ? `; returned ${pending.dates[i]}` : ""}
              </li>
            ))}
          </ul>
          {pending.dates.some((d) => !d) && (
            <Field label="Date returned" hint="YYYY-MM-DD">
              <Input className={form.control} value={returnedOn} onChange={(_, d) => setReturnedOn(d.value.trim())} />
            </Field>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void reverse()}>
              Reverse {pending.requests.length} payment{pending.requests.length === 1 ? "" : "s"}
            </Button>
            <Button onClick={() => setPending(undefined)}>Cancel</Button>
          </div>
        </div>
      )}
    </section>
  );
}
