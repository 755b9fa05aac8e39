import { addDays, daysBetween } from "../dates/civilDate";
import type { IsoDate } from "../dates/civilDate";
import type { DecisionSubject } from "./types";

/** The account's service in the period: none, or so many days, and whether this is its final bill. */
export interface ServicePeriod {
  readonly inService: boolean;
  /** Days served; equal to the period's days unless opened or closed in it. */
  readonly days: number;
  readonly prorated: boolean;
  readonly final: boolean;
}

/**
 * Whether and how long the account had service in the period (start exclusive, end inclusive):
 * an Inactive account, one opened after the period or closed on or before its start has none; one
 * opened or closed inside it is served from the day it opened to the day it closed (opened
 * 2026-10-10 in 2026-09-30 to 2026-10-30: 21 of 30 days). A Final account, or one closed in the
 * period, gets its final bill; a Final account without a close date is taken to close at the
 * period's end. An account whose final bill was made off-cycle (finalBilledThrough its close date)
 * has no service left to bill. An off-cycle period (a final bill made at the counter) is always
 * prorated: its days count against the schedule's cycle, not against the period itself.
 */
export function servicePeriod(subject: DecisionSubject, periodStart: IsoDate, periodEnd: IsoDate, offCycle = false): ServicePeriod {
  const full = daysBetween(periodStart, periodEnd);
  const none = { inService: false, days: 0, prorated: false, final: false };
  if (subject.status === "inactive") return none;
  if (subject.openDate && subject.openDate > periodEnd) return none;
  if (subject.closeDate && subject.closeDate <= periodStart) return none;
  // An off-cycle final bill billed the service to its close: no day of it is billed twice.
  if (subject.finalBilledThrough && subject.finalBilledThrough >= (subject.closeDate ?? periodEnd)) return none;
  const opened = subject.openDate && subject.openDate > periodStart ? subject.openDate : undefined;
  const closed = subject.closeDate && subject.closeDate <= periodEnd ? subject.closeDate : undefined;
  const from = opened ? addDays(opened, -1) : periodStart;
  const days = Math.max(1, daysBetween(from, closed ?? periodEnd));
  return { inService: true, days, prorated: offCycle || days !== full, final: closed !== undefined || subject.status === "final" };
}
