import { Dec, ZERO } from "../decimal";
import { allocate } from "../money/allocate";
import { Money, wholeCents } from "../money/money";

/**
 * A payment (or a day's net payments) applied to what an account owes by service, in proportion
 * to each service's share, cents kept exact by allocate; what is beyond the balance is "unapplied"
 * (a credit). The statement's "paid by service" and the Daily Activity's cash by service use this one rule.
 */
export function applyPayment(byService: ReadonlyMap<string, Dec> | undefined, paid: Dec): Map<string, Money> {
  const result = new Map<string, Money>();
  // Nothing paid applies to nothing (most accounts in most cycles until the payments arrive).
  if (paid.isZero()) return result;
  const pairs = inCents(byService, paid);
  if (!pairs) return applyPaymentDecimal(byService, paid);
  for (const p of pairs) result.set(p.service, p.amount);
  return result;
}

const NOTHING_PAID: readonly { readonly service: string; readonly amount: Money }[] = Object.freeze([]);

/** applyPayment as a list of service and amount, in the same order: what a statement keeps (one shared empty list when nothing was paid). */
export function applyPaymentPairs(
  byService: ReadonlyMap<string, Dec> | undefined,
  paid: Dec,
): readonly { readonly service: string; readonly amount: Money }[] {
  if (paid.isZero()) return NOTHING_PAID;
  const pairs = inCents(byService, paid);
  if (pairs) return pairs;
  const out: { service: string; amount: Money }[] = [];
  applyPaymentDecimal(byService, paid).forEach((amount, service) => out.push({ service, amount }));
  return out;
}

/** applyPayment in decimal.js: for amounts finer than a cent, and the reference its cents are tested against. */
export function applyPaymentDecimal(byService: ReadonlyMap<string, Dec> | undefined, paid: Dec): Map<string, Money> {
  const result = new Map<string, Money>();
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

/**
 * The same rule in integer cents, when the payment and every amount owed are whole cents: the
 * shares of allocate (each floored to the cent, the cents left over one by one in order). False,
 * with nothing set, when an amount is not whole cents or a product would leave the safe integers.
 */
function inCents(byService: ReadonlyMap<string, Dec> | undefined, paidDec: Dec): { service: string; amount: Money }[] | undefined {
  const paid = wholeCents(paidDec);
  if (Number.isNaN(paid)) return undefined;
  const services: string[] = [];
  const owed: number[] = [];
  let total = 0;
  let whole = true;
  // forEach rather than for-of: no [service, amount] pair is made for each entry.
  byService?.forEach((amount, service) => {
    const c = wholeCents(amount);
    if (Number.isNaN(c)) whole = false;
    else if (c > 0) {
      services.push(service);
      owed.push(c);
      total += c;
    }
  });
  if (!whole) return undefined;
  const result: { service: string; amount: Money }[] = [];
  const applied = Math.min(paid, total);
  if (applied === total) for (let i = 0; i < services.length; i++) result.push({ service: services[i], amount: Money.fromCents(owed[i]) });
  else if (applied > 0) {
    if (owed.some((w) => !Number.isSafeInteger(applied * w))) return undefined;
    // Floored by the remainder, not by a division that a double could round up to the next cent.
    const shares = owed.map((w) => (applied * w - ((applied * w) % total)) / total);
    let left = applied - shares.reduce((a, b) => a + b, 0);
    for (let i = 0; left > 0; i = (i + 1) % shares.length, left--) shares[i]++;
    for (let i = 0; i < services.length; i++) result.push({ service: services[i], amount: Money.fromCents(shares[i]) });
  }
  if (paid > applied) {
    // As a map would: a balance already named "unapplied" (a credit is not owed) gives its place to the overpayment.
    const amount = Money.fromCents(paid - applied);
    const at = result.findIndex((p) => p.service === "unapplied");
    if (at >= 0) result[at] = { service: "unapplied", amount };
    else result.push({ service: "unapplied", amount });
  }
  return result;
}
