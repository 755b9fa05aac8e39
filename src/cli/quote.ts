import { readFileSync, statSync } from "fs";
import {
  Bill,
  MAX_SCHEDULE_BYTES,
  parseScheduleText,
  computeBill,
  dec,
  isDecimalText,
  isIsoDate,
  priceText,
  quantityText,
  RateSchedule,
  unitLabel,
  validateSchedule,
} from "../engine";
import { atMost, ParsedArgs, required, text, UsageError } from "./args";
import { utf16Text } from "../workbook/textBytes";
import { MAX_INPUT_NUMBER } from "../workbook/cells";

export const QUOTE_HELP = `ubill quote --schedule FILE --usage N [--meter SIZE] [--carts N] [--days D] [--as-of DATE] [--class NAME] [--json]
  Prices one bill for a what-if rate check and prints its lines and total.
  --schedule FILE  a rate schedule JSON file (samples/rates/chubbuck.json)
  --usage N        usage in the schedule's usage unit (gallons for Chubbuck)
  --meter SIZE     meter size, e.g. 5/8 or 1.5
  --carts N        garbage carts, 0 to 50 (default 1; 0 for none)
  --days D         days of service, to prorate a partial period
  --as-of DATE     period end date, YYYY-MM-DD (default today)
  --class NAME     rate class (default the schedule's first)
  --json           print the bill as JSON with exact decimal strings`;

export function loadScheduleFile(path: string): RateSchedule {
  let raw: string;
  try {
    // Not read at all past the limit: a file of 108 MB is refused by its size.
    const stats = statSync(path);
    if (!stats.isFile())
      throw new UsageError(
        `cannot read schedule file ${path}: it is ${stats.isDirectory() ? "a directory" : "not an ordinary file (a device or a pipe)"}`,
      );
    if (stats.size > MAX_SCHEDULE_BYTES + 3)
      throw new UsageError(
        `${path}: it is ${stats.size.toLocaleString("en-US")} bytes; a schedule file may be at most 4,194,304 bytes (4 MB)`,
      );
    // UTF-8, or UTF-16 with its byte-order mark (Notepad's "Unicode").
    const data = readFileSync(path);
    raw = utf16Text(data) ?? data.toString("utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read schedule file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseScheduleText(raw);
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.problem.message}`);
  const json = parsed.value;
  const result = validateSchedule(json);
  if (!result.ok) throw new UsageError(`${path}: ${result.problem.message}`);
  return result.value;
}

function wholeNumber(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = text(args, name);
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  return Number(v);
}

/** Runs `ubill quote`: returns the text to print. */
export function quote(args: ParsedArgs, today: string): string {
  atMost(args, 0, "ubill quote takes options only (--schedule FILE --usage N ...)");
  const schedule = loadScheduleFile(required(args, "schedule", "a rate schedule JSON file"));
  const usageText = required(args, "usage", `usage in ${unitLabel(schedule.usageUnit)}`).replace(/,/g, "");
  if (!isDecimalText(usageText) || dec(usageText).isNegative() || dec(usageText).greaterThan(MAX_INPUT_NUMBER))
    throw new UsageError(`--usage must be a number from 0 to ${MAX_INPUT_NUMBER.toLocaleString("en-US")}, got "${text(args, "usage")}"`);
  const asOf = text(args, "as-of") ?? today;
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date such as 2026-10-31, got "${asOf}"`);
  const carts = wholeNumber(args, "carts", 0, 50);
  const result = computeBill(schedule, {
    usage: dec(usageText),
    asOf,
    meterSize: text(args, "meter"),
    carts: carts === undefined ? undefined : { count: carts },
    days: wholeNumber(args, "days", 1, 366),
    rateClass: text(args, "class"),
  });
  if (!result.ok) throw new UsageError(result.problem.message);
  return args.options.has("json") ? JSON.stringify(billJson(schedule, result.value), null, 2) : billText(schedule, result.value, usageText);
}

function billJson(schedule: RateSchedule, bill: Bill) {
  return {
    schedule: schedule.id,
    asOf: bill.asOf,
    effective: bill.effective,
    rateClass: bill.rateClass,
    lines: bill.lines.map((l) => ({
      service: l.service,
      description: l.description,
      quantity: l.quantity.toString(),
      unit: l.unit,
      price: priceText(l.price),
      amount: l.amount.toCents(),
    })),
    services: Object.fromEntries(bill.services.map((s) => [s.service, s.amount.toCents()])),
    total: bill.total.toCents(),
  };
}

function billText(schedule: RateSchedule, bill: Bill, usage: string): string {
  const header = ["Service", "Description", "Quantity", "Unit", "Price", "Amount"];
  const rows = bill.lines.map((l) => [
    l.service,
    l.description,
    quantityText(l.quantity.toDecimalPlaces(4)),
    l.unit,
    priceText(l.price),
    l.amount.toCents(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = new Set([2, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const total = `Total ${bill.total.toCents()}`;
  const width = widths.reduce((a, b) => a + b + 2, -2);
  return [
    `${schedule.name} (${schedule.id})`,
    `Rates ${bill.effective ? `effective ${bill.effective}` : "as published (undated)"}, as of ${bill.asOf}; class ${bill.rateClass}; usage ${quantityText(dec(usage))} ${unitLabel(schedule.usageUnit)}`,
    "",
    line(header),
    ...rows.map(line),
    "",
    total.padStart(width),
  ].join("\n");
}
