import Decimal from "decimal.js";
import { Dec } from "../decimal";

/** How a schedule rounds a line to the cent. The default, and Pocatello's, is half-up. */
export type RoundingMode = "halfUp" | "halfEven" | "up" | "down";

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

export const ROUNDING_MODES = Object.keys(MODES) as RoundingMode[];

/**
 * Rounds an exact amount to whole cents: the one place money is rounded (docs/adr/0001).
 * Rule: each bill line is computed at full precision and rounded once, half-up unless the
 * schedule names another mode; totals are exact sums of rounded lines and are never rounded.
 */
export function roundToCents(amount: Dec, mode: RoundingMode = "halfUp"): Dec {
  // Already whole cents (a base charge, 3,000 gal at 1.30 per 1,000): nothing to round, in any mode.
  if (amount.decimalPlaces() <= 2) return amount;
  return amount.toDecimalPlaces(2, MODES[mode]);
}

/** Rounds a volume to whole multiples of `step` in the given direction (billing-unit rounding). */
export function roundToStep(volume: Dec, step: Dec, mode: RoundingMode): Dec {
  return volume.div(step).toDecimalPlaces(0, MODES[mode]).times(step);
}

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === "string" && value in MODES;
}

export { Dec };
