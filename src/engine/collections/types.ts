import type { IsoDate } from "../dates/civilDate";
import type { HolidayRule } from "../calendar/holidayRules";
import type { Money } from "../money/money";

/** The collection notices, lowest first. A reminder is a message on the bill; the rest are letters or lists. */
export type NoticeRung = "reminder" | "late notice" | "final notice" | "final bill" | "collections";

/** What the ladder sends for one, two, and three or more bills past due. */
export type LadderStep = "none" | "reminder" | "late notice" | "final notice";

/** The settings of the notice ladder (docs/outputs.md, "Who gets which notice"). */
export interface LadderPolicy {
  /** The notice for 1, 2, and 3 or more bills past due, one rung per cycle. */
  readonly noticeLadder: readonly [LadderStep, LadderStep, LadderStep];
  /** Past due below this gets at most a reminder on the bill: no letter, no shutoff. */
  readonly delinquencyMinimum: string;
  /** Business days from mailing a final notice to the last day to pay before shutoff. */
  readonly shutoffNoticeBusinessDays: number;
  /** Business days before the shutoff date that the door hanger is hung. */
  readonly doorHangerBusinessDays: number;
  /** Days after the close date that an unpaid final or closed account goes on the collections list. */
  readonly collectionsAfterDays: number;
  readonly shutoffFee: string;
  readonly restoreDeposit: string;
  /** Days to pay a returned payment and its fee (Pocatello: within 7 days), then the next business day. */
  readonly returnedPaymentDays: number;
  /** The days the office is closed besides weekends. */
  readonly holidays: readonly HolidayRule[];
}

/** A final notice's shutoff terms: the door hanger, the shutoff list and the letter all show these. */
export interface ShutoffTerms {
  /** The business day the door hanger goes on the door. */
  readonly hangOn: IsoDate;
  /** The first business day after the last day to pay: service may be shut off from then. */
  readonly shutoffDate: IsoDate;
  readonly fee: Money;
  /** What restoring service takes: the past due, plus a deposit when none is on file. */
  readonly restoreAmount: Money;
  readonly depositRequired: Money;
}

/** The one collection notice an account gets this cycle: one amount, one deadline, everywhere it shows. */
export interface CollectionNotice {
  readonly rung: NoticeRung;
  /** What the customer must pay. */
  readonly amount: Money;
  /** The last day to pay it, a business day. */
  readonly payBy: IsoDate;
  /** The business day the notice is dated and mailed. */
  readonly mailed: IsoDate;
  /** Why this rung, in the specialist's words. */
  readonly reason: string;
  readonly shutoff?: ShutoffTerms;
  /** A written payment arrangement in force was not kept this cycle, so the ladder applies. */
  readonly arrangementBroken: boolean;
  /** A payment was returned this cycle: the amount covers it and its fee, by the returned-payment deadline. */
  readonly returnedPayment: boolean;
}

export type KeptOffReason = "kept payment arrangement" | "under the minimum balance" | "level pay current" | "out for shutoff" | "held";

/** An account's place in collections after this bill. */
export interface CollectionStanding {
  /** Unpaid after its due date (the 30, 60 and 90+ day buckets). */
  readonly pastDue: Money;
  /** How many bills the oldest unpaid amount goes back: 0 to 3 (3 is three or more). */
  readonly billsPastDue: 0 | 1 | 2 | 3;
  readonly notice?: CollectionNotice;
  /** Kept off letters and the shutoff list, and why. */
  readonly keptOff?: { readonly reason: KeptOffReason; readonly detail: string };
}
