import { useMemo, useRef, useState } from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { balanceBatch, moneyText } from "../../engine";
import { accountsForBatch, postedPayments } from "../../payments/counterData";
import { useServices } from "../services";
import { useCounter } from "../account/counter";
import { OpenBatch } from "../payments/OpenBatch";
import { LineEntry, LineEntryHandle, NewLine } from "../payments/LineEntry";
import { BatchLines } from "../payments/BatchLines";
import { balanceText, batchOf, checkLines, localDate, withFileLines } from "../payments/batchForm";
import { postDraft } from "../payments/postDraft";
import { BatchImport, ImportFile } from "../payments/ImportFile";
import { NightlyUpdate } from "../payments/NightlyUpdate";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * A payment batch from its deposit slip: open it, key the payments by keyboard with each
 * customer's name and balance shown, watch it balance, and post it to the Payments sheet.
 */
export function PaymentsView() {
  const styles = useStyles();
  const services = useServices();
  const counter = useCounter();
  const { data, draft, setDraft } = counter;
  const [message, setMessage] = useState<string>();
  const [posting, setPosting] = useState(false);
  /** A file read before the batch is opened: its lines wait for the slip's count and total. */
  const [imported, setImported] = useState<BatchImport>();
  const entry = useRef<LineEntryHandle>(null);
  const allPosted = useMemo(() => (data ? postedPayments(data) : []), [data]);
  const accounts = useMemo(
    () =>
      data && draft
        ? accountsForBatch(
            data,
            draft.lines.map((l) => l.account),
          )
        : new Map(),
    [data, draft],
  );
  const checks = useMemo(() => (draft ? checkLines(draft, accounts, allPosted) : []), [draft, accounts, allPosted]);

  if (!data)
    return counter.loading ? (
      <Spinner size="tiny" label="Reading the accounts and payments…" />
    ) : (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{counter.message ?? "The workbook has not been read."}</MessageBarBody>
      </MessageBar>
    );
  const lookUp = (account: string) => accountsForBatch(data, [account]).get(account);

  const unposted =
    draft && !draft.posted && draft.lines.length > 0
      ? `batch ${draft.id} has ${draft.lines.length} line${draft.lines.length === 1 ? "" : "s"} not posted: post it or discard it first`
      : undefined;
  const importer = (
    <ImportFile
      onBatch={(read) => {
        if (!draft || draft.posted) {
          setImported(read);
          if (draft?.posted) setDraft(undefined);
          return undefined;
        }
        const next = withFileLines(draft, read, read.mapping);
        if (typeof next === "string") return next;
        setDraft(next);
        return undefined;
      }}
      onReturned={() => counter.load(true)}
    />
  );
  const nightly = <NightlyUpdate unposted={unposted} />;

  if (!draft)
    return (
      <>
        <Subtitle2 as="h2">Open a batch</Subtitle2>
        <Body1>From the deposit slip or the processor's report: the date, how the payments came, and how many for how much.</Body1>
        {imported && (
          <MessageBar layout="multiline" intent="info" role="status">
            <MessageBarBody>
              {imported.lines.length} payment{imported.lines.length === 1 ? "" : "s"} from {imported.file} (read as {imported.layout}) go
              into the batch when it opens: key the slip's count and total (the file is not its own control).
            </MessageBarBody>
          </MessageBar>
        )}
        <OpenBatch
          key={imported ? `${imported.file}-${imported.lines.length}` : "keyed"}
          today={imported?.date ?? localDate(services.now())}
          channel={imported?.channel}
          taken={data.batchIds}
          onOpen={(d) => {
            setMessage(undefined);
            const opened = imported ? withFileLines(d, imported, imported.mapping) : d;
            if (typeof opened === "string") return setMessage(opened);
            setImported(undefined);
            setDraft(opened);
          }}
        />
        {message && (
          <MessageBar layout="multiline" intent="error" role="alert">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
        {importer}
        {nightly}
      </>
    );

  const balance = balanceBatch(batchOf(draft));
  const add = (line: NewLine) => {
    setMessage(undefined);
    const key = draft.lines.reduce((k, l) => Math.max(k, l.key), 0) + 1;
    setDraft({ ...draft, lines: [...draft.lines, { ...line, key, confirmed: false }] });
  };
  const post = async () => {
    if (posting || draft.posted) return;
    setPosting(true);
    try {
      const outcome = await postDraft(draft, data, services);
      if (!outcome.ok) setMessage(outcome.message);
      else {
        setMessage(undefined);
        counter.update(outcome.data);
        setDraft({ ...draft, posted: `Posted ${draft.id}: ${outcome.summary}.` });
        counter.select(draft.lines[draft.lines.length - 1]?.account);
      }
    } catch (error) {
      setMessage(`Nothing was posted: ${(error as Error).message}`);
    } finally {
      setPosting(false);
    }
  };
  return (
    <>
      <Subtitle2 as="h2">Batch {draft.id}</Subtitle2>
      <Caption1>
        {draft.channel}, {draft.date}; the slip says {draft.controlCount} payments, {moneyText(draft.controlTotal)}
      </Caption1>
      {!draft.posted && <LineEntry ref={entry} date={draft.date} lookUp={lookUp} onAdd={add} />}
      <Body1 role="status" aria-live="polite" data-balance-line>
        {balanceText(balance, draft.controlCount, draft.controlTotal)}
      </Body1>
      {message && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {draft.posted ? (
        <>
          <MessageBar layout="multiline" intent="success" role="status">
            <MessageBarBody>{draft.posted}</MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => setDraft(undefined)}>
              New batch
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" disabledFocusable={posting} onClick={() => void post()}>
            Post batch
          </Button>
          <Button onClick={() => setDraft(undefined)}>Discard batch</Button>
        </div>
      )}
      <BatchLines
        lines={draft.lines}
        checks={checks}
        accounts={accounts}
        posted={draft.posted !== undefined}
        onConfirm={(key, yes) => setDraft({ ...draft, lines: draft.lines.map((l) => (l.key === key ? { ...l, confirmed: yes } : l)) })}
        onRemove={(key) => {
          setDraft({ ...draft, lines: draft.lines.filter((l) => l.key !== key) });
          entry.current?.focus();
        }}
      />
      {importer}
      {nightly}
    </>
  );
}
