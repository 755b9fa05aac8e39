import type { Dec } from "../decimal";
import { Money } from "../money/money";
import type { Aging } from "./types";

/**
 * Ages a balance after a bill: payments go to the oldest amounts first, then everything moves
 * one bucket older, and this bill's new amounts become current. Anything paid beyond the old
 * balance reduces the current bucket (a credit). The buckets sum to the new balance exactly.
 */
export function ageBalance(opening: Aging<Dec>, paid: Dec, newAmounts: Money): Aging<Money> {
  let left = Money.of(paid);
  // In money (whole cents are integer operations): this runs once per account per cycle.
  const take = (value: Dec) => {
    const bucket = Money.of(value);
    if (!(left.compare(Money.zero) > 0) || !(bucket.compare(Money.zero) > 0)) return bucket;
    if (left.compare(bucket) >= 0) {
      left = left.minus(bucket);
      return Money.zero;
    }
    const rest = bucket.minus(left);
    left = Money.zero;
    return rest;
  };
  const d90 = take(opening.days90);
  const d60 = take(opening.days60);
  const d30 = take(opening.days30);
  const current = take(opening.current);
  return {
    days90: d60.isZero() ? d90 : d90.plus(d60),
    days60: d30,
    days30: current,
    current: left.isZero() ? newAmounts : newAmounts.minus(left),
  };
}

export function agingTotal(aging: Aging<Money>): Money {
  return aging.current.plus(aging.days30).plus(aging.days60).plus(aging.days90);
}
