import { FormEvent, useState } from "react";
import { loadSettings } from "../../storage/settings";
import { Body1, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { DailyActivity, isIsoDate, moneyText } from "../../engine";
import { closeDay, DAILY_ACTIVITY_SHEET } from "../../payments/closeDay";
import { useServices } from "../services";
import { useFormStyles } from "../layout";
import { localDate } from "./batchForm";

import { useTableStyles } from "../account/tableStyles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The day's totals as the supervisor ties them to the bank: received by channel, returned, net. */
function DayTotals({ activity }: { activity: DailyActivity }) {
  const tables = useTableStyles();
  const channels = [...activity.byChannel].sort(([a], [b]) => a.localeCompare(b));
  return (
    <table className={tables.table} aria-label={`Daily activity for ${activity.date}`}>
      <thead>
        <tr>
          <th scope="col">Received by channel</th>
          <th scope="col">Payments</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {channels.map(([channel, t]) => (
          <tr key={channel}>
            <th scope="row">{channel}</th>
            <td>{t.count}</td>
            <td>{moneyText(t.total)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total received</th>
          <td>{activity.received.count}</td>
          <td>{moneyText(activity.received.total)}</td>
        </tr>
        <tr>
          <th scope="row">Returned (fees {moneyText(activity.returned.fees)})</th>
          <td>{activity.returned.count}</td>
          <td>{moneyText(activity.returned.total)}</td>
        </tr>
        <tr>
          <th scope="row">Net to the bank</th>
          <td />
          <td data-net={activity.net.toFixed(2)}>{moneyText(activity.net)}</td>
        </tr>
      </tbody>
    </table>
  );
}

type Closed = { kind: "closed"; activity: DailyActivity } | { kind: "already"; text: string };

/**
 * The nightly update: closes a day once (closeDay), writing the Daily Activity sheet and the day's
 * row on Days Closed. Refused while the pane holds a batch with lines not posted: the day's
 * deposit is not complete until every batch is posted.
 */
export function NightlyUpdate({ unposted }: { unposted?: string }) {
  const styles = useStyles();
  const form = useFormStyles();
  const services = useServices();
  const [date, setDate] = useState(() => localDate(services.now()));
  const [message, setMessage] = useState<string>();
  const [closed, setClosed] = useState<Closed>();
  const [busy, setBusy] = useState(false);
  const close = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setClosed(undefined);
    if (!isIsoDate(date)) return setMessage("The day is not closed: the date must be a date, YYYY-MM-DD");
    if (unposted) return setMessage(`The day is not closed: ${unposted}`);
    setBusy(true);
    try {
      const now = services.now();
      const outcome = await closeDay(services.workbook, date, (await loadSettings(services.db)).policy, now);
      if (!outcome.ok) return setMessage(`The day is not closed: ${outcome.message}`);
      setMessage(undefined);
      if (!outcome.closed) {
        setClosed({ kind: "already", text: `The day ${date} was closed at ${outcome.already.closedAt}; nothing written.` });
        return;
      }
      const a = outcome.activity;
      await services.db.transaction("rw", services.db.audit, async () => {
        await services.db.audit.add({
          at: now,
          action: "day.closed",
          subject: date,
          detail: `${a.received.count} payments, ${moneyText(a.received.total)} received; ${a.returned.count} returned, ${moneyText(a.returned.total)}; net ${moneyText(a.net)}`,
        });
      });
      setClosed({ kind: "closed", activity: a });
    } catch (error) {
      setMessage(`The day is not closed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="nightly-heading">
      <Subtitle2 as="h2" id="nightly-heading">
        Nightly update
      </Subtitle2>
      <Body1>Closes the day once: the {DAILY_ACTIVITY_SHEET} sheet for the bank deposit, and the day on Days Closed.</Body1>
      <form onSubmit={(e) => void close(e)} aria-label="Close the day" className={form.grid}>
        <Field label="Day to close" hint="YYYY-MM-DD">
          <Input className={form.control} value={date} onChange={(_, d) => setDate(d.value.trim())} />
        </Field>
        <Button appearance="primary" type="submit" disabledFocusable={busy} style={{ alignSelf: "center" }}>
          Close the day
        </Button>
      </form>
      {message && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {closed?.kind === "already" && (
        <MessageBar layout="multiline" intent="info" role="status">
          <MessageBarBody>{closed.text}</MessageBarBody>
        </MessageBar>
      )}
      {closed?.kind === "closed" && (
        <>
          <MessageBar layout="multiline" intent="success" role="status">
            <MessageBarBody>
              Closed {closed.activity.date}: the {DAILY_ACTIVITY_SHEET} sheet was written.
            </MessageBarBody>
          </MessageBar>
          <DayTotals activity={closed.activity} />
        </>
      )}
    </section>
  );
}
