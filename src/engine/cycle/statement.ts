import { addDec, Dec, ZERO } from "../decimal";
import { addDays, parts } from "../dates/civilDate";
import { businessCalendar, BusinessCalendar } from "../calendar/businessCalendar";
import { decideBilling } from "../billingDecision/decideBilling";
import type { BillingDecision } from "../billingDecision/types";
import { collectionStanding } from "../collections/collectionStanding";
import { applyPaymentPairs } from "../payments/applyPayment";
import { Money, MoneySum, sumMoney } from "../money/money";
import { roundToCents } from "../money/rounding";
import { fail, ok, Result } from "../problems";
import { BillMemo } from "../bills/billMemo";
import { billTotal } from "../bills/billTotal";
import type { BillLine } from "../bills/types";
import type { RateSchedule } from "../rates/types";
import { ageBalance } from "./aging";
import { netPaid } from "./netPaid";
import { endsAutopay } from "../payments/returnReasons";
import { levelPayment } from "./levelPay";
import { billInputsOf } from "./billInputs";
import type { CyclePolicy } from "./policy";
import type { Adjustment, CycleAccount, CycleInput, Payment, Statement, StatementLine, UsagePeriods } from "./types";
import type { UsageRecord } from "../edits/types";

const inRange = (date: string, after: string, upTo: string) => date > after && date <= upTo;

/**
 * One account's statement for the cycle: charges from the schedule in effect at the period's
 * end (prorated when the account opened or closed in the period), adjustments that point at what
 * they correct, payments since the last bill, returned payments reversed with their fee, the late
 * fee on what stayed unpaid after the due date and grace, the out-for-shutoff fee, level pay,
 * the balance aged, and the total due. Every amount is a sum of lines rounded once each. The
 * charges come from `bills`, a cycle's memo of the bills it has priced (the same bill computeBill
 * gives, shared by accounts that are priced alike); one of another schedule is
 * not used.
 */
