import { Dec, isDecimalText } from "../decimal";

/**
 * A small reader over untrusted JSON that records the first problem with its path
 * ("versions[0].charges[2].blocks[1].price: expected a decimal such as \"1.15\", got \"abc\"").
 * Used only by validateSchedule; throws `ReadError`, which validateSchedule turns into a Result.
 */
export class ReadError extends Error {}

export type Json = unknown;

export function at(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function problem(path: string, expected: string, got: Json): never {
  const shown = got === undefined ? "nothing" : JSON.stringify(got);
  throw new ReadError(`${path}: expected ${expected}, got ${shown && shown.length > 60 ? shown.slice(0, 57) + "..." : shown}`);
}

export function object(value: Json, path: string): Record<string, Json> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) problem(path, "an object", value);
  return value as Record<string, Json>;
}

export function array(value: Json, path: string): Json[] {
  if (!Array.isArray(value)) problem(path, "a list", value);
  return value;
}

export function text(value: Json, path: string): string {
  if (typeof value !== "string" || value.trim() === "") problem(path, "text", value);
  return value;
}

export function optionalText(value: Json, path: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, path);
}

/** A decimal written as a string ("24.00") or a JSON number (24); money keeps every digit. */
/**
 * The largest number a schedule may hold, either side of zero (docs/inputs.md): a price, a block's
 * bound in gallons or cubic feet, an allowance. "9e999999999999999" is past it (decimal.js would make
 * it Infinity), and so is anything a billing clerk did not mean.
 */
export const MAX_SCHEDULE_NUMBER = 1e12;

export function decimal(value: Json, path: string, opts: { min?: number; positive?: boolean } = {}): Dec {
  const raw = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof raw !== "string" || !isDecimalText(raw)) problem(path, 'a decimal such as "1.15"', value);
  const result = new Dec(raw.trim());
  if (!result.isFinite() || result.abs().greaterThan(MAX_SCHEDULE_NUMBER))
    problem(path, "a decimal from -1,000,000,000,000 to 1,000,000,000,000", value);
  if (opts.min !== undefined && result.lessThan(opts.min)) problem(path, `a decimal of at least ${opts.min}`, value);
  if (opts.positive && !result.greaterThan(0)) problem(path, "a decimal above zero", value);
  return result;
}

export function integer(value: Json, path: string, min: number, max = 366): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    problem(path, `a whole number from ${min} to ${max}`, value);
  return value;
}

export function oneOf<T extends string>(value: Json, path: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) problem(path, `one of ${allowed.join(", ")}`, value);
  return value as T;
}

export function bool(value: Json, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") problem(path, "true or false", value);
  return value;
}

/** Keys the reader does not know are mistakes (a misspelt "allowence" would be silently ignored). */
export function noUnknownKeys(value: Record<string, Json>, path: string, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new ReadError(`${at(path, key)}: unknown field; expected one of ${known.join(", ")}`);
  }
}

/** A table keyed by size (meter, cart, container) whose values are read by `read`. */
export function table<T>(
  value: Json,
  path: string,
  normalizeKey: (k: string) => string,
  read: (v: Json, p: string) => T,
): Record<string, T> {
  const raw = object(value, path);
  const keys = Object.keys(raw);
  if (keys.length === 0) problem(path, "at least one size", value);
  // No prototype: a size called "constructor" or "__proto__" is an ordinary key, and a lookup of
  // one that is not listed finds nothing rather than Object's own members.
  const result: Record<string, T> = Object.create(null);
  for (const key of keys) {
    const normal = normalizeKey(key);
    if (normal in result) throw new ReadError(`${at(path, key)}: the same size is listed twice`);
    result[normal] = read(raw[key], at(path, key));
  }
  return result;
}
