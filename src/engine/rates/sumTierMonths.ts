import { addDec, Dec, ZERO } from "../decimal";
import { Money } from "../money/money";
import type { RoundingMode } from "../money/rounding";
import { lineAmount } from "../money/lineAmount";
import type { TierRow } from "./priceTieredUsage";

/** A block's row over several months: the months' quantities summed and priced once. */
export interface MonthlyTierRow extends TierRow {
  /** The block's quantity in each month, in the order the months were given (0 where a month did not reach it). */
  readonly monthly: readonly Dec[];
}

/**
 * Joins the rows of several months priced through the same blocks (each month by
 * `priceTieredUsage`) into one row per block: the months' quantities are summed and the sum is
 * priced and rounded to the cent once, as every bill line is (docs/adr/0001), so a block's line
 * reads quantity x price = amount. Rows keep the blocks' order, the allowance row first. Units:
 * as the months' rows; prices per one unit.
 */
export function sumTierMonths(months: readonly (readonly TierRow[])[], rounding?: RoundingMode): MonthlyTierRow[] {
  const byIndex = new Map<number, { row: TierRow; monthly: Dec[] }>();
  months.forEach((rows, month) => {
    for (const row of rows) {
      let entry = byIndex.get(row.index);
      if (!entry) byIndex.set(row.index, (entry = { row, monthly: months.map(() => ZERO) }));
      entry.monthly[month] = addDec(entry.monthly[month], row.quantity);
    }
  });
  return [...byIndex.values()]
    .sort((a, b) => a.row.index - b.row.index)
    .map(({ row, monthly }) => {
      const quantity = monthly.reduce(addDec, ZERO);
      const amount = row.included ? Money.zero : lineAmount(quantity, row.price, rounding ?? "halfUp");
      return { index: row.index, from: row.from, to: row.to, quantity, price: row.price, amount, included: row.included, monthly };
    });
}
