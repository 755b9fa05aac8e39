import { addDec, Dec, ZERO } from "../decimal";
import { Money } from "../money/money";
import { roundToCents, RoundingMode } from "../money/rounding";
import { centsOf, decOf, Fixed, fixedOf, MAX_PLACES, POW10, rescale, roundDiv, times } from "../money/fixedPoint";
import { fixedOfShared } from "../money/lineAmount";
import type { Block } from "./types";

export interface TierRow {
  readonly index: number;
  readonly from: Dec;
  readonly to: Dec | null;
  readonly quantity: Dec;
  readonly price: Dec;
  readonly amount: Money;
  readonly included: boolean;
}

export interface TierOptions {
  /** Volume included at no charge, taken off the bottom of the blocks (a minimum's allowance). */
  readonly allowance?: Dec;
  /** Multiplies every block limit (dwelling units, proration). Default 1. */
  readonly scale?: Dec;
  /** Price per `unitSize` of quantity (prices per 1,000 with usage in gallons). Default 1. */
  readonly unitSize?: Dec;
  readonly rounding?: RoundingMode;
}

/**
 * Prices usage through graduated blocks: each block bills the slice of usage between the
 * previous block's limit and its own, at its price, and each row is rounded once to the cent
 * (half-up unless told otherwise). An allowance comes off the bottom first as a zero-priced row.
 * Rows with no usage are left out, except that zero usage (with no allowance) still gives the
 * first block's row so the bill shows it. Units: usage, limits and allowance share one unit; prices are per
 * `unitSize` of it.
 */
export function priceTieredUsage(usage: Dec, blocks: readonly Block[], options: TierOptions = {}): TierRow[] {
  return priceTieredFixed(usage, blocks, options) ?? priceTieredDecimal(usage, blocks, options);
}

/**
 * The same rows in fixed point (docs/adr/0013): usage, limits, allowance and scale as integers at
 * one decimal scale, each row's amount rounded by integer division. Undefined when a value has
 * more places than fixed point holds (a prorated scale of 1/3) or a product would leave 2^53: the
 * caller then prices in decimals. Rows are the decimal path's, value for value.
 */
function priceTieredFixed(usage: Dec, blocks: readonly Block[], options: TierOptions): TierRow[] | undefined {
  const plan = fixedBlocks(blocks);
  const u = fixedOf(usage);
  if (!plan || !u) return undefined;
  const scale = options.scale ? fixedOf(options.scale) : ONE_FIXED;
  const rawAllowance = options.allowance && options.allowance.greaterThan(0) ? options.allowance : undefined;
  const a = rawAllowance ? fixedOf(rawAllowance) : ZERO_FIXED;
  const unit = options.unitSize ? fixedOfShared(options.unitSize) : ONE_FIXED;
  if (!scale || !a || !unit || unit.n <= 0) return undefined;
  // One scale for every volume: the limits' (times the scale's) and the usage's and allowance's.
  const e = Math.max(u.e, a.e, plan.e + scale.e);
  if (e > MAX_PLACES * 2) return undefined;
  const usageN = rescale(u.n, u.e, e);
  const allowanceN = rescale(a.n, a.e, e);
  if (Number.isNaN(usageN) || Number.isNaN(allowanceN)) return undefined;
  const mode = options.rounding ?? "halfUp";
  const rows: TierRow[] = [];
  const hasAllowance = allowanceN > 0;
  if (hasAllowance) {
    const included = usageN < allowanceN ? usage : rawAllowance!;
    rows.push({ index: -1, from: ZERO, to: rawAllowance!, quantity: included, price: ZERO, amount: Money.zero, included: true });
  }
  let lower = 0;
  let lowerDec: Dec = ZERO;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    const limit = plan.limits[index];
    const upper = limit === null ? null : rescale(times(limit, scale.n), plan.e + scale.e, e);
    if (upper !== null && Number.isNaN(upper)) return undefined;
    const upperDec = block.upTo === null ? null : options.scale ? block.upTo.times(options.scale) : block.upTo;
    const start = hasAllowance && allowanceN > lower ? allowanceN : lower;
    const end = upper === null || usageN < upper ? usageN : upper;
    if (end > start) {
      const q = end - start;
      const quantity = start === 0 && end === usageN ? usage : decOf(q, e);
      const amount = blockCents(q, e, plan.prices[index], unit, mode);
      if (Number.isNaN(amount)) return undefined;
      rows.push({ index, from: lowerDec, to: upperDec, quantity, price: block.price, amount: Money.fromCents(amount), included: false });
    }
    if (upper === null || usageN <= upper) break;
    lower = upper;
    lowerDec = upperDec!;
  }
  if (rows.length === 0 && blocks.length > 0) {
    const first = blocks[0];
    const to = first.upTo === null ? null : options.scale ? first.upTo.times(options.scale) : first.upTo;
    rows.push({ index: 0, from: ZERO, to, quantity: ZERO, price: first.price, amount: Money.zero, included: false });
  }
  return rows;
}

