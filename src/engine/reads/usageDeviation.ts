import { Dec } from "../decimal";

/**
 * How far usage lies outside its limits, as Oracle CC&B's high/low edit states it:
 * high% = (consumption - high limit) / high limit x 100 and low% = (low limit - consumption) /
 * low limit x 100. A figure is null when usage is inside that limit (or the limit is zero).
 */
export function usageDeviation(consumption: Dec, limits: { readonly high: Dec; readonly low: Dec }): { high: Dec | null; low: Dec | null } {
  const high =
    limits.high.greaterThan(0) && consumption.greaterThan(limits.high) ? consumption.minus(limits.high).div(limits.high).times(100) : null;
  const low =
    limits.low.greaterThan(0) && consumption.lessThan(limits.low) ? limits.low.minus(consumption).div(limits.low).times(100) : null;
  return { high, low };
}
