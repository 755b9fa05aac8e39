import { Dec, ZERO } from "../decimal";
import { moneyText } from "../money/format";
import type { Aging } from "../cycle/types";

/** The city's deposit rule for new service (Pocatello: $150, none when a letter of credit is on file). */
export interface DepositPolicy {
  readonly amount: string;
  /** Reasons that waive it, as the specialist picks them ("letter of credit"). */
  readonly waivers: readonly string[];
  /** Property owners pay none (a lien secures them), when the city's rule says so. */
  readonly ownersExempt: boolean;
}

export const POCATELLO_DEPOSIT: DepositPolicy = { amount: "150.00", waivers: ["letter of credit"], ownersExempt: false };

/** The deposit new service asks for, and why. */
export function depositFor(
  request: { readonly owner: boolean; readonly waiver?: string; readonly onFile?: Dec },
  policy: DepositPolicy = POCATELLO_DEPOSIT,
): { readonly due: Dec; readonly reason: string } {
  const amount = new Dec(policy.amount);
  if (request.waiver && policy.waivers.includes(request.waiver)) return { due: ZERO, reason: `waived: ${request.waiver}` };
  if (request.owner && policy.ownersExempt) return { due: ZERO, reason: "none for a property owner" };
  const onFile = request.onFile ?? ZERO;
  if (onFile.greaterThanOrEqualTo(amount)) return { due: ZERO, reason: `${moneyText(onFile)} already on file` };
  return {
    due: amount.minus(onFile),
    reason: onFile.isZero()
      ? `the ${moneyText(amount)} deposit for new service`
      : `${moneyText(amount)} less the ${moneyText(onFile)} on file`,
  };
}

/** A closed account settled: the deposit applied to what it owes, the rest due or refunded. */
export interface CloseSettlement {
  readonly depositApplied: Dec;
  /** Still owed after the deposit (the final bill's amount due). */
  readonly due: Dec;
  /** Owed to the customer: a refund request to the mailing address. */
  readonly refund: Dec;
}

/**
 * Settles a closing account: its deposit pays what it owes after the final bill (`owed`, negative
 * for a credit); what the deposit does not need, and any credit, is refunded; what it does not
 * cover stays due. The three always account for owed and deposit exactly: due - refund = owed - deposit.
 */
export function settleClose(owed: Dec, deposit: Dec): CloseSettlement {
  const depositApplied = Dec.min(Dec.max(owed, ZERO), deposit);
  const left = owed.minus(depositApplied);
  const refund = deposit.minus(depositApplied).plus(left.isNegative() ? left.negated() : ZERO);
  return { depositApplied, due: Dec.max(left, ZERO), refund };
}

/**
 * A customer moving from one address to another in the city: the old account closes without
 * settling and its balance moves to the new account with its age (a past due stays past due, so
 * the notice ladder does not start again), and the deposit moves with it.
 */
export function transferBalance(
  aging: Aging<Dec>,
  deposit: Dec,
): { readonly carried: Aging<Dec>; readonly total: Dec; readonly pastDue: Dec; readonly deposit: Dec; readonly closing: Aging<Dec> } {
  const pastDue = aging.days30.plus(aging.days60).plus(aging.days90);
  return {
    carried: aging,
    total: aging.current.plus(pastDue),
    pastDue,
    deposit,
    closing: { current: ZERO, days30: ZERO, days60: ZERO, days90: ZERO },
  };
}