export function billAccount(
  given: CycleAccount,
  input: CycleInput,
  schedule: RateSchedule,
  policy: CyclePolicy,
  activity: AccountActivity = activityOf(given.account, input),
  decision: BillingDecision = decideFor(given, input, policy, activity),
  history: readonly UsageRecord[] | undefined = input.history.get(given.account),
  bills: BillMemo = new BillMemo(schedule),
): Result<Statement> {
  // A draft returned this cycle as closed, unknown or not authorised ends autopay: the bill asks for payment instead.
  const account = given.autopay && activity.payments.some(endsAutopay) ? { ...given, autopay: false } : given;
  const reading = input.readings.get(account.account);
  const hasCarts = (account.cartCount ?? 0) > 0 && account.status !== "vacant";
  // A statement of the balance only (no service in the period) has no charges at all.
  const bill =
    decision.code === "BALANCE_ONLY"
      ? ok({ lines: [] as BillLine[], services: [] as { service: string; amount: Money }[], total: Money.zero })
      : (bills.schedule === schedule ? bills : new BillMemo(schedule)).bill({
          usage: decision.usage ?? ZERO,
          asOf: input.periodEnd,
          rateClass: account.rateClass,
          meterSize: account.meterSize,
          dwellingUnits: account.dwellingUnits,
          carts: { count: hasCarts ? account.cartCount! : 0, size: account.cartSize },
          containers: account.status === "vacant" ? undefined : account.containers,
          days: decision.serviceDays,
        });
  if (!bill.ok) return fail(bill.problem.code, `account ${account.account}: ${bill.problem.message}`);

  const lines: StatementLine[] = [];
  const opening = input.balances.get(account.account);
  const openingTotal = new MoneySum();
  opening?.byService.forEach((v) => openingTotal.addDec(v));
  const previousBalance = openingTotal.money;
  const payments = activity.payments;
  for (const p of payments) {
    // A reversal row takes back a payment posted earlier (perhaps last cycle): it carries no payment of its own.
    if (p.reverses === undefined)
      lines.push({
        kind: "payment",
        service: "payments",
        description: `Payment, ${p.method}${p.reference ? ` ${p.reference}` : ""}`,
        amount: Money.of(p.amount).negated(),
        date: p.date,
      });
    if (p.returned) {
      lines.push({
        kind: "reversal",
        service: "payments",
        // Dates stay in `date`, for each output to print in its own format.
        description: `Returned payment${p.reference ? ` ${p.reference}` : ""} reversed`,
        amount: Money.of(p.amount),
        date: p.date,
      });
      lines.push({
        kind: "fee",
        service: "fees",
        description: "Returned payment fee",
        amount: Money.of(policy.returnedPaymentFee),
        date: p.date,
      });
    }
  }
  for (const a of activity.adjustments) {
    lines.push({
      kind: "adjustment",
      service: a.service,
      description: `${a.description || a.kind}${a.corrects ? ` (corrects ${a.corrects})` : ""}`,
      amount: Money.of(a.amount),
      date: a.date,
      corrects: a.corrects,
    });
  }

  const cycle = dates(input, policy);
  const graceEnd = cycle.graceEnd;
  const paidInGrace = payments.filter((p) => p.date <= graceEnd).reduce((s, p) => s.plus(netPaid(p)), ZERO);
  // What was owed before this bill and not paid by the end of the grace.
  const unpaid = graceEnd < input.billDate ? previousBalance.minus(Money.of(paidInGrace)) : Money.zero;
  const delinquent = unpaid.compare(Money.zero) > 0 ? unpaid.amount : ZERO;
  const arrangement = keptArrangement(account, payments, input.billDate);
  if (delinquent.greaterThanOrEqualTo(cycle.lateFeeMinimum) && !(policy.waiveLateFeeOnArrangement && arrangement)) {
    const fee = roundToCents(delinquent.times(policy.lateFeePercent).div(100));
    lines.push({
      kind: "fee",
      service: "fees",
      description: `Late fee, ${policy.lateFeePercent}% of $${Money.of(delinquent).toCents()} unpaid after the due date and grace`,
      date: graceEnd,
      amount: Money.of(fee),
    });
  }
  // A crew cannot shut off a service the account no longer has: no fee on a balance-only statement.
  if (decision.code !== "BALANCE_ONLY" && account.outForShutoff && inRange(account.outForShutoff, input.previousBillDate, input.billDate)) {
    lines.push({
      kind: "fee",
      service: "fees",
      description: "Out-for-shutoff fee",
      amount: Money.of(policy.shutoffFee),
      date: account.outForShutoff,
    });
  }

  const currentCharges = bill.value.total;
  let level: Statement["levelPay"];
  if (account.levelPay && decision.final) {
    // Level pay ends with the final bill: actual charges are billed and the deferred balance settled.
    if (!account.levelPayDeferred.isZero())
      lines.push({
        kind: "levelPay",
        service: "level pay",
        description: "Level pay ends with the final bill: the deferred balance is billed",
        amount: Money.of(account.levelPayDeferred),
      });
  } else if (account.levelPay && decision.code !== "BALANCE_ONLY") {
    const twelve = lastTwelveBills(account, history, input, schedule, currentCharges);
    // Without a stored level amount, a year of history sets it (Pocatello: level pay needs a year of history).
    const amount = account.levelPayAmount ?? (twelve.length >= 12 ? roundToCents(sumMoney(twelve).amount.div(12)) : undefined);
    if (amount) {
      const trueUp = cycle.month === policy.levelPayTrueUpMonth;
      level = levelPayment(amount, currentCharges, account.levelPayDeferred, trueUp, twelve);
      lines.push({
        kind: "levelPay",
        service: "level pay",
        description: `Level pay: billed ${level.amount.toCents()} for actual charges of ${currentCharges.toCents()}`,
        amount: level.amount.minus(currentCharges),
      });
      if (level.trueUp) {
        lines.push({
          kind: "levelPay",
          service: "level pay",
          description: `Level pay true-up of the deferred balance; new level amount ${level.newAmount!.toCents()}`,
          amount: level.trueUp,
        });
      }
    }
  }

  // One pass over the lines: sums by kind.
  const paymentsSum = new MoneySum();
  const adjustmentsSum = new MoneySum();
  const feesSum = new MoneySum();
  for (const l of lines) {
    if (l.kind === "payment" || l.kind === "reversal") paymentsSum.add(l.amount);
    else if (l.kind === "fee") feesSum.add(l.amount);
    else adjustmentsSum.add(l.amount);
  }
  const paid = payments.reduce((s, p) => addDec(s, netPaid(p)), ZERO);
  const newMoney = currentCharges.plus(adjustmentsSum.money).plus(feesSum.money);
  const totalDue = previousBalance.plus(paymentsSum.money).plus(newMoney);

  const aging = ageBalance(opening?.aging ?? { current: previousBalance.amount, days30: ZERO, days60: ZERO, days90: ZERO }, paid, newMoney);
  const inArrangement =
    account.arrangementUntil !== undefined && account.arrangementAmount !== undefined && account.arrangementUntil >= input.billDate;
  const paidMoney = Money.of(paid);
  const collection = collectionStanding(
    {
      account,
      final: decision.final,
      noService: decision.code === "BALANCE_ONLY",
      aging,
      totalDue,
      billDate: input.billDate,
      previousBillDate: input.previousBillDate,
      dueDate: cycle.dueDate,
      arrangement: inArrangement
        ? {
            kept: arrangement,
            detail: account.plan
              ? `payment plan ${account.plan.state}: ${account.plan.reason}`
              : `${Money.of(account.arrangementAmount!).toCents()} a cycle until ${account.arrangementUntil}; paid ${paidMoney.toCents()} this cycle`,
          }
        : undefined,
      returned: returnedWithFees(payments, policy),
      levelPayCurrent:
        level && paidMoney.compare(level.amount) >= 0
          ? `paid ${paidMoney.toCents()} against the level amount of ${level.amount.toCents()}`
          : undefined,
    },
    policy,
    cycle.calendar,
  );

  return ok({
    billNumber: `${cycle.billNumberPrefix}${account.account}`,
    account,
    billDate: input.billDate,
    dueDate: cycle.dueDate,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    serviceDays: decision.serviceDays,
    final: decision.final,
    decision,
    reading,
    chargeLines: bill.value.lines,
    currentCharges,
    otherLines: lines.length === 0 ? NO_LINES : lines.slice(),
    levelPay: level,
    previousBalance,
    payments: paymentsSum.money,
    adjustments: adjustmentsSum.money,
    fees: feesSum.money,
    totalDue,
    delinquent: Money.of(delinquent),
    paidByService: applyPaymentPairs(opening?.byService, paid),
    aging,
    usageHistory: usageHistory(history, decision.usage, input.periodEnd),
    paymentsReceived: payments.length === 0 ? payments : payments.slice(),
    collection,
  });
}

