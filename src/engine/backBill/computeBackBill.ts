import { Dec, ONE } from "../decimal";
import { addMonths, IsoDate } from "../dates/civilDate";
import { allocate } from "../money/allocate";
import { Money, sumMoney } from "../money/money";
import { roundToCents } from "../money/rounding";
import { fail, ok, Result } from "../problems";
import { computeBill } from "../bills/computeBill";
import type { BillInput } from "../bills/types";
import type { RateSchedule } from "../rates/types";

export interface BackBillPeriod {
  /** The period's end date: the rates in effect then reprice it. */
  readonly asOf: IsoDate;
  readonly billedUsage: Dec;
  /** What should have been billed; absent, the policy's multiplier correction gives it. */
  readonly correctedUsage?: Dec;
}

export interface BackBillPolicy {
  /** Only periods ending within this many months before the back-bill date are billed. */
  readonly lookbackMonths?: number;
  /** Share of an undercharge billed (0.5 for slow meters at some utilities); refunds are whole. */
  readonly undercharge: Dec;
  /** An undercharge below this amount is not billed. */
  readonly minimumAmount?: Dec;
  /** Corrected usage = billed usage x corrected / billed multiplier (a meter set up without x10). */
  readonly multiplier?: { readonly billed: Dec; readonly corrected: Dec };
  /** Split the amount into this many equal instalments that sum exactly. */
  readonly instalments?: number;
}

export interface BackBillPeriodResult {
  readonly asOf: IsoDate;
  readonly billedUsage: Dec;
  readonly correctedUsage: Dec;
  readonly billed: Money;
  readonly corrected: Money;
  /** corrected - billed: positive when the customer was undercharged. */
  readonly difference: Money;
  readonly included: boolean;
  readonly reason?: string;
}

export interface BackBill {
  readonly periods: readonly BackBillPeriodResult[];
  /** Sum of the included periods' differences, before share and minimum. */
  readonly difference: Money;
  /** The signed amount to bill (positive) or credit (negative). */
  readonly amount: Money;
  readonly belowMinimum: boolean;
  readonly instalments: readonly Money[];
}

/**
 * A back-bill or re-bill: every affected period is priced twice with the schedule version in
 * effect on its end date (and, when `account` is a function of the date, the account as it was then), once on the usage billed and once on the corrected usage; periods
 * older than the look-back are listed but not billed. An undercharge may be billed at a share
 * (slow meters) and is not billed below a minimum; the amount is rounded once and split into
 * equal instalments that sum exactly (money/allocate).
 */
export function computeBackBill(
  schedule: RateSchedule,
  account: Omit<BillInput, "usage" | "asOf"> | ((asOf: IsoDate) => Omit<BillInput, "usage" | "asOf">),
  periods: readonly BackBillPeriod[],
  policy: BackBillPolicy,
  asOf: IsoDate,
): Result<BackBill> {
  if (policy.undercharge.isNegative() || policy.undercharge.greaterThan(ONE)) {
    return fail("INVALID_INPUT", `the undercharge share must be between 0 and 1, got ${policy.undercharge}`);
  }
  const earliest = policy.lookbackMonths === undefined ? undefined : addMonths(asOf, -policy.lookbackMonths);
  const results: BackBillPeriodResult[] = [];
  for (const period of periods) {
    const corrected = correctedUsage(period, policy);
    if (!corrected.ok) return corrected;
    // The account as it was in the period (its class, size, units and carts then), when its history is given.
    const then = typeof account === "function" ? account(period.asOf) : account;
    const billed = computeBill(schedule, { ...then, usage: period.billedUsage, asOf: period.asOf });
    if (!billed.ok) return billed;
    const rebilled = computeBill(schedule, { ...then, usage: corrected.value, asOf: period.asOf });
    if (!rebilled.ok) return rebilled;
    const outside = earliest !== undefined && period.asOf < earliest;
    results.push({
      asOf: period.asOf,
      billedUsage: period.billedUsage,
      correctedUsage: corrected.value,
      billed: billed.value.total,
      corrected: rebilled.value.total,
      difference: rebilled.value.total.minus(billed.value.total),
      included: !outside,
      reason: outside ? `ends before the ${policy.lookbackMonths}-month look-back (${earliest})` : undefined,
    });
  }
  const difference = sumMoney(results.filter((r) => r.included).map((r) => r.difference));
  let amount = difference.isNegative() ? difference : Money.of(roundToCents(difference.amount.times(policy.undercharge)));
  const belowMinimum = !amount.isNegative() && policy.minimumAmount !== undefined && amount.amount.lessThan(policy.minimumAmount);
  if (belowMinimum) amount = Money.zero;
  const count = policy.instalments ?? 1;
  if (!Number.isInteger(count) || count < 1) return fail("INVALID_INPUT", `instalments must be a whole number of 1 or more, got ${count}`);
  return ok({
    periods: results,
    difference,
    amount,
    belowMinimum,
    instalments: allocate(
      amount,
      Array.from({ length: count }, () => 1),
    ),
  });
}

function correctedUsage(period: BackBillPeriod, policy: BackBillPolicy): Result<Dec> {
  if (period.correctedUsage !== undefined) return ok(period.correctedUsage);
  if (!policy.multiplier) return fail("INVALID_INPUT", `period ending ${period.asOf} needs corrected usage or a multiplier correction`);
  if (!policy.multiplier.billed.greaterThan(0)) return fail("INVALID_INPUT", "the billed multiplier must be above zero");
  return ok(period.billedUsage.times(policy.multiplier.corrected).div(policy.multiplier.billed));
}
