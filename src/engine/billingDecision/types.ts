import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { AccountStatus, UsageRecord } from "../edits/types";

/** One leg of a meter exchange: a meter's reads and usage over its part of the period. */
export interface MeterLeg {
  readonly meter: string;
  readonly from: Dec;
  readonly to: Dec;
  readonly usage: Dec;
}

/** How a meter's usage for the period was obtained. */
export type ReadSource = "actual" | "customer" | "reader's estimate" | "specialist's estimate";

/** One meter's read for the period, as the read review left it. */
export interface MeterReading {
  readonly meter: string;
  readonly previous: Dec | null;
  readonly current: Dec | null;
  readonly previousDate?: IsoDate;
  readonly currentDate?: IsoDate;
  /** The usage the review computed (or the specialist's estimate); null when the read cannot be billed. */
  readonly usage: Dec | null;
  readonly source: ReadSource;
  /** The specialist asked for this meter to be read again; the read on file is not used. */
  readonly rereadRequested: boolean;
  /** A meter exchanged in the period: the old meter to its final read, the new one from its set read. */
  readonly legs?: readonly [MeterLeg, MeterLeg];
}

/** Every meter read for an account this period. */
export interface CycleReading {
  readonly account: string;
  readonly meters: readonly MeterReading[];
}

/** What a billing decision needs to know of the account. */
export interface DecisionSubject {
  readonly account: string;
  readonly status: AccountStatus;
  readonly meter?: string;
  readonly openDate?: IsoDate;
  readonly closeDate?: IsoDate;
  /**
   * The last day an off-cycle final bill has billed (the close date): those days are never billed
   * again, so a later cycle gives the closed account a statement of its balance, not a second final bill.
   */
  readonly finalBilledThrough?: IsoDate;
}

/** The decision's settings (docs/outputs.md, "Who is billed"). */
export interface DecisionPolicy {
  /**
   * An account in service whose meter has no usable read (none, or a re-read requested): estimate
   * it from its history and flag it (most utilities; Tyler Munis, "Estimating Meter Reads"), or
   * hold it until it is read.
   */
  readonly noUsableRead: "estimate" | "hold";
  /** Vacant accounts pay their base charges (ours; no carts either way). */
  readonly vacantBaseCharges: boolean;
}

export interface DecisionInput {
  readonly subject: DecisionSubject;
  readonly reading?: CycleReading;
  /** Codes of the account's open error edits. */
  readonly openErrors?: readonly string[];
  /** The account's usage history, oldest first. */
  readonly history?: readonly UsageRecord[];
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  /** An off-cycle final bill: the days of service always prorate against the schedule's cycle days. */
  readonly offCycle?: boolean;
  /** A balance, payments, adjustments or deferred level pay: a statement is owed even without service. */
  readonly owesOrActivity: boolean;
}

/** One closed list of what the cycle decided for an account; DECISIONS gives each its words. */
export type DecisionCode =
  | "ACTUAL_READ"
  | "ESTIMATED_READ"
  | "ESTIMATED_REREAD"
  | "ESTIMATED_NO_READ"
  | "UNMETERED"
  | "BALANCE_ONLY"
  | "HELD_OPEN_EDIT"
  | "HELD_REREAD"
  | "HELD_NO_READ"
  | "HELD_NO_HISTORY"
  | "HELD_VACANT_NO_READ"
  | "HELD_UNPRICED"
  | "NOT_BILLED_NO_SERVICE"
  | "NOT_BILLED_VACANT";

export type DecisionOutcome = "billed" | "held" | "not billed";

/** An estimate of the period's usage from the account's own history. */
export interface HistoryEstimate {
  readonly usage: Dec;
  readonly dailyAverage: Dec;
  readonly periodsUsed: number;
  readonly days: number;
  /** "daily average of 12 prior periods x 30 days". */
  readonly method: string;
}

/** The one decision per account per cycle: every output (bill, register, letters, review) shows it. */
export interface BillingDecision {
  readonly account: string;
  readonly outcome: DecisionOutcome;
  readonly code: DecisionCode;
  /** Why, with the facts behind it, in the specialist's words. */
  readonly reason: string;
  /** The final bill of an account closing in the period. */
  readonly final: boolean;
  /** The usage billed (schedule units); undefined when no usage is billed (unmetered, balance only). */
  readonly usage?: Dec;
  readonly estimate?: HistoryEstimate;
  /** A re-read is pending for a meter of the account. */
  readonly rereadRequested: boolean;
  /** Days of service when fewer than the period's (opened or closed in it). */
  readonly serviceDays?: number;
}
