import type { Dec } from "../../decimal";
import type { BillLine } from "../../bills/types";
import type { Volume } from "../../units/volume";
import type { RateSchedule } from "../types";
import type { Result } from "../../problems";

/** Everything a charge module needs to price one charge for one account. Built by computeBill. */
export interface PricingContext {
  readonly schedule: RateSchedule;
  readonly usage: Volume;
  /** Each month's usage (schedule unit), when the schedule prices blocks per month and the bill gave it. */
  readonly monthlyUsage?: readonly Dec[];
  readonly rateClass: string;
  /** Normalised meter size ("3/4", "1.5"), or undefined when none was given or defaulted. */
  readonly meterSize: string | undefined;
  readonly dwellingUnits: Dec;
  readonly carts: { readonly count: number; readonly size?: string };
  readonly containers?: { readonly count: number; readonly size?: string; readonly pickupsPerWeek: number };
  readonly addOns: Readonly<Record<string, number>>;
  /** days / cycleDays, or 1 for a full period. */
  readonly prorationFactor: Dec;
  /** Text added to prorated line descriptions: " (12 of 30 days)". */
  readonly prorationNote: string;
  readonly winterAverage?: Dec;
  /** Lines already priced for this bill, for charges that are a percentage of others. */
  readonly linesSoFar: readonly BillLine[];
}

export type ChargeResult = Result<BillLine[]>;
