import { Dec, isIsoDate } from "../../../engine";

/** Why a typed date cannot be used, or undefined. */
export const dateProblem = (text: string, what = "the date"): string | undefined =>
  isIsoDate(text.trim()) ? undefined : `${what} must be a date, YYYY-MM-DD`;

/** A meter reading as typed ("12,345"): a number zero or more, or why not. */
export function parseReading(text: string): Dec | string {
  const plain = text.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (plain === "") return "the final read is needed";
  if (!/^\d{1,12}(\.\d{1,4})?$/.test(plain)) return `the read ${text.trim()} is not a meter reading (digits, as the dials show them)`;
  return new Dec(plain);
}

/** A whole number as typed, from `min` to `max`, or why not. */
export function parseWhole(text: string, what: string, min: number, max: number): number | string {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t) || Number(t) < min || Number(t) > max) return `${what} must be a whole number from ${min} to ${max}`;
  return Number(t);
}

/** Blank stays undefined; anything else trimmed. */
export const optional = (text: string): string | undefined => (text.trim() === "" ? undefined : text.trim());
