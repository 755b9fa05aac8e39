import { addDec } from "../decimal";
import { addDays, daysBetween } from "../dates/civilDate";
import type { IsoDate } from "../dates/civilDate";
import type { BusinessCalendar } from "../calendar/businessCalendar";
import { Money } from "../money/money";
import type { CollectionNotice, CollectionStanding, LadderPolicy, NoticeRung, ShutoffTerms } from "./types";

/** What the ladder needs to know of one account after its bill. */
export interface StandingInput {
  readonly account: {
    readonly status: string;
    readonly closeDate?: IsoDate;
    readonly deposit: { greaterThan(n: number): boolean };
    readonly outForShutoff?: IsoDate;
  };
  /** This is the account's final bill. */
  readonly final: boolean;
  /** The account has no service in the period (closed, inactive): its statement carries only the balance. */
  readonly noService: boolean;
  readonly aging: { readonly current: Money; readonly days30: Money; readonly days60: Money; readonly days90: Money };
  readonly totalDue: Money;
  readonly billDate: IsoDate;
  readonly previousBillDate: IsoDate;
  /** This bill's due date (already a business day). */
  readonly dueDate: IsoDate;
  /** A written payment arrangement in force: kept when this cycle's payments met it. */
  readonly arrangement?: { readonly kept: boolean; readonly detail: string };
  /** Level pay paid up this cycle, with the detail. */
  readonly levelPayCurrent?: string;
  /** Payments returned this cycle, with their fees. */
  readonly returned?: Money;
}

/**
 * The notice ladder: one notice per account per cycle, its amount and deadline decided here once.
 * - A final bill gets a final-bill letter for its total due by its due date.
 * - A closed or inactive account still owing gets a reminder on its statement, and goes on the
 *   collections list once `collectionsAfterDays` have passed since it closed (without a close
 *   date: from two bills past due). It never gets a shutoff notice: there is no service to shut off.
 * - An account in service climbs one rung per bill past due (the aging moves one bucket a cycle):
 *   by default a reminder on the bill, then a late notice, then a final notice with a door hanger
 *   and a place on the shutoff list, whose last day to pay is `shutoffNoticeBusinessDays` business
 *   days after the notice is mailed (on the bill date, or the next business day) and whose
 *   shutoff date is the business day after (never before this bill's due date). Kept off letters
 *   and the shutoff list, with the reason: a kept payment arrangement (no notice), level pay paid
 *   up (no notice), a crew already out for shutoff this cycle (a reminder on the bill only), and a
 *   past due under the minimum (a reminder only).
 *   A broken arrangement puts the account back on the ladder, and its notice says so.
 */
export function collectionStanding(input: StandingInput, policy: LadderPolicy, calendar: BusinessCalendar): CollectionStanding {
  const standing = ladderStanding(input, policy, calendar);
  return input.returned && !input.final && !input.noService ? withReturnedPayment(standing, input, policy, calendar) : standing;
}

/**
 * A payment returned this cycle is due with its fee within the policy's days (Pocatello: 7), in
 * cash or certified funds. The account's one notice carries it: a final notice keeps its amount and
 * shutoff deadline; any other notice, or none, becomes one for the larger of its amount and the
 * returned payment with its fee (never more than the total due), by the earlier deadline.
 */
function withReturnedPayment(
  standing: CollectionStanding,
  input: StandingInput,
  policy: LadderPolicy,
  calendar: BusinessCalendar,
): CollectionStanding {
  const n = standing.notice;
  if (n?.rung === "final notice") return { ...standing, notice: { ...n, returnedPayment: true } };
  const mailed = calendar.onOrAfter(input.billDate);
  const returnedBy = calendar.onOrAfter(addDays(mailed, policy.returnedPaymentDays));
  const wanted = n && n.amount.compare(input.returned!) > 0 ? n.amount : input.returned!;
  const amount = wanted.compare(input.totalDue) > 0 ? input.totalDue : wanted;
  if (!amount.isPositive()) return standing;
  return {
    ...standing,
    notice: {
      rung: n?.rung ?? "reminder",
      amount,
      payBy: n && n.payBy < returnedBy ? n.payBy : returnedBy,
      mailed,
      reason: `${n ? `${n.reason}; ` : ""}a payment returned this cycle, with its fee`,
      arrangementBroken: n?.arrangementBroken ?? false,
      returnedPayment: true,
    },
  };
}

/** Most accounts: nothing past due, nothing to send. Shared, as it is immutable. */
const CURRENT: CollectionStanding = { pastDue: Money.zero, billsPastDue: 0 };

