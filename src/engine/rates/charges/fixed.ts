import { Dec, ONE } from "../../decimal";
import { lineAmount } from "../../money/lineAmount";
import { ok } from "../../problems";
import { assert } from "../../assert";
import type { FixedCharge } from "../types";
import type { ChargeResult, PricingContext } from "./context";
import type { BillLine } from "../../bills/types";
import { cachedLines, unitsKey } from "./lineCache";

const UNITS: Record<FixedCharge["per"], string> = { account: "account", dwellingUnit: "dwelling unit", occurrence: "each" };

/**
 * A flat amount per account, per dwelling unit or per occurrence. As an add-on the count is the
 * add-on's quantity on the bill. Account and dwelling-unit amounts are prorated by days of
 * service; occurrences (an extra pickup) are not. Rounded once, half-up unless the schedule says.
 */
export function priceFixed(charge: FixedCharge, ctx: PricingContext): ChargeResult {
  const addOnCount = charge.addOn ? (ctx.addOns[charge.addOn] ?? 0) : 1;
  const key = `${charge.per === "dwellingUnit" ? unitsKey(ctx) : 1}|${addOnCount}|${ctx.prorationNote}|${ctx.schedule.rounding}`;
  return cachedLines(charge, key, () => ok(linesFor(charge, ctx)));
}

function linesFor(charge: FixedCharge, ctx: PricingContext): BillLine[] {
  let count: Dec = charge.per === "dwellingUnit" ? ctx.dwellingUnits : ONE;
  assert(charge.per !== "occurrence" || charge.addOn, `charge ${charge.id} per occurrence has no add-on`);
  if (charge.addOn) count = count.times(ctx.addOns[charge.addOn] ?? 0);
  const prorated = charge.per !== "occurrence";
  const quantity = prorated && !ctx.prorationFactor.equals(ONE) ? count.times(ctx.prorationFactor) : count;
  return [
    {
      chargeId: charge.id,
      service: charge.service,
      description: charge.description + (prorated ? ctx.prorationNote : ""),
      quantity,
      unit: UNITS[charge.per],
      price: charge.amount,
      amount: lineAmount(quantity, charge.amount, ctx.schedule.rounding),
    },
  ];
}
