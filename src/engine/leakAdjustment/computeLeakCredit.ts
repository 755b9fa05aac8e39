import { Dec, ZERO } from "../decimal";
import { addMonths, IsoDate } from "../dates/civilDate";
import { Money, sumMoney } from "../money/money";
import { roundToCents, roundToStep } from "../money/rounding";
import { fail, ok, Result } from "../problems";
import { computeBill } from "../bills/computeBill";
import type { BillInput } from "../bills/types";
import { selectVersion } from "../rates/selectVersion";
import { convertVolume } from "../units/volume";
import type { RateSchedule } from "../rates/types";
import type { LeakCredit, LeakPeriod, LeakPeriodCredit, LeakPolicy } from "./types";

export interface LeakRequest {
  readonly schedule: RateSchedule;
  /**
   * The account's bill inputs other than usage and date (class, meter size, units, carts). Not
   * monthly usage: the credit reprices the bill at other usages, so a schedule with blocks per
   * month is repriced with its limits times the period's months.
   */
  readonly account: Omit<BillInput, "usage" | "asOf" | "services" | "monthlyUsage">;
  readonly periods: readonly LeakPeriod[];
  /** Normal usage per period (the average of prior periods, or the same period last year). */
  readonly baseline: Dec;
  readonly policy: LeakPolicy;
  /** Dates of earlier leak adjustments on the account, for the frequency limit. */
  readonly previousAdjustments: readonly IsoDate[];
  /** The date the adjustment is granted. */
  readonly asOf: IsoDate;
}

/**
 * A leak credit (Wildwood, NJ and common policies): per leak bill, excess = usage - baseline;
 * credited volume = excess x share, rounded up to the billing unit in the customer's favour and
 * never above the excess; water credit = the bill's water at its usage minus at (usage -
 * credited), each repriced with the rates in effect then; with "lowestBlock" pricing the
 * credited volume is re-billed at the lowest block price. With sewer adjustment, sewer is
 * re-billed on the baseline. Each credit is a sum of rounded lines, so it is exact to the cent.
 */
export function computeLeakCredit(request: LeakRequest): Result<LeakCredit> {
  const { policy } = request;
  const limit = frequencyProblem(request);
  if (limit) return fail("LEAK_TOO_SOON", limit);
  if (policy.maxPeriods !== undefined && request.periods.length > policy.maxPeriods) {
    return fail(
      "LEAK_TOO_MANY_PERIODS",
      `the policy credits at most ${policy.maxPeriods} leak bill(s); ${request.periods.length} were given`,
    );
  }
  if (request.baseline.isNegative()) return fail("INVALID_INPUT", `the baseline must be zero or more, got ${request.baseline}`);
  const periods: LeakPeriodCredit[] = [];
  for (const period of request.periods) {
    const credit = creditFor(request, period);
    if (!credit.ok) return credit;
    periods.push(credit.value);
  }
  return ok({
    periods,
    creditedVolume: periods.reduce((sum, p) => sum.plus(p.creditedVolume), ZERO),
    total: sumMoney(periods.map((p) => p.credit)),
  });
}

function frequencyProblem(request: LeakRequest): string | undefined {
  const { frequency } = request.policy;
  if (frequency === undefined || request.previousAdjustments.length === 0) return undefined;
  const last = [...request.previousAdjustments].sort().at(-1)!;
  if (frequency === "once") return `the policy allows one leak adjustment per account, and one was granted on ${last}`;
  const next = addMonths(last, frequency);
  return request.asOf < next
    ? `the policy allows one leak adjustment every ${frequency} months; the last was ${last}, the next may be granted from ${next}`
    : undefined;
}

function creditFor(request: LeakRequest, period: LeakPeriod): Result<LeakPeriodCredit> {
  const { policy, baseline } = request;
  const excess = Dec.max(ZERO, period.usage.minus(baseline));
  const rounded = roundToStep(excess.times(policy.creditShare), policy.creditStep, policy.creditRounding);
  const creditedVolume = Dec.min(rounded, excess);
  const total = (usage: Dec, services: readonly string[]) => chargeFor(request, period.asOf, usage, services);

  const waterNow = total(period.usage, policy.waterServices);
  if (!waterNow.ok) return waterNow;
  const waterAfter = total(period.usage.minus(creditedVolume), policy.waterServices);
  if (!waterAfter.ok) return waterAfter;
  const waterBaseline = total(period.usage.minus(excess), policy.waterServices);
  if (!waterBaseline.ok) return waterBaseline;
  let waterCredit = waterNow.value.minus(waterAfter.value);
  if (policy.pricing === "lowestBlock") {
    const rebill = lowestBlockCharge(request, period.asOf, creditedVolume);
    if (!rebill.ok) return rebill;
    waterCredit = waterCredit.minus(rebill.value);
    if (waterCredit.isNegative()) waterCredit = Money.zero;
  }
  let sewerCredit = Money.zero;
  if (policy.adjustSewer) {
    const sewerNow = total(period.usage, policy.sewerServices);
    const sewerBase = total(Dec.min(period.usage, baseline), policy.sewerServices);
    if (!sewerNow.ok) return sewerNow;
    if (!sewerBase.ok) return sewerBase;
    sewerCredit = sewerNow.value.minus(sewerBase.value);
  }
  return ok({
    asOf: period.asOf,
    usage: period.usage,
    baseline,
    excess,
    creditedVolume,
    waterCredit,
    sewerCredit,
    credit: waterCredit.plus(sewerCredit),
    excessCharge: waterNow.value.minus(waterBaseline.value),
  });
}

function chargeFor(request: LeakRequest, asOf: IsoDate, usage: Dec, services: readonly string[]): Result<Money> {
  const bill = computeBill(request.schedule, { ...request.account, usage, asOf, services });
  return bill.ok ? ok(bill.value.total) : bill;
}

/** The credited volume billed at the first block price of each water blocks charge in effect. */
function lowestBlockCharge(request: LeakRequest, asOf: IsoDate, volume: Dec): Result<Money> {
  const version = selectVersion(request.schedule, asOf);
  if (!version.ok) return version;
  let amount = Money.zero;
  for (const charge of version.value.charges) {
    if (charge.kind !== "blocks" || !request.policy.waterServices.includes(charge.service)) continue;
    const inUnit = convertVolume({ amount: volume, unit: request.schedule.usageUnit }, charge.unit).amount;
    amount = amount.plus(Money.of(roundToCents(inUnit.times(charge.blocks[0].price), request.schedule.rounding)));
  }
  return ok(amount);
}
