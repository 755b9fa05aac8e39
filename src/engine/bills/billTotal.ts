import { Dec, ZERO } from "../decimal";
import { fixedOf } from "../money/fixedPoint";
import { fail, ok, Result } from "../problems";
import { Money } from "../money/money";
import { FixedBlocks, fixedBlocks, ONE_FIXED, tierCents } from "../rates/priceTieredUsage";
import { selectVersion } from "../rates/selectVersion";
import type { RateSchedule, RateVersion } from "../rates/types";
import { applies, computeBill } from "./computeBill";
import { shapeKey } from "./billKey";
import type { BillInput } from "./types";

/** Everything about a bill but its usage. */
export type BillShape = Omit<BillInput, "usage" | "monthlyUsage">;

/**
 * One kind of account's bill totals in cents, usage by usage, without lines: for what needs only
 * totals (level pay's last twelve bills, the bench's rate math). The charges that do not depend on
 * usage are priced once, by computeBill at zero usage; the usage blocks in fixed point
 * (docs/adr/0013). Where the fixed point cannot price a bill alike (a volume basis, an allowance,
 * blocks scaled by dwelling units or days, a percentage of the usage lines, a unit that is not a
 * power of ten of the usage's, a usage it cannot hold) computeBill prices it. The cents are
 * computeBill's either way (test/engine/bills/billTotal.test.ts). NaN for a usage no bill can
 * have (negative); billTotalCents says why.
 */
export function billPricer(schedule: RateSchedule, shape: BillShape): Result<(usage: Dec) => number> {
  const version = selectVersion(schedule, shape.asOf);
  if (!version.ok) return version;
  const zero = computeBill(schedule, { ...shape, usage: ZERO });
  if (!zero.ok) return zero;
  const slow = (usage: Dec) => {
    const bill = computeBill(schedule, { ...shape, usage });
    return bill.ok ? (bill.value.total.cents ?? NaN) : NaN;
  };
  const base = zero.value.total.cents;
  const plan = planOf(schedule, version.value);
  const rateClass = shape.rateClass ?? schedule.classes[0];
  if (base === undefined || !plan.fixed || (plan.scaled && ((shape.dwellingUnits ?? 1) !== 1 || shape.days !== undefined))) {
    return ok(slow);
  }
  const blocks = plan.blocks.filter((b) => applies(b.charge, rateClass, shape as BillInput));
  const mode = schedule.rounding;
  return ok((usage: Dec) => {
    const u = fixedOf(usage);
    if (!u || u.n < 0) return slow(usage);
    let total = base;
    for (const b of blocks) {
      const cents = tierCents(u.n, u.e + b.shift, b.fixed, ONE_FIXED, mode);
      if (Number.isNaN(cents)) return slow(usage);
      total += cents;
    }
    return Number.isSafeInteger(total) ? total : slow(usage);
  });
}

/** A bill's total in cents (billPricer's, remembered for each kind of account). */
export function billTotalCents(schedule: RateSchedule, input: BillInput): Result<number> {
  if (input.monthlyUsage !== undefined) return totalOf(schedule, input);
  const key = shapeKey(input);
  const version = selectVersion(schedule, input.asOf);
  if (!version.ok) return version;
  const pricers = planOf(schedule, version.value).pricers;
  let price = pricers.get(key);
  if (!price) {
    const made = billPricer(schedule, input);
    if (!made.ok) return made;
    price = made.value;
    if (pricers.size < 10000) pricers.set(key, price);
  }
  const cents = price(input.usage);
  return Number.isNaN(cents) ? totalOf(schedule, input) : ok(cents);
}

/**
 * A bill's total as money: billTotalCents's, or computeBill's when the total is beyond what cents
 * hold (tens of billions of dollars), so a caller never loses a bill to the fast path's limits.
 */
export function billTotal(schedule: RateSchedule, input: BillInput): Result<Money> {
  const cents = billTotalCents(schedule, input);
  if (cents.ok) return ok(Money.fromCents(cents.value));
  const bill = computeBill(schedule, input);
  return bill.ok ? ok(bill.value.total) : bill;
}

function totalOf(schedule: RateSchedule, input: BillInput): Result<number> {
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
  /** The usage blocks in fixed point, each with the power of ten from the schedule's usage unit to its own (gal to kgal: 3). */
  readonly blocks: readonly { charge: BlocksChargeLike; fixed: FixedBlocks; shift: number }[];
  /** billTotalCents's pricers by kind of account. */
  readonly pricers: Map<string, (usage: Dec) => number>;
}
type BlocksChargeLike = Parameters<typeof applies>[0];

/** Powers of ten between volume units the fixed point converts exactly. */
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

/**
 * Plans by schedule, then version: a copy of a schedule ({ ...schedule, usageUnit: "kgal" }) shares
 * its versions but may read them differently (its unit, proration, classes), so it has its own.
 */
const plans = new WeakMap<RateSchedule, WeakMap<RateVersion, Plan>>();
function planOf(schedule: RateSchedule, version: RateVersion): Plan {
  let bySchedule = plans.get(schedule);
  if (!bySchedule) plans.set(schedule, (bySchedule = new WeakMap()));
  let plan = bySchedule.get(version);
  if (plan) return plan;
  const blocks: Plan["blocks"][number][] = [];
  let fixed = !schedule.blocksPerMonth;
  let scaled = false;
  const usageCharges = new Set<string>();
  for (const charge of version.charges) {
    if (charge.kind === "thresholdBase") fixed = false;
    if (charge.kind === "percentOfLines" && charge.of.some((id) => usageCharges.has(id))) fixed = false;
    if (charge.kind !== "blocks") continue;
    usageCharges.add(charge.id);
    const shift = SHIFT[`${schedule.usageUnit}>${charge.unit}`];
    const compiled = fixedBlocks(charge.blocks);
    if (shift === undefined || !compiled || charge.basis || charge.allowance !== undefined || charge.wholeUnits) fixed = false;
    if (charge.blocksPerDwellingUnit || schedule.prorateBlocks) scaled = true;
    if (compiled) blocks.push({ charge, fixed: compiled, shift: shift ?? 0 });
  }
  plan = { fixed, scaled, blocks, pricers: new Map() };
  bySchedule.set(version, plan);
  return plan;
}
