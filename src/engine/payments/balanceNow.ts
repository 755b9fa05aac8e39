import { Dec, ZERO } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { Adjustment, Aging, OpeningBalance, Payment } from "../cycle/types";
import { netPaid } from "../cycle/netPaid";
import { applyPayment } from "./applyPayment";

/** One service's share of an account's balance now. */
export interface ServiceBalance {
  readonly service: string;
  /** At the last bill (the Balances sheet). */
  readonly atLastBill: Dec;
  /** Paid since, applied across the services in proportion (applyPayment), as the statement does. */
  readonly paid: Dec;
  /** Adjustments since, signed (a credit is negative). */
  readonly adjusted: Dec;
  /** Adjusted less paid: the change since the last bill. */
  readonly since: Dec;
  readonly now: Dec;
}

/** What the account owes now, by service and by age. */
export interface AccountBalance {
  readonly atLastBill: Dec;
  /** Paid since the last bill, less payments taken back (a returned check's reversal). */
  readonly paidSince: Dec;
  readonly adjustedSince: Dec;
  /** What the account owes now (negative: a credit). */
  readonly now: Dec;
  readonly byService: readonly ServiceBalance[];
  /** The aging at the last bill with payments and credits since taken from the oldest first. */
  readonly aging: Aging<Dec>;
}

/**
 * An account's balance now, the one rule the Account view, a payment batch, `ubill post` and the
 * nightly update use: the balance at the last bill, less what was paid after it (netPaid: a
 * returned payment pays nothing, a reversal takes its payment back), plus the adjustments after
 * it; `before`, when given, leaves out what is dated on or after it (what an account owed as a
 * day began). Payments are split across services as a statement splits them (applyPayment); what
 * is paid beyond the balance is "unapplied", a credit. For the aging, payments and credits pay the
 * oldest amounts first and charges (a reversal is one) are current; a credit beyond everything owed
 * leaves Current negative. The buckets and the services each sum to `now`, exactly.
 */
export function balanceNow(
  opening: OpeningBalance | undefined,
  payments: readonly Payment[],
  adjustments: readonly Adjustment[],
  lastBillDate?: IsoDate,
  before?: IsoDate,
): AccountBalance {
  const counts = (date: IsoDate) => (lastBillDate === undefined || date > lastBillDate) && (before === undefined || date < before);
  const openingByService = opening?.byService ?? new Map<string, Dec>();
  const paidSince = payments.filter((p) => counts(p.date)).reduce((s, p) => s.plus(netPaid(p)), ZERO);
  const since = adjustments.filter((a) => counts(a.date));
  const paidByService = applyPayment(openingByService, paidSince);
  const services = new Map<string, { atLastBill: Dec; paid: Dec; adjusted: Dec }>();
  const entry = (service: string) => {
    const found = services.get(service);
    if (found) return found;
    const made = { atLastBill: ZERO, paid: ZERO, adjusted: ZERO };
    services.set(service, made);
    return made;
  };
  for (const [service, amount] of openingByService) entry(service).atLastBill = amount;
  for (const [service, money] of paidByService) entry(service).paid = money.amount;
  // A payment taken back beyond what was paid since owes again, on the account's payments line.
  if (paidSince.isNegative()) entry("returned payments").paid = paidSince;
  for (const a of since) entry(a.service).adjusted = entry(a.service).adjusted.plus(a.amount);
  const byService = [...services].map(([service, s]) => {
    const change = s.adjusted.minus(s.paid);
    return { service, ...s, since: change, now: s.atLastBill.plus(change) };
  });
  const atLastBill = byService.reduce((s, b) => s.plus(b.atLastBill), ZERO);
  const adjustedSince = since.reduce((s, a) => s.plus(a.amount), ZERO);
  const charges = since.filter((a) => a.amount.greaterThan(0)).reduce((s, a) => s.plus(a.amount), ZERO);
  const credits = adjustedSince.minus(charges).negated();
  const paidDown = Dec.max(paidSince, ZERO);
  const takenBack = paidSince.isNegative() ? paidSince.negated() : ZERO;
  return {
    atLastBill,
    paidSince,
    adjustedSince,
    now: atLastBill.minus(paidSince).plus(adjustedSince),
    byService,
    aging: payOldestFirst(
      opening?.aging ?? { current: ZERO, days30: ZERO, days60: ZERO, days90: ZERO },
      paidDown.plus(credits),
      charges.plus(takenBack),
    ),
  };
}

function payOldestFirst(aging: Aging<Dec>, paid: Dec, charges: Dec): Aging<Dec> {
  let left = paid;
  const take = (bucket: Dec) => {
    if (!left.greaterThan(0) || !bucket.greaterThan(0)) return bucket;
    const applied = Dec.min(left, bucket);
    left = left.minus(applied);
    return bucket.minus(applied);
  };
  const days90 = take(aging.days90);
  const days60 = take(aging.days60);
  const days30 = take(aging.days30);
  const current = take(aging.current);
  return { current: current.plus(charges).minus(left), days30, days60, days90 };
}
