/*
 * The UB custom functions. Each is a named, JSDoc-tagged wrapper: custom-functions-metadata
 * reads these comments to write functions.json and appends CustomFunctions.associate calls to
 * this file at build time. Keep the wrappers thin: read, call a body, return.
 */
import * as body from "./bodies";
import { CATALOG } from "./catalog";
import { runFunction } from "./runFunction";
import { scheduleCache } from "../storage/scheduleCache";
import { FunctionError, toHostError } from "./errors";

async function withSchedules(): Promise<void> {
  if (await scheduleCache.whenReady(15000)) return;
  throw toHostError(
    new FunctionError("#N/A", "UB: rate schedules are still loading; open the UB Workbench pane or recalculate (Ctrl+Alt+F9)"),
  );
}

/**
 * Usage between two meter reads, allowing for register rollover, a multiplier and billing-unit truncation.
 * @customfunction CONSUMPTION
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubconsumption
 * @param previous Previous register read.
 * @param current Current register read.
 * @param [dials] Number of dials on the register; a lower current read then counts as a rollover.
 * @param [multiplier] Meter multiplier (default 1).
 * @param [unitSize] Register units per billing unit; each read is truncated to whole units first (default 1).
 * @returns Usage in billing units.
 */
export function consumption(previous: number, current: number, dials?: number, multiplier?: number, unitSize?: number): number {
  return runFunction(CATALOG.CONSUMPTION, [previous, current, dials, multiplier, unitSize], body.consumption);
}

/**
 * Prices usage through inline blocks: a two-column range of upper limit and price per unit (blank limit = no limit).
 * @customfunction TIERED
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubtiered
 * @param usage Usage to price, in the same unit as the block limits.
 * @param blocks Range of rows: upper limit, price per unit. Leave the last limit blank for no limit.
 * @param [base] A base charge added to the blocks (default 0).
 * @param [unitSize] Usage units per priced unit, e.g. 1000 when usage is in gallons and prices are per 1,000 (default 1).
 * @returns Charge in dollars: each block rounded half-up to the cent, plus the base.
 */
export function tiered(usage: number, blocks: any[][], base?: number, unitSize?: number): number {
  return runFunction(CATALOG.TIERED, [usage, blocks, base, unitSize], body.tiered);
}

/**
 * One service's charge (water, sewer, garbage, ...) from a stored rate schedule.
 * @customfunction CHARGE
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubcharge
 * @param schedule Rate schedule id, e.g. "chubbuck".
 * @param service Service name, e.g. "water".
 * @param usage Usage in the schedule's usage unit.
 * @param [meterSize] Meter size, e.g. "5/8" or "1".
 * @param [days] Days of service, to prorate a partial period (blank or 0: the whole period).
 * @param [asOf] Period end date (default today): picks the rates in effect and the season.
 * @returns The service's charge in dollars.
 */
export async function charge(
  schedule: string,
  service: string,
  usage: number,
  meterSize?: any,
  days?: number,
  asOf?: any,
): Promise<number> {
  await withSchedules();
  return runFunction(CATALOG.CHARGE, [schedule, service, usage, meterSize, days, asOf], body.charge);
}

/**
 * A whole bill's total from a stored rate schedule.
 * @customfunction BILL
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubbill
 * @param schedule Rate schedule id, e.g. "chubbuck".
 * @param usage Usage in the schedule's usage unit.
 * @param [meterSize] Meter size, e.g. "5/8" or "1".
 * @param [carts] Garbage carts; blank or 0 for none.
 * @param [days] Days of service, to prorate a partial period (blank or 0: the whole period).
 * @param [asOf] Period end date (default today).
 * @param [monthlyUsage] Each month's usage, summing to usage, for a schedule whose blocks are per month.
 * @returns The bill total in dollars.
 */
export async function bill(
  schedule: string,
  usage: number,
  meterSize?: any,
  carts?: number,
  days?: number,
  asOf?: any,
  monthlyUsage?: any[][],
): Promise<number> {
  await withSchedules();
  return runFunction(CATALOG.BILL, [schedule, usage, meterSize, carts, days, asOf, monthlyUsage], body.bill);
}

/**
 * A bill's lines, one per charge and block, with a total row: spills Service, Description, Quantity, Unit, Price, Amount.
 * @customfunction BILLLINES
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubbilllines
 * @param schedule Rate schedule id.
 * @param usage Usage in the schedule's usage unit.
 * @param [meterSize] Meter size.
 * @param [carts] Garbage carts; blank or 0 for none.
 * @param [days] Days of service.
 * @param [asOf] Period end date (default today).
 * @param [monthlyUsage] Each month's usage, summing to usage, for a schedule whose blocks are per month.
 * @returns The bill's lines.
 */
