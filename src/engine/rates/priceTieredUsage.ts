import { addDec, Dec, ZERO } from "../decimal";
import { Money } from "../money/money";
import { roundToCents, RoundingMode } from "../money/rounding";
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
