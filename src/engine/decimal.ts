import Decimal from "decimal.js";

/**
 * The project's one decimal configuration. Never `Decimal.set` on the global constructor:
 * Office, exceljs or a host page may use decimal.js too.
 *
 * 40 significant digits keeps cubic-feet/gallon conversions (748.05) exact far past the cent;
 * rounding of money happens only through `money/rounding.ts`.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

export type Dec = Decimal;

/**
 * The decimal in the least memory, for one that is kept (an amount read from a sheet, one a
 * statement holds): a decimal parsed from text or worked out keeps the digit array it grew (about
 * 250 bytes in all); one made from another decimal gets an exact copy of its digits (decimal.js's
 * constructor slices them), about 130. A city's inputs hold a million of them.
 */
export function compact(d: Dec): Dec {
  return new Dec(d);
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/**
 * a + b, exactly as `a.plus(b)`, but without a new decimal when either side is zero: most
 * accounts have no fees, adjustments or payments in a cycle, and a cycle sums such amounts
 * millions of times. A zero sum is always ZERO (never a negative zero).
 */
export function addDec(a: Dec, b: Dec): Dec {
  if (b.isZero()) return a.isZero() ? ZERO : a;
  if (a.isZero()) return b;
  return a.plus(b);
}

/** A decimal from a string or integer as written in a schedule or read sheet. */
export function dec(value: Decimal.Value): Dec {
  return new Dec(value);
}

/** True when `value` is a finite decimal literal such as "24.00", "-3", "1e3". */
export function isDecimalText(value: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim());
}
