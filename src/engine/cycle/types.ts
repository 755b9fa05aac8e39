import type { PlanState } from "../plans/paymentPlan";
import type { Dec } from "../decimal";
import type { IsoDate } from "../dates/civilDate";
import type { Money } from "../money/money";
import type { AccountStatus, UsageRecord } from "../edits/types";
import type { BillLine } from "../bills/types";
import type { BillingDecision, CycleReading } from "../billingDecision/types";
import type { CollectionStanding } from "../collections/types";
import type { PaymentChannel } from "../payments/types";

export type { CycleReading } from "../billingDecision/types";

/** An account as the cycle bills it (the Accounts sheet, extended). */
export interface CycleAccount {
  readonly account: string;
  readonly name: string;
  readonly serviceAddress: string;
  readonly mailingAddress: string;
  readonly status: AccountStatus;
  readonly openDate?: IsoDate;
  readonly closeDate?: IsoDate;
  /** The close date an off-cycle final bill billed to (the Final Bills sheet): those days are not billed again. */
  readonly finalBilledThrough?: IsoDate;
  readonly rateClass?: string;
  readonly meter?: string;
  readonly meterSize?: string;
  readonly dials?: number;
  readonly multiplier?: Dec;
  readonly dwellingUnits?: number;
  readonly cartSize?: string;
  readonly cartCount?: number;
  /** Commercial container service: size ("3yd"), containers, pickups per week. */
  readonly containers?: { readonly size?: string; readonly count: number; readonly pickupsPerWeek: number };
  readonly deposit: Dec;
  readonly levelPay: boolean;
  readonly levelPayAmount?: Dec;
  /** Actual charges minus level amounts billed since the last true-up (positive: owed). */
  readonly levelPayDeferred: Dec;
  readonly autopay: boolean;
  /** The customer's bank for autopay (routing number) and account, masked to its last four digits (ADR 0010). */
  readonly autopayRouting?: string;
  readonly autopayAccount?: string;
  readonly eBill: boolean;
  readonly email?: string;
  readonly arrangementUntil?: IsoDate;
  readonly arrangementAmount?: Dec;
  /**
   * The account's payment plan (the Payment Plans sheet) as it stands at the bill date, set when the
   * cycle is loaded: a kept plan is a kept arrangement whatever this cycle's payments were; a missed
   * or paid-off plan comes with its arrangement cleared, so the notice ladder applies.
   */
  readonly plan?: { readonly state: PlanState; readonly reason: string };
  readonly nsfCount: number;
  /** The date a crew went out to shut the service off, if since the last bill. */
  readonly outForShutoff?: IsoDate;
}

/** What the account owed at the last bill, by service and by age. */
export interface OpeningBalance {
  readonly account: string;
  /** By service ("water", "sewer", ...; "unallocated" when the sheet has only a total). */
  readonly byService: ReadonlyMap<string, Dec>;
  readonly aging: Aging<Dec>;
}

export interface Aging<T> {
  readonly current: T;
  readonly days30: T;
  readonly days60: T;
  readonly days90: T;
}

/** How a payment arrived: the payment batch's channel (payments/types.ts). */
export type PaymentMethod = PaymentChannel;

export interface Payment {
  readonly account: string;
  readonly date: IsoDate;
  readonly amount: Dec;
  readonly method: PaymentMethod;
  readonly reference: string;
  readonly returned: boolean;
  /**
   * Set on a reversal: the row that takes back an earlier payment when its check or bank draft is
   * returned (the batch and line it reverses). The earlier row stays as it was posted; this one
   * undoes it and carries the returned-payment fee. Rows exported with only a Returned flag on the
   * payment itself have no `reverses`: they are a payment and its reversal in one row.
   */
  readonly reverses?: string;
}

export type AdjustmentKind = "leak credit" | "back-bill" | "credit" | "charge";

