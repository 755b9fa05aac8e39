import { Dec } from "../../decimal";
import { lineAmount } from "../../money/lineAmount";
import { fail, ok } from "../../problems";
import type { MeterBaseCharge } from "../types";
import { compareSizes } from "../meterSize";
import { cachedLines, unitsKey } from "./lineCache";
import type { ChargeResult, PricingContext } from "./context";

/** A base or minimum charge looked up by meter size, optionally per dwelling unit, prorated. */
export function priceMeterBase(charge: MeterBaseCharge, ctx: PricingContext): ChargeResult {
  const key = `${ctx.meterSize ?? ""}|${unitsKey(ctx)}|${ctx.prorationNote}|${ctx.schedule.rounding}|${ctx.schedule.id}`;
  return cachedLines(charge, key, () => linesFor(charge, ctx));
}

function linesFor(charge: MeterBaseCharge, ctx: PricingContext): ChargeResult {
  const sizes = Object.keys(charge.amounts);
  const size = ctx.meterSize ?? (sizes.length === 1 ? sizes[0] : undefined);
  if (size === undefined) {
    return fail("UNKNOWN_METER_SIZE", `${charge.description} needs a meter size: one of ${quoteList(sizes)}`);
  }
  const price = charge.amounts[size];
  if (price === undefined) {
    return fail(
      "UNKNOWN_METER_SIZE",
      `${charge.description} has no price for a ${size}" meter in schedule ${ctx.schedule.id}; sizes priced: ${quoteList(sizes)}`,
    );
  }
  const count = charge.perDwellingUnit ? ctx.dwellingUnits : new Dec(1);
  const quantity = count.times(ctx.prorationFactor);
  return ok([
    {
      chargeId: charge.id,
      service: charge.service,
      description: `${charge.description} (${size}" meter)${ctx.prorationNote}`,
      quantity,
      unit: charge.perDwellingUnit ? "dwelling unit" : "account",
      price,
      amount: lineAmount(quantity, price, ctx.schedule.rounding),
    },
  ]);
}

export function quoteList(keys: readonly string[]): string {
  return keys.length === 0
    ? "(none)"
    : [...keys]
        .sort(compareSizes)
        .map((k) => `"${k}"`)
        .join(", ");
}
