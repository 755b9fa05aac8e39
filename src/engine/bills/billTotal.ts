import { ZERO } from "../decimal";
import { Fixed, fixedOf } from "../money/fixedPoint";
import { fail, ok, Result } from "../problems";
import { ONE_FIXED, tieredCentsFixed } from "../rates/priceTieredUsage";
import { selectVersion } from "../rates/selectVersion";
import type { BlocksCharge, RateSchedule, RateVersion } from "../rates/types";
import { applies, computeBill } from "./computeBill";
import type { BillInput } from "./types";

/**
 * A bill's total in cents, without its lines: for what needs only totals (level pay's last twelve
 * bills, the bench's rate math). The charges that do not depend on usage are priced once per kind
 * of account (class, meter, units, carts, containers, add-ons, days) by computeBill and
 * remembered; the usage blocks are priced in fixed point (docs/adr/0013). A bill the fixed point
 * cannot price alike (monthly usage, a volume basis, an allowance, scaled or prorated blocks, a
 * percentage of the usage lines, a unit that is not a power of ten of the usage's) is priced by
 * computeBill. Either way the cents are computeBill's (test/engine/bills/billTotal.test.ts).
 */
export function billTotalCents(schedule: RateSchedule, input: BillInput): Result<number> {
  const version = selectVersion(schedule, input.asOf);
  if (!version.ok) return version;
  const plan = planOf(schedule, version.value);
  const usage = plan.fixed && input.monthlyUsage === undefined ? fixedOf(input.usage) : undefined;
  if (!usage || usage.n < 0 || (plan.scaled && ((input.dwellingUnits ?? 1) !== 1 || input.days !== undefined)))
    return slow(schedule, input);
  const rateClass = input.rateClass ?? schedule.classes[0];
  // The schedule's rounding and cycle are in the key: a version's charges can be shared by copies of a schedule.
  const key = `${schedule.rounding}|${schedule.cycleDays}|${shapeKey(input, rateClass)}`;
  let base = plan.bases.get(key);
  if (base === undefined) {
    const zero = computeBill(schedule, { ...input, usage: ZERO });
    if (!zero.ok) return zero;
    base = zero.value.total.cents;
    if (base === undefined) return slow(schedule, input);
    if (plan.bases.size < 10000) plan.bases.set(key, base);
  }
  let total = base;
  for (const charge of plan.blocks) {
    if (!applies(charge.charge, rateClass, input)) continue;
    const inUnit: Fixed = { n: usage.n, e: usage.e + charge.shift };
    const cents = tieredCentsFixed(inUnit, charge.charge.blocks, ONE_FIXED, schedule.rounding);
    if (Number.isNaN(cents)) return slow(schedule, input);
    total += cents;
  }
  return Number.isSafeInteger(total) ? ok(total) : slow(schedule, input);
}

function slow(schedule: RateSchedule, input: BillInput): Result<number> {
  const bill = computeBill(schedule, input);
  if (!bill.ok) return bill;
  const cents = bill.value.total.cents;
  return cents === undefined
    ? fail("INVALID_INPUT", `a bill of ${bill.value.total.toCents()} is beyond what a total in cents holds`)
    : ok(cents);
}

interface Plan {
  /** False when a charge of this version needs computeBill for every bill. */
  readonly fixed: boolean;
  /** True when a blocks charge scales its limits by dwelling units or days. */
  readonly scaled: boolean;
  /** The usage blocks, each with the power of ten from the schedule's usage unit to its own (gal to kgal: 3). */
  readonly blocks: readonly { charge: BlocksCharge; shift: number }[];
  /** The usage-free charges' cents by kind of account. */
  readonly bases: Map<string, number>;
}

/** Powers of ten between volume units the fixed point converts exactly (gallons and thousands of gallons). */
const SHIFT: Readonly<Record<string, number>> = {
  "gal>gal": 0,
  "kgal>kgal": 0,
  "gal>kgal": 3,
  "cf>cf": 0,
  "ccf>ccf": 0,
  "hcf>hcf": 0,
  "ccf>hcf": 0,
  "hcf>ccf": 0,
  "unit748>unit748": 0,
};

const plans = new WeakMap<RateVersion, Plan>();
function planOf(schedule: RateSchedule, version: RateVersion): Plan {
  let plan = plans.get(version);
  if (plan) return plan;
  const blocks: { charge: BlocksCharge; shift: number }[] = [];
  let fixed = !schedule.blocksPerMonth;
  let scaled = false;
  const usageCharges = new Set<string>();
  for (const charge of version.charges) {
    if (charge.kind === "thresholdBase") fixed = false;
    if (charge.kind === "percentOfLines" && charge.of.some((id) => usageCharges.has(id))) fixed = false;
    if (charge.kind !== "blocks") continue;
    usageCharges.add(charge.id);
    const shift = SHIFT[`${schedule.usageUnit}>${charge.unit}`];
    if (shift === undefined || charge.basis || charge.allowance !== undefined || charge.wholeUnits) fixed = false;
    if (charge.blocksPerDwellingUnit || schedule.prorateBlocks) scaled = true;
    blocks.push({ charge, shift: shift ?? 0 });
  }
  plan = { fixed, scaled, blocks, bases: new Map() };
  plans.set(version, plan);
  return plan;
}

/** Everything but usage that shapes a bill's usage-free charges. */
function shapeKey(input: BillInput, rateClass: string): string {
  const c = input.containers;
  const addOns = input.addOns ? Object.entries(input.addOns).join(",") : "";
  return `${input.asOf}|${rateClass}|${input.meterSize ?? ""}|${input.dwellingUnits ?? 1}|${input.carts ? `${input.carts.count}:${input.carts.size ?? ""}` : "-"}|${c ? `${c.count}:${c.size ?? ""}:${c.pickupsPerWeek}` : "-"}|${addOns}|${input.days ?? ""}|${input.services?.join(",") ?? ""}|${input.winterAverage ?? ""}`;
}
