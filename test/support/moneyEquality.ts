import { expect } from "@jest/globals";
import { Money } from "../../src/engine/money/money";

/**
 * Money holds its value either as whole cents or as a decimal, and caches the other form when
 * asked: two equal amounts can differ field by field. Jest compares two amounts by value instead,
 * whichever way each is held; an amount never equals anything that is not an amount.
 */
expect.addEqualityTesters([
  function moneyEquals(a: unknown, b: unknown) {
    const am = a instanceof Money;
    const bm = b instanceof Money;
    if (am && bm) return a.equals(b);
    if (am || bm) return false;
    return undefined;
  },
]);
