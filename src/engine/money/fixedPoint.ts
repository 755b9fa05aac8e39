import { compact, Dec } from "../decimal";
import type { RoundingMode } from "./rounding";

/**
 * Exact fixed-point arithmetic for the engine's hot paths (docs/adr/0013). A decimal that has at
 * most MAX_PLACES places and fits a safe integer at that scale is held as an integer `n` and a
 * scale `e` (the value is n / 10^e). Sums and products of such integers are exact as long as
 * they stay within 2^53, which every operation here checks; when one would not, or a value has
 * more places, the caller falls back to decimal.js. Rounding to cents is integer division with
 * the remainder compared, in each of the schedule's rounding modes, so the cents are the same as
 * decimal.js's `toDecimalPlaces(2, mode)` on every input (test/engine/money/fixedPoint.test.ts).
 */
export interface Fixed {
  readonly n: number;
  readonly e: number;
}

/** Most decimal places a fixed-point value keeps (micro-dollars need 6; a price per gallon 9). */
export const MAX_PLACES = 9;

/** 10^0 .. 10^22, every one exact as a double. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const safe = Number.isSafeInteger;

/**
 * n / d rounded to an integer in `mode` (half-up and up round away from zero; down toward it;
 * half-even to the even neighbour on a tie). n is a safe integer, d a positive safe integer.
 * The remainder operator is exact on safe integers, so no step here rounds.
 */
export function roundDiv(n: number, d: number, mode: RoundingMode): number {
  const r = n % d;
  const q = (n - r) / d;
  if (r === 0) return q;
  const away = n < 0 ? -1 : 1;
  const twice = 2 * Math.abs(r);
  switch (mode) {
    case "down":
      return q;
    case "up":
      return q + away;
    case "halfUp":
      return twice >= d ? q + away : q;
    case "halfEven":
      return twice > d || (twice === d && q % 2 !== 0) ? q + away : q;
  }
}

/**
 * The value as a fixed-point integer at its own scale (trailing zeros dropped), or undefined when it
 * has more than MAX_PLACES places or its digits do not fit a safe integer. Read from the decimal's
 * documented fields (decimal.js "Properties": `d` the digits in words of seven, `e` the exponent,
 * `s` the sign) rather than through a string: the cycle does this for every amount it adds.
 */
export function fixedOf(value: Dec): Fixed | undefined {
  const words = value.d;
  if (!words) return undefined; // NaN or infinite
  if (words[0] === 0) return ZERO_FIXED;
  // The first word holds the digits down to the exponent's place modulo 7; each later word seven more.
  const firstDigits = (((value.e % 7) + 7) % 7) + 1;
  const last = words.length - 1;
  // value = n x 10^p, p the place of the last word's last digit; that word's trailing zeros come off first.
  let p = value.e - firstDigits + 1 - 7 * last;
  let tail = words[last];
  let tailDigits = last === 0 ? firstDigits : 7;
  while (p < 0 && tail % 10 === 0) {
    tail /= 10;
    tailDigits--;
    p++;
  }
  let n = last === 0 ? tail : words[0];
  for (let i = 1; i <= last; i++) {
    const word = i === last ? tail : words[i];
    const shift = i === last ? POW10[tailDigits] : 1e7;
    if (n > (Number.MAX_SAFE_INTEGER - word) / shift) return undefined;
    n = n * shift + word;
  }
  if (p > 0) {
    if (p >= POW10.length) return undefined;
    n *= POW10[p];
    if (!safe(n)) return undefined;
    p = 0;
  }
  if (-p > MAX_PLACES) return undefined;
  return { n: value.s < 0 ? -n : n, e: -p };
}

const ZERO_FIXED: Fixed = { n: 0, e: 0 };

/** n at scale e, moved to the larger scale `to` (n x 10^(to - e)), or NaN when that leaves the safe integers. */
export function rescale(n: number, e: number, to: number): number {
  if (e === to) return n;
  const m = n * POW10[to - e];
  return safe(m) ? m : NaN;
}

/** The product of two safe integers, or NaN when it is not a safe integer. */
export function times(a: number, b: number): number {
  const m = a * b;
  return safe(m) ? m : NaN;
}

/**
 * The whole cents of n / 10^e, rounded once in `mode`; NaN when n is NaN or the scale-up to cents
 * overflows. A value with two places or fewer is already whole cents, in every mode.
 */
export function centsOf(n: number, e: number, mode: RoundingMode): number {
  if (Number.isNaN(n)) return NaN;
  if (e <= 2) return times(n, POW10[2 - e]);
  const d = POW10[e - 2];
  return d === undefined || !safe(d) ? NaN : roundDiv(n, d, mode);
}

/** The exact decimal n / 10^e. */
export function decOf(n: number, e: number): Dec {
  if (e === 0 || n === 0) return new Dec(n);
  const negative = n < 0;
  const digits = String(negative ? -n : n).padStart(e + 1, "0");
  return compact(new Dec(`${negative ? "-" : ""}${digits.slice(0, -e)}.${digits.slice(-e)}`));
}