/** q (at scale e) x price / unit, in cents rounded once in `mode`; NaN when it would leave the safe integers. */
function blockCents(q: number, e: number, price: Fixed, unit: Fixed, mode: RoundingMode): number {
  const product = times(q, price.n);
  if (unit === ONE_FIXED) return centsOf(product, e + price.e, mode);
  // q x p / 10^(e + pe) / (un / 10^ue) = q x p x 10^ue x 100 / (un x 10^(e + pe)) cents.
  const numerator = times(times(product, POW10[unit.e]), 100);
  const denominator = times(unit.n, POW10[e + price.e] ?? NaN);
  if (Number.isNaN(numerator) || Number.isNaN(denominator)) return NaN;
  return roundDiv(numerator, denominator, mode);
}

export const ONE_FIXED: Fixed = { n: 1, e: 0 };
const ZERO_FIXED: Fixed = { n: 0, e: 0 };

export interface FixedBlocks {
  /** Every limit at scale e; null for the last, open block. */
  readonly limits: readonly (number | null)[];
  readonly e: number;
  readonly prices: readonly Fixed[];
}

/** A schedule's blocks in fixed point, worked out once per blocks list; null when one cannot be held. */
const compiled = new WeakMap<readonly Block[], FixedBlocks | null>();
export function fixedBlocks(blocks: readonly Block[]): FixedBlocks | null {
  let plan = compiled.get(blocks);
  if (plan !== undefined) return plan;
  plan = null;
  const limits = blocks.map((b) => (b.upTo === null ? null : fixedOf(b.upTo)));
  const prices = blocks.map((b) => fixedOfShared(b.price));
  if (limits.every((l) => l !== undefined) && prices.every((p) => p !== undefined)) {
    const e = Math.max(0, ...limits.map((l) => l?.e ?? 0));
    const scaled = limits.map((l) => (l === null ? null : rescale(l!.n, l!.e, e)));
    if (!scaled.some((l) => l !== null && Number.isNaN(l))) plan = { limits: scaled, e, prices: prices as Fixed[] };
  }
  compiled.set(blocks, plan);
  return plan;
}

/** The rows in decimal.js: the reference the fixed-point rows are tested against, and the fall-back. */
export function priceTieredDecimal(usage: Dec, blocks: readonly Block[], options: TierOptions): TierRow[] {
  const scale = options.scale ?? null;
  const unitSize = options.unitSize ?? null;
  const allowance = options.allowance && options.allowance.greaterThan(0) ? options.allowance : ZERO;
  const rows: TierRow[] = [];
  if (allowance.greaterThan(0)) {
    const included = Dec.min(usage, allowance);
    rows.push({ index: -1, from: ZERO, to: allowance, quantity: included, price: ZERO, amount: Money.zero, included: true });
  }
  const hasAllowance = allowance !== ZERO;
  let lower = ZERO;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    const upper = block.upTo === null ? null : scale ? block.upTo.times(scale) : block.upTo;
    // Comparisons rather than Dec.min/max, which allocate, and each made once: this runs for every bill.
    const start = hasAllowance && allowance.greaterThan(lower) ? allowance : lower;
    const beyond = upper === null ? -1 : usage.comparedTo(upper);
    const end = upper === null || beyond < 0 ? usage : upper;
    if (start === ZERO ? !end.isZero() && !end.isNegative() : end.greaterThan(start)) {
      const quantity = start.isZero() ? end : end.minus(start);
      const cost = quantity.times(block.price);
      const amount = Money.of(roundToCents(unitSize ? cost.div(unitSize) : cost, options.rounding));
      rows.push({ index, from: lower, to: upper, quantity, price: block.price, amount, included: false });
    }
    if (upper === null || beyond <= 0) break;
    lower = upper;
  }
  if (rows.length === 0 && blocks.length > 0) {
    const first = blocks[0];
    const to = first.upTo === null ? null : scale ? first.upTo.times(scale) : first.upTo;
    rows.push({ index: 0, from: ZERO, to, quantity: ZERO, price: first.price, amount: Money.zero, included: false });
  }
  return rows;
}