/** Payments returned this cycle with a returned-payment fee each, or undefined when none was returned. */
function returnedWithFees(payments: readonly Payment[], policy: CyclePolicy): Money | undefined {
  let total: Dec | undefined;
  for (const p of payments) if (p.returned) total = (total ?? ZERO).plus(p.amount).plus(policy.returnedPaymentFee);
  return total === undefined ? undefined : Money.of(total);
}

/** The account's billing decision for the cycle (engine/billingDecision), from its reads, open edits, history and activity. */
export function decideFor(
  account: CycleAccount,
  input: CycleInput,
  policy: CyclePolicy,
  activity: AccountActivity,
  history: readonly UsageRecord[] | undefined = input.history.get(account.account),
): BillingDecision {
  return decideBilling(
    {
      subject: account,
      reading: input.readings.get(account.account),
      openErrors: input.held.get(account.account),
      history,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      offCycle: input.offCycle,
      owesOrActivity: owesOrActivity(account, input, activity),
    },
    policy,
  );
}

/** A balance, payments, adjustments or deferred level pay: the account gets a statement even without service. */
export function owesOrActivity(account: CycleAccount, input: CycleInput, activity: AccountActivity): boolean {
  if (activity.payments.length > 0 || activity.adjustments.length > 0 || account.levelPayDeferred.greaterThan(ZERO)) return true;
  const balance = input.balances.get(account.account);
  let owes = false;
  // forEach rather than an iterator: this runs for every account.
  balance?.byService.forEach((v) => (owes ||= !v.isZero()));
  return owes;
}

/** One business calendar per holiday list, so a cycle works out its holidays once. */
const calendars = new WeakMap<object, BusinessCalendar>();
export function calendarFor(policy: Pick<CyclePolicy, "holidays">): BusinessCalendar {
  let calendar = calendars.get(policy.holidays);
  if (!calendar) calendars.set(policy.holidays, (calendar = businessCalendar(policy.holidays)));
  return calendar;
}

/**
 * The cycle's own dates, worked out once per cycle rather than once per account: the due date
 * (the bill date plus the due days, moved to the next business day), the end of the grace after
 * the previous bill's due date (moved the same way), and the business calendar.
 */
const cycleDates = new WeakMap<
  CycleInput,
  {
    policy: CyclePolicy;
    graceEnd: string;
    dueDate: string;
    month: number;
    calendar: BusinessCalendar;
    lateFeeMinimum: Dec;
    billNumberPrefix: string;
  }
