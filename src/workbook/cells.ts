import { compact, Dec, fromExcelSerial, isDecimalText, isIsoDate, IsoDate } from "../engine";
import type { CellValue } from "./port";

export const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An identifier (account, meter) as text: numbers lose no digits and gain no ".0". */
export function idText(v: CellValue | undefined): string {
  if (isBlank(v)) return "";
  return typeof v === "number" ? (Number.isInteger(v) ? String(v) : String(v)) : String(v).trim();
}

const numberDecimals = new Map<number, Dec>();

/** How a workbook writes numbers as text: its decimal and group separators. */
export interface NumberCulture {
  readonly decimal: string;
  readonly group: string;
}

/**
 * The largest number read from input, either sign: a 12-dial register reads at most
 * 999,999,999,999, and no amount comes near. Past it a cell is not a number (docs/inputs.md), so
 * a read written "1e999999999" cannot make a calculation run away.
 */
export const MAX_INPUT_NUMBER = 1e12;

/** en-US, and any file whose culture is not known: "1,234.5". */
export const US_NUMBERS: NumberCulture = { decimal: ".", group: "," };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const groupPatterns = new Map<string, RegExp>();

/**
 * Numeric text in the workbook's culture as plain decimal text: "1.234,5" in de-DE and
 * "1 234,5" in fr-FR are "1234.5"; a group separator counts only before three digits.
 */
function normalize(text: string, culture: NumberCulture): string {
  let pattern = groupPatterns.get(culture.group);
  if (!pattern) groupPatterns.set(culture.group, (pattern = new RegExp(`${escape(culture.group)}(?=\\d{3}(\\D|$))`, "g")));
  // A culture grouping with a no-break space (fr-FR: U+202F or U+00A0) is typed with a plain one too.
  const spaced = /^[\u00a0\u202f ]$/.test(culture.group) ? text.replace(/[\u00a0\u202f ](?=\d{3}(\D|$))/g, "") : text;
  const ungrouped = spaced.replace(pattern, "");
  return culture.decimal === "." ? ungrouped : ungrouped.split(culture.decimal).join(".");
}

/**
 * A decimal from a number or numeric text in the workbook's culture ("1,234.5" in en-US,
 * "1.234,5" in de-DE); undefined when the cell holds something else.
 */
export function cellDecimal(v: CellValue | undefined, culture: NumberCulture = US_NUMBERS): Dec | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Math.abs(v) > MAX_INPUT_NUMBER) return undefined;
    // Reads, usages and amounts repeat across a city's rows; a decimal is immutable, so each
    // distinct number is made into one once (bounded, so a sheet of distinct numbers costs nothing extra).
    const n = v === 0 ? 0 : v; // never a negative zero
    let d = numberDecimals.get(n);
    if (d === undefined) {
      // Compact: a city's amounts are kept for the whole run (balances alone are 300,000 decimals).
      d = Number.isInteger(n) ? new Dec(n) : compact(new Dec(String(n)));
      if (numberDecimals.size < 100_000) numberDecimals.set(n, d);
    }
    return d;
  }
  if (typeof v === "string") {
    const text = normalize(v.trim(), culture);
    if (!isDecimalText(text)) return undefined;
    const d = compact(new Dec(text));
    return d.abs().greaterThan(MAX_INPUT_NUMBER) ? undefined : d;
  }
  return undefined;
}

const serialDates = new Map<number, IsoDate>();

/** The first and last dates read from a cell (docs/inputs.md). */
export const FIRST_DATE = "1900-03-01";
export const LAST_DATE = "2199-12-31";
/**
 * Excel serials of those dates: 61 is 1900-03-01, the first day Excel's serials agree with the
 * calendar (it counts a 1900-02-29 that never was); 109,574 is 2199-12-31.
 */
const FIRST_SERIAL = 61;
const LAST_SERIAL = 109_574;

/**
 * A date from an Excel serial number, ISO text, or US text (10/30/2026, 10/30/26), from 1900-03-01
 * to 2199-12-31: a date past them is no date, named like any unreadable cell.
 */
export function cellDate(v: CellValue | undefined): IsoDate | undefined {
  if (typeof v === "number") {
    if (!(Number.isFinite(v) && v >= FIRST_SERIAL && v < LAST_SERIAL + 1)) return undefined;
    const day = Math.floor(v);
    let iso = serialDates.get(day);
    if (iso === undefined) {
      iso = fromExcelSerial(day);
      if (serialDates.size < 100_000) serialDates.set(day, iso);
    }
    return iso;
  }
  if (typeof v !== "string") return undefined;
  const text = v.trim();
  const inRange = (iso: string) => (isIsoDate(iso) && iso >= FIRST_DATE && iso <= LAST_DATE ? iso : undefined);
  if (isIsoDate(text)) return inRange(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!us) return undefined;
  const year = us[3].length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
  return inRange(`${year}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}`);
}

const MONTHS = "january february march april may june july august september october november december".split(" ");

/** The last day of a month, as ISO text. */
function monthEnd(year: number, month: number): IsoDate | undefined {
  if (!(year >= 1900 && year <= 2199 && month >= 1 && month <= 12)) return undefined;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The end of a billing period as billing systems export it: a date (as cellDate reads it), or a
 * month ("2025-10", "2025/10", "10/2025", "Oct 2025", "October 2025", "Oct-2025"), which means the
 * period ending that month, on its last day.
 */
export function cellPeriodEnd(v: CellValue | undefined): IsoDate | undefined {
  const date = cellDate(v);
  if (date || typeof v !== "string") return date;
  const text = v.trim();
  const numeric = /^(\d{4})[-/](\d{1,2})$/.exec(text) ?? /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    return numeric[1].length === 4 ? monthEnd(a, b) : monthEnd(b, a);
  }
  const named = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(text);
  if (!named) return undefined;
  // The month's full name, its first three letters, or "Sept".
  const word = named[1].toLowerCase();
  const month = MONTHS.findIndex((m) => word === m || word === m.slice(0, 3) || (word === "sept" && m === "september"));
  return month < 0 ? undefined : monthEnd(Number(named[2]), month + 1);
}

/** A short description of a cell's content for a message: "abc", 12.5, TRUE, an empty cell. */
export function shown(v: CellValue | undefined): string {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "an empty cell";
  if (typeof v === "string") return JSON.stringify(v.length > 30 ? v.slice(0, 27) + "..." : v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}
