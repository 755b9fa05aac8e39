/**
 * Expected problems the engine reports as values, with one closed list of codes. The message
 * is written for a billing specialist: it names the numbers that triggered it.
 */
export type ProblemCode =
  | "INVALID_INPUT"
  | "READ_BELOW_PREVIOUS"
  | "READ_EXCEEDS_REGISTER"
  | "INVALID_SCHEDULE"
  | "NO_RATE_IN_EFFECT"
  | "UNKNOWN_SCHEDULE"
  | "UNKNOWN_SERVICE"
  | "UNKNOWN_CLASS"
  | "UNKNOWN_METER_SIZE"
  | "UNKNOWN_CART_SIZE"
  | "UNKNOWN_CONTAINER_SIZE"
  | "MISSING_WINTER_AVERAGE"
  | "INSUFFICIENT_HISTORY"
  | "LEAK_TOO_SOON"
  | "LEAK_TOO_MANY_PERIODS"
  | "BATCH_NOT_BALANCED"
  | "BATCH_LINE_REFUSED"
  | "BATCH_NEEDS_ANSWER"
  | "INVALID_RETURN_FILE"
  | "INVALID_ROUTING"
  | "INVALID_AUTOPAY";

export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ProblemCode, message: string): Result<T> {
  return { ok: false, problem: { code, message } };
}

/** Where a problem is not found as data in a closed table, the `NOT_FOUND`-like codes map to #N/A. */
export const NOT_AVAILABLE_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "NO_RATE_IN_EFFECT",
  "UNKNOWN_SCHEDULE",
  "UNKNOWN_SERVICE",
  "UNKNOWN_CLASS",
  "UNKNOWN_METER_SIZE",
  "UNKNOWN_CART_SIZE",
  "UNKNOWN_CONTAINER_SIZE",
]);
