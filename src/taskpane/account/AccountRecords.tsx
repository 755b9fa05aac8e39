import { useEffect, useState } from "react";
import { Caption1, Subtitle2 } from "@fluentui/react-components";
import type { CounterData } from "../../payments/counterData";
import { parseWorkOrders, WorkOrder, WORK_ORDERS_SHEET } from "../../review/workOrders";
import type { AuditEntry } from "../../storage/db";
import type { WorkbookPort } from "../../workbook/port";
import { useServices } from "../services";
import { LetterSent, lettersByAccount } from "./letterRecords";
import { useTableStyles } from "./tableStyles";
import { LETTER_LOG_SHEET } from "../../accounts/accountLetters";
import { AccountHistory } from "./tasks/AccountHistory";
import { letterLogByAccount } from "./tasks/letterLog";

interface Records {
  readonly workOrders: ReadonlyMap<string, readonly WorkOrder[]>;
  readonly letters: ReadonlyMap<string, readonly LetterSent[]>;
}

/** The Letters sheets the cycle writes: "Letters", and "Letters 2", "Letters 3"... past Excel's limits. */
const LETTERS = /^Letters( \d+)?$/;

async function readRecords(port: WorkbookPort): Promise<Records> {
  const orders = await port.readSheet(WORK_ORDERS_SHEET);
  const workOrders = new Map<string, WorkOrder[]>();
  for (const o of orders ? parseWorkOrders(orders) : []) workOrders.set(o.account, [...(workOrders.get(o.account) ?? []), o]);
  const letters = new Map<string, LetterSent[]>();
  for (const name of (await port.sheetNames()).filter((n) => LETTERS.test(n))) {
    const sheet = await port.readSheet(name);
    if (!sheet) continue;
    for (const [account, list] of lettersByAccount(name, sheet.values, sheet.top))
      letters.set(account, [...(letters.get(account) ?? []), ...list]);
  }
  // The letters the account tasks sent (opening, closing, programs, plans, leaks, back-bills).
  const log = await port.readSheet(LETTER_LOG_SHEET);
  if (log) for (const [account, list] of letterLogByAccount(log)) letters.set(account, [...(letters.get(account) ?? []), ...list]);
  return { workOrders, letters };
}

/**
 * The rest of the account's file: its history (the Account Changes sheet), its work orders (Work
 * Orders sheet), the letters the cycle wrote it (Letters sheets) and the account tasks sent it
 * (Letter Log), and its audit trail (the audit log's entries about it, newest first). The
 * sheets are read once per read of the workbook; the audit trail again after each change (`version`).
 */
export function AccountRecords({ data, account, version }: { data: CounterData; account: string; version: number }) {
  const styles = useTableStyles();
  const { workbook, db } = useServices();
  const [records, setRecords] = useState<Records>();
  const [audit, setAudit] = useState<AuditEntry[]>();
  useEffect(() => {
    let live = true;
    readRecords(workbook)
      .then((r) => live && setRecords(r))
      .catch(() => live && setRecords({ workOrders: new Map(), letters: new Map() }));
    return () => {
      live = false;
    };
  }, [workbook, data]);
  useEffect(() => {
    let live = true;
    db.audit
      .where("subject")
      .equals(account)
      .toArray()
      .then((entries) => live && setAudit(entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.id ?? 0) - (a.id ?? 0)))))
      .catch(() => live && setAudit([]));
    return () => {
      live = false;
    };
  }, [db, account, version]);
  const orders = records?.workOrders.get(account) ?? [];
  const letters = records?.letters.get(account) ?? [];
  return (
    <>
      <AccountHistory changes={data.changes} account={account} />
      <Subtitle2 as="h3">Work orders</Subtitle2>
      {!records ? (
        <Caption1>Reading the Work Orders and Letters sheets…</Caption1>
      ) : orders.length === 0 ? (
        <Caption1>No work orders on the {WORK_ORDERS_SHEET} sheet.</Caption1>
      ) : (
        <table className={styles.table} aria-label="Work orders">
          <thead>
            <tr>
              <th scope="col">Requested</th>
              <th scope="col" className={styles.left}>
                Type
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} title={o.reason}>
                <td className={styles.nowrap}>{o.requested}</td>
                <td className={`${styles.left} ${styles.wrap}`}>
                  {o.type} ({o.id}){o.reason ? `: ${o.reason}` : ""}
                </td>
                <td>{o.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Subtitle2 as="h3">Letters sent</Subtitle2>
      {!records ? null : letters.length === 0 ? (
        <Caption1>No letters for this account on a Letters sheet or the {LETTER_LOG_SHEET}.</Caption1>
      ) : (
        <ul aria-label="Letters sent" style={{ margin: 0, paddingLeft: 16, overflowWrap: "anywhere" }}>
          {letters.map((l) => (
            <li key={`${l.sheet}-${l.row}`}>
              {l.date}: {l.subject || "(no subject)"} ({l.sheet} row {l.row})
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3">Audit trail</Subtitle2>
      {!audit ? null : audit.length === 0 ? (
        <Caption1>Nothing in the audit log about this account.</Caption1>
      ) : (
        <ul aria-label="Audit trail, newest first" style={{ margin: 0, paddingLeft: 16, overflowWrap: "anywhere" }}>
          {audit.map((a) => (
            <li key={a.id}>
              {a.at.replace("T", " ").slice(0, 16)} {a.action}: {a.detail}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
