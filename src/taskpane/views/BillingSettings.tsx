import { useEffect, useState } from "react";
import { Caption1, Field, Input, makeStyles, Subtitle2, Switch, tokens } from "@fluentui/react-components";
import { CyclePolicy, isDecimalText } from "../../engine";
import type { Office } from "../../cycle/settings";
import { cleanOffice, cleanPolicy, loadSettings, saveSetting } from "../../storage/settings";
import { useServices } from "../services";

const MONEY: [keyof CyclePolicy, string][] = [
  ["lateFeePercent", "Late fee (percent of the delinquent amount)"],
  ["lateFeeMinimum", "No late fee on less than ($)"],
  ["shutoffFee", "Out-for-shutoff fee ($)"],
  ["returnedPaymentFee", "Returned payment fee ($)"],
  ["restoreDeposit", "Deposit to restore service without one on file ($)"],
  ["delinquencyMinimum", "Shutoff list: past due of at least ($)"],
];
const DAYS: [keyof CyclePolicy, string][] = [
  ["dueDays", "Days from bill to due date"],
  ["graceDays", "Grace days before the late fee"],
  ["shutoffNoticeDays", "Days from door hanger to shutoff"],
  ["nsfCashOnlyAfter", "Cash only after this many returned payments"],
  ["levelPayTrueUpMonth", "Level pay true-up month (1-12)"],
];
const OFFICE: [keyof Office, string][] = [
  ["utilityName", "Utility name"],
  ["officeName", "Office"],
  ["address", "Office address"],
  ["phone", "Phone"],
  ["hours", "Hours"],
];

const useStyles = makeStyles({ grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalM } });

/** Billing and collection policy (Pocatello's by default) and the office printed on bills and notices. */
export function BillingSettings() {
  const styles = useStyles();
  const { db } = useServices();
  const [policy, setPolicy] = useState<Record<string, string | number | boolean>>();
  const [office, setOffice] = useState<Office>();
  useEffect(() => {
    void loadSettings(db).then((s) => {
      setPolicy({ ...s.policy });
      setOffice(s.office);
    });
  }, [db]);
  if (!policy || !office) return null;
  const savePolicy = (next: Record<string, string | number | boolean>) => {
    setPolicy(next);
    void saveSetting(db, "policy", cleanPolicy(next));
  };
  return (
    <>
      <Subtitle2 as="h2">Billing policy</Subtitle2>
      <Caption1>
        Pocatello's published rules are the defaults: due 16 days after the bill, a 7-day grace, then 3% of the delinquent amount.
      </Caption1>
      <div className={styles.grid}>
        {MONEY.map(([key, label]) => (
          <Field key={key} label={label} validationMessage={isDecimalText(String(policy[key])) ? undefined : "A number such as 40.00"}>
            <Input value={String(policy[key])} onChange={(_, d) => savePolicy({ ...policy, [key]: d.value })} />
          </Field>
        ))}
        {DAYS.map(([key, label]) => (
          <Field key={key} label={label}>
            <Input type="number" value={String(policy[key])} onChange={(_, d) => savePolicy({ ...policy, [key]: Number(d.value) })} />
          </Field>
        ))}
      </div>
      <Switch
        label="No late fee while a payment arrangement is kept"
        checked={Boolean(policy.waiveLateFeeOnArrangement)}
        onChange={(_, d) => savePolicy({ ...policy, waiveLateFeeOnArrangement: d.checked })}
      />
      <Subtitle2 as="h2">Office</Subtitle2>
      <div className={styles.grid}>
        {OFFICE.map(([key, label]) => (
          <Field key={key} label={label}>
            <Input
              value={office[key]}
              onChange={(_, d) => {
                const next = { ...office, [key]: d.value };
                setOffice(next);
                void saveSetting(db, "office", cleanOffice(next));
              }}
            />
          </Field>
        ))}
      </div>
    </>
  );
}
