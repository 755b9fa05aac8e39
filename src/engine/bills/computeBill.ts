import { Dec, ONE, ZERO } from "../decimal";
import { MoneySum, sumMoney } from "../money/money";
import { fail, ok, Result } from "../problems";
import { inSeason } from "../dates/civilDate";
import { priceCharge } from "../rates/charges/priceCharge";
import type { PricingContext } from "../rates/charges/context";
import { normalizeMeterSize } from "../rates/meterSize";
import { selectVersion } from "../rates/selectVersion";
import { MONTHS_PER_PERIOD } from "../rates/types";
import type { Charge, RateSchedule } from "../rates/types";
import { quantityText } from "../money/format";
import type { Bill, BillInput, BillLine, ServiceTotal } from "./types";

/**
 * One account's bill for one period: every charge of the rate version in effect on `asOf` that
 * applies to the account's class, the season and its add-ons, priced line by line (a line per
 * block) and rounded once per line. The total is the exact sum of the lines; totals by service
 * keep the schedule's order.
 */
export function computeBill(schedule: RateSchedule, input: BillInput): Result<Bill> {
  const version = selectVersion(schedule, input.asOf);
  if (!version.ok) return version;
  const context = buildContext(schedule, input);
  if (!context.ok) return context;
  const lines: BillLine[] = [];
  // linesSoFar is this same array: a charge sees only the lines priced before it.
  const ctx = context.value;
  ctx.linesSoFar = lines;
  for (const charge of version.value.charges) {
    if (!applies(charge, context.value.rateClass, input)) continue;
    const priced = priceCharge(charge, ctx);
    if (!priced.ok) return priced;
    for (const line of priced.value) lines.push(line);
  }
  const services = totalsByService(lines);
  return ok({
    scheduleId: schedule.id,
    effective: version.value.effective,
    asOf: input.asOf,
    rateClass: context.value.rateClass,
    // An array grown by push keeps room to grow; the bill keeps an exact copy (a cycle keeps a bill per account).
    lines: lines.slice(),
    services,
    total: sumMoney(services.map((s) => s.amount)),
  });
}

/** Whether a charge is on this account's bill: its class, season, add-on and services. */
export function applies(charge: Charge, rateClass: string, input: BillInput): boolean {
  if (charge.classes && !charge.classes.includes(rateClass)) return false;
  if (charge.season && !inSeason(input.asOf, charge.season.from, charge.season.to)) return false;
  if (charge.addOn && !((input.addOns?.[charge.addOn] ?? 0) > 0)) return false;
  if (input.services && !input.services.includes(charge.service)) return false;
  return true;
}

function buildContext(schedule: RateSchedule, input: BillInput): Result<PricingContext & { linesSoFar: BillLine[] }> {
  const rateClass = input.rateClass ?? schedule.classes[0];
  if (!schedule.classes.includes(rateClass)) {
    return fail("UNKNOWN_CLASS", `rate class "${rateClass}" is not in schedule ${schedule.id}; classes: ${schedule.classes.join(", ")}`);
  }
  if (!input.usage.isFinite() || input.usage.isNegative()) {
    return fail("INVALID_INPUT", `usage must be zero or more, got ${input.usage.toString()}`);
  }
  const monthly = checkMonthlyUsage(schedule, input);
  if (monthly) return fail("INVALID_INPUT", monthly);
  const units = input.dwellingUnits ?? 1;
  if (!Number.isInteger(units) || units < 1)
    return fail("INVALID_INPUT", `dwelling units must be a whole number of 1 or more, got ${units}`);
  const days = input.days;
  if (days !== undefined && !(days > 0 && days <= schedule.cycleDays * 2)) {
    return fail("INVALID_INPUT", `days of service must be above 0 and at most ${schedule.cycleDays * 2}, got ${days}`);
  }
  const carts = input.carts ?? { count: 1 };
  if (!Number.isInteger(carts.count) || carts.count < 0)
    return fail("INVALID_INPUT", `carts must be a whole number of 0 or more, got ${carts.count}`);
  const rawSize = input.meterSize ?? schedule.defaultMeterSize;
  const factor = days === undefined || days === schedule.cycleDays ? ONE : new Dec(days).div(schedule.cycleDays);
  return ok({
    schedule,
    usage: { amount: input.usage, unit: schedule.usageUnit },
    monthlyUsage: input.monthlyUsage,
    rateClass,
    meterSize: rawSize === undefined || rawSize.trim() === "" ? undefined : normalizeMeterSize(rawSize),
    dwellingUnits: units === 1 ? ONE : new Dec(units),
    carts,
    containers: input.containers,
    addOns: input.addOns ?? {},
    prorationFactor: factor,
    prorationNote: factor.equals(ONE) ? "" : ` (${days} of ${schedule.cycleDays} days)`,
    winterAverage: input.winterAverage,
    linesSoFar: [],
  });
}

/** What is wrong with the bill's monthly usage, if anything: the schedule must price by month, and the months add up. */
function checkMonthlyUsage(schedule: RateSchedule, input: BillInput): string | undefined {
  const months = input.monthlyUsage;
  if (months === undefined) return undefined;
  if (!schedule.blocksPerMonth) {
    return `monthly usage was given, but schedule ${schedule.id} prices each period's usage as a whole (it does not set blocksPerMonth)`;
  }
  const most = MONTHS_PER_PERIOD[schedule.frequency];
  if (months.length === 0 || months.length > most) {
    return `a ${schedule.frequency} bill has 1 to ${most} months of usage; ${months.length} were given`;
  }
  const bad = months.findIndex((m) => !m.isFinite() || m.isNegative());
  if (bad >= 0) return `month ${bad + 1}'s usage must be zero or more, got ${months[bad].toString()}`;
  const sum = months.reduce((total, m) => total.plus(m), ZERO);
  if (!sum.equals(input.usage)) {
    return `the monthly usages ${months.map((m) => quantityText(m)).join(" + ")} = ${quantityText(sum)} do not add up to the period's usage of ${quantityText(input.usage)}`;
  }
  return undefined;
}

function totalsByService(lines: readonly BillLine[]): ServiceTotal[] {
  // A bill has a handful of services: a list searched in order, not a map per bill.
  const services: string[] = [];
  const sums: MoneySum[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    let i = services.indexOf(line.service);
    if (i < 0) {
      i = services.length;
      services.push(line.service);
      sums.push(new MoneySum());
    }
    sums[i].add(line.amount);
  }
  const totals = new Array<ServiceTotal>(services.length);
  for (let i = 0; i < services.length; i++) totals[i] = { service: services[i], amount: sums[i].money };
  return totals;
}
