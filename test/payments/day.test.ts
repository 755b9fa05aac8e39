import fc from "fast-check";
import { dec, PAYMENT_CHANNELS, POCATELLO_POLICY, postBatch, ZERO } from "../../src/engine";
import type { AccountForPayment, Dec } from "../../src/engine";
import { generateCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { DEFAULT_READ_EDIT_SETTINGS } from "../../src/engine";
import { postToSheet } from "../../src/payments/postToSheet";
import { returnPayments } from "../../src/payments/returns";
import { closeDay, readDay } from "../../src/payments/closeDay";
import { sampleCycleWorkbook } from "../../src/samples/sampleCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";

const ACCOUNTS = ["100101", "100102", "100103", "100104", "100105", "100110", "100113", "100120"];
const known = new Map<string, AccountForPayment>(ACCOUNTS.map((a) => [a, { name: a, balance: ZERO }]));
const day = (d: number) => `2026-10-${String(d).padStart(2, "0")}`;
const KINDS = ["leak credit", "back-bill", "credit", "charge"] as const;

describe("the nightly update over random days", () => {
  it("totals every day to exactly what was posted, returned and adjusted, and the next cycle still reconciles to 0.00 (property)", async () => {
    const schedule = loadSchedule("chubbuck");
    const cycle = (workbook: MemoryWorkbook) =>
      generateCycle(workbook, {
        schedule,
        settings: DEFAULT_CYCLE_SETTINGS,
        readEdits: DEFAULT_READ_EDIT_SETTINGS,
        now: "2026-11-01T09:00:00Z",
      });
    const base = await cycle(new MemoryWorkbook(sampleCycleWorkbook()));
    if (!base.ok) throw new Error(base.message);
    const paidOf = (r: Extract<Awaited<ReturnType<typeof cycle>>, { ok: true }>["run"]["result"]["reconciliation"]) =>
      r.rows.reduce((s, row) => s.plus(row.payments.amount), ZERO).plus(r.unpostedPayments.amount);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            channel: fc.constantFrom(...PAYMENT_CHANNELS),
            day: fc.integer({ min: 2, max: 20 }),
            lines: fc.array(fc.tuple(fc.constantFrom(...ACCOUNTS), fc.integer({ min: 1, max: 40_000 })), { minLength: 1, maxLength: 5 }),
            // Which of this batch's lines come back, and how many days later.
            returns: fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 0, max: 8 })), { maxLength: 2 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(
          fc.tuple(
            fc.constantFrom(...ACCOUNTS),
            fc.integer({ min: 2, max: 28 }),
            fc.constantFrom(...KINDS),
            fc.integer({ min: -5000, max: 5000 }),
          ),
          {
            maxLength: 4,
          },
        ),
        async (batches, adjustments) => {
          const workbook = new MemoryWorkbook(sampleCycleWorkbook());
          const received = new Map<string, Dec>();
          const returned = new Map<string, Dec>();
          const adjusted = new Map<string, Dec>();
          const add = (m: Map<string, Dec>, k: string, v: Dec) => m.set(k, (m.get(k) ?? ZERO).plus(v));
          let net = ZERO;
          for (const [i, b] of batches.entries()) {
            const lines = b.lines.map(([account, cents], j) => ({
              account,
              amount: dec(cents).div(100),
              reference: `check ${100 + i * 10 + j}`,
            }));
            const total = lines.reduce((s, l) => s.plus(l.amount), ZERO);
            const posted = postBatch(
              { id: `B${i + 1}`, date: day(b.day), channel: b.channel, controlCount: lines.length, controlTotal: total, lines },
              known,
              [],
              new Set(lines.map((_, n) => n + 1)),
            );
            if (!posted.ok) throw new Error(posted.problem.message);
            await postToSheet(workbook, posted.value);
            add(received, day(b.day), total);
            net = net.plus(total);
            // A bank returns checks and drafts; a card payment is not "returned" (a chargeback is another matter).
            const returnable = ["mail", "drop box", "counter", "bank draft"].includes(b.channel);
            const back = returnable ? [...new Map(b.returns.map(([n, later]) => [n % lines.length, later])).entries()] : [];
            for (const [n, later] of back) {
              const on = day(Math.min(28, b.day + later));
              const done = await returnPayments(
                workbook,
                [
                  {
                    kind: b.channel === "bank draft" ? "draft" : "check",
                    account: lines[n].account,
                    reference: lines[n].reference,
                    amount: lines[n].amount,
                    returnedOn: on,
                    reason: "NSF",
                  },
                ],
                POCATELLO_POLICY,
              );
              if (!done.ok) throw new Error(done.message);
              add(returned, on, lines[n].amount);
              net = net.minus(lines[n].amount);
            }
          }
          const sheet = workbook.sheet("Adjustments")!;
          for (const [account, d, kind, cents] of adjustments) {
            sheet.values.push([account, day(d), kind, "water", cents / 100, "", "test"]);
            add(adjusted, day(d), dec(cents).div(100));
          }
          for (const d of new Set([...received.keys(), ...returned.keys(), ...adjusted.keys()])) {
            const read = await readDay(workbook, d, POCATELLO_POLICY);
            // The sample's own rows on that day, before this run's.
            const before = await readDay(new MemoryWorkbook(sampleCycleWorkbook()), d, POCATELLO_POLICY);
            if (!read.ok || !before.ok) throw new Error("unreadable day");
            const a = read.activity;
            const b0 = before.activity;
            expect(a.received.total.minus(b0.received.total).toFixed(2)).toBe((received.get(d) ?? ZERO).toFixed(2));
            expect([...a.byChannel.values()].reduce((s, t) => s.plus(t.total), ZERO).toFixed(2)).toBe(a.received.total.toFixed(2));
            expect([...a.byService.values()].reduce((s, v) => s.plus(v), ZERO).toFixed(2)).toBe(a.received.total.toFixed(2));
            expect(a.batches.reduce((s, b) => s.plus(b.total), ZERO).toFixed(2)).toBe(a.received.total.toFixed(2));
            expect(a.returned.total.minus(b0.returned.total).toFixed(2)).toBe((returned.get(d) ?? ZERO).toFixed(2));
            const adjustedOn = (x: typeof a) => [...x.adjustmentsByKind.values()].reduce((s, t) => s.plus(t.total), ZERO);
            expect(adjustedOn(a).minus(adjustedOn(b0)).toFixed(2)).toBe((adjusted.get(d) ?? ZERO).toFixed(2));
            expect(a.net.toFixed(2)).toBe(a.received.total.minus(a.returned.total).toFixed(2));
          }
          const out = await cycle(workbook);
          if (!out.ok) throw new Error(out.message);
          const rec = out.run.result.reconciliation;
          expect(rec.difference.toCents()).toBe("0.00");
          expect(paidOf(rec).minus(paidOf(base.run.result.reconciliation)).toFixed(2)).toBe(net.toFixed(2));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("closes a day once", async () => {
    const workbook = new MemoryWorkbook(sampleCycleWorkbook());
    const first = await closeDay(workbook, "2026-10-12", POCATELLO_POLICY, "2026-10-12T23:00:00Z");
    expect(first.ok && first.closed && first.activity.received.total.toFixed(2)).toBe("104.10");
    const second = await closeDay(workbook, "2026-10-12", POCATELLO_POLICY, "2026-10-13T08:00:00Z");
    expect(second).toEqual({
      ok: true,
      closed: false,
      already: { date: "2026-10-12", closedAt: "2026-10-12 23:00:00", payments: 1, received: "104.1", net: "104.1" },
    });
  });
});
