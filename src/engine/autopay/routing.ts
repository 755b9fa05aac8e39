/**
 * Checks an ABA routing transit number: nine digits whose weighted sum (weights 3, 7, 1 repeated)
 * is a multiple of ten, the ninth digit being the check digit (../shared/domain/README.md;
 * ABA / Federal Reserve). Returns why it is not one, or undefined when it is.
 */
export function routingProblem(routing: string): string | undefined {
  const digits = routing.trim();
  if (!/^\d{9}$/.test(digits)) return `a routing number is 9 digits; got "${routing.trim()}"`;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...digits].reduce((s, d, i) => s + weights[i] * Number(d), 0);
  if (sum % 10 !== 0) {
    const expected = (10 - ((sum - Number(digits[8])) % 10)) % 10;
    return `routing number ${digits} fails its check digit: the ninth digit would be ${expected}, not ${digits[8]} (3, 7, 1 weights)`;
  }
  return undefined;
}

/** A bank account number shown masked everywhere after entry: its last four digits only. */
export function maskedAccount(account: string): string {
  const digits = account.replace(/\s+/g, "");
  return digits.length <= 4 ? "****" : `****${digits.slice(-4)}`;
}
