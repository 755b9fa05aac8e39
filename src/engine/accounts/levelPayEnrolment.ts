import { Dec, ZERO } from "../decimal";
import { computeBill } from "../bills/computeBill";
import type { UsageRecord } from "../edits/types";
import { moneyText } from "../money/format";
import { roundToCents } from "../money/rounding";
import { fail, ok, Result } from "../problems";
import type { RateSchedule } from "../rates/types";
import type { CycleAccount } from "../cycle/types";
import { billInputsOf } from "../cycle/billInputs";

/** A level pay amount and where it came from. */
export interface LevelPayQuote {
  readonly amount: Dec;
  /** The months priced, oldest first, with what each would bill. */
  readonly months: readonly { readonly periodEnd: string; readonly usage: Dec; readonly charges: Dec }[];
  /** "the account's own 12 months" or "the premise's history (a new customer)". */
  readonly source: "account" | "premise";
  readonly reason: string;
}

/**
 * The level amount for a customer joining level pay (Pocatello, as at the November true-up): the
 * average of the last 12 months' bills, rounded to the cent. The workbook keeps usage, not bills,
 * so each month's usage is priced with the account's class, meter size, units and carts under the
 * schedule in effect at that month's end. A customer with fewer than 12 months of their own takes
 * the premise's history (the service address's earlier accounts) when that is longer; a join
 * mid-year is trued up with everyone else in the true-up month.
 */
export function levelPayEnrolment(
  account: CycleAccount,
  own: readonly UsageRecord[],
  premise: readonly UsageRecord[],
  schedule: RateSchedule,
): Result<LevelPayQuote> {
  const last12 = (records: readonly UsageRecord[]) =>
    [...records].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0)).slice(-12);
  const mine = last12(own);
  const theirs = last12(premise);
  const source = mine.length >= 12 || mine.length >= theirs.length ? "account" : "premise";
  const months = source === "account" ? mine : theirs;
  if (months.length === 0)
    return fail(
      "INVALID_INPUT",
      `account ${account.account} has no usage history, nor has its service address: level pay needs a year to average`,
    );
  const priced: { periodEnd: string; usage: Dec; charges: Dec }[] = [];
  for (const m of months) {
    const bill = computeBill(schedule, { ...billInputsOf(account), usage: m.usage, asOf: m.periodEnd });
    if (!bill.ok) return fail(bill.problem.code, `account ${account.account}, ${m.periodEnd}: ${bill.problem.message}`);
    priced.push({ periodEnd: m.periodEnd, usage: m.usage, charges: bill.value.total.amount });
  }
  const total = priced.reduce((s, p) => s.plus(p.charges), ZERO);
  const amount = roundToCents(total.div(priced.length));
  const whose = source === "account" ? "the account's" : "the service address's earlier";
  return ok({
    amount,
    months: priced,
    source,
    reason: `${moneyText(amount)}: the average of ${whose} last ${priced.length} month${priced.length === 1 ? "" : "s"} of bills (${moneyText(total)}) at the rates in effect each month`,
  });
}

/** Why an e-bill address cannot be used, or undefined: one address, a name, an @ and a domain with a dot. */
export function emailProblem(email: string): string | undefined {
  const text = email.trim();
  if (text === "") return "an e-bill needs an email address";
  if (/[\s,;<>"]/.test(text)) return `one email address, without spaces, commas or quotes; got "${text}"`;
  const m = /^([^@]+)@([^@]+)$/.exec(text);
  if (!m) return `an email address has one @ between a name and a domain; got "${text}"`;
  const domain = m[2];
  if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain) || domain.split(".").some((p) => p === "" || p.startsWith("-") || p.endsWith("-")))
    return `the domain after @ must be like example.org; got "${domain}"`;
  if (m[1].length > 64 || text.length > 254) return "an email address is at most 254 characters (64 before the @)";
  return undefined;
}