/**
 * The total of `priceTieredUsage`'s rows without building them: the same blocks (limits rising),
 * the same rounding once per block, summed exactly. For callers that show only the total (UB.TIERED in
 * thousands of cells); a bill uses the rows, which explain it.
 */
export function tieredTotal(usage: Dec, blocks: readonly Block[], options: Omit<TierOptions, "allowance" | "scale"> = {}): Dec {
  const cents = tieredCents(usage, blocks, options);
  return Number.isNaN(cents) ? tieredTotalDecimal(usage, blocks, options) : cents === 0 ? ZERO : decOf(cents, 2);
}

/** tieredTotal in fixed point: the total in cents, or NaN when a value cannot be held (then decimals price it). */
export function tieredCents(usage: Dec, blocks: readonly Block[], options: Omit<TierOptions, "allowance" | "scale"> = {}): number {
  const u = fixedOf(usage);
  const unit = options.unitSize ? fixedOfShared(options.unitSize) : ONE_FIXED;
  if (!u || !unit || unit.n <= 0) return NaN;
  const plan = fixedBlocks(blocks);
  return plan ? tierCents(u.n, u.e, plan, unit, options.rounding ?? "halfUp") : NaN;
}

/** The blocks' cents for usage n / 10^ue through blocks already in fixed point; NaN when a value cannot be held. */
export function tierCents(n: number, ue: number, plan: FixedBlocks, unit: Fixed, mode: RoundingMode): number {
  const e = Math.max(ue, plan.e);
  const usageN = rescale(n, ue, e);
  if (Number.isNaN(usageN)) return NaN;
  let total = 0;
  let lower = 0;
  for (let index = 0; index < plan.limits.length; index++) {
    const limit = plan.limits[index];
    const upper = limit === null ? null : rescale(limit, plan.e, e);
    if (upper !== null && Number.isNaN(upper)) return NaN;
    const end = upper === null || usageN < upper ? usageN : upper;
    if (end > lower) total += blockCents(end - lower, e, plan.prices[index], unit, mode);
    if (upper === null || usageN <= upper) break;
    lower = upper;
  }
  return Number.isSafeInteger(total) ? total : NaN;
}

/** The reference for tieredTotal, in decimal.js. */
export function tieredTotalDecimal(usage: Dec, blocks: readonly Block[], options: Omit<TierOptions, "allowance" | "scale"> = {}): Dec {
  const unitSize = options.unitSize ?? null;
  let total: Dec = ZERO;
  let lower: Dec = ZERO;
  for (let index = 0; index < blocks.length; index++) {
    const upper = blocks[index].upTo;
    const beyond = upper === null ? -1 : usage.comparedTo(upper);
    const end = upper === null || beyond < 0 ? usage : upper;
    // Past the first block, usage is above `lower` (the loop went on) and so is `end`, since
    // limits rise (readBlocksRange and validateSchedule insist): one comparison per block.
    if (index > 0 || (!end.isZero() && !end.isNegative())) {
      const cost = (lower === ZERO ? end : end.minus(lower)).times(blocks[index].price);
      total = addDec(total, roundToCents(unitSize ? cost.div(unitSize) : cost, options.rounding));
    }
    if (upper === null || beyond <= 0) break;
    lower = upper;
  }
  return total;
}
