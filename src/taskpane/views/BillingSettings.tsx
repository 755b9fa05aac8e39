import { useEffect, useState } from "react";
import { Caption1, Field, Input, makeStyles, Select, Subtitle2, Switch, Textarea, tokens } from "@fluentui/react-components";
import { CyclePolicy, holidayRuleText, isDecimalText, LadderStep, parseHolidayRule, POCATELLO_POLICY } from "../../engine";
import { cleanPolicy, DAY_FIELDS, LADDER_STEPS, loadSettings, saveSetting } from "../../storage/settings";
import { useServices } from "../services";

type Draft = Record<string, unknown>;

const MONEY: [keyof CyclePolicy, string][] = [
  ["lateFeePercent", "Late fee (percent of the delinquent amount)"],
  ["lateFeeMinimum", "No late fee on less than ($)"],
  ["shutoffFee", "Out-for-shutoff fee ($)"],
  ["returnedPaymentFee", "Returned payment fee ($)"],
  ["restoreDeposit", "Deposit to restore service without one on file ($)"],
  ["delinquencyMinimum", "Letters and shutoff only for a past due of at least ($)"],
];
const DAYS: [keyof CyclePolicy, string][] = [
  ["dueDays", "Days from bill to due date (then the next business day)"],
  ["graceDays", "Grace days before the late fee"],
  ["shutoffNoticeBusinessDays", "Business days from a final notice to the last day to pay"],
  ["doorHangerBusinessDays", "Business days before shutoff to hang the door hanger"],
  ["collectionsAfterDays", "Days after closing that an unpaid account goes to collections"],
  ["returnedPaymentDays", "Days to pay a returned payment and its fee"],
  ["nsfCashOnlyAfter", "Cash only after this many returned payments"],
  ["levelPayTrueUpMonth", "Level pay true-up month (1-12)"],
];
const STEP_LABELS: Record<LadderStep, string> = {
  none: "No notice",
  reminder: "Reminder on the bill",
  "late notice": "Late notice letter",
  "final notice": "Final notice, door hanger and shutoff list",
};
const LADDER_LABELS = ["One bill past due", "Two bills past due", "Three or more bills past due"];

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 180px), 1fr))", gap: tokens.spacingHorizontalM },
  // Selects with long options stack, one a row, and never grow past the pane.
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
});

/** Holiday lines: the rules, or the first line that cannot be read. */
function readHolidays(text: string): { rules?: CyclePolicy["holidays"]; problem?: string } {
  const rules = [];
  for (const line of text.split("\n").filter((l) => l.trim())) {
    const parsed = parseHolidayRule(line);
    if (!parsed.ok) return { problem: parsed.problem.message };
    rules.push(parsed.value);
  }
  return { rules };
}

