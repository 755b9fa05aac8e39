import { Dec } from "../decimal";
import { fail, ok, Result } from "../problems";
import { moneyText } from "../money/format";
import type { RateSchedule } from "../rates/types";
import { scaleSchedule } from "./scaleSchedule";

export interface SolveRequest {
  /** The schedule whose prices move (all of them, or the charge `chargeId`). */
  readonly base: RateSchedule;
  /** The revenue to reach over the bills, in dollars. */
  readonly target: Dec;
  readonly chargeId?: string;
  /** The bills' revenue under a schedule (revenueUnder over the tabulated bills). */
  readonly revenueOf: (schedule: RateSchedule) => Result<Dec>;
  /** The change is a whole number of these percentage points: 0.01 by default. */
  readonly step?: Dec;
}

export interface Solved {
  /** The smallest change, in steps, whose revenue is at or above the target. */
  readonly percent: Dec;
  readonly schedule: RateSchedule;
  readonly revenue: Dec;
  /** One step less, for the record: its revenue is below the target (undefined at the floor). */
  readonly below?: { readonly percent: Dec; readonly revenue: Dec };
  /** Revenues worked out to find it. */
  readonly evaluations: number;
}

const FLOOR = new Dec(-99.99);
const CEILING = new Dec(1000);

/**
 * The uniform percentage change of a schedule's prices (or of one charge's) that meets a revenue
 * target: the smallest change, in whole steps of 0.01 points, whose re-priced bills bring in at
 * least the target. Bills are rounded line by line, so revenue moves in steps, not smoothly: the
 * answer is exact in that its revenue is the exact sum of its bills, at or above the target, and
 * one step less falls short. Revenue rises with the prices, so a secant guess from two revenues and
 * a bisection over whole steps find it in a few evaluations.
 */
export function solveRevenue(request: SolveRequest): Result<Solved> {
  const step = request.step ?? new Dec("0.01");
  if (!step.greaterThan(0)) return fail("INVALID_INPUT", "the solver's step must be above zero");
  const cache = new Map<string, { schedule: RateSchedule; revenue: Dec }>();
  let failure: string | undefined;
  const at = (k: number) => {
    const percent = step.times(k);
    const key = percent.toString();
    const known = cache.get(key);
    if (known) return known;
    const schedule = k === 0 ? request.base : scaleSchedule(request.base, percent, request.chargeId);
    const revenue = request.revenueOf(schedule);
    if (!revenue.ok) {
      failure ??= revenue.problem.message;
      return undefined;
    }
    const found = { schedule, revenue: revenue.value };
    cache.set(key, found);
    return found;
  };
  const meets = (k: number) => {
    const r = at(k);
    return r === undefined ? undefined : r.revenue.greaterThanOrEqualTo(request.target);
  };
  const lowest = FLOOR.div(step).ceil().toNumber();
  const highest = CEILING.div(step).floor().toNumber();
  const zero = at(0);
  if (!zero) return fail("INVALID_INPUT", failure!);
  // A secant guess: revenue at +10% (or the step nearest it) against revenue now.
  const probe = Math.max(1, Math.round(10 / step.toNumber()));
  const ten = at(probe);
  if (!ten) return fail("INVALID_INPUT", failure!);
  const slope = ten.revenue.minus(zero.revenue).div(probe);
  if (!slope.greaterThan(0))
    return fail(
      "INVALID_INPUT",
      `the revenue does not move with ${request.chargeId ? `charge ${request.chargeId}` : "the prices"}: no change meets the target`,
    );
  let guess = Math.min(highest, Math.max(lowest, request.target.minus(zero.revenue).div(slope).ceil().toNumber()));
  // Bracket: lo fails, hi meets; widen from the guess by doubling.
  let lo: number;
  let hi: number;
  const first = meets(guess);
  if (first === undefined) return fail("INVALID_INPUT", failure!);
  if (first) {
    hi = guess;
    let width = 1;
    lo = guess - width;
    for (;;) {
      if (lo < lowest) {
        // Even the deepest cut meets the target: the rest of the bills bring in more than it.
        const floor = at(lowest);
        if (floor && floor.revenue.greaterThanOrEqualTo(request.target))
          return fail(
            "INVALID_INPUT",
            `even ${FLOOR.toString()}% ${request.chargeId ? `on charge ${request.chargeId}` : "on every price"} brings in ${moneyText(floor.revenue)}, more than the target ${moneyText(request.target)}: no change brings in as little`,
          );
        lo = lowest;
        continue;
      }
      const m = meets(lo);
      if (m === undefined) return fail("INVALID_INPUT", failure!);
      if (!m) break;
      hi = lo;
      width *= 2;
      lo = hi - width;
    }
  } else {
    lo = guess;
    let width = 1;
    hi = guess + width;
    for (;;) {
      if (hi > highest) return fail("INVALID_INPUT", `no change up to ${CEILING.toString()}% brings in ${moneyText(request.target)}`);
      const m = meets(hi);
      if (m === undefined) return fail("INVALID_INPUT", failure!);
      if (m) break;
      lo = hi;
      width *= 2;
      hi = lo + width;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const m = meets(mid);
    if (m === undefined) return fail("INVALID_INPUT", failure!);
    if (m) hi = mid;
    else lo = mid;
  }
  const found = at(hi)!;
  const below = lo >= lowest ? at(lo) : undefined;
  guess = hi;
  return ok({
    percent: step.times(guess),
    schedule: found.schedule,
    revenue: found.revenue,
    below: below ? { percent: step.times(lo), revenue: below.revenue } : undefined,
    evaluations: cache.size,
  });
}
