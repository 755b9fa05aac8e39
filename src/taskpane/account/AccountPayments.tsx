import { useState } from "react";
import { loadSettings } from "../../storage/settings";
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { moneyText } from "../../engine";
import type { CounterData } from "../../payments/counterData";
import { returnPayments } from "../../payments/returns";
import { useServices } from "../services";
import { localDate } from "../payments/batchForm";
import { returnLines } from "../payments/importFile";
import { useCounter } from "./counter";
import { PaymentRow, paymentRows } from "./returnable";
import { ReturnPayment } from "./ReturnPayment";
import { useTableStyles } from "./tableStyles";

/** How many payments the Account view lists, newest first. */
const SHOWN = 12;

/**
 * The account's payments, newest first; each payment that is neither a reversal nor returned
 * already has a Returned… action, which reverses it by a new Payments row (returnPayments, with the
 * fee, cash-only and collection as the policy says), audits it and reads the workbook again.
 */
export function AccountPayments({ data, account, onReturned }: { data: CounterData; account: string; onReturned: () => void }) {
  const styles = useTableStyles();
  const services = useServices();
  const counter = useCounter();
  /** The row whose Returned… form is open, by its place on the sheet. */
  const [open, setOpen] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const all = paymentRows(data.payments.get(account) ?? []);
  const rows = all
    .map((r, at) => ({ ...r, at }))
    .reverse()
    .slice(0, SHOWN);

  const returnIt = async (row: PaymentRow, returnedOn: string, reason: string) => {
    setBusy(true);
    try {
      const p = row.payment;
      const done = await returnPayments(
        services.workbook,
        [{ kind: p.method === "bank draft" ? "draft" : "check", account, reference: p.reference, amount: p.amount, returnedOn, reason }],
        (await loadSettings(services.db)).policy,
      );
      if (!done.ok) return setOutcome({ ok: false, text: `Nothing was returned: ${done.message}` });
      const [line] = returnLines(done.done);
      await services.db.transaction("rw", services.db.audit, async () => {
        await services.db.audit.add({ at: services.now(), action: "payments.returned", subject: account, detail: line });
      });
      setOpen(undefined);
      setOutcome({ ok: true, text: `Returned on Payments row ${done.rows.firstRow}. ${line}.` });
      onReturned();
      counter.load(true);
    } catch (error) {
      setOutcome({ ok: false, text: `Nothing was returned: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Subtitle2 as="h3">Payments</Subtitle2>
      {outcome && (
        <MessageBar layout="multiline" intent={outcome.ok ? "success" : "error"} role={outcome.ok ? "status" : "alert"}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {rows.length === 0 ? (
        <Caption1>No payments on the Payments sheet.</Caption1>
      ) : (
        <table className={styles.table} aria-label="Payments, newest first">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Amount</th>
              <th scope="col">Paid by</th>
              <th scope="col">
                <span className={styles.hidden}>Return</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.at}>
                <td className={styles.nowrap}>{r.payment.date}</td>
                <td className={styles.nowrap}>{moneyText(r.payment.amount)}</td>
                <td className={styles.wrap}>
                  {r.reversal ? `${r.payment.method}, reversal` : r.returned ? `${r.payment.method}, returned` : r.payment.method}
                  {(r.reversal ? r.payment.reverses : r.payment.reference) && (
                    <>
                      <br />
                      <Caption1>{r.reversal ? r.payment.reverses : r.payment.reference}</Caption1>
                    </>
                  )}
                </td>
                <td className={styles.nowrap}>
                  {r.returnable && (
                    <Button
                      size="small"
                      appearance="subtle"
                      style={{ minWidth: 0 }}
                      aria-label={`Returned… ${moneyText(r.payment.amount)} of ${r.payment.date}`}
                      aria-expanded={open === r.at}
                      onClick={() => {
                        setOutcome(undefined);
                        setOpen(open === r.at ? undefined : r.at);
                      }}
                    >
                      Returned…
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== undefined && all[open] && (
        <ReturnPayment
          key={open}
          payment={all[open].payment}
          today={localDate(services.now())}
          busy={busy}
          onReturn={(on, reason) => void returnIt(all[open], on, reason)}
          onCancel={() => setOpen(undefined)}
        />
      )}
    </>
  );
}