/** A correction: a new line that points at what it corrects, never an edit of a posted bill. */
export interface Adjustment {
  readonly account: string;
  readonly date: IsoDate;
  readonly kind: AdjustmentKind;
  readonly service: string;
  /** Signed: a credit is negative. */
  readonly amount: Dec;
  /** The bill number or period it corrects. */
  readonly corrects: string;
  readonly description: string;
}

export interface CycleInput {
  readonly billDate: IsoDate;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  /** The previous bill's date: payments after it count in this cycle. */
  readonly previousBillDate: IsoDate;
  readonly accounts: readonly CycleAccount[];
  readonly balances: ReadonlyMap<string, OpeningBalance>;
  readonly payments: readonly Payment[];
  readonly adjustments: readonly Adjustment[];
  readonly readings: ReadonlyMap<string, CycleReading>;
  readonly history: ReadonlyMap<string, readonly UsageRecord[]>;
  /** Accounts with an open error edit, with the edits' codes: each is held. */
  readonly held: ReadonlyMap<string, readonly string[]>;
  /**
   * An off-cycle final bill (a close at the counter): its period runs from the last bill to the
   * close, which is not a cycle, so its days of service prorate the fixed charges against the
   * schedule's nominal cycle days (5 days of service is 5 of 30) whatever the period's length.
   */
  readonly offCycle?: boolean;
}

export type StatementLineKind = "charge" | "adjustment" | "fee" | "payment" | "reversal" | "levelPay";

/**
 * Periods of usage as two columns of one length, oldest first: a statement's 13 months of bars
 * as two short arrays of shared values rather than an object per month (a cycle keeps one per
 * account: 13 objects a statement are 0.7 GB at a million accounts).
 */
export interface UsagePeriods {
  readonly periodEnds: readonly IsoDate[];
  readonly usages: readonly Dec[];
}

/** Anything on a statement besides the rate lines: adjustments, fees, payments, reversals. */
export interface StatementLine {
  readonly kind: StatementLineKind;
  readonly service: string;
  readonly description: string;
  /** Signed: payments and credits are negative. */
  readonly amount: Money;
  readonly date?: IsoDate;
  readonly corrects?: string;
}

export interface LevelPayment {
  readonly amount: Money;
  readonly actual: Money;
  readonly deferredBefore: Money;
  readonly deferredAfter: Money;
  /** In the true-up month: the deferred balance billed now, and the new level amount. */
  readonly trueUp?: Money;
  readonly newAmount?: Money;
}

/** One account's bill for the cycle: every line, and where each total comes from. */
export interface Statement {
  readonly billNumber: string;
  readonly account: CycleAccount;
  readonly billDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  /** Days of service when prorated (opened or closed in the period). */
  readonly serviceDays?: number;
  readonly final: boolean;
  /** Why and how the account is billed: the same decision the register and the review show. */
  readonly decision: BillingDecision;
  /** The meters read for the period, as the review left them. */
  readonly reading?: CycleReading;
  readonly chargeLines: readonly BillLine[];
  readonly currentCharges: Money;
  readonly otherLines: readonly StatementLine[];
  readonly levelPay?: LevelPayment;
  readonly previousBalance: Money;
  readonly payments: Money;
  readonly adjustments: Money;
  readonly fees: Money;
  readonly totalDue: Money;
  /** Unpaid after the last due date plus grace: what the late fee was charged on. */
  readonly delinquent: Money;
  /**
   * Payments applied to the opening balance by service (overpayment as "unapplied"), in the
   * opening balance's order; empty when nothing was paid. Pairs rather than a map: a cycle keeps
   * one per account.
   */
  readonly paidByService: readonly { readonly service: string; readonly amount: Money }[];
  readonly aging: Aging<Money>;
  /** Up to 13 periods, oldest first, ending with this one. */
  readonly usageHistory: UsagePeriods;
  /** Every payment received this cycle, returned ones included. */
  readonly paymentsReceived: readonly Payment[];
  /** Past due after this bill and the one collection notice it gets (or why none). */
  readonly collection: CollectionStanding;
}
