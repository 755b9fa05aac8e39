import { Dec, ONE } from "../../decimal";
import { roundToStep } from "../../money/rounding";
import { quantityText } from "../../money/format";
import { fail, ok, Result } from "../../problems";
import { convertVolume, unitLabel, Volume } from "../../units/volume";
import { priceTieredUsage, TierOptions } from "../priceTieredUsage";
import { sumTierMonths } from "../sumTierMonths";
import { MONTHS_PER_PERIOD } from "../types";
import type { BlocksCharge } from "../types";
import type { ChargeResult, PricingContext } from "./context";
import type { BillLine } from "../../bills/types";
import { quoteList } from "./meterBase";

/**
 * Graduated blocks over the account's usage, one bill line per block (Lago's per-tier detail).
 * The priced volume is the metered usage in the charge's unit, or a percentage of it, or the
 * lesser of it and the winter-quarter average; it may be rounded to whole units first. Block
 * limits scale by dwelling units and, when the schedule prorates blocks, by days of service.
 *
 * On a schedule whose blocks are per month (`blocksPerMonth`), a bill with monthly usage prices
 * each month through the blocks separately (volume, cap, whole units and allowance per month;
 * no proration, each month being a whole month) and gives one line per block with the months'
 * quantities summed, rounded once; without monthly usage the limits, allowance and cap are
 * multiplied by the months in the period (Troy, IL: on a quarterly bill "the quantity of water
 * allowed at the various rates will be three times that established for monthly rates").
 */
export function priceBlocks(charge: BlocksCharge, ctx: PricingContext): ChargeResult {
  const months = ctx.schedule.blocksPerMonth ? ctx.monthlyUsage : undefined;
  if (months) return priceByMonth(charge, ctx, months);
  // A per-month schedule billed without monthly usage: its monthly figures times the period's months.
  const periodMonths = ctx.schedule.blocksPerMonth ? new Dec(MONTHS_PER_PERIOD[ctx.schedule.frequency]) : ONE;
  const basis = pricedVolume(charge, ctx, ctx.usage, periodMonths);
  if (!basis.ok) return basis;
  const allowance = allowanceFor(charge, ctx, true, periodMonths);
  if (!allowance.ok) return allowance;
  let periodScale = ctx.schedule.prorateBlocks ? ctx.prorationFactor : ONE;
  if (periodMonths !== ONE) periodScale = periodScale.times(periodMonths);
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

/** Each month through the monthly blocks, then one line per block with the months summed. */
function priceByMonth(charge: BlocksCharge, ctx: PricingContext, months: readonly Dec[]): ChargeResult {
  const volumes: Dec[] = [];
  for (const month of months) {
    const volume = pricedVolume(charge, ctx, { amount: month, unit: ctx.schedule.usageUnit }, ONE);
    if (!volume.ok) return volume;
    volumes.push(volume.value);
  }
  const allowance = allowanceFor(charge, ctx, false, ONE);
  if (!allowance.ok) return allowance;
  const options: TierOptions = {
    allowance: allowance.value,
    scale: charge.blocksPerDwellingUnit && !ctx.dwellingUnits.equals(ONE) ? ctx.dwellingUnits : undefined,
    rounding: ctx.schedule.rounding,
  };
  const rows = sumTierMonths(
    volumes.map((volume) => priceTieredUsage(volume, charge.blocks, options)),
    ctx.schedule.rounding,
  );
  const unit = unitLabel(charge.unit);
  return ok(
    rows.map((row) => ({
      chargeId: charge.id,
      service: charge.service,
      description: describeRow(charge, row.included, row.from, row.to, unit) + (row.to === null && row.from.isZero() ? "" : " a month"),
      quantity: row.quantity,
      unit,
      price: row.price,
      amount: row.amount,
      block: { index: row.index, from: row.from, to: row.to, included: row.included, monthly: row.monthly },
    })),
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

/** The volume a blocks charge prices from `usage`; `capMonths` scales a monthly cap to the period. */
function pricedVolume(charge: BlocksCharge, ctx: PricingContext, usage: Volume, capMonths: Dec): Result<Dec> {
  let amount = convertVolume(usage, charge.unit).amount;
  const basis = charge.basis;
  if (basis?.percentOfUsage) amount = amount.times(basis.percentOfUsage).div(100);
  if (basis?.cap === "winterAverage") {
    if (ctx.winterAverage !== undefined) {
      const average = convertVolume({ amount: ctx.winterAverage, unit: ctx.schedule.usageUnit }, charge.unit).amount;
      amount = Dec.min(amount, capMonths === ONE ? average : average.times(capMonths));
    } else if (basis.capDefault !== undefined) {
      amount = Dec.min(amount, capMonths === ONE ? basis.capDefault : basis.capDefault.times(capMonths));
    } else {
      return fail("MISSING_WINTER_AVERAGE", `${charge.description} is capped at the winter-quarter average, and the account has none`);
    }
  }
  if (charge.wholeUnits) amount = roundToStep(amount, ONE, charge.wholeUnits);
  return ok(amount);
}

/** The charge's included volume for this bill: per dwelling unit, prorated (when `prorate`) and times `months`. */
function allowanceFor(charge: BlocksCharge, ctx: PricingContext, prorate: boolean, months: Dec): Result<Dec | undefined> {
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
  if (prorate && ctx.schedule.prorateBlocks) allowance = allowance.times(ctx.prorationFactor);
  if (months !== ONE) allowance = allowance.times(months);
  return ok(allowance);
}
