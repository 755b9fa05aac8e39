import type { Dec } from "../decimal";
import { centsOf, Fixed, fixedOf, times } from "./fixedPoint";
import { Money } from "./money";
import { roundToCents, RoundingMode } from "./rounding";

/** Fixed-point forms of the schedule's own decimals (prices, limits), worked out once each. */
const held = new WeakMap<Dec, Fixed | null>();

/** `value` as a fixed-point integer, remembered for the decimal object (schedules' prices are shared by every bill). */
export function fixedOfShared(value: Dec): Fixed | undefined {
  let f = held.get(value);
  if (f === undefined) held.set(value, (f = fixedOf(value) ?? null));
  return f ?? undefined;
}

/**
 * A bill line's amount: quantity x price rounded once to the cent in `mode`. In fixed point when
 * both are held exactly and the product stays within 2^53; otherwise in decimal.js. Either way the
 * same cents (test/engine/money/fixedPoint.test.ts).
 */
export function lineAmount(quantity: Dec, price: Dec, mode: RoundingMode): Money {
  const p = fixedOfShared(price);
  const q = p && fixedOf(quantity);
  if (q) {
    const cents = centsOf(times(q.n, p!.n), q.e + p!.e, mode);
    if (!Number.isNaN(cents)) return Money.fromCents(cents);
  }
  return Money.of(roundToCents(quantity.times(price), mode));
}
