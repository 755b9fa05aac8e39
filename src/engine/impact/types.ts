import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { BillInput } from "../bills/types";
import type { RateSchedule } from "../rates/types";

/** One past bill to price again: a Usage History row. */
export interface ImpactBill {
  readonly account: string;
  readonly periodEnd: IsoDate;
  readonly usage: Dec;
}

/** What an account's bill is priced on besides usage and date, as the account was then (billInputsOf). */
export type ImpactAccountInputs = Omit<BillInput, "usage" | "asOf">;

export interface ImpactRequest {
  readonly bills: readonly ImpactBill[];
  /**
   * The account as it was at the bill's period end (class, meter size, units, carts): undefined
   * when the account is unknown, and the bill is left out with the reason.
   */
  readonly inputsOf: (account: string, periodEnd: IsoDate) => ImpactAccountInputs | undefined;
  /** The schedules compared: the first is the current one, the rest proposed. */
  readonly schedules: readonly RateSchedule[];
}

/** Revenue of one month, class and service under each schedule (in the schedules' order). */
export interface RevenueRow {
  /** "2026-09": the month the bill's period ends in. */
  readonly month: string;
  readonly rateClass: string;
  readonly service: string;
  readonly amounts: readonly Dec[];
}

/** One account's bills over the months, under each schedule, and the change from the current one. */
export interface AccountImpact {
  readonly account: string;
  readonly rateClass: string;
  readonly bills: number;
  readonly usage: Dec;
  /** The sum of its re-priced bills under each schedule. */
  readonly totals: readonly Dec[];
  /** The average bill under the first proposed schedule less under the current one, to the cent. */
  readonly monthlyChange: Dec;
  /** The change as a percent of the current average bill (two decimals); null when that is zero. */
  readonly percentChange: Dec | null;
}

/** A band of the average monthly bill change, for the histogram. */
export interface ChangeBand {
  readonly label: string;
  readonly accounts: number;
}

export interface ChangeDistribution {
  /** Percentiles of the accounts' average monthly change (nearest rank): 5, 10, 25, 50, 75, 90, 95. */
  readonly percentiles: readonly { readonly percentile: number; readonly change: Dec }[];
  readonly bands: readonly ChangeBand[];
  readonly increased: number;
  readonly unchanged: number;
  readonly decreased: number;
}

/** The bill tabulation of one blocks charge (AWWA M1): how many bills end in each block, and the volume each block bills. */
export interface BlockFrequency {
  /** The schedule whose blocks these are: the current one, or the first proposed when its blocks differ. */
  readonly scheduleId: string;
  readonly chargeId: string;
  readonly description: string;
  readonly unit: string;
  readonly blocks: readonly {
    readonly from: Dec;
    readonly to: Dec | null;
    /** Bills whose usage ends in this block. */
    readonly bills: number;
    /** Accounts with at least one bill ending in it. */
    readonly accounts: number;
    /** Volume billed within the block, over every bill. */
    readonly volume: Dec;
  }[];
}

/** Bills by usage level, a thousand gallons wide (AWWA M1's bill tabulation by usage bracket). */
export interface UsageBracket {
  /** Thousand gallons: the bracket is from `from` up to but not including `to`; the last has no `to`. */
  readonly from: number;
  readonly to: number | null;
  readonly bills: number;
  /** Gallons billed by the bills in the bracket. */
  readonly gallons: Dec;
}

/** A bill at a usage level under each schedule: the typical residential bill. */
export interface TypicalBill {
  /** In thousand gallons: 3, 5, 8, 10, 15. */
  readonly thousandGallons: number;
  readonly bills: readonly Dec[];
}

export interface ImpactResult {
  readonly scheduleIds: readonly string[];
  readonly months: readonly string[];
  readonly revenue: readonly RevenueRow[];
  /** Revenue under each schedule, every month, class and service. */
  readonly totals: readonly Dec[];
  readonly accounts: readonly AccountImpact[];
  readonly distribution: ChangeDistribution;
  readonly frequency: readonly BlockFrequency[];
  readonly brackets: readonly UsageBracket[];
  /** How each class's accounts' average monthly bills change (the first proposed less the current). */
  readonly byClass: readonly { readonly rateClass: string; readonly distribution: ChangeDistribution }[];
  /** The typical residential bill, and what it is priced on (the commonest residential meter size, units and carts in the data). */
  readonly typical: { readonly rateClass: string; readonly inputs: ImpactAccountInputs; readonly bills: readonly TypicalBill[] };
  /** Bills priced (each under every schedule), and the distinct bills that took (the rest repeat one). */
  readonly billsPriced: number;
  readonly distinctBills: number;
  /** Bills left out, with why (unknown account, a schedule that cannot price it). */
  readonly skipped: readonly { readonly account: string; readonly periodEnd: IsoDate; readonly reason: string }[];
}
