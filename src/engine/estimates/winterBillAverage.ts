import { Dec, ZERO } from "../decimal";
import { fail, ok, Result } from "../problems";

/**
 * The winter average as the mean of the winter bills' usage: their total / how many there are,
 * whatever days each bill covers (Box Elder Sanitation: December 4,000, January 5,000 and
 * February 3,000 gallons average 4,000; Gig Harbor, WA: two bi-monthly bills of 20 and 10 CCF
 * average 15 CCF, a cap per two-month bill). A volume per bill in the bills' unit, exact; the
 * caller rounds if its ordinance says so. `winterQuarterAverage` is the per-day-of-service rule.
 */
export function winterBillAverage(usages: readonly Dec[]): Result<Dec> {
  if (usages.length === 0) return fail("INSUFFICIENT_HISTORY", "a winter average needs the usage of at least one winter bill");
  for (const [i, usage] of usages.entries()) {
    if (!usage.isFinite() || usage.isNegative())
      return fail("INVALID_INPUT", `winter bill ${i + 1} needs usage of 0 or more (got ${usage})`);
  }
  return ok(usages.reduce((sum, u) => sum.plus(u), ZERO).div(usages.length));
}
