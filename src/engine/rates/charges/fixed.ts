import { Dec, ONE } from "../../decimal";
import { Money } from "../../money/money";
import { roundToCents } from "../../money/rounding";
import { ok } from "../../problems";
import { assert } from "../../assert";
import type { FixedCharge } from "../types";
import type { ChargeResult, PricingContext } from "./context";

const UNITS: Record<FixedCharge["per"], string> = { account: "account", dwellingUnit: "dwelling unit", occurrence: "each" };

/**
 * A flat amount per account, per dwelling unit or per occurrence. As an add-on the count is the
 * add-on's quantity on the bill. Account and dwelling-unit amounts are prorated by days of
 * service; occurrences (an extra pickup) are not. Rounded once, half-up unless the schedule says.
 */
export function priceFixed(charge: FixedCharge, ctx: PricingContext): ChargeResult {
  let count: Dec = charge.per === "dwellingUnit" ? ctx.dwellingUnits : ONE;
  assert(charge.per !== "occurrence" || charge.addOn, `charge ${charge.id} per occurrence has no add-on`);
  if (charge.addOn) count = count.times(ctx.addOns[charge.addOn] ?? 0);
  const prorated = charge.per !== "occurrence";
  const quantity = prorated ? count.times(ctx.prorationFactor) : count;
  return ok([
    {
      chargeId: charge.id,
      service: charge.service,
      description: charge.description + (prorated ? ctx.prorationNote : ""),
      quantity,
      unit: UNITS[charge.per],
      price: charge.amount,
      amount: Money.of(roundToCents(quantity.times(charge.amount), ctx.schedule.rounding)),
    },
  ]);
}
