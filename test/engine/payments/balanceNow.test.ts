import fc from "fast-check";
import { balanceNow, dec, ZERO } from "../../../src/engine";
import type { Adjustment, OpeningBalance, Payment } from "../../../src/engine";

const opening: OpeningBalance = {
  account: "100102",
  byService: new Map([
    ["water", dec("45.00")],
    ["sewer", dec("75.00")],
    ["garbage", dec("30.00")],
  ]),
  aging: { current: dec("90.00"), days30: dec("60.00"), days60: ZERO, days90: ZERO },
};
const pay = (date: string, amount: string, more: Partial<Payment> = {}): Payment => ({
  account: "100102",
  date,
  amount: dec(amount),
  method: "mail",
  reference: "check 1",
  returned: false,
  ...more,
});

describe("balanceNow", () => {
  it("takes payments and adjustments after the last bill, oldest first in the aging", () => {
    const b = balanceNow(opening, [pay("2026-09-30", "150.00"), pay("2026-10-05", "100.00")], [], "2026-09-30");
    expect([b.atLastBill, b.paidSince, b.now].map((d) => d.toFixed(2))).toEqual(["150.00", "100.00", "50.00"]);
    expect([b.aging.days30, b.aging.current].map((d) => d.toFixed(2))).toEqual(["0.00", "50.00"]);
  });

  it("owes a returned check again: its reversal (even of a payment billed last cycle) takes the payment back, as a current charge", () => {
    const b = balanceNow(
      opening,
      [pay("2026-10-03", "60.00", { returned: true, reverses: "B-2026-09-20-MAIL-1 line 2; NSF" })],
      [],
      "2026-09-30",
    );
    expect([b.paidSince, b.now, b.aging.current, b.aging.days30].map((d) => d.toFixed(2))).toEqual(["-60.00", "210.00", "150.00", "60.00"]);
    expect(b.byService.find((s) => s.service === "returned payments")?.now.toFixed(2)).toBe("60.00");
  });

  it("leaves out what is dated on or after `before` (what the account owed as a day began)", () => {
    const b = balanceNow(opening, [pay("2026-10-05", "100.00"), pay("2026-10-06", "50.00")], [], "2026-09-30", "2026-10-06");
    expect(b.now.toFixed(2)).toBe("50.00");
  });

  it("sums exactly: its services and its buckets each come to what is owed now (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 50_000 }), fc.constantFrom("paid", "returned", "reversal")),
          { maxLength: 6 },
        ),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -20_000, max: 20_000 })), { maxLength: 4 }),
        (payments, adjustments) => {
          const day = (d: number) => `2026-10-${String(d).padStart(2, "0")}`;
          const ps = payments.map(([d, cents, kind]) =>
            pay(
              day(d),
              dec(cents).div(100).toFixed(2),
              kind === "paid" ? {} : kind === "returned" ? { returned: true } : { returned: true, reverses: "x" },
            ),
          );
          const as: Adjustment[] = adjustments.map(([d, cents]) => ({
            account: "100102",
            date: day(d),
            kind: cents < 0 ? "credit" : "charge",
            service: "water",
            amount: dec(cents).div(100),
            corrects: "",
            description: "",
          }));
          const b = balanceNow(opening, ps, as, "2026-09-30");
          const services = b.byService.reduce((s, x) => s.plus(x.now), ZERO);
          const aged = b.aging.current.plus(b.aging.days30).plus(b.aging.days60).plus(b.aging.days90);
          expect(services.toFixed(2)).toBe(b.now.toFixed(2));
          expect(aged.toFixed(2)).toBe(b.now.toFixed(2));
        },
      ),
      { numRuns: 300 },
    );
  });
});
