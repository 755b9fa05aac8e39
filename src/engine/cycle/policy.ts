/**
 * Billing and collection policy for a cycle. Defaults are Pocatello's published rules
 * (../shared/domain: due 16 days after the bill date; a 7-day grace, then 3% of the delinquent
 * amount; $40 out-for-shutoff fee; $20 returned-check fee; $150 deposit to restore without one on
 * file; level pay trued up every November). Values Pocatello does not publish are marked ours.
 */
export interface CyclePolicy {
  readonly dueDays: number;
  readonly graceDays: number;
  /** Percent of the delinquent amount charged as a late fee. */
  readonly lateFeePercent: string;
  /** No late fee on a delinquent amount below this (ours: $1.00). */
  readonly lateFeeMinimum: string;
  readonly shutoffFee: string;
  readonly returnedPaymentFee: string;
  readonly restoreDeposit: string;
  /** Past due below this is not put on the shutoff list (ours: $25.00). */
  readonly delinquencyMinimum: string;
  /** Days between the door hanger and the shutoff (ours: 2; practice runs from 1 to 5). */
  readonly shutoffNoticeDays: number;
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
  restoreDeposit: "150.00",
  delinquencyMinimum: "25.00",
  shutoffNoticeDays: 2,
  nsfCashOnlyAfter: 2,
  levelPayTrueUpMonth: 11,
  waiveLateFeeOnArrangement: true,
};