/** Billing and collection policy (Pocatello's by default): fees, who is billed, the notice ladder, holidays. */
export function BillingSettings() {
  const styles = useStyles();
  const { db } = useServices();
  const [policy, setPolicy] = useState<Draft>();
  const [saved, setSaved] = useState<CyclePolicy>();
  const [holidays, setHolidays] = useState("");
  useEffect(() => {
    void loadSettings(db).then((s) => {
      setPolicy({ ...s.policy });
      setSaved(s.policy);
      setHolidays(s.policy.holidays.map(holidayRuleText).join("\n"));
    });
  }, [db]);
  if (!policy || !saved) return null;
  // Only valid values are saved; a field being typed (or a ladder that goes down a rung) keeps the last saved value.
  const savePolicy = (next: Draft) => {
    setPolicy(next);
    const clean = cleanPolicy(next, saved);
    setSaved(clean);
    void saveSetting(db, "policy", clean);
  };
  const ladder = (policy.noticeLadder as LadderStep[] | undefined) ?? [...POCATELLO_POLICY.noticeLadder];
  const holidayCheck = readHolidays(holidays);
  return (
    <>
      <Subtitle2 as="h2">Billing policy</Subtitle2>
      <Caption1>
        Pocatello's published rules are the defaults: due 16 days after the bill, a 7-day grace, then 3% of the delinquent amount.
      </Caption1>
      <div className={styles.grid}>
        {MONEY.map(([key, label]) => (
          <Field
            key={key}
            label={label}
            validationMessage={
              isDecimalText(String(policy[key]))
                ? undefined
                : `Not saved: a number such as 40.00. The saved value, ${String(saved[key])}, stays.`
            }
          >
            <Input value={String(policy[key])} onChange={(_, d) => savePolicy({ ...policy, [key]: d.value })} />
          </Field>
        ))}
        {DAYS.map(([key, label]) => (
          <Field
            key={key}
            label={label}
            validationMessage={
              Number.isInteger(policy[key]) &&
              (policy[key] as number) >= DAY_FIELDS[key][0] &&
              (policy[key] as number) <= DAY_FIELDS[key][1]
                ? undefined
                : `Not saved: a whole number from ${DAY_FIELDS[key][0]} to ${DAY_FIELDS[key][1]}. The saved value, ${String(saved[key])}, stays.`
            }
          >
            <Input type="number" value={String(policy[key])} onChange={(_, d) => savePolicy({ ...policy, [key]: Number(d.value) })} />
          </Field>
        ))}
      </div>
      <Switch
        label="No late fee while a payment arrangement is kept"
        checked={Boolean(policy.waiveLateFeeOnArrangement)}
        onChange={(_, d) => savePolicy({ ...policy, waiveLateFeeOnArrangement: d.checked })}
      />
      <Subtitle2 as="h2">Who is billed</Subtitle2>
      <Field label="A meter with no usable read (none, or a re-read requested)">
        <Select
          className={styles.select}
          value={String(policy.noUsableRead)}
          onChange={(_, d) => savePolicy({ ...policy, noUsableRead: d.value })}
        >
          <option value="estimate">Estimate it from its history and flag the bill</option>
          <option value="hold">Hold the account until it is read</option>
        </Select>
      </Field>
      <Switch
        label="Vacant accounts pay their base charges"
        checked={Boolean(policy.vacantBaseCharges)}
        onChange={(_, d) => savePolicy({ ...policy, vacantBaseCharges: d.checked })}
      />
      <Subtitle2 as="h2">Notice ladder</Subtitle2>
      <Caption1>
        One notice per account per cycle, climbing a rung each cycle a bill stays unpaid. A rung may not be lower than the one before.
      </Caption1>
      <div className={styles.column}>
        {LADDER_LABELS.map((label, i) => (
          <Field
            key={label}
            label={label}
            validationMessage={
              i > 0 && LADDER_STEPS.indexOf(ladder[i]) < LADDER_STEPS.indexOf(ladder[i - 1])
                ? `Not saved: must be at least “${STEP_LABELS[ladder[i - 1]]}”, the rung before`
                : undefined
            }
          >
            <Select
              className={styles.select}
              value={ladder[i]}
              onChange={(_, d) => savePolicy({ ...policy, noticeLadder: ladder.map((s, j) => (j === i ? d.value : s)) })}
            >
              {LADDER_STEPS.map((step) => (
                <option key={step} value={step}>
                  {STEP_LABELS[step]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Field
        label="Holidays (the office is closed; due and shutoff dates move to the next business day)"
        hint="One a line: “Christmas Day: December 25”, “Labor Day: first Monday of September”, “Day after Thanksgiving: day after fourth Thursday of November”, “Closed: 2027-03-15”. A fixed date on a weekend is observed on the Friday before or the Monday after unless the line ends “, not observed”."
        validationMessage={holidayCheck.problem}
      >
        <Textarea
          value={holidays}
          rows={8}
          resize="vertical"
          onChange={(_, d) => {
            setHolidays(d.value);
            const read = readHolidays(d.value);
            if (read.rules) savePolicy({ ...policy, holidays: read.rules });
          }}
        />
      </Field>
    </>
  );
}
