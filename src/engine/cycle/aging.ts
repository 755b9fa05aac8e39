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
  const take = (bucket: Dec) => {
    const used = Dec.min(Dec.max(left, ZERO), Dec.max(bucket, ZERO));
    left = left.minus(used);
    return bucket.minus(used);
  };
  const d90 = take(opening.days90);
  const d60 = take(opening.days60);
  const d30 = take(opening.days30);
  const current = take(opening.current);
  return {
    days90: Money.of(d90.plus(d60)),
    days60: Money.of(d30),
    days30: Money.of(current),
    current: Money.of(newAmounts.minus(left)),
  };
}

export function agingTotal(aging: Aging<Money>): Money {
  return aging.current.plus(aging.days30).plus(aging.days60).plus(aging.days90);
}
