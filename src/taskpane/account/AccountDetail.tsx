import { useState } from "react";
import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { moneyText } from "../../engine";
import { accountBalance, CounterData } from "../../payments/counterData";
import { programsOf, serviceLabel, statusText, usageBars } from "./accountDetail";
import { UsageChart } from "./UsageChart";
import { AccountPayments } from "./AccountPayments";
import { AccountRecords } from "./AccountRecords";
import { AccountTasks } from "./tasks/AccountTasks";
import { PlanStanding } from "./PlanStanding";

import { useTableStyles } from "./tableStyles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    "& dd": { margin: 0 },
  },
  balance: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

const HEAD = ["Current", "30 days", "60 days", "90+ days"] as const;

/** One account at the counter: who, where, programs, what it owes by service and age, usage and activity. */
export function AccountDetail({ data, account, onGoTo }: { data: CounterData; account: string; onGoTo: () => void }) {
  const styles = useStyles();
  const tables = useTableStyles();
  /** Bumped after a return or a task, so the audit trail is read again. */
  const [version, setVersion] = useState(0);
  const record = data.accounts.get(account);
  if (!record) return null;
  const balance = accountBalance(data, account);
  const programs = programsOf(record);
  const adjustments = [...(data.adjustments.get(account) ?? [])].reverse().slice(0, 12);
  const aging = [balance.aging.current, balance.aging.days30, balance.aging.days60, balance.aging.days90];
  return (
    <section className={styles.section} aria-labelledby="account-heading" data-account={account}>
      <Subtitle2 as="h2" id="account-heading">
        {record.name || "(no name)"} · {account}
      </Subtitle2>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>{statusText(record)}</dd>
        <dt>Service</dt>
        <dd>{record.serviceAddress || "none given"}</dd>
        <dt>Mail to</dt>
        <dd>{record.mailingAddress || "none given"}</dd>
        <dt>Meter</dt>
        <dd>{record.meter ? `${record.meter}${record.meterSize ? ` (${record.meterSize})` : ""}` : "none"}</dd>
        <dt>Deposit</dt>
        <dd>{record.deposit.isZero() ? "none on file" : moneyText(record.deposit)}</dd>
        <dt>Programs</dt>
        <dd>{programs.length ? programs.join("; ") : "none"}</dd>
      </dl>
      <Button onClick={onGoTo}>Go to rows</Button>
      <AccountTasks account={record} history={data.history.get(account) ?? []} onDone={() => setVersion((v) => v + 1)} />

      <Subtitle2 as="h3">Balance</Subtitle2>
      <Body1 className={styles.balance} aria-label={`Balance now ${moneyText(balance.now)}`} data-balance={balance.now.toFixed(2)}>
        {moneyText(balance.now)}
      </Body1>
      <Caption1>
        {moneyText(balance.atLastBill)} at the last bill{data.lastBillDate ? ` (${data.lastBillDate})` : ""}, {moneyText(balance.paidSince)}{" "}
        paid and {moneyText(balance.adjustedSince)} adjusted since.
      </Caption1>
      <table className={tables.table} aria-label="Balance by service">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Last bill</th>
            <th scope="col">Since</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {balance.byService.map((s) => (
            <tr key={s.service}>
              <th scope="row">{serviceLabel(s.service)}</th>
              <td>{moneyText(s.atLastBill)}</td>
              <td>{moneyText(s.since)}</td>
              <td>{moneyText(s.now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={tables.table} aria-label="Aging">
        <thead>
          <tr>
            {HEAD.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {aging.map((a, i) => (
              <td key={HEAD[i]}>{moneyText(a)}</td>
            ))}
          </tr>
        </tbody>
      </table>

      <PlanStanding data={data} account={account} />

      <Subtitle2 as="h3">Usage</Subtitle2>
      <UsageChart bars={usageBars(data.history.get(account) ?? [])} />

      <AccountPayments data={data} account={account} onReturned={() => setVersion((v) => v + 1)} />
      <Subtitle2 as="h3">Adjustments</Subtitle2>
      {adjustments.length === 0 ? (
        <Caption1>No adjustments on the Adjustments sheet.</Caption1>
      ) : (
        <table className={tables.table} aria-label="Adjustments, newest first">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {adjustments.map((a, i) => (
              <tr key={i} title={a.description}>
                <td>{a.date}</td>
                <td>{a.kind}</td>
                <td>{moneyText(a.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AccountRecords data={data} account={account} version={version} />
    </section>
  );
}
