import type { FunctionSpec } from "./args";

/** UB.BILL and UB.BILLLINES take the same account description. */
const BILL_ARGS = [
  { name: "schedule", kind: "text" },
  { name: "usage", kind: "number", min: 0, unit: "the schedule's usage unit" },
  { name: "meterSize", kind: "text", optional: true, zeroIsBlank: true },
  // Blank and 0 both mean no cart: a blank cell arrives as 0 on some desktop builds.
  { name: "carts", kind: "integer", optional: true, min: 0, max: 50 },
  { name: "days", kind: "number", optional: true, min: 0, unit: "days", zeroIsBlank: true },
  { name: "asOf", kind: "date", optional: true, zeroIsBlank: true },
  // Each month's usage on a schedule with blocks per month; blank and 0 cells are left out.
  { name: "monthlyUsage", kind: "numbers", optional: true, min: 0, unit: "the schedule's usage unit" },
] as const;

/**
 * The UB custom functions: name, arguments, units and limits. One shared helper (runFunction)
 * checks every call against this table; docs/functions.md documents each entry.
 */
export const CATALOG = {
  CONSUMPTION: {
    name: "CONSUMPTION",
    args: [
      { name: "previous", kind: "number", min: 0, unit: "register units" },
      { name: "current", kind: "number", min: 0, unit: "register units" },
      { name: "dials", kind: "integer", optional: true, min: 1, max: 12, zeroIsBlank: true },
      { name: "multiplier", kind: "number", optional: true, min: 0, zeroIsBlank: true },
      { name: "unitSize", kind: "number", optional: true, min: 0, unit: "register units per billing unit", zeroIsBlank: true },
    ],
  },
  TIERED: {
    name: "TIERED",
    args: [
      { name: "usage", kind: "number", min: 0 },
      { name: "blocks", kind: "grid" },
      { name: "base", kind: "number", optional: true, min: 0, unit: "$" },
      { name: "unitSize", kind: "number", optional: true, min: 0, unit: "usage units per priced unit", zeroIsBlank: true },
    ],
  },
  CHARGE: {
    name: "CHARGE",
    args: [
      { name: "schedule", kind: "text" },
      { name: "service", kind: "text" },
      { name: "usage", kind: "number", min: 0, unit: "the schedule's usage unit" },
      { name: "meterSize", kind: "text", optional: true, zeroIsBlank: true },
      { name: "days", kind: "number", optional: true, min: 0, unit: "days", zeroIsBlank: true },
      { name: "asOf", kind: "date", optional: true, zeroIsBlank: true },
    ],
  },
  BILL: { name: "BILL", args: BILL_ARGS },
  BILLLINES: { name: "BILLLINES", args: BILL_ARGS },
  ESTIMATE: {
    name: "ESTIMATE",
    args: [
      { name: "usages", kind: "numbers", min: 0 },
      { name: "days", kind: "numbers", min: 0 },
      { name: "currentDays", kind: "number", min: 0, unit: "days" },
      { name: "excludeHighLow", kind: "boolean", optional: true },
    ],
  },
  WINTERAVG: {
    name: "WINTERAVG",
    args: [
      { name: "usages", kind: "numbers", min: 0 },
      { name: "days", kind: "numbers", optional: true, min: 0 },
      { name: "method", kind: "text", optional: true, zeroIsBlank: true },
    ],
  },
  LEAKADJ: {
    name: "LEAKADJ",
    args: [
      { name: "schedule", kind: "text" },
      { name: "usage", kind: "number", min: 0, unit: "the schedule's usage unit" },
      { name: "baseline", kind: "numbers", min: 0 },
      { name: "share", kind: "number", optional: true, min: 0, max: 1, zeroIsBlank: true },
      { name: "pricing", kind: "text", optional: true, zeroIsBlank: true },
      { name: "creditStep", kind: "number", optional: true, min: 0, unit: "the schedule's usage unit", zeroIsBlank: true },
      { name: "adjustSewer", kind: "boolean", optional: true },
      { name: "asOf", kind: "date", optional: true, zeroIsBlank: true },
      { name: "meterSize", kind: "text", optional: true, zeroIsBlank: true },
      { name: "returns", kind: "text", optional: true, zeroIsBlank: true },
    ],
  },
  BACKBILL: {
    name: "BACKBILL",
    args: [
      { name: "schedule", kind: "text" },
      { name: "periodEnds", kind: "grid" },
      { name: "billedUsages", kind: "numbers", min: 0 },
      { name: "correctedUsages", kind: "numbers", min: 0 },
      { name: "lookbackMonths", kind: "integer", optional: true, min: 1, max: 120, zeroIsBlank: true },
      { name: "share", kind: "number", optional: true, min: 0, max: 1, zeroIsBlank: true },
      { name: "asOf", kind: "date", optional: true, zeroIsBlank: true },
      { name: "meterSize", kind: "text", optional: true, zeroIsBlank: true },
    ],
  },
  PRORATE: {
    name: "PRORATE",
    args: [
      { name: "amount", kind: "number", unit: "$" },
      { name: "days", kind: "number", min: 0, unit: "days" },
      { name: "cycleDays", kind: "number", min: 1, unit: "days" },
    ],
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof CATALOG;
