import { Dec } from "../decimal";
import type { Charge, RateSchedule, RateVersion } from "../rates/types";

/**
 * A schedule with its prices raised (or lowered) by a percentage: every fixed amount, base, block
 * price, cart and container price of every version, or only the charge `chargeId`. Each new price
 * is rounded half up to the places the old one had (at least cents), as a council adopts prices.
 * Percentages (taxes on other lines) are left as they are. The copy is named for the change.
 */
export function scaleSchedule(schedule: RateSchedule, percent: Dec, chargeId?: string): RateSchedule {
  const factor = percent.div(100).plus(1);
  const scale = (price: Dec) => price.times(factor).toDecimalPlaces(Math.max(2, price.decimalPlaces()), Dec.ROUND_HALF_UP);
  const record = <T>(r: Readonly<Record<string, T>>, f: (v: T) => T) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)])) as Readonly<Record<string, T>>;
  const charge = (c: Charge): Charge => {
    if (chargeId !== undefined && c.id !== chargeId) return c;
    switch (c.kind) {
      case "fixed":
        return { ...c, amount: scale(c.amount) };
      case "meterBase":
        return { ...c, amounts: record(c.amounts, scale) };
      case "thresholdBase":
        return { ...c, atOrBelow: scale(c.atOrBelow), above: scale(c.above) };
      case "blocks":
        return { ...c, blocks: c.blocks.map((b) => ({ ...b, price: scale(b.price) })) };
      case "carts":
        return { ...c, sizes: record(c.sizes, (p) => ({ first: scale(p.first), additional: scale(p.additional) })) };
      case "containers":
        return {
          ...c,
          sizes: record(c.sizes, (p) => ({
            perPickup: scale(p.perPickup),
            base: scale(p.base),
            additionalContainer: scale(p.additionalContainer),
          })),
        };
      case "percentOfLines":
        return c;
    }
  };
  const versions: RateVersion[] = schedule.versions.map((v) => ({ ...v, charges: v.charges.map(charge) }));
  const sign = percent.isNegative() ? "" : "+";
  return {
    ...schedule,
    id: `${schedule.id}${sign}${percent.toString()}%${chargeId ? `-${chargeId}` : ""}`,
    name: `${schedule.name}, ${chargeId ? `${chargeId} ` : ""}${sign}${percent.toString()}%`,
    versions,
  };
}

/** The ids of a schedule's charges a solver can scale (every kind but percentages), in order of first appearance. */
export function scalableCharges(schedule: RateSchedule): string[] {
  const ids = new Set<string>();
  for (const v of schedule.versions) for (const c of v.charges) if (c.kind !== "percentOfLines") ids.add(c.id);
  return [...ids];
}
