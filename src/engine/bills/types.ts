import type { Dec } from "../decimal";
import type { Money } from "../money/money";
import type { IsoDate } from "../dates/civilDate";

/** What one account brings to a bill for one period. Volumes are in the schedule's usage unit. */
export interface BillInput {
  readonly usage: Dec;
  /**
   * Each month's usage in the period, oldest first, summing exactly to `usage`: on a schedule with
   * `blocksPerMonth`, each month is priced through the blocks separately. At most the months in
   * the period (2 bi-monthly, 3 quarterly); refused on a schedule without `blocksPerMonth`.
   */
  readonly monthlyUsage?: readonly Dec[];
  /** The period's end (or read) date: picks the rate version in effect and the season. */
  readonly asOf: IsoDate;
  readonly rateClass?: string;
  readonly meterSize?: string;
  /** Dwelling units served by the meter; scales per-unit charges and allowances. Default 1. */
  readonly dwellingUnits?: number;
  /** Garbage carts; absent means one cart of the schedule's only (or named) size. */
  readonly carts?: { readonly count: number; readonly size?: string };
  readonly containers?: { readonly count: number; readonly size?: string; readonly pickupsPerWeek: number };
  /** Optional services and occurrences: { yardWaste: 1, extraPickup: 2 }. */
  readonly addOns?: Readonly<Record<string, number>>;
  /** Days of service in the period; fewer than the cycle prorates fixed charges. */
  readonly days?: number;
  /** The account's winter-quarter average, for sewer capped at it. */
  readonly winterAverage?: Dec;
  /** Bill only these services. */
  readonly services?: readonly string[];
}

/** A block row's place in its schedule: the slice of usage from `from` to `to`. */
export interface BlockDetail {
  readonly index: number;
  readonly from: Dec;
  readonly to: Dec | null;
  /** True for the allowance row included in a minimum (priced at zero). */
  readonly included: boolean;
  /**
   * On a bill priced month by month: this block's quantity in each month, oldest first (0 for a
   * month that did not reach it). `from` and `to` are then the monthly limits.
   */
  readonly monthly?: readonly Dec[];
}

/** One line of a bill: quantity x price, rounded once to the cent. */
export interface BillLine {
  readonly chargeId: string;
  readonly service: string;
  readonly description: string;
  readonly quantity: Dec;
  readonly unit: string;
  readonly price: Dec;
  readonly amount: Money;
  readonly block?: BlockDetail;
}

export interface ServiceTotal {
  readonly service: string;
  readonly amount: Money;
}

export interface Bill {
  readonly scheduleId: string;
  readonly effective: IsoDate | null;
  readonly asOf: IsoDate;
  readonly rateClass: string;
  readonly lines: readonly BillLine[];
  readonly services: readonly ServiceTotal[];
  /** The exact sum of the rounded lines. */
  readonly total: Money;
}
