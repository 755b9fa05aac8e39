import fc from "fast-check";
import { Dec, dec, PAYMENT_CHANNELS, postBatch, summarizeDay, ZERO } from "../../../src/engine";
import type { AccountForPayment, PaymentBatch, PostedBatch } from "../../../src/engine";

const ACCOUNTS = ["100101", "100102", "100103", "100104", "100105"];
const SERVICES = ["water", "sewer", "garbage"];
const cents = (n: number) => new Dec(n).div(100);
const sum = (values: Iterable<Dec>) => [...values].reduce((s, v) => s.plus(v), ZERO);

/** A random day: what each account owes by service, and batches of payments on every channel. */
const day = fc.record({
  owed: fc.tuple(...ACCOUNTS.map(() => fc.tuple(...SERVICES.map(() => fc.integer({ min: -2_000, max: 40_000 }))))),
  batches: fc.array(
    fc.record({
      channel: fc.constantFrom(...PAYMENT_CHANNELS),
      lines: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), cents: fc.integer({ min: 1, max: 60_000 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
    }),
    { maxLength: 6 },
  ),
  returns: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), cents: fc.integer({ min: 1, max: 30_000 }) }), { maxLength: 3 }),
  adjustments: fc.array(
    fc.record({ kind: fc.constantFrom("leak credit", "back-bill", "credit", "charge"), cents: fc.integer({ min: -20_000, max: 20_000 }) }),
    {
      maxLength: 4,
    },
  ),
});

describe("summarizeDay", () => {
  it("totals, by channel, by service and by batch, exactly what was posted (property)", () => {
    fc.assert(
      fc.property(day, (d) => {
        const owedByService = new Map(ACCOUNTS.map((a, i) => [a, new Map(SERVICES.map((s, j) => [s, cents(d.owed[i][j])]))]));
        const accounts = new Map<string, AccountForPayment>(
          ACCOUNTS.map((a) => [a, { name: a, balance: sum(owedByService.get(a)!.values()) }]),
        );
        const posted: PostedBatch[] = d.batches.map((b, i) => {
          const batch: PaymentBatch = {
            id: `B${i + 1}`,
            date: "2026-11-02",
            channel: b.channel,
            controlCount: b.lines.length,
            controlTotal: sum(b.lines.map((l) => cents(l.cents))),
            // References unique per line: no line is a duplicate to ask about.
            lines: b.lines.map((l, j) => ({ account: l.account, amount: cents(l.cents), reference: `${i}-${j}` })),
          };
          const result = postBatch(batch, accounts, [], new Set());
          if (!result.ok) throw new Error(result.problem.message);
          return result.value;
        });
        const activity = summarizeDay({
          date: "2026-11-02",
          batches: posted,
          returns: d.returns.map((r) => ({ account: r.account, amount: cents(r.cents), fee: dec("20.00"), reason: "R01" })),
          adjustments: d.adjustments.map((a, i) => ({ account: ACCOUNTS[i % ACCOUNTS.length], kind: a.kind, amount: cents(a.cents) })),
          opened: [],
          closed: [],
          workOrders: 0,
          owedByService,
        });
        const postedTotal = sum(posted.flatMap((b) => b.lines.map((l) => l.amount)));
        expect(activity.received.total.equals(postedTotal)).toBe(true);
        expect(activity.received.count).toBe(posted.reduce((n, b) => n + b.lines.length, 0));
        expect(sum([...activity.byChannel.values()].map((t) => t.total)).equals(postedTotal)).toBe(true);
        expect(sum(activity.batches.map((b) => b.total)).equals(postedTotal)).toBe(true);
        // Cash by service adds up to the cash received, to the cent, and what no service owed is unapplied credit.
        expect(sum(activity.byService.values()).equals(postedTotal)).toBe(true);
        for (const [, amount] of activity.byService) expect(amount.isNegative()).toBe(false);
        const beyond = sum(
          ACCOUNTS.map((a) => {
            const paid = sum(posted.flatMap((b) => b.lines.filter((l) => l.account === a).map((l) => l.amount)));
            const owed = sum([...owedByService.get(a)!.values()].filter((v) => v.greaterThan(0)));
            return Dec.max(paid.minus(owed), ZERO);
          }),
        );
        expect((activity.byService.get("unapplied") ?? ZERO).equals(beyond)).toBe(true);
        expect(activity.net.equals(postedTotal.minus(sum(d.returns.map((r) => cents(r.cents)))))).toBe(true);
        expect(activity.returned.fees.equals(dec("20.00").times(d.returns.length))).toBe(true);
        expect(
          sum([...activity.adjustmentsByKind.values()].map((t) => t.total)).equals(sum(d.adjustments.map((a) => cents(a.cents)))),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
