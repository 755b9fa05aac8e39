import { Dec, ONE } from "../../decimal";
import { roundToStep } from "../../money/rounding";
import { quantityText } from "../../money/format";
import { fail, ok, Result } from "../../problems";
import { convertVolume, unitLabel } from "../../units/volume";
import { priceTieredUsage } from "../priceTieredUsage";
import type { BlocksCharge } from "../types";
import type { ChargeResult, PricingContext } from "./context";
import type { BillLine } from "../../bills/types";
import { quoteList } from "./meterBase";

/**
 * Graduated blocks over the account's usage, one bill line per block (Lago's per-tier detail).
 * The priced volume is the metered usage in the charge's unit, or a percentage of it, or the
 * lesser of it and the winter-quarter average; it may be rounded to whole units first. Block
 * limits scale by dwelling units and, when the schedule prorates blocks, by days of service.
 */
export function priceBlocks(charge: BlocksCharge, ctx: PricingContext): ChargeResult {
  const basis = pricedVolume(charge, ctx);
  if (!basis.ok) return basis;
  const allowance = allowanceFor(charge, ctx);
  if (!allowance.ok) return allowance;
  const periodScale = ctx.schedule.prorateBlocks ? ctx.prorationFactor : ONE;
  const scale = charge.blocksPerDwellingUnit ? ctx.dwellingUnits.times(periodScale) : periodScale;
  const rows = priceTieredUsage(basis.value, charge.blocks, {
    allowance: allowance.value,
    scale: scale.equals(ONE) ? undefined : scale,
    rounding: ctx.schedule.rounding,
  });
  const unit = unitLabel(charge.unit);
  return ok(
    rows.map((row) => {
      // Unscaled, a block's text and bounds are the same on every bill: made once, shared.
      const shape = !row.included && scale.equals(ONE) ? sharedShape(charge, row.index, row.from, row.to, unit) : undefined;
      return {
        chargeId: charge.id,
        service: charge.service,
        description: shape?.description ?? describeRow(charge, row.included, row.from, row.to, unit),
        quantity: row.quantity,
        unit,
        price: row.price,
        amount: row.amount,
        block: shape?.block ?? { index: row.index, from: row.from, to: row.to, included: row.included },
      };
    }),
  );
}

type BlockShape = { readonly description: string; readonly block: NonNullable<BillLine["block"]> };
const shapes = new WeakMap<BlocksCharge, Map<number, BlockShape>>();

function sharedShape(charge: BlocksCharge, index: number, from: Dec, to: Dec | null, unit: string): BlockShape {
  let byIndex = shapes.get(charge);
  if (!byIndex) shapes.set(charge, (byIndex = new Map()));
  let shape = byIndex.get(index);
  if (!shape) {
    shape = Object.freeze({
      description: describeRow(charge, false, from, to, unit),
      block: Object.freeze({ index, from, to, included: false }),
    });
    byIndex.set(index, shape);
  }
  return shape;
}

function describeRow(charge: BlocksCharge, included: boolean, from: Dec, to: Dec | null, unit: string): string {
  if (included) return `${charge.description}, included ${unit}`;
  if (to === null && from.isZero()) return charge.description;
  const range = to === null ? `over ${quantityText(from)}` : `${quantityText(from)}-${quantityText(to)}`;
  return `${charge.description}, ${range} ${unit}`;
}

function pricedVolume(charge: BlocksCharge, ctx: PricingContext): Result<Dec> {
  let amount = convertVolume(ctx.usage, charge.unit).amount;
  const basis = charge.basis;
  if (basis?.percentOfUsage) amount = amount.times(basis.percentOfUsage).div(100);
  if (basis?.cap === "winterAverage") {
    if (ctx.winterAverage !== undefined) {
      const average = convertVolume({ amount: ctx.winterAverage, unit: ctx.schedule.usageUnit }, charge.unit).amount;
      amount = Dec.min(amount, average);
    } else if (basis.capDefault !== undefined) {
      amount = Dec.min(amount, basis.capDefault);
    } else {
      return fail("MISSING_WINTER_AVERAGE", `${charge.description} is capped at the winter-quarter average, and the account has none`);
    }
  }
  if (charge.wholeUnits) amount = roundToStep(amount, ONE, charge.wholeUnits);
  return ok(amount);
}

function allowanceFor(charge: BlocksCharge, ctx: PricingContext): Result<Dec | undefined> {
  const raw = charge.allowance;
  if (raw === undefined) return ok(undefined);
  let allowance: Dec;
  if (Dec.isDecimal(raw)) {
    allowance = raw as Dec;
  } else {
    const table = raw as Readonly<Record<string, Dec>>;
    const size = ctx.meterSize;
    const found = size === undefined ? undefined : table[size];
    if (found === undefined) {
      return fail(
        "UNKNOWN_METER_SIZE",
        `${charge.description} includes an allowance by meter size; ${size === undefined ? "no meter size was given" : `none for a ${size}" meter`} (sizes: ${quoteList(Object.keys(table))})`,
      );
    }
    allowance = found;
  }
  if (charge.allowancePerDwellingUnit) allowance = allowance.times(ctx.dwellingUnits);
  if (ctx.schedule.prorateBlocks) allowance = allowance.times(ctx.prorationFactor);
  return ok(allowance);
}