>();
function dates(input: CycleInput, policy: CyclePolicy) {
  let d = cycleDates.get(input);
  if (!d || d.policy !== policy) {
    const calendar = calendarFor(policy);
    d = {
      policy,
      graceEnd: addDays(calendar.onOrAfter(addDays(input.previousBillDate, policy.dueDays)), policy.graceDays),
      dueDate: calendar.onOrAfter(addDays(input.billDate, policy.dueDays)),
      month: parts(input.billDate).month,
      calendar,
      lateFeeMinimum: new Dec(policy.lateFeeMinimum),
      billNumberPrefix: `${input.billDate.replace(/-/g, "")}-`,
    };
    cycleDates.set(input, d);
  }
  return d;
}

/** The due date of bills dated `billDate` under the policy (a business day). */
export function dueDateFor(billDate: string, policy: CyclePolicy): string {
  return calendarFor(policy).onOrAfter(addDays(billDate, policy.dueDays));
}

/** The last 12 periods of history before this one, then this one's billed usage. */
function usageHistory(
  history: readonly { periodEnd: string; usage: Dec }[] | undefined,
  usage: Dec | undefined,
  periodEnd: string,
): UsagePeriods {
  let end = history?.length ?? 0;
  while (end > 0 && history![end - 1].periodEnd >= periodEnd) end--;
  const from = Math.max(0, end - 12);
  // Sized exactly: a cycle keeps one per account.
  const length = end - from + (usage ? 1 : 0);
  const periodEnds = new Array<string>(length);
  const usages = new Array<Dec>(length);
  for (let i = from; i < end; i++) {
    periodEnds[i - from] = history![i].periodEnd;
    usages[i - from] = history![i].usage;
  }
  if (usage) {
    periodEnds[end - from] = periodEnd;
    usages[end - from] = usage;
  }
  return { periodEnds, usages };
}

/** An account's payments and adjustments in the cycle (after the previous bill, up to this one). */
export interface AccountActivity {
  readonly payments: readonly Payment[];
  readonly adjustments: readonly Adjustment[];
}

/** Every account's cycle activity, indexed once for the whole cycle. */
export function indexActivity(input: CycleInput): Map<string, AccountActivity> {
  const index = new Map<string, { payments: Payment[]; adjustments: Adjustment[] }>();
  const entry = (account: string) => {
    let e = index.get(account);
    if (!e) index.set(account, (e = { payments: [], adjustments: [] }));
    return e;
  };
  for (const p of input.payments) if (inRange(p.date, input.previousBillDate, input.billDate)) entry(p.account).payments.push(p);
  for (const a of input.adjustments) if (inRange(a.date, input.previousBillDate, input.billDate)) entry(a.account).adjustments.push(a);
  return index;
}

function activityOf(account: string, input: CycleInput): AccountActivity {
  return (
    indexActivity({
      ...input,
      payments: input.payments.filter((p) => p.account === account),
      adjustments: input.adjustments.filter((a) => a.account === account),
    }).get(account) ?? NONE
  );
}

const NONE: AccountActivity = { payments: [], adjustments: [] };

/**
 * A payment arrangement is kept when it runs past the bill date and this cycle's payments meet it;
 * one made as a payment plan is kept while its instalments are paid by their due dates (account.plan).
 */
export function keptArrangement(
  account: CycleAccount,
  payments: readonly Pick<Payment, "amount" | "returned" | "reverses">[],
  billDate: string,
): boolean {
  if (!account.arrangementUntil || !account.arrangementAmount || account.arrangementUntil < billDate) return false;
  // A payment plan is kept by its own instalments and their due dates, not by this cycle's payments.
  if (account.plan) return account.plan.state === "kept";
  const paid = payments.reduce((s, p) => s.plus(netPaid(p)), ZERO);
  return paid.greaterThanOrEqualTo(account.arrangementAmount);
}

/** The last twelve months of actual bills, repriced from history, ending with this one. */
function lastTwelveBills(
  account: CycleAccount,
  history: readonly UsageRecord[] | undefined,
  input: CycleInput,
  schedule: RateSchedule,
  current: Money,
): Money[] {
  const bills: Money[] = [];
  for (const h of (history ?? []).filter((r) => r.periodEnd < input.periodEnd).slice(-11)) {
    // Only the totals are needed: priced without their lines (engine/bills/billTotal).
    const b = billTotal(schedule, { ...billInputsOf(account), containers: undefined, usage: h.usage, asOf: h.periodEnd });
    if (b.ok) bills.push(b.value);
  }
  return [...bills, current];
}

const NO_LINES: readonly StatementLine[] = Object.freeze([]);
