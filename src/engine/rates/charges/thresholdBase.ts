import { lineAmount } from "../../money/lineAmount";
import { ok } from "../../problems";
import { convertVolume, unitLabel } from "../../units/volume";
import type { ThresholdBaseCharge } from "../types";
import type { ChargeResult, PricingContext } from "./context";

/**
 * A base that switches at a usage threshold: `atOrBelow` when usage (in the charge's unit) is at
 * or below the threshold, otherwise `above` (Cibolo, TX: 1,200 gallons or less $13.25; above,
 * $27.15 plus blocks). Prorated by days of service; rounded once.
 */
export function priceThresholdBase(charge: ThresholdBaseCharge, ctx: PricingContext): ChargeResult {
  const used = convertVolume(ctx.usage, charge.unit).amount;
  const low = used.lessThanOrEqualTo(charge.threshold);
  const price = low ? charge.atOrBelow : charge.above;
  const limit = `${charge.threshold.toString()} ${unitLabel(charge.unit)}`;
  const quantity = ctx.prorationFactor;
  return ok([
    {
      chargeId: charge.id,
      service: charge.service,
      description: `${charge.description} (${low ? "at or below" : "above"} ${limit})${ctx.prorationNote}`,
      quantity,
      unit: "account",
      price,
      amount: lineAmount(quantity, price, ctx.schedule.rounding),
    },
  ]);
}
