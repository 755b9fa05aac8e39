import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import { ROUNDING_MODES } from "../../../src/engine/money/rounding";
import { priceTieredDecimal, priceTieredUsage, tieredTotal, tieredTotalDecimal } from "../../../src/engine/rates/priceTieredUsage";
import type { Block } from "../../../src/engine/rates/types";
import type { TierRow } from "../../../src/engine/rates/priceTieredUsage";

/** A decimal of up to `places` places below `max`. */
const amount = (max: number, places: number) =>
  fc.tuple(fc.integer({ min: 0, max: max * 10 ** places }), fc.integer({ min: 0, max: places })).map(([n, e]) => new Dec(n).div(10 ** e));

/** Rising limits (the last block open) with prices of up to 6 places (micro-dollars), some past a dollar a gallon. */
const blocks = fc
  .tuple(fc.array(amount(20000, 3), { minLength: 0, maxLength: 4 }), fc.array(amount(40, 6), { minLength: 5, maxLength: 5 }))
  .map(([steps, prices]) => {
    const limits: Dec[] = [];
    let at = new Dec(0);
    for (const step of steps) limits.push((at = at.plus(step).plus("0.001")));
    return [...limits.map((upTo, i) => ({ upTo, price: prices[i] })), { upTo: null, price: prices[4] }] as Block[];
  });

const options = fc.record({
  allowance: fc.option(amount(5000, 2), { nil: undefined }),
  // Dwelling units, a half period, and 1/3 of one (not held in fixed point: priced in decimals).
  scale: fc.option(fc.constantFrom(new Dec(2), new Dec(3), new Dec("0.5"), new Dec(1).div(3), new Dec("1.25")), { nil: undefined }),
  unitSize: fc.option(fc.constantFrom(new Dec(1000), new Dec(100), new Dec("748.05"), new Dec(1)), { nil: undefined }),
  rounding: fc.constantFrom(...ROUNDING_MODES),
});

const view = (rows: readonly TierRow[]) =>
  rows.map((r) => [
    r.index,
    r.from.toString(),
    r.to?.toString() ?? null,
    r.quantity.toString(),
    r.price.toString(),
    r.amount.toCents(),
    r.included,
  ]);

describe("block pricing in fixed point", () => {
  it("gives the decimal path's rows, value for value and cent for cent, in every rounding mode", () => {
    fc.assert(
      fc.property(amount(100000, 3), blocks, options, (usage, b, o) => {
        expect(view(priceTieredUsage(usage, b, o))).toEqual(view(priceTieredDecimal(usage, b, o)));
      }),
      { numRuns: 4000 },
    );
  });

  it("totals the blocks as the decimal path does, in every rounding mode", () => {
    fc.assert(
      fc.property(amount(1000000, 3), blocks, options, (usage, b, o) => {
        const options = { unitSize: o.unitSize, rounding: o.rounding };
        expect(tieredTotal(usage, b, options).toFixed(2)).toBe(tieredTotalDecimal(usage, b, options).toFixed(2));
      }),
      { numRuns: 4000 },
    );
  });

  it("prices a usage too large for 2^53 in decimals, to the same cents", () => {
    const b: Block[] = [{ upTo: null, price: new Dec("3.123456") }];
    const huge = new Dec("98765432109876.543");
    expect(view(priceTieredUsage(huge, b, { unitSize: new Dec(1000) }))).toEqual(
      view(priceTieredDecimal(huge, b, { unitSize: new Dec(1000) })),
    );
    expect(tieredTotal(huge, b).toFixed(2)).toBe(huge.times("3.123456").toDecimalPlaces(2).toFixed(2));
  });
});
