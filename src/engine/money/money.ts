import Decimal from "decimal.js";
import { addDec, Dec, ZERO } from "../decimal";
import { assert } from "../assert";

/**
 * An exact amount of US dollars. Immutable; arithmetic returns new values. Amounts keep full
 * precision until `roundToCents` (money/rounding.ts) makes a bill line.
 */
export class Money {
  private constructor(readonly amount: Dec) {}

  static of(value: Decimal.Value): Money {
    // A decimal of the project's own clone is immutable, so it is kept as it is, not copied.
    if (value === ZERO) return Money.zero;
    const amount = value instanceof Dec ? value : new Dec(value);
    if (!amount.isFinite()) assert(false, `money must be finite, got ${String(value)}`);
    return new Money(amount);
  }

  static readonly zero = new Money(ZERO);

  plus(other: Money): Money {
    return new Money(this.amount.plus(other.amount));
  }

  minus(other: Money): Money {
    return new Money(this.amount.minus(other.amount));
  }

  times(factor: Decimal.Value): Money {
    return new Money(this.amount.times(factor));
  }

  negated(): Money {
    return new Money(this.amount.negated());
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  compare(other: Money): number {
    return this.amount.comparedTo(other.amount);
  }

  equals(other: Money): boolean {
    return this.amount.equals(other.amount);
  }

  /** Cents as a fixed two-place decimal string: "97.20". The amount must already be whole cents. */
  toCents(): string {
    return this.amount.toFixed(2);
  }

  /** Full-precision decimal string, for storage. */
  toString(): string {
    return this.amount.toString();
  }

  /** The only way money becomes a JS number: at the Excel edge, as the last step. */
  toNumber(): number {
    return this.amount.toNumber();
  }
}

/** The exact sum of amounts, with no rounding. */
export function sumMoney(amounts: readonly Money[]): Money {
  let total: Dec = ZERO;
  for (const m of amounts) total = addDec(total, m.amount);
  return Money.of(total);
}
