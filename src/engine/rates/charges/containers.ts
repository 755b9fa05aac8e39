import { Dec } from "../../decimal";
import { lineAmount } from "../../money/lineAmount";
import { fail, ok } from "../../problems";
import { normalizeBinSize } from "../meterSize";
import type { ContainersCharge } from "../types";
import type { BillLine } from "../../bills/types";
import type { ChargeResult, PricingContext } from "./context";
import { quoteList } from "./meterBase";

/**
 * Commercial containers: perPickup x pickups per week x containers, plus a base per account,
 * plus a charge for each container after the first (Pocatello 3-yard: 80.54 x pickups x
 * containers + 13.06 + 11.28 x (containers - 1)). One line per part, prorated, rounded once each.
 */
export function priceContainers(charge: ContainersCharge, ctx: PricingContext): ChargeResult {
  const service = ctx.containers;
  if (!service || service.count <= 0) return ok([]);
  const sizes = Object.keys(charge.sizes);
  const size = service.size !== undefined ? normalizeBinSize(service.size) : sizes.length === 1 ? sizes[0] : undefined;
  if (size === undefined) return fail("UNKNOWN_CONTAINER_SIZE", `${charge.description} needs a container size: one of ${quoteList(sizes)}`);
  const price = charge.sizes[size];
  if (!price)
    return fail(
      "UNKNOWN_CONTAINER_SIZE",
      `${charge.description} has no price for a "${size}" container; sizes priced: ${quoteList(sizes)}`,
    );
  if (!Number.isInteger(service.pickupsPerWeek) || service.pickupsPerWeek < 1) {
    return fail("INVALID_INPUT", `${charge.description} needs whole pickups per week of 1 or more, got ${service.pickupsPerWeek}`);
  }
  const lines: BillLine[] = [
    line(
      charge,
      ctx,
      `${charge.description}, ${size} x ${service.count} x ${service.pickupsPerWeek}/week`,
      new Dec(service.count * service.pickupsPerWeek),
      "pickup/week",
      price.perPickup,
    ),
    line(charge, ctx, `${charge.description}, service base`, new Dec(1), "account", price.base),
  ];
  if (service.count > 1) {
    lines.push(
      line(charge, ctx, `${charge.description}, additional containers`, new Dec(service.count - 1), "container", price.additionalContainer),
    );
  }
  return ok(lines);
}

function line(charge: ContainersCharge, ctx: PricingContext, description: string, count: Dec, unit: string, price: Dec): BillLine {
  const quantity = count.times(ctx.prorationFactor);
  return {
    chargeId: charge.id,
    service: charge.service,
    description: description + ctx.prorationNote,
    quantity,
    unit,
    price,
    amount: lineAmount(quantity, price, ctx.schedule.rounding),
  };
}
