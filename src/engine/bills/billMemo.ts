import type { Dec } from "../decimal";
import { fixedOf } from "../money/fixedPoint";
import { ok, Result } from "../problems";
import type { RateSchedule } from "../rates/types";
import { shapeKey } from "./billKey";
import { computeBill } from "./computeBill";
import type { Bill, BillInput } from "./types";

/**
 * The bills one schedule has priced, by everything that shapes a bill: accounts of the same class,
 * meter size, units, carts, containers and days that used the same amount get the same bill,
 * priced once and shared. A cycle makes one (most of a city's accounts share a bill with another:
 * 86% of Demo City's 100,000). A bill is immutable, and what is kept is frozen; problems are not
 * kept, nor a usage below zero (-0 prints as 0) or by month. At most `limit` bills are kept; past
 * that, bills are priced as they come.
 */
export class BillMemo {
  /** By shapeKey, then by usage (usageKey). */
  private readonly bills = new Map<string, Map<number | string, Result<Bill>>>();
  private size = 0;

  constructor(
    readonly schedule: RateSchedule,
    private readonly limit = 50000,
  ) {}

  /** computeBill(schedule, input): the same bill, or the very one priced before for the same input. */
  bill(input: BillInput): Result<Bill> {
    const usage = input.usage;
    if (input.monthlyUsage !== undefined || !usage.isFinite() || usage.isNegative()) return computeBill(this.schedule, input);
    const shape = shapeKey(input);
    let byUsage = this.bills.get(shape);
    const key = usageKey(usage);
    const kept = byUsage?.get(key);
    if (kept) return kept;
    const bill = computeBill(this.schedule, input);
    if (bill.ok && this.size < this.limit) {
      this.size++;
      if (!byUsage) this.bills.set(shape, (byUsage = new Map()));
      Object.freeze(bill.value.lines);
      for (const line of bill.value.lines) Object.freeze(line);
      Object.freeze(bill.value.services);
      for (const s of bill.value.services) Object.freeze(s);
      byUsage.set(key, Object.freeze(ok(Object.freeze(bill.value))));
    }
    return bill;
  }
}

/**
 * A usage as a key: a whole number as itself (a number key is found without hashing text), a
 * fraction as its fixed-point digits and scale ("1234/2" is 12.34), anything finer as its decimal
 * text. The three never meet: the second always has a "/", the third never does.
 */
function usageKey(usage: Dec): number | string {
  const f = fixedOf(usage);
  if (!f) return usage.toString();
  return f.e === 0 ? f.n : `${f.n}/${f.e}`;
}
