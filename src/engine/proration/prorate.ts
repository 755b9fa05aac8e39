import { Dec } from "../decimal";
import { Money } from "../money/money";
import { roundToCents, RoundingMode } from "../money/rounding";
import { fail, ok, Result } from "../problems";

/**
 * Prorates a period amount by days of service: amount x days / cycle days, rounded once to the
 * cent (half-up unless told otherwise). Used for accounts opened or closed mid-cycle.
 */
export function prorate(amount: Dec, days: number, cycleDays: number, rounding: RoundingMode = "halfUp"): Result<Money> {
  if (!(cycleDays > 0)) return fail("INVALID_INPUT", `cycle days must be above zero, got ${cycleDays}`);
  if (!(days >= 0)) return fail("INVALID_INPUT", `days of service must be zero or more, got ${days}`);
  return ok(Money.of(roundToCents(amount.times(days).div(cycleDays), rounding)));
}
