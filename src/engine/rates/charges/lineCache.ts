import type { Charge } from "../types";
import type { ChargeResult } from "./context";

/**
 * Bill lines are immutable, so a charge priced the same way for many accounts (a base charge, one
 * cart, a full period) gives the same line objects: priced once and shared. The cache is keyed by
 * the charge object and a key of everything else that shaped the lines; problems are not cached.
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
