import { ZERO } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import { quantityText } from "../money/format";
import { fail, ok, Result } from "../problems";
import { estimateUsage } from "../estimates/estimateUsage";
import type { UsageRecord } from "../edits/types";
import type { HistoryEstimate } from "./types";

/** Periods of history an estimate averages: the last year. */
export const ESTIMATE_PERIODS = 12;

/**
 * Estimates `days` of usage from the account's history before `periodEnd` (Tyler Munis,
 * "Estimating Meter Reads"): the daily average of up to the last 12 periods that record their
 * days, times the days, rounded half-up to whole billing units. No history with days: no estimate.
 */
export function estimateFromHistory(
  account: string,
  history: readonly UsageRecord[] | undefined,
  periodEnd: IsoDate,
  days: number,
): Result<HistoryEstimate> {
  const prior: { usage: UsageRecord["usage"]; days: number }[] = [];
  for (const h of history ?? [])
    if (h.days !== undefined && h.days > 0 && h.periodEnd < periodEnd) prior.push({ usage: h.usage, days: h.days });
  const periods = prior.slice(-ESTIMATE_PERIODS);
  if (periods.length === 0) return fail("INSUFFICIENT_HISTORY", `account ${account} has no usage history with days to estimate from`);
  const estimate = estimateUsage(periods, days);
  if (!estimate.ok) return estimate;
  const e = estimate.value;
  return ok({
    usage: e.estimate.isNegative() ? ZERO : e.estimate,
    dailyAverage: e.dailyAverage,
    periodsUsed: e.periodsUsed,
    days,
    method: `daily average of ${e.periodsUsed} prior period${e.periodsUsed === 1 ? "" : "s"} (${quantityText(e.dailyAverage.toDecimalPlaces(2))} a day) x ${days} days`,
  });
}
