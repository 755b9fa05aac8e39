import Decimal from "decimal.js";
import { addDec, Dec, ZERO } from "../decimal";
import { assert } from "../assert";
import { decOf, fixedOf, POW10 } from "./fixedPoint";

/** Below this many cents (about $90 billion) a sum of two amounts in cents is still a safe integer. */
const CENTS_LIMIT = 2 ** 52 / 1000;

/**
 * An exact amount of US dollars. Immutable; arithmetic returns new values. Amounts keep full
 * precision until `roundToCents` (money/rounding.ts) makes a bill line.
 *
 * An amount of whole cents is held as an integer number of cents (docs/adr/0013): sums and
 * comparisons of such amounts are integer operations, exact below CENTS_LIMIT, and the decimal is
 * made only when something asks for `amount`. Any other amount is held as its decimal.
 */
export class Money {
  private _dec: Dec | undefined;
  /** Whole cents, NaN when the amount is not whole cents (or too large to add as cents), undefined before it is worked out. */
  private _cents: number | undefined;

  private constructor(dec: Dec | undefined, cents: number | undefined) {
    this._dec = dec;
    this._cents = cents;
  }

  static of(value: Decimal.Value): Money {
    // A decimal of the project's own clone is immutable, so it is kept as it is, not copied.
    if (value === ZERO) return Money.zero;
    const amount = value instanceof Dec ? value : new Dec(value);
    if (!amount.isFinite()) assert(false, `money must be finite, got ${String(value)}`);
    return new Money(amount, undefined);
  }

  /** An amount of whole cents, from an integer number of cents. */
  static fromCents(cents: number): Money {
    assert(Number.isSafeInteger(cents), `cents must be a safe integer, got ${cents}`);
    if (cents === 0) return Money.zero;
    return Math.abs(cents) < CENTS_LIMIT ? new Money(undefined, cents) : new Money(decOf(cents, 2), NaN);
  }

  static readonly zero = new Money(ZERO, 0);

  /** The exact decimal amount. */
  get amount(): Dec {
    if (this._dec === undefined) this._dec = decOf(this._cents!, 2);
    return this._dec;
  }

  /** The amount in whole cents, or undefined when it is not whole cents or too large to add as cents. */
  get cents(): number | undefined {
    let c = this._cents;
    if (c === undefined) {
      this._cents = c = wholeCents(this._dec!);
    }
    return Number.isNaN(c) ? undefined : c;
  }

  plus(other: Money): Money {
    const a = this.cents;
    const b = a === undefined ? undefined : other.cents;
    if (b !== undefined) return Money.fromCents(a! + b);
    return new Money(this.amount.plus(other.amount), undefined);
  }

  minus(other: Money): Money {
    const a = this.cents;
    const b = a === undefined ? undefined : other.cents;
    if (b !== undefined) return Money.fromCents(a! - b);
    return new Money(this.amount.minus(other.amount), undefined);
  }

  times(factor: Decimal.Value): Money {
    return new Money(this.amount.times(factor), undefined);
  }

  negated(): Money {
    const c = this.cents;
    if (c !== undefined) return Money.fromCents(-c);
    return new Money(this.amount.negated(), undefined);
  }

  isZero(): boolean {
    const c = this.cents;
    return c !== undefined ? c === 0 : this.amount.isZero();
  }

  /** Above zero (zero is not). */
  isPositive(): boolean {
    const c = this.cents;
    return c !== undefined ? c > 0 : this.amount.greaterThan(ZERO);
  }

  isNegative(): boolean {
    const c = this.cents;
    return c !== undefined ? c < 0 : this.amount.isNegative() && !this.amount.isZero();
  }

  compare(other: Money): number {
    const a = this.cents;
    const b = a === undefined ? undefined : other.cents;
    if (b !== undefined) return a! < b ? -1 : a! > b ? 1 : 0;
    return this.amount.comparedTo(other.amount);
  }

  equals(other: Money): boolean {
    const a = this.cents;
    const b = a === undefined ? undefined : other.cents;
    if (b !== undefined) return a === b;
    return this.amount.equals(other.amount);
  }

  /** Cents as a fixed two-place decimal string: "97.20". The amount must already be whole cents. */
  toCents(): string {
    const c = this.cents;
    if (c === undefined) return this.amount.toFixed(2);
    const abs = String(Math.abs(c)).padStart(3, "0");
    return `${c < 0 ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  }

  /** Full-precision decimal string, for storage. */
  toString(): string {
    return this.amount.toString();
  }

  /** The only way money becomes a JS number: at the Excel edge, as the last step. */
  toNumber(): number {
    const c = this.cents;
    return c !== undefined ? c / 100 : this.amount.toNumber();
  }

  /** For JSON: the shape a money value always had ({ "amount": "97.2" }). */
  toJSON(): { amount: string } {
    return { amount: this.toString() };
  }
}

/** A decimal's whole cents, or NaN when it is not whole cents or is too large to add as cents. */
export function wholeCents(d: Dec): number {
  const f = fixedOf(d);
  if (!f || f.e > 2) return NaN;
  const c = f.n * POW10[2 - f.e];
  return Math.abs(c) < CENTS_LIMIT ? c : NaN;
}

/**
 * Sums amounts exactly: in integer cents while every amount is whole cents, in decimals from the
 * first one that is not. For the cycle's totals, which add hundreds of thousands of bill lines.
 */
export class MoneySum {
  private cents = 0;
  private rest: Dec = ZERO;

  add(m: Money): this {
    const c = m.cents;
    if (c !== undefined) {
      const next = this.cents + c;
      if (Number.isSafeInteger(next) && Math.abs(next) < CENTS_LIMIT) {
        this.cents = next;
        return this;
      }
    }
    this.rest = addDec(this.rest, m.amount);
    return this;
  }

  addDec(d: Dec): this {
    const c = wholeCents(d);
    const next = this.cents + c;
    if (Number.isSafeInteger(next) && Math.abs(next) < CENTS_LIMIT) this.cents = next;
    else this.rest = addDec(this.rest, d);
    return this;
  }

  get money(): Money {
    if (this.rest.isZero()) return Money.fromCents(this.cents);
    return Money.of(this.cents === 0 ? this.rest : this.rest.plus(decOf(this.cents, 2)));
  }
}

/** The exact sum of amounts, with no rounding. */
export function sumMoney(amounts: readonly Money[]): Money {
  const sum = new MoneySum();
  for (const m of amounts) sum.add(m);
  return sum.money;
}
