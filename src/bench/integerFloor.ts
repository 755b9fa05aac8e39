import type { Charge, RateSchedule } from "../engine";

/**
 * The integer floor: the same rate math as the engine's computeBill for a schedule's fixed,
 * per-unit block, cart and container charges, in integer micro-dollars with half-up rounding to
 * cents, for a full period. It exists only to measure how far exact decimals are from the
 * fastest arithmetic that gives the same cents; the bench checks that both agree.
 */
export interface IntegerPlan {
  readonly fixed: number[];
  readonly blocks: { unitGallons: number; limits: (number | null)[]; prices: number[] }[];
  readonly carts?: { first: number; additional: number };
  readonly containers?: { perPickup: number; base: number; additional: number };
}

const micro = (d: { toString(): string }) => Math.round(Number(d.toString()) * 1_000_000);
const cents = (d: { toString(): string }) => Math.round(Number(d.toString()) * 100);
const UNIT_GALLONS: Record<string, number> = { gal: 1, kgal: 1000 };

export function integerPlan(schedule: RateSchedule, rateClass: string): IntegerPlan {
  const charges = schedule.versions[schedule.versions.length - 1].charges.filter(
    (c: Charge) => !c.classes || c.classes.includes(rateClass),
  );
  const plan: { fixed: number[]; blocks: IntegerPlan["blocks"]; carts?: IntegerPlan["carts"]; containers?: IntegerPlan["containers"] } = {
    fixed: [],
    blocks: [],
  };
  for (const c of charges) {
    if (c.kind === "fixed") plan.fixed.push(cents(c.amount));
    else if (c.kind === "blocks") {
      const unit = UNIT_GALLONS[c.unit];
      plan.blocks.push({
        unitGallons: unit,
        limits: c.blocks.map((b) => (b.upTo === null ? null : Number(b.upTo.toString()) * unit)),
        prices: c.blocks.map((b) => micro(b.price)),
      });
    } else if (c.kind === "carts") {
      const p = Object.values(c.sizes)[0];
      plan.carts = { first: cents(p.first), additional: cents(p.additional) };
    } else if (c.kind === "containers") {
      const p = Object.values(c.sizes)[0];
      plan.containers = { perPickup: cents(p.perPickup), base: cents(p.base), additional: cents(p.additionalContainer) };
    }
  }
  return plan;
}

/** One bill's total in cents: each line rounded half-up to the cent, then summed. */
export function integerBill(
  plan: IntegerPlan,
  usageGallons: number,
  carts: number,
  containers: { count: number; pickups: number } | undefined,
): number {
  let total = 0;
  for (const f of plan.fixed) total += f;
  for (const b of plan.blocks) {
    let lower = 0;
    for (let i = 0; i < b.prices.length; i++) {
      const upper = b.limits[i];
      const end = upper === null ? usageGallons : Math.min(upper, usageGallons);
      if (end > lower) {
        const numerator = (end - lower) * b.prices[i];
        const denominator = b.unitGallons * 10_000;
        total += Math.floor((2 * numerator + denominator) / (2 * denominator));
      }
      if (upper === null || usageGallons <= upper) break;
      lower = upper;
    }
  }
  if (plan.carts && carts > 0) total += plan.carts.first + (carts - 1) * plan.carts.additional;
  if (plan.containers && containers && containers.count > 0) {
    total +=
      plan.containers.perPickup * containers.count * containers.pickups +
      plan.containers.base +
      (containers.count - 1) * plan.containers.additional;
  }
  return total;
}
