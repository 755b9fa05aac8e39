import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import { applyPayment, applyPaymentDecimal, applyPaymentPairs } from "../../../src/engine/payments/applyPayment";

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Dec(c).div(100));
const view = (m: Map<string, { toCents(): string }>) => [...m].map(([k, v]) => `${k} ${v.toCents()}`);

describe("a payment applied in whole cents", () => {
  it("splits by service exactly as the decimal rule does", () => {
    // "unapplied" as a service too: an opening credit carried under that name.
    const owed = fc.dictionary(fc.constantFrom("water", "sewer", "garbage", "fees", "stormwater", "unapplied"), cents(-5000, 90000));
    fc.assert(
      fc.property(owed, cents(-20000, 200000), (byService, paid) => {
        const map = new Map(Object.entries(byService));
        const want = view(applyPaymentDecimal(map, paid));
        expect(view(applyPayment(map, paid))).toEqual(want);
        // The statement's pairs: the same services, amounts and order.
        expect(applyPaymentPairs(map, paid).map((p) => `${p.service} ${p.amount.toCents()}`)).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });

  it("uses the decimal rule for amounts finer than a cent", () => {
    const map = new Map([
      ["water", new Dec("10.005")],
      ["sewer", new Dec("20")],
    ]);
    expect(view(applyPayment(map, new Dec("15")))).toEqual(view(applyPaymentDecimal(map, new Dec("15"))));
  });
});
