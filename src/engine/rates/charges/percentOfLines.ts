import { sumMoney } from "../../money/money";
import { lineAmount } from "../../money/lineAmount";
import { ok } from "../../problems";
import type { PercentOfLinesCharge } from "../types";
import type { ChargeResult, PricingContext } from "./context";

/**
 * A tax or surcharge as a percentage of the rounded amounts of named earlier charges on the same
 * bill, rounded once to the cent ("taxes as a percentage of named lines, rounded to the cent per
 * line"). When none of the named charges is on the bill, there is no line.
 */
export function pricePercentOfLines(charge: PercentOfLinesCharge, ctx: PricingContext): ChargeResult {
  const named = ctx.linesSoFar.filter((l) => charge.of.includes(l.chargeId));
  if (named.length === 0) return ok([]);
  const base = sumMoney(named.map((l) => l.amount));
  const rate = charge.percent.div(100);
  return ok([
    {
      chargeId: charge.id,
      service: charge.service,
      description: `${charge.description} (${charge.percent.toString()}% of ${base.toCents()})`,
      quantity: base.amount,
      unit: "$",
      price: rate,
      amount: lineAmount(base.amount, rate, ctx.schedule.rounding),
    },
  ]);
}
