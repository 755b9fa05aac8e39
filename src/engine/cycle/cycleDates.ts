import { addDays, daysBetween } from "../dates/civilDate";
import type { IsoDate } from "../dates/civilDate";

/** The longest period one bill covers: a monthly cycle is 28-35 days; a quarterly one up to 92. */
export const MAX_PERIOD_DAYS = 100;
/** The latest a bill may be dated after its period ends. */
export const MAX_BILL_DAYS_AFTER_PERIOD = 60;

/**
 * Why a cycle's dates cannot be billed, or undefined when they can: a bill is dated on or after
 * the end of the period it bills, and within 60 days of it (a bill dated before its reads, or years
 * after them, would age every balance and drop the period's payments), for a period of 1 to 100 days.
 */
export function cycleDatesProblem(dates: { billDate: IsoDate; periodStart: IsoDate; periodEnd: IsoDate }): string | undefined {
  const { billDate, periodStart, periodEnd } = dates;
  const days = daysBetween(periodStart, periodEnd);
  if (days < 1 || days > MAX_PERIOD_DAYS)
    return `The period ${periodStart} to ${periodEnd} is ${days} days; a bill covers 1 to ${MAX_PERIOD_DAYS} days. Check the reads' dates or the period given.`;
  if (billDate < periodEnd)
    return `The bill date ${billDate} is before the end of the period it bills (${periodEnd}); date the bill on or after ${periodEnd}.`;
  if (billDate > addDays(periodEnd, MAX_BILL_DAYS_AFTER_PERIOD))
    return `The bill date ${billDate} is more than ${MAX_BILL_DAYS_AFTER_PERIOD} days after the end of the period it bills (${periodEnd}); date it from ${periodEnd} to ${addDays(periodEnd, MAX_BILL_DAYS_AFTER_PERIOD)}.`;
  return undefined;
}
