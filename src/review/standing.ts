import { decideBilling, DecisionCode, DecisionPolicy, isEstimated } from "../engine";
import { accountReadings, openErrors, readPeriod, unmatchedRows } from "./readings";
import type { ReviewItem, ReviewResult } from "./types";

/** What billing will do with the reviewed reads, counted the way Generate and the register count. */
export interface ReviewStanding {
  /** Accounts held, each with its decision code and reason. */
  readonly held: readonly { readonly account: string; readonly code: DecisionCode; readonly reason: string }[];
  /** Accounts that will be billed on an estimate. */
  readonly estimated: number;
  /** Rows that could not be matched to an account. */
  readonly unmatchedRows: number;
}

/**
 * The billing decision of every account, made by the engine exactly as the cycle makes it, from
 * the review's reads, items (with their decisions) and Accounts sheet: held accounts, estimates,
 * and the rows that could not be matched to an account. Runs again after every decision, so the
 * counts never wait for the sheet to be validated again.
 */
export function reviewStanding(
  r: Pick<ReviewResult, "readRows" | "usage" | "decisions" | "accounts" | "history">,
  items: readonly ReviewItem[],
  policy: DecisionPolicy,
): ReviewStanding {
  const readings = accountReadings(r);
  const errors = openErrors(items, r.accounts);
  const period = readPeriod(r.readRows);
  const subjects = r.accounts
    ? [...r.accounts.values()]
    : [...new Set([...readings.keys(), ...errors.keys()])].map((account) => ({ account, status: "active" as const }));
  const held: ReviewStanding["held"][number][] = [];
  let estimated = 0;
  for (const subject of subjects) {
    const decision = decideBilling(
      {
        subject,
        reading: readings.get(subject.account),
        openErrors: errors.get(subject.account),
        history: r.history.get(subject.account),
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
        owesOrActivity: false,
      },
      policy,
    );
    if (decision.outcome === "held") held.push({ account: subject.account, code: decision.code, reason: decision.reason });
    else if (isEstimated(decision.code)) estimated++;
  }
  return { held, estimated, unmatchedRows: unmatchedRows(r) };
}
