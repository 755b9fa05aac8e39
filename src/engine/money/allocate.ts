import { Dec, ZERO } from "../decimal";
import { assert } from "../assert";
import { Money } from "./money";

/**
 * Splits a whole-cent amount into parts by integer or decimal ratios so the parts sum exactly to
 * the amount (dinero.js `allocate`): each part is floored to the cent, and the cents left over go
 * one by one to the parts in order. 10.03 split [1, 1] is [5.02, 5.01]. Negative amounts split
 * symmetrically (-10.03 gives [-5.02, -5.01]).
 */
export function allocate(amount: Money, ratios: readonly (number | string)[]): Money[] {
  assert(ratios.length > 0, "allocate needs at least one ratio");
  const weights = ratios.map((r) => new Dec(r));
  assert(
    weights.every((w) => w.isFinite() && !w.isNegative()),
    "allocate ratios must be non-negative",
  );
  const totalWeight = weights.reduce((sum, w) => sum.plus(w), ZERO);
  assert(totalWeight.greaterThan(0), "allocate ratios must not all be zero");

  const negative = amount.isNegative();
  const cents = amount.amount.abs().times(100);
  assert(cents.isInteger(), `allocate needs whole cents, got ${amount.toString()}`);

  const shares = weights.map((w) => cents.times(w).div(totalWeight).floor());
  let remainder = cents.minus(shares.reduce((sum, s) => sum.plus(s), ZERO)).toNumber();
  for (let i = 0; remainder > 0; i = (i + 1) % shares.length) {
    if (weights[i].isZero()) continue;
    shares[i] = shares[i].plus(1);
    remainder -= 1;
  }
  return shares.map((s) => Money.of(negative ? s.negated().div(100) : s.div(100)));
}
