import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { Money } from "../money/money";
import type { RoundingMode } from "../money/rounding";

/** A utility's leak-adjustment policy. Every figure is configuration, never hard-coded. */
export interface LeakPolicy {
  /** Share of the excess credited: 0.5 credits half (Wildwood, NJ). */
  readonly creditShare: Dec;
  /**
   * How the credited volume is priced. "blocks": at the block prices it was billed at (the top
   * of the bill). "lowestBlock": as "blocks", less the same volume re-billed at the lowest block
   * price, so the customer pays the lowest rate for it.
   */
  readonly pricing: "blocks" | "lowestBlock";
  /** Credited volume is rounded up to this step (the billing unit), in the customer's favour. */
  readonly creditStep: Dec;
  readonly creditRounding: RoundingMode;
  /** Also bill sewer on the baseline, because the leaked water did not enter the sewer. */
  readonly adjustSewer: boolean;
  readonly waterServices: readonly string[];
  readonly sewerServices: readonly string[];
  /** At most this many leak bills in one adjustment. */
  readonly maxPeriods?: number;
  /** One adjustment per this many months, or "once" per account. */
  readonly frequency?: number | "once";
}

export interface LeakPeriod {
  /** The leak bill's period end date (picks the rates in effect). */
  readonly asOf: IsoDate;
  readonly usage: Dec;
}

export interface LeakPeriodCredit {
  readonly asOf: IsoDate;
  readonly usage: Dec;
  readonly baseline: Dec;
  readonly excess: Dec;
  readonly creditedVolume: Dec;
  readonly waterCredit: Money;
  readonly sewerCredit: Money;
  readonly credit: Money;
  /** What the excess cost on the original bill: the ceiling on the water credit. */
  readonly excessCharge: Money;
}

export interface LeakCredit {
  readonly periods: readonly LeakPeriodCredit[];
  readonly creditedVolume: Dec;
  readonly total: Money;
}
