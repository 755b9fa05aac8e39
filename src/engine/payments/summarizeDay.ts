import { Dec, ZERO } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import { applyPayment } from "./applyPayment";
import type { PostedBatch } from "./postBatch";
import type { PaymentChannel } from "./types";

/** A payment returned today: reversed, with its fee. */
export interface DayReturn {
  readonly account: string;
  readonly amount: Dec;
  readonly fee: Dec;
  readonly reason: string;
}

/** An adjustment made today, by its kind (leak credit, back-bill, credit, charge). */
export interface DayAdjustment {
  readonly account: string;
  readonly kind: string;
  readonly amount: Dec;
}

export interface DayInput {
  readonly date: IsoDate;
  readonly batches: readonly PostedBatch[];
  readonly returns: readonly DayReturn[];
  readonly adjustments: readonly DayAdjustment[];
  readonly opened: readonly string[];
  readonly closed: readonly string[];
  readonly workOrders: number;
  /** What each account owed by service before the day's payments (for cash by service). */
  readonly owedByService: ReadonlyMap<string, ReadonlyMap<string, Dec>>;
}

export interface Tally {
  readonly count: number;
  readonly total: Dec;
}

/** The day a supervisor ties to the bank deposit. */
export interface DailyActivity {
  readonly date: IsoDate;
  readonly byChannel: ReadonlyMap<PaymentChannel, Tally>;
  /** Cash received split over the services it paid, in proportion to what each was owed; "unapplied" is credit. */
  readonly byService: ReadonlyMap<string, Dec>;
  readonly batches: readonly { readonly id: string; readonly channel: PaymentChannel; readonly count: number; readonly total: Dec }[];
  readonly received: Tally;
  readonly returned: Tally & { readonly fees: Dec };
  readonly adjustmentsByKind: ReadonlyMap<string, Tally>;
  readonly opened: number;
  readonly closed: number;
  readonly workOrders: number;
  /** Received less returned: what the day's deposits and debits should come to at the bank. */
  readonly net: Dec;
}

const add = (t: Tally | undefined, amount: Dec): Tally => ({ count: (t?.count ?? 0) + 1, total: (t?.total ?? ZERO).plus(amount) });

/**
 * The nightly update's Daily Activity: cash received by channel and by service, each batch with its
 * total, returned items and their fees, adjustments by kind, accounts opened and closed, work orders
 * issued. Every total is the exact sum of what was posted: nothing is estimated or rounded again.
 */
export function summarizeDay(input: DayInput): DailyActivity {
  const byChannel = new Map<PaymentChannel, Tally>();
  const byService = new Map<string, Dec>();
  let received: Tally = { count: 0, total: ZERO };
  // Each account's payments today, applied together to what it owed.
  const paidByAccount = new Map<string, Dec>();
  for (const batch of input.batches) {
    for (const line of batch.lines) {
      byChannel.set(batch.channel, add(byChannel.get(batch.channel), line.amount));
      received = add(received, line.amount);
      paidByAccount.set(line.account, (paidByAccount.get(line.account) ?? ZERO).plus(line.amount));
    }
  }
  for (const [account, paid] of paidByAccount) {
    for (const [service, amount] of applyPayment(input.owedByService.get(account), paid))
      byService.set(service, (byService.get(service) ?? ZERO).plus(amount.amount));
  }
  let returned: Tally = { count: 0, total: ZERO };
  let fees = ZERO;
  for (const r of input.returns) {
    returned = add(returned, r.amount);
    fees = fees.plus(r.fee);
  }
  const adjustmentsByKind = new Map<string, Tally>();
  for (const a of input.adjustments) adjustmentsByKind.set(a.kind, add(adjustmentsByKind.get(a.kind), a.amount));
  return {
    date: input.date,
    byChannel,
    byService,
    batches: input.batches.map((b) => ({ id: b.id, channel: b.channel, count: b.lines.length, total: b.total })),
    received,
    returned: { ...returned, fees },
    adjustmentsByKind,
    opened: input.opened.length,
    closed: input.closed.length,
    workOrders: input.workOrders,
    net: received.total.minus(returned.total),
  };
}
