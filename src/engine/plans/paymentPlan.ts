import { Dec, ZERO } from "../decimal";
import { addMonths, IsoDate } from "../dates/civilDate";
import { moneyText } from "../money/format";
import { fail, ok, Result } from "../problems";
import type { BusinessCalendar } from "../calendar/businessCalendar";

/** The city's rules for a payment plan (Pocatello does not publish one; these are the domain's common ranges). */
export interface PlanPolicy {
  /** The least down payment, as a percent of the balance (common: 20-50). */
  readonly minimumDownPercent: string;
  /** The most instalments (monthly; common: 2-6, i.e. 60-180 days). */
  readonly maximumInstalments: number;
}

export const DEFAULT_PLAN_POLICY: PlanPolicy = { minimumDownPercent: "25", maximumInstalments: 6 };

export interface PlanRequest {
  readonly account: string;
  /** What the plan covers: the balance owed when it is made. */
  readonly balance: Dec;
  readonly downPayment: Dec;
  readonly instalments: number;
  readonly agreed: IsoDate;
  /** The first instalment's due date; the rest fall a month apart. */
  readonly firstDue: IsoDate;
}

export interface Instalment {
  readonly number: number;
  readonly due: IsoDate;
  readonly amount: Dec;
}

export interface PaymentPlan {
  readonly account: string;
  readonly balance: Dec;
  readonly downPayment: Dec;
  readonly agreed: IsoDate;
  readonly instalments: readonly Instalment[];
  /** The last instalment's due date: the arrangement runs until then. */
  readonly until: IsoDate;
}

/**
 * A payment plan: the balance less the down payment, split into equal monthly instalments in
 * whole cents, the cents the split leaves over going on the first (so the instalments and the down
 * payment sum exactly to the balance). Refused, with the reason, when the down payment is below
 * the policy's share, the instalments are more than it allows, or nothing is left to spread. With
 * the office's calendar, an instalment that would fall on a weekend or holiday is due the next
 * business day (as a bill's due date is).
 */
export function makePlan(
  request: PlanRequest,
  policy: PlanPolicy = DEFAULT_PLAN_POLICY,
  calendar?: Pick<BusinessCalendar, "onOrAfter">,
): Result<PaymentPlan> {
  const { balance, downPayment, instalments: n } = request;
  if (!balance.greaterThan(0)) return fail("INVALID_INPUT", `account ${request.account} owes nothing: a plan needs a balance`);
  if (!Number.isInteger(n) || n < 1 || n > policy.maximumInstalments)
    return fail("INVALID_INPUT", `a plan has 1 to ${policy.maximumInstalments} monthly instalments; asked for ${n}`);
  const minimum = minimumDownPayment(balance, policy);
  if (downPayment.lessThan(minimum))
    return fail(
      "INVALID_INPUT",
      `the down payment must be at least ${policy.minimumDownPercent}% of ${moneyText(balance)}, ${moneyText(minimum)}; offered ${moneyText(downPayment)}`,
    );
  if (!downPayment.equals(downPayment.toDecimalPlaces(2))) return fail("INVALID_INPUT", "the down payment must be whole cents");
  const rest = balance.minus(downPayment);
  if (!rest.greaterThan(0)) return fail("INVALID_INPUT", `a down payment of ${moneyText(downPayment)} pays the balance: no plan is needed`);
  if (request.firstDue < request.agreed)
    return fail("INVALID_INPUT", `the first instalment is due ${request.firstDue}, before the plan is agreed on ${request.agreed}`);
  const restCents = rest.times(100);
  const each = restCents.divToInt(n);
  const left = restCents.minus(each.times(n));
  const instalments: Instalment[] = Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    due: calendar ? calendar.onOrAfter(addMonths(request.firstDue, i)) : addMonths(request.firstDue, i),
    amount: (i === 0 ? each.plus(left) : each).div(100),
  }));
  return ok({
    account: request.account,
    balance,
    downPayment,
    agreed: request.agreed,
    instalments,
    until: instalments[n - 1].due,
  });
}

