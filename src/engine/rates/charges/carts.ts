import { Dec, ONE } from "../../decimal";
import { lineAmount } from "../../money/lineAmount";
import { fail, ok } from "../../problems";
import { normalizeBinSize } from "../meterSize";
import type { CartsCharge } from "../types";
import type { BillLine } from "../../bills/types";
import type { ChargeResult, PricingContext } from "./context";
import { quoteList } from "./meterBase";
import { cachedLines } from "./lineCache";

/**
 * Garbage carts by size: the first cart at its price and each additional cart at the
 * additional-cart price (Pocatello 96-gallon: 17.97 + 16.19 per additional cart), as two lines,
 * each prorated by days of service and rounded once. No carts, no line.
 */
export function priceCarts(charge: CartsCharge, ctx: PricingContext): ChargeResult {
  const { count } = ctx.carts;
  if (count <= 0) return ok([]);
  const key = `${count}|${ctx.carts.size ?? ""}|${ctx.prorationNote}|${ctx.schedule.rounding}`;
  return cachedLines(charge, key, () => linesFor(charge, ctx, count));
}

function linesFor(charge: CartsCharge, ctx: PricingContext, count: number): ChargeResult {
  const sizes = Object.keys(charge.sizes);
  const size = ctx.carts.size !== undefined ? normalizeBinSize(ctx.carts.size) : sizes.length === 1 ? sizes[0] : undefined;
  if (size === undefined) return fail("UNKNOWN_CART_SIZE", `${charge.description} needs a cart size: one of ${quoteList(sizes)}`);
  const price = charge.sizes[size];
  if (!price)
    return fail("UNKNOWN_CART_SIZE", `${charge.description} has no price for a "${size}" cart; sizes priced: ${quoteList(sizes)}`);
  const label = /^\d+$/.test(size) ? `${size}-gal cart` : `${size} cart`;
  const lines: BillLine[] = [line(charge, ctx, `${charge.description}, ${label}`, ONE, price.first)];
  if (count > 1) lines.push(line(charge, ctx, `${charge.description}, additional ${label}s`, new Dec(count - 1), price.additional));
  return ok(lines);
}

function line(charge: CartsCharge, ctx: PricingContext, description: string, count: Dec, price: Dec): BillLine {
  const full = ctx.prorationFactor.equals(ONE);
  const quantity = full ? count : count.times(ctx.prorationFactor);
  return {
    chargeId: charge.id,
    service: charge.service,
    description: description + ctx.prorationNote,
    quantity,
    unit: "cart",
    price,
    amount: lineAmount(quantity, price, ctx.schedule.rounding),
  };
}
