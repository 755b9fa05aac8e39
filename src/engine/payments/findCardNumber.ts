import { luhnDigit } from "./luhnDigit";

/**
 * A payment card number (PAN) in text a person typed: 13 to 19 digits, together or in groups
 * separated by single spaces or dashes, whose last digit is their Luhn check digit (PCI DSS;
 * ISO/IEC 7812). Returns the number's last four digits, the most a record may keep, or undefined.
 * A confirmation number that happens to pass is refused too: asking for it again costs little,
 * storing a card number does not.
 */
export function findCardNumber(text: string): { readonly lastFour: string } | undefined {
  for (const run of text.match(/\d+(?:[ -]\d+)*/g) ?? []) {
    const digits = run.replace(/[ -]/g, "");
    if (digits.length < 13 || digits.length > 19) continue;
    if (luhnDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48) return { lastFour: digits.slice(-4) };
  }
  return undefined;
}
