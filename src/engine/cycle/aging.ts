import { Dec, ZERO } from "../decimal";
import { Money } from "../money/money";
import type { Aging } from "./types";

/**
 * Ages a balance after a bill: payments go to the oldest amounts first, then everything moves
 * one bucket older, and this bill's new amounts become current. Anything paid beyond the old
 * balance reduces the current bucket (a credit). The buckets sum to the new balance exactly.
 */
export function ageBalance(opening: Aging<Dec>, paid: Dec, newAmounts: Dec): Aging<Money> {
  let left = paid;
  // Comparisons rather than min/max: this runs once per account per cycle.
  const take = (bucket: Dec) => {
    if (!left.greaterThan(ZERO) || !bucket.greaterThan(ZERO)) return bucket;
    if (left.greaterThanOrEqualTo(bucket)) {
      left = left.minus(bucket);
      return ZERO;
    }
    const rest = bucket.minus(left);
    left = ZERO;
    return rest;
  };
  const d90 = take(opening.days90);
  const d60 = take(opening.days60);
  const d30 = take(opening.days30);
  const current = take(opening.current);
  return {
    days90: Money.of(d60.isZero() ? d90 : d90.plus(d60)),
    days60: Money.of(d30),
    days30: Money.of(current),
    current: Money.of(left.isZero() ? newAmounts : newAmounts.minus(left)),
  };
}

export function agingTotal(aging: Aging<Money>): Money {
  return aging.current.plus(aging.days30).plus(aging.days60).plus(aging.days90);
}
