import { assert } from "../../assert";
import type { Charge } from "../types";
import type { ChargeResult, PricingContext } from "./context";
import { priceBlocks } from "./blocks";
import { priceCarts } from "./carts";
import { priceContainers } from "./containers";
import { priceFixed } from "./fixed";
import { priceMeterBase } from "./meterBase";
import { pricePercentOfLines } from "./percentOfLines";
import { priceThresholdBase } from "./thresholdBase";

/** Prices one charge of any kind: the one switch over the closed union of charge kinds. */
export function priceCharge(charge: Charge, ctx: PricingContext): ChargeResult {
  switch (charge.kind) {
    case "fixed":
      return priceFixed(charge, ctx);
    case "meterBase":
      return priceMeterBase(charge, ctx);
    case "thresholdBase":
      return priceThresholdBase(charge, ctx);
    case "blocks":
      return priceBlocks(charge, ctx);
    case "carts":
      return priceCarts(charge, ctx);
    case "containers":
      return priceContainers(charge, ctx);
    case "percentOfLines":
      return pricePercentOfLines(charge, ctx);
    default:
      return unreachable(charge);
  }
}

function unreachable(charge: never): never {
  assert(false, `unknown charge kind ${JSON.stringify(charge)}`);
}