export async function billLines(
  schedule: string,
  usage: number,
  meterSize?: any,
  carts?: number,
  days?: number,
  asOf?: any,
  monthlyUsage?: any[][],
): Promise<any[][]> {
  await withSchedules();
  return runFunction(CATALOG.BILLLINES, [schedule, usage, meterSize, carts, days, asOf, monthlyUsage], body.billLines);
}

/**
 * Estimated usage: prior usage / prior days x current days, rounded to whole units.
 * @customfunction ESTIMATE
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubestimate
 * @param usages Prior periods' usage.
 * @param days Prior periods' days, in the same order.
 * @param currentDays Days in the period to estimate.
 * @param [excludeHighLow] Leave out the highest and lowest period (default FALSE).
 * @returns Estimated usage in whole units.
 */
export function estimate(usages: any[][], days: any[][], currentDays: number, excludeHighLow?: boolean): number {
  return runFunction(CATALOG.ESTIMATE, [usages, days, currentDays, excludeHighLow], body.estimate);
}

/**
 * Winter average: winter usage / winter days x 30.42, or the mean of the winter bills' usage.
 * @customfunction WINTERAVG
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubwinteravg
 * @param usages The winter periods' usage (December, January, February).
 * @param [days] The winter periods' days (needed for the per-day average).
 * @param [method] "days" (per day of service x 30.42; the default with days) or "bills" (the mean of the bills' usage; the default without days).
 * @returns Average usage: per month with "days", per bill with "bills".
 */
export function winterAvg(usages: any[][], days?: any[][], method?: string): number {
  return runFunction(CATALOG.WINTERAVG, [usages, days, method], body.winterAverage);
}

/**
 * Leak credit for a leak bill, in dollars or as the volume credited: a share of the usage above the baseline, credited at the rates billed.
 * @customfunction LEAKADJ
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubleakadj
 * @param schedule Rate schedule id.
 * @param usage The leak bill's usage.
 * @param baseline Normal usage: one number, or prior periods' usage to average.
 * @param [share] Share of the excess credited (default 0.5).
 * @param [pricing] "blocks" (the prices billed, default) or "lowest" (re-bill the credit at the lowest block).
 * @param [creditStep] Round the credited volume up to this step, in the customer's favour (default 1).
 * @param [adjustSewer] Also bill sewer on the baseline (default FALSE).
 * @param [asOf] The leak bill's period end (default today).
 * @param [meterSize] Meter size.
 * @param [returns] "credit" (dollars, default) or "volume" (the volume credited, in the schedule's usage unit).
 * @returns The credit in dollars, or the credited volume.
 */
export async function leakAdj(
  schedule: string,
  usage: number,
  baseline: any[][],
  share?: number,
  pricing?: string,
  creditStep?: number,
  adjustSewer?: boolean,
  asOf?: any,
  meterSize?: any,
  returns?: string,
): Promise<number> {
  await withSchedules();
  return runFunction(
    CATALOG.LEAKADJ,
    [schedule, usage, baseline, share, pricing, creditStep, adjustSewer, asOf, meterSize, returns],
    body.leakAdjustment,
  );
}

/**
 * Back-bill: corrected minus billed charges over the affected periods, each repriced with the rates then in effect.
 * @customfunction BACKBILL
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubbackbill
 * @param schedule Rate schedule id.
 * @param periodEnds The affected periods' end dates.
 * @param billedUsages Usage billed in each period.
 * @param correctedUsages Usage that should have been billed.
 * @param [lookbackMonths] Bill only periods ending within this many months of asOf.
 * @param [share] Share of an undercharge billed, e.g. 0.5 for a slow meter (default 1).
 * @param [asOf] Date of the back-bill (default today).
 * @param [meterSize] Meter size.
 * @returns Signed amount: positive to bill, negative to credit.
 */
export async function backBill(
  schedule: string,
  periodEnds: any[][],
  billedUsages: any[][],
  correctedUsages: any[][],
  lookbackMonths?: number,
  share?: number,
  asOf?: any,
  meterSize?: any,
): Promise<number> {
  await withSchedules();
  return runFunction(
    CATALOG.BACKBILL,
    [schedule, periodEnds, billedUsages, correctedUsages, lookbackMonths, share, asOf, meterSize],
    body.backBill,
  );
}

/**
 * Prorates an amount by days of service: amount x days / cycle days, rounded half-up to the cent.
 * @customfunction PRORATE
 * @helpurl https://github.com/ub-workbench/ub-workbench/blob/main/docs/functions.md#ubprorate
 * @param amount The full-period amount.
 * @param days Days of service.
 * @param cycleDays Days in the full period.
 * @returns The prorated amount.
 */
export function prorate(amount: number, days: number, cycleDays: number): number {
  return runFunction(CATALOG.PRORATE, [amount, days, cycleDays], body.prorateAmount);
}
