import fc from "fast-check";
import Decimal from "decimal.js";
import { Dec } from "../../../src/engine/decimal";
import { centsOf, decOf, fixedOf, roundDiv, times } from "../../../src/engine/money/fixedPoint";
import { Money, MoneySum, sumMoney } from "../../../src/engine/money/money";
import { roundToCents, ROUNDING_MODES } from "../../../src/engine/money/rounding";

const MODES: Record<string, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/** A decimal with 0 to 9 places, from a safe integer: the values schedules, usage and prices take. */
const decimal = fc
  .tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 9 }))
  .map(([n, e]) => new Dec(n).div(new Dec(10).pow(e)));

describe("fixed-point money (integers at a decimal scale)", () => {
  it.each(ROUNDING_MODES)("rounds n / d as decimal.js does, in %s", (mode) => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.integer({ min: 1, max: 2 ** 40 }), (n, d) => {
        // A negative amount that rounds to nothing is -0 to decimal.js and 0 here: the same money.
        const want = new Dec(n).div(d).toDecimalPlaces(0, MODES[mode]).toNumber() + 0;
        expect(roundDiv(n, d, mode)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(ROUNDING_MODES)("rounds exact ties and near-ties as decimal.js does, in %s", (mode) => {
    for (const n of [-25, -15, -5, -4, -1, 0, 1, 4, 5, 6, 15, 25, 35, 2 ** 52 - 5, -(2 ** 52) + 5]) {
      expect([mode, n, roundDiv(n, 10, mode)]).toEqual([mode, n, new Dec(n).div(10).toDecimalPlaces(0, MODES[mode]).toNumber() + 0]);
    }
  });

  it("holds a decimal of up to 9 places exactly, and gives it back", () => {
    fc.assert(
      fc.property(decimal, (x) => {
        const f = fixedOf(x);
        expect(f).toBeDefined();
        expect(decOf(f!.n, f!.e).equals(x)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // Digits across decimal.js's seven-digit words, exponents above and below them, signs.
    for (const text of ["-916796854.1", "12345678.91", "0.000001234", "1e15", "-0", "100", "1234567", "0.5", "-0.05"]) {
      const f = fixedOf(new Dec(text));
      expect([text, decOf(f!.n, f!.e).toString()]).toEqual([text, new Dec(text).toString()]);
    }
    // More places, or more digits than a double holds exactly: not held (the caller uses decimals).
    expect(fixedOf(new Dec("0.0000000001"))).toBeUndefined();
    expect(fixedOf(new Dec(1).div(3))).toBeUndefined();
    expect(fixedOf(new Dec("12345678901234567"))).toBeUndefined();
  });

  it.each(ROUNDING_MODES)("prices quantity x price to the same cents as roundToCents, in %s", (mode) => {
    fc.assert(
      fc.property(decimal, decimal, (quantity, price) => {
        const q = fixedOf(quantity)!;
        const p = fixedOf(price)!;
        const cents = centsOf(times(q.n, p.n), q.e + p.e, mode);
        const want = roundToCents(quantity.times(price), mode);
        // Beyond 2^53 the fixed-point product is refused (NaN) and the engine uses decimals.
        if (!Number.isNaN(cents)) expect(decOf(cents, 2).equals(want)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("adds and compares money in whole cents as decimals do", () => {
    const cents = fc.integer({ min: -(10 ** 12), max: 10 ** 12 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const [x, y] = [Money.fromCents(a), Money.fromCents(b)];
        const [dx, dy] = [Money.of(decOf(a, 2)), Money.of(decOf(b, 2))];
        expect(x.plus(y).amount.equals(dx.amount.plus(dy.amount))).toBe(true);
        expect(x.minus(dy).toCents()).toBe(dx.amount.minus(dy.amount).toFixed(2));
        expect(x.compare(y)).toBe(dx.amount.comparedTo(dy.amount));
        expect(x.negated().toNumber()).toBe(dx.amount.negated().toNumber() + 0);
        expect(x.isNegative()).toBe(dx.isNegative());
      }),
      { numRuns: 3000 },
    );
  });

  it("sums whole cents and finer amounts together exactly", () => {
    const amounts = [Money.fromCents(1999), Money.of("0.005"), Money.of("-3.10"), Money.fromCents(2 ** 52 - 1)];
    const want = amounts.reduce((s, m) => s.plus(m.amount), new Dec(0));
    expect(sumMoney(amounts).amount.equals(want)).toBe(true);
    expect(new MoneySum().add(Money.of("0.10")).add(Money.of("0.20")).money.toCents()).toBe("0.30");
    expect(Money.of("0.1").plus(Money.of("0.2")).equals(Money.fromCents(30))).toBe(true);
    expect(Money.fromCents(-5).toCents()).toBe("-0.05");
    expect(Money.of("12.345").equals(Money.fromCents(1234))).toBe(false);
  });
});
