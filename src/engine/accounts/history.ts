import type { IsoDate } from "../dates/civilDate";

/**
 * One change to an account, kept forever: which field of the Accounts sheet (by its column label),
 * the value it takes from the effective date on, the value it had, and why (the task that made it).
 * An account is never edited in place: its history is its Accounts row plus its changes, so a
 * cycle or a back-bill for a past period sees the account as it was then (ADR 0011).
 */
export interface AccountChange {
  readonly account: string;
  /** The Accounts sheet's column label: "Status", "Close Date", "Autopay", "Level Pay Amount". */
  readonly field: string;
  /** As a cell would hold it: "Final", "2026-12-02", "Yes", "84.17"; "" clears the field. */
  readonly value: string;
  /** What the field held before (for the record; not used to apply the change). */
  readonly was: string;
  readonly effective: IsoDate;
  /** The task that made it: "Close service", "Autopay enrolment". */
  readonly task: string;
  readonly reason: string;
  /** When it was recorded (UTC instant): orders changes with the same effective date. */
  readonly recorded: string;
}

/**
 * The changes in effect on a date: for each account and field, the latest change effective on or
 * before `asOf` (by effective date, then by when it was recorded, then by its place in the list).
 * Field names are compared without case. A change effective later is not yet in effect.
 */
export function changesInEffect(changes: readonly AccountChange[], asOf: IsoDate): Map<string, Map<string, AccountChange>> {
  const ordered = changes
    .map((c, at) => ({ c, at }))
    .filter(({ c }) => c.effective <= asOf)
    .sort((a, b) =>
      a.c.effective !== b.c.effective
        ? a.c.effective < b.c.effective
          ? -1
          : 1
        : a.c.recorded !== b.c.recorded
          ? a.c.recorded < b.c.recorded
            ? -1
            : 1
          : a.at - b.at,
    );
  const byAccount = new Map<string, Map<string, AccountChange>>();
  for (const { c } of ordered) {
    let fields = byAccount.get(c.account);
    if (!fields) byAccount.set(c.account, (fields = new Map()));
    fields.set(c.field.trim().toLowerCase(), c);
  }
  return byAccount;
}

/** Every change to one account, oldest effective first: its history as the Account view lists it. */
export function accountHistory(changes: readonly AccountChange[], account: string): AccountChange[] {
  return changes
    .filter((c) => c.account === account)
    .sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.recorded < b.recorded ? -1 : 1));
}
