import { useMemo, useRef, useState } from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { balanceBatch, moneyText } from "../../engine";
import { accountsForBatch, postedPayments } from "../../payments/counterData";
import { useServices } from "../services";
import { useCounter } from "../account/counter";
import { OpenBatch } from "../payments/OpenBatch";
import { LineEntry, LineEntryHandle, NewLine } from "../payments/LineEntry";
import { BatchLines } from "../payments/BatchLines";
import { balanceText, batchOf, checkLines, localDate } from "../payments/batchForm";
import { postDraft } from "../payments/postDraft";

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
      <MessageBar intent="error">
        <MessageBarBody>{counter.message ?? "The workbook has not been read."}</MessageBarBody>
      </MessageBar>
    );
  const lookUp = (account: string) => accountsForBatch(data, [account]).get(account);

  if (!draft)
    return (
      <>
        <Subtitle2 as="h2">Open a batch</Subtitle2>
        <Body1>From the deposit slip or the processor's report: the date, how the payments came, and how many for how much.</Body1>
        <OpenBatch
          today={localDate(services.now())}
          taken={data.batchIds}
          onOpen={(d) => {
            setMessage(undefined);
            setDraft(d);
          }}
        />
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
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {draft.posted ? (
        <>
          <MessageBar intent="success" role="status">
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
    </>
  );
}
