/**
 * The Luhn (mod 10) check digit for a string of digits: from the right, double every second digit
 * (the one next to the check digit first), add the digits, and take what brings the sum to a
 * multiple of 10 (ISO/IEC 7812-1 annex B; remittance scan lines use the same rule).
 */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
