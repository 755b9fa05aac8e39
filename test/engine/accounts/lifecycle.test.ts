import fc from "fast-check";
import { dec, depositFor, settleClose, transferBalance, ZERO } from "../../../src/engine";

describe("opening service: the deposit", () => {
  it("asks Pocatello's $150 for new service, none with a letter of credit, the difference when some is on file", () => {
    expect(depositFor({ owner: false })).toEqual({ due: dec("150.00"), reason: "the $150.00 deposit for new service" });
    expect(depositFor({ owner: false, waiver: "letter of credit" })).toEqual({ due: ZERO, reason: "waived: letter of credit" });
    expect(depositFor({ owner: true, onFile: dec("100.00") })).toEqual({ due: dec("50.00"), reason: "$150.00 less the $100.00 on file" });
    expect(depositFor({ owner: true }, { amount: "150.00", waivers: [], ownersExempt: true }).due).toEqual(ZERO);
  });
});

describe("closing service: the settlement", () => {
  it("applies the deposit to a balance and refunds the rest", () => {
    expect(settleClose(dec("91.60"), dec("150.00"))).toEqual({ depositApplied: dec("91.60"), due: ZERO, refund: dec("58.40") });
  });

  it("refunds a credit balance and the whole deposit", () => {
    expect(settleClose(dec("-20.00"), dec("150.00"))).toEqual({ depositApplied: ZERO, due: ZERO, refund: dec("170.00") });
  });

  it("leaves due what the deposit does not cover", () => {
    expect(settleClose(dec("212.35"), dec("150.00"))).toEqual({ depositApplied: dec("150.00"), due: dec("62.35"), refund: ZERO });
  });

  it("always accounts for every cent: due - refund = owed - deposit (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 50_000 }), (owedCents, depositCents) => {
        const owed = dec(owedCents).div(100);
        const deposit = dec(depositCents).div(100);
        const s = settleClose(owed, deposit);
        expect(s.due.minus(s.refund).toFixed(2)).toBe(owed.minus(deposit).toFixed(2));
        expect(s.depositApplied.isNegative() || s.due.isNegative() || s.refund.isNegative()).toBe(false);
        expect(s.due.isZero() || s.refund.isZero()).toBe(true);
      }),
    );
  });
});

describe("transfer", () => {
  it("carries a past-due balance with its age to the new account, and the deposit with it", () => {
    const t = transferBalance({ current: dec("80.00"), days30: dec("75.00"), days60: ZERO, days90: ZERO }, dec("150.00"));
    expect([t.total.toFixed(2), t.pastDue.toFixed(2), t.deposit.toFixed(2), t.carried.days30.toFixed(2)]).toEqual([
      "155.00",
      "75.00",
      "150.00",
      "75.00",
    ]);
  });
});
