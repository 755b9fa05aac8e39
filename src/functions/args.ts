import { Dec, fromExcelSerial, isIsoDate, IsoDate } from "../engine";
import { cellDecimal, NumberCulture, US_NUMBERS } from "../workbook/cells";
import { FunctionError } from "./errors";

/** How a custom-function argument is read from what Excel passes. */
export type ArgKind = "number" | "integer" | "text" | "date" | "boolean" | "numbers" | "grid";

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** The unit in words, for messages and docs: "register units", "days", "$". */
  readonly unit?: string;
  /**
   * 0 reads as blank. Some desktop builds pass a blank cell as 0 where the web passes null
   * (office-js #4702, #5262, #1951), so an optional argument for which 0 means nothing real (0
   * dials, 0 days of service, date 0) must read 0 as "not given" to answer the same everywhere.
   */
  readonly zeroIsBlank?: boolean;
}

export interface FunctionSpec {
  readonly name: string;
  readonly args: readonly ArgSpec[];
}

type KindValue<K> = K extends "number"
  ? Dec
  : K extends "integer"
    ? number
    : K extends "text"
      ? string
      : K extends "date"
        ? IsoDate
        : K extends "boolean"
          ? boolean
          : K extends "numbers"
            ? Dec[]
            : K extends "grid"
              ? unknown[][]
              : never;

type ArgValue<S> = S extends { kind: infer K; optional: true }
  ? KindValue<K> | undefined
  : S extends { kind: infer K }
    ? KindValue<K>
    : never;

/** The parsed values of a spec's arguments, as a typed tuple. */
export type ArgValues<A extends readonly ArgSpec[]> = { -readonly [I in keyof A]: ArgValue<A[I]> };

const bounds = new Map<number, Dec>();
/** A spec's limit as a decimal, made once rather than on every call. */
const bound = (n: number): Dec => {
  let d = bounds.get(n);
  if (!d) bounds.set(n, (d = new Dec(n)));
  return d;
};

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

function show(v: unknown): string {
  const text = typeof v === "string" ? `"${v}"` : Array.isArray(v) ? "a range" : String(v);
  return text.length > 40 ? text.slice(0, 37) + '..."' : text;
}

/** Reads one argument by its spec, or throws a #VALUE! naming the function, argument and expectation. */
export function readArg(fn: string, spec: ArgSpec, raw: unknown): unknown {
  const bad = (expected: string): never => {
    throw new FunctionError("#VALUE!", `UB.${fn}: ${spec.name} must be ${expected}; got ${show(raw)}`);
  };
  const single = Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1 ? raw[0][0] : raw;
  if (spec.kind !== "grid" && spec.kind !== "numbers" && (isBlank(single) || (spec.zeroIsBlank && single === 0))) {
    if (spec.optional) return undefined;
    bad("given");
  }
  switch (spec.kind) {
    case "number":
    case "integer": {
      const value = toDecimal(single);
      if (value === undefined) return bad(describe(spec));
      if (spec.kind === "integer" && !value.isInteger()) return bad(describe(spec));
      if ((spec.min !== undefined && value.lessThan(bound(spec.min))) || (spec.max !== undefined && value.greaterThan(bound(spec.max))))
        return bad(describe(spec));
      return spec.kind === "integer" ? value.toNumber() : value;
    }
    case "text":
      if (typeof single !== "string" && typeof single !== "number") return bad("text");
      return String(single).trim();
    case "boolean":
      if (typeof single === "boolean") return single;
      if (single === 1 || single === 0) return single === 1;
      if (typeof single === "string" && /^(true|false)$/i.test(single.trim())) return single.trim().toLowerCase() === "true";
      return bad("TRUE or FALSE");
    case "date":
      return readDate(single) ?? bad('a date (an Excel date or text such as "2026-10-31")');
    case "numbers":
      return readNumbers(raw, spec, bad);
    case "grid":
      if (isBlank(raw)) return spec.optional ? undefined : bad("a range");
      return Array.isArray(raw) ? raw.map((row) => (Array.isArray(row) ? row : [row])) : [[raw]];
  }
}

function describe(spec: ArgSpec): string {
  const what = spec.kind === "integer" ? "a whole number" : "a number";
  const range =
    spec.min !== undefined && spec.max !== undefined
      ? ` from ${spec.min} to ${spec.max}`
      : spec.min !== undefined
        ? ` of ${spec.min} or more`
        : spec.max !== undefined
          ? ` of ${spec.max} or less`
          : "";
  return `${what}${range}${spec.unit ? ` (${spec.unit})` : ""}`;
}

let culture: NumberCulture = US_NUMBERS;

/**
 * The workbook's number culture, for numbers the functions are given as text ("1.500" is 1,500 in
 * a German Excel). The task pane sets it from Excel's cultureInfo when it starts; until then en-US.
 */
export function setArgumentCulture(value: NumberCulture): void {
  culture = value;
}

export function argumentCulture(): NumberCulture {
  return culture;
}

/** A decimal from an Excel number or a numeric text in the workbook's culture; undefined otherwise. */
export function toDecimal(value: unknown): Dec | undefined {
  return typeof value === "number" || typeof value === "string" ? cellDecimal(value, culture) : undefined;
}

/** A date from an Excel serial number or ISO text. */
export function readDate(value: unknown): IsoDate | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value >= 61 && value < 2958466) return fromExcelSerial(value);
  if (typeof value === "string" && isIsoDate(value.trim())) return value.trim();
  return undefined;
}

/**
 * A range of numbers, cell by cell in reading order, a blank cell as null so the function can
 * line up several ranges row by row (a blank may also arrive as 0: see ArgSpec.zeroIsBlank).
 */
function readNumbers(raw: unknown, spec: ArgSpec, bad: (e: string) => never): (Dec | null)[] | undefined {
  const cells = Array.isArray(raw) ? raw.flat() : [raw];
  const values: (Dec | null)[] = [];
  for (const cell of cells) {
    if (isBlank(cell)) {
      values.push(null);
      continue;
    }
    const value = toDecimal(cell);
    if (value === undefined || (spec.min !== undefined && value.lessThan(spec.min)))
      bad(`a range of numbers${spec.min !== undefined ? ` of ${spec.min} or more` : ""}`);
    values.push(value!);
  }
  if (values.every((v) => v === null)) return spec.optional ? undefined : bad("a range with at least one number");
  return values;
}
