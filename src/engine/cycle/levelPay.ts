import { Dec, ZERO } from "../decimal";
import { Money } from "../money/money";
import { roundToCents } from "../money/rounding";
import type { LevelPayment } from "./types";

/**
 * Level pay (Pocatello): the customer pays a level amount; the difference from actual charges is
 * deferred; in the true-up month the deferred balance is billed (or credited) and the level
 * amount is recomputed as the average of the last 12 months of actual bills, rounded to the cent.
 */
export function levelPayment(
  level: Dec,
  actual: Money,
  deferredBefore: Dec,
  trueUp: boolean,
  lastTwelveBills: readonly Money[],
): LevelPayment {
  const deferred = deferredBefore.plus(actual.amount).minus(level);
  const base = { amount: Money.of(level), actual, deferredBefore: Money.of(deferredBefore), deferredAfter: Money.of(deferred) };
  if (!trueUp) return base;
  const sum = lastTwelveBills.reduce((s, b) => s.plus(b.amount), ZERO);
  const newAmount = lastTwelveBills.length ? Money.of(roundToCents(sum.div(lastTwelveBills.length))) : Money.of(level);
  return { ...base, trueUp: Money.of(deferred), deferredAfter: Money.zero, newAmount };
}
