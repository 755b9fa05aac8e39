import type { Dec } from "../decimal";
import type { RoundingMode } from "../money/rounding";
import type { VolumeUnit } from "../units/volume";
import type { IsoDate } from "../dates/civilDate";

/**
 * A rate schedule: data, not code. docs/rate-schedules.md documents the JSON form; the values
 * here are validated (rates/validateSchedule.ts) and every amount is an exact decimal.
 */
export interface RateSchedule {
  readonly id: string;
  readonly name: string;
  readonly utility?: string;
  /** Where the rates were published, for the bill's explanation and for audits. */
  readonly source?: string;
  readonly notes?: string;
  readonly frequency: Frequency;
  /** Nominal days in one billing period; proration is days / cycleDays. */
  readonly cycleDays: number;
  /** The unit usage arrives in (what the reads measure after multiplier and truncation). */
  readonly usageUnit: VolumeUnit;
  readonly rounding: RoundingMode;
  /** Scale block limits and allowances by days / cycleDays on a partial period. */
  readonly prorateBlocks: boolean;
  /**
   * Block limits, allowances and winter-average caps are per month, on a bi-monthly or quarterly
   * bill: with the account's monthly usage each month is priced through the blocks separately;
   * without it the limits are scaled by the months in the period. Absent means false.
   */
  readonly blocksPerMonth?: boolean;
  /** Rate classes; the first is the default. */
  readonly classes: readonly string[];
  readonly defaultMeterSize?: string;
  /** Versions by effective date, oldest first. A version without a date applies from the start. */
  readonly versions: readonly RateVersion[];
}

export type Frequency = "monthly" | "bimonthly" | "quarterly";

/** Months in one billing period of each frequency. */
export const MONTHS_PER_PERIOD: Readonly<Record<Frequency, number>> = { monthly: 1, bimonthly: 2, quarterly: 3 };

export interface RateVersion {
  readonly effective: IsoDate | null;
  readonly charges: readonly Charge[];
}

/** A month-day range, inclusive, that may wrap the new year: { from: "05-01", to: "09-30" }. */
export interface Season {
  readonly from: string;
  readonly to: string;
}

export interface ChargeBase {
  readonly id: string;
  /** water, sewer, garbage, stormwater, fee, tax, ...: the bill groups lines by service. */
  readonly service: string;
  readonly description: string;
  /** Only these rate classes pay the charge; absent means every class. */
  readonly classes?: readonly string[];
  /** Only bills whose period ends in this season carry the charge. */
  readonly season?: Season;
  /** An optional service the account subscribes to (yard waste, extra pickup): quantity per bill. */
  readonly addOn?: string;
}

/** A flat amount per account, per dwelling unit, or per add-on occurrence. */
export interface FixedCharge extends ChargeBase {
  readonly kind: "fixed";
  readonly amount: Dec;
  readonly per: "account" | "dwellingUnit" | "occurrence";
}

/** A base or minimum charge by meter size ("5/8", "3/4", "1", "1.5", "2", ...). */
export interface MeterBaseCharge extends ChargeBase {
  readonly kind: "meterBase";
  readonly amounts: Readonly<Record<string, Dec>>;
  readonly perDwellingUnit: boolean;
}

/** A base that switches at a usage threshold (Cibolo: 1,200 gallons or less, or above). */
export interface ThresholdBaseCharge extends ChargeBase {
  readonly kind: "thresholdBase";
  readonly unit: VolumeUnit;
  readonly threshold: Dec;
  readonly atOrBelow: Dec;
  readonly above: Dec;
}

export interface Block {
  /** Cumulative upper limit in the charge's unit; null means no limit (the last block). */
  readonly upTo: Dec | null;
  /** Price per one of the charge's unit. */
  readonly price: Dec;
}

/** Which volume a blocks charge prices. */
export interface VolumeBasis {
  /** Bill this percentage of metered usage (sewer at 90% of water). */
  readonly percentOfUsage?: Dec;
  /** Bill the lesser of usage and the account's winter-quarter average. */
  readonly cap?: "winterAverage";
  /** With cap: the volume billed when the account has no winter average (new customers). */
  readonly capDefault?: Dec;
}

/**
 * Graduated blocks: each block's slice of usage at that block's price. Inclining, declining and
 * flat per-unit charges are all blocks. An allowance (included in a minimum) is taken off the
 * bottom of the blocks.
 */
export interface BlocksCharge extends ChargeBase {
  readonly kind: "blocks";
  readonly unit: VolumeUnit;
  readonly blocks: readonly Block[];
  /** Included volume, one figure or by meter size; priced at zero from the bottom up. */
  readonly allowance?: Dec | Readonly<Record<string, Dec>>;
  readonly allowancePerDwellingUnit: boolean;
  readonly blocksPerDwellingUnit: boolean;
  readonly basis?: VolumeBasis;
  /** Round the priced volume to whole units first (down: bill only completed units). */
  readonly wholeUnits?: RoundingMode;
}

export interface CartPrice {
  readonly first: Dec;
  readonly additional: Dec;
}

/** Garbage carts by size: the first cart, then each additional cart. */
export interface CartsCharge extends ChargeBase {
  readonly kind: "carts";
  readonly sizes: Readonly<Record<string, CartPrice>>;
}

export interface ContainerPrice {
  readonly perPickup: Dec;
  readonly base: Dec;
  readonly additionalContainer: Dec;
}

/** Commercial containers: perPickup x pickups per week x containers + base + extra per container. */
export interface ContainersCharge extends ChargeBase {
  readonly kind: "containers";
  readonly sizes: Readonly<Record<string, ContainerPrice>>;
}

/** A tax or surcharge: a percentage of the (rounded) amounts of named earlier charges. */
export interface PercentOfLinesCharge extends ChargeBase {
  readonly kind: "percentOfLines";
  readonly percent: Dec;
  readonly of: readonly string[];
}

export type Charge =
  FixedCharge | MeterBaseCharge | ThresholdBaseCharge | BlocksCharge | CartsCharge | ContainersCharge | PercentOfLinesCharge;

export type ChargeKind = Charge["kind"];

export const CHARGE_KINDS: readonly ChargeKind[] = [
  "fixed",
  "meterBase",
  "thresholdBase",
  "blocks",
  "carts",
  "containers",
  "percentOfLines",
];
