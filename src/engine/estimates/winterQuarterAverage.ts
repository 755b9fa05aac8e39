import { Dec, ZERO } from "../decimal";
import { fail, ok, Result } from "../problems";
import type { UsagePeriod } from "./estimateUsage";

/** Days in an average month, as Rio Rancho's ordinance states it. */
export const AVERAGE_MONTH_DAYS = "30.42";

/**
 * The winter-quarter average (Rio Rancho, NM): total consumption of the December, January and
 * February cycles / their total days x 30.42, a monthly volume recomputed each March. Exact; the
 * caller rounds if its ordinance says so. Sewer capped at it bills min(actual, average).
 */
export function winterQuarterAverage(periods: readonly UsagePeriod[], daysPerMonth: Dec = new Dec(AVERAGE_MONTH_DAYS)): Result<Dec> {
  if (periods.length === 0) return fail("INSUFFICIENT_HISTORY", "a winter average needs the winter periods' usage and days");
  for (const [i, p] of periods.entries()) {
    if (p.usage.isNegative() || !(p.days > 0)) {
      return fail("INVALID_INPUT", `winter period ${i + 1} needs usage of 0 or more and days above 0 (got ${p.usage}, ${p.days})`);
    }
  }
  const usage = periods.reduce((sum, p) => sum.plus(p.usage), ZERO);
  const days = periods.reduce((sum, p) => sum + p.days, 0);
  // Multiply before dividing so exact inputs give exact results.
  return ok(usage.times(daysPerMonth).div(days));
}