export type InstalmentState = "kept" | "missed" | "due" | "not yet due";

/** The least down payment the policy accepts on a balance (rounded up to the cent). */
export function minimumDownPayment(balance: Dec, policy: PlanPolicy = DEFAULT_PLAN_POLICY): Dec {
  return Dec.max(balance, ZERO).times(policy.minimumDownPercent).div(100).toDecimalPlaces(2, Dec.ROUND_UP);
}

/** Pending: agreed today, not in effect until the down payment is paid (by the end of the day). */
export type PlanState = "pending" | "kept" | "missed" | "paid off";

export interface PlanStatus {
  readonly state: PlanState;
  readonly instalments: readonly (Instalment & { readonly state: InstalmentState; readonly paid: Dec })[];
  /** What is still owed on the plan. */
  readonly remaining: Dec;
  /** Why, in words, for the Account view and the Delinquency List. */
  readonly reason: string;
}

/**
 * Where a plan stands on a date, from what the account has paid since it was agreed (the down
 * payment first, then the instalments in order, each paid in full before the next): an
 * instalment not covered by its due date is missed, and a missed instalment breaks the plan (the
 * account returns to the notice ladder); all paid is paid off. The plan is in effect once the down
 * payment is paid: unpaid on the day it is agreed, the plan is pending; unpaid after that day,
 * it is missed.
 */
export function planStatus(plan: PaymentPlan, paidSinceAgreed: readonly { date: IsoDate; amount: Dec }[], asOf: IsoDate): PlanStatus {
  const paidBy = (date: IsoDate) => paidSinceAgreed.filter((p) => p.date <= date).reduce((s, p) => s.plus(p.amount), ZERO);
  const total = paidBy(asOf);
  let needed = plan.downPayment;
  let missed: Instalment | undefined;
  const instalments = plan.instalments.map((i) => {
    needed = needed.plus(i.amount);
    const paidByDue = paidBy(i.due);
    const covered = Dec.min(Dec.max(total.minus(needed.minus(i.amount)), ZERO), i.amount);
    const state: InstalmentState = paidByDue.greaterThanOrEqualTo(needed)
      ? "kept"
      : i.due < asOf
        ? "missed"
        : i.due === asOf
          ? "due"
          : "not yet due";
    if (state === "missed" && !missed) missed = i;
    return { ...i, state, paid: covered };
  });
  const remaining = Dec.max(plan.balance.minus(total), ZERO);
  if (remaining.isZero()) return { state: "paid off", instalments, remaining, reason: `plan paid off (${moneyText(plan.balance)})` };
  const down = paidBy(plan.agreed).greaterThanOrEqualTo(plan.downPayment);
  if (!down && total.lessThan(plan.downPayment)) {
    if (asOf <= plan.agreed)
      return {
        state: "pending",
        instalments,
        remaining,
        reason: `not in effect until the down payment of ${moneyText(plan.downPayment)} is paid, today (${plan.agreed})`,
      };
    return {
      state: "missed",
      instalments,
      remaining,
      reason: `the down payment of ${moneyText(plan.downPayment)} due ${plan.agreed} was not paid; the plan never took effect and the account stays on the notice ladder`,
    };
  }
  if (!down && plan.agreed < asOf)
    return {
      state: "missed",
      instalments,
      remaining,
      reason: `the down payment of ${moneyText(plan.downPayment)} due ${plan.agreed} was paid late; the plan never took effect and the account stays on the notice ladder`,
    };
  if (missed)
    return {
      state: "missed",
      instalments,
      remaining,
      reason: `instalment ${missed.number} of ${moneyText(missed.amount)} due ${missed.due} was not paid; the plan is broken and the account returns to the notice ladder`,
    };
  return { state: "kept", instalments, remaining, reason: `plan kept: ${moneyText(remaining)} left, until ${plan.until}` };
}
