import { Dec, ZERO } from "../decimal";
import { roundToStep, RoundingMode } from "../money/rounding";
import { fail, ok, Result } from "../problems";

/** One past billing period: its usage and its length in days. */
export interface UsagePeriod {
  readonly usage: Dec;
  readonly days: number;
}

export interface UsageEstimate {
  /** The estimate rounded to whole billing units. */
  readonly estimate: Dec;
  /** The estimate before rounding. */
  readonly exact: Dec;
  readonly dailyAverage: Dec;
  readonly periodsUsed: number;
}

/**
 * Estimates a period's usage from history (Tyler Munis, "Estimating Meter Reads"): daily average
 * = sum of prior usage / sum of prior days; estimate = daily average x current days, rounded
 * half-up to whole units by default (usage 40, 35, 35 over 31, 29, 30 days for a 30-day cycle is
 * 36.67, billed as 37). Optionally drops the highest and the lowest period first (needs three).
 */
export function estimateUsage(
  history: readonly UsagePeriod[],
  currentDays: number,
  options: { excludeHighLow?: boolean; rounding?: RoundingMode; step?: Dec } = {},
): Result<UsageEstimate> {
  if (!(currentDays > 0)) return fail("INVALID_INPUT", `current days must be above zero, got ${currentDays}`);
  for (const [i, p] of history.entries()) {
    if (p.usage.isNegative() || !(p.days > 0)) {
      return fail("INVALID_INPUT", `history period ${i + 1} needs usage of 0 or more and days above 0 (got ${p.usage}, ${p.days})`);
    }
  }
  let periods = [...history];
  if (options.excludeHighLow) {
    if (periods.length < 3) {
      return fail("INSUFFICIENT_HISTORY", `dropping the highest and lowest periods needs at least 3 periods, got ${periods.length}`);
    }
    periods = dropHighLow(periods);
  }
  if (periods.length === 0) return fail("INSUFFICIENT_HISTORY", "an estimate needs at least one prior period");
  const usage = periods.reduce((sum, p) => sum.plus(p.usage), ZERO);
  const days = periods.reduce((sum, p) => sum + p.days, 0);
  const dailyAverage = usage.div(days);
  const exact = usage.times(currentDays).div(days);
  return ok({
    estimate: roundToStep(exact, options.step ?? new Dec(1), options.rounding ?? "halfUp"),
    exact,
    dailyAverage,
    periodsUsed: periods.length,
  });
}

function dropHighLow(periods: UsagePeriod[]): UsagePeriod[] {
  let high = 0;
  let low = 0;
  periods.forEach((p, i) => {
    if (p.usage.greaterThan(periods[high].usage)) high = i;
    if (p.usage.lessThan(periods[low].usage)) low = i;
  });
  if (high === low) low = high === 0 ? 1 : 0;
  return periods.filter((_, i) => i !== high && i !== low);
}
