import { Dec, ZERO } from "../decimal";
import { allocate } from "../money/allocate";
import { Money } from "../money/money";

/**
 * A payment (or a day's net payments) applied to what an account owes by service, in proportion
 * to each service's share, cents kept exact by allocate; what is beyond the balance is "unapplied"
 * (a credit). The statement's "paid by service" and the Daily Activity's cash by service use this one rule.
 */
export function applyPayment(byService: ReadonlyMap<string, Dec> | undefined, paid: Dec): Map<string, Money> {
  const result = new Map<string, Money>();
  // Nothing paid applies to nothing (most accounts in most cycles until the payments arrive).
  if (paid.isZero()) return result;
  const owed = [...(byService ?? new Map<string, Dec>())].filter(([, v]) => v.greaterThan(0));
  const total = owed.reduce((s, [, v]) => s.plus(v), ZERO);
  const applied = Dec.min(paid, total);
  if (applied.equals(total)) for (const [service, amount] of owed) result.set(service, Money.of(amount));
  else if (applied.greaterThan(0)) {
    const shares = allocate(
      Money.of(applied),
      owed.map(([, v]) => v.times(100).toFixed(0)),
    );
    owed.forEach(([service], i) => result.set(service, shares[i]));
  }
  if (paid.greaterThan(applied)) result.set("unapplied", Money.of(paid.minus(applied)));
  return result;
}