function ladderStanding(input: StandingInput, policy: LadderPolicy, calendar: BusinessCalendar): CollectionStanding {
  const { aging } = input;
  // Sums without new decimals for the buckets that are zero: this runs for every account of a cycle.
  const pastDueAmount = addDec(addDec(aging.days30.amount, aging.days60.amount), aging.days90.amount);
  if (pastDueAmount.isZero() && !input.final && !input.noService) return CURRENT;
  const pastDue = Money.of(pastDueAmount);
  const billsPastDue = aging.days90.isPositive() ? 3 : aging.days60.isPositive() ? 2 : aging.days30.isPositive() ? 1 : 0;
  const mailed = calendar.onOrAfter(input.billDate);
  const owed = input.totalDue.isPositive();
  const notice = (
    rung: NoticeRung,
    amount: Money,
    payBy: IsoDate,
    reason: string,
    extra: Partial<CollectionNotice> = {},
  ): CollectionNotice => ({
    rung,
    amount,
    payBy,
    mailed,
    reason,
    arrangementBroken: false,
    returnedPayment: false,
    ...extra,
  });

  if (input.final) {
    return owed
      ? { pastDue, billsPastDue, notice: notice("final bill", input.totalDue, input.dueDate, "final bill of a closing account") }
      : { pastDue, billsPastDue };
  }
  if (input.noService) {
    if (!owed) return { pastDue, billsPastDue };
    const closed = input.account.closeDate;
    const sinceClose = closed ? daysBetween(closed, input.billDate) : undefined;
    const collections = sinceClose !== undefined ? sinceClose >= policy.collectionsAfterDays : billsPastDue >= 2;
    if (collections)
      return {
        pastDue,
        billsPastDue,
        notice: notice(
          "collections",
          input.totalDue,
          input.dueDate,
          closed
            ? `closed ${closed}, ${sinceClose} days ago, and still owing`
            : `${input.account.status} and ${billsPastDue} bills past due`,
        ),
      };
    return {
      pastDue,
      billsPastDue,
      notice: notice(
        "reminder",
        input.totalDue,
        input.dueDate,
        `${input.account.status}${closed ? `, closed ${closed}` : ""}, still owing`,
      ),
    };
  }
  if (billsPastDue === 0 || !pastDue.isPositive() || !owed) return { pastDue, billsPastDue };
  const amount = pastDue.compare(input.totalDue) <= 0 ? pastDue : input.totalDue;
  const behind = `${billsPastDue === 3 ? "3 or more bills" : billsPastDue === 1 ? "1 bill" : "2 bills"} past due`;

  if (input.arrangement?.kept)
    return { pastDue, billsPastDue, keptOff: { reason: "kept payment arrangement", detail: input.arrangement.detail } };
  if (input.levelPayCurrent) return { pastDue, billsPastDue, keptOff: { reason: "level pay current", detail: input.levelPayCurrent } };
  const out = input.account.outForShutoff;
  if (out && out > input.previousBillDate && out <= input.billDate)
    // The shutoff notice has run its course: no new letter, but the bill still says what is past due.
    return {
      pastDue,
      billsPastDue,
      keptOff: { reason: "out for shutoff", detail: `a crew went out for shutoff on ${out}; no new letter this cycle` },
      notice: notice("reminder", amount, input.dueDate, `${behind}; out for shutoff ${out}`),
    };

  const broken = input.arrangement !== undefined;
  const step = policy.noticeLadder[billsPastDue - 1];
  const reason = `${behind}${broken ? `; payment arrangement not kept (${input.arrangement!.detail})` : ""}`;
  if (amount.amount.lessThan(policy.delinquencyMinimum)) {
    const keptOff = {
      reason: "under the minimum balance" as const,
      detail: `past due ${amount.toCents()} is under ${Money.of(policy.delinquencyMinimum).toCents()}`,
    };
    return step === "none"
      ? { pastDue, billsPastDue, keptOff }
      : { pastDue, billsPastDue, keptOff, notice: notice("reminder", amount, input.dueDate, reason, { arrangementBroken: broken }) };
  }
  if (step === "none") return { pastDue, billsPastDue };
  if (step !== "final notice")
    return { pastDue, billsPastDue, notice: notice(step, amount, input.dueDate, reason, { arrangementBroken: broken }) };

  // At least the policy's business days after mailing, and never before this bill's own due date.
  const noticeDays = calendar.addBusinessDays(mailed, policy.shutoffNoticeBusinessDays);
  const payBy = noticeDays < input.dueDate ? input.dueDate : noticeDays;
  const shutoffDate = calendar.addBusinessDays(payBy, 1);
  const deposit = input.account.deposit.greaterThan(0) ? Money.zero : Money.of(policy.restoreDeposit);
  const hangOn = calendar.subtractBusinessDays(shutoffDate, policy.doorHangerBusinessDays);
  const shutoff: ShutoffTerms = {
    hangOn: hangOn < mailed ? mailed : hangOn,
    shutoffDate,
    fee: Money.of(policy.shutoffFee),
    restoreAmount: amount.plus(deposit),
    depositRequired: deposit,
  };
  return { pastDue, billsPastDue, notice: notice("final notice", amount, payBy, reason, { shutoff, arrangementBroken: broken }) };
}
