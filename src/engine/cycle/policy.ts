import { US_FEDERAL_HOLIDAYS } from "../calendar/holidayRules";
import type { DecisionPolicy } from "../billingDecision/types";
import type { LadderPolicy } from "../collections/types";

/**
 * Billing and collection policy for a cycle. Defaults are Pocatello's published rules
 * (../shared/domain: due 16 days after the bill date; a 7-day grace, then 3% of the delinquent
 * amount; $40 out-for-shutoff fee; $20 returned-check fee; $150 deposit to restore without one on
 * file; level pay trued up every November). Values Pocatello does not publish carry their source
 * or are marked ours. docs/outputs.md lists every one.
 */
export interface CyclePolicy extends DecisionPolicy, LadderPolicy {
  /** Days from the bill date to the due date, moved to the next business day. */
  readonly dueDays: number;
  readonly graceDays: number;
  /** Percent of the delinquent amount charged as a late fee. */
  readonly lateFeePercent: string;
  /** No late fee on a delinquent amount below this (ours: $1.00). */
  readonly lateFeeMinimum: string;
  readonly returnedPaymentFee: string;
  /** Returned payments in 12 months after which the account pays cash only (ours: 2). */
  readonly nsfCashOnlyAfter: number;
  /** Month (1-12) of the level-pay true-up. */
  readonly levelPayTrueUpMonth: number;
  /** No late fee for an account keeping a payment arrangement. */
  readonly waiveLateFeeOnArrangement: boolean;
}

export const POCATELLO_POLICY: CyclePolicy = {
  dueDays: 16,
  graceDays: 7,
  lateFeePercent: "3",
  lateFeeMinimum: "1.00",
  shutoffFee: "40.00",
  returnedPaymentFee: "20.00",
  returnedPaymentDays: 7,
  restoreDeposit: "150.00",
  // Ours: a past due under $25.00 gets a reminder on the bill, never a letter or a shutoff.
  delinquencyMinimum: "25.00",
  nsfCashOnlyAfter: 2,
  levelPayTrueUpMonth: 11,
  waiveLateFeeOnArrangement: true,
  // Most utilities estimate an unread meter and flag it (Tyler Munis, "Estimating Meter Reads").
  noUsableRead: "estimate",
  vacantBaseCharges: true,
  // The ladder of ../shared/domain, one rung per cycle: a past-due message on the bill, a late
  // notice, then a final (shutoff) notice with a door hanger and the shutoff list.
  noticeLadder: ["reminder", "late notice", "final notice"],
  // Issue 10: the shutoff at least 10 business days after the notice is mailed.
  shutoffNoticeBusinessDays: 10,
  // Door hangers give 24 hours to 5 days of notice (../shared/domain); ours: 2 business days.
  doorHangerBusinessDays: 2,
  // Final accounts go to collections after 30-90 days (../shared/domain); ours: 60.
  collectionsAfterDays: 60,
  holidays: US_FEDERAL_HOLIDAYS,
};
