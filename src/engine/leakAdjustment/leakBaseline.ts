import { Dec, ZERO } from "../decimal";
import { addMonths, daysBetween, IsoDate } from "../dates/civilDate";
import { fail, ok, Result } from "../problems";

/** A past bill's usage and its period end date. */
export interface UsageHistoryEntry {
  readonly periodEnd: IsoDate;
  readonly usage: Dec;
}

/** How a policy sets normal usage: the average of the N bills before the leak, or the same bill a year earlier. */
export type BaselineMethod = { readonly kind: "priorAverage"; readonly periods: number } | { readonly kind: "sameMonthLastYear" };

/**
 * Normal usage for a leak bill ending `leakPeriodEnd`: the average of the `periods` bills that end
 * before it (3, 4, 6 or 12 in common policies), or the usage of the bill that ended a year earlier
 * (within 15 days, so a cycle that drifts still matches). Exact; no rounding.
 */
export function leakBaseline(history: readonly UsageHistoryEntry[], leakPeriodEnd: IsoDate, method: BaselineMethod): Result<Dec> {
  const before = history.filter((h) => h.periodEnd < leakPeriodEnd).sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
  if (method.kind === "priorAverage") {
    if (!Number.isInteger(method.periods) || method.periods < 1)
      return fail("INVALID_INPUT", `the baseline needs a whole number of periods, got ${method.periods}`);
    if (before.length < method.periods) {
      return fail(
        "INSUFFICIENT_HISTORY",
        `the baseline averages ${method.periods} prior bills; only ${before.length} end before ${leakPeriodEnd}`,
      );
    }
    const used = before.slice(0, method.periods);
    return ok(used.reduce((sum, h) => sum.plus(h.usage), ZERO).div(used.length));
  }
  const target = addMonths(leakPeriodEnd, -12);
  const match = before.find((h) => Math.abs(daysBetween(target, h.periodEnd)) <= 15);
  if (!match) return fail("INSUFFICIENT_HISTORY", `no bill ends within 15 days of ${target}, a year before the leak bill`);
  return ok(match.usage);
}
