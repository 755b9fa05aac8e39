import type { Charge } from "../types";
import type { ChargeResult, PricingContext } from "./context";
import { ONE } from "../../decimal";

/**
 * Bill lines are immutable, so a charge priced the same way for many accounts (a base charge, one
 * cart, a full period) gives the same line objects: priced once and shared. The cache is keyed by
 * the charge object and a key of everything else that shaped the lines; problems are not cached.
 * The proration note (" (12 of 30 days)", empty for a full period) names the proration factor, so
 * keys carry the note rather than the factor's 40 digits.
 */
const cache = new WeakMap<Charge, Map<string, ChargeResult>>();

export function cachedLines(charge: Charge, key: string, price: () => ChargeResult): ChargeResult {
  let byKey = cache.get(charge);
  if (!byKey) cache.set(charge, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const priced = price();
  if (priced.ok && byKey.size < 1000) {
    priced.value.forEach((line) => Object.freeze(line));
    byKey.set(key, priced);
  }
  return priced;
}

/** Dwelling units as a cache key, without formatting the common single unit. */
export function unitsKey(ctx: PricingContext): string {
  return ctx.dwellingUnits === ONE ? "1" : ctx.dwellingUnits.toString();
}
